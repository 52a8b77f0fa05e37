/* pd-meeting-page.c: one meeting: its details and status, its agenda built
 * item by item, papers a click away, the pack and the calendar file */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-agenda-item-dialog.h"
#include "pd-agenda-item-row.h"
#include "pd-format.h"
#include "pd-meeting-members-group.h"
#include "pd-meeting-page-private.h"


G_DEFINE_FINAL_TYPE (PdMeetingPage, pd_meeting_page, ADW_TYPE_BIN)

enum { OPEN_DOCUMENT, PRESENT, CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *next_status[][2] = {
  { "draft", "agenda_published" },
  { "agenda_published", "in_progress" },
  { "in_progress", "held" },
  { "held", "minutes_approved" },
};

void
_pd_meeting_page_say (PdMeetingPage *self,
     const char    *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}


/* Showing the agenda */

static void
show_total (PdMeetingPage *self)
{
  int total = pd_agenda_total_minutes (self->db, pd_meeting_get_id (self->meeting), NULL);
  int length = pd_meeting_get_length_minutes (self->meeting);

  g_free (self->total_text);
  self->total_text = g_strdup_printf (_("Total %d of %d minutes"), MAX (total, 0), length);
  self->total_over = total > length;
  if (self->total_over)
    {
      g_autofree char *over = g_strdup_printf (_("%s: over the meeting’s length by %d minutes"),
                                               self->total_text, total - length);
      gtk_label_set_text (self->total, over);
    }
  else
    gtk_label_set_text (self->total, self->total_text);
  if (self->total_over)
    gtk_widget_add_css_class (GTK_WIDGET (self->total), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->total), "warning");
}

static void
show_addendum (PdMeetingPage *self)
{
  g_autoptr(GPtrArray) changes = pd_agenda_list_changes (self->db, pd_meeting_get_id (self->meeting), NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->addendum))) != NULL)
    gtk_list_box_remove (self->addendum, child);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      PdAgendaChange *change = g_ptr_array_index (changes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = pd_format_date_time (change->changed_at);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", change->reason, change->changed_by, when);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->description);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->addendum, row);
    }
  gtk_widget_set_visible (self->addendum_group, changes != NULL && changes->len > 0);
}

static void
show_details (PdMeetingPage *self)
{
  PdMeeting *m = self->meeting;
  g_autofree char *starts = pd_format_date_time (pd_meeting_get_starts_at (m));
  g_autofree char *ends = pd_format_date_time (pd_meeting_get_ends_at (m));
  const char *where = *pd_meeting_get_place (m) != '\0' ? pd_meeting_get_place (m) : pd_meeting_get_video_link (m);
  const char *chair = *pd_meeting_get_chair_name (m) != '\0' ? pd_meeting_get_chair_name (m) : _("No chair yet");
  g_autofree char *text = g_strdup_printf (_("%s to %s · %s · Chair: %s"), starts, ends, where, chair);
  const char *next = NULL;

  adw_window_title_set_title (self->title, pd_meeting_get_title (m));
  adw_window_title_set_subtitle (self->title, pd_meeting_status_to_label (pd_meeting_get_status (m)));
  gtk_label_set_text (self->details, text);

  for (guint i = 0; i < G_N_ELEMENTS (next_status); i++)
    if (g_strcmp0 (next_status[i][0], pd_meeting_get_status (m)) == 0)
      next = next_status[i][1];
  gtk_widget_set_visible (GTK_WIDGET (self->status_button), next != NULL);
  if (g_strcmp0 (next, "agenda_published") == 0)
    gtk_button_set_label (self->status_button, _("Publish Agenda"));
  else if (g_strcmp0 (next, "in_progress") == 0)
    gtk_button_set_label (self->status_button, _("Start Meeting"));
  else if (g_strcmp0 (next, "held") == 0)
    gtk_button_set_label (self->status_button, _("Mark Held"));
  else if (g_strcmp0 (next, "minutes_approved") == 0)
    gtk_button_set_label (self->status_button, _("Approve Minutes"));
}

