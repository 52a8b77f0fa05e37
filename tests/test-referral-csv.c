/* test-referral-csv.c: referrals from and to a board's spreadsheet */
#include <string.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-demo.h"
#include "pd-test-util.h"

typedef struct
{
  char       *dir;
  PdDatabase *db;
} Fixture;

static PdDatabase *
new_database (const char *dir,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  PdDatabase *db = pd_database_open (path, PD_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("panel-desk-test-csv-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = new_database (fixture->dir, "csv.paneldesk");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gint64
count (PdDatabase *db,
       const char *sql)
{
  return pd_test_query_int (_pd_database_get_handle (db), sql);
}

/* Columns in another order, quotes, commas and line breaks in fields, a
 * byte-order mark, CRLF and LF, an empty line, emoji and Arabic. */
static const char good_csv[] =
  "\xEF\xBB\xBF" "date_received,pseudonym,referrer_agency,narrative,reference\r\n"
  "2019-03-04,Child A,Police,\"Found at home, unresponsive.\nTaken to hospital.\",PRP-2019-004\r\n"
  "2026-02-10,Baby B,\"Children's social care\",\"Said \"\"no one listened\"\" 🙂\",\n"
  "\n"
  "2026-02-11,طفل ج,Health visiting service,,\n";

static void
test_import_good (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *narrative = NULL;
  guint n = 0;

  g_assert_true (pd_referral_csv_import (fixture->db, good_csv, sizeof good_csv - 1, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  /* A board's own reference is kept; new ones carry on after it. */
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM referrals WHERE reference = 'PRP-2019-004';"), ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM referrals WHERE reference = 'PRP-2026-002';"), ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT last FROM reference_counters WHERE year = 2019;"), ==, 4);

  narrative = pd_test_query_text (_pd_database_get_handle (fixture->db),
                                  "SELECT narrative FROM referrals WHERE pseudonym = 'Baby B';");
  g_assert_cmpstr (narrative, ==, "Said \"no one listened\" 🙂");
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM referrals WHERE narrative LIKE '%unresponsive.\nTaken%';"), ==, 1);
  /* One transaction: one ledger entry for the whole file, audited row by row. */
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM ledger WHERE summary = 'Import referrals from CSV';"), ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM audit_log WHERE entity = 'referral' AND action = 'create';"), ==, 3);
}

/* Each bad file is refused with the line to fix, and nothing goes in. */
static void
test_import_bad (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const struct
  {
    const char *csv;
    const char *message;
  } cases[] = {
    { "", "empty" },
    { "pseudonym,colour\nChild A,blue\n", "line 1: “colour” is not a column" },
    { "pseudonym,referrer_agency\nChild A,Police\n", "“date_received” are needed" },
    { "pseudonym,pseudonym,date_received\nA,B,2026-01-01\n", "there twice" },
    { "pseudonym,date_received\nChild A,2026-01-01\nChild B,2026-13-01\n", "line 3: The date received must be a real date" },
    { "pseudonym,date_received\nChild A,2026-01-01\nChild B\n", "line 3: 1 fields, but the header has 2" },
    { "pseudonym,date_received\nChild A,2026-01-01\n\"Child B,2026-01-02\n", "line 3: a quoted field is never closed" },
    { "pseudonym,date_received\nChi\"ld A,2026-01-01\n", "line 2: a quote in the middle of a field" },
    { "pseudonym,date_received,status\nChild A,2026-01-01,pending\n", "line 2: “pending” is not a status" },
    { "pseudonym,date_received,reference\nChild A,2026-01-01,PRP-26-1\n", "line 2: “PRP-26-1” is not a reference" },
    { "pseudonym,date_received,reference\nChild A,2026-01-01,PRP-2026-001\nChild B,2026-01-02,PRP-2026-001\n",
      "line 3: The reference PRP-2026-001 is already in the database" },
    { "pseudonym,date_received\n\xff\xfe,2026-01-01\n", "not UTF-8" },
    { "pseudonym,date_received,fact_child_died\nChild A,2026-01-01,maybe\n",
      "line 2: fact_child_died must be yes, no or left empty" },
    { "pseudonym,date_received,date_sent_to_chair\nChild A,2026-01-01,2026-02-30\n",
      "line 2: Sent to the panel chair must be a real date" },
    { "pseudonym,date_received,inquest\nChild A,2026-01-01,perhaps\n", "line 2: Inquest must be yes, no" },
    { "pseudonym,date_received,family\nChild A,2026-01-01,Sam|Mother\n", "line 2: family: entry 1 has 2 parts" },
    { "pseudonym,date_received,agencies\nChild A,2026-01-01,|x|||||\n", "line 2: agencies: entry 1 has 7 parts" },
    { "pseudonym,date_received,child_date_of_birth\nChild A,2026-01-01,2999-01-01\n",
      "line 2: The date of birth is in the future" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pd_referral_csv_import (fixture->db, cases[i].csv, strlen (cases[i].csv), NULL, &error));
      g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
      g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM referrals;"), ==, 0);
    }
  /* Not even a number was used up. */
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM reference_counters;"), ==, 0);
}

/* A referral already in the database is a duplicate, and the file stops there. */
static void
test_import_duplicate (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const char first[] = "reference,pseudonym,date_received\nPRP-2025-010,Child A,2025-05-01\n";
  static const char again[] = "reference,pseudonym,date_received\nPRP-2025-011,Child B,2025-05-02\nPRP-2025-010,Child A,2025-05-01\n";
  g_autoptr(GError) error = NULL;

  g_assert_true (pd_referral_csv_import (fixture->db, first, sizeof first - 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pd_referral_csv_import (fixture->db, again, sizeof again - 1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM referrals;"), ==, 1);
}

static gboolean
add_full_record (PdTransaction *tx, gpointer user_data, GError **error)
{
  g_autoptr(GHashTable) details = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) dates = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_member_free);
  g_autoptr(GPtrArray) agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_agency_free);
  PdCriteriaFacts facts = { 0 };
  PdReferralAgency *agency = pd_referral_agency_new ("Police | CID", "DS Khan\\ext 2");
  PdReferralFields fields = {
    .pseudonym = "Baby Ω", .child_name = "رنا", .date_received = "2026-03-02",
    .date_of_incident = "2026-02-26", .referrer_name = "Ruth", .referrer_agency = "Health",
    .narrative = "Line one,\nline \"two\" 🚑", .details = details, .facts = &facts,
    .dates = dates, .members = members, .agencies = agencies,
  };

  g_hash_table_insert (details, "referrer_job_title", "Nurse, named");
  g_hash_table_insert (details, "cp_plan", "previous");
  g_hash_table_insert (details, "inquest", "yes");
  g_hash_table_insert (details, "referrer_criteria", "Death\nand agencies | concerns");
  g_hash_table_insert (dates, "sent_to_chair", "2026-03-03");
  pd_criteria_facts_set (&facts, PD_CRITERIA_FACT_ABUSE_OR_NEGLECT, PD_FACT_YES);
  pd_criteria_facts_set (&facts, PD_CRITERIA_FACT_CHILD_DIED, PD_FACT_NO);
  g_ptr_array_add (members, pd_referral_member_new ("Sam \"Sammy\" Smith", "Mother\nbirth", ""));
  g_free (agency->requested_on);
  agency->requested_on = g_strdup ("2026-03-04");
  g_ptr_array_add (agencies, agency);
  return pd_referral_insert (tx, &fields, NULL, error) != 0;
}

/* Exported, imported into another database, exported again: the same file. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) other = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *demo_path = g_build_filename (fixture->dir, "demo.paneldesk", NULL);
  g_autoptr(PdDatabase) demo = NULL;

  g_assert_true (pd_demo_create (demo_path, 40, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  demo = pd_database_open (demo_path, PD_OPEN_SKIP_QUICK_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (pd_referral_csv_import (demo, good_csv, sizeof good_csv - 1, NULL, &error));
  g_assert_no_error (error);
  /* Every part of the form, with the separators of the cells inside it. */
  pd_database_write (demo, "Full record", add_full_record, NULL, NULL, &error);
  g_assert_no_error (error);

  exported = pd_referral_csv_export (demo, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (exported, pd_referral_csv_header ()));

  other = new_database (fixture->dir, "other.paneldesk");
  g_assert_true (pd_referral_csv_import (other, exported, strlen (exported), NULL, &error));
  g_assert_no_error (error);
  again = pd_referral_csv_export (other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, exported);
  g_assert_cmpint (count (other, "SELECT count(*) FROM referrals;"), ==, 44);
  g_assert_cmpint (count (other, "SELECT count(*) FROM referral_members WHERE relationship = 'Mother\nbirth';"), ==, 1);
  g_assert_cmpint (count (other, "SELECT count(*) FROM referral_agencies WHERE agency = 'Police | CID' "
                                 "AND contact = 'DS Khan\\ext 2' AND due_on = '2026-03-18';"), ==, 1);
  g_assert_nonnull (strstr (exported, ",criteria_outcome,due_notify,"));
}

/* The JSON export: valid, every referral, with the criteria and the clocks. */
static void
test_json (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  sqlite3 *handle = _pd_database_get_handle (fixture->db);
  sqlite3_stmt *stmt;

  pd_database_write (fixture->db, "Full record", add_full_record, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pd_referral_csv_import (fixture->db, good_csv, sizeof good_csv - 1, NULL, &error));
  g_assert_no_error (error);
  json = pd_referral_json_export (fixture->db, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT json_valid (?1), json_array_length (?1), "
                                               "json_extract (?1, '$[2].criteria.outcome'), "
                                               "json_extract (?1, '$[2].pseudonym'), "
                                               "json_extract (?1, '$[2].agencies[0].due_on'), "
                                               "json_extract (?1, '$[2].clocks[0].id');",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 4);
  /* Oldest reference first: PRP-2019-004, PRP-2026-001 (the full record), PRP-2026-002... */
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), !=, NULL);
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (json, "\"pseudonym\":\"Baby Ω\""));
  g_assert_nonnull (strstr (json, "\"criteria\":{\"outcome\":\"not_enough_information\""));
  g_assert_nonnull (strstr (json, "\"due\":\"2026-03-18\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/referral-csv/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("import-good", test_import_good);
  ADD ("import-bad", test_import_bad);
  ADD ("import-duplicate", test_import_duplicate);
  ADD ("round-trip", test_round_trip);
  ADD ("json", test_json);

#undef ADD

  return g_test_run ();
}
