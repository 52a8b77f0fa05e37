/* pd-decision-page.c: one recommendation or decision, its signature and its history
 *
 * What an inspector asks of a decision, in the order they ask it: whose
 * referral, what the panel recommended beside what the chair decided and
 * why, whether the national panel was told, whether the signature holds
 * (checked again each time the page opens, never taken from a cache), what
 * it replaced or was replaced by, and who did what to the referral, when.
 * Read-only: the dialogs write.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-decision-page.h"
#include "pd-decision-print.h"

struct _PdDecisionPage
{
  AdwBin            parent_instance;

  GtkBox           *content;
  PdDecision       *decision;
  PdSignatureState  state;
  char             *signature_text;
  guint             n_audit_entries;
};

G_DEFINE_FINAL_TYPE (PdDecisionPage, pd_decision_page, ADW_TYPE_BIN)

enum {
  SIGNAL_DECISION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
add_group (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return group;
}

/* A row of a label and its value; the value can be selected and copied. */
static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *value,
         const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL && *value != '\0' ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
add_row_if_set (GtkWidget  *group,
                const char *title,
                const char *value)
{
  if (value != NULL && *value != '\0')
    add_row (group, title, value, NULL);
}

/* Long text (a rationale) reads better under its title than beside it. */
static void
add_text (GtkWidget  *group,
          const char *title,
          const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *label = gtk_label_new (text != NULL && *text != '\0' ? text : "—");

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), label);
  {
    /* A preferences row, so the group puts it in its card with the others. */
    GtkWidget *row = adw_preferences_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }
}

static char *
outcome_text (PdDecision *decision)
{
  const char *outcome = pd_decision_get_outcome (decision);

  if (g_strcmp0 (outcome, "other_review") == 0 && *pd_decision_get_alternative_review (decision) != '\0')
    /* Translators: the outcome and the review's name, e.g. "Other alternative review: reflective review" */
    return g_strdup_printf (_("%s: %s"), pd_decision_outcome_to_label (outcome),
                            pd_decision_get_alternative_review (decision));
  return g_strdup (pd_decision_outcome_to_label (outcome));
}

/* What one record says: outcome, criteria, departure, rationale. */
static void
add_record (GtkWidget  *group,
            PdDecision *decision)
{
  g_autofree char *outcome = outcome_text (decision);
  g_autofree char *criteria = pd_decision_print_format_criteria (pd_decision_get_criteria_met (decision));
  g_autofree char *made_at = pd_format_date_time (pd_decision_get_made_at (decision));

  add_row (group, _("Outcome"), outcome, "heading");
  add_row (group, _("Made by"), pd_decision_get_made_by_name (decision), NULL);
  add_row (group, _("Made on"), made_at, NULL);
  if (g_strcmp0 (pd_decision_get_outcome (decision), "deferred") == 0)
    {
      g_autofree char *by = pd_format_date (pd_decision_get_awaited_by (decision));

      add_row (group, _("Awaiting"), pd_decision_get_awaited (decision), NULL);
      add_row (group, _("Awaited by"), by, NULL);
    }
  add_row (group, _("Criteria found met"), criteria, NULL);
  add_row_if_set (group, _("Departure from the criteria check"), pd_decision_get_departure_reason (decision));
  add_text (group, _("Rationale"), pd_decision_get_rationale (decision));
}

/* The other kind of record of the same referral, newest, or NULL. */
static PdDecision *
load_counterpart (PdDatabase *db,
                  PdDecision *decision)
{
  const char *other = g_strcmp0 (pd_decision_get_kind (decision), "decision") == 0 ? "recommendation" : "decision";
  g_autoptr(GArray) ids = pd_decision_log_list_for_referral (db, pd_decision_get_referral_id (decision), other, NULL);

  if (ids == NULL || ids->len == 0)
    return NULL;
  return pd_decision_load (db, g_array_index (ids, gint64, 0), NULL);
}

