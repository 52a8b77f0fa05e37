/* pd-agenda-view.c: the Meetings view: upcoming and past meetings, a
 * meeting's page, presentation mode; papers leave it as "open-document" */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-agenda-view.h"

struct _PdAgendaView
{
  AdwBin           parent_instance;

  PdDatabase      *db;
  guint            n_rows;

  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkListBox      *upcoming;
  GtkListBox      *past;
  GtkWidget       *upcoming_label;
  GtkWidget       *past_label;
  AdwStatusPage   *error_page;
  PdMeetingPage   *meeting_page;
  PdPresentation  *presentation;
};

G_DEFINE_FINAL_TYPE (PdAgendaView, pd_agenda_view, ADW_TYPE_BIN)

enum { OPEN_DOCUMENT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (PdAgendaView *self,
            const char   *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
meeting_row (PdAgendaView *self,
             PdMeeting    *meeting,
             gboolean      past)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *when = pd_format_date_time (pd_meeting_get_starts_at (meeting));
  const char *where = *pd_meeting_get_place (meeting) != '\0' ? pd_meeting_get_place (meeting)
                                                              : pd_meeting_get_video_link (meeting);
  PdQuorum quorum = { 0 };
  g_autofree char *subtitle = NULL;
  g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                                         pd_meeting_get_n_items (meeting)),
                                            pd_meeting_get_n_items (meeting));
  const char *status = pd_meeting_get_status (meeting);
  const char *quorum_text = _("quorum not known");

  /* Before the meeting nobody has come yet: the quorum means nothing. */
  if (g_strcmp0 (status, "draft") == 0 || g_strcmp0 (status, "agenda_published") == 0)
    quorum_text = past ? _("not marked as held") : _("not held yet");
  else if (pd_meeting_check_quorum (self->db, pd_meeting_get_id (meeting), &quorum, NULL))
    quorum_text = quorum.met ? _("quorum met") : _("quorum not met");
  subtitle = g_strdup_printf ("%s · %s · %s · %s · %s", when, where,
                              pd_meeting_status_to_label (status), items, quorum_text);
  pd_quorum_clear (&quorum);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_meeting_get_title (meeting));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "agenda.show-meeting");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", pd_meeting_get_id (meeting));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

void
pd_agenda_view_reload (PdAgendaView *self)
{
  g_autoptr(PdRecordList) list = NULL;
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  guint n;

  g_return_if_fail (PD_IS_AGENDA_VIEW (self));

  clear_list (self->upcoming);
  clear_list (self->past);
  self->n_rows = 0;
  if (self->db == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* The list comes latest first: past meetings keep that order, the
   * upcoming ones are shown soonest first. */
  list = pd_meeting_list_new (self->db);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (meeting == NULL)
        continue;
      if (g_strcmp0 (pd_meeting_get_ends_at (meeting), now_text) >= 0)
        g_ptr_array_insert (upcoming, 0, g_object_ref (meeting));
      else
        gtk_list_box_append (self->past, meeting_row (self, meeting, TRUE));
      self->n_rows++;
    }
  for (guint i = 0; i < upcoming->len; i++)
    gtk_list_box_append (self->upcoming, meeting_row (self, g_ptr_array_index (upcoming, i), FALSE));

  gtk_widget_set_visible (self->upcoming_label, upcoming->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->upcoming), upcoming->len > 0);
  gtk_widget_set_visible (self->past_label, self->n_rows > upcoming->len);
  gtk_widget_set_visible (GTK_WIDGET (self->past), self->n_rows > upcoming->len);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "meeting") != 0
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "presentation") != 0)
    gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");
}

void
pd_agenda_view_set_database (PdAgendaView *self,
                             PdDatabase   *db)
{
  g_return_if_fail (PD_IS_AGENDA_VIEW (self));
  g_return_if_fail (db == NULL || PD_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;
  gtk_stack_set_visible_child_name (self->stack, "empty");
  pd_agenda_view_reload (self);
}

PdDatabase *
pd_agenda_view_get_database (PdAgendaView *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), NULL);
  return self->db;
}

guint
pd_agenda_view_get_n_rows (PdAgendaView *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), 0);
  return self->n_rows;
}

const char *
pd_agenda_view_get_shown (PdAgendaView *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
pd_agenda_view_show_meeting (PdAgendaView  *self,
                             gint64         meeting_id,
                             GError       **error)
{
  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), FALSE);

  if (self->db == NULL || !pd_meeting_page_show (self->meeting_page, self->db, meeting_id, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "meeting");
  return TRUE;
}

PdMeetingPage *
pd_agenda_view_get_meeting_page (PdAgendaView *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), NULL);
  return self->meeting_page;
}

