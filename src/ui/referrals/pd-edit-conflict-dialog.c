/* pd-edit-conflict-dialog.c: both versions of a referral, chosen field by field
 *
 * A save that crosses someone else's is never written over theirs: the
 * form opens this window with each field where the two versions differ,
 * "yours" beside "theirs". A field only they changed starts on theirs and
 * one you changed on yours, so that saving straight away loses no one's
 * work; the user can turn any field either way before saving.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-edit-conflict-dialog.h"

struct _PdEditConflictDialog
{
  AdwWindow            parent_instance;

  AdwPreferencesPage  *page;
  GPtrArray           *keys;      /* NULL-terminated */
  GHashTable          *theirs;    /* key -> GtkCheckButton "Take theirs" */
};

G_DEFINE_FINAL_TYPE (PdEditConflictDialog, pd_edit_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One version of a field: a check button and the text, which may be long. */
static GtkWidget *
add_choice (AdwPreferencesGroup *group,
            const char          *title,
            const char          *text,
            const char          *accessible_name,
            GtkCheckButton      *group_with)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *text != '\0' ? text : _("(nothing recorded)"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group_with != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group_with);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  return check;
}

void
pd_edit_conflict_dialog_add_field (PdEditConflictDialog *self,
                              const char       *key,
                              const char       *title,
                              const char       *yours,
                              const char       *theirs,
                              gboolean          take_theirs)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *keep_name = NULL, *take_name = NULL;
  GtkWidget *keep, *take;

  g_return_if_fail (PD_IS_EDIT_CONFLICT_DIALOG (self));
  g_return_if_fail (!g_hash_table_contains (self->theirs, key));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  /* Translators: a screen reader's name for a choice; %s is a field of the form */
  keep_name = g_strdup_printf (_("Keep yours: %s"), title);
  /* Translators: a screen reader's name for a choice; %s is a field of the form */
  take_name = g_strdup_printf (_("Take theirs: %s"), title);
  keep = add_choice (ADW_PREFERENCES_GROUP (group), _("Yours"), yours, keep_name, NULL);
  take = add_choice (ADW_PREFERENCES_GROUP (group), _("Theirs"), theirs, take_name, GTK_CHECK_BUTTON (keep));
  g_object_set_data (G_OBJECT (take), "pd-keep", keep);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (take_theirs ? take : keep), TRUE);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  g_ptr_array_insert (self->keys, self->keys->len - 1, g_strdup (key));
  g_hash_table_insert (self->theirs, g_strdup (key), take);
}

guint
pd_edit_conflict_dialog_get_n_fields (PdEditConflictDialog *self)
{
  g_return_val_if_fail (PD_IS_EDIT_CONFLICT_DIALOG (self), 0);

  return g_hash_table_size (self->theirs);
}

const char *const *
pd_edit_conflict_dialog_get_keys (PdEditConflictDialog *self)
{
  g_return_val_if_fail (PD_IS_EDIT_CONFLICT_DIALOG (self), NULL);

  return (const char *const *) self->keys->pdata;
}

gboolean
pd_edit_conflict_dialog_takes_theirs (PdEditConflictDialog *self,
                                 const char       *key)
{
  GtkCheckButton *take;

  g_return_val_if_fail (PD_IS_EDIT_CONFLICT_DIALOG (self), FALSE);

  take = g_hash_table_lookup (self->theirs, key);
  return take != NULL && gtk_check_button_get_active (take);
}

void
pd_edit_conflict_dialog_choose (PdEditConflictDialog *self,
                           const char       *key,
                           gboolean          take_theirs)
{
  GtkCheckButton *take;
  GtkCheckButton *keep;

  g_return_if_fail (PD_IS_EDIT_CONFLICT_DIALOG (self));
  take = g_hash_table_lookup (self->theirs, key);
  g_return_if_fail (take != NULL);

  if (take_theirs)
    gtk_check_button_set_active (take, TRUE);
  else
    {
      /* The other button of the pair: the one the row before holds. */
      keep = g_object_get_data (G_OBJECT (take), "pd-keep");
      gtk_check_button_set_active (keep, TRUE);
    }
}

void
pd_edit_conflict_dialog_resolve (PdEditConflictDialog *self)
{
  g_return_if_fail (PD_IS_EDIT_CONFLICT_DIALOG (self));

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_RESOLVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

PdEditConflictDialog *
pd_edit_conflict_dialog_new (GtkWindow  *parent,
                        const char *heading)
{
  PdEditConflictDialog *self = g_object_new (PD_TYPE_EDIT_CONFLICT_DIALOG,
                                         "transient-for", parent,
                                         "modal", TRUE,
                                         NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *explanation = gtk_label_new (_("Nothing has been written over. Choose, for each field, the "
                                            "version to keep; then save. A field only they changed starts "
                                            "on theirs, one you changed on yours."));

  /* Labels, not the group's title: the heading is long and must wrap. */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0.0);
  gtk_widget_add_css_class (explanation, "dim-label");
  gtk_widget_set_margin_top (explanation, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), explanation);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  return self;
}

static void
pd_edit_conflict_dialog_finalize (GObject *object)
{
  PdEditConflictDialog *self = PD_EDIT_CONFLICT_DIALOG (object);

  g_ptr_array_unref (self->keys);
  g_hash_table_unref (self->theirs);

  G_OBJECT_CLASS (pd_edit_conflict_dialog_parent_class)->finalize (object);
}

static void
pd_edit_conflict_dialog_class_init (PdEditConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pd_edit_conflict_dialog_finalize;

  signals[SIGNAL_RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_edit_conflict_dialog_init (PdEditConflictDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Choices"));

  self->keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->keys, NULL);
  self->theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Saved by Someone Else"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 680);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (pd_edit_conflict_dialog_resolve), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
}
