/* pd-window.c: the main window: a database's four views, or the welcome page */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-backup-scheduler.h"
#include "pd-demo.h"
#include "pd-welcome-page.h"
#include "pd-window.h"
#include "pd-window-private.h"

struct _PdWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkSpinner           *check_spinner;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkStack             *main_stack;
  PdWelcomePage        *welcome_page;
  GtkSpinner           *loading_spinner;
  GtkLabel             *loading_label;
  GtkProgressBar       *loading_progress;
  GtkWidget            *loading_cancel_button;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  GtkWidget            *error_open_button;
  PdReferralsView      *referrals_view;
  PdAgendaView         *agenda_view;
  PdDecisionsView      *decisions_view;
  PdDocumentsView      *documents_view;

  GSettings            *settings;
  PdBackupScheduler    *backups;      /* NULL without the installed schema */
  guint                 poll_id;
  guint                 polls;        /* since presence was last renewed */
  GtkLabel             *presence_label;
  char                 *change_mark;  /* the database as last read */
  char                 *last_toast;
  gboolean              share_away;   /* the last poll could not reach the file */
  PdDatabase           *db;
  GCancellable         *cancellable;      /* the running check or demo creation */
  char                 *retry_path;       /* what "Try Again" opens */
  gboolean              retry_is_demo;
  guint                 busy : 1;
};

G_DEFINE_FINAL_TYPE (PdWindow, pd_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_actions (PdWindow *self)
{
  gboolean on_main = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", on_main && self->db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry", self->retry_path != NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", self->busy);
}

static void
update_switchers (PdWindow *self)
{
  gboolean on_main = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, on_main);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    on_main && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
show_page (PdWindow   *self,
           const char *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (name, "loading"));
  update_switchers (self);
  update_actions (self);
}

static void
set_busy (PdWindow *self,
          gboolean  busy)
{
  self->busy = !!busy;
  update_actions (self);
}

static void
show_error (PdWindow   *self,
            const char *title,
            const char *message)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  show_page (self, "error");
  gtk_widget_grab_focus (self->error_open_button);
}

static void
update_banner (PdWindow *self)
{
  g_autofree char *text = NULL;

  if (self->db == NULL)
    ;
  else if (self->share_away)
    text = g_strdup (_("The shared drive can’t be reached. Nothing you typed is lost; Panel Desk keeps "
                       "trying, and saves what is waiting when the drive is back."));
  else if ((text = _pd_window_describe_missing_commits (self->db)) != NULL)
    ;
  else if ((text = _pd_window_describe_altered_signatures (self->db)) != NULL)
    ;
  else if (pd_database_is_read_only (self->db))
    text = g_strdup (_("This database is read-only: you can read it but not save changes."));
  else if (!pd_database_user_can_write (self->db))
    {
      PdRole role = pd_database_get_user_role (self->db);

      if (role == PD_ROLE_NONE)
        /* Translators: %s is the login name, e.g. "jsmith" */
        text = g_strdup_printf (_("Your login, %s, is not a person of this panel: you can read this database but not save changes. Ask the panel administrator to add you."),
                                pd_database_get_login_name (self->db));
      else if (role == PD_ROLE_OBSERVER)
        text = g_strdup (_("You are an observer of this panel: you can read this database but not save changes."));
      else
        text = g_strdup (_("Your role does not allow changes: you can read this database but not save changes."));
    }

  gtk_label_set_text (self->banner_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

const char *
pd_window_get_banner_message (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_text (self->banner_label);
}

static void
cancel_work (PdWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), FALSE);
  gtk_spinner_set_spinning (self->check_spinner, FALSE);
  set_busy (self, FALSE);
}

static void
on_backup_finished (PdWindow   *self,
                    const char *made,
                    const char *error)
{
  g_autofree char *message = NULL;

  if (error != NULL)
    /* Translators: %s says why the backup failed */
    message = g_strdup_printf (_("The scheduled backup failed: %s"), error);
  else
    {
      g_autofree char *name = g_path_get_basename (made);

      /* Translators: %s is the backup file's name */
      message = g_strdup_printf (_("Backed up to “%s”"), name);
    }
  pd_window_add_toast (self, message);
}

