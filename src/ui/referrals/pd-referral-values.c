/* pd-referral-values.c: a referral as the form's inputs hold it, as text */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-referral-values.h"

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
put (GHashTable *values,
     const char *key,
     const char *text)
{
  g_hash_table_insert (values, g_strdup (key), g_strdup (text != NULL ? text : ""));
}

/* Parts joined by " · ", the empty ones left out. */
static void
append_line (GString           *text,
             const char *const *parts)
{
  gboolean first = TRUE;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (!first)
        g_string_append (text, " · ");
      g_string_append (text, parts[i]);
      first = FALSE;
    }
}

char *
pd_referral_values_members_text (GPtrArray *members)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < members->len; i++)
    {
      PdReferralMember *member = g_ptr_array_index (members, i);
      const char *parts[] = { or_empty (member->name), or_empty (member->relationship),
                              or_empty (member->legal_status), NULL };

      append_line (text, parts);
    }
  return g_string_free (text, FALSE);
}

char *
pd_referral_values_agencies_text (GPtrArray *agencies)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < agencies->len; i++)
    {
      PdReferralAgency *agency = g_ptr_array_index (agencies, i);
      g_autofree char *involved = NULL, *requested = NULL, *due = NULL, *received = NULL;

      const char *requested_on = or_empty (agency->requested_on);
      const char *due_on = or_empty (agency->due_on);
      const char *received_on = or_empty (agency->received_on);

      if (g_strcmp0 (agency->still_involved, "yes") == 0)
        involved = g_strdup (_("still involved"));
      else if (g_strcmp0 (agency->still_involved, "no") == 0)
        involved = g_strdup (_("no longer involved"));
      /* Translators: %s is a date, 2026-03-31 */
      requested = *requested_on ? g_strdup_printf (_("requested %s"), requested_on) : g_strdup ("");
      /* Translators: %s is a date, 2026-03-31 */
      due = *due_on ? g_strdup_printf (_("due %s"), due_on) : g_strdup ("");
      /* Translators: %s is a date, 2026-03-31 */
      received = *received_on ? g_strdup_printf (_("received %s"), received_on) : g_strdup ("");
      {
        const char *parts[] = { or_empty (agency->agency), or_empty (agency->contact), or_empty (involved),
                                requested, due, received, NULL };

        append_line (text, parts);
      }
    }
  return g_string_free (text, FALSE);
}

GHashTable *
pd_referral_values_new (PdReferral *referral)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const PdCriteriaFacts *facts = pd_referral_get_facts (referral);
  const PdReferralField *fields;
  const char *const *date_keys;
  guint n_fields;

  g_return_val_if_fail (PD_IS_REFERRAL (referral), values);

  put (values, "pseudonym", pd_referral_get_pseudonym (referral));
  put (values, "child_name", pd_referral_get_child_name (referral));
  put (values, "date_received", pd_referral_get_date_received (referral));
  put (values, "date_of_incident", pd_referral_get_date_of_incident (referral));
  put (values, "referrer_name", pd_referral_get_referrer_name (referral));
  put (values, "referrer_agency", pd_referral_get_referrer_agency (referral));
  put (values, "narrative", pd_referral_get_narrative (referral));
  put (values, "framework", pd_referral_get_framework (referral));

  fields = pd_referral_fields_get (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    put (values, fields[i].key, pd_referral_get_detail (referral, fields[i].key));
  date_keys = pd_referral_date_keys ();
  for (guint i = 0; date_keys[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("date_", date_keys[i], NULL);

      put (values, key, pd_referral_get_date (referral, date_keys[i]));
    }
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      g_autofree char *key = g_strconcat ("fact_", pd_criteria_fact_get_key (i), NULL);
      PdFact fact = pd_criteria_facts_get (facts, i);

      put (values, key, fact == PD_FACT_UNKNOWN ? "" : pd_fact_to_string (fact));
    }
  g_hash_table_insert (values, g_strdup ("members"),
                       pd_referral_values_members_text (pd_referral_get_members (referral)));
  g_hash_table_insert (values, g_strdup ("agencies"),
                       pd_referral_values_agencies_text (pd_referral_get_agencies (referral)));
  return values;
}
