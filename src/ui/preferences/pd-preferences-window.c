/* pd-preferences-window.c: the application's preferences and the open database's facts */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-preferences-window.h"
#include "pd-window.h"

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

  AdwPreferencesGroup  *targets_group;    /* built for the open database */
  AdwActionRow         *backup_folder_row;
  GtkWidget            *backup_now_button;
  PdBackupScheduler    *backups;          /* the parent window's, or NULL */
  GArray               *targets;          /* PdLocalTarget */

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

static gboolean
save_targets (PdTransaction  *tx,
              gpointer        user_data,
              GError        **error)
{
  GArray *targets = user_data;

  /* All of them, so that changing one does not drop the others' defaults. */
  for (guint i = 0; i < targets->len; i++)
    {
      const PdLocalTarget *target = &g_array_index (targets, PdLocalTarget, i);
      g_autofree char *key = g_strconcat ("local_target.", target->id, NULL);
      g_autofree char *spec = pd_local_target_to_string (target);

      if (!pd_transaction_set_setting (tx, key, spec, error))
        return FALSE;
    }
  return TRUE;
}

static void
on_target_changed (GtkSpinButton       *spin,
                   PdPreferencesWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "target-index"));
  PdLocalTarget *target = &g_array_index (self->targets, PdLocalTarget, index);
  guint old_amount = target->amount;
  g_autoptr(GError) error = NULL;

  target->amount = (guint) gtk_spin_button_get_value_as_int (spin);
  if (target->amount == old_amount)
    return;
  if (!pd_database_write (self->db, "Local target", save_targets, self->targets, NULL, &error))
    {
      /* Not saved: show the value that is still in force, and why. */
      target->amount = old_amount;
      gtk_spin_button_set_value (spin, old_amount);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
    }
}

static const char *
unit_label (PdClockUnit unit)
{
  switch (unit)
    {
    case PD_CLOCK_UNIT_WORKING_DAYS: return _("working days");
    case PD_CLOCK_UNIT_DAYS: return _("days");
    case PD_CLOCK_UNIT_MONTHS: return _("months");
    case PD_CLOCK_UNIT_HOURS: return _("hours");
    default: return "";
    }
}

static gboolean
save_framework (PdTransaction  *tx,
                gpointer        user_data,
                GError        **error)
{
  return pd_transaction_set_setting (tx, "framework", user_data, error);
}

static void
on_framework_selected (AdwComboRow         *row,
                       GParamSpec          *pspec,
                       PdPreferencesWindow *self)
{
  PdFramework framework = (PdFramework) adw_combo_row_get_selected (row);
  g_autofree char *current = NULL;
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || framework >= PD_N_FRAMEWORKS)
    return;
  current = pd_database_dup_setting (self->db, "framework", "england-2018");
  if (g_strcmp0 (current, pd_framework_to_string (framework)) == 0)
    return;
  if (!pd_database_write (self->db, "Framework", save_framework,
                          (gpointer) pd_framework_to_string (framework), NULL, &error))
    {
      PdFramework before = PD_FRAMEWORK_ENGLAND_2018;

      /* Not saved: show the framework still in force, and why. */
      pd_framework_from_string (current, &before);
      adw_combo_row_set_selected (row, before);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
    }
}

/* The rules new referrals of this database follow; each referral keeps its own. */
static void
add_framework_row (PdPreferencesWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *current = pd_database_dup_setting (self->db, "framework", "england-2018");
  PdFramework framework = PD_FRAMEWORK_ENGLAND_2018;
  GtkWidget *row = adw_combo_row_new ();

  for (int i = 0; i < PD_N_FRAMEWORKS; i++)
    gtk_string_list_append (labels, pd_framework_get_label (i));
  pd_framework_from_string (current, &framework);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Framework of new referrals"));
  gtk_widget_set_name (row, "framework");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The criteria and clocks they follow; a referral "
                                                        "already logged keeps its own"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), framework);
  gtk_widget_set_sensitive (row, pd_database_user_can_write (self->db));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_framework_selected), self, 0);
  adw_preferences_group_add (self->targets_group, row);
}