static void
add_records (PdDecisionPage *self,
             PdDatabase     *db)
{
  g_autoptr(PdDecision) counterpart = load_counterpart (db, self->decision);
  PdDecision *recommendation = self->decision, *decision = counterpart;
  GtkWidget *box;

  if (g_strcmp0 (pd_decision_get_kind (self->decision), "decision") == 0)
    {
      recommendation = counterpart;
      decision = self->decision;
    }

  /* The panel's recommendation beside the chair's decision, as on paper. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_box_append (self->content, box);
  if (recommendation != NULL)
    add_record (add_group (GTK_BOX (box), _("Panel Recommendation"), NULL), recommendation);
  else
    add_row (add_group (GTK_BOX (box), _("Panel Recommendation"), NULL), _("Outcome"),
             _("No recommendation recorded"), "dim-label");
  if (decision != NULL)
    add_record (add_group (GTK_BOX (box), _("Chair’s Decision"), NULL), decision);
  else
    add_row (add_group (GTK_BOX (box), _("Chair’s Decision"), NULL), _("Outcome"),
             _("No decision yet"), "dim-label");
}

static void
add_referral (PdDecisionPage *self)
{
  GtkWidget *group = add_group (self->content, _("Referral"), NULL);

  add_row (group, _("Reference"), pd_decision_get_referral_reference (self->decision), NULL);
  add_row (group, _("Child"), pd_decision_get_pseudonym (self->decision), NULL);
  add_row (group, _("Record"), pd_decision_kind_to_label (pd_decision_get_kind (self->decision)), NULL);
}

/* England 2015: a decision not to hold an SCR goes to the national panel within 14 days. */
static void
add_national_panel (PdDecisionPage *self)
{
  const char *notified_on = pd_decision_get_national_panel_notified_on (self->decision);
  g_autoptr(GDateTime) made = NULL;
  GtkWidget *group;

  if (!pd_decision_needs_national_panel_notice (self->decision))
    return;
  group = add_group (self->content, _("National Panel"),
                     _("England 2015: a decision not to hold a serious case review is notified to the "
                       "national panel within 14 days."));
  if (notified_on != NULL)
    {
      g_autofree char *on = pd_format_date (notified_on);

      add_row (group, _("Notified"), on, "success");
      return;
    }
  made = g_date_time_new_from_iso8601 (pd_decision_get_signed_at (self->decision) != NULL
                                       ? pd_decision_get_signed_at (self->decision)
                                       : pd_decision_get_made_at (self->decision), NULL);
  if (made != NULL)
    {
      g_autoptr(GDateTime) due = g_date_time_add_days (made, 14);
      g_autofree char *iso = g_date_time_format (due, "%Y-%m-%d");
      g_autofree char *date = pd_format_date (iso);
      /* Translators: the national panel notice not yet sent, e.g. "Not yet notified: due by 3 Apr 2026" */
      g_autofree char *text = g_strdup_printf (_("Not yet notified: due by %s"), date);

      add_row (group, _("Notified"), text, "warning");
    }
  else
    add_row (group, _("Notified"), _("Not yet notified"), "warning");
}

static const char *
state_style (PdSignatureState state)
{
  switch (state)
    {
    case PD_SIGNATURE_VERIFIED:
      return "success";
    case PD_SIGNATURE_KEY_UNCONFIRMED:
      return "warning";
    case PD_SIGNATURE_ALTERED:
      return "error";
    case PD_SIGNATURE_UNSIGNED:
    default:
      return "dim-label";
    }
}

/* Loud and first on the page: a signed decision that no longer is what was signed. */
static void
add_altered_banner (PdDecisionPage *self,
                    const char     *message)
{
  /* The role is fixed at construction in GTK 4.8. */
  GtkWidget *box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 6,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  GtkWidget *title = gtk_label_new (_("This decision was changed after it was signed"));
  GtkWidget *body = gtk_label_new (message);

  gtk_widget_add_css_class (box, "pd-altered");
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0.0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  gtk_box_prepend (self->content, box);
}

static void
add_signature (PdDecisionPage *self,
               PdDatabase     *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSignatureCheck) check = pd_signing_verify_decision (db, pd_decision_get_id (self->decision), &error);
  GtkWidget *group;

  if (g_strcmp0 (pd_decision_get_kind (self->decision), "decision") != 0)
    return;
  group = add_group (self->content, _("Signature"), NULL);
  g_clear_pointer (&self->signature_text, g_free);
  if (check == NULL)
    {
      /* Could not be checked is not the same as verified. */
      self->state = PD_SIGNATURE_ALTERED;
      self->signature_text = g_strdup (error->message);
      add_row (group, _("State"), error->message, "error");
      return;
    }

  self->state = check->state;
  if (check->state == PD_SIGNATURE_UNSIGNED)
    self->signature_text = g_strdup (_("Not signed: awaiting the chair’s signature"));
  else if (check->message != NULL)
    self->signature_text = g_strdup (check->message);
  else
    self->signature_text = g_strdup (pd_signature_state_to_label (check->state));

  add_row (group, _("State"), pd_signature_state_to_label (check->state), state_style (check->state));
  if (check->message != NULL)
    add_row (group, _("Why"), check->message, state_style (check->state));
  if (pd_decision_is_signed (self->decision))
    {
      g_autofree char *at = pd_format_date_time (pd_decision_get_signed_at (self->decision));
      g_autofree char *fingerprint = NULL;

      add_row (group, _("Signed by"), pd_decision_get_signed_by_name (self->decision), NULL);
      add_row (group, _("Signed on"), at, NULL);
      if (check->fingerprint != NULL || pd_decision_get_key_fingerprint (self->decision) != NULL)
        fingerprint = pd_signing_format_fingerprint (check->fingerprint != NULL ? check->fingerprint
                                                     : pd_decision_get_key_fingerprint (self->decision));
      add_row (group, _("Key fingerprint"), fingerprint, "monospace");
    }
  if (check->state == PD_SIGNATURE_ALTERED)
    add_altered_banner (self, check->message != NULL ? check->message : self->signature_text);
}

