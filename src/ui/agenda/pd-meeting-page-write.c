/* pd-meeting-page-write.c: the meeting page's writes: at once while the
 * agenda is a draft; once it is published, after asking why, so the
 * addendum says it */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-meeting-page-private.h"

gboolean
_pd_meeting_page_write_move (PdTransaction *tx, gpointer data, GError **error)
{
  PageWrite *w = data;
  return pd_agenda_move_item (tx, w->item_id, w->delta, w->reason, error);
}

gboolean
_pd_meeting_page_write_awaiting (PdTransaction *tx, gpointer data, GError **error)
{
  PageWrite *w = data;
  return pd_agenda_add_awaiting_referrals (tx, w->meeting_id, AWAITING_MINUTES, w->reason, &w->n_added, error);
}

gboolean
_pd_meeting_page_write_status (PdTransaction *tx, gpointer data, GError **error)
{
  PageWrite *w = data;
  return pd_meeting_set_status (tx, w->meeting_id, w->status, error);
}

gboolean
_pd_meeting_page_write_remove (PdTransaction *tx, gpointer data, GError **error)
{
  PageWrite *w = data;
  return pd_agenda_remove_item (tx, w->item_id, w->reason, error);
}

gboolean
_pd_meeting_page_write_move_to (PdTransaction *tx, gpointer data, GError **error)
{
  PageWrite *w = data;
  return pd_agenda_move_item_to (tx, w->item_id, w->position, w->reason, error);
}

gboolean
_pd_meeting_page_write_now (PdMeetingPage *self,
           const char    *summary,
           PdWriteFunc    func,
           PageWrite     *w)
{
  g_autoptr(GError) error = NULL;

  if (!pd_database_write (self->db, summary, func, w, NULL, &error))
    {
      _pd_meeting_page_say (self, error->message);
      return FALSE;
    }
  pd_meeting_page_reload (self);
  g_signal_emit_by_name (self, "changed");
  return TRUE;
}

/* A change to a published agenda goes in the addendum with its reason:
 * asked for here, and written once given. */
typedef struct
{
  PdMeetingPage *self;
  const char    *summary;
  PdWriteFunc    func;
  PageWrite      w;
  char          *done;
  GtkEntry      *entry;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_object_unref (pending->self);
  g_free (pending->done);
  g_free (pending);
}

static void
on_reason_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "change", *reason != '\0');
}

static void
on_reason_response (AdwMessageDialog *dialog, const char *response, Pending *pending)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pending->entry))));

  if (g_strcmp0 (response, "change") != 0 || *reason == '\0')
    return;
  pending->w.reason = reason;
  if (_pd_meeting_page_write_now (pending->self, pending->summary, pending->func, &pending->w))
    _pd_meeting_page_say (pending->self, pending->done != NULL ? pending->done
                                         : _("Agenda changed; the addendum records it"));
}

void
_pd_meeting_page_ask_reason (PdMeetingPage *self,
            const char    *summary,
            PdWriteFunc    func,
            PageWrite     *w,
            const char    *done)
{
  Pending *pending = g_new0 (Pending, 1);
  GtkWidget *dialog;

  pending->self = g_object_ref (self);
  pending->summary = summary;
  pending->func = func;
  pending->w = *w;
  pending->done = g_strdup (done);
  pending->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (pending->entry, _("Reason for the change"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pending->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the change"), -1);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Change the Published Agenda?"),
                                   _("The agenda was published: members have it. The change is shown "
                                     "to them as an addendum, with the reason given here."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (pending->entry));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("_Change Agenda"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "change", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  g_signal_connect (pending->entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_reason_response), pending,
                         (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writes now while the agenda is a draft; once published, asks why first
 * and returns FALSE (the dialog finishes the change). */
gboolean
_pd_meeting_page_run_write (PdMeetingPage *self,
           const char    *summary,
           PdWriteFunc    func,
           PageWrite     *w)
{
  w->meeting_id = pd_meeting_get_id (self->meeting);
  if (func != _pd_meeting_page_write_status && w->reason == NULL && pd_meeting_is_agenda_frozen (self->meeting))
    {
      _pd_meeting_page_ask_reason (self, summary, func, w, NULL);
      return FALSE;
    }
  return _pd_meeting_page_write_now (self, summary, func, w);
}
