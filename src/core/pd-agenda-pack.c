/* pd-agenda-pack.c: a meeting's agenda pack, one PDF */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <poppler.h>

#include "pd-agenda.h"
#include "pd-agenda-item.h"
#include "pd-agenda-pack.h"
#include "pd-agenda-pack-private.h"
#include "pd-agenda-paper.h"
#include "pd-error.h"
#include "pd-meeting.h"
#include "pd-pack-page-private.h"

G_DEFINE_FINAL_TYPE (PdAgendaPack, pd_agenda_pack, G_TYPE_OBJECT)

static void
pack_paper_free (PackPaper *paper)
{
  pd_agenda_paper_free (paper->paper);
  g_clear_object (&paper->document);
  g_free (paper);
}

static void
pack_item_free (PackItem *item)
{
  g_clear_object (&item->item);
  g_clear_pointer (&item->papers, g_ptr_array_unref);
  g_free (item);
}

static void
pd_agenda_pack_finalize (GObject *object)
{
  PdAgendaPack *self = (PdAgendaPack *)object;

  g_free (self->title);
  g_free (self->when);
  g_free (self->place);
  g_free (self->video_link);
  g_free (self->chair);
  g_free (self->header);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->withdrawn, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (pd_agenda_pack_parent_class)->finalize (object);
}

static void
pd_agenda_pack_class_init (PdAgendaPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_agenda_pack_finalize;
}

static void
pd_agenda_pack_init (PdAgendaPack *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_item_free);
  self->withdrawn = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->problems, NULL);
}

/* "Tuesday 31 March 2026, 10:00–12:30" in local time. */
static char *
format_when (const char *starts_at,
             const char *ends_at)
{
  g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 (starts_at, NULL);
  g_autoptr(GDateTime) ends = g_date_time_new_from_iso8601 (ends_at, NULL);
  g_autoptr(GDateTime) local_starts = starts ? g_date_time_to_local (starts) : NULL;
  g_autoptr(GDateTime) local_ends = ends ? g_date_time_to_local (ends) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (local_starts == NULL || local_ends == NULL)
    return g_strdup (starts_at);
  day = g_date_time_format (local_starts, "%A %-d %B %Y");
  from = g_date_time_format (local_starts, "%H:%M");
  to = g_date_time_format (local_ends, "%H:%M");
  return g_strdup_printf ("%s, %s–%s", day, from, to);
}

PdAgendaPack *
pd_agenda_pack_new (PdDatabase  *db,
                    gint64       meeting_id,
                    GError     **error)
{
  g_autoptr(PdAgendaPack) self = NULL;
  g_autoptr(PdMeeting) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) papers = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  meeting = pd_meeting_load (db, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  items = pd_agenda_item_list_load (db, meeting_id, error);
  if (items == NULL)
    return NULL;
  papers = pd_agenda_paper_list (db, meeting_id, 0, error);
  if (papers == NULL)
    return NULL;

  self = g_object_new (PD_TYPE_AGENDA_PACK, NULL);
  self->changes = pd_agenda_list_changes (db, meeting_id, error);
  if (self->changes == NULL)
    return NULL;
  self->total_minutes = pd_agenda_total_minutes (db, meeting_id, error);
  if (self->total_minutes < 0)
    return NULL;

  self->title = g_strdup (pd_meeting_get_title (meeting));
  self->when = format_when (pd_meeting_get_starts_at (meeting), pd_meeting_get_ends_at (meeting));
  self->place = g_strdup (pd_meeting_get_place (meeting));
  self->video_link = g_strdup (pd_meeting_get_video_link (meeting));
  self->chair = g_strdup (pd_meeting_get_chair_name (meeting));
  self->length_minutes = pd_meeting_get_length_minutes (meeting);
  self->header = g_strdup_printf ("%s — %s", self->title, self->when);

  for (guint i = 0; i < items->len; i++)
    {
      PdAgendaItem *item = items->pdata[i];
      PackItem *pack_item;

      if (pd_agenda_item_is_withdrawn (item))
        {
          g_ptr_array_add (self->withdrawn, g_strdup_printf ("%d. %s", pd_agenda_item_get_position (item),
                                                             pd_agenda_item_get_title (item)));
          continue;
        }
      pack_item = g_new0 (PackItem, 1);
      pack_item->item = g_object_ref (item);
      pack_item->papers = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_paper_free);
      for (guint p = 0; p < papers->len; p++)
        {
          PdAgendaPaper *paper = papers->pdata[p];
          PackPaper *pack_paper;

          if (paper == NULL || paper->agenda_item_id != pd_agenda_item_get_id (item))
            continue;
          pack_paper = g_new0 (PackPaper, 1);
          pack_paper->paper = g_steal_pointer (&papers->pdata[p]);
          g_ptr_array_add (pack_item->papers, pack_paper);
        }
      g_ptr_array_add (self->items, pack_item);
    }

  if (self->items->len == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The agenda of this meeting is empty, so there is no pack to make. Add items first."));
      return NULL;
    }
  return g_steal_pointer (&self);
}

