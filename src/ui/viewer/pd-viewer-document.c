/* pd-viewer-document.c: a PDF opened for the viewer, and why one cannot be */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pd-viewer-document.h"

/* Poppler itself looks for the header within the first kilobyte. */
#define HEADER_SEARCH_BYTES 1024

struct _PdViewerDocument
{
  GObject          parent_instance;

  GFile           *file;       /* read lazily, or */
  GBytes          *bytes;      /* all in memory */
  char            *password;
  PopplerDocument *poppler;
  int              n_pages;
  double          *sizes;      /* width, height for each page */
  double           max_width;
  double           max_height;
  GPtrArray       *outline;    /* PdOutlineEntry, made on first use */
};

G_DEFINE_FINAL_TYPE (PdViewerDocument, pd_viewer_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (pd-pdf-error-quark, pd_pdf_error)

static void
outline_entry_free (gpointer data)
{
  PdOutlineEntry *entry = data;

  g_free (entry->title);
  g_free (entry);
}

static void
pd_viewer_document_finalize (GObject *object)
{
  PdViewerDocument *self = PD_VIEWER_DOCUMENT (object);

  g_clear_object (&self->poppler);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->outline, g_ptr_array_unref);
  g_free (self->sizes);
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);

  G_OBJECT_CLASS (pd_viewer_document_parent_class)->finalize (object);
}

static void
pd_viewer_document_class_init (PdViewerDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_viewer_document_finalize;
}

static void
pd_viewer_document_init (PdViewerDocument *self)
{
}

static gboolean
has_pdf_header (const char *data,
                gsize       length)
{
  gsize limit = MIN (length, HEADER_SEARCH_BYTES);

  for (gsize i = 0; i + 5 <= limit; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

PopplerDocument *
pd_viewer_document_open_poppler (PdViewerDocument  *self,
                                 GError           **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (self), NULL);

  /* A file is read lazily, only the parts a page needs: a 30 MB scan
   * shows its first page without being read whole first. */
  if (self->file != NULL)
    return poppler_document_new_from_gfile (self->file, self->password, NULL, error);
  if (self->password == NULL)
    return poppler_document_new_from_bytes (self->bytes, NULL, error);
  /* poppler 22.12's new_from_bytes reads freed memory when a password is
   * wrong (it retries on a stream it has already deleted); its stream
   * reader does not, so a password goes that way. */
  stream = g_memory_input_stream_new_from_bytes (self->bytes);
  return poppler_document_new_from_stream (stream, (goffset) g_bytes_get_size (self->bytes),
                                           self->password, NULL, error);
}

/* Checks the start of the file, then has poppler open it. */
static PdViewerDocument *
open_checked (PdViewerDocument  *self,
              const char        *start,
              gsize              start_length,
              GError           **error)
{
  g_autoptr(PdViewerDocument) owned = self;
  g_autoptr(GError) poppler_error = NULL;
  PopplerDocument *poppler;

  if (start_length == 0)
    {
      g_set_error_literal (error, PD_PDF_ERROR, PD_PDF_ERROR_EMPTY,
                           _("The file is empty: it has no content at all. It may not have been copied completely."));
      return NULL;
    }
  if (!has_pdf_header (start, start_length))
    {
      g_set_error_literal (error, PD_PDF_ERROR, PD_PDF_ERROR_NOT_PDF,
                           _("The file is not a PDF document, although it may be named like one."));
      return NULL;
    }

  poppler = pd_viewer_document_open_poppler (self, &poppler_error);
  if (poppler == NULL)
    {
      if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          if (self->password != NULL && *self->password != '\0')
            g_set_error_literal (error, PD_PDF_ERROR, PD_PDF_ERROR_WRONG_PASSWORD,
                                 _("The password is not correct."));
          else
            g_set_error_literal (error, PD_PDF_ERROR, PD_PDF_ERROR_NEEDS_PASSWORD,
                                 _("The document is protected by a password."));
        }
      else
        g_set_error_literal (error, PD_PDF_ERROR, PD_PDF_ERROR_DAMAGED,
                             _("The PDF document is damaged or incomplete and cannot be read."));
      return NULL;
    }

  self->poppler = poppler;
  self->n_pages = poppler_document_get_n_pages (poppler);
  if (self->n_pages <= 0)
    {
      g_set_error_literal (error, PD_PDF_ERROR, PD_PDF_ERROR_DAMAGED,
                           _("The PDF document is damaged: it has no pages."));
      return NULL;
    }

  /* All sizes up front, so the page view can lay out every page at once. */
  self->sizes = g_new (double, 2 * self->n_pages);
  for (int i = 0; i < self->n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (poppler, i);
      double width = 0, height = 0;

      if (page != NULL)
        poppler_page_get_size (page, &width, &height);
      /* A page without a usable size still gets a place to say so. */
      if (!(width >= 1 && width < 20000) || !(height >= 1 && height < 20000))
        width = 595, height = 842;
      self->sizes[2 * i] = width;
      self->sizes[2 * i + 1] = height;
      self->max_width = MAX (self->max_width, width);
      self->max_height = MAX (self->max_height, height);
    }
  return g_steal_pointer (&owned);
}