PdPresentation *
pd_agenda_view_get_presentation (PdAgendaView *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), NULL);
  return self->presentation;
}

static void
on_meeting_created (PdMeetingDialog *dialog, gint64 id, PdAgendaView *self)
{
  g_autoptr(GError) error = NULL;

  pd_agenda_view_reload (self);
  if (!pd_agenda_view_show_meeting (self, id, &error))
    show_error (self, error->message);
}

PdMeetingDialog *
pd_agenda_view_new_meeting (PdAgendaView *self)
{
  PdMeetingDialog *dialog;

  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), NULL);

  if (self->db == NULL)
    return NULL;
  dialog = pd_meeting_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db);
  g_signal_connect_object (dialog, "meeting-created", G_CALLBACK (on_meeting_created), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
new_meeting_action (GtkWidget *widget, const char *name, GVariant *param)
{
  pd_agenda_view_new_meeting (PD_AGENDA_VIEW (widget));
}

static void
show_meeting_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdAgendaView *self = PD_AGENDA_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!pd_agenda_view_show_meeting (self, g_variant_get_int64 (param), &error))
    show_error (self, error != NULL ? error->message : _("No database is open."));
}

gboolean
pd_agenda_view_export_year (PdAgendaView *self,
                            int           year,
                            const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->db == NULL)
    return FALSE;
  ics = pd_meeting_ics_export (self->db, 0, year, &error);
  if (ics == NULL || !g_file_set_contents (path, ics, -1, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return FALSE;
    }
  text = g_strdup_printf (_("The meetings of %d saved as a calendar file"), year);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
  return TRUE;
}

static void
on_export_year_response (GtkNativeDialog *chooser, int response, PdAgendaView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    pd_agenda_view_export_year (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "year")), path);
  g_object_unref (chooser);
}

static void
export_year_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdAgendaView *self = PD_AGENDA_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autofree char *file_name = g_strdup_printf (_("Panel meetings %d.ics"), year);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Year’s Meetings"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data (G_OBJECT (chooser), "year", GINT_TO_POINTER (year));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_year_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdAgendaView *self = PD_AGENDA_VIEW (widget);

  /* Presentation mode is left with Escape, to the meeting, not the list. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "meeting") != 0)
    return;
  gtk_stack_set_visible_child_name (self->stack, "list");
  pd_agenda_view_reload (self);
}

static void
on_open_document (GObject *source, gint64 id, const char *path, int page, const char *query, PdAgendaView *self)
{
  g_signal_emit (self, signals[OPEN_DOCUMENT], 0, id, path, page, query);
}

static void
on_present (PdMeetingPage *page, PdAgendaView *self)
{
  g_autoptr(GError) error = NULL;

  if (!pd_presentation_start (self->presentation, self->db, pd_meeting_page_get_meeting_id (page), &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "presentation");
  gtk_widget_grab_focus (GTK_WIDGET (self->presentation));
}

static void
on_leave_presentation (PdPresentation *presentation, PdAgendaView *self)
{
  pd_meeting_page_reload (self->meeting_page);
  gtk_stack_set_visible_child_name (self->stack, "meeting");
}

static void
pd_agenda_view_dispose (GObject *object)
{
  PdAgendaView *self = PD_AGENDA_VIEW (object);

  g_clear_object (&self->db);
  /* AdwBin unparents its child itself; take it away first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_AGENDA_VIEW);
  G_OBJECT_CLASS (pd_agenda_view_parent_class)->dispose (object);
}

static void
pd_agenda_view_class_init (PdAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_agenda_view_dispose;

  signals[OPEN_DOCUMENT] = g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                         G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);

  g_type_ensure (PD_TYPE_MEETING_PAGE);
  g_type_ensure (PD_TYPE_PRESENTATION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/agenda/pd-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, toasts);
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, stack);
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, upcoming);
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, past);
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, upcoming_label);
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, past_label);
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, meeting_page);
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, presentation);

  gtk_widget_class_install_action (widget_class, "agenda.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "agenda.show-meeting", "x", show_meeting_action);
  gtk_widget_class_install_action (widget_class, "agenda.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "agenda.export-year", NULL, export_year_action);
  /* Back from a meeting, as from a referral. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "agenda.back", NULL);
}

static void
pd_agenda_view_init (PdAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->meeting_page, "open-document", G_CALLBACK (on_open_document), self);
  g_signal_connect (self->presentation, "open-document", G_CALLBACK (on_open_document), self);
  g_signal_connect_swapped (self->meeting_page, "changed", G_CALLBACK (pd_agenda_view_reload), self);
  g_signal_connect (self->meeting_page, "present", G_CALLBACK (on_present), self);
  g_signal_connect (self->presentation, "leave", G_CALLBACK (on_leave_presentation), self);
}