void
pd_meeting_page_reload (PdMeetingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdMeeting) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) members = NULL;
  GtkWidget *child;

  g_return_if_fail (PD_IS_MEETING_PAGE (self));
  if (self->meeting == NULL)
    return;

  meeting = pd_meeting_load (self->db, pd_meeting_get_id (self->meeting), &error);
  if (meeting != NULL)
    items = pd_agenda_item_list_load (self->db, pd_meeting_get_id (meeting), &error);
  if (items == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_set_object (&self->meeting, meeting);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_ref (items);
  conflicts = pd_conflict_list (self->db, pd_meeting_get_id (meeting), 0, NULL);
  members = pd_meeting_list_members (self->db, pd_meeting_get_id (meeting), NULL);

  show_details (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda))) != NULL)
    gtk_list_box_remove (self->agenda, child);
  for (guint i = 0; i < items->len; i++)
    {
      PdAgendaItem *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) papers = pd_agenda_paper_list (self->db, 0, pd_agenda_item_get_id (item), NULL);

      gtk_list_box_append (self->agenda, GTK_WIDGET (pd_agenda_item_row_new (item, papers, conflicts, members)));
    }
  show_total (self);
  show_addendum (self);
  pd_meeting_members_group_show (self->members, self->db, pd_meeting_get_id (meeting));
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "agenda" : "empty");
  _pd_meeting_page_check_papers (self);
}

gboolean
pd_meeting_page_show (PdMeetingPage *self,
                      PdDatabase    *db,
                      gint64         meeting_id,
                      GError       **error)
{
  g_autoptr(PdMeeting) meeting = NULL;

  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), FALSE);
  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  meeting = pd_meeting_load (db, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  g_set_object (&self->db, db);
  g_set_object (&self->meeting, meeting);
  pd_meeting_page_reload (self);
  return TRUE;
}

gint64
pd_meeting_page_get_meeting_id (PdMeetingPage *self)
{
  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), 0);
  return self->meeting != NULL ? pd_meeting_get_id (self->meeting) : 0;
}

GStrv
pd_meeting_page_dup_item_titles (PdMeetingPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->agenda)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      g_strv_builder_add (builder, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_strv_builder_end (builder);
}

gint64
pd_meeting_page_get_item_id (PdMeetingPage *self,
                             guint          position)
{
  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), 0);

  if (self->items == NULL || position < 1 || position > self->items->len)
    return 0;
  return pd_agenda_item_get_id (g_ptr_array_index (self->items, position - 1));
}

void
pd_meeting_page_focus_item (PdMeetingPage *self,
                            guint          position)
{
  GtkListBoxRow *row;

  g_return_if_fail (PD_IS_MEETING_PAGE (self));

  row = gtk_list_box_get_row_at_index (self->agenda, (int) position - 1);
  /* The expander row itself is not focusable; its header inside is. */
  if (row != NULL && !gtk_widget_grab_focus (GTK_WIDGET (row)))
    gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
}

const char *
pd_meeting_page_get_total_text (PdMeetingPage *self,
                                gboolean      *over)
{
  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), NULL);

  if (over != NULL)
    *over = self->total_over;
  return self->total_text;
}

const char *
pd_meeting_page_get_last_message (PdMeetingPage *self)
{
  g_return_val_if_fail (PD_IS_MEETING_PAGE (self), NULL);
  return self->last_message;
}

/* Alt+Up / Alt+Down: move the focused item; focus follows it. */
static void
move_focused_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, PD_TYPE_AGENDA_ITEM_ROW) : NULL;
  PageWrite w = { .delta = g_variant_get_int32 (param) };
  int index;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->agenda))
    return;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  w.item_id = pd_agenda_item_row_get_item_id (PD_AGENDA_ITEM_ROW (row));
  if (_pd_meeting_page_run_write (self, "Reorder agenda", _pd_meeting_page_write_move, &w))
    pd_meeting_page_focus_item (self, index + 1 + w.delta);
}

/* Actions */

static void
on_item_added (PdAgendaItemDialog *dialog, gint64 id, PdMeetingPage *self)
{
  pd_meeting_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_item_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);
  PdAgendaItemDialog *dialog;

  dialog = pd_agenda_item_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->db, self->meeting);
  g_signal_connect_object (dialog, "item-added", G_CALLBACK (on_item_added), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_awaiting_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);
  PageWrite w = { 0 };

  if (!_pd_meeting_page_run_write (self, "Add awaiting referrals", _pd_meeting_page_write_awaiting, &w))
    return;
  if (w.n_added == 0)
    _pd_meeting_page_say (self, _("No referrals are awaiting a recommendation that are not on this agenda already."));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral added to the agenda",
                                                            "%u referrals added to the agenda", w.n_added),
                                               w.n_added);
      _pd_meeting_page_say (self, text);
    }
}

