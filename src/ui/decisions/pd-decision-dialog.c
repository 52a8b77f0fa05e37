/* pd-decision-dialog.c: the form of a recommendation, a decision or a superseding decision
 *
 * One form for the three, since they hold the same things (DOMAIN.md): the
 * panel's recommendation on a referral; the chair's decision, started from
 * the recommendation because it usually follows it; and a new decision
 * replacing a signed one, which must say why. The criteria found met start
 * from the referral's facts; the check's verdict is shown so a departure
 * from it is made knowingly, with its reason.
 *
 * A failed save never loses what was typed: the dialog stays open, marks
 * the field at fault and says why.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-decision-dialog.h"

typedef enum
{
  MODE_RECOMMENDATION,
  MODE_DECISION,
  MODE_SUPERSEDE,
  MODE_EDIT,        /* an unsigned record corrected; a signed one never */
} Mode;

struct _PdDecisionDialog
{
  AdwWindow            parent_instance;

  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *record_group;
  AdwPreferencesGroup *criteria_group;
  AdwComboRow         *referral_row;
  AdwComboRow         *outcome_row;
  AdwEntryRow         *alternative_row;
  AdwEntryRow         *awaited_row;
  AdwEntryRow         *awaited_by_row;
  AdwExpanderRow      *criteria_row;
  AdwEntryRow         *departure_row;
  GtkTextView         *rationale_view;
  GtkWidget           *reason_group;
  AdwEntryRow         *reason_row;
  GtkWidget           *checks[PD_CRITERIA_N_FACTS];
  GtkWidget           *check_rows[PD_CRITERIA_N_FACTS]; /* hidden when the framework ignores the fact */
  GtkWidget           *marked;

  PdDatabase          *db;
  PdRecordList        *referrals;
  Mode                 mode;
  gint64               source_id;     /* the recommendation decided, or the decision superseded */
  gint64               referral_id;   /* fixed for a decision and a supersession */
  gint64               meeting_id;
  char                *edit_kind;      /* MODE_EDIT: what the record is, kept */
  char                *edit_made_at;   /* MODE_EDIT: when it was made, kept */
  gint64               edit_supersedes; /* MODE_EDIT: the decision it supersedes, or 0 */
  char                *error;
};

G_DEFINE_FINAL_TYPE (PdDecisionDialog, pd_decision_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const outcomes[] = {
  "scr", "silr", "practice_learning", "other_review", "no_review", "deferred", NULL
};

/* ------------------------------------------------------------ the inputs */

static const char *
current_outcome (PdDecisionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->outcome_row);

  return selected < g_strv_length ((char **) outcomes) ? outcomes[selected] : outcomes[0];
}

static void
on_outcome_changed (PdDecisionDialog *self)
{
  const char *outcome = current_outcome (self);

  /* Only what the outcome asks for. */
  gtk_widget_set_visible (GTK_WIDGET (self->alternative_row), g_strcmp0 (outcome, "other_review") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->awaited_row), g_strcmp0 (outcome, "deferred") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->awaited_by_row), g_strcmp0 (outcome, "deferred") == 0);
}

static char *
criteria_met (PdDecisionDialog *self)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    if (gtk_widget_get_visible (self->check_rows[i]) &&
        gtk_check_button_get_active (GTK_CHECK_BUTTON (self->checks[i])))
      {
        if (keys->len > 0)
          g_string_append_c (keys, ',');
        g_string_append (keys, pd_criteria_fact_get_key (i));
      }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static void
set_criteria_met (PdDecisionDialog *self,
                  const char       *keys)
{
  g_auto(GStrv) list = g_strsplit (keys != NULL ? keys : "", ",", -1);

  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[i]),
                                 g_strv_contains ((const char *const *) list, pd_criteria_fact_get_key (i)));
}

