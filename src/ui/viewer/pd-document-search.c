/* pd-document-search.c: finding text in every page of a document */
#include "config.h"

#include "pd-document-search.h"

/* Each slice stops after this long, to keep frames coming. */
#define SLICE_USEC 8000

struct _PdDocumentSearch
{
  GObject           parent_instance;

  PdViewerDocument *document;
  char             *text;
  int               start_page;
  int               n_searched;
  guint             idle_id;
  GHashTable       *matches;   /* page → GArray */
  guint             n_matches;
};

G_DEFINE_FINAL_TYPE (PdDocumentSearch, pd_document_search, G_TYPE_OBJECT)

enum { PAGE_SEARCHED, FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
search_slice (gpointer data)
{
  PdDocumentSearch *self = data;
  int n_pages = pd_viewer_document_get_n_pages (self->document);
  gint64 end = g_get_monotonic_time () + SLICE_USEC;

  g_object_ref (self);
  while (self->n_searched < n_pages && g_get_monotonic_time () < end)
    {
      int page = (self->start_page + self->n_searched) % n_pages;
      GArray *found = pd_viewer_document_find_on_page (self->document, page, self->text);
      guint n_found = found->len;

      self->n_searched++;
      if (n_found > 0)
        {
          g_hash_table_insert (self->matches, GINT_TO_POINTER (page), found);
          self->n_matches += n_found;
        }
      else
        g_array_unref (found);
      g_signal_emit (self, signals[PAGE_SEARCHED], 0, page, (int) n_found);
      if (self->idle_id == 0)   /* disposed by a handler */
        break;
    }
  if (self->n_searched >= n_pages && self->idle_id != 0)
    {
      self->idle_id = 0;
      g_signal_emit (self, signals[FINISHED], 0);
      g_object_unref (self);
      return G_SOURCE_REMOVE;
    }
  g_object_unref (self);
  return self->idle_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

PdDocumentSearch *
pd_document_search_new (PdViewerDocument *document,
                        const char       *text,
                        int               start_page)
{
  PdDocumentSearch *self;

  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (document), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (PD_TYPE_DOCUMENT_SEARCH, NULL);
  self->document = g_object_ref (document);
  self->text = g_strdup (text);
  self->start_page = CLAMP (start_page, 0, pd_viewer_document_get_n_pages (document) - 1);
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, search_slice, self, NULL);
  return self;
}

const char *
pd_document_search_get_text (PdDocumentSearch *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_SEARCH (self), NULL);
  return self->text;
}

gboolean
pd_document_search_is_finished (PdDocumentSearch *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_SEARCH (self), TRUE);
  return self->n_searched >= pd_viewer_document_get_n_pages (self->document);
}

GHashTable *
pd_document_search_get_matches (PdDocumentSearch *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_SEARCH (self), NULL);
  return self->matches;
}

guint
pd_document_search_get_n_matches (PdDocumentSearch *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_SEARCH (self), 0);
  return self->n_matches;
}

gboolean
pd_document_search_get_match (PdDocumentSearch *self,
                              guint             index,
                              int              *page,
                              PopplerRectangle *rect)
{
  int n_pages;

  g_return_val_if_fail (PD_IS_DOCUMENT_SEARCH (self), FALSE);

  n_pages = pd_viewer_document_get_n_pages (self->document);
  for (int p = 0; p < n_pages; p++)
    {
      GArray *found = g_hash_table_lookup (self->matches, GINT_TO_POINTER (p));

      if (found == NULL)
        continue;
      if (index < found->len)
        {
          *page = p;
          *rect = g_array_index (found, PopplerRectangle, index);
          return TRUE;
        }
      index -= found->len;
    }
  return FALSE;
}

int
pd_document_search_find_from (PdDocumentSearch *self,
                              int               page)
{
  int n_pages, before = 0, first_page = -1;

  g_return_val_if_fail (PD_IS_DOCUMENT_SEARCH (self), -1);

  n_pages = pd_viewer_document_get_n_pages (self->document);
  if (self->n_matches == 0)
    return -1;
  /* Count the matches before @page; the first at or after it wraps round. */
  for (int p = 0; p < n_pages; p++)
    {
      GArray *found = g_hash_table_lookup (self->matches, GINT_TO_POINTER (p));

      if (found == NULL)
        continue;
      if (p < page)
        before += found->len;
      else if (first_page < 0)
        first_page = p;
    }
  return first_page >= 0 ? before : 0;
}

static void
pd_document_search_dispose (GObject *object)
{
  PdDocumentSearch *self = PD_DOCUMENT_SEARCH (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  G_OBJECT_CLASS (pd_document_search_parent_class)->dispose (object);
}

static void
pd_document_search_finalize (GObject *object)
{
  PdDocumentSearch *self = PD_DOCUMENT_SEARCH (object);

  g_clear_object (&self->document);
  g_hash_table_unref (self->matches);
  g_free (self->text);
  G_OBJECT_CLASS (pd_document_search_parent_class)->finalize (object);
}

static void
pd_document_search_class_init (PdDocumentSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_document_search_dispose;
  object_class->finalize = pd_document_search_finalize;

  signals[PAGE_SEARCHED] = g_signal_new ("page-searched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_document_search_init (PdDocumentSearch *self)
{
  self->matches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
}