void
pd_window_set_database (PdWindow   *self,
                        PdDatabase *db)
{
  g_return_if_fail (PD_IS_WINDOW (self));
  g_return_if_fail (db == NULL || PD_IS_DATABASE (db));

  if (db != self->db)
    {
      cancel_work (self);
      if (self->db != NULL)
        pd_presence_leave (self->db);
      g_set_object (&self->db, db);
      self->polls = 0;
      self->share_away = FALSE;

      pd_referrals_view_set_database (self->referrals_view, db);
      pd_agenda_view_set_database (self->agenda_view, db);
      pd_decisions_view_set_database (self->decisions_view, db);
      pd_documents_view_set_database (self->documents_view, db);
    }

  if (db != NULL)
    {
      g_autofree char *basename = g_path_get_basename (pd_database_get_path (db));

      adw_view_switcher_title_set_subtitle (self->switcher_title, basename);
      gtk_window_set_title (GTK_WINDOW (self), basename);
      show_page (self, "main");
    }
  else
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Panel Desk"));
    }

  if (self->backups != NULL)
    pd_backup_scheduler_set_path (self->backups, db != NULL ? pd_database_get_path (db) : NULL);
  /* As the views have just read it: a change from now on is shown. */
  g_clear_pointer (&self->change_mark, g_free);
  if (db != NULL)
    self->change_mark = pd_database_dup_change_mark (db, NULL);
  update_banner (self);
  update_actions (self);
}

/* Others' changes appear within a poll: cheap (a ledger head, SQLite's
 * data version, the file's time and size), so every two seconds. */
#define POLL_SECONDS 2

/* Who else has the database open, in the header bar. */
static void
show_presence (PdWindow *self)
{
  g_autofree char *details = NULL;
  g_autofree char *text = self->db != NULL ? _pd_window_describe_presence (self->db, &details) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->presence_label), text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_text (self->presence_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->presence_label), details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->presence_label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

const char *
pd_window_get_presence_text (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->presence_label)))
    return NULL;
  return gtk_label_get_text (self->presence_label);
}

void
pd_window_poll (PdWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mark = NULL;

  g_return_if_fail (PD_IS_WINDOW (self));

  if (self->db == NULL || pd_window_is_busy (self))
    return;
  /* Renewed every half minute; others are looked for at every poll. */
  if (self->polls++ % (PD_PRESENCE_RENEW_SECONDS / POLL_SECONDS) == 0)
    pd_presence_renew (self->db);
  show_presence (self);
  mark = pd_database_dup_change_mark (self->db, &error);
  if (mark == NULL)
    {
      g_debug ("Could not look for changes: %s", error->message);
      if (!self->share_away)
        {
          self->share_away = TRUE;
          update_banner (self);
        }
      return;
    }
  if (self->share_away)
    {
      self->share_away = FALSE;
      update_banner (self);
    }
  if (g_strcmp0 (mark, self->change_mark) == 0)
    return;
  g_free (self->change_mark);
  self->change_mark = g_steal_pointer (&mark);
  pd_referrals_view_refresh (self->referrals_view);
  pd_decisions_view_refresh (self->decisions_view);
  update_banner (self);
}

static gboolean
on_poll (gpointer user_data)
{
  pd_window_poll (PD_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

PdBackupScheduler *
pd_window_get_backup_scheduler (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return self->backups;
}

PdDatabase *
pd_window_get_database (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return self->db;
}

void
pd_window_show_welcome (PdWindow *self)
{
  g_return_if_fail (PD_IS_WINDOW (self));

  cancel_work (self);
  pd_window_set_database (self, NULL);
  show_page (self, "welcome");
  gtk_widget_grab_focus (GTK_WIDGET (self->welcome_page));
}

void
pd_window_add_toast (PdWindow   *self,
                     const char *message)
{
  g_return_if_fail (PD_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

const char *
pd_window_get_last_toast (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return self->last_toast;
}

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
          set_busy (self, FALSE);
        }
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || db != self->db)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), FALSE);
  gtk_spinner_set_spinning (self->check_spinner, FALSE);
  set_busy (self, FALSE);
  pd_window_set_database (self, NULL);
  show_error (self, _("The Database Is Damaged"), error->message);
}