static void
add_problem (PdAgendaPack *self,
             char         *sentence)
{
  /* Kept NULL-terminated for pd_agenda_pack_get_problems(). */
  g_ptr_array_insert (self->problems, self->problems->len - 1, sentence);
}

/* Reads, checks and opens every paper: what goes in and how many pages. */
static gboolean
check_papers (PdAgendaPack        *self,
              PdPackProgressFunc   progress,
              gpointer             progress_data,
              GCancellable        *cancellable,
              GError             **error)
{
  guint n_papers = 0, done = 0;

  for (guint i = 0; i < self->items->len; i++)
    n_papers += ((PackItem *) self->items->pdata[i])->papers->len;

  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];
      int position = pd_agenda_item_get_position (item->item);

      for (guint p = 0; p < item->papers->len; p++)
        {
          PackPaper *paper = item->papers->pdata[p];
          g_autoptr(GBytes) contents = NULL;
          g_autoptr(GError) local_error = NULL;
          PdPaperState state;

          if (progress != NULL)
            {
              g_autofree char *message = g_strdup_printf (_("Checking paper %u of %u"), done + 1, n_papers);

              progress (0.1 * done / MAX (n_papers, 1), message, progress_data);
            }
          done++;

          g_clear_object (&paper->document);
          paper->n_pages = 0;
          if (!pd_agenda_paper_verify (paper->paper, &state, &contents, cancellable, error))
            return FALSE;
          if (state == PD_PAPER_MISSING)
            paper->fate = FATE_MISSING;
          else if (state == PD_PAPER_ALTERED)
            paper->fate = FATE_ALTERED;
          else if (!paper->paper->is_pdf)
            paper->fate = FATE_NOT_PDF;
          else
            {
              paper->document = poppler_document_new_from_bytes (contents, NULL, &local_error);
              paper->fate = paper->document ? FATE_INCLUDED : FATE_UNREADABLE;
              if (paper->document != NULL)
                paper->n_pages = (guint) poppler_document_get_n_pages (paper->document);
              if (paper->document != NULL && paper->n_pages == 0)
                paper->fate = FATE_UNREADABLE;
              /* Only one paper is held in memory at a time: it is read again when drawn. */
              g_clear_object (&paper->document);
            }

          switch (paper->fate)
            {
            case FATE_MISSING:
              add_problem (self, g_strdup_printf (_("Item %d: “%s” is missing from the document store; "
                                                    "flagged on the item’s cover page."),
                                                  position, paper->paper->title));
              break;
            case FATE_ALTERED:
              add_problem (self, g_strdup_printf (_("Item %d: “%s” has been altered since it was attached "
                                                    "(its SHA-256 does not match); flagged, not included."),
                                                  position, paper->paper->title));
              break;
            case FATE_UNREADABLE:
              add_problem (self, g_strdup_printf (_("Item %d: “%s” cannot be opened as a PDF (damaged or "
                                                    "password-protected); flagged, not included."),
                                                  position, paper->paper->title));
              break;
            case FATE_NOT_PDF:
              add_problem (self, g_strdup_printf (_("Item %d: “%s” (%s) is not a PDF; listed as not "
                                                    "included, to be opened separately."),
                                                  position, paper->paper->title, paper->paper->filename));
              break;
            case FATE_INCLUDED:
            default:
              break;
            }
        }
    }
  return TRUE;
}