static void
on_history_activated (AdwActionRow   *row,
                      PdDecisionPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "pd-id"));

  g_signal_emit (self, signals[SIGNAL_DECISION_ACTIVATED], 0, id);
}

static void
add_history_row (PdDecisionPage *self,
                 GtkWidget      *group,
                 PdDatabase     *db,
                 const char     *title,
                 gint64          id,
                 const char     *reason)
{
  g_autoptr(PdDecision) other = pd_decision_load (db, id, NULL);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = other != NULL ? pd_format_date (pd_decision_get_made_at (other)) : NULL;
  /* Translators: a record of the supersession history, e.g. "Decision 12, 3 Mar 2026: No review" */
  g_autofree char *text = g_strdup_printf (_("Decision %" G_GINT64_FORMAT ", %s: %s"), id,
                                           date != NULL ? date : "",
                                           other != NULL ? pd_decision_outcome_to_label (pd_decision_get_outcome (other)) : "—");
  /* Translators: why one decision superseded another */
  g_autofree char *subtitle = g_strdup_printf (_("Reason: %s"), reason != NULL && *reason != '\0' ? reason : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (text));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "pd-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (row, "activated", G_CALLBACK (on_history_activated), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_supersession (PdDecisionPage *self,
                  PdDatabase     *db)
{
  gint64 supersedes = pd_decision_get_supersedes_id (self->decision);
  gint64 superseded_by = pd_decision_get_superseded_by (self->decision);
  GtkWidget *group;

  if (supersedes == 0 && superseded_by == 0)
    return;
  group = add_group (self->content, _("Supersession History"),
                     _("A signed decision is never changed: a new decision supersedes it, with its reason."));
  if (supersedes != 0)
    add_history_row (self, group, db, _("Supersedes"), supersedes, pd_decision_get_supersede_reason (self->decision));
  if (superseded_by != 0)
    {
      g_autoptr(PdDecision) newer = pd_decision_load (db, superseded_by, NULL);

      add_history_row (self, group, db, _("Superseded by"), superseded_by,
                       newer != NULL ? pd_decision_get_supersede_reason (newer) : NULL);
    }
}

static const char *
action_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "create", N_("Created") },
    { "update", N_("Changed") },
    { "delete", N_("Deleted") },
    { "sign",   N_("Signed") },
    { "status", N_("Step recorded") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].action, action) == 0)
      return _(labels[i].label);
  return action;
}

static char *
entity_label (PdAuditEntry *entry)
{
  if (g_strcmp0 (entry->entity, "referral") == 0)
    return g_strdup (_("Referral"));
  if (g_strcmp0 (entry->entity, "national_panel_notification") == 0)
    /* Translators: an audit line's subject, e.g. "National panel notice of record 12" */
    return g_strdup_printf (_("National panel notice of record %" G_GINT64_FORMAT), entry->entity_id);
  /* Translators: an audit line's subject, e.g. "Record 12" */
  return g_strdup_printf (_("Record %" G_GINT64_FORMAT), entry->entity_id);
}

/* Before and after in a monospace block the reader can select and copy. */
static void
add_json_row (GtkWidget  *expander,
              const char *title,
              const char *json)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (json);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "caption");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static void
