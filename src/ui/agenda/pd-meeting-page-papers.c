/* pd-meeting-page-papers.c: every paper of the meeting checked against its
 * fingerprint off the main thread, and the missing or altered ones flagged
 * on their items */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-agenda-item-row.h"
#include "pd-meeting-page-private.h"

typedef struct
{
  gint64       document_id;
  PdPaperState state;
} Flag;

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GPtrArray *papers = task_data;
  g_autoptr(GArray) flags = g_array_new (FALSE, FALSE, sizeof (Flag));

  for (guint i = 0; i < papers->len; i++)
    {
      const PdAgendaPaper *paper = g_ptr_array_index (papers, i);
      g_autoptr(GError) error = NULL;
      Flag flag = { .document_id = paper->document_id };

      if (g_cancellable_is_cancelled (cancellable))
        break;
      /* A file that cannot be read is as good as missing for the meeting. */
      if (!pd_agenda_paper_verify (paper, &flag.state, NULL, cancellable, &error))
        flag.state = PD_PAPER_MISSING;
      if (flag.state != PD_PAPER_OK)
        g_array_append_val (flags, flag);
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&flags), (GDestroyNotify) g_array_unref);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PdMeetingPage *self = PD_MEETING_PAGE (source);
  g_autoptr(GArray) flags = g_task_propagate_pointer (G_TASK (result), NULL);

  if (flags == NULL)
    return;   /* cancelled: a newer check is on its way */
  g_clear_object (&self->check_cancellable);
  self->n_flagged_papers = flags->len;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->agenda)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    for (guint i = 0; PD_IS_AGENDA_ITEM_ROW (row) && i < flags->len; i++)
      pd_agenda_item_row_set_paper_state (PD_AGENDA_ITEM_ROW (row), g_array_index (flags, Flag, i).document_id,
                                          g_array_index (flags, Flag, i).state);
}

void
_pd_meeting_page_check_papers (PdMeetingPage *self)
{
  g_autoptr(GPtrArray) papers = NULL;
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->n_flagged_papers = -1;

  /* The list is read here, on the database's thread; only files are read there. */
  papers = pd_agenda_paper_list (self->db, pd_meeting_get_id (self->meeting), 0, NULL);
  if (papers == NULL)
    return;
  self->check_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->check_cancellable, on_checked, NULL);
  g_task_set_task_data (task, g_steal_pointer (&papers), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, check_thread);
}

int
pd_meeting_page_get_n_flagged_papers (PdMeetingPage *self)
{
  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), -1);
  return self->n_flagged_papers;
}
