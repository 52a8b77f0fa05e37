/* pd-referral-write.c: saving a referral, its form and its workflow
 *
 * Every write checks the whole form first (pd-referral-validate.c), so a
 * save that fails has written nothing. Edits check the version the form
 * was loaded at: two people editing one referral never silently overwrite
 * each other.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "pd-database-private.h"
#include "pd-referral-field.h"
#include "pd-referral.h"

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Takes @sequence of @year as given: free, and the counter moves past it. */
static gboolean
claim_sequence (PdDatabase  *db,
                const char  *reference,
                int          year,
                gint64       sequence,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db, "SELECT 1 FROM referrals WHERE year = ?1 AND sequence = ?2;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, sequence);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The reference %s is already in the database."), reference);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  stmt = _pd_database_prepare (db,
                               "INSERT INTO reference_counters (year, last) VALUES (?1, ?2) "
                               "ON CONFLICT (year) DO UPDATE SET last = max (last, excluded.last);",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, sequence);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  return TRUE;
}

/* The next number of @year; counters only grow, so a number is never reused. */
static gint64
next_sequence (PdDatabase  *db,
               int          year,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 sequence = 0;
  int rc;

  stmt = _pd_database_prepare (db,
                               "INSERT INTO reference_counters (year, last) VALUES (?1, 1) "
                               "ON CONFLICT (year) DO UPDATE SET last = last + 1 "
                               "RETURNING last;",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sequence = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);
  return sequence;
}


/* Statement text for the form's single answers, from the field table. */
static const char *
details_update_sql (void)
{
  static char *sql;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GString *text = g_string_new ("UPDATE referrals SET ");
      const PdReferralField *fields;
      guint n_fields;

      fields = pd_referral_fields_get (&n_fields);
      for (guint i = 0; i < n_fields; i++)
        /* A field the form leaves out (NULL) keeps its stored value. */
        g_string_append_printf (text, "%s\"%s\" = coalesce(?%u, \"%s\")",
                                i == 0 ? "" : ", ", fields[i].key, i + 2, fields[i].key);
      g_string_append (text, " WHERE id = ?1;");
      sql = g_string_free (text, FALSE);
      g_once_init_leave (&once, 1);
    }
  return sql;
}

static gboolean
write_details (PdDatabase  *db,
               gint64       id,
               GHashTable  *details,
               GError     **error)
{
  const PdReferralField *fields;
  sqlite3_stmt *stmt;
  guint n_fields;
  int rc;

  if (details == NULL)
    return TRUE;

  stmt = _pd_database_prepare (db, details_update_sql (), error);
  if (stmt == NULL)
    return FALSE;
  fields = pd_referral_fields_get (&n_fields);
  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < n_fields; i++)
    _pd_bind_text (stmt, i + 2, g_hash_table_lookup (details, fields[i].key));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _pd_database_fail (db, rc, error);
}

