/* test-referral-record.c: the whole referral form, saved, edited and tracked
 *
 * A referral with every part of the form goes in and comes back as it
 * was; an edit is audited with before and after and refused when someone
 * else saved first; each step of the workflow is dated on the timeline;
 * the recorded facts drive the criteria check and the clocks.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-test-util.h"

typedef struct
{
  char       *dir;
  PdDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("panel-desk-test-record-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "record.paneldesk", NULL);
  fixture->db = pd_database_open (path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  const PdReferralFields *fields;
  gint64                  id;
  gint64                  version;
  const char             *status;
  const char             *on_date;
} Write;

static gboolean
insert_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  Write *write = user_data;

  write->id = pd_referral_insert (tx, write->fields, NULL, error);
  return write->id != 0;
}

static gboolean
update_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  Write *write = user_data;

  return pd_referral_update (tx, write->id, write->version, write->fields, error);
}

static gboolean
status_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  Write *write = user_data;

  return pd_referral_set_status (tx, write->id, write->status, write->on_date, "By the chair", error);
}

static GHashTable *
new_table (const char *first_key, ...)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  const char *key = first_key;
  va_list args;

  va_start (args, first_key);
  while (key != NULL)
    {
      g_hash_table_insert (table, (gpointer) key, va_arg (args, char *));
      key = va_arg (args, const char *);
    }
  va_end (args);
  return table;
}

/* A referral with every part filled in; returns its id. */
static gint64
insert_full (Fixture *fixture)
{
  g_autoptr(GHashTable) details = new_table ("referrer_job_title", "Designated nurse",
                                             "dsl_consulted", "yes",
                                             "child_date_of_birth", "2016-04-02",
                                             "child_ethnicity", "White British",
                                             "cp_plan", "previous",
                                             "cp_plan_category", "neglect",
                                             "inquest", "yes",
                                             "referrer_criteria", "Death; concerns about agencies 👶 تجربة",
                                             NULL);
  g_autoptr(GHashTable) dates = new_table ("sent_to_chair", "2026-03-04", "incident_known", "2026-02-27", NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_member_free);
  g_autoptr(GPtrArray) agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_agency_free);
  g_autoptr(GError) error = NULL;
  PdCriteriaFacts facts = { 0 };
  PdReferralAgency *police;
  PdReferralFields fields = {
    .pseudonym = "Child A", .child_name = "Jordan Smith", .date_received = "2026-03-02",
    .date_of_incident = "2026-02-26", .referrer_name = "Ruth Adeyemi", .referrer_agency = "Health",
    .narrative = "Found unresponsive at home.", .framework = "england-2015",
  };
  Write write = { &fields };

  pd_criteria_facts_set (&facts, PD_CRITERIA_FACT_ABUSE_OR_NEGLECT, PD_FACT_YES);
  pd_criteria_facts_set (&facts, PD_CRITERIA_FACT_CHILD_DIED, PD_FACT_YES);
  g_ptr_array_add (members, pd_referral_member_new ("Sam Smith", "Mother", "Parental responsibility"));
  g_ptr_array_add (members, pd_referral_member_new ("", "Mother's partner", ""));
  police = pd_referral_agency_new ("Police", "DS Khan");
  g_free (police->requested_on);
  police->requested_on = g_strdup ("2026-03-05");
  g_ptr_array_add (agencies, police);
  g_ptr_array_add (agencies, pd_referral_agency_new ("School", ""));

  fields.details = details;
  fields.dates = dates;
  fields.facts = &facts;
  fields.members = members;
  fields.agencies = agencies;
  pd_database_write (fixture->db, "New referral", insert_cb, &write, NULL, &error);
  g_assert_no_error (error);
  return write.id;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = insert_full (fixture);
  g_autoptr(PdReferral) referral = pd_referral_load_record (fixture->db, id, &error);
  g_autoptr(PdCriteriaResult) criteria = NULL;
  PdReferralAgency *agency;
  PdReferralMember *member;
  PdStatusChange *change;

  g_assert_no_error (error);
  g_assert_true (pd_referral_is_complete (referral));
  g_assert_cmpstr (pd_referral_get_child_name (referral), ==, "Jordan Smith");
  g_assert_cmpstr (pd_referral_get_detail (referral, "referrer_job_title"), ==, "Designated nurse");
  g_assert_cmpstr (pd_referral_get_detail (referral, "referrer_criteria"), ==,
                   "Death; concerns about agencies 👶 تجربة");
  g_assert_cmpstr (pd_referral_get_detail (referral, "child_gender"), ==, "");
  g_assert_cmpstr (pd_referral_get_date (referral, "sent_to_chair"), ==, "2026-03-04");
  /* The first agency request dates the information clock. */
  g_assert_cmpstr (pd_referral_get_date (referral, "information_requested"), ==, "2026-03-05");
  g_assert_null (pd_referral_get_date (referral, "information_received"));

  g_assert_cmpuint (pd_referral_get_members (referral)->len, ==, 2);
  member = g_ptr_array_index (pd_referral_get_members (referral), 1);
  g_assert_cmpstr (member->relationship, ==, "Mother's partner");

  g_assert_cmpuint (pd_referral_get_agencies (referral)->len, ==, 2);
  agency = g_ptr_array_index (pd_referral_get_agencies (referral), 0);
  g_assert_cmpstr (agency->agency, ==, "Police");
  /* 10 working days from Thursday 5 March 2026. */
  g_assert_cmpstr (agency->due_on, ==, "2026-03-19");
  agency = g_ptr_array_index (pd_referral_get_agencies (referral), 1);
  g_assert_cmpstr (agency->due_on, ==, "");

  g_assert_cmpuint (pd_referral_get_history (referral)->len, ==, 1);
  change = g_ptr_array_index (pd_referral_get_history (referral), 0);
  g_assert_cmpstr (change->status, ==, "received");
  g_assert_cmpstr (change->on_date, ==, "2026-03-02");

  /* Abuse suspected and the child died: the 2015 criteria are met. */
  criteria = pd_referral_check_criteria (referral);
  g_assert_cmpint (criteria->outcome, ==, PD_CRITERIA_MET);
  g_assert_cmpint (pd_criteria_facts_get (pd_referral_get_facts (referral), PD_CRITERIA_FACT_CHILD_DIED),
                   ==, PD_FACT_YES);
  g_assert_cmpint (pd_criteria_facts_get (pd_referral_get_facts (referral), PD_CRITERIA_FACT_SERIOUS_HARM),
                   ==, PD_FACT_UNKNOWN);

  /* The police's answer, due 19 March, is the next deadline the list shows. */
  g_assert_nonnull (pd_referral_get_next_deadline (referral));
  g_assert_cmpstr (pd_referral_get_next_deadline (referral), <=, "2026-03-19");
}