static void
start_quick_check (PdWindow *self)
{
  g_autoptr(GTask) task = NULL;

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
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

  cancel_work (self);

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
      show_error (self, _("This Database Cannot Be Opened"), error->message);
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
      set_busy (self, FALSE);
      show_error (self, _("The Demo Database Cannot Be Made"), error->message);
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

  cancel_work (self);
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
  show_page (self, "loading");

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, create_demo_done, NULL);
  g_task_set_source_tag (task, pd_window_create_demo);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, create_demo_thread);
}

/* Accessors, for the application and the tests */

const char *
pd_window_get_page (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
pd_window_get_view (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

const char *
pd_window_get_error_message (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return adw_status_page_get_description (self->error_page);
}

gboolean
pd_window_is_busy (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), FALSE);

  return self->busy;
}

PdReferralsView *
pd_window_get_referrals_view (PdWindow *self)
{
  return PD_IS_WINDOW (self) ? self->referrals_view : NULL;
}

PdAgendaView *
pd_window_get_agenda_view (PdWindow *self)
{
  return PD_IS_WINDOW (self) ? self->agenda_view : NULL;
}

PdDecisionsView *
pd_window_get_decisions_view (PdWindow *self)
{
  return PD_IS_WINDOW (self) ? self->decisions_view : NULL;
}

PdDocumentsView *
pd_window_get_documents_view (PdWindow *self)
{
  return PD_IS_WINDOW (self) ? self->documents_view : NULL;
}

/* Window actions */

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);
  g_autofree char *path = g_strdup (self->retry_path);

  if (path == NULL)
    return;

  if (self->retry_is_demo)
    pd_window_create_demo (self, path);
  else
    pd_window_open_path (self, path);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);
  gboolean loading = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0;

  cancel_work (self);
  if (loading)
    pd_window_show_welcome (self);
}

static void
on_title_visible_changed (PdWindow *self)
{
  update_switchers (self);
}

static gboolean
pd_window_close_request (GtkWindow *window)
{
  PdWindow *self = PD_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);

  if (self->settings != NULL)
    {
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (pd_window_parent_class)->close_request (window);
}

static void
pd_window_dispose (GObject *object)
{
  PdWindow *self = PD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_WINDOW);

  g_clear_object (&self->db);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->change_mark, g_free);
  g_clear_pointer (&self->last_toast, g_free);
  if (self->db != NULL)
    pd_presence_leave (self->db);
  g_clear_object (&self->backups);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pd_window_parent_class)->dispose (object);
}

static void
pd_window_finalize (GObject *object)
{
  PdWindow *self = PD_WINDOW (object);

  g_free (self->retry_path);

  G_OBJECT_CLASS (pd_window_parent_class)->finalize (object);
}

static void
pd_window_class_init (PdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *const views[] = { "referrals", "meetings", "decisions", "documents" };

  object_class->dispose = pd_window_dispose;
  object_class->finalize = pd_window_finalize;
  window_class->close_request = pd_window_close_request;

  g_type_ensure (PD_TYPE_WELCOME_PAGE);
  g_type_ensure (PD_TYPE_REFERRALS_VIEW);
  g_type_ensure (PD_TYPE_AGENDA_VIEW);
  g_type_ensure (PD_TYPE_DECISIONS_VIEW);
  g_type_ensure (PD_TYPE_DOCUMENTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/paneldesk/PanelDesk/pd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, presence_label);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, loading_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, error_open_button);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, referrals_view);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, decisions_view);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, documents_view);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-view", "s", views[i]);
}

static void
pd_window_init (PdWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, on_poll, self);

  /* Without the installed schema (a test tree), run without saving. */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL)
    self->settings = g_settings_new (APP_ID);

  if (self->settings != NULL)
    {
      self->backups = pd_backup_scheduler_new (self->settings);
      g_signal_connect_object (self->backups, "finished", G_CALLBACK (on_backup_finished), self,
                               G_CONNECT_SWAPPED);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);

  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (on_title_visible_changed), self);

  show_page (self, "welcome");
}

PdWindow *
pd_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (PD_TYPE_WINDOW, "application", application, NULL);
}
