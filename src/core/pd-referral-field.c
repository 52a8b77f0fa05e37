/* pd-referral-field.c: the single answers of the referral form, as a table */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-clocks.h"
#include "pd-referral.h"
#include "pd-referral-field.h"

static const char *const referred_for_choices[] = { "review", "learning", "good_practice", NULL };
static const char *const referred_for_labels[] = {
  N_("A review"), N_("Learning"), N_("Good practice"), NULL
};
static const char *const cp_plan_choices[] = { "none", "current", "previous", NULL };
static const char *const cp_plan_labels[] = {
  N_("Never"), N_("Current plan"), N_("Previous plan"), NULL
};
static const char *const cp_category_choices[] = {
  "neglect", "physical", "emotional", "sexual", "multiple", NULL
};
static const char *const cp_category_labels[] = {
  N_("Neglect"), N_("Physical abuse"), N_("Emotional abuse"), N_("Sexual abuse"),
  N_("Multiple categories"), NULL
};

/* Matches the columns of migration 0003, in the order the form asks them. */
static const PdReferralField fields[] = {
  { "referred_for", PD_SECTION_REFERRAL, PD_FIELD_CHOICE, N_("Referred for"),
    referred_for_choices, referred_for_labels },
  { "referrer_job_title", PD_SECTION_REFERRER, PD_FIELD_TEXT, N_("Job title") },
  { "referrer_contact", PD_SECTION_REFERRER, PD_FIELD_TEXT, N_("Contact details") },
  { "dsl_consulted", PD_SECTION_REFERRER, PD_FIELD_FACT, N_("Designated safeguarding lead consulted") },
  { "child_initials", PD_SECTION_CHILD, PD_FIELD_TEXT, N_("Initials") },
  { "child_date_of_birth", PD_SECTION_CHILD, PD_FIELD_DATE, N_("Date of birth") },
  { "child_age", PD_SECTION_CHILD, PD_FIELD_TEXT, N_("Age") },
  { "child_gender", PD_SECTION_CHILD, PD_FIELD_TEXT, N_("Gender") },
  { "child_ethnicity", PD_SECTION_CHILD, PD_FIELD_TEXT, N_("Ethnicity") },
  { "child_location", PD_SECTION_CHILD, PD_FIELD_TEXT, N_("Where the child was") },
  { "child_carer", PD_SECTION_CHILD, PD_FIELD_TEXT, N_("Who was caring for the child") },
  { "open_to_social_care", PD_SECTION_CHILD, PD_FIELD_FACT, N_("Open to children’s social care") },
  { "cp_plan", PD_SECTION_CHILD, PD_FIELD_CHOICE, N_("Child protection plan"),
    cp_plan_choices, cp_plan_labels },
  { "cp_plan_when", PD_SECTION_CHILD, PD_FIELD_TEXT, N_("When the plan was") },
  { "cp_plan_category", PD_SECTION_CHILD, PD_FIELD_CHOICE, N_("Category of the plan"),
    cp_category_choices, cp_category_labels },
  { "cp_plan_duration", PD_SECTION_CHILD, PD_FIELD_TEXT, N_("How long the plan lasted") },
  { "looked_after", PD_SECTION_CHILD, PD_FIELD_FACT, N_("Looked after") },
  { "referrer_criteria", PD_SECTION_CRITERIA, PD_FIELD_LONG_TEXT,
    N_("Criteria the referrer believes apply") },
  { "police_investigation", PD_SECTION_PROCEEDINGS, PD_FIELD_FACT, N_("Police investigation") },
  { "criminal_trial", PD_SECTION_PROCEEDINGS, PD_FIELD_FACT, N_("Criminal trial") },
  { "inquest", PD_SECTION_PROCEEDINGS, PD_FIELD_FACT, N_("Inquest") },
  { "family_court", PD_SECTION_PROCEEDINGS, PD_FIELD_FACT, N_("Family court proceedings") },
};

static const char *const date_keys[] = {
  "incident_known", "sent_to_chair", "notified", "information_requested", "agency_deadline",
  "information_received", "rapid_review_done", "meeting_date", "recommendation_sent",
  "decision", "national_panel_told", "review_started", "published", "unpublished", NULL
};

const PdReferralField *
pd_referral_fields_get (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

const PdReferralField *
pd_referral_field_lookup (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].key, key) == 0)
      return &fields[i];
  return NULL;
}

char *
pd_referral_field_check (const PdReferralField *field,
                         const char            *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || *value == '\0')
    return NULL;

  switch (field->kind)
    {
    case PD_FIELD_DATE:
      if (!pd_date_is_valid (value))
        /* Translators: %s is a field, "Date of birth" */
        return g_strdup_printf (_("%s must be a real date, written as 2026-03-31."), _(field->label));
      return NULL;

    case PD_FIELD_FACT:
      if (g_strcmp0 (value, "yes") != 0 && g_strcmp0 (value, "no") != 0)
        /* Translators: %s is a field, "Inquest" */
        return g_strdup_printf (_("%s must be yes, no or left empty."), _(field->label));
      return NULL;

    case PD_FIELD_CHOICE:
      if (!g_strv_contains (field->choices, value))
        {
          g_autofree char *choices = g_strjoinv (", ", (char **) field->choices);

          /* Translators: a field, the value given, and the values allowed */
          return g_strdup_printf (_("%s cannot be “%s”; use one of %s."), _(field->label), value, choices);
        }
      return NULL;

    case PD_FIELD_TEXT:
    case PD_FIELD_LONG_TEXT:
    default:
      return NULL;
    }
}

const char *
pd_referral_field_value_label (const PdReferralField *field,
                               const char            *value)
{
  g_return_val_if_fail (field != NULL, value);

  if (value == NULL)
    return "";
  if (field->kind == PD_FIELD_FACT)
    return g_strcmp0 (value, "yes") == 0 ? _("Yes") : g_strcmp0 (value, "no") == 0 ? _("No") : value;
  if (field->kind == PD_FIELD_CHOICE)
    for (guint i = 0; field->choices[i] != NULL; i++)
      if (g_strcmp0 (field->choices[i], value) == 0)
        return _(field->choice_labels[i]);
  return value;
}

const char *const *
pd_referral_date_keys (void)
{
  return date_keys;
}

const char *
pd_referral_date_get_label (const char *key)
{
  static const struct { const char *key; const char *label; } tracking[] = {
    { "sent_to_chair",       N_("Sent to the panel chair") },
    { "agency_deadline",     N_("Deadline for agencies") },
    { "meeting_date",        N_("Panel meeting") },
    { "recommendation_sent", N_("Recommendation sent to the chair") },
  };
  PdKeyDate key_date;

  if (pd_key_date_from_string (key, &key_date))
    return pd_key_date_get_label (key_date);
  for (guint i = 0; i < G_N_ELEMENTS (tracking); i++)
    if (g_strcmp0 (tracking[i].key, key) == 0)
      return _(tracking[i].label);
  return NULL;
}
