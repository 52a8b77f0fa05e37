/* pd-application.c: command line, app actions, preferences and about */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdio.h>

#include "pd-application.h"
#include "pd-preferences-window.h"
#include "pd-window.h"

#define DEMO_REFERRALS 60

struct _PdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (PdApplication, pd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo database, making it first if need be"), NULL },
  { NULL }
};

PdApplication *
pd_application_new (void)
{
  return g_object_new (PD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

char *
pd_application_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "panel-desk", "demo.paneldesk", NULL);
}

static PdWindow *
get_window (PdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PD_IS_WINDOW (window))
    return PD_WINDOW (window);

  return pd_window_new (GTK_APPLICATION (self));
}

static void
open_demo (PdWindow *window)
{
  g_autofree char *path = pd_application_dup_demo_path ();
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    pd_window_open_path (window, path);
  else if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *message =
        /* Translators: %s is a folder, the second %s the system's reason */
        g_strdup_printf (_("Panel Desk cannot make the folder %s: %s"), folder, g_strerror (saved_errno));

      pd_window_add_toast (window, message);
    }
  else
    pd_window_create_demo (window, path);
}

/* The benchmark hook: report the first painted frame, then quit. */

static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  fprintf (stdout, "first-frame-monotonic-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (app);
}

static void
on_window_map (GtkWidget    *window,
               GApplication *app)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkFrameClock *clock = gdk_surface_get_frame_clock (surface);

  g_signal_handlers_disconnect_by_func (window, on_window_map, app);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), app, 0);
}

static void
present (PdApplication *self,
         PdWindow      *window)
{
  if (g_strcmp0 (g_getenv ("PANEL_DESK_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect_object (window, "map", G_CALLBACK (on_window_map), self, 0);

  gtk_window_present (GTK_WINDOW (window));
}

static void
open_default (PdApplication *self,
              PdWindow      *window)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");

  if (g_settings_get_boolean (self->settings, "reopen-last-database") &&
      last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    pd_window_open_path (window, last);
  else
    pd_window_show_welcome (window);
}

static void
pd_application_activate (GApplication *app)
{
  PdApplication *self = PD_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  PdWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = get_window (self);
  open_default (self, window);
  present (self, window);
}

static int
pd_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  PdApplication *self = PD_APPLICATION (app);
  GVariantDict *dict = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *database = NULL;
  gboolean demo = FALSE;
  PdWindow *window;

  g_variant_dict_lookup (dict, "database", "^ay", &database);
  g_variant_dict_lookup (dict, "demo", "b", &demo);

  /* "panel-desk FILE" too, as a file manager or a user at a terminal would call it. */
  if (database == NULL)
    {
      int argc;
      g_auto(GStrv) argv = g_application_command_line_get_arguments (cmdline, &argc);

      if (argc > 1)
        database = g_strdup (argv[1]);
    }

  if (database == NULL && !demo)
    {
      g_application_activate (app);
      return 0;
    }

  window = get_window (self);

  if (database != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, database);
      g_autofree char *path = g_file_get_path (file);

      pd_window_open_path (window, path != NULL ? path : database);
    }
  else
    open_demo (window);

  present (self, window);

  return 0;
}

/* App actions */

static void
new_database_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  PdWindow *window = get_window (PD_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  pd_window_choose_new_database (window);
}

static void
open_database_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  PdWindow *window = get_window (PD_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  pd_window_choose_database (window);
}

static void
demo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PdWindow *window = get_window (PD_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  open_demo (window);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PdWindow *window = get_window (PD_APPLICATION (user_data));
  GtkWindow *preferences;

  preferences = pd_preferences_window_new (GTK_WINDOW (window), pd_window_get_database (window));
  gtk_window_present (preferences);
}

static char *
dup_debug_info (PdDatabase *db)
{
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "Panel Desk %s (%s)\n", PACKAGE_VERSION, APP_ID);

  if (db != NULL)
    {
      const char *path = pd_database_get_path (db);
      PdFilesystemKind kind = pd_filesystem_kind_of (path, NULL);

      g_string_append_printf (info, "Database: %s\n", path);
      g_string_append_printf (info, "Drive: %s\n", pd_filesystem_kind_to_label (kind));
      g_string_append_printf (info, "Schema version: %d (this build knows up to %d)\n",
                              pd_database_get_schema_version (db),
                              pd_database_get_latest_schema_version ());
      g_string_append_printf (info, "Read-only: %s\n", pd_database_is_read_only (db) ? "yes" : "no");
      g_string_append_printf (info, "Can write: %s\n", pd_database_user_can_write (db) ? "yes" : "no");
      g_string_append_printf (info, "Login: %s\n", pd_database_get_login_name (db));
      g_string_append_printf (info, "Role: %s\n", pd_role_to_string (pd_database_get_user_role (db)));
    }
  else
    g_string_append (info, "Database: none open\n");

  g_string_append_printf (info, "GTK: %u.%u.%u\n", gtk_get_major_version (),
                          gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "Adwaita: %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "GLib: %u.%u.%u\n", glib_major_version,
                          glib_minor_version, glib_micro_version);
  g_string_append_printf (info, "SQLite: %s\n", sqlite3_libversion ());

  return g_string_free (info, FALSE);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PdWindow *window = get_window (PD_APPLICATION (user_data));
  g_autofree char *debug_info = dup_debug_info (pd_window_get_database (window));
  static const char *developers[] = { "The Panel Desk developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", _("Panel Desk"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Panel Desk developers"),
                        "developers", developers,
                        "comments", _("Run the practice review panel of a safeguarding children board"),
                        "website", "https://github.com/paneldesk/panel-desk",
                        "issue-url", "https://github.com/paneldesk/panel-desk/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Panel Desk developers",
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        "debug-info", debug_info,
                        "debug-info-filename", "panel-desk-debug-info.txt",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Close the windows so they save their size; the app quits with the last. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "new-database", new_database_activated },
  { "open-database", open_database_activated },
  { "demo", demo_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
pd_application_startup (GApplication *app)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (pd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (gtk_app, "app.new-database", (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.open-database", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-help-overlay", (const char *[]) { "<Control>question", NULL });
}

static void
pd_application_dispose (GObject *object)
{
  PdApplication *self = PD_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pd_application_parent_class)->dispose (object);
}

static void
pd_application_class_init (PdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pd_application_dispose;
  app_class->startup = pd_application_startup;
  app_class->activate = pd_application_activate;
  app_class->command_line = pd_application_command_line;
}

static void
pd_application_init (PdApplication *self)
{
  self->settings = g_settings_new (APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Run the practice review panel of a safeguarding children board."));
}