/* Runs @sql with ?1 = @id and the texts that follow (NULL-terminated). */
static gboolean
run (PdDatabase  *db,
     GError     **error,
     const char  *sql,
     gint64       id,
     ...)
{
  sqlite3_stmt *stmt = _pd_database_prepare (db, sql, error);
  va_list args;
  const char *text;
  int index = 2, rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  va_start (args, id);
  while ((text = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, index++, text, -1, SQLITE_TRANSIENT);
  va_end (args);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _pd_database_fail (db, rc, error);
}

static gboolean
write_facts (PdDatabase             *db,
             gint64                  id,
             const PdCriteriaFacts  *facts,
             GError                **error)
{
  if (facts == NULL)
    return TRUE;
  if (!run (db, error, "DELETE FROM referral_facts WHERE referral_id = ?1;", id, NULL))
    return FALSE;
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      PdFact value = pd_criteria_facts_get (facts, i);

      if (value != PD_FACT_UNKNOWN &&
          !run (db, error, "INSERT INTO referral_facts (referral_id, key, value) VALUES (?1, ?2, ?3);", id,
                pd_criteria_fact_get_key (i), pd_fact_to_string (value), NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_dates (PdDatabase  *db,
             gint64       id,
             GHashTable  *dates,
             GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (dates == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, dates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean ok = is_set (value)
        ? run (db, error,
               "INSERT INTO referral_dates (referral_id, key, date) VALUES (?1, ?2, ?3) "
               "ON CONFLICT DO UPDATE SET date = excluded.date;", id, key, value, NULL)
        : run (db, error, "DELETE FROM referral_dates WHERE referral_id = ?1 AND key = ?2;", id, key, NULL);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_members (PdDatabase  *db,
               gint64       id,
               GPtrArray   *members,
               GError     **error)
{
  if (members == NULL)
    return TRUE;
  if (!run (db, error, "DELETE FROM referral_members WHERE referral_id = ?1;", id, NULL))
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      PdReferralMember *member = g_ptr_array_index (members, i);
      g_autofree char *position = g_strdup_printf ("%u", i);

      if (!run (db, error,
                "INSERT INTO referral_members (referral_id, position, name, relationship, legal_status) "
                "VALUES (?1, CAST(?2 AS INTEGER), ?3, ?4, ?5);", id,
                position, member->name ? member->name : "", member->relationship ? member->relationship : "",
                member->legal_status ? member->legal_status : "", NULL))
        return FALSE;
    }
  return TRUE;
}

/* The 10 working days of the "agency_information" target, or its own. */
static void
fill_due_date (PdReferralAgency *agency,
               PdCalendar       *calendar,
               const GArray     *targets)
{
  guint amount = 10;
  GDate requested, due;

  if (!is_set (agency->requested_on) || is_set (agency->due_on) ||
      !pd_calendar_parse_date (agency->requested_on, &requested))
    return;
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const PdLocalTarget *target = &g_array_index (targets, PdLocalTarget, i);

      if (target->start == PD_KEY_DATE_INFORMATION_REQUESTED && target->unit == PD_CLOCK_UNIT_WORKING_DAYS)
        amount = target->amount;
    }
  pd_calendar_add_working_days (calendar, &requested, amount, &due);
  g_free (agency->due_on);
  agency->due_on = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&due),
                                    g_date_get_month (&due), g_date_get_day (&due));
}

static gboolean
write_agencies (PdDatabase  *db,
                gint64       id,
                GPtrArray   *agencies,
                PdCalendar  *calendar,
                GArray      *targets,
                GError     **error)
{
  if (agencies == NULL)
    return TRUE;
  if (!run (db, error, "DELETE FROM referral_agencies WHERE referral_id = ?1;", id, NULL))
    return FALSE;
  for (guint i = 0; i < agencies->len; i++)
    {
      g_autoptr(PdReferralAgency) agency = pd_referral_agency_copy (g_ptr_array_index (agencies, i));
      g_autofree char *position = g_strdup_printf ("%u", i);

      fill_due_date (agency, calendar, targets);
      if (!run (db, error,
                "INSERT INTO referral_agencies (referral_id, position, agency, contact, still_involved, "
                "  requested_on, due_on, received_on) "
                "VALUES (?1, CAST(?2 AS INTEGER), ?3, ?4, ?5, ?6, ?7, ?8);", id,
                position, agency->agency, agency->contact, agency->still_involved,
                agency->requested_on, agency->due_on, agency->received_on, NULL))
        return FALSE;
    }

  /* The agencies' requests date the information clock, unless the form
   * already has: the first request starts it, the last answer stops it
   * once every agency asked has answered. */
  return run (db, error,
              "INSERT OR IGNORE INTO referral_dates (referral_id, key, date) "
              "SELECT ?1, 'information_requested', min(requested_on) FROM referral_agencies "
              "WHERE referral_id = ?1 AND requested_on <> '' HAVING count(*) > 0;", id, NULL) &&
         run (db, error,
              "INSERT OR IGNORE INTO referral_dates (referral_id, key, date) "
              "SELECT ?1, 'information_received', max(received_on) FROM referral_agencies "
              "WHERE referral_id = ?1 AND requested_on <> '' "
              "HAVING count(*) > 0 AND count(*) = count(nullif(received_on, ''));", id, NULL);
}

static PdCalendar *
shared_calendar (void)
{
  static PdCalendar *calendar;
  static gsize once;

  /* The bank holidays are the same for every referral: read them once. */
  if (g_once_init_enter (&once))
    {
      calendar = pd_calendar_new ();
      g_once_init_leave (&once, 1);
    }
  return calendar;
}

/* The next deadline the list sorts and filters by: the first open clock's
 * due date, or an agency's answer due sooner. */
static gboolean
refresh_next_deadline (PdDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(PdReferral) referral = pd_referral_load_record (db, id, error);
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GPtrArray) clocks = NULL;
  g_autofree char *next = NULL;
  const PdClock *clock;
  GPtrArray *agencies;
  GDate today;

  if (referral == NULL)
    return FALSE;
  targets = pd_referral_load_local_targets (db, error);
  if (targets == NULL)
    return FALSE;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  clocks = pd_referral_compute_clocks (referral, shared_calendar (), targets, &today);
  clock = pd_clocks_get_next_deadline (clocks);
  if (clock != NULL)
    next = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&clock->due),
                            g_date_get_month (&clock->due), g_date_get_day (&clock->due));

  agencies = pd_referral_get_agencies (referral);
  for (guint i = 0; i < agencies->len; i++)
    {
      PdReferralAgency *agency = g_ptr_array_index (agencies, i);

      if (is_set (agency->due_on) && !is_set (agency->received_on) &&
          (next == NULL || strcmp (agency->due_on, next) < 0))
        {
          g_free (next);
          next = g_strdup (agency->due_on);
        }
    }

  /* Closed and decided referrals have no deadline of the business unit's. */
  if (g_strcmp0 (pd_referral_get_status (referral), "closed") == 0)
    g_clear_pointer (&next, g_free);

  /* With no deadline, ?2 is left unbound: NULL. */
  return run (db, error, "UPDATE referrals SET next_deadline = ?2 WHERE id = ?1;", id, next, NULL);
}

