/* pd-backup-scheduler.c: this computer's scheduled backups of the open database
 *
 * Every ten minutes, and when a database is opened or the settings change,
 * it asks the core whether a backup is due (pd_backup_run_scheduled); the
 * copy runs on a worker thread, so the window never waits for it. A
 * failure is reported, never silent: a board that believes it has backups
 * and has none is worse off than one that knows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-backup-scheduler.h"
#include "pd-core.h"

#define CHECK_SECONDS (10 * 60)

struct _PdBackupScheduler
{
  GObject       parent_instance;

  GSettings    *settings;
  char         *path;
  GCancellable *cancellable;
  guint         timeout_id;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (PdBackupScheduler, pd_backup_scheduler, G_TYPE_OBJECT)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char    *path;
  char    *folder;
  guint    interval_hours;
  guint    keep;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->folder);
  g_free (job);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  char *made;

  made = pd_backup_run_scheduled (job->path, job->folder, job->interval_hours, job->keep, now,
                                  cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, made, g_free);
}

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PdBackupScheduler *self = PD_BACKUP_SCHEDULER (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *made = g_task_propagate_pointer (G_TASK (result), &error);

  self->busy = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL || made != NULL)
    g_signal_emit (self, signals[SIGNAL_FINISHED], 0, made, error != NULL ? error->message : NULL);
}

static void
start (PdBackupScheduler *self,
       guint              interval_hours)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->busy || self->path == NULL || *folder == '\0')
    return;

  job = g_new0 (Job, 1);
  job->path = g_strdup (self->path);
  job->folder = g_steal_pointer (&folder);
  job->interval_hours = interval_hours;
  job->keep = g_settings_get_uint (self->settings, "backup-keep");

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  task = g_task_new (self, self->cancellable, on_finished, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_in_thread);
}

static gboolean
on_timeout (gpointer user_data)
{
  PdBackupScheduler *self = user_data;

  start (self, g_settings_get_uint (self->settings, "backup-interval-hours"));
  return G_SOURCE_CONTINUE;
}

static void
on_settings_changed (PdBackupScheduler *self)
{
  start (self, g_settings_get_uint (self->settings, "backup-interval-hours"));
}

void
pd_backup_scheduler_set_path (PdBackupScheduler *self,
                              const char        *path)
{
  g_return_if_fail (PD_IS_BACKUP_SCHEDULER (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_cancellable_cancel (self->cancellable);
  g_free (self->path);
  self->path = g_strdup (path);
  self->busy = FALSE;
  start (self, g_settings_get_uint (self->settings, "backup-interval-hours"));
}

void
pd_backup_scheduler_run_now (PdBackupScheduler *self)
{
  g_return_if_fail (PD_IS_BACKUP_SCHEDULER (self));

  /* Zero hours: the newest backup is always old enough. */
  start (self, 0);
}

gboolean
pd_backup_scheduler_is_busy (PdBackupScheduler *self)
{
  g_return_val_if_fail (PD_IS_BACKUP_SCHEDULER (self), FALSE);

  return self->busy;
}

PdBackupScheduler *
pd_backup_scheduler_new (GSettings *settings)
{
  PdBackupScheduler *self = g_object_new (PD_TYPE_BACKUP_SCHEDULER, NULL);

  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::backup-folder", G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::backup-interval-hours", G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
  self->timeout_id = g_timeout_add_seconds (CHECK_SECONDS, on_timeout, self);
  return self;
}

static void
pd_backup_scheduler_dispose (GObject *object)
{
  PdBackupScheduler *self = PD_BACKUP_SCHEDULER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pd_backup_scheduler_parent_class)->dispose (object);
}

static void
pd_backup_scheduler_finalize (GObject *object)
{
  PdBackupScheduler *self = PD_BACKUP_SCHEDULER (object);

  g_free (self->path);

  G_OBJECT_CLASS (pd_backup_scheduler_parent_class)->finalize (object);
}

static void
pd_backup_scheduler_class_init (PdBackupSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_backup_scheduler_dispose;
  object_class->finalize = pd_backup_scheduler_finalize;

  /* The backup made (or NULL), and why it failed (or NULL). */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
pd_backup_scheduler_init (PdBackupScheduler *self)
{
}
