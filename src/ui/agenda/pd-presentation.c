/* pd-presentation.c: the current item large for the room's screen, its
 * papers a click away, the referral's facts and criteria beside it, and
 * what the minute-taker records: notes, the recommendation, actions and
 * attendance */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-meeting-members-group.h"
#include "pd-presentation.h"

struct _PdPresentation
{
  AdwBin                 parent_instance;

  PdDatabase            *db;
  gint64                 meeting_id;
  GPtrArray             *items;        /* PdAgendaItem not withdrawn, in order */
  guint                  index;
  char                  *last_message;

  AdwToastOverlay       *toasts;
  GtkLabel              *counter;
  GtkLabel              *number;
  GtkLabel              *heading;
  GtkLabel              *facts;        /* kind, presenter, time */
  GtkFlowBox            *papers;
  GtkTextView           *notes;
  PdRecommendationForm  *form;
  GtkEntry              *action_text;
  GtkEntry              *action_owner;
  GtkEntry              *action_due;
  GtkLabel              *actions;
  GtkLabel              *referral;     /* the referral's facts and criteria check */
  PdMeetingMembersGroup *members;
};

G_DEFINE_FINAL_TYPE (PdPresentation, pd_presentation, ADW_TYPE_BIN)

enum { OPEN_DOCUMENT, LEAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
say (PdPresentation *self,
     const char     *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static PdAgendaItem *
current (PdPresentation *self)
{
  if (self->items == NULL || self->index >= self->items->len)
    return NULL;
  return g_ptr_array_index (self->items, self->index);
}

static void
show_papers (PdPresentation *self,
             PdAgendaItem   *item)
{
  g_autoptr(GPtrArray) papers = pd_agenda_paper_list (self->db, 0, pd_agenda_item_get_id (item), NULL);

  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->papers))) != NULL)
    gtk_flow_box_remove (self->papers, child);
  for (guint i = 0; papers != NULL && i < papers->len; i++)
    {
      PdAgendaPaper *paper = g_ptr_array_index (papers, i);
      g_autofree char *label = g_strdup_printf (paper->is_late ? _("%s (late paper)") : "%s", paper->title);
      g_autofree char *name = g_strdup_printf (_("Open %s"), paper->title);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "presentation.open-paper");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", paper->document_id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_flow_box_append (self->papers, button);
    }
  if (papers == NULL || papers->len == 0)
    gtk_flow_box_append (self->papers, gtk_label_new (_("No papers for this item")));
}

static void
show_referral (PdPresentation *self,
               PdReferral     *referral)
{
  g_autoptr(PdCriteriaResult) result = NULL;
  GString *text;

  if (referral == NULL)
    {
      gtk_label_set_text (self->referral, _("This item is not about one referral."));
      return;
    }
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s — %s\n", pd_referral_get_reference (referral),
                          pd_referral_get_pseudonym (referral));
  g_string_append_printf (text, _("Received %s from %s\n"), pd_referral_get_date_received (referral),
                          pd_referral_get_referrer_agency (referral));
  g_string_append_printf (text, _("Status: %s\n\n"), pd_referral_status_to_label (pd_referral_get_status (referral)));
  result = pd_referral_check_criteria (referral);
  if (result != NULL)
    {
      g_string_append_printf (text, "%s\n", result->summary);
      for (guint i = 0; result->reasons != NULL && i < result->reasons->len; i++)
        g_string_append_printf (text, "• %s\n", (const char *) g_ptr_array_index (result->reasons, i));
    }
  if (pd_referral_get_narrative (referral) != NULL && *pd_referral_get_narrative (referral) != '\0')
    g_string_append_printf (text, "\n%s", pd_referral_get_narrative (referral));
  gtk_label_set_text (self->referral, text->str);
  g_string_free (text, TRUE);
}

static void
show_actions (PdPresentation *self)
{
  g_autoptr(GPtrArray) actions = pd_meeting_action_list (self->db, self->meeting_id, NULL);
  PdAgendaItem *item = current (self);
  GString *text = g_string_new (NULL);

  for (guint i = 0; actions != NULL && item != NULL && i < actions->len; i++)
    {
      PdMeetingAction *action = g_ptr_array_index (actions, i);

      if (action->agenda_item_id == pd_agenda_item_get_id (item))
        g_string_append_printf (text, _("• %s — %s, due %s\n"), action->description, action->owner,
                                action->due_on != NULL ? action->due_on : _("no date"));
    }
  gtk_label_set_text (self->actions, text->len > 0 ? text->str : _("No actions arising yet."));
  g_string_free (text, TRUE);
}