PdViewerDocument *
pd_viewer_document_new_from_bytes (GBytes      *bytes,
                                   const char  *password,
                                   GError     **error)
{
  PdViewerDocument *self;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (PD_TYPE_VIEWER_DOCUMENT, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->password = g_strdup (password);
  data = g_bytes_get_data (bytes, &length);
  return open_checked (self, data, length, error);
}

PdViewerDocument *
pd_viewer_document_new_for_file (GFile         *file,
                                 const char    *password,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  PdViewerDocument *self;
  char start[HEADER_SEARCH_BYTES];
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = G_INPUT_STREAM (g_file_read (file, cancellable, &local_error));
  if (stream == NULL || !g_input_stream_read_all (stream, start, sizeof start, &length, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PD_PDF_ERROR, PD_PDF_ERROR_UNREADABLE,
                     _("The file cannot be read: %s"), local_error->message);
      return NULL;
    }
  g_input_stream_close (stream, NULL, NULL);

  self = g_object_new (PD_TYPE_VIEWER_DOCUMENT, NULL);
  self->file = g_object_ref (file);
  self->password = g_strdup (password);
  return open_checked (self, start, length, error);
}

typedef struct
{
  GFile *file;
  char  *password;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->file);
  g_free (data->password);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  PdViewerDocument *document;

  document = pd_viewer_document_new_for_file (data->file, data->password, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
pd_viewer_document_load_async (GFile               *file,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->password = g_strdup (password);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_viewer_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

PdViewerDocument *
pd_viewer_document_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
pd_viewer_document_get_password (PdViewerDocument *self)
{
  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (self), NULL);
  return self->password;
}

PopplerDocument *
pd_viewer_document_get_poppler (PdViewerDocument *self)
{
  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (self), NULL);
  return self->poppler;
}

int
pd_viewer_document_get_n_pages (PdViewerDocument *self)
{
  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (self), 0);
  return self->n_pages;
}

void
pd_viewer_document_get_page_size (PdViewerDocument *self,
                                  int               page_index,
                                  double           *width,
                                  double           *height)
{
  g_return_if_fail (PD_IS_VIEWER_DOCUMENT (self));
  g_return_if_fail (page_index >= 0 && page_index < self->n_pages);

  if (width)
    *width = self->sizes[2 * page_index];
  if (height)
    *height = self->sizes[2 * page_index + 1];
}

void
pd_viewer_document_get_max_page_size (PdViewerDocument *self,
                                      double           *width,
                                      double           *height)
{
  g_return_if_fail (PD_IS_VIEWER_DOCUMENT (self));

  if (width)
    *width = self->max_width;
  if (height)
    *height = self->max_height;
}

static int
page_of_action (PdViewerDocument *self,
                PopplerAction    *action)
{
  PopplerDest *dest;
  int page = -1;

  if (action == NULL || action->type != POPPLER_ACTION_GOTO_DEST || action->goto_dest.dest == NULL)
    return -1;
  dest = action->goto_dest.dest;
  if (dest->type == POPPLER_DEST_NAMED)
    {
      PopplerDest *named = poppler_document_find_dest (self->poppler, dest->named_dest);

      if (named != NULL)
        {
          page = named->page_num - 1;
          poppler_dest_free (named);
        }
    }
  else
    page = dest->page_num - 1;
  return page >= 0 && page < self->n_pages ? page : -1;
}

static void
collect_outline (PdViewerDocument *self,
                 PopplerIndexIter *iter,
                 int               depth)
{
  /* Deeper than any real report: a malformed file may loop. */
  if (depth > 16 || self->outline->len > 10000)
    return;
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;
      PdOutlineEntry *entry;

      if (action == NULL)
        continue;
      entry = g_new0 (PdOutlineEntry, 1);
      entry->title = g_strdup (action->any.title ? action->any.title : "");
      entry->depth = depth;
      entry->page_index = page_of_action (self, action);
      g_ptr_array_add (self->outline, entry);
      poppler_action_free (action);

      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          collect_outline (self, child, depth + 1);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

GPtrArray *
pd_viewer_document_get_outline (PdViewerDocument *self)
{
  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (self), NULL);

  if (self->outline == NULL)
    {
      PopplerIndexIter *iter = poppler_index_iter_new (self->poppler);

      self->outline = g_ptr_array_new_with_free_func (outline_entry_free);
      if (iter != NULL)
        {
          collect_outline (self, iter, 0);
          poppler_index_iter_free (iter);
        }
    }
  return self->outline;
}

GArray *
pd_viewer_document_find_on_page (PdViewerDocument *self,
                                 int               page_index,
                                 const char       *text)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
  g_autoptr(PopplerPage) page = NULL;
  GList *matches;
  double height;

  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (self), found);
  if (text == NULL || *text == '\0' || page_index < 0 || page_index >= self->n_pages)
    return found;

  page = poppler_document_get_page (self->poppler, page_index);
  if (page == NULL)
    return found;
  poppler_page_get_size (page, NULL, &height);
  matches = poppler_page_find_text_with_options (page, text, POPPLER_FIND_MULTILINE);
  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *match = l->data;
      /* Poppler counts y from the bottom of the page. */
      PopplerRectangle rect = {
        .x1 = MIN (match->x1, match->x2),
        .x2 = MAX (match->x1, match->x2),
        .y1 = height - MAX (match->y1, match->y2),
        .y2 = height - MIN (match->y1, match->y2),
      };

      g_array_append_val (found, rect);
    }
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
  return found;
}
