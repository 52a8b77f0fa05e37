/* pd-agenda-item-dialog.c: adding an item: kind, title, referral, time and presenter */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-agenda-item-dialog.h"
#include "pd-format.h"

static const char *kinds[] = {
  "apologies", "minutes", "new_referral", "review_progress", "action_plan", "publication", "other",
};

struct _PdAgendaItemDialog
{
  AdwWindow     parent_instance;

  PdDatabase   *db;
  gint64        meeting_id;
  gboolean      frozen;
  GPtrArray    *people;
  PdRecordList *referrals;
  GtkWidget    *kind_row;
  GtkWidget    *title_row;
  GtkWidget    *referral_row;
  GtkWidget    *previous_row;   /* minutes: which meeting's; first entry the one before */
  GArray       *previous_ids;   /* gint64, after that first entry */
  GtkWidget    *minutes_spin;
  GtkWidget    *presenter_row;
  GtkWidget    *reason_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (PdAgendaItemDialog, pd_agenda_item_dialog, ADW_TYPE_WINDOW)

enum { ITEM_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  gint64              meeting_id;
  PdAgendaItemFields  fields;
  const char         *reason;
  gint64              id;
} AddItem;

static void
show_error (PdAgendaItemDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
add_item (PdTransaction  *tx,
          gpointer        user_data,
          GError        **error)
{
  AddItem *add = user_data;

  add->id = pd_agenda_add_item (tx, add->meeting_id, &add->fields, add->reason, error);
  return add->id != 0;
}

static gboolean
kind_needs_referral (const char *kind)
{
  return g_strcmp0 (kind, "new_referral") == 0 || g_strcmp0 (kind, "review_progress") == 0;
}

void
pd_agenda_item_dialog_save (PdAgendaItemDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
  guint presenter = adw_combo_row_get_selected (ADW_COMBO_ROW (self->presenter_row));
  AddItem add = { .meeting_id = self->meeting_id };

  g_return_if_fail (PD_IS_AGENDA_ITEM_DIALOG (self));

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  add.fields.kind = kind < G_N_ELEMENTS (kinds) ? kinds[kind] : "other";
  add.fields.title = title;
  add.fields.minutes = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->minutes_spin));
  if (presenter != GTK_INVALID_LIST_POSITION && presenter > 0 && presenter <= self->people->len)
    add.fields.presenter_id = pd_person_get_id (g_ptr_array_index (self->people, presenter - 1));
  if (kind_needs_referral (add.fields.kind))
    {
      guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->referral_row));

      if (position == GTK_INVALID_LIST_POSITION)
        {
          show_error (self, _("Choose the referral this item is about."));
          return;
        }
      add.fields.referral_id = pd_record_list_get_id (self->referrals, position);
    }
  if (g_strcmp0 (add.fields.kind, "minutes") == 0)
    {
      guint previous = adw_combo_row_get_selected (ADW_COMBO_ROW (self->previous_row));

      if (previous != GTK_INVALID_LIST_POSITION && previous > 0 && previous <= self->previous_ids->len)
        add.fields.previous_meeting_id = g_array_index (self->previous_ids, gint64, previous - 1);
    }
  if (self->frozen)
    add.reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));

  if (!pd_database_write (self->db, "Add agenda item", add_item, &add, NULL, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[ITEM_ADDED], 0, add.id);
  gtk_window_destroy (GTK_WINDOW (self));
}

const char *
pd_agenda_item_dialog_get_error (PdAgendaItemDialog *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_ITEM_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
pd_agenda_item_dialog_set_form (PdAgendaItemDialog *self,
                                const char         *kind,
                                const char         *title,
                                int                 minutes)
{
  g_return_if_fail (PD_IS_AGENDA_ITEM_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), i);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->minutes_spin), minutes);
}

/* The referral row matters only for the kinds about one referral. */
static void
on_kind_selected (PdAgendaItemDialog *self)
{
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));

  gtk_widget_set_visible (self->referral_row,
                          kind < G_N_ELEMENTS (kinds) && kind_needs_referral (kinds[kind]));
  gtk_widget_set_visible (self->previous_row, kind < G_N_ELEMENTS (kinds) && g_str_equal (kinds[kind], "minutes"));
}