static void
move_item_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PageWrite w = { 0 };

  g_variant_get (param, "(xi)", &w.item_id, &w.delta);
  _pd_meeting_page_run_write (PD_MEETING_PAGE (widget), "Reorder agenda", _pd_meeting_page_write_move, &w);
}

/* Drag and drop ends here: the dragged item takes the place dropped on. */
static void
move_item_to_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PageWrite w = { 0 };

  g_variant_get (param, "(xi)", &w.item_id, &w.position);
  _pd_meeting_page_run_write (PD_MEETING_PAGE (widget), "Reorder agenda", _pd_meeting_page_write_move_to, &w);
}

typedef struct
{
  gint64      item_id;
  gint64      person_id;
  const char *nature;
} Declaration;

static gboolean
write_declaration (PdTransaction *tx, gpointer data, GError **error)
{
  Declaration *d = data;
  return pd_conflict_declare (tx, d->item_id, d->person_id, d->nature, error) != 0;
}

static void
declare_interest_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  Declaration d;

  g_variant_get (param, "(xx&s)", &d.item_id, &d.person_id, &d.nature);
  if (!pd_database_write (self->db, "Declare interest", write_declaration, &d, NULL, &error))
    {
      _pd_meeting_page_say (self, error->message);
      return;
    }
  _pd_meeting_page_say (self, _("Declaration of interest recorded"));
  pd_meeting_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* What a removed draft item was, to put it back from the toast. */
typedef struct
{
  gint64  meeting_id;
  char   *kind;
  char   *title;
  gint64  referral_id;
  gint64  previous_meeting_id;
  int     minutes;
  gint64  presenter_id;
  int     position;
  GArray *documents;
} Removed;

static void
removed_free (gpointer data)
{
  Removed *removed = data;

  g_free (removed->kind);
  g_free (removed->title);
  g_array_unref (removed->documents);
  g_free (removed);
}

static gboolean
write_restore (PdTransaction *tx, gpointer data, GError **error)
{
  Removed *removed = data;
  PdAgendaItemFields fields = {
    .kind = removed->kind, .title = removed->title, .referral_id = removed->referral_id,
    .previous_meeting_id = removed->previous_meeting_id, .minutes = removed->minutes,
    .presenter_id = removed->presenter_id,
  };
  gint64 id = pd_agenda_add_item (tx, removed->meeting_id, &fields, NULL, error);

  if (id == 0 || !pd_agenda_move_item_to (tx, id, removed->position, NULL, error))
    return FALSE;
  for (guint i = 0; i < removed->documents->len; i++)
    if (!pd_agenda_paper_attach (tx, id, g_array_index (removed->documents, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* The toast's Undo: puts the last removed item back where it was. */
static void
undo_remove_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);
  Removed *removed = g_steal_pointer (&self->removed);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (removed == NULL || self->db == NULL)
    return;
  ok = pd_database_write (self->db, "Restore agenda item", write_restore, removed, NULL, &error);
  removed_free (removed);
  gtk_widget_action_set_enabled (widget, "meeting.undo-remove", FALSE);
  if (!ok)
    {
      _pd_meeting_page_say (self, error->message);
      return;
    }
  pd_meeting_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_item_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);
  gboolean frozen = pd_meeting_is_agenda_frozen (self->meeting);
  g_autoptr(PdAgendaItem) item = NULL;
  g_autoptr(GPtrArray) papers = NULL;
  g_autofree char *text = NULL;
  PageWrite w = { .item_id = g_variant_get_int64 (param) };
  Removed *removed;
  AdwToast *toast;

  item = pd_agenda_item_load (self->db, w.item_id, NULL);
  if (item == NULL)
    return;
  papers = pd_agenda_paper_list (self->db, 0, w.item_id, NULL);
  if (frozen)
    {
      /* Kept as withdrawn, in the addendum: nothing to undo. */
      text = g_strdup_printf (_("Item “%s” withdrawn; the addendum records it"), pd_agenda_item_get_title (item));
      w.meeting_id = pd_meeting_get_id (self->meeting);
      _pd_meeting_page_ask_reason (self, "Withdraw agenda item", _pd_meeting_page_write_remove, &w, text);
      return;
    }
  if (!_pd_meeting_page_run_write (self, "Remove agenda item", _pd_meeting_page_write_remove, &w))
    return;

  text = g_strdup_printf (_("Item “%s” removed"), pd_agenda_item_get_title (item));
  toast = adw_toast_new (text);
  g_free (self->last_message);
  self->last_message = g_strdup (text);
  removed = g_new0 (Removed, 1);
  removed->meeting_id = pd_meeting_get_id (self->meeting);
  removed->kind = g_strdup (pd_agenda_item_get_kind (item));
  removed->title = g_strdup (pd_agenda_item_get_title (item));
  removed->referral_id = pd_agenda_item_get_referral_id (item);
  removed->previous_meeting_id = pd_agenda_item_get_previous_meeting_id (item);
  removed->minutes = pd_agenda_item_get_minutes (item);
  removed->presenter_id = pd_agenda_item_get_presenter_id (item);
  removed->position = pd_agenda_item_get_position (item);
  removed->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; papers != NULL && i < papers->len; i++)
    g_array_append_val (removed->documents, ((PdAgendaPaper *) g_ptr_array_index (papers, i))->document_id);
  g_clear_pointer (&self->removed, removed_free);
  self->removed = removed;
  gtk_widget_action_set_enabled (widget, "meeting.undo-remove", TRUE);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "meeting.undo-remove");
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
open_paper_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);
  gint64 document_id = g_variant_get_int64 (param);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pd_agenda_paper_open (self->db, pd_meeting_get_id (self->meeting), 0, document_id, NULL, &error);

  if (path == NULL)
    _pd_meeting_page_say (self, error->message);
  else
    g_signal_emit (self, signals[OPEN_DOCUMENT], 0, document_id, path, 0, NULL);
}