static char *
rationale_text (PdDecisionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->rationale_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gint64
current_referral_id (PdDecisionDialog *self)
{
  guint selected;

  if (self->referral_id != 0)
    return self->referral_id;
  selected = adw_combo_row_get_selected (self->referral_row);
  if (self->referrals == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_list_model_get_n_items (G_LIST_MODEL (self->referrals)))
    return 0;
  return pd_record_list_get_id (self->referrals, selected);
}

static GtkWidget *
entry_for (PdDecisionDialog *self,
           const char       *field)
{
  static const struct { const char *field; gsize offset; } entries[] = {
    { "alternative_review", G_STRUCT_OFFSET (PdDecisionDialog, alternative_row) },
    { "awaited",            G_STRUCT_OFFSET (PdDecisionDialog, awaited_row) },
    { "awaited_by",         G_STRUCT_OFFSET (PdDecisionDialog, awaited_by_row) },
    { "departure_reason",   G_STRUCT_OFFSET (PdDecisionDialog, departure_row) },
    { "reason",             G_STRUCT_OFFSET (PdDecisionDialog, reason_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (g_strcmp0 (entries[i].field, field) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, entries[i].offset);
  return NULL;
}

static void
select_referral (PdDecisionDialog *self,
                 gint64            id)
{
  guint position = self->referrals != NULL ? pd_record_list_find (self->referrals, id) : G_MAXUINT;

  if (position != G_MAXUINT)
    adw_combo_row_set_selected (self->referral_row, position);
}

void
pd_decision_dialog_set_field (PdDecisionDialog *self,
                              const char       *field,
                              const char       *text)
{
  GtkWidget *entry;

  g_return_if_fail (PD_IS_DECISION_DIALOG (self));

  if (text == NULL)
    text = "";
  if ((entry = entry_for (self, field)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  else if (g_strcmp0 (field, "rationale") == 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->rationale_view), text, -1);
  else if (g_strcmp0 (field, "criteria_met") == 0)
    set_criteria_met (self, text);
  else if (g_strcmp0 (field, "outcome") == 0)
    {
      for (guint i = 0; outcomes[i] != NULL; i++)
        if (g_strcmp0 (outcomes[i], text) == 0)
          adw_combo_row_set_selected (self->outcome_row, i);
    }
  else if (g_strcmp0 (field, "referral") == 0 && self->referrals != NULL)
    {
      /* By reference, as the user reads it in the list. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->referrals));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PdReferral) referral = g_list_model_get_item (G_LIST_MODEL (self->referrals), i);

          if (referral != NULL && g_strcmp0 (pd_referral_get_reference (referral), text) == 0)
            {
              adw_combo_row_set_selected (self->referral_row, i);
              break;
            }
        }
    }
  else
    g_warning ("“%s” is not a field of the decision form", field);
}

char *
pd_decision_dialog_dup_field (PdDecisionDialog *self,
                              const char       *field)
{
  GtkWidget *entry;

  g_return_val_if_fail (PD_IS_DECISION_DIALOG (self), NULL);

  if ((entry = entry_for (self, field)) != NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (g_strcmp0 (field, "rationale") == 0)
    return rationale_text (self);
  if (g_strcmp0 (field, "criteria_met") == 0)
    return criteria_met (self);
  if (g_strcmp0 (field, "outcome") == 0)
    return g_strdup (current_outcome (self));
  if (g_strcmp0 (field, "referral") == 0)
    {
      g_autoptr(PdReferral) referral = NULL;
      gint64 id = current_referral_id (self);

      if (id != 0)
        referral = pd_referral_load (self->db, id, NULL);
      return g_strdup (referral != NULL ? pd_referral_get_reference (referral) : "");
    }
  return NULL;
}

/* ------------------------------------------------------------ errors */

static void
show_error (PdDecisionDialog *self,
            GtkWidget        *at_fault,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);

  if (self->marked != NULL)
    gtk_widget_remove_css_class (self->marked, "error");
  g_set_object (&self->marked, at_fault);
  if (at_fault != NULL)
    {
      gtk_widget_add_css_class (at_fault, "error");
      gtk_widget_grab_focus (at_fault);
    }
}

const char *
pd_decision_dialog_get_error (PdDecisionDialog *self)
{
  g_return_val_if_fail (PD_IS_DECISION_DIALOG (self), NULL);

  return self->error;
}

/* ------------------------------------------------------------ saving */

typedef struct
{
  PdDecisionDialog *self;
  PdDecisionFields  fields;
  const char       *reason;
  gint64            id;
} Save;

static gboolean
save_record (PdTransaction  *tx,
             gpointer        user_data,
             GError        **error)
{
  Save *save = user_data;

  if (save->self->mode == MODE_SUPERSEDE)
    save->id = pd_decision_supersede (tx, save->self->source_id, &save->fields, save->reason, error);
  else if (save->self->mode == MODE_EDIT)
    /* The core refuses it if someone signed it meanwhile. */
    save->id = pd_decision_update (tx, save->self->source_id, &save->fields, error) ? save->self->source_id : 0;
  else
    save->id = pd_decision_insert (tx, &save->fields, error);
  return save->id != 0;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy == '\0';
}

gboolean
pd_decision_dialog_save (PdDecisionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rationale = NULL, *criteria = NULL;
  const char *outcome;
  Save save = { self };

  g_return_val_if_fail (PD_IS_DECISION_DIALOG (self), FALSE);

  show_error (self, NULL, NULL);
  outcome = current_outcome (self);
  rationale = rationale_text (self);
  criteria = criteria_met (self);
  save.fields = (PdDecisionFields) {
    .referral_id = current_referral_id (self),
    .meeting_id = self->meeting_id,
    .kind = self->mode == MODE_EDIT ? self->edit_kind
            : self->mode == MODE_RECOMMENDATION ? "recommendation" : "decision",
    .made_at = self->mode == MODE_EDIT ? self->edit_made_at : NULL,
    .supersedes_id = self->mode == MODE_EDIT ? self->edit_supersedes : 0,
    .outcome = outcome,
    .rationale = rationale,
    .alternative_review = g_strcmp0 (outcome, "other_review") == 0
                          ? gtk_editable_get_text (GTK_EDITABLE (self->alternative_row)) : "",
    .awaited = g_strcmp0 (outcome, "deferred") == 0 ? gtk_editable_get_text (GTK_EDITABLE (self->awaited_row)) : "",
    .awaited_by = g_strcmp0 (outcome, "deferred") == 0
                  ? gtk_editable_get_text (GTK_EDITABLE (self->awaited_by_row)) : "",
    .criteria_met = criteria,
    .departure_reason = gtk_editable_get_text (GTK_EDITABLE (self->departure_row)),
  };
  save.reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  if (self->mode == MODE_EDIT && self->edit_supersedes != 0)
    save.fields.supersede_reason = save.reason;

  /* Point at the field at fault; the core checks all of it again. */
  if (save.fields.referral_id == 0)
    {
      show_error (self, GTK_WIDGET (self->referral_row), _("Choose the referral the record is about."));
      return FALSE;
    }
  if (g_strcmp0 (outcome, "other_review") == 0 && is_blank (save.fields.alternative_review))
    {
      show_error (self, GTK_WIDGET (self->alternative_row),
                  _("Name the alternative review, for example “reflective review”."));
      return FALSE;
    }
  if (g_strcmp0 (outcome, "deferred") == 0 && is_blank (save.fields.awaited))
    {
      show_error (self, GTK_WIDGET (self->awaited_row), _("Say what information the deferred decision waits for."));
      return FALSE;
    }
  if (g_strcmp0 (outcome, "deferred") == 0 && !pd_date_is_valid (save.fields.awaited_by))
    {
      show_error (self, GTK_WIDGET (self->awaited_by_row),
                  _("Give the date the awaited information is due by, as YYYY-MM-DD."));
      return FALSE;
    }
  if (is_blank (rationale))
    {
      show_error (self, GTK_WIDGET (self->rationale_view),
                  _("Write the reasons: a recommendation or decision without a rationale cannot be saved."));
      return FALSE;
    }
  if ((self->mode == MODE_SUPERSEDE || (self->mode == MODE_EDIT && self->edit_supersedes != 0)) &&
      is_blank (save.reason))
    {
      show_error (self, GTK_WIDGET (self->reason_row), _("Say why the new decision supersedes the signed one."));
      return FALSE;
    }
  if (!pd_database_write (self->db,
                          self->mode == MODE_RECOMMENDATION ? "Record recommendation"
                          : self->mode == MODE_DECISION ? "Make decision"
                          : self->mode == MODE_EDIT ? "Correct unsigned record" : "Supersede decision",
                          save_record, &save, NULL, &error))
    {
      /* Locked by another user, superseded meanwhile, the share gone: all typed stays. */
      show_error (self, NULL, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, save.id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (PdDecisionDialog *self)
{
  pd_decision_dialog_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pd_decision_dialog_save (PD_DECISION_DIALOG (widget));
}

/* ------------------------------------------------------------ filling */

static char *
referral_label (PdReferral *referral)
{
  if (referral == NULL)
    return g_strdup ("");
  /* Translators: a referral in the form's list, e.g. "PRP-2026-014 · Child A" */
  return g_strdup_printf (_("%s · %s"), pd_referral_get_reference (referral), pd_referral_get_pseudonym (referral));
}

/* The facts the referral's framework looks at, those found "yes" ticked,
 * and the check's verdict above them. */
static void
fill_criteria_from_referral (PdDecisionDialog *self,
                             gint64            referral_id,
                             gboolean          tick)
{
  g_autoptr(PdReferral) referral = referral_id != 0 ? pd_referral_load_record (self->db, referral_id, NULL) : NULL;
  g_autoptr(PdCriteriaResult) result = NULL;
  PdFramework framework = PD_FRAMEWORK_ENGLAND_2018;

  if (referral == NULL)
    return;
  pd_framework_from_string (pd_referral_get_framework (referral), &framework);
  result = pd_referral_check_criteria (referral);
  {
    /* Translators: the criteria check's verdict above the criteria, e.g. "The criteria check: Serious case review criteria met" */
    g_autofree char *description = g_strdup_printf (_("The criteria check: %s. The record may depart from it, "
                                                      "with the reason."), result->summary);

    adw_preferences_group_set_description (self->criteria_group, description);
  }
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      gtk_widget_set_visible (self->check_rows[i], pd_criteria_fact_applies (i, framework));
      if (tick)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[i]),
                                     pd_criteria_facts_get (pd_referral_get_facts (referral), i) == PD_FACT_YES);
    }
}

static void
on_referral_changed (PdDecisionDialog *self)
{
  fill_criteria_from_referral (self, current_referral_id (self), TRUE);
}

static PdDecisionDialog *
dialog_new (GtkWindow  *parent,
            PdDatabase *db,
            Mode        mode)
{
  PdDecisionDialog *self = g_object_new (PD_TYPE_DECISION_DIALOG, "transient-for", parent, NULL);
  GtkExpression *expression;

  self->db = g_object_ref (db);
  self->mode = mode;
  /* Every referral, loaded as the list scrolls: boards have thousands. */
  self->referrals = pd_referral_list_new (db);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (referral_label), NULL, NULL);
  adw_combo_row_set_expression (self->referral_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->referral_row, G_LIST_MODEL (self->referrals));
  gtk_widget_set_visible (self->reason_group, mode == MODE_SUPERSEDE);
  return self;
}

/* A decision or a supersession starts from the record it follows. */
static void
fill_from (PdDecisionDialog *self,
           PdDecision       *source)
{
  self->source_id = pd_decision_get_id (source);
  self->referral_id = pd_decision_get_referral_id (source);
  self->meeting_id = pd_decision_get_meeting_id (source);
  select_referral (self, self->referral_id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->referral_row), FALSE);
  fill_criteria_from_referral (self, self->referral_id, FALSE);
  pd_decision_dialog_set_field (self, "outcome", pd_decision_get_outcome (source));
  pd_decision_dialog_set_field (self, "alternative_review", pd_decision_get_alternative_review (source));
  pd_decision_dialog_set_field (self, "awaited", pd_decision_get_awaited (source));
  pd_decision_dialog_set_field (self, "awaited_by", pd_decision_get_awaited_by (source));
  pd_decision_dialog_set_field (self, "criteria_met", pd_decision_get_criteria_met (source));
  pd_decision_dialog_set_field (self, "departure_reason", pd_decision_get_departure_reason (source));
  pd_decision_dialog_set_field (self, "rationale", pd_decision_get_rationale (source));
}

PdDecisionDialog *
pd_decision_dialog_new_recommendation (GtkWindow  *parent,
                                       PdDatabase *db,
                                       gint64      referral_id)
{
  PdDecisionDialog *self = dialog_new (parent, db, MODE_RECOMMENDATION);

  g_signal_connect_object (self->referral_row, "notify::selected", G_CALLBACK (on_referral_changed), self,
                           G_CONNECT_SWAPPED);
  if (referral_id != 0)
    select_referral (self, referral_id);
  on_referral_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (referral_id != 0 ? self->outcome_row : self->referral_row));
  return self;
}

PdDecisionDialog *
pd_decision_dialog_new_decision (GtkWindow   *parent,
                                 PdDatabase  *db,
                                 gint64       recommendation_id,
                                 GError     **error)
{
  g_autoptr(PdDecision) source = pd_decision_load (db, recommendation_id, error);
  PdDecisionDialog *self;
  g_autofree char *title = NULL;

  if (source == NULL)
    return NULL;
  self = dialog_new (parent, db, MODE_DECISION);
  /* Translators: the title of the decision form, e.g. "Decision on PRP-2026-014" */
  title = g_strdup_printf (_("Decision on %s"), pd_decision_get_referral_reference (source));
  gtk_window_set_title (GTK_WINDOW (self), title);
  fill_from (self, source);
  gtk_widget_grab_focus (GTK_WIDGET (self->outcome_row));
  return self;
}

PdDecisionDialog *
pd_decision_dialog_new_supersede (GtkWindow   *parent,
                                  PdDatabase  *db,
                                  gint64       decision_id,
                                  GError     **error)
{
  g_autoptr(PdDecision) source = pd_decision_load (db, decision_id, error);
  PdDecisionDialog *self;
  g_autofree char *title = NULL;

  if (source == NULL)
    return NULL;
  self = dialog_new (parent, db, MODE_SUPERSEDE);
  /* Translators: the title of the form superseding a decision, e.g. "Supersede Decision 12" */
  title = g_strdup_printf (_("Supersede Decision %" G_GINT64_FORMAT), decision_id);
  gtk_window_set_title (GTK_WINDOW (self), title);
  fill_from (self, source);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
  return self;
}

PdDecisionDialog *
pd_decision_dialog_new_edit (GtkWindow   *parent,
                             PdDatabase  *db,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(PdDecision) source = pd_decision_load (db, id, error);
  PdDecisionDialog *self;
  g_autofree char *title = NULL;

  if (source == NULL)
    return NULL;
  if (pd_decision_is_signed (source))
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_INVALID,
                           _("A signed decision is never changed: supersede it with a new decision instead."));
      return NULL;
    }
  self = dialog_new (parent, db, MODE_EDIT);
  self->edit_kind = g_strdup (pd_decision_get_kind (source));
  self->edit_made_at = g_strdup (pd_decision_get_made_at (source));
  self->edit_supersedes = pd_decision_get_supersedes_id (source);
  /* Translators: the title of the form correcting a record, e.g. "Edit Chair's decision 12" */
  title = g_strdup_printf (_("Edit %s %" G_GINT64_FORMAT), pd_decision_kind_to_label (self->edit_kind), id);
  gtk_window_set_title (GTK_WINDOW (self), title);
  fill_from (self, source);
  if (self->edit_supersedes != 0)
    {
      gtk_widget_set_visible (self->reason_group, TRUE);
      pd_decision_dialog_set_field (self, "reason", pd_decision_get_supersede_reason (source));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->outcome_row));
  return self;
}

