/* pd-decisions-view-actions.c: what the Decisions view's buttons open
 *
 * Recording a recommendation, turning it into the chair's decision,
 * signing, superseding, printing and exporting the record. Each checks
 * what the open record and the user allow before opening anything, and
 * says why not in a toast; the core refuses the same things again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-decision-print.h"
#include "pd-decisions-view-private.h"

static GtkWindow *
parent_window (PdDecisionsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The new or changed record shows, in a list read again. */
static void
on_record_saved (PdDecisionsView *self,
                 gint64           id)
{
  g_autoptr(GError) error = NULL;

  pd_decisions_view_reload (self);
  if (!pd_decisions_view_show_decision (self, id, &error))
    _pd_decisions_view_toast (self, error->message);
}

static PdDecision *
open_record (PdDecisionsView  *self,
             GError          **error)
{
  PdDecision *decision = self->open_id != 0 ? pd_decision_page_get_decision (self->decision_page) : NULL;

  if (self->db == NULL || decision == NULL)
    g_set_error_literal (error, PD_ERROR, PD_ERROR_NO_RECORD, _("No recommendation or decision is open."));
  return decision;
}

PdDecisionDialog *
pd_decisions_view_record_recommendation (PdDecisionsView *self,
                                         gint64           referral_id)
{
  PdDecisionDialog *dialog;

  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  if (self->db == NULL || !pd_database_user_can_write (self->db))
    return NULL;
  dialog = pd_decision_dialog_new_recommendation (parent_window (self), self->db, referral_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_record_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

PdDecisionDialog *
pd_decisions_view_make_decision (PdDecisionsView  *self,
                                 GError          **error)
{
  PdDecision *recommendation;
  PdDecisionDialog *dialog;

  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  if ((recommendation = open_record (self, error)) == NULL)
    return NULL;
  if (g_strcmp0 (pd_decision_get_kind (recommendation), "recommendation") != 0)
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_INVALID,
                           _("A decision is made from a recommendation: open the panel’s recommendation."));
      return NULL;
    }
  if (!pd_database_user_can_write (self->db))
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_READ_ONLY, _("This database is open read-only."));
      return NULL;
    }
  if (!pd_decisions_view_can_decide (self))
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_INVALID,
                           _("The referral has a decision already: open it, and edit it while it is unsigned or "
                             "supersede it once signed."));
      return NULL;
    }
  dialog = pd_decision_dialog_new_decision (parent_window (self), self->db, self->open_id, error);
  if (dialog == NULL)
    return NULL;
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_record_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

PdDecisionDialog *
pd_decisions_view_edit (PdDecisionsView  *self,
                        GError          **error)
{
  PdDecisionDialog *dialog;

  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  if (open_record (self, error) == NULL)
    return NULL;
  if (!pd_database_user_can_write (self->db))
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_READ_ONLY, _("This database is open read-only."));
      return NULL;
    }
  /* The dialog refuses a signed decision. */
  dialog = pd_decision_dialog_new_edit (parent_window (self), self->db, self->open_id, error);
  if (dialog == NULL)
    return NULL;
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_record_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_signed (PdDecisionsView *self,
           gint64           id)
{
  on_record_saved (self, id);
  _pd_decisions_view_toast (self, _("Decision signed"));
}

PdSignDialog *
pd_decisions_view_sign (PdDecisionsView  *self,
                        GError          **error)
{
  PdDecision *decision;
  PdSignDialog *dialog;

  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  if ((decision = open_record (self, error)) == NULL)
    return NULL;
  if (pd_database_get_user_role (self->db) != PD_ROLE_CHAIR)
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_PERMISSION, _("Only the chair can sign a decision."));
      return NULL;
    }
  if (g_strcmp0 (pd_decision_get_kind (decision), "decision") != 0 || pd_decision_is_signed (decision))
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_INVALID,
                           _("Only a decision not yet signed can be signed; a signed one can be superseded."));
      return NULL;
    }
  dialog = pd_sign_dialog_new (parent_window (self), self->db, self->open_id, NULL, error);
  if (dialog == NULL)
    return NULL;
  g_signal_connect_object (dialog, "signed", G_CALLBACK (on_signed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

PdDecisionDialog *
pd_decisions_view_supersede (PdDecisionsView  *self,
                             GError          **error)
{
  PdDecision *decision;
  PdDecisionDialog *dialog;

  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  if ((decision = open_record (self, error)) == NULL)
    return NULL;
  if (pd_database_get_user_role (self->db) != PD_ROLE_CHAIR)
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_PERMISSION, _("Only the chair can supersede a decision."));
      return NULL;
    }
  if (!pd_decision_is_signed (decision) || pd_decision_get_superseded_by (decision) != 0)
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_INVALID,
                           _("Only a signed decision not already superseded can be superseded."));
      return NULL;
    }
  dialog = pd_decision_dialog_new_supersede (parent_window (self), self->db, self->open_id, error);
  if (dialog == NULL)
    return NULL;
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_record_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

typedef struct
{
  gint64      id;
  const char *notified_on;
} Notice;

