/* pd-meeting-dialog.c: scheduling a new meeting, warning of the past and of overlaps */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-meeting-dialog.h"

struct _PdMeetingDialog
{
  AdwWindow    parent_instance;

  PdDatabase  *db;
  GPtrArray   *people;      /* PdPerson, in the chair list's order after "None" */
  GtkWidget   *title_row;
  GtkWidget   *date_row;
  GtkWidget   *start_row;
  GtkWidget   *end_row;
  GtkWidget   *place_row;
  GtkWidget   *video_row;
  GtkWidget   *chair_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (PdMeetingDialog, pd_meeting_dialog, ADW_TYPE_WINDOW)

enum { MEETING_CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  PdMeetingFields fields;
  char           *title;
  char           *starts_at;
  char           *ends_at;
  char           *place;
  char           *video_link;
  gint64          id;
} NewMeeting;

static void
new_meeting_free (NewMeeting *meeting)
{
  g_free (meeting->title);
  g_free (meeting->starts_at);
  g_free (meeting->ends_at);
  g_free (meeting->place);
  g_free (meeting->video_link);
  g_free (meeting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewMeeting, new_meeting_free)

static void
show_error (PdMeetingDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* "2026-03-31" and "10:00" in local time to "2026-03-31T09:00:00Z". */
static char *
to_utc (const char *date,
        const char *time)
{
  int y, mo, d, h, mi;
  char tail;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (sscanf (date, "%d-%d-%d%c", &y, &mo, &d, &tail) != 3
      || sscanf (time, "%d:%d%c", &h, &mi, &tail) != 2)
    return NULL;
  if (!g_date_valid_dmy (d, mo, y) || h < 0 || h > 23 || mi < 0 || mi > 59)
    return NULL;
  local = g_date_time_new_local (y, mo, d, h, mi, 0);
  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
row_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static NewMeeting *
read_form (PdMeetingDialog  *self,
           GError          **error)
{
  g_autoptr(NewMeeting) meeting = g_new0 (NewMeeting, 1);
  guint chair = adw_combo_row_get_selected (ADW_COMBO_ROW (self->chair_row));

  meeting->title = g_strstrip (g_strdup (row_text (self->title_row)));
  meeting->starts_at = to_utc (row_text (self->date_row), row_text (self->start_row));
  meeting->ends_at = to_utc (row_text (self->date_row), row_text (self->end_row));
  meeting->place = g_strstrip (g_strdup (row_text (self->place_row)));
  meeting->video_link = g_strstrip (g_strdup (row_text (self->video_row)));

  if (meeting->starts_at == NULL || meeting->ends_at == NULL)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Give the date as YYYY-MM-DD and the start and end times as HH:MM, for example 2026-03-31, 10:00 and 12:00."));
      return NULL;
    }
  if (*meeting->place == '\0' && *meeting->video_link == '\0')
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Say where the panel meets: a place or a video link."));
      return NULL;
    }

  meeting->fields.title = meeting->title;
  meeting->fields.starts_at = meeting->starts_at;
  meeting->fields.ends_at = meeting->ends_at;
  meeting->fields.place = meeting->place;
  meeting->fields.video_link = *meeting->video_link != '\0' ? meeting->video_link : NULL;
  if (chair != GTK_INVALID_LIST_POSITION && chair > 0 && chair <= self->people->len)
    meeting->fields.chair_id = pd_person_get_id (g_ptr_array_index (self->people, chair - 1));
  return g_steal_pointer (&meeting);
}

static gboolean
insert_meeting (PdTransaction  *tx,
                gpointer        user_data,
                GError        **error)
{
  NewMeeting *meeting = user_data;

  meeting->id = pd_meeting_insert (tx, &meeting->fields, error);
  return meeting->id != 0;
}

static void
create (PdMeetingDialog *self,
        NewMeeting      *meeting)
{
  g_autoptr(GError) error = NULL;

  if (!pd_database_write (self->db, "Schedule meeting", insert_meeting, meeting, NULL, &error))
    {
      /* The form stays filled: only the message changes. */
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[MEETING_CREATED], 0, meeting->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_overlap_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  PdMeetingDialog *self = PD_MEETING_DIALOG (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(NewMeeting) meeting = NULL;

  if (g_strcmp0 (response, "schedule") != 0)
    return;
  meeting = read_form (self, &error);
  if (meeting == NULL)
    show_error (self, error->message);
  else
    create (self, meeting);
}

void
pd_meeting_dialog_save (PdMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NewMeeting) meeting = NULL;
  g_autoptr(GArray) overlapping = NULL;

  g_return_if_fail (PD_IS_MEETING_DIALOG (self));

  meeting = read_form (self, &error);
  if (meeting == NULL)
    {
      show_error (self, error->message);
      return;
    }
  overlapping = pd_meeting_list_overlapping (self->db, meeting->starts_at, meeting->ends_at, 0, &error);
  if (overlapping == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (overlapping->len > 0)
    {
      g_autoptr(PdMeeting) other = pd_meeting_load (self->db, g_array_index (overlapping, gint64, 0), NULL);
      g_autofree char *when = pd_format_date_time (other != NULL ? pd_meeting_get_starts_at (other) : NULL);
      GtkWidget *ask;

      ask = adw_message_dialog_new (GTK_WINDOW (self), _("Overlapping Meeting"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (ask),
                                      _("This meeting overlaps “%s” on %s. Schedule it anyway?"),
                                      other != NULL ? pd_meeting_get_title (other) : "?", when);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (ask),
                                        "cancel", _("_Cancel"),
                                        "schedule", _("_Schedule Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (ask), "schedule",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      g_signal_connect_object (ask, "response", G_CALLBACK (on_overlap_response), self, 0);
      gtk_window_present (GTK_WINDOW (ask));
      return;
    }
  create (self, meeting);
}

const char *
pd_meeting_dialog_get_error (PdMeetingDialog *self)
{
  g_return_val_if_fail (PD_IS_MEETING_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
pd_meeting_dialog_set_form (PdMeetingDialog *self,
                            const char      *title,
                            const char      *date,
                            const char      *start,
                            const char      *end,
                            const char      *place)
{
  g_return_if_fail (PD_IS_MEETING_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), end);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), place);
}

static GtkWidget *
add_entry (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
on_create_clicked (PdMeetingDialog *self)
{
  pd_meeting_dialog_save (self);
}

static void
pd_meeting_dialog_dispose (GObject *object)
{
  PdMeetingDialog *self = PD_MEETING_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  G_OBJECT_CLASS (pd_meeting_dialog_parent_class)->dispose (object);
}

static void
pd_meeting_dialog_class_init (PdMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_meeting_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  signals[MEETING_CREATED] = g_signal_new ("meeting-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
pd_meeting_dialog_init (PdMeetingDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("C_reate"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("New Meeting"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 600);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_create_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->title_row = add_entry (group, _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), _("Practice Review Panel"));
  self->date_row = add_entry (group, _("Date (YYYY-MM-DD)"));
  self->start_row = add_entry (group, _("Starts (HH:MM)"));
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), "10:00");
  self->end_row = add_entry (group, _("Ends (HH:MM)"));
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), "12:00");
  self->place_row = add_entry (group, _("Place"));
  self->video_row = add_entry (group, _("Video Link"));
  /* Enter in any field creates, as the header bar's button does. */
  {
    GtkWidget *rows[] = { self->title_row, self->date_row, self->start_row, self->end_row,
                          self->place_row, self->video_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_signal_connect_swapped (rows[i], "entry-activated", G_CALLBACK (on_create_clicked), self);
  }

  self->chair_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chair_row), _("Chair"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chair_row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chair"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->chair_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

PdMeetingDialog *
pd_meeting_dialog_new (GtkWindow  *parent,
                       PdDatabase *db)
{
  PdMeetingDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  self = g_object_new (PD_TYPE_MEETING_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->people = pd_person_list_all (db, NULL);
  if (self->people == NULL)
    self->people = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_string_list_append (names, _("None yet"));
  for (guint i = 0; i < self->people->len; i++)
    gtk_string_list_append (names, pd_person_get_display_name (g_ptr_array_index (self->people, i)));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->chair_row), G_LIST_MODEL (names));
  return self;
}
