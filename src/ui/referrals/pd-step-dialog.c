/* pd-step-dialog.c: recording a referral's next step, dated
 *
 * The workflow: received, information requested, on a panel agenda,
 * recommendation made, decision made, review commissioned or no review,
 * closed. The dialog offers the step after the current one, dated today,
 * since that is what an administrator usually records; any step can be
 * chosen, because real cases skip and go back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-core.h"
#include "pd-step-dialog.h"

struct _PdStepDialog
{
  AdwMessageDialog  parent_instance;

  AdwComboRow      *status_row;
  AdwEntryRow      *date_row;
  AdwEntryRow      *note_row;
};

G_DEFINE_FINAL_TYPE (PdStepDialog, pd_step_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *const statuses[] = {
  "received", "information_requested", "on_agenda", "recommendation_made", "decision_made",
  "review_commissioned", "no_review", "closed", NULL
};

static guint
status_index (const char *status)
{
  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return i;
  return 0;
}

void
pd_step_dialog_set_values (PdStepDialog *self,
                           const char   *status,
                           const char   *on_date,
                           const char   *note,
                           const char   *error)
{
  g_return_if_fail (PD_IS_STEP_DIALOG (self));

  adw_combo_row_set_selected (self->status_row, status_index (status));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), on_date != NULL ? on_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error != NULL ? error : "");
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

const char *
pd_step_dialog_get_status (PdStepDialog *self)
{
  g_return_val_if_fail (PD_IS_STEP_DIALOG (self), NULL);

  return statuses[MIN (adw_combo_row_get_selected (self->status_row), G_N_ELEMENTS (statuses) - 2)];
}

const char *
pd_step_dialog_get_date (PdStepDialog *self)
{
  g_return_val_if_fail (PD_IS_STEP_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->date_row));
}

const char *
pd_step_dialog_get_note (PdStepDialog *self)
{
  g_return_val_if_fail (PD_IS_STEP_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->note_row));
}

PdStepDialog *
pd_step_dialog_new (GtkWindow  *parent,
                    const char *current_status)
{
  PdStepDialog *self = g_object_new (PD_TYPE_STEP_DIALOG,
                                     "transient-for", parent,
                                     "modal", TRUE,
                                     "heading", _("Record Step"),
                                     NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint next = MIN (status_index (current_status) + 1, G_N_ELEMENTS (statuses) - 2);

  pd_step_dialog_set_values (self, statuses[next], today, "", NULL);
  return self;
}

static void
pd_step_dialog_class_init (PdStepDialogClass *klass)
{
}

static void
pd_step_dialog_init (PdStepDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (labels, pd_referral_status_to_label (statuses[i]));

  self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Step"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
  g_object_unref (labels);
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date of the step (2026-03-31)"));
  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->status_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), group);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}