static gboolean
add_history (PdTransaction  *tx,
             gint64          id,
             const char     *status,
             const char     *on_date,
             const char     *note,
             GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();

  return run (db, error,
              "INSERT INTO referral_status_history (referral_id, status, on_date, note, login_name, recorded_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6);", id,
              status, on_date, note != NULL ? note : "", pd_database_get_login_name (db), now, NULL);
}

static gboolean
write_children (PdTransaction           *tx,
                gint64                   id,
                const PdReferralFields  *fields,
                GError                 **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(GArray) targets = pd_referral_load_local_targets (db, error);

  return targets != NULL &&
         write_details (db, id, fields->details, error) &&
         write_facts (db, id, fields->facts, error) &&
         write_dates (db, id, fields->dates, error) &&
         write_members (db, id, fields->members, error) &&
         write_agencies (db, id, fields->agencies, shared_calendar (), targets, error);
}

char *
pd_referral_dup_json (PdDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  g_autofree char *row = _pd_database_row_json (db, "referrals", id, error);
  sqlite3_stmt *stmt;
  char *json = NULL;
  int rc;

  if (row == NULL)
    return NULL;

  stmt = _pd_database_prepare (db,
    "SELECT json_set (?2,"
    " '$.facts', json ((SELECT json_group_object (key, value) FROM referral_facts WHERE referral_id = ?1)),"
    " '$.dates', json ((SELECT json_group_object (key, date) FROM referral_dates WHERE referral_id = ?1)),"
    " '$.members', json ((SELECT json_group_array (json_object ('name', name, 'relationship', relationship,"
    "                       'legal_status', legal_status))"
    "                     FROM (SELECT * FROM referral_members WHERE referral_id = ?1 ORDER BY position))),"
    " '$.agencies', json ((SELECT json_group_array (json_object ('agency', agency, 'contact', contact,"
    "                       'still_involved', still_involved, 'requested_on', requested_on,"
    "                       'due_on', due_on, 'received_on', received_on))"
    "                     FROM (SELECT * FROM referral_agencies WHERE referral_id = ?1 ORDER BY position))),"
    " '$.timeline', json ((SELECT json_group_array (json_object ('status', status, 'on_date', on_date,"
    "                       'note', note, 'by', login_name))"
    "                     FROM (SELECT * FROM referral_status_history WHERE referral_id = ?1"
    "                           ORDER BY on_date, id))));",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, row, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    json = _pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);
  return json;
}