on_audit_expanded (AdwExpanderRow *row)
{
  const char *before = g_object_get_data (G_OBJECT (row), "pd-before");
  const char *after = g_object_get_data (G_OBJECT (row), "pd-after");

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "pd-filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "pd-filled", GINT_TO_POINTER (TRUE));
  if (before != NULL)
    add_json_row (GTK_WIDGET (row), _("Before"), before);
  if (after != NULL)
    add_json_row (GTK_WIDGET (row), _("After"), after);
}

static void
add_audit_trail (PdDecisionPage *self,
                 PdDatabase     *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = pd_decision_log_audit_trail (db, pd_decision_get_referral_id (self->decision), &error);
  GtkWidget *group = add_group (self->content, _("Audit Trail"),
                                _("Who changed the referral and its records, what and when; expand a line for "
                                  "the record before and after."));

  self->n_audit_entries = 0;
  if (entries == NULL)
    {
      add_row (group, _("Audit trail"), error->message, "error");
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      PdAuditEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *subject = entity_label (entry);
      g_autofree char *at = pd_format_date_time (entry->at);
      /* Translators: an audit line, e.g. "Signed: Record 12" */
      g_autofree char *title = g_strdup_printf (_("%s: %s"), action_label (entry->action), subject);
      /* Translators: who and when, e.g. "Dr Anne Hartley, 31 Mar 2026, 10:00, on PC-42" */
      g_autofree char *subtitle = g_strdup_printf (_("%s, %s, on %s"), entry->who, at, entry->machine);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      /* Measuring long wrapped JSON costs seconds over a long trail, even
       * collapsed: the rows are made when the line is first expanded. */
      g_object_set_data_full (G_OBJECT (row), "pd-before", g_strdup (entry->before_json), g_free);
      g_object_set_data_full (G_OBJECT (row), "pd-after", g_strdup (entry->after_json), g_free);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (on_audit_expanded), NULL);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row),
                                             entry->before_json != NULL || entry->after_json != NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->n_audit_entries++;
    }
}

gboolean
pd_decision_page_show (PdDecisionPage  *self,
                       PdDatabase      *db,
                       gint64           id,
                       GError         **error)
{
  g_autoptr(PdDecision) decision = NULL;
  GtkWidget *child;

  g_return_val_if_fail (PD_IS_DECISION_PAGE (self), FALSE);
  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  decision = pd_decision_load (db, id, error);
  if (decision == NULL)
    return FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  g_set_object (&self->decision, decision);
  self->state = PD_SIGNATURE_UNSIGNED;
  g_clear_pointer (&self->signature_text, g_free);

  add_referral (self);
  /* Whether it is what was signed comes before what it says. */
  add_signature (self, db);
  add_records (self, db);
  add_national_panel (self);
  add_supersession (self, db);
  add_audit_trail (self, db);
  return TRUE;
}

PdDecision *
pd_decision_page_get_decision (PdDecisionPage *self)
{
  g_return_val_if_fail (PD_IS_DECISION_PAGE (self), NULL);

  return self->decision;
}

PdSignatureState
pd_decision_page_get_signature_state (PdDecisionPage *self)
{
  g_return_val_if_fail (PD_IS_DECISION_PAGE (self), PD_SIGNATURE_UNSIGNED);

  return self->state;
}

const char *
pd_decision_page_get_signature_text (PdDecisionPage *self)
{
  g_return_val_if_fail (PD_IS_DECISION_PAGE (self), NULL);

  return self->signature_text;
}

guint
pd_decision_page_get_n_audit_entries (PdDecisionPage *self)
{
  g_return_val_if_fail (PD_IS_DECISION_PAGE (self), 0);

  return self->n_audit_entries;
}

static void
pd_decision_page_dispose (GObject *object)
{
  PdDecisionPage *self = PD_DECISION_PAGE (object);

  g_clear_object (&self->decision);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_DECISION_PAGE);

  G_OBJECT_CLASS (pd_decision_page_parent_class)->dispose (object);
}

static void
pd_decision_page_finalize (GObject *object)
{
  PdDecisionPage *self = PD_DECISION_PAGE (object);

  g_free (self->signature_text);

  G_OBJECT_CLASS (pd_decision_page_parent_class)->finalize (object);
}

static void
pd_decision_page_class_init (PdDecisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_decision_page_dispose;
  object_class->finalize = pd_decision_page_finalize;

  /* The id of a record of the supersession history the user opened. */
  signals[SIGNAL_DECISION_ACTIVATED] =
    g_signal_new ("decision-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/decisions/pd-decision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdDecisionPage, content);
}

static void
pd_decision_page_init (PdDecisionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
