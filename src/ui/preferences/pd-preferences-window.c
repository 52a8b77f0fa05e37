/* pd-preferences-window.c: the application's preferences and the open database's facts */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-preferences-window.h"

struct _PdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSwitch            *reopen_switch;
  AdwPreferencesGroup  *database_group;
  AdwActionRow         *path_row;
  AdwActionRow         *drive_row;
  AdwActionRow         *version_row;
  AdwActionRow         *access_row;
  AdwActionRow         *name_row;
  AdwActionRow         *role_row;

  GSettings            *settings;
  PdDatabase           *db;
};

G_DEFINE_FINAL_TYPE (PdPreferencesWindow, pd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
set_row (AdwActionRow *row,
         const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

static void
show_database (PdPreferencesWindow *self)
{
  PdDatabase *db = self->db;
  const char *path;
  g_autoptr(GError) error = NULL;
  PdFilesystemKind kind;
  g_autofree char *version = NULL;
  const char *name;

  gtk_widget_set_visible (GTK_WIDGET (self->database_group), db != NULL);
  if (db == NULL)
    return;

  path = pd_database_get_path (db);
  kind = pd_filesystem_kind_of (path, &error);
  /* Translators: the database's format; %d are numbers, e.g. "1 (the latest is 1)" */
  version = g_strdup_printf (_("%d (the latest is %d)"),
                             pd_database_get_schema_version (db),
                             pd_database_get_latest_schema_version ());

  set_row (self->path_row, path);
  set_row (self->drive_row, error != NULL ? error->message : pd_filesystem_kind_to_label (kind));
  set_row (self->version_row, version);

  if (pd_database_is_read_only (db))
    set_row (self->access_row, _("Read-only"));
  else if (!pd_database_user_can_write (db))
    set_row (self->access_row, _("Read-only for you"));
  else
    set_row (self->access_row, _("Read and write"));

  name = pd_database_get_user_display_name (db);
  if (name == NULL || *name == '\0')
    {
      g_autofree char *text =
        /* Translators: %s is the login name */
        g_strdup_printf (_("%s (not a person of this panel)"), pd_database_get_login_name (db));
      set_row (self->name_row, text);
    }
  else
    set_row (self->name_row, name);

  set_row (self->role_row, pd_role_to_label (pd_database_get_user_role (db)));
}

GtkWindow *
pd_preferences_window_new (GtkWindow  *parent,
                           PdDatabase *db)
{
  PdPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (db == NULL || PD_IS_DATABASE (db), NULL);

  self = g_object_new (PD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  g_set_object (&self->db, db);
  show_database (self);

  return GTK_WINDOW (self);
}

static void
pd_preferences_window_dispose (GObject *object)
{
  PdPreferencesWindow *self = PD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (pd_preferences_window_parent_class)->dispose (object);
}

static void
pd_preferences_window_class_init (PdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/preferences/pd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, database_group);
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, path_row);
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, drive_row);
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, version_row);
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, access_row);
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, role_row);
}

static void
pd_preferences_window_init (PdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "reopen-last-database",
                   self->reopen_switch, "active", G_SETTINGS_BIND_DEFAULT);

  show_database (self);
}
