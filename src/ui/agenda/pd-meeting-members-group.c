/* pd-meeting-members-group.c: invitations from the people list, attendance
 * per member, and the quorum shown as met or not and why */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-meeting-members-group.h"

static const char *attendances[] = { "invited", "present", "apologies", "absent" };

struct _PdMeetingMembersGroup
{
  GtkBox      parent_instance;

  PdDatabase *db;
  gint64      meeting_id;
  GPtrArray  *people;      /* PdPerson, the invite list after its first entry */
  gboolean    filling;     /* rows being built: their drop-downs are not the user's */
  GtkLabel   *quorum;
  GtkListBox *list;
  GtkWidget  *invite_row;
};

G_DEFINE_FINAL_TYPE (PdMeetingMembersGroup, pd_meeting_members_group, GTK_TYPE_BOX)

enum { CHANGED, MESSAGE, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  gint64      meeting_id;
  gint64      person_id;
  const char *attendance;
} Attendance;

static gboolean
write_attendance (PdTransaction *tx, gpointer data, GError **error)
{
  Attendance *a = data;
  return pd_meeting_set_attendance (tx, a->meeting_id, a->person_id, a->attendance, error);
}

static gboolean
write_invite (PdTransaction *tx, gpointer data, GError **error)
{
  Attendance *a = data;
  return pd_meeting_invite (tx, a->meeting_id, a->person_id, error);
}

static gboolean
run (PdMeetingMembersGroup *self,
     const char            *summary,
     PdWriteFunc            func,
     Attendance            *a)
{
  g_autoptr(GError) error = NULL;

  a->meeting_id = self->meeting_id;
  if (!pd_database_write (self->db, summary, func, a, NULL, &error))
    {
      g_signal_emit (self, signals[MESSAGE], 0, error->message);
      pd_meeting_members_group_show (self, self->db, self->meeting_id);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
pd_meeting_members_group_set_attendance (PdMeetingMembersGroup *self,
                                         gint64                 person_id,
                                         const char            *attendance)
{
  Attendance a = { .person_id = person_id, .attendance = attendance };

  g_return_val_if_fail (PD_IS_MEETING_MEMBERS_GROUP (self), FALSE);
  return run (self, "Record attendance", write_attendance, &a);
}

static void
on_attendance_selected (AdwComboRow *row, GParamSpec *pspec, PdMeetingMembersGroup *self)
{
  guint selected = adw_combo_row_get_selected (row);
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  if (self->filling || selected >= G_N_ELEMENTS (attendances))
    return;
  pd_meeting_members_group_set_attendance (self, person_id, attendances[selected]);
}

static void
invite_clicked (PdMeetingMembersGroup *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->invite_row));
  Attendance a = { 0 };

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->people->len)
    return;
  a.person_id = pd_person_get_id (g_ptr_array_index (self->people, selected));
  run (self, "Invite member", write_invite, &a);
}

static GtkWidget *
member_row (PdMeetingMembersGroup *self,
            PdMeetingMember       *member)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *name = g_strdup_printf (_("Attendance of %s"), member->display_name);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (attendances); i++)
    {
      gtk_string_list_append (labels, pd_attendance_to_label (attendances[i]));
      if (g_strcmp0 (attendances[i], member->attendance) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  for (guint i = 0; i < G_N_ELEMENTS (attendances); i++)
    if (g_strcmp0 (attendances[i], member->attendance) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);

  if (*member->agency != '\0')
    subtitle = g_strdup_printf ("%s · %s", member->agency, member->role);
  else
    subtitle = g_strdup (member->role);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->display_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER ((gsize) member->person_id));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_attendance_selected), self);
  return row;
}

void
pd_meeting_members_group_show (PdMeetingMembersGroup *self,
                               PdDatabase            *db,
                               gint64                 meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  PdQuorum quorum = { 0 };
  GtkWidget *child;

  g_return_if_fail (PD_IS_MEETING_MEMBERS_GROUP (self));

  g_set_object (&self->db, db);
  self->meeting_id = meeting_id;
  self->filling = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  members = pd_meeting_list_members (db, meeting_id, &error);
  for (guint i = 0; members != NULL && i < members->len; i++)
    gtk_list_box_append (self->list, member_row (self, g_ptr_array_index (members, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), members != NULL && members->len > 0);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = pd_person_list_all (db, NULL);
  if (self->people == NULL)
    self->people = g_ptr_array_new_with_free_func (g_object_unref);
  /* Only those not invited yet can be. */
  for (guint i = self->people->len; i > 0; i--)
    for (guint j = 0; members != NULL && j < members->len; j++)
      if (pd_person_get_id (g_ptr_array_index (self->people, i - 1))
          == ((PdMeetingMember *) g_ptr_array_index (members, j))->person_id)
        {
          g_ptr_array_remove_index (self->people, i - 1);
          break;
        }
  for (guint i = 0; i < self->people->len; i++)
    gtk_string_list_append (names, pd_person_get_display_name (g_ptr_array_index (self->people, i)));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->invite_row), G_LIST_MODEL (names));
  gtk_widget_set_visible (gtk_widget_get_parent (self->invite_row), self->people->len > 0);

  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum), "warning");
  if (members == NULL)
    gtk_label_set_text (self->quorum, error->message);
  else if (pd_meeting_check_quorum (db, meeting_id, &quorum, &error))
    {
      gtk_label_set_text (self->quorum, quorum.explanation);
      gtk_widget_add_css_class (GTK_WIDGET (self->quorum), quorum.met ? "success" : "warning");
    }
  else
    gtk_label_set_text (self->quorum, error->message);
  pd_quorum_clear (&quorum);
  self->filling = FALSE;
}

const char *
pd_meeting_members_group_get_quorum_text (PdMeetingMembersGroup *self)
{
  g_return_val_if_fail (PD_IS_MEETING_MEMBERS_GROUP (self), NULL);
  return gtk_label_get_text (self->quorum);
}

static void
pd_meeting_members_group_dispose (GObject *object)
{
  PdMeetingMembersGroup *self = PD_MEETING_MEMBERS_GROUP (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  G_OBJECT_CLASS (pd_meeting_members_group_parent_class)->dispose (object);
}

static void
pd_meeting_members_group_class_init (PdMeetingMembersGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pd_meeting_members_group_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pd_meeting_members_group_init (PdMeetingMembersGroup *self)
{
  GtkWidget *title = gtk_label_new (_("Members and Attendance"));
  GtkWidget *invite_list = gtk_list_box_new ();
  GtkWidget *invite = gtk_button_new_with_mnemonic (_("_Invite"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self), title);

  self->quorum = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->quorum, 0);
  gtk_label_set_wrap (self->quorum, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quorum), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quorum"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->quorum));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Members"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));

  self->invite_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->invite_row), _("Invite from the People List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->invite_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Person to invite"), -1);
  gtk_widget_set_valign (invite, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (invite, "clicked", G_CALLBACK (invite_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->invite_row), invite);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (invite_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (invite_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (invite_list), self->invite_row);
  gtk_box_append (GTK_BOX (self), invite_list);
}

PdMeetingMembersGroup *
pd_meeting_members_group_new (void)
{
  return g_object_new (PD_TYPE_MEETING_MEMBERS_GROUP, NULL);
}
