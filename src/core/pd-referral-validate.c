/* pd-referral-validate.c: checking a whole referral form before it is saved
 *
 * Every write checks the whole form first, so a save that fails has
 * written nothing and the form can say which field is at fault: the check
 * names it (pd_referral_fields_validate()'s @out_key).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-referral-field.h"
#include "pd-referral.h"

/* Beyond these, a paste went wrong: the form says so rather than storing it. */
#define MAX_LINE_CHARS  1000
#define MAX_TEXT_CHARS  (64 * 1024)

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
fail_at (const char  *key,
         const char **out_key,
         GError     **error,
         char        *message)
{
  if (out_key != NULL)
    *out_key = key;
  g_set_error_literal (error, PD_ERROR, PD_ERROR_INVALID, message);
  g_free (message);
  return FALSE;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
check_length (const char  *key,
              const char  *label,
              const char  *text,
              glong        max,
              const char **out_key,
              GError     **error)
{
  if (text != NULL && g_utf8_strlen (text, -1) > max)
    /* Translators: a field and its limit: "Job title is longer than 1000 characters; ..." */
    return fail_at (key, out_key, error,
                    g_strdup_printf (_("%s is longer than %ld characters; a paste may have gone wrong."),
                                     label, max));
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return fail_at (key, out_key, error,
                    g_strdup_printf (_("%s is not valid text."), label));
  return TRUE;
}

static gboolean
validate_agencies (GPtrArray   *agencies,
                   const char **out_key,
                   GError     **error)
{
  for (guint i = 0; agencies != NULL && i < agencies->len; i++)
    {
      PdReferralAgency *agency = g_ptr_array_index (agencies, i);
      const char *dates[] = { agency->requested_on, agency->due_on, agency->received_on };

      if (_pd_is_blank (agency->agency))
        return fail_at ("agencies", out_key, error,
                        g_strdup_printf (_("Agency %u has no name."), i + 1));
      if (!check_length ("agencies", _("An agency"), agency->agency, MAX_LINE_CHARS, out_key, error) ||
          !check_length ("agencies", _("An agency’s contact"), agency->contact, MAX_LINE_CHARS, out_key, error))
        return FALSE;
      if (is_set (agency->still_involved) &&
          g_strcmp0 (agency->still_involved, "yes") != 0 && g_strcmp0 (agency->still_involved, "no") != 0)
        return fail_at ("agencies", out_key, error,
                        g_strdup_printf (_("Whether %s is still involved must be yes, no or left empty."),
                                         agency->agency));
      for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
        if (is_set (dates[d]) && !pd_date_is_valid (dates[d]))
          return fail_at ("agencies", out_key, error,
                          g_strdup_printf (_("The dates of %s’s request must be real dates, written as 2026-03-31."),
                                           agency->agency));
      if (is_set (agency->received_on) && is_set (agency->requested_on) &&
          strcmp (agency->received_on, agency->requested_on) < 0)
        return fail_at ("agencies", out_key, error,
                        g_strdup_printf (_("%s’s information is dated before it was requested."), agency->agency));
    }
  return TRUE;
}

gboolean
pd_referral_fields_validate (const PdReferralFields  *fields,
                             const char             **out_key,
                             GError                 **error)
{
  g_autofree char *today = today_iso ();
  const PdReferralField *table;
  guint n_fields;
  PdFramework framework_id;

  g_return_val_if_fail (fields != NULL, FALSE);

  if (out_key != NULL)
    *out_key = NULL;

  if (_pd_is_blank (fields->pseudonym))
    return fail_at ("pseudonym", out_key, error,
                    g_strdup (_("A referral needs a pseudonym for the child, such as “Child A”.")));
  if (!check_length ("pseudonym", _("The pseudonym"), fields->pseudonym, MAX_LINE_CHARS, out_key, error) ||
      !check_length ("child_name", _("The child’s name"), fields->child_name, MAX_LINE_CHARS, out_key, error) ||
      !check_length ("referrer_name", _("The referrer’s name"), fields->referrer_name, MAX_LINE_CHARS, out_key, error) ||
      !check_length ("referrer_agency", _("The referrer’s agency"), fields->referrer_agency, MAX_LINE_CHARS, out_key, error) ||
      !check_length ("narrative", _("The narrative"), fields->narrative, MAX_TEXT_CHARS, out_key, error))
    return FALSE;

  if (!pd_date_is_valid (fields->date_received))
    return fail_at ("date_received", out_key, error,
                    g_strdup (_("The date received must be a real date, written as 2026-03-31.")));
  if (strcmp (fields->date_received, today) > 0)
    return fail_at ("date_received", out_key, error, g_strdup (_("The date received is in the future.")));
  if (is_set (fields->date_of_incident) && !pd_date_is_valid (fields->date_of_incident))
    return fail_at ("date_of_incident", out_key, error,
                    g_strdup (_("The date of the incident must be a real date, written as 2026-03-31.")));
  if (is_set (fields->date_of_incident) && strcmp (fields->date_of_incident, fields->date_received) > 0)
    return fail_at ("date_of_incident", out_key, error,
                    g_strdup (_("The date of the incident is after the date the referral was received.")));
  if (fields->status != NULL && !pd_referral_status_is_valid (fields->status))
    return fail_at ("status", out_key, error,
                    g_strdup_printf (_("“%s” is not a status of a referral, such as “received” or “closed”."),
                                     fields->status));
  if (fields->framework != NULL && !pd_framework_from_string (fields->framework, &framework_id))
    return fail_at ("framework", out_key, error,
                    g_strdup_printf (_("“%s” is not a framework; use england-2015, england-2018 or wales."),
                                     fields->framework));
  if (is_set (fields->next_deadline) && !pd_date_is_valid (fields->next_deadline))
    return fail_at ("next_deadline", out_key, error,
                    g_strdup (_("The next deadline must be a real date, written as 2026-03-31.")));

  table = pd_referral_fields_get (&n_fields);
  for (guint i = 0; fields->details != NULL && i < n_fields; i++)
    {
      const char *value = g_hash_table_lookup (fields->details, table[i].key);
      char *problem = pd_referral_field_check (&table[i], value);

      if (problem != NULL)
        return fail_at (table[i].key, out_key, error, problem);
      if (!check_length (table[i].key, _(table[i].label), value,
                         table[i].kind == PD_FIELD_LONG_TEXT ? MAX_TEXT_CHARS : MAX_LINE_CHARS,
                         out_key, error))
        return FALSE;
    }
  if (fields->details != NULL)
    {
      const char *birth = g_hash_table_lookup (fields->details, "child_date_of_birth");
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, fields->details);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (pd_referral_field_lookup (key) == NULL)
          return fail_at (key, out_key, error,
                          g_strdup_printf (_("“%s” is not a field of a referral."), (const char *) key));
      if (is_set (birth) && strcmp (birth, today) > 0)
        return fail_at ("child_date_of_birth", out_key, error,
                        g_strdup (_("The date of birth is in the future.")));
      if (is_set (birth) && is_set (fields->date_of_incident) && strcmp (birth, fields->date_of_incident) > 0)
        return fail_at ("child_date_of_birth", out_key, error,
                        g_strdup (_("The date of birth is after the date of the incident.")));
    }

  if (fields->dates != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, fields->dates);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *label = pd_referral_date_get_label (key);

          if (label == NULL || !g_strv_contains (pd_referral_date_keys (), key))
            return fail_at (key, out_key, error,
                            g_strdup_printf (_("“%s” is not a date of a referral."), (const char *) key));
          if (is_set (value) && !pd_date_is_valid (value))
            /* Translators: %s is a key date, "Sent to the panel chair" */
            return fail_at (key, out_key, error,
                            g_strdup_printf (_("%s must be a real date, written as 2026-03-31."), label));
        }
    }

  for (guint i = 0; fields->members != NULL && i < fields->members->len; i++)
    {
      PdReferralMember *member = g_ptr_array_index (fields->members, i);

      if (_pd_is_blank (member->name) && _pd_is_blank (member->relationship))
        return fail_at ("members", out_key, error,
                        g_strdup_printf (_("Family member %u needs a name or a relationship."), i + 1));
      if (!check_length ("members", _("A family member"), member->name, MAX_LINE_CHARS, out_key, error) ||
          !check_length ("members", _("A relationship"), member->relationship, MAX_LINE_CHARS, out_key, error) ||
          !check_length ("members", _("A legal status"), member->legal_status, MAX_LINE_CHARS, out_key, error))
        return FALSE;
    }

  return validate_agencies (fields->agencies, out_key, error);
}

