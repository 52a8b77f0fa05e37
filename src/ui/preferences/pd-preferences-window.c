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

  AdwPreferencesGroup  *targets_group;    /* built for the open database */
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
  if (self->db == NULL || page == NULL)
    return;
  self->targets = pd_referral_load_local_targets (self->db, &error);
  if (self->targets == NULL)
    {
      g_warning ("Could not read the local targets: %s", error->message);
      return;
    }

  self->targets_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->targets_group, _("Local Targets"));
  adw_preferences_group_set_description (self->targets_group,
                                         _("This board’s own deadlines, shown beside the statutory clocks "
                                           "of every referral in this database."));
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
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_target_changed), self, 0);
      gtk_widget_add_css_class (unit, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
      adw_preferences_group_add (self->targets_group, row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->targets_group);
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
  show_targets (self);

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