static void
next_status_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdMeetingPage *self = PD_MEETING_PAGE (widget);
  PageWrite w = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (next_status); i++)
    if (g_strcmp0 (next_status[i][0], pd_meeting_get_status (self->meeting)) == 0)
      w.status = next_status[i][1];
  if (w.status != NULL && _pd_meeting_page_run_write (self, "Meeting status", _pd_meeting_page_write_status, &w))
    _pd_meeting_page_say (self, pd_meeting_status_to_label (w.status));
}

static void
present_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_signal_emit (widget, signals[PRESENT], 0);
}

static void
on_members_changed (PdMeetingPage *self)
{
  pd_meeting_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
pd_meeting_page_dispose (GObject *object)
{
  PdMeetingPage *self = PD_MEETING_PAGE (object);

  g_cancellable_cancel (self->pack_cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->meeting);
  g_clear_object (&self->db);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->removed, removed_free);
  adw_bin_set_child (ADW_BIN (self), NULL);
  G_OBJECT_CLASS (pd_meeting_page_parent_class)->dispose (object);
}

static void
pd_meeting_page_finalize (GObject *object)
{
  PdMeetingPage *self = PD_MEETING_PAGE (object);

  g_clear_object (&self->pack_cancellable);
  g_free (self->pack_path);
  g_free (self->last_message);
  g_free (self->total_text);
  G_OBJECT_CLASS (pd_meeting_page_parent_class)->finalize (object);
}

