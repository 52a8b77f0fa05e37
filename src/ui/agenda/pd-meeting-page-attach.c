/* pd-meeting-page-attach.c: papers put on an agenda item from the meeting's page
 *
 * The files go into the attachment store on a worker thread (copied and
 * hashed there, the write lock never held meanwhile), then each is put on
 * its item through the agenda's own rule, so that a paper added after the
 * agenda was published is recorded as a late paper.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-documents-jobs.h"
#include "pd-meeting-page-private.h"

typedef struct
{
  gint64     item_id;
  GPtrArray *results;   /* PdAttachResult */
} PaperLinks;

static gboolean
link_papers (PdTransaction  *tx,
             gpointer        data,
             GError        **error)
{
  PaperLinks *links = data;

  for (guint i = 0; i < links->results->len; i++)
    {
      PdAttachResult *result = g_ptr_array_index (links->results, i);

      if (result->error == NULL &&
          !pd_agenda_paper_attach (tx, links->item_id, result->document_id, error))
        return FALSE;
    }
  return TRUE;
}

static void
on_progress (GObject    *owner,
             double      fraction,
             const char *text)
{
  PdMeetingPage *self = PD_MEETING_PAGE (owner);

  if (self->progress == NULL)
    return;   /* closed meanwhile */
  gtk_progress_bar_set_fraction (self->progress, fraction);
  gtk_progress_bar_set_text (self->progress, text);
}

typedef struct
{
  PdMeetingPage *self;
  gint64         item_id;
} AttachJob;

static void
on_attached (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AttachJob *job = data;
  PdMeetingPage *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = pd_documents_attach_finish (result, &error);
  g_autofree char *message = NULL;
  PaperLinks links = { job->item_id, results };
  guint n_stored = 0, n_failed = 0;
  const char *first_failure = NULL;

  self->n_attaching--;
  if (self->db == NULL || self->meeting == NULL)
    {
      /* The page was closed meanwhile: the files are stored, for the meeting. */
      g_object_unref (self);
      g_free (job);
      return;
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, self->n_attaching > 0 || self->pack != NULL);
  if (results == NULL)
    _pd_meeting_page_say (self, error->message);
  else if (!pd_database_write (self->db, "Papers on an agenda item", link_papers, &links,
                                                    NULL, &error))
    _pd_meeting_page_say (self, error->message);
  else
    {
      for (guint i = 0; i < results->len; i++)
        {
          PdAttachResult *r = g_ptr_array_index (results, i);

          if (r->error == NULL)
            n_stored++;
          else if (n_failed++ == 0)
            first_failure = r->error->message;
        }
      if (n_failed == 0)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u paper attached", "%u papers attached",
                                                n_stored), n_stored);
      else
        /* Translators: papers attached and not; then why the first one was not */
        message = g_strdup_printf (_("%u attached, %u not: %s"), n_stored, n_failed, first_failure);
      pd_meeting_page_reload (self);
      _pd_meeting_page_say (self, message);
    }
  g_object_unref (self);
  g_free (job);
}

void
pd_meeting_page_attach_papers (PdMeetingPage     *self,
                               gint64             item_id,
                               const char *const *paths)
{
  PdAttachTarget target = { 0 };
  PdAgendaItem *item = NULL;
  AttachJob *job;

  g_return_if_fail (PD_IS_MEETING_PAGE (self));
  g_return_if_fail (paths != NULL);

  if (self->db == NULL || self->meeting == NULL || paths[0] == NULL)
    return;
  for (guint i = 0; i < self->items->len && item == NULL; i++)
    if (pd_agenda_item_get_id (g_ptr_array_index (self->items, i)) == item_id)
      item = g_ptr_array_index (self->items, i);
  g_return_if_fail (item != NULL);

  /* Stored for the meeting, then put on the item by the agenda's rule,
   * which is what marks a paper late on a published agenda. */
  target.meeting_id = pd_meeting_get_id (self->meeting);
  target.referral_id = pd_agenda_item_get_referral_id (item);
  /* The kind a paper of such an item usually is; the Documents view can say otherwise. */
  if (g_str_equal (pd_agenda_item_get_kind (item), "minutes"))
    target.kind = "minutes";
  else if (g_str_equal (pd_agenda_item_get_kind (item), "action_plan"))
    target.kind = "action_plan";
  else
    target.kind = "other";

  job = g_new0 (AttachJob, 1);
  job->self = g_object_ref (self);
  job->item_id = item_id;
  self->n_attaching++;
  gtk_progress_bar_set_fraction (self->progress, 0.0);
  gtk_progress_bar_set_text (self->progress, _("Attaching papers…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  pd_documents_attach_async (pd_database_get_path (self->db), &target, paths, G_OBJECT (self), on_progress,
                             NULL, on_attached, job);
}

gboolean
pd_meeting_page_is_attaching (PdMeetingPage *self)
{
  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), FALSE);

  return self->n_attaching > 0;
}

typedef struct
{
  PdMeetingPage *self;
  gint64         item_id;
} Chooser;

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     Chooser         *chooser)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      pd_meeting_page_attach_papers (chooser->self, chooser->item_id, (const char *const *) paths->pdata);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (chooser->self);
  g_free (chooser);
}

/* meeting.attach-papers (x): a file chooser for the item's papers. */
void
_pd_meeting_page_attach_action (GtkWidget  *widget,
                                const char *name,
                                GVariant   *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  Chooser *chooser = g_new0 (Chooser, 1);

  chooser->self = g_object_ref (self);
  chooser->item_id = g_variant_get_int64 (param);
  dialog = gtk_file_chooser_native_new (_("Attach Papers"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_chooser_response), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
