/* pd-documents-jobs.c: attaching, extracting and verifying on worker threads */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-documents-jobs.h"

/* ------------------------------------------------------------- progress */

typedef struct
{
  GObject           *owner;
  PdJobProgressFunc  func;
  GMainContext      *context;
  gint64             last_posted;  /* monotonic time */
} Progress;

typedef struct
{
  GObject           *owner;
  PdJobProgressFunc  func;
  double             fraction;
  char              *text;
} Update;

static gboolean
update_dispatch (gpointer data)
{
  Update *update = data;

  update->func (update->owner, update->fraction, update->text);
  return G_SOURCE_REMOVE;
}

static void
update_free (gpointer data)
{
  Update *update = data;

  g_object_unref (update->owner);
  g_free (update->text);
  g_free (update);
}

/* At most twenty updates a second reach the main loop, plus the last. */
static void
progress_post (Progress   *progress,
               double      fraction,
               char       *text,
               gboolean    always)
{
  gint64 now = g_get_monotonic_time ();
  Update *update;

  if (progress->func == NULL || (!always && now - progress->last_posted < G_USEC_PER_SEC / 20))
    {
      g_free (text);
      return;
    }
  progress->last_posted = now;
  update = g_new0 (Update, 1);
  update->owner = g_object_ref (progress->owner);
  update->func = progress->func;
  update->fraction = CLAMP (fraction, 0.0, 1.0);
  update->text = text;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, update_dispatch, update, update_free);
}

static void
progress_init (Progress          *progress,
               GObject           *owner,
               PdJobProgressFunc  func)
{
  progress->owner = owner;
  progress->func = func;
  progress->context = g_main_context_ref_thread_default ();
  progress->last_posted = 0;
}

static void
progress_clear (Progress *progress)
{
  g_clear_pointer (&progress->context, g_main_context_unref);
}

/* ---------------------------------------------------------------- attach */

typedef struct
{
  char            *database_path;
  PdAttachTarget   target;
  char            *kind;
  char           **paths;
  Progress         progress;
} AttachJob;

static void
attach_job_free (gpointer data)
{
  AttachJob *job = data;

  g_free (job->database_path);
  g_free (job->kind);
  g_strfreev (job->paths);
  g_clear_object (&job->progress.owner);
  progress_clear (&job->progress);
  g_free (job);
}

static void
attach_progress (guint    index,
                 guint    n_files,
                 guint64  done,
                 guint64  total,
                 gpointer data)
{
  AttachJob *job = data;
  g_autofree char *name = g_filename_display_basename (job->paths[MIN (index, n_files - 1)]);

  progress_post (&job->progress, total > 0 ? (double) done / total : 0.0,
                 /* Translators: attaching file 2 of 5, "report.pdf" */
                 g_strdup_printf (_("Attaching %u of %u: %s"), index + 1, n_files, name),
                 done == total);
}

static void
attach_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  AttachJob *job = data;
  g_autoptr(PdDatabase) db = NULL;
  GPtrArray *results;
  GError *error = NULL;

  db = pd_database_open (job->database_path, PD_OPEN_SKIP_QUICK_CHECK, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  results = pd_attachment_store_attach (db, &job->target, (const char *const *) job->paths,
                                        attach_progress, job, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
pd_documents_attach_async (const char            *database_path,
                           const PdAttachTarget  *target,
                           const char *const     *paths,
                           GObject               *owner,
                           PdJobProgressFunc      progress,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AttachJob *job = g_new0 (AttachJob, 1);

  job->database_path = g_strdup (database_path);
  job->target = *target;
  job->kind = g_strdup (target->kind);
  job->target.kind = job->kind;
  job->target.title = NULL;   /* many files: each is named after itself */
  job->paths = g_strdupv ((char **) paths);
  progress_init (&job->progress, g_object_ref (owner), progress);
  g_task_set_source_tag (task, pd_documents_attach_async);
  g_task_set_task_data (task, job, attach_job_free);
  g_task_run_in_thread (task, attach_thread);
}

GPtrArray *
pd_documents_attach_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --------------------------------------------------------------- extract */

typedef struct
{
  char     *database_path;
  Progress  progress;
} ExtractJob;

static void
extract_job_free (gpointer data)
{
  ExtractJob *job = data;

  g_free (job->database_path);
  g_clear_object (&job->progress.owner);
  progress_clear (&job->progress);
  g_free (job);
}

static void
extract_progress (gint64   done,
                  gint64   total,
                  gpointer data)
{
  ExtractJob *job = data;

  progress_post (&job->progress, total > 0 ? (double) done / total : 1.0,
                 /* Translators: extracting the text of PDFs for search, e.g. "120 of 400 pages" */
                 g_strdup_printf (_("Reading the text of the documents for search: %" G_GINT64_FORMAT
                                    " of %" G_GINT64_FORMAT " pages"), done, total),
                 done == total);
}

static void
extract_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  ExtractJob *job = data;
  GError *error = NULL;

  if (pd_fulltext_extract (job->database_path, extract_progress, job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pd_documents_extract_async (const char          *database_path,
                            GObject             *owner,
                            PdJobProgressFunc    progress,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExtractJob *job = g_new0 (ExtractJob, 1);

  job->database_path = g_strdup (database_path);
  progress_init (&job->progress, g_object_ref (owner), progress);
  g_task_set_source_tag (task, pd_documents_extract_async);
  g_task_set_task_data (task, job, extract_job_free);
  g_task_run_in_thread (task, extract_thread);
}

gboolean
pd_documents_extract_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---------------------------------------------------------------- verify */

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  char **path_and_sha = data;
  GError *error = NULL;

  if (pd_attachment_store_verify_file (path_and_sha[0], path_and_sha[1], cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pd_documents_verify_async (const char          *path,
                           const char          *sha256,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  char *path_and_sha[] = { (char *) path, (char *) sha256, NULL };

  g_task_set_source_tag (task, pd_documents_verify_async);
  g_task_set_task_data (task, g_strdupv (path_and_sha), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
pd_documents_verify_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