static void
pd_meeting_page_class_init (PdMeetingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_meeting_page_dispose;
  object_class->finalize = pd_meeting_page_finalize;

  signals[OPEN_DOCUMENT] = g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                         G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);
  signals[PRESENT] = g_signal_new ("present", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "meeting.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "meeting.add-awaiting", NULL, add_awaiting_action);
  gtk_widget_class_install_action (widget_class, "meeting.move-item", "(xi)", move_item_action);
  gtk_widget_class_install_action (widget_class, "meeting.move-item-to", "(xi)", move_item_to_action);
  gtk_widget_class_install_action (widget_class, "meeting.declare-interest", "(xxs)", declare_interest_action);
  gtk_widget_class_install_action (widget_class, "meeting.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "meeting.remove-item", "x", remove_item_action);
  gtk_widget_class_install_action (widget_class, "meeting.open-paper", "x", open_paper_action);
  gtk_widget_class_install_action (widget_class, "meeting.attach-papers", "x", _pd_meeting_page_attach_action);
  gtk_widget_class_install_action (widget_class, "meeting.next-status", NULL, next_status_action);
  gtk_widget_class_install_action (widget_class, "meeting.agenda-pack", NULL, _pd_meeting_page_save_action);
  gtk_widget_class_install_action (widget_class, "meeting.minutes", NULL, _pd_meeting_page_save_action);
  gtk_widget_class_install_action (widget_class, "meeting.export-calendar", NULL, _pd_meeting_page_save_action);
  gtk_widget_class_install_action (widget_class, "meeting.present", NULL, present_action);

  gtk_widget_class_install_action (widget_class, "meeting.move-focused", "i", move_focused_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "meeting.move-focused", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "meeting.move-focused", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "meeting.present", NULL);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

static void
pd_meeting_page_init (PdMeetingPage *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *agenda_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *agenda_heading = heading (_("Agenda"));
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *addendum_heading = heading (_("Addendum: Changes Since Publication"));
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *present = action_button (_("_Present"), "meeting.present", _("Presentation mode (F5)"));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
  adw_toast_overlay_set_child (self->toasts, outer);

  gtk_widget_add_css_class (toolbar, "toolbar");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "agenda.back");
  gtk_widget_set_tooltip_text (back, _("Back to the meetings"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the meetings"), -1);
  gtk_box_append (GTK_BOX (toolbar), back);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (toolbar), action_button (_("Agenda _Pack…"), "meeting.agenda-pack", NULL));
  gtk_box_append (GTK_BOX (toolbar), action_button (_("_Minutes…"), "meeting.minutes", NULL));
  gtk_box_append (GTK_BOX (toolbar), action_button (_("Export _Calendar…"), "meeting.export-calendar", NULL));
  gtk_widget_add_css_class (present, "suggested-action");
  gtk_box_append (GTK_BOX (toolbar), present);
  gtk_box_append (GTK_BOX (outer), toolbar);

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agenda pack progress"), -1);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (_pd_meeting_page_cancel_pack), self);
  gtk_widget_set_margin_start (progress_box, 12);
  gtk_widget_set_margin_end (progress_box, 12);
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (progress_box), cancel);
  self->progress_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->progress_revealer, progress_box);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->progress_revealer));

  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (outer), scrolled);

  self->details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->details, TRUE);
  gtk_label_set_xalign (self->details, 0);
  gtk_label_set_selectable (self->details, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->details));
  self->status_button = GTK_BUTTON (action_button ("", "meeting.next-status", _("Move the meeting on to its next stage")));
  gtk_widget_set_halign (GTK_WIDGET (self->status_button), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status_button));


  gtk_widget_set_hexpand (agenda_heading, TRUE);
  gtk_box_append (GTK_BOX (agenda_bar), agenda_heading);
  gtk_box_append (GTK_BOX (agenda_bar), action_button (_("Add Referrals _Awaiting a Recommendation"),
                                                       "meeting.add-awaiting", NULL));
  gtk_box_append (GTK_BOX (agenda_bar), action_button (_("Add _Item…"), "meeting.add-item", NULL));
  gtk_box_append (GTK_BOX (content), agenda_bar);

  self->total = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->total, 0);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->total));

  self->agenda = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->agenda, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->agenda), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->agenda), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agenda items: Alt+Up and Alt+Down move the focused item"), -1);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-list-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("The Agenda Is Empty"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add the referrals awaiting a recommendation in one step, or add items one by one."));
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("The Agenda Could Not Be Read"));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->agenda), "agenda");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  self->addendum_group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->addendum = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->addendum, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->addendum), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->addendum), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Addendum"), -1);
  gtk_box_append (GTK_BOX (self->addendum_group), addendum_heading);
  gtk_box_append (GTK_BOX (self->addendum_group), GTK_WIDGET (self->addendum));
  gtk_box_append (GTK_BOX (content), self->addendum_group);

  /* Below the agenda: who comes matters less while building it. */
  self->members = pd_meeting_members_group_new ();
  gtk_widget_set_margin_top (GTK_WIDGET (self->members), 12);
  g_signal_connect_swapped (self->members, "message", G_CALLBACK (_pd_meeting_page_say), self);
  g_signal_connect_swapped (self->members, "changed", G_CALLBACK (on_members_changed), self);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->members));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.undo-remove", FALSE);
}

PdMeetingPage *
pd_meeting_page_new (void)
{
  return g_object_new (PD_TYPE_MEETING_PAGE, NULL);
}
