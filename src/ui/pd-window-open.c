/* pd-window-open.c: opening a database, checked off the main thread, and
 * making the demo database with progress */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-demo.h"
#include "pd-window-private.h"

void
pd_window_remember_database (PdWindow   *self,
                             const char *path)
{
  g_return_if_fail (PD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->retry_path != path)
    {
      g_free (self->retry_path);
      self->retry_path = g_strdup (path);
    }
  self->retry_is_demo = FALSE;

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", path);
}

/* The integrity check, off the main thread */

static void
quick_check_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  PdDatabase *db = task_data;
  GError *error = NULL;

  if (pd_database_quick_check (db, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
quick_check_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PdWindow *self = PD_WINDOW (object);
  PdDatabase *db = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (db == self->db)
        {
          gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), FALSE);
          gtk_spinner_set_spinning (self->check_spinner, FALSE);
          _pd_window_set_busy (self, FALSE);
        }
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || db != self->db)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), FALSE);
  gtk_spinner_set_spinning (self->check_spinner, FALSE);
  _pd_window_set_busy (self, FALSE);
  pd_window_set_database (self, NULL);
  _pd_window_show_error (self, _("The Database Is Damaged"), error->message);
}

static void
start_quick_check (PdWindow *self)
{
  g_autoptr(GTask) task = NULL;

  self->cancellable = g_cancellable_new ();
  _pd_window_set_busy (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), TRUE);
  gtk_spinner_set_spinning (self->check_spinner, TRUE);

  task = g_task_new (self, self->cancellable, quick_check_done, NULL);
  g_task_set_source_tag (task, start_quick_check);
  g_task_set_task_data (task, g_object_ref (self->db), g_object_unref);
  g_task_run_in_thread (task, quick_check_thread);
}

void
pd_window_open_path (PdWindow   *self,
                     const char *path)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  _pd_window_cancel_work (self);

  if (self->retry_path != path)
    {
      g_free (self->retry_path);
      self->retry_path = g_strdup (path);
    }
  self->retry_is_demo = FALSE;

  db = pd_database_open (path, PD_OPEN_SKIP_QUICK_CHECK, &error);
  if (db == NULL)
    {
      pd_window_set_database (self, NULL);
      _pd_window_show_error (self, _("This Database Cannot Be Opened"), error->message);
      return;
    }
  {
    g_autofree char *receipts = pd_ledger_receipts_default_dir ();

    pd_database_set_receipts_dir (db, receipts);
  }

  pd_window_set_database (self, db);
  pd_window_remember_database (self, path);
  start_quick_check (self);
}

/* Making the demo database, off the main thread */

typedef struct
{
  GWeakRef      window;
  GCancellable *cancellable;
} DemoData;

typedef struct
{
  GWeakRef      window;
  GCancellable *cancellable;
  double        fraction;
  char         *what;
} DemoProgress;

static void
demo_data_free (gpointer data)
{
  DemoData *demo = data;

  g_weak_ref_clear (&demo->window);
  g_clear_object (&demo->cancellable);
  g_free (demo);
}

static void
demo_progress_free (gpointer data)
{
  DemoProgress *progress = data;

  g_weak_ref_clear (&progress->window);
  g_clear_object (&progress->cancellable);
  g_free (progress->what);
  g_free (progress);
}

static gboolean
demo_progress_main (gpointer data)
{
  DemoProgress *progress = data;
  g_autoptr(PdWindow) self = g_weak_ref_get (&progress->window);

  if (self == NULL || progress->cancellable != self->cancellable ||
      g_cancellable_is_cancelled (progress->cancellable))
    return G_SOURCE_REMOVE;

  gtk_progress_bar_set_fraction (self->loading_progress, CLAMP (progress->fraction, 0.0, 1.0));
  if (progress->what != NULL)
    gtk_progress_bar_set_text (self->loading_progress, progress->what);

  return G_SOURCE_REMOVE;
}

/* Called on the worker thread. */
static void
demo_progress (double      fraction,
               const char *what,
               gpointer    user_data)
{
  DemoData *demo = user_data;
  DemoProgress *progress = g_new0 (DemoProgress, 1);
  g_autoptr(PdWindow) window = g_weak_ref_get (&demo->window);

  g_weak_ref_init (&progress->window, window);
  progress->cancellable = g_object_ref (demo->cancellable);
  progress->fraction = fraction;
  progress->what = g_strdup (what);

  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, demo_progress_main,
                              progress, demo_progress_free);
}

static void
create_demo_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  DemoData *demo = g_new0 (DemoData, 1);
  GError *error = NULL;
  gboolean ok;

  g_weak_ref_init (&demo->window, source_object);
  demo->cancellable = g_object_ref (cancellable);

  ok = pd_demo_create (path, 60, demo_progress, demo, cancellable, &error);
  demo_data_free (demo);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
create_demo_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PdWindow *self = PD_WINDOW (object);
  g_autofree char *path = g_strdup (g_task_get_task_data (G_TASK (result)));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Cancelled by the user: back to the start, unless something else runs. */
          if (self->cancellable == NULL && self->db == NULL)
            pd_window_show_welcome (self);
          return;
        }
      if (cancellable != self->cancellable)
        return;
      _pd_window_set_busy (self, FALSE);
      _pd_window_show_error (self, _("The Demo Database Cannot Be Made"), error->message);
      return;
    }

  if (cancellable != self->cancellable)
    return;

  pd_window_open_path (self, path);
}

void
pd_window_create_demo (PdWindow   *self,
                       const char *path)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  _pd_window_cancel_work (self);
  pd_window_set_database (self, NULL);

  if (self->retry_path != path)
    {
      g_free (self->retry_path);
      self->retry_path = g_strdup (path);
    }
  self->retry_is_demo = TRUE;

  gtk_label_set_text (self->loading_label, _("Making the Demo Database…"));
  gtk_progress_bar_set_fraction (self->loading_progress, 0.0);
  gtk_progress_bar_set_text (self->loading_progress, _("Starting"));
  gtk_widget_set_visible (self->loading_cancel_button, TRUE);
  _pd_window_show_page (self, "loading");

  self->cancellable = g_cancellable_new ();
  _pd_window_set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, create_demo_done, NULL);
  g_task_set_source_tag (task, pd_window_create_demo);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, create_demo_thread);
}
