/* pd-recommendation-form.c: outcome, criteria found met and the rationale,
 * recorded at the item's meeting for its referral */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-recommendation-form.h"

static const char *outcomes[] = { "scr", "silr", "practice_learning", "other_review", "no_review", "deferred" };

struct _PdRecommendationForm
{
  GtkBox         parent_instance;

  PdDatabase    *db;
  gint64         item_id;
  GtkLabel      *recorded;
  GtkDropDown   *outcome;
  GtkWidget     *criteria[PD_CRITERIA_N_FACTS];
  GtkTextView   *rationale;
  GtkEntry      *alternative;
  GtkEntry      *awaited;
  GtkEntry      *awaited_by;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (PdRecommendationForm, pd_recommendation_form, GTK_TYPE_BOX)

enum { RECORDED, MESSAGE, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  gint64            item_id;
  PdDecisionFields  fields;
  gint64            id;
} Record;

static gboolean
write_recommendation (PdTransaction *tx, gpointer data, GError **error)
{
  Record *record = data;

  record->id = pd_agenda_record_recommendation (tx, record->item_id, &record->fields, error);
  return record->id != 0;
}

static void
show_error (PdRecommendationForm *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_recorded (PdRecommendationForm *self)
{
  gint64 id = pd_agenda_find_recommendation (self->db, self->item_id, NULL);
  g_autoptr(PdDecision) decision = id != 0 ? pd_decision_load (self->db, id, NULL) : NULL;
  g_autofree char *text = NULL;

  if (decision == NULL)
    {
      gtk_label_set_text (self->recorded, _("No recommendation recorded at this meeting yet."));
      return;
    }
  text = g_strdup_printf (_("Recorded: %s, by %s. Recording again replaces nothing: the newest counts."),
                          pd_decision_outcome_to_label (pd_decision_get_outcome (decision)),
                          pd_decision_get_made_by_name (decision));
  gtk_label_set_text (self->recorded, text);
}

gint64
pd_recommendation_form_record (PdRecommendationForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) criteria = g_string_new (NULL);
  g_autofree char *rationale = NULL;
  GtkTextIter start, end;
  GtkTextBuffer *buffer;
  guint outcome;
  Record record = { 0 };

  g_return_val_if_fail (PD_IS_RECOMMENDATION_FORM (self), 0);

  buffer = gtk_text_view_get_buffer (self->rationale);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  rationale = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->criteria[i])))
      g_string_append_printf (criteria, "%s%s", criteria->len > 0 ? "," : "", pd_criteria_fact_get_key (i));

  outcome = gtk_drop_down_get_selected (self->outcome);
  if (outcome >= G_N_ELEMENTS (outcomes))
    {
      show_error (self, _("Choose what the panel recommends."));
      return 0;
    }
  record.item_id = self->item_id;
  record.fields.outcome = outcomes[outcome];
  record.fields.rationale = rationale;
  record.fields.criteria_met = criteria->str;
  record.fields.alternative_review = gtk_editable_get_text (GTK_EDITABLE (self->alternative));
  record.fields.awaited = gtk_editable_get_text (GTK_EDITABLE (self->awaited));
  record.fields.awaited_by = gtk_editable_get_text (GTK_EDITABLE (self->awaited_by));

  /* A refusal keeps everything typed and says why. */
  if (!pd_database_write (self->db, "Record recommendation", write_recommendation, &record, NULL, &error))
    {
      show_error (self, error->message);
      return 0;
    }
  show_error (self, NULL);
  show_recorded (self);
  g_signal_emit (self, signals[RECORDED], 0, record.id);
  g_signal_emit (self, signals[MESSAGE], 0, _("Recommendation recorded"));
  return record.id;
}

void
pd_recommendation_form_set (PdRecommendationForm *self,
                            const char           *outcome,
                            const char           *criteria_met,
                            const char           *rationale)
{
  g_auto(GStrv) keys = g_strsplit (criteria_met != NULL ? criteria_met : "", ",", -1);

  g_return_if_fail (PD_IS_RECOMMENDATION_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (g_strcmp0 (outcomes[i], outcome) == 0)
      gtk_drop_down_set_selected (self->outcome, i);
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->criteria[i]),
                                 g_strv_contains ((const char * const *) keys, pd_criteria_fact_get_key (i)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->rationale), rationale, -1);
}