static char *
referral_label (PdReferral *referral)
{
  if (referral == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s — %s", pd_referral_get_reference (referral), pd_referral_get_pseudonym (referral));
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

static GtkWidget *
add_combo (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
pd_agenda_item_dialog_dispose (GObject *object)
{
  PdAgendaItemDialog *self = PD_AGENDA_ITEM_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->referrals);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->previous_ids, g_array_unref);
  G_OBJECT_CLASS (pd_agenda_item_dialog_parent_class)->dispose (object);
}

static void
pd_agenda_item_dialog_class_init (PdAgendaItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_agenda_item_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  signals[ITEM_ADDED] = g_signal_new ("item-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
pd_agenda_item_dialog_init (PdAgendaItemDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Add"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *minutes_row = adw_action_row_new ();
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Add Agenda Item"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 560);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (pd_agenda_item_dialog_save), self);
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

  self->kind_row = add_combo (group, _("Kind"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, pd_agenda_item_kind_to_label (kinds[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kind_labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), G_N_ELEMENTS (kinds) - 1);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self);

  self->title_row = add_entry (group, _("Title"));
  self->previous_row = add_combo (group, _("Minutes of"));
  self->referral_row = add_combo (group, _("Referral"));
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->referral_row),
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (referral_label), NULL, NULL));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (minutes_row), _("Minutes Allocated"));
  self->minutes_spin = gtk_spin_button_new_with_range (0, 480, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->minutes_spin), 15);
  gtk_widget_set_valign (self->minutes_spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minutes_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes allocated"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (minutes_row), self->minutes_spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (minutes_row), self->minutes_spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), minutes_row);

  self->presenter_row = add_combo (group, _("Presenter"));
  self->reason_row = add_entry (group, _("Reason for the Change (Published Agenda)"));
  /* Enter in a field adds the item, as the header bar's button does. */
  g_signal_connect_swapped (self->title_row, "entry-activated", G_CALLBACK (pd_agenda_item_dialog_save), self);
  g_signal_connect_swapped (self->reason_row, "entry-activated", G_CALLBACK (pd_agenda_item_dialog_save), self);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  on_kind_selected (self);
}

PdAgendaItemDialog *
pd_agenda_item_dialog_new (GtkWindow  *parent,
                           PdDatabase *db,
                           PdMeeting  *meeting)
{
  PdAgendaItemDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PD_IS_MEETING (meeting), NULL);

  self = g_object_new (PD_TYPE_AGENDA_ITEM_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->meeting_id = pd_meeting_get_id (meeting);
  self->frozen = pd_meeting_is_agenda_frozen (meeting);
  gtk_widget_set_visible (self->reason_row, self->frozen);

  self->people = pd_person_list_all (db, NULL);
  if (self->people == NULL)
    self->people = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < self->people->len; i++)
    gtk_string_list_append (names, pd_person_get_display_name (g_ptr_array_index (self->people, i)));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->presenter_row), G_LIST_MODEL (names));

  /* Earlier meetings, latest first, after "the one before this". */
  {
    g_autoptr(PdRecordList) meetings = pd_meeting_list_new (db);
    g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (meetings));

    self->previous_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    gtk_string_list_append (labels, _("The meeting before this one"));
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PdMeeting) other = g_list_model_get_item (G_LIST_MODEL (meetings), i);
        g_autofree char *when = NULL;
        g_autofree char *label = NULL;
        gint64 id;

        if (other == NULL || pd_meeting_get_id (other) == self->meeting_id
            || g_strcmp0 (pd_meeting_get_starts_at (other), pd_meeting_get_starts_at (meeting)) >= 0)
          continue;
        id = pd_meeting_get_id (other);
        when = pd_format_date (pd_meeting_get_starts_at (other));
        label = g_strdup_printf ("%s, %s", pd_meeting_get_title (other), when);
        gtk_string_list_append (labels, label);
        g_array_append_val (self->previous_ids, id);
      }
    adw_combo_row_set_model (ADW_COMBO_ROW (self->previous_row), G_LIST_MODEL (labels));
  }

  self->referrals = pd_referral_list_new (db);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->referral_row), G_LIST_MODEL (self->referrals));
  return self;
}
