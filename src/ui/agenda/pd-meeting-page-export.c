/* pd-meeting-page-export.c: the meeting page's files: the agenda pack (on a
 * worker thread, with progress and cancel), the minutes and the .ics */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-agenda-pack.h"
#include "pd-meeting-page-private.h"
#include "pd-minutes-pdf.h"
#include "pd-viewer-window.h"

/* The agenda pack, on a worker thread with progress */

static void
on_pack_progress (double fraction, const char *message, gpointer user_data)
{
  PdMeetingPage *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, fraction);
  gtk_progress_bar_set_text (self->progress, message);
}

static void
on_open_pack (AdwToast *toast, PdMeetingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PdViewerWindow *viewer;

  /* In Panel Desk's own viewer: its page numbers are the pack's printed
   * ones, and it prints (Ctrl+P) through GTK's print dialog. */
  viewer = pd_viewer_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, 0,
                                 g_object_get_data (G_OBJECT (toast), "path"), _("Agenda Pack"));
  gtk_window_present (GTK_WINDOW (viewer));
}

static void
on_pack_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(PdMeetingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAgendaPack) pack = g_steal_pointer (&self->pack);
  g_autofree char *path = g_steal_pointer (&self->pack_path);

  g_clear_object (&self->pack_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  if (!pd_agenda_pack_write_finish (pack, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _pd_meeting_page_say (self, error->message);
      else
        _pd_meeting_page_say (self, _("Agenda pack cancelled; nothing was written"));
    }
  else
    {
      const char * const *problems = pd_agenda_pack_get_problems (pack);
      guint n_problems = problems != NULL ? g_strv_length ((char **) problems) : 0;
      g_autofree char *text = NULL;
      AdwToast *toast;

      if (n_problems > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Agenda pack saved, %u pages; %u paper is flagged in it",
                                             "Agenda pack saved, %u pages; %u papers are flagged in it",
                                             n_problems),
                                pd_agenda_pack_get_n_pages (pack), n_problems);
      else
        text = g_strdup_printf (_("Agenda pack saved, %u pages"), pd_agenda_pack_get_n_pages (pack));
      toast = adw_toast_new (text);
      g_free (self->last_message);
      self->last_message = g_strdup (text);
      g_object_set_data_full (G_OBJECT (toast), "path", g_steal_pointer (&path), g_free);
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_pack), self, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }
}

void
pd_meeting_page_build_pack (PdMeetingPage *self,
                            const char    *path)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_MEETING_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->pack != NULL)
    return;
  /* Read on this thread (the database's), write on a worker. */
  self->pack = pd_agenda_pack_new (self->db, pd_meeting_get_id (self->meeting), &error);
  if (self->pack == NULL)
    {
      _pd_meeting_page_say (self, error->message);
      return;
    }
  self->pack_path = g_strdup (path);
  self->pack_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, _("Reading the papers…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  pd_agenda_pack_write_async (self->pack, path, on_pack_progress, self, self->pack_cancellable,
                              on_pack_written, g_object_ref (self));
}

gboolean
pd_meeting_page_is_building (PdMeetingPage *self)
{
  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), FALSE);
  return self->pack != NULL;
}

void
_pd_meeting_page_cancel_pack (PdMeetingPage *self)
{
  g_cancellable_cancel (self->pack_cancellable);
}

/* The minutes are a few pages: a worker thread still keeps the window alive. */
static void
write_minutes_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PdMinutesPdf *minutes = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (!pd_minutes_pdf_write (minutes, path, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_minutes_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PdMeetingPage *self = PD_MEETING_PAGE (source);
  g_autoptr(GError) error = NULL;

  self->writing_minutes = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _pd_meeting_page_say (self, error->message);
  else
    _pd_meeting_page_say (self, _("Minutes saved"));
}

void
pd_meeting_page_write_minutes (PdMeetingPage *self,
                               const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdMinutesPdf) minutes = pd_minutes_pdf_new (self->db, pd_meeting_get_id (self->meeting), &error);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PD_IS_MEETING_PAGE (self));
  g_return_if_fail (path != NULL);

  if (minutes == NULL)
    {
      _pd_meeting_page_say (self, error->message);
      return;
    }
  self->writing_minutes = TRUE;
  task = g_task_new (self, NULL, on_minutes_written, NULL);
  g_task_set_task_data (task, g_steal_pointer (&minutes), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_run_in_thread (task, write_minutes_thread);
}

gboolean
pd_meeting_page_export_calendar (PdMeetingPage *self,
                                 const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = pd_meeting_ics_export (self->db, pd_meeting_get_id (self->meeting), 0, &error);

  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (ics == NULL || !g_file_set_contents (path, ics, -1, &error))
    {
      _pd_meeting_page_say (self, error->message);
      return FALSE;
    }
  _pd_meeting_page_say (self, _("Calendar file saved"));
  return TRUE;
}

typedef enum { SAVE_PACK, SAVE_MINUTES, SAVE_CALENDAR } SaveWhat;

static void
on_save_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  PdMeetingPage *self = PD_MEETING_PAGE (g_object_get_data (G_OBJECT (chooser), "page"));
  SaveWhat what = GPOINTER_TO_INT (user_data);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL && what == SAVE_PACK)
    pd_meeting_page_build_pack (self, path);
  else if (path != NULL && what == SAVE_MINUTES)
    pd_meeting_page_write_minutes (self, path);
  else if (path != NULL)
    pd_meeting_page_export_calendar (self, path);
  g_object_unref (chooser);
}

static void
ask_where (PdMeetingPage *self, SaveWhat what, const char *title, const char *suffix)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("%s %.10s.%s", pd_meeting_get_title (self->meeting),
                                           pd_meeting_get_starts_at (self->meeting), suffix);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "page", g_object_ref (self), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), GINT_TO_POINTER (what));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_pd_meeting_page_save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);

  if (g_str_equal (name, "meeting.agenda-pack"))
    ask_where (self, SAVE_PACK, _("Save the Agenda Pack"), "pdf");
  else if (g_str_equal (name, "meeting.minutes"))
    ask_where (self, SAVE_MINUTES, _("Save the Minutes"), "pdf");
  else
    ask_where (self, SAVE_CALENDAR, _("Export to a Calendar File"), "ics");
}


gboolean
pd_meeting_page_is_writing_minutes (PdMeetingPage *self)
{
  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), FALSE);
  return self->writing_minutes;
}