static void
plan_pages (PdAgendaPack *self)
{
  guint page;

  self->n_contents_pages = MAX (1u, (_pd_agenda_pack_count_contents_lines (self) + CONTENTS_LINES - 1) / CONTENTS_LINES);
  page = 1 + self->n_contents_pages;
  self->n_paper_pages = 0;
  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];

      item->cover_page = ++page;
      for (guint p = 0; p < item->papers->len; p++)
        {
          PackPaper *paper = item->papers->pdata[p];

          if (paper->fate != FATE_INCLUDED)
            continue;
          paper->first_page = page + 1;
          page += paper->n_pages;
          self->n_paper_pages += paper->n_pages;
        }
    }
  self->n_pages = page;
}

static gboolean
plan (PdAgendaPack        *self,
      PdPackProgressFunc   progress,
      gpointer             progress_data,
      GCancellable        *cancellable,
      GError             **error)
{
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_add (self->problems, NULL);
  if (!check_papers (self, progress, progress_data, cancellable, error))
    return FALSE;
  plan_pages (self);
  return TRUE;
}

gboolean
pd_agenda_pack_plan (PdAgendaPack  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), FALSE);
  return plan (self, NULL, NULL, cancellable, error);
}

/* Reads a paper again for drawing, and makes sure it is still the file checked. */
static gboolean
reopen_paper (PackPaper     *paper,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) contents = NULL;
  PdPaperState state;

  if (!pd_agenda_paper_verify (paper->paper, &state, &contents, cancellable, error))
    return FALSE;
  if (state == PD_PAPER_OK)
    paper->document = poppler_document_new_from_bytes (contents, NULL, NULL);
  if (paper->document == NULL ||
      (guint) poppler_document_get_n_pages (paper->document) != paper->n_pages)
    {
      g_clear_object (&paper->document);
      g_set_error (error, PD_ERROR, PD_ERROR_CONFLICT,
                   _("The paper “%s” changed in the store while the pack was being made; "
                     "make the pack again."), paper->paper->title);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pages (PdAgendaPack        *self,
             cairo_surface_t     *surface,
             cairo_t             *cr,
             PdPackProgressFunc   progress,
             gpointer             progress_data,
             GCancellable        *cancellable,
             GError             **error)
{
  guint drawn = 0;

  _pd_agenda_pack_draw_cover (self, surface, cr);
  _pd_agenda_pack_draw_contents (self, surface, cr);
  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      _pd_agenda_pack_draw_item_cover (self, surface, cr, item);
      for (guint p = 0; p < item->papers->len; p++)
        {
          PackPaper *paper = item->papers->pdata[p];

          if (paper->fate != FATE_INCLUDED)
            continue;
          if (!reopen_paper (paper, cancellable, error))
            return FALSE;
          for (guint n = 0; n < paper->n_pages; n++)
            {
              PopplerPage *page;

              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                return FALSE;
              if (progress != NULL && drawn % 10 == 0)
                {
                  g_autofree char *message = g_strdup_printf (_("Item %u of %u: page %u of %u"), i + 1,
                                                              self->items->len, paper->first_page + n,
                                                              self->n_pages);

                  progress (0.1 + 0.9 * drawn / MAX (self->n_paper_pages, 1), message, progress_data);
                }
              page = poppler_document_get_page (paper->document, (int) n);
              if (page == NULL)
                {
                  g_set_error (error, PD_ERROR, PD_ERROR_CORRUPT,
                               _("Page %u of “%s” cannot be read; the paper may be damaged."),
                               n + 1, paper->paper->title);
                  return FALSE;
                }
              _pd_agenda_pack_draw_paper_page (self, surface, cr, page, paper->first_page + n);
              g_object_unref (page);
              drawn++;
            }
          /* Done with it: let its memory go before the next paper. */
          g_clear_object (&paper->document);
        }
    }
  return TRUE;
}