static void
show_current (PdPresentation *self)
{
  PdAgendaItem *item = current (self);
  g_autoptr(PdReferral) referral = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *number = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *minutes = NULL;
  GString *line;

  if (item == NULL)
    return;
  counter = g_strdup_printf (_("Item %u of %u"), self->index + 1, self->items->len);
  number = g_strdup_printf ("%d", pd_agenda_item_get_position (item));
  line = g_string_new (pd_agenda_item_kind_to_label (pd_agenda_item_get_kind (item)));
  if (*pd_agenda_item_get_presenter_name (item) != '\0')
    {
      g_string_append (line, " · ");
      g_string_append_printf (line, _("presented by %s"), pd_agenda_item_get_presenter_name (item));
    }
  minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                          pd_agenda_item_get_minutes (item)),
                             pd_agenda_item_get_minutes (item));
  g_string_append_printf (line, " · %s", minutes);
  if (pd_agenda_item_is_addendum (item))
    g_string_append_printf (line, " · %s", _("addendum"));
  facts = g_string_free (line, FALSE);
  gtk_label_set_text (self->counter, counter);
  gtk_label_set_text (self->number, number);
  gtk_label_set_text (self->heading, pd_agenda_item_get_title (item));
  gtk_label_set_text (self->facts, facts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heading), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pd_agenda_item_get_title (item), -1);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes), pd_agenda_item_get_notes (item), -1);
  show_papers (self, item);
  if (pd_agenda_item_get_referral_id (item) != 0)
    referral = pd_referral_load_record (self->db, pd_agenda_item_get_referral_id (item), NULL);
  show_referral (self, referral);
  gtk_widget_set_visible (GTK_WIDGET (self->form), referral != NULL);
  if (referral != NULL)
    pd_recommendation_form_show (self->form, self->db, item, referral);
  show_actions (self);
}

gboolean
pd_presentation_start (PdPresentation  *self,
                       PdDatabase      *db,
                       gint64           meeting_id,
                       GError         **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (PD_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  all = pd_agenda_item_list_load (db, meeting_id, error);
  if (all == NULL)
    return FALSE;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (!pd_agenda_item_is_withdrawn (g_ptr_array_index (all, i)))
      g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (all, i)));
  if (self->items->len == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The agenda is empty: add items before presenting the meeting."));
      return FALSE;
    }
  g_set_object (&self->db, db);
  self->meeting_id = meeting_id;
  self->index = 0;
  pd_meeting_members_group_show (self->members, db, meeting_id);
  show_current (self);
  return TRUE;
}

guint
pd_presentation_get_position (PdPresentation *self)
{
  g_return_val_if_fail (PD_IS_PRESENTATION (self), 0);
  return current (self) != NULL ? self->index + 1 : 0;
}

gint64
pd_presentation_get_item_id (PdPresentation *self)
{
  g_return_val_if_fail (PD_IS_PRESENTATION (self), 0);
  return current (self) != NULL ? pd_agenda_item_get_id (current (self)) : 0;
}

PdRecommendationForm *
pd_presentation_get_recommendation_form (PdPresentation *self)
{
  g_return_val_if_fail (PD_IS_PRESENTATION (self), NULL);
  return self->form;
}

const char *
pd_presentation_get_last_message (PdPresentation *self)
{
  g_return_val_if_fail (PD_IS_PRESENTATION (self), NULL);
  return self->last_message;
}

typedef struct
{
  gint64      meeting_id;
  gint64      item_id;
  const char *text;
  const char *owner;
  const char *due;
} ItemWrite;

static gboolean
write_notes (PdTransaction *tx, gpointer data, GError **error)
{
  ItemWrite *w = data;
  return pd_agenda_set_notes (tx, w->item_id, w->text, error);
}

static gboolean
write_action (PdTransaction *tx, gpointer data, GError **error)
{
  ItemWrite *w = data;
  return pd_meeting_action_add (tx, w->meeting_id, w->item_id, w->text, w->owner, w->due, error) != 0;
}

/* Notes are saved when leaving an item too, so moving on loses nothing. */
static gboolean
save_notes (PdPresentation *self)
{
  PdAgendaItem *item = current (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(PdAgendaItem) reloaded = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes);
  GtkTextIter start, end;
  ItemWrite w = { 0 };

  if (item == NULL)
    return TRUE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (notes, pd_agenda_item_get_notes (item)) == 0)
    return TRUE;
  w.item_id = pd_agenda_item_get_id (item);
  w.text = notes;
  if (!pd_database_write (self->db, "Discussion notes", write_notes, &w, NULL, &error))
    {
      say (self, error->message);
      return FALSE;
    }
  reloaded = pd_agenda_item_load (self->db, w.item_id, NULL);
  if (reloaded != NULL)
    {
      /* Keep what was saved, so coming back shows it. */
      self->items->pdata[self->index] = g_steal_pointer (&reloaded);
      g_object_unref (item);
    }
  return TRUE;
}