static void
test_json_and_audit (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = insert_full (fixture);
  g_autofree char *json = pd_referral_dup_json (fixture->db, id, &error);
  sqlite3 *handle = _pd_database_get_handle (fixture->db);
  g_autofree char *audit = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (json, "{"));
  g_assert_nonnull (strstr (json, "\"facts\":{\"abuse_or_neglect\":\"yes\",\"child_died\":\"yes\"}"));
  g_assert_nonnull (strstr (json, "\"relationship\":\"Mother's partner\""));
  g_assert_nonnull (strstr (json, "\"timeline\":[{\"status\":\"received\""));
  /* The create entry holds the whole record, family and facts included. */
  audit = pd_test_query_text (handle, "SELECT after_json FROM audit_log WHERE entity = 'referral' AND action = 'create';");
  g_assert_cmpstr (audit, ==, json);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT json_valid(after_json) FROM audit_log "
                                              "WHERE action = 'create';"), ==, 1);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = insert_full (fixture);
  g_autoptr(PdReferral) before = pd_referral_load_record (fixture->db, id, &error);
  g_autoptr(PdReferral) after = NULL;
  g_autoptr(GHashTable) details = new_table ("child_gender", "Female", "inquest", "", NULL);
  sqlite3 *handle = _pd_database_get_handle (fixture->db);
  g_autofree char *audit_before = NULL, *audit_after = NULL;
  PdReferralFields fields = {
    .pseudonym = "Child A", .child_name = "Jordan Smith", .date_received = "2026-03-02",
    .date_of_incident = "2026-02-26", .referrer_name = "Ruth Adeyemi", .referrer_agency = "Health",
    .narrative = "Found unresponsive at home; taken to hospital.", .details = details,
  };
  Write write = { &fields, id, pd_referral_get_version (before) };

  g_assert_no_error (error);
  pd_database_write (fixture->db, "Edit referral", update_cb, &write, NULL, &error);
  g_assert_no_error (error);

  after = pd_referral_load_record (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_referral_get_version (after), ==, pd_referral_get_version (before) + 1);
  g_assert_cmpstr (pd_referral_get_narrative (after), ==, "Found unresponsive at home; taken to hospital.");
  g_assert_cmpstr (pd_referral_get_detail (after, "child_gender"), ==, "Female");
  g_assert_cmpstr (pd_referral_get_detail (after, "inquest"), ==, "");
  /* Left out of the edit: unchanged. */
  g_assert_cmpstr (pd_referral_get_detail (after, "referrer_job_title"), ==, "Designated nurse");
  g_assert_cmpuint (pd_referral_get_members (after)->len, ==, 2);
  g_assert_cmpstr (pd_referral_get_framework (after), ==, "england-2015");

  audit_before = pd_test_query_text (handle, "SELECT json_extract(before_json, '$.narrative') FROM audit_log "
                                             "WHERE action = 'update';");
  audit_after = pd_test_query_text (handle, "SELECT json_extract(after_json, '$.narrative') FROM audit_log "
                                            "WHERE action = 'update';");
  g_assert_cmpstr (audit_before, ==, "Found unresponsive at home.");
  g_assert_cmpstr (audit_after, ==, "Found unresponsive at home; taken to hospital.");

  /* A second edit from the same, now stale, form is refused and writes nothing. */
  fields.narrative = "Overwritten";
  pd_database_write (fixture->db, "Edit referral", update_cb, &write, NULL, &error);
  g_assert_error (error, PD_ERROR, PD_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "PRP-2026-001"));
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals WHERE narrative = 'Overwritten';"),
                   ==, 0);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM audit_log WHERE action = 'update';"), ==, 1);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  user_data)
{
  struct { const char *key, *value, *at_fault; } cases[] = {
    { "child_date_of_birth", "2999-01-01", "child_date_of_birth" },
    { "child_date_of_birth", "2026-02-27", "child_date_of_birth" },    /* after the incident */
    { "child_date_of_birth", "2016-02-30", "child_date_of_birth" },
    { "inquest", "maybe", "inquest" },
    { "cp_plan", "forever", "cp_plan" },
    { "no_such_field", "x", "no_such_field" },
  };
  sqlite3 *handle = _pd_database_get_handle (fixture->db);
  g_autofree char *long_line = g_strnfill (100 * 1024, 'x');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) details = new_table (cases[i].key, cases[i].value, NULL);
      g_autoptr(GError) error = NULL;
      PdReferralFields fields = { .pseudonym = "Child B", .date_received = "2026-03-02",
                                  .date_of_incident = "2026-02-26", .details = details };
      Write write = { &fields };
      const char *at_fault = NULL;

      g_test_message ("case %u: %s = %s", i, cases[i].key, cases[i].value);
      g_assert_false (pd_referral_fields_validate (&fields, &at_fault, &error));
      g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
      g_assert_cmpstr (at_fault, ==, cases[i].at_fault);
      g_clear_error (&error);
      g_assert_false (pd_database_write (fixture->db, "New referral", insert_cb, &write, NULL, &error));
      g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
    }

  /* 100 KB pasted into a one-line field is refused with a reason, not stored. */
  {
    g_autoptr(GError) error = NULL;
    PdReferralFields fields = { .pseudonym = long_line, .date_received = "2026-03-02" };
    const char *at_fault = NULL;

    g_assert_false (pd_referral_fields_validate (&fields, &at_fault, &error));
    g_assert_cmpstr (at_fault, ==, "pseudonym");
    g_assert_nonnull (strstr (error->message, "longer than"));
  }
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals;"), ==, 0);
}