/* The board's own targets, stored in the database: each one's length. */
static void
show_targets (PdPreferencesWindow *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self->database_group), ADW_TYPE_PREFERENCES_PAGE);
  g_autoptr(GError) error = NULL;

  if (self->targets_group != NULL)
    {
      adw_preferences_page_remove (ADW_PREFERENCES_PAGE (page), self->targets_group);
      self->targets_group = NULL;
    }
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_object (&self->backups);
  if (self->db == NULL || page == NULL)
    return;
  self->targets = pd_referral_load_local_targets (self->db, &error);
  if (self->targets == NULL)
    {
      g_warning ("Could not read the local targets: %s", error->message);
      return;
    }

  self->targets_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->targets_group, _("Rules and Targets"));
  adw_preferences_group_set_description (self->targets_group,
                                         _("Kept in this database, for everyone who opens it: the framework, "
                                           "and this board’s own deadlines shown beside the statutory clocks."));
  add_framework_row (self);
  for (guint i = 0; i < self->targets->len; i++)
    {
      const PdLocalTarget *target = &g_array_index (self->targets, PdLocalTarget, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, 365, 1);
      GtkWidget *unit = gtk_label_new (unit_label (target->unit));
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;

      /* Translators: what a target runs between, e.g. "From “Information requested” to “Information received”" */
      subtitle = g_strdup_printf (_("From “%s” to “%s”"), pd_key_date_get_label (target->start),
                                  pd_key_date_get_label (target->end));
      /* Translators: the accessible name of a target's length, e.g. "Agency information, in working days" */
      accessible = g_strdup_printf (_("%s, in %s"), target->name, unit_label (target->unit));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), target->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), target->amount);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (spin, pd_database_user_can_write (self->db));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data (G_OBJECT (spin), "target-index", GUINT_TO_POINTER (i));
      gtk_widget_set_name (spin, "local-target");
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_target_changed), self, 0);
      gtk_widget_add_css_class (unit, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
      adw_preferences_group_add (self->targets_group, row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->targets_group);
}

static void
show_backup_folder (PdPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  adw_action_row_set_subtitle (self->backup_folder_row,
                               *folder != '\0' ? folder : _("None chosen: no backups are made on this computer"));
  gtk_widget_set_sensitive (self->backup_now_button,
                            *folder != '\0' && self->backups != NULL && self->db != NULL);
}

static void
on_folder_chosen (GtkNativeDialog     *dialog,
                  int                  response,
                  PdPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "backup-folder", path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_choose_folder (PdPreferencesWindow *self)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Choose the Backup Folder"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                              _("_Choose"), _("_Cancel"));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_folder_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_backup_now (PdPreferencesWindow *self)
{
  if (self->backups != NULL)
    pd_backup_scheduler_run_now (self->backups);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Backing up; the window says when it is done")));
}

static void
on_interval_selected (AdwComboRow         *row,
                      GParamSpec          *pspec,
                      PdPreferencesWindow *self)
{
  static const guint hours[] = { 1, 24, 168 };
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (hours))
    g_settings_set_uint (self->settings, "backup-interval-hours", hours[selected]);
}

/* This computer's backups of whichever database is open: where, how often,
 * how many. Best kept on another drive than the database. */
static void
build_backups (PdPreferencesWindow *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self->database_group), ADW_TYPE_PREFERENCES_PAGE);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GtkWidget *interval = adw_combo_row_new ();
  GtkWidget *keep_row = adw_action_row_new ();
  GtkWidget *keep = gtk_spin_button_new_with_range (1, 1000, 1);
  const char *intervals[] = { _("Every hour"), _("Every day"), _("Every week"), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (intervals);
  guint hours = g_settings_get_uint (self->settings, "backup-interval-hours");

  adw_preferences_group_set_title (group, _("Backups"));
  adw_preferences_group_set_description (group, _("Copies of the open database made by this computer, "
                                                  "checked before they are kept. Choose a folder on "
                                                  "another drive than the database."));
  self->backup_folder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->backup_folder_row), _("Backup folder"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the backup folder"), -1);
  g_signal_connect_object (choose, "clicked", G_CALLBACK (on_choose_folder), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->backup_folder_row, choose);
  adw_preferences_group_add (group, GTK_WIDGET (self->backup_folder_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (interval), _("How often"));
  adw_combo_row_set_model (ADW_COMBO_ROW (interval), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (interval), hours <= 1 ? 0 : hours <= 24 ? 1 : 2);
  g_signal_connect_object (interval, "notify::selected", G_CALLBACK (on_interval_selected), self, 0);
  adw_preferences_group_add (group, interval);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (keep_row), _("Backups kept"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (keep_row), _("Older ones are removed once a new one is safe"));
  gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (keep), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backups kept"), -1);
  g_settings_bind (self->settings, "backup-keep", gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (keep)),
                   "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (keep_row), keep);
  adw_preferences_group_add (group, keep_row);

  self->backup_now_button = gtk_button_new_with_mnemonic (_("_Back Up Now"));
  gtk_widget_set_halign (self->backup_now_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->backup_now_button, 12);
  g_signal_connect_object (self->backup_now_button, "clicked", G_CALLBACK (on_backup_now), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, self->backup_now_button);

  g_signal_connect_object (self->settings, "changed::backup-folder", G_CALLBACK (show_backup_folder), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
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
  if (PD_IS_WINDOW (parent))
    g_set_object (&self->backups, pd_window_get_backup_scheduler (PD_WINDOW (parent)));
  show_database (self);
  show_targets (self);
  show_backup_folder (self);

  return GTK_WINDOW (self);
}

static void
pd_preferences_window_dispose (GObject *object)
{
  PdPreferencesWindow *self = PD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_object (&self->backups);

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

  build_backups (self);
  show_database (self);
  show_backup_folder (self);
}
