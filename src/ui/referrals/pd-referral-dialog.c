/* pd-referral-dialog.c: logging a new referral
 *
 * A failed save never loses what was typed: the dialog stays open with
 * every field as it was, marks the field at fault and says why. The
 * checks here only point at the field; the core checks again and has the
 * last word (its message is shown as it is).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-referral-dialog.h"

/* Longer than any narrative a form holds; beyond it, a paste went wrong. */
#define MAX_FIELD_CHARS (64 * 1024)

struct _PdReferralDialog
{
  AdwWindow    parent_instance;

  GtkWidget   *save_button;
  GtkRevealer *error_revealer;
  GtkLabel    *error_label;
  AdwEntryRow *pseudonym_row;
  AdwEntryRow *child_name_row;
  AdwEntryRow *date_received_row;
  AdwEntryRow *date_of_incident_row;
  AdwEntryRow *referrer_name_row;
  AdwEntryRow *referrer_agency_row;
  GtkTextView *narrative_view;

  PdDatabase  *db;
  char        *error;
};

G_DEFINE_FINAL_TYPE (PdReferralDialog, pd_referral_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
narrative_text (PdReferralDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->narrative_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (PdReferralDialog *self,
            AdwEntryRow      *row,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);

  if (row != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
clear_errors (PdReferralDialog *self)
{
  AdwEntryRow *rows[] = { self->pseudonym_row, self->child_name_row, self->date_received_row,
                          self->date_of_incident_row, self->referrer_name_row, self->referrer_agency_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
  g_clear_pointer (&self->error, g_free);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static gboolean
pd_text_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Points at the first field that is wrong, in the order the form reads. */
static gboolean
check_fields (PdReferralDialog *self,
              const char       *narrative)
{
  AdwEntryRow *rows[] = { self->pseudonym_row, self->child_name_row, self->date_received_row,
                          self->date_of_incident_row, self->referrer_name_row, self->referrer_agency_row };
  const char *received = row_text (self->date_received_row);
  const char *incident = row_text (self->date_of_incident_row);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_utf8_strlen (row_text (rows[i]), -1) > 1000)
      {
        show_error (self, rows[i], _("This field is longer than 1,000 characters; a paste may have gone wrong."));
        return FALSE;
      }
  if (g_utf8_strlen (narrative, -1) > MAX_FIELD_CHARS)
    {
      show_error (self, NULL, _("The narrative is longer than 64,000 characters; a paste may have gone wrong."));
      return FALSE;
    }
  if (pd_text_is_blank (row_text (self->pseudonym_row)))
    {
      show_error (self, self->pseudonym_row, _("A referral needs a pseudonym for the child, such as “Child A”."));
      return FALSE;
    }
  if (!pd_date_is_valid (received))
    {
      show_error (self, self->date_received_row, _("The date received must be a real date, written as 2026-03-31."));
      return FALSE;
    }
  if (g_strcmp0 (received, today) > 0)
    {
      show_error (self, self->date_received_row, _("The date received is in the future."));
      return FALSE;
    }
  if (incident[0] != '\0' && !pd_date_is_valid (incident))
    {
      show_error (self, self->date_of_incident_row, _("The date of the incident must be a real date, written as 2026-03-31."));
      return FALSE;
    }
  if (incident[0] != '\0' && g_strcmp0 (incident, received) > 0)
    {
      show_error (self, self->date_of_incident_row, _("The date of the incident is after the date the referral was received."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  PdReferralFields fields;
  gint64           id;
} Save;

static gboolean
insert_referral (PdTransaction  *tx,
                 gpointer        user_data,
                 GError        **error)
{
  Save *save = user_data;

  save->id = pd_referral_insert (tx, &save->fields, NULL, error);
  return save->id != 0;
}

gboolean
pd_referral_dialog_save (PdReferralDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *narrative = NULL;
  g_autofree char *pseudonym = NULL;
  Save save = { 0 };

  g_return_val_if_fail (PD_IS_REFERRAL_DIALOG (self), FALSE);

  clear_errors (self);
  narrative = narrative_text (self);
  if (!check_fields (self, narrative))
    return FALSE;

  pseudonym = g_strstrip (g_strdup (row_text (self->pseudonym_row)));
  save.fields.pseudonym = pseudonym;
  save.fields.child_name = row_text (self->child_name_row);
  save.fields.date_received = row_text (self->date_received_row);
  save.fields.date_of_incident = row_text (self->date_of_incident_row);
  save.fields.referrer_name = row_text (self->referrer_name_row);
  save.fields.referrer_agency = row_text (self->referrer_agency_row);
  save.fields.narrative = narrative;

  if (!pd_database_write (self->db, "New referral", insert_referral, &save, NULL, &error))
    {
      /* Locked by another user, read-only, the share gone: all typed stays. */
      show_error (self, NULL, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, save.id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (PdReferralDialog *self)
{
  pd_referral_dialog_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pd_referral_dialog_save (PD_REFERRAL_DIALOG (widget));
}

void
pd_referral_dialog_set_field (PdReferralDialog *self,
                              const char       *field,
                              const char       *text)
{
  static const char *names[] = { "pseudonym", "child_name", "date_received", "date_of_incident",
                                 "referrer_name", "referrer_agency" };
  AdwEntryRow *rows[] = { self->pseudonym_row, self->child_name_row, self->date_received_row,
                          self->date_of_incident_row, self->referrer_name_row, self->referrer_agency_row };

  g_return_if_fail (PD_IS_REFERRAL_DIALOG (self));

  if (g_strcmp0 (field, "narrative") == 0)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->narrative_view), text, -1);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (field, names[i]) == 0)
      {
        gtk_editable_set_text (GTK_EDITABLE (rows[i]), text);
        return;
      }
  g_return_if_reached ();
}

const char *
pd_referral_dialog_get_error (PdReferralDialog *self)
{
  g_return_val_if_fail (PD_IS_REFERRAL_DIALOG (self), NULL);

  return self->error;
}

PdReferralDialog *
pd_referral_dialog_new (GtkWindow  *parent,
                        PdDatabase *db)
{
  PdReferralDialog *self = g_object_new (PD_TYPE_REFERRAL_DIALOG,
                                         "transient-for", parent,
                                         NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  self->db = g_object_ref (db);
  /* Most referrals are logged the day they arrive. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_received_row), today);
  gtk_widget_grab_focus (GTK_WIDGET (self->pseudonym_row));
  return self;
}

static void
pd_referral_dialog_dispose (GObject *object)
{
  PdReferralDialog *self = PD_REFERRAL_DIALOG (object);

  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_REFERRAL_DIALOG);

  G_OBJECT_CLASS (pd_referral_dialog_parent_class)->dispose (object);
}

static void
pd_referral_dialog_finalize (GObject *object)
{
  PdReferralDialog *self = PD_REFERRAL_DIALOG (object);

  g_free (self->error);

  G_OBJECT_CLASS (pd_referral_dialog_parent_class)->finalize (object);
}

static void
pd_referral_dialog_class_init (PdReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_referral_dialog_dispose;
  object_class->finalize = pd_referral_dialog_finalize;

  /* The new referral's id. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/referrals/pd-referral-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, pseudonym_row);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, child_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, date_received_row);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, date_of_incident_row);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, referrer_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, referrer_agency_row);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, narrative_view);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  /* Ctrl+S saves, as in every editor; Escape cancels, as in a dialog. */
  gtk_widget_class_install_action (widget_class, "referral.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "referral.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_referral_dialog_init (PdReferralDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