static void
pd_decision_dialog_dispose (GObject *object)
{
  PdDecisionDialog *self = PD_DECISION_DIALOG (object);

  g_clear_object (&self->marked);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_DECISION_DIALOG);
  g_clear_object (&self->referrals);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (pd_decision_dialog_parent_class)->dispose (object);
}

static void
pd_decision_dialog_finalize (GObject *object)
{
  PdDecisionDialog *self = PD_DECISION_DIALOG (object);

  g_free (self->error);
  g_free (self->edit_kind);
  g_free (self->edit_made_at);

  G_OBJECT_CLASS (pd_decision_dialog_parent_class)->finalize (object);
}

static void
pd_decision_dialog_class_init (PdDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_decision_dialog_dispose;
  object_class->finalize = pd_decision_dialog_finalize;

  /* The new record's id. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/decisions/pd-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, record_group);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, referral_row);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, alternative_row);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, awaited_row);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, awaited_by_row);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, criteria_row);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, departure_row);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, rationale_view);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_changed);
  /* Ctrl+S saves, as in every editor; Escape cancels, as in a dialog. */
  gtk_widget_class_install_action (widget_class, "decision.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "decision.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_decision_dialog_init (PdDecisionDialog *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; outcomes[i] != NULL; i++)
    gtk_string_list_append (labels, pd_decision_outcome_to_label (outcomes[i]));
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (labels));
  g_object_unref (labels);
  on_outcome_changed (self);

  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      self->checks[i] = gtk_check_button_new ();
      gtk_widget_set_valign (self->checks[i], GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_criteria_fact_get_label (i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), self->checks[i]);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->checks[i]);
      adw_expander_row_add_row (self->criteria_row, row);
      self->check_rows[i] = row;
    }
}