static void
test_status_timeline (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = insert_full (fixture);
  g_autoptr(PdReferral) referral = NULL;
  sqlite3 *handle = _pd_database_get_handle (fixture->db);
  static const struct { const char *status, *on_date; } steps[] = {
    { "information_requested", "2026-03-05" },
    { "on_agenda", "2026-03-20" },
    { "recommendation_made", "2026-03-20" },
    { "decision_made", "2026-03-24" },
    { "review_commissioned", "2026-03-30" },
  };
  Write write = { .id = id };
  GPtrArray *history;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      write.status = steps[i].status;
      write.on_date = steps[i].on_date;
      pd_database_write (fixture->db, "Status", status_cb, &write, NULL, &error);
      g_assert_no_error (error);
    }

  /* Before the referral was received, in the future, or no status at all: refused. */
  write.status = "closed";
  write.on_date = "2026-03-01";
  g_assert_false (pd_database_write (fixture->db, "Status", status_cb, &write, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  write.on_date = "2999-03-01";
  g_assert_false (pd_database_write (fixture->db, "Status", status_cb, &write, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  write.status = "lost";
  write.on_date = "2026-04-01";
  g_assert_false (pd_database_write (fixture->db, "Status", status_cb, &write, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  referral = pd_referral_load_record (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_referral_get_status (referral), ==, "review_commissioned");
  history = pd_referral_get_history (referral);
  g_assert_cmpuint (history->len, ==, 1 + G_N_ELEMENTS (steps));
  g_assert_cmpstr (((PdStatusChange *) g_ptr_array_index (history, 4))->status, ==, "decision_made");
  g_assert_cmpstr (((PdStatusChange *) g_ptr_array_index (history, 4))->note, ==, "By the chair");
  /* The decision step dates the decision's key date, which stops its clock. */
  g_assert_cmpstr (pd_referral_get_date (referral, "decision"), ==, "2026-03-24");
  g_assert_cmpstr (pd_referral_get_date (referral, "meeting_date"), ==, "2026-03-20");
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM audit_log WHERE action = 'status';"),
                   ==, G_N_ELEMENTS (steps));
}

static gboolean
set_target_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  return pd_transaction_set_setting (tx, "local_target.agency_information",
                                     "information_requested information_received 5 working-days Agency reports",
                                     error);
}

/* A board's own target replaces the usual 10 working days. */
static void
test_local_targets (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(PdReferral) referral = NULL;
  gint64 id;

  pd_database_write (fixture->db, "Target", set_target_cb, NULL, NULL, &error);
  g_assert_no_error (error);
  targets = pd_referral_load_local_targets (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 1);
  g_assert_cmpstr (g_array_index (targets, PdLocalTarget, 0).name, ==, "Agency reports");

  id = insert_full (fixture);
  referral = pd_referral_load_record (fixture->db, id, &error);
  g_assert_no_error (error);
  /* 5 working days from Thursday 5 March 2026. */
  g_assert_cmpstr (((PdReferralAgency *) g_ptr_array_index (pd_referral_get_agencies (referral), 0))->due_on,
                   ==, "2026-03-12");
}

#define N_EACH 40

static gpointer
writer_thread (gpointer user_data)
{
  const char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = pd_database_open (path, PD_OPEN_SKIP_QUICK_CHECK, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < N_EACH; i++)
    {
      PdReferralFields fields = { .pseudonym = "Child T", .date_received = "2026-05-05" };
      Write write = { &fields };

      pd_database_write (db, "New referral", insert_cb, &write, NULL, &error);
      g_assert_no_error (error);
    }
  return NULL;
}

/* Two people logging referrals at once, each on their own connection:
 * every reference is handed out once, with no gaps. */
static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "record.paneldesk", NULL);
  sqlite3 *handle = _pd_database_get_handle (fixture->db);
  GThread *a, *b;

  a = g_thread_new ("writer-a", writer_thread, path);
  b = g_thread_new ("writer-b", writer_thread, path);
  g_thread_join (a);
  g_thread_join (b);

  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals;"), ==, 2 * N_EACH);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(DISTINCT reference) FROM referrals;"), ==, 2 * N_EACH);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT min(sequence) FROM referrals;"), ==, 1);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT max(sequence) FROM referrals;"), ==, 2 * N_EACH);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT last FROM reference_counters WHERE year = 2026;"),
                   ==, 2 * N_EACH);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/referral-record/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("json-and-audit", test_json_and_audit);
  ADD ("update", test_update);
  ADD ("validation", test_validation);
  ADD ("status-timeline", test_status_timeline);
  ADD ("local-targets", test_local_targets);
  ADD ("two-writers", test_two_writers);
#undef ADD

  return g_test_run ();
}