static void
on_outcome_selected (PdRecommendationForm *self)
{
  guint outcome = gtk_drop_down_get_selected (self->outcome);
  const char *id = outcome < G_N_ELEMENTS (outcomes) ? outcomes[outcome] : "";

  gtk_widget_set_visible (GTK_WIDGET (self->alternative), g_str_equal (id, "other_review"));
  gtk_widget_set_visible (GTK_WIDGET (self->awaited), g_str_equal (id, "deferred"));
  gtk_widget_set_visible (GTK_WIDGET (self->awaited_by), g_str_equal (id, "deferred"));
}

void
pd_recommendation_form_show (PdRecommendationForm *self,
                             PdDatabase           *db,
                             PdAgendaItem         *item,
                             PdReferral           *referral)
{
  PdFramework framework = 0;

  g_return_if_fail (PD_IS_RECOMMENDATION_FORM (self));

  g_set_object (&self->db, db);
  self->item_id = pd_agenda_item_get_id (item);
  show_error (self, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->rationale), "", -1);
  if (referral != NULL)
    pd_framework_from_string (pd_referral_get_framework (referral), &framework);
  /* Only the criteria of the referral's framework; those recorded as
   * facts start ticked, for the panel to confirm or untick. */
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      gboolean applies = pd_criteria_fact_applies (i, framework);
      gboolean yes = referral != NULL && pd_referral_get_facts (referral) != NULL
                     && pd_criteria_facts_get (pd_referral_get_facts (referral), i) == PD_FACT_YES;

      /* The flow box's child, so a hidden question leaves no gap. */
      gtk_widget_set_visible (gtk_widget_get_parent (self->criteria[i]), applies);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->criteria[i]), applies && yes);
    }
  show_recorded (self);
}

static void
pd_recommendation_form_dispose (GObject *object)
{
  g_clear_object (&PD_RECOMMENDATION_FORM (object)->db);
  G_OBJECT_CLASS (pd_recommendation_form_parent_class)->dispose (object);
}

static void
pd_recommendation_form_class_init (PdRecommendationFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pd_recommendation_form_dispose;

  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static GtkEntry *
labelled_entry (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  return GTK_ENTRY (entry);
}

static void
pd_recommendation_form_init (PdRecommendationForm *self)
{
  GtkWidget *title = gtk_label_new (_("Panel’s Recommendation"));
  GtkWidget *criteria_label = gtk_label_new (_("Criteria found met"));
  GtkWidget *criteria_box = gtk_flow_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record Recommendation"));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self), title);
  self->recorded = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->recorded, 0);
  gtk_label_set_wrap (self->recorded, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->recorded), "dim-label");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->recorded));

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    gtk_string_list_append (labels, pd_decision_outcome_to_label (outcomes[i]));
  self->outcome = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->outcome), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outcome recommended"), -1);
  g_signal_connect_swapped (self->outcome, "notify::selected", G_CALLBACK (on_outcome_selected), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->outcome));

  self->alternative = labelled_entry (_("Name of the other review"));
  self->awaited = labelled_entry (_("Information awaited"));
  self->awaited_by = labelled_entry (_("Awaited by (YYYY-MM-DD)"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->alternative));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->awaited));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->awaited_by));

  gtk_label_set_xalign (GTK_LABEL (criteria_label), 0);
  gtk_box_append (GTK_BOX (self), criteria_label);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (criteria_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (criteria_box), 2);
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      GtkWidget *label = gtk_label_new (pd_criteria_fact_get_label (i));

      /* Long questions wrap rather than widen the room's screen. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      self->criteria[i] = gtk_check_button_new ();
      gtk_check_button_set_child (GTK_CHECK_BUTTON (self->criteria[i]), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->criteria[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pd_criteria_fact_get_label (i), -1);
      gtk_flow_box_append (GTK_FLOW_BOX (criteria_box), self->criteria[i]);
    }
  gtk_box_append (GTK_BOX (self), criteria_box);

  self->rationale = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->rationale, GTK_WRAP_WORD_CHAR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rationale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rationale (required)"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->rationale));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (self), gtk_label_new (_("Rationale (required)")));
  gtk_box_append (GTK_BOX (self), scrolled);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->error_label));

  gtk_widget_set_halign (record, GTK_ALIGN_START);
  gtk_widget_add_css_class (record, "suggested-action");
  g_signal_connect_swapped (record, "clicked", G_CALLBACK (pd_recommendation_form_record), self);
  gtk_box_append (GTK_BOX (self), record);
  on_outcome_selected (self);
}

PdRecommendationForm *
pd_recommendation_form_new (void)
{
  return g_object_new (PD_TYPE_RECOMMENDATION_FORM, NULL);
}