gboolean
pd_presentation_go_to (PdPresentation *self,
                       guint           position)
{
  g_return_val_if_fail (PD_IS_PRESENTATION (self), FALSE);

  if (self->items == NULL || position < 1 || position > self->items->len)
    return FALSE;
  if (!save_notes (self))
    return FALSE;
  self->index = position - 1;
  show_current (self);
  return TRUE;
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdPresentation *self = PD_PRESENTATION (widget);

  if (!pd_presentation_go_to (self, self->index + 2))
    say (self, _("This is the last item."));
}

static void
previous_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdPresentation *self = PD_PRESENTATION (widget);

  if (self->index == 0 || !pd_presentation_go_to (self, self->index))
    say (self, _("This is the first item."));
}

static void
leave_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdPresentation *self = PD_PRESENTATION (widget);

  if (save_notes (self))
    g_signal_emit (self, signals[LEAVE], 0);
}

static void
save_notes_action (GtkWidget *widget, const char *name, GVariant *param)
{
  if (save_notes (PD_PRESENTATION (widget)))
    say (PD_PRESENTATION (widget), _("Notes saved"));
}

static void
add_action_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdPresentation *self = PD_PRESENTATION (widget);
  g_autoptr(GError) error = NULL;
  const char *due = gtk_editable_get_text (GTK_EDITABLE (self->action_due));
  ItemWrite w = {
    .meeting_id = self->meeting_id,
    .item_id = pd_presentation_get_item_id (self),
    .text = gtk_editable_get_text (GTK_EDITABLE (self->action_text)),
    .owner = gtk_editable_get_text (GTK_EDITABLE (self->action_owner)),
    .due = *due != '\0' ? due : NULL,
  };

  if (!pd_database_write (self->db, "Action arising", write_action, &w, NULL, &error))
    {
      say (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->action_text), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_owner), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_due), "");
  show_actions (self);
  say (self, _("Action recorded"));
}

static void
open_paper_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PdPresentation *self = PD_PRESENTATION (widget);
  gint64 document_id = g_variant_get_int64 (param);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pd_agenda_paper_open (self->db, 0, pd_presentation_get_item_id (self), document_id, NULL, &error);

  if (path == NULL)
    say (self, error->message);
  else
    g_signal_emit (self, signals[OPEN_DOCUMENT], 0, document_id, path, 0, NULL);
}