gint64
pd_referral_insert (PdTransaction           *tx,
                    const PdReferralFields  *fields,
                    char                   **out_reference,
                    GError                 **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *framework = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 sequence, id;
  int year, rc;

  g_return_val_if_fail (fields != NULL, 0);

  if (!pd_referral_fields_validate (fields, NULL, error))
    return 0;

  if (is_set (fields->reference))
    {
      if (!pd_reference_parse (fields->reference, &year, &sequence))
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("“%s” is not a reference; references are written like PRP-2026-014."),
                       fields->reference);
          return 0;
        }
      if (!claim_sequence (db, fields->reference, year, sequence, error))
        return 0;
    }
  else
    {
      year = g_ascii_strtoll (fields->date_received, NULL, 10);
      sequence = next_sequence (db, year, error);
      if (sequence == 0)
        return 0;
    }
  reference = g_strdup_printf ("PRP-%04d-%03" G_GINT64_FORMAT, year, sequence);
  framework = fields->framework ? g_strdup (fields->framework)
                                : pd_database_dup_setting (db, "framework", "england-2018");

  stmt = _pd_database_prepare (db,
                               "INSERT INTO referrals (reference, year, sequence, pseudonym, child_name, "
                               "  date_received, date_of_incident, referrer_name, referrer_agency, status, "
                               "  framework, next_deadline, narrative, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, sequence);
  sqlite3_bind_text (stmt, 4, fields->pseudonym, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields->child_name ? fields->child_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, fields->date_received, -1, SQLITE_STATIC);
  _pd_bind_text (stmt, 7, is_set (fields->date_of_incident) ? fields->date_of_incident : NULL);
  sqlite3_bind_text (stmt, 8, fields->referrer_name ? fields->referrer_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, fields->referrer_agency ? fields->referrer_agency : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, fields->status ? fields->status : "received", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, framework, -1, SQLITE_STATIC);
  _pd_bind_text (stmt, 12, is_set (fields->next_deadline) ? fields->next_deadline : NULL);
  sqlite3_bind_text (stmt, 13, fields->narrative ? fields->narrative : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));

  if (!write_children (tx, id, fields, error) ||
      !add_history (tx, id, "received", fields->date_received, NULL, error))
    return 0;
  if (fields->status != NULL && strcmp (fields->status, "received") != 0)
    {
      /* A referral entered part-way through (an import): its step so far,
       * dated on the only date known, and said to be so. */
      if (!add_history (tx, id, fields->status, fields->date_received,
                        _("Entered at this status; earlier steps were not recorded"), error))
        return 0;
    }
  /* A deadline given (an import, the demo) is kept; otherwise the clocks set it. */
  if (!is_set (fields->next_deadline) && !refresh_next_deadline (db, id, error))
    return 0;

  after = pd_referral_dup_json (db, id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "referral", id, "create", NULL, after, error))
    return 0;

  if (out_reference != NULL)
    *out_reference = g_steal_pointer (&reference);
  return id;
}