static gboolean
record_notice (PdTransaction  *tx,
               gpointer        user_data,
               GError        **error)
{
  Notice *notice = user_data;

  return pd_decision_record_national_panel_notice (tx, notice->id, notice->notified_on, error);
}

gboolean
pd_decisions_view_record_notice (PdDecisionsView  *self,
                                 const char       *notified_on,
                                 GError          **error)
{
  Notice notice = { 0, notified_on };

  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), FALSE);

  if (open_record (self, error) == NULL)
    return FALSE;
  notice.id = self->open_id;
  if (!pd_database_write (self->db, "Record national panel notice", record_notice, &notice, NULL, error))
    return FALSE;
  on_record_saved (self, notice.id);
  return TRUE;
}

gboolean
pd_decisions_view_export_pdf (PdDecisionsView  *self,
                              const char       *path,
                              GError          **error)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), FALSE);

  if (open_record (self, error) == NULL)
    return FALSE;
  return pd_decision_print_to_pdf (self->db, self->open_id, path, error);
}

/* ------------------------------------------------------------ the buttons */

static void
toast_error (PdDecisionsView *self,
             gpointer         result,
             GError          *error)
{
  if (result == NULL && error != NULL)
    _pd_decisions_view_toast (self, error->message);
}

static void
on_recommend_clicked (PdDecisionsView *self)
{
  pd_decisions_view_record_recommendation (self, 0);
}

static void
on_edit_clicked (PdDecisionsView *self)
{
  g_autoptr(GError) error = NULL;

  toast_error (self, pd_decisions_view_edit (self, &error), error);
}

static void
on_decide_clicked (PdDecisionsView *self)
{
  g_autoptr(GError) error = NULL;

  toast_error (self, pd_decisions_view_make_decision (self, &error), error);
}

static void
on_sign_clicked (PdDecisionsView *self)
{
  g_autoptr(GError) error = NULL;

  toast_error (self, pd_decisions_view_sign (self, &error), error);
}

static void
on_supersede_clicked (PdDecisionsView *self)
{
  g_autoptr(GError) error = NULL;

  toast_error (self, pd_decisions_view_supersede (self, &error), error);
}

static void
on_print_clicked (PdDecisionsView *self)
{
  g_autoptr(GError) error = NULL;

  if (open_record (self, &error) == NULL ||
      !pd_decision_print_run (parent_window (self), self->db, self->open_id, &error))
    _pd_decisions_view_toast (self, error->message);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    PdDecisionsView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      path = g_file_get_path (file);
      if (path == NULL)
        _pd_decisions_view_toast (self, _("Choose a file on this computer or a mounted share."));
      else if (!pd_decisions_view_export_pdf (self, path, &error))
        _pd_decisions_view_toast (self, error->message);
      else
        {
          g_autofree char *name = g_path_get_basename (path);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Saved the decision record as %s"), name);

          _pd_decisions_view_toast (self, message);
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_export_clicked (PdDecisionsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;
  PdDecision *decision;
  g_autofree char *name = NULL;

  if ((decision = open_record (self, &error)) == NULL)
    {
      _pd_decisions_view_toast (self, error->message);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export the Decision Record"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("decision-%" G_GINT64_FORMAT "-%s.pdf", self->open_id,
                          pd_decision_get_referral_reference (decision));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void open_notice_dialog (PdDecisionsView *self,
                                const char      *date,
                                const char      *problem);

static void
on_notice_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PdDecisionsView  *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "record") == 0 && !pd_decisions_view_record_notice (self, date, &error))
    /* Asked again with the date as typed, and why it was refused. */
    open_notice_dialog (self, date, error->message);
  else if (g_strcmp0 (response, "record") == 0)
    _pd_decisions_view_toast (self, _("Notice to the national panel recorded"));
}

static void
open_notice_dialog (PdDecisionsView *self,
                    const char      *date,
                    const char      *problem)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *body = NULL;

  body = g_strconcat (problem != NULL ? problem : "", problem != NULL ? "\n\n" : "",
                      _("The day the national panel was told of this decision not to hold a serious case review "
                        "(England 2015: within 14 days). It is recorded once, with who recorded it."), NULL);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Record the National Panel Notice"),
                                                       body));
  gtk_editable_set_text (GTK_EDITABLE (entry), date);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Day the national panel was told, YYYY-MM-DD"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_notice_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_notice_clicked (PdDecisionsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  open_notice_dialog (self, today, NULL);
}

static gboolean
on_print_shortcut (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  PdDecisionsView *self = PD_DECISIONS_VIEW (widget);

  /* Ctrl+P prints the record on screen, and only then. */
  if (!gtk_widget_get_mapped (widget) || self->open_id == 0)
    return FALSE;
  on_print_clicked (self);
  return TRUE;
}

void
_pd_decisions_view_add_action_shortcuts (GtkShortcutController *controller)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (on_print_shortcut, NULL, NULL)));
}

void
_pd_decisions_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_recommend_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_decide_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_supersede_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
}