/* Typing goes to the field; only Page Up/Down and Escape move on then. */
static gboolean
is_typing (GtkWidget *focus)
{
  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

static gboolean
takes_space (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_BUTTON (w) || GTK_IS_CHECK_BUTTON (w) || GTK_IS_DROP_DOWN (w) || GTK_IS_FLOW_BOX_CHILD (w))
      return TRUE;
  return is_typing (focus);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PdPresentation        *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  const char *action = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      action = "presentation.next";
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      action = "presentation.previous";
      break;
    case GDK_KEY_Right:
      action = is_typing (focus) ? NULL : "presentation.next";
      break;
    case GDK_KEY_Left:
      action = is_typing (focus) ? NULL : "presentation.previous";
      break;
    case GDK_KEY_space:
      action = takes_space (focus) ? NULL : "presentation.next";
      break;
    case GDK_KEY_Escape:
      action = "presentation.leave";
      break;
    default:
      break;
    }
  if (action == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

static void
on_form_message (PdRecommendationForm *form, const char *message, PdPresentation *self)
{
  say (self, message);
}

static void
on_members_message (PdMeetingMembersGroup *group, const char *message, PdPresentation *self)
{
  say (self, message);
}

static void
on_members_changed (PdPresentation *self)
{
  pd_meeting_members_group_show (self->members, self->db, self->meeting_id);
}

static void
pd_presentation_dispose (GObject *object)
{
  PdPresentation *self = PD_PRESENTATION (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  G_OBJECT_CLASS (pd_presentation_parent_class)->dispose (object);
}

static void
pd_presentation_finalize (GObject *object)
{
  g_free (PD_PRESENTATION (object)->last_message);
  G_OBJECT_CLASS (pd_presentation_parent_class)->finalize (object);
}

static void
pd_presentation_class_init (PdPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_presentation_dispose;
  object_class->finalize = pd_presentation_finalize;

  signals[OPEN_DOCUMENT] = g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                         G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);
  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "presentation.save-notes", NULL, save_notes_action);
  gtk_widget_class_install_action (widget_class, "presentation.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "presentation.open-paper", "x", open_paper_action);
  gtk_widget_class_set_css_name (widget_class, "presentation");
}

static GtkWidget *
section (const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static GtkWidget *
button (const char *label,
        const char *action,
        const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static GtkEntry *
entry (const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_ENTRY (entry);
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
pd_presentation_init (PdPresentation *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *side_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *notes_scrolled = gtk_scrolled_window_new ();
  GtkWidget *action_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *save = button (_("_Save Notes"), "presentation.save-notes", _("Save the discussion notes"));
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
  adw_toast_overlay_set_child (self->toasts, outer);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  /* Capture: the keys work wherever the focus is, unless it is typing. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_box_append (GTK_BOX (bar), button (_("_Leave"), "presentation.leave", _("Leave presentation mode (Escape)")));
  self->counter = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->counter), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->counter));
  gtk_box_append (GTK_BOX (bar), button (_("P_revious"), "presentation.previous", _("Previous item (Page Up)")));
  gtk_box_append (GTK_BOX (bar), button (_("_Next"), "presentation.next", _("Next item (Page Down)")));
  gtk_box_append (GTK_BOX (outer), bar);

  gtk_widget_set_vexpand (paned, TRUE);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled (main_box));
  gtk_paned_set_end_child (GTK_PANED (paned), scrolled (side_box));
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_size_request (side_box, 340, -1);
  gtk_box_append (GTK_BOX (outer), paned);

  for (GtkWidget *box = main_box; box != NULL; box = box == main_box ? side_box : NULL)
    {
      gtk_widget_set_margin_top (box, 18);
      gtk_widget_set_margin_bottom (box, 18);
      gtk_widget_set_margin_start (box, 24);
      gtk_widget_set_margin_end (box, 24);
    }

  self->number = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->number), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (self->number), "accent");
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-1");
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (self->number));
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (main_box), title_box);
  self->facts = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->facts, 0);
  gtk_label_set_wrap (self->facts, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->facts), "title-4");
  gtk_box_append (GTK_BOX (main_box), GTK_WIDGET (self->facts));

  gtk_box_append (GTK_BOX (main_box), section (_("Papers")));
  self->papers = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->papers, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->papers, 4);
  gtk_widget_set_halign (GTK_WIDGET (self->papers), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->papers), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Papers"), -1);
  gtk_box_append (GTK_BOX (main_box), GTK_WIDGET (self->papers));

  gtk_box_append (GTK_BOX (main_box), section (_("Discussion Notes")));
  self->notes = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->notes, GTK_WRAP_WORD_CHAR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Discussion notes"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (notes_scrolled), GTK_WIDGET (self->notes));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (notes_scrolled), 100);
  gtk_widget_add_css_class (notes_scrolled, "card");
  gtk_box_append (GTK_BOX (main_box), notes_scrolled);
  gtk_widget_set_halign (save, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (main_box), save);

  self->form = pd_recommendation_form_new ();
  gtk_widget_set_margin_top (GTK_WIDGET (self->form), 12);
  g_signal_connect (self->form, "message", G_CALLBACK (on_form_message), self);
  gtk_box_append (GTK_BOX (main_box), GTK_WIDGET (self->form));

  gtk_box_append (GTK_BOX (main_box), section (_("Actions Arising")));
  self->actions = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->actions, 0);
  gtk_label_set_wrap (self->actions, TRUE);
  gtk_box_append (GTK_BOX (main_box), GTK_WIDGET (self->actions));
  self->action_text = entry (_("Action"));
  self->action_owner = entry (_("Owner"));
  self->action_due = entry (_("Due (YYYY-MM-DD)"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->action_text), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->action_owner), 12);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->action_due), 12);
  gtk_box_append (GTK_BOX (action_box), GTK_WIDGET (self->action_text));
  gtk_box_append (GTK_BOX (action_box), GTK_WIDGET (self->action_owner));
  gtk_box_append (GTK_BOX (action_box), GTK_WIDGET (self->action_due));
  gtk_box_append (GTK_BOX (action_box), button (_("Add _Action"), "presentation.add-action", _("Record the action")));
  gtk_box_append (GTK_BOX (main_box), action_box);

  gtk_box_append (GTK_BOX (side_box), section (_("Referral and Criteria Check")));
  self->referral = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->referral, 0);
  gtk_label_set_wrap (self->referral, TRUE);
  gtk_label_set_selectable (self->referral, TRUE);
  gtk_box_append (GTK_BOX (side_box), GTK_WIDGET (self->referral));
  self->members = pd_meeting_members_group_new ();
  gtk_widget_set_margin_top (GTK_WIDGET (self->members), 12);
  g_signal_connect (self->members, "message", G_CALLBACK (on_members_message), self);
  g_signal_connect_swapped (self->members, "changed", G_CALLBACK (on_members_changed), self);
  gtk_box_append (GTK_BOX (side_box), GTK_WIDGET (self->members));
}

PdPresentation *
pd_presentation_new (void)
{
  return g_object_new (PD_TYPE_PRESENTATION, NULL);
}