static gboolean
check_version (PdDatabase  *db,
               gint64       id,
               gint64       expected_version,
               GError     **error)
{
  g_autoptr(PdReferral) current = pd_referral_load (db, id, error);

  if (current == NULL)
    return FALSE;
  if (pd_referral_get_version (current) != expected_version)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_CONFLICT,
                   _("Someone else saved %s while you were editing it. Your changes are still in the form: "
                     "copy what you need, then reopen the referral to see theirs."),
                   pd_referral_get_reference (current));
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_referral_update (PdTransaction           *tx,
                    gint64                   id,
                    gint64                   expected_version,
                    const PdReferralFields  *fields,
                    GError                 **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (fields != NULL, FALSE);

  if (!pd_referral_fields_validate (fields, NULL, error) ||
      !check_version (db, id, expected_version, error))
    return FALSE;

  before = pd_referral_dup_json (db, id, error);
  if (before == NULL)
    return FALSE;

  if (!run (db, error,
            "UPDATE referrals SET pseudonym = ?2, child_name = ?3, date_received = ?4, "
            "  date_of_incident = nullif(?5, ''), referrer_name = ?6, referrer_agency = ?7, "
            "  narrative = ?8, framework = coalesce(nullif(?9, ''), framework), updated_at = ?10, "
            "  version = version + 1 "
            "WHERE id = ?1;", id,
            fields->pseudonym, fields->child_name ? fields->child_name : "", fields->date_received,
            fields->date_of_incident ? fields->date_of_incident : "",
            fields->referrer_name ? fields->referrer_name : "",
            fields->referrer_agency ? fields->referrer_agency : "",
            fields->narrative ? fields->narrative : "", fields->framework ? fields->framework : "", now, NULL) ||
      !write_children (tx, id, fields, error) ||
      !refresh_next_deadline (db, id, error))
    return FALSE;

  after = pd_referral_dup_json (db, id, error);
  return after != NULL && pd_transaction_audit (tx, "referral", id, "update", before, after, error);
}

/* The key date a step of the workflow dates, if the form has not. */
static const char *
status_key_date (const char *status)
{
  if (g_strcmp0 (status, "information_requested") == 0)
    return "information_requested";
  if (g_strcmp0 (status, "on_agenda") == 0)
    return "meeting_date";
  if (g_strcmp0 (status, "recommendation_made") == 0)
    return "recommendation_sent";
  if (g_strcmp0 (status, "decision_made") == 0 || g_strcmp0 (status, "review_commissioned") == 0 ||
      g_strcmp0 (status, "no_review") == 0)
    return "decision";
  return NULL;
}

gboolean
pd_referral_set_status (PdTransaction  *tx,
                        gint64          id,
                        const char     *status,
                        const char     *on_date,
                        const char     *note,
                        GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdReferral) current = NULL;
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *today = today_iso ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *key_date;

  if (!pd_referral_status_is_valid (status))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("“%s” is not a status of a referral, such as “received” or “closed”."), status);
      return FALSE;
    }
  if (!pd_date_is_valid (on_date))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The date of the step must be a real date, written as 2026-03-31."));
      return FALSE;
    }
  if (strcmp (on_date, today) > 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("The date of the step is in the future."));
      return FALSE;
    }

  current = pd_referral_load (db, id, error);
  if (current == NULL)
    return FALSE;
  if (strcmp (on_date, pd_referral_get_date_received (current)) < 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The date of the step is before the referral was received."));
      return FALSE;
    }

  before = pd_referral_dup_json (db, id, error);
  key_date = status_key_date (status);
  if (before == NULL ||
      !run (db, error, "UPDATE referrals SET status = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1;",
            id, status, now, NULL) ||
      !add_history (tx, id, status, on_date, note, error) ||
      (key_date != NULL &&
       !run (db, error, "INSERT OR IGNORE INTO referral_dates (referral_id, key, date) VALUES (?1, ?2, ?3);",
             id, key_date, on_date, NULL)) ||
      !refresh_next_deadline (db, id, error))
    return FALSE;

  after = pd_referral_dup_json (db, id, error);
  return after != NULL && pd_transaction_audit (tx, "referral", id, "status", before, after, error);
}