gboolean
pd_agenda_pack_write (PdAgendaPack        *self,
                      const char          *path,
                      PdPackProgressFunc   progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autofree char *partial = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!plan (self, progress, progress_data, cancellable, error))
    return FALSE;

  partial = g_strconcat (path, ".partial", NULL);
  surface = cairo_pdf_surface_create (partial, PD_PACK_PAGE_WIDTH, PD_PACK_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->header);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, PD_PACK_MARKING);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Panel Desk");
  cr = cairo_create (surface);

  ok = write_pages (self, surface, cr, progress, progress_data, cancellable, error);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The agenda pack could not be written to %s: %s"),
                   path, cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && !_pd_pack_label_pages (partial, error))
    ok = FALSE;
  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The agenda pack could not be saved as %s: %s"),
                   path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  else if (progress != NULL)
    progress (1.0, _("Done"), progress_data);
  return ok;
}

typedef struct
{
  char               *path;
  PdPackProgressFunc  progress;
  gpointer            progress_data;
  GMainContext       *context;
  GTask              *task;     /* not owned: the task owns the job */
} WriteJob;

typedef struct
{
  GTask    *task;      /* a reference, so the job outlives every report */
  double    fraction;
  char     *message;
} ProgressReport;

static void
write_job_free (WriteJob *job)
{
  g_free (job->path);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressReport *report = data;
  WriteJob *job = g_task_get_task_data (report->task);

  job->progress (report->fraction, report->message, job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (ProgressReport *report)
{
  g_object_unref (report->task);
  g_free (report->message);
  g_free (report);
}

/* On the worker thread: hand the report to the caller's main context. */
static void
forward_progress (double      fraction,
                  const char *message,
                  gpointer    user_data)
{
  WriteJob *job = user_data;
  ProgressReport *report = g_new0 (ProgressReport, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  report->task = g_object_ref (job->task);
  report->fraction = fraction;
  report->message = g_strdup (message);
  /* Always through a source: g_main_context_invoke() would call it right
   * here, on the worker, whenever the worker could acquire the context. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress, report, (GDestroyNotify) progress_report_free);
  g_source_set_static_name (source, "[panel-desk] agenda pack progress");
  g_source_attach (source, job->context);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (pd_agenda_pack_write (source_object, job->path, job->progress ? forward_progress : NULL, job,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pd_agenda_pack_write_async (PdAgendaPack        *self,
                            const char          *path,
                            PdPackProgressFunc   progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (PD_IS_AGENDA_PACK (self));
  g_return_if_fail (path != NULL);

  job = g_new0 (WriteJob, 1);
  job->path = g_strdup (path);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_agenda_pack_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  job->task = task;
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
pd_agenda_pack_write_finish (PdAgendaPack  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
pd_agenda_pack_get_n_pages (PdAgendaPack *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), 0);
  return self->n_pages;
}

guint
pd_agenda_pack_get_item_page (PdAgendaPack *self,
                              gint64        agenda_item_id)
{
  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];

      if (pd_agenda_item_get_id (item->item) == agenda_item_id)
        return item->cover_page;
    }
  return 0;
}

guint
pd_agenda_pack_get_paper_page (PdAgendaPack *self,
                               gint64        document_id)
{
  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];

      for (guint p = 0; p < item->papers->len; p++)
        {
          PackPaper *paper = item->papers->pdata[p];

          if (paper->paper->document_id == document_id)
            return paper->fate == FATE_INCLUDED ? paper->first_page : 0;
        }
    }
  return 0;
}

const char * const *
pd_agenda_pack_get_problems (PdAgendaPack *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), NULL);
  return (const char * const *) self->problems->pdata;
}
