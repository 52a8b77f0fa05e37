/* test-migrations.c: the schema version, upgrades, and refusing newer files */
#include <glib/gstdio.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <string.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-migrations-private.h"
#include "pd-test-util.h"

/* ---------------------------------------------------------------- fixture */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pd-migrations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "panel.paneldesk", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  _pd_migrations_clear_for_testing ();
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ---------------------------------------------------------------- helpers */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return handle;
}

static void
raw_exec (sqlite3    *handle,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* sqlite3_mprintf() (for %Q), copied into GLib's allocator. */
static char *
sql_printf (const char *format,
            ...)
{
  va_list args;
  char *sql;
  char *copy;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  copy = g_strdup (sql);
  sqlite3_free (sql);
  return copy;
}

static gboolean
table_exists (sqlite3    *handle,
              const char *name)
{
  g_autofree char *sql = sql_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = %Q;", name);
  gboolean exists = pd_test_query_int (handle, sql) == 1;

  return exists;
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
assert_readable_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

typedef struct
{
  const char *pseudonym;
  const char *date_received;
} NewReferral;

static gboolean
insert_referral_cb (PdTransaction  *tx,
                    gpointer        user_data,
                    GError        **error)
{
  const NewReferral *data = user_data;
  PdReferralFields fields = { .pseudonym = data->pseudonym, .date_received = data->date_received };

  return pd_referral_insert (tx, &fields, NULL, error) > 0;
}

/* A database at the shipped schema version, with three referrals, closed. */
static void
make_database (const char *path)
{
  static const NewReferral referrals[] = {
    { "Child A", "2025-11-03" },
    { "Child B", "2026-01-20" },
    { "Child C", "2026-02-02" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = pd_database_open (path, PD_OPEN_CREATE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (referrals); i++)
    {
      g_assert_true (pd_database_write (db, "Add a referral", insert_referral_cb,
                                        (gpointer) &referrals[i], NULL, &error));
      g_assert_no_error (error);
    }
}

/* Every migration up to @version left one ledger entry and one audit row. */
/* Migration numbers are handed out to branches in advance, so a build may
 * ship 0006 without 0005: a number not shipped is not recorded either. */
static gboolean
migration_is_shipped (int number)
{
  g_auto(GStrv) names = g_resources_enumerate_children ("/io/github/paneldesk/PanelDesk/core/migrations",
                                                        0, NULL);
  g_autofree char *prefix = g_strdup_printf ("%04d-", number);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], prefix))
      return TRUE;
  return FALSE;
}

static int
count_shipped (int up_to)
{
  int n = 0;

  for (int number = 1; number <= up_to; number++)
    n += migration_is_shipped (number) ? 1 : 0;
  return n;
}

static void
assert_migrations_recorded (sqlite3 *handle,
                            int      version)
{
  for (int n = 1; n <= version; n++)
    {
      g_autofree char *summary = g_strdup_printf ("Database format upgraded to %d", n);
      g_autofree char *sql = sql_printf ("SELECT count(*) FROM ledger WHERE summary = %Q;", summary);
      g_autofree char *audit_sql =
        sql_printf ("SELECT count(*) FROM audit_log a JOIN ledger l ON l.seq = a.ledger_seq "
                         "WHERE l.summary = %Q AND a.entity = 'schema' AND a.action = 'migrate' "
                         "AND json_extract (a.after_json, '$.schema_version') = %d;",
                         summary, n);

      if (!migration_is_shipped (n) && pd_test_query_int (handle, sql) == 0)
        continue;  /* a test migration, or a number not shipped in this build */
      g_assert_cmpint (pd_test_query_int (handle, sql), ==, 1);
      g_assert_cmpint (pd_test_query_int (handle, audit_sql), ==, 1);
    }
}

/* ----------------------------------------------------------------- tests */

static void
test_fresh_database (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  int latest = pd_database_get_latest_schema_version ();
  g_autofree char *integrity = NULL;
  sqlite3 *handle;

  g_assert_cmpint (latest, >=, 1);
  g_assert_cmpint (pd_database_get_latest_schema_version (), ==, latest);

  db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  handle = _pd_database_get_handle (db);

  g_assert_cmpint (pd_database_get_schema_version (db), ==, latest);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA user_version;"), ==, latest);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA application_id;"), ==, PD_APPLICATION_ID);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA application_id;"), ==, 0x50444B31);

  for (guint i = 0; i < 9; i++)
    {
      static const char *tables[] = {
        "settings", "people", "ledger", "audit_log", "reference_counters",
        "referrals", "meetings", "agenda_items", "decisions",
      };
      g_assert_true (table_exists (handle, tables[i]));
    }

  assert_migrations_recorded (handle, latest);
  integrity = pd_test_query_text (handle, "PRAGMA integrity_check;");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM pragma_foreign_key_check;"), ==, 0);
  g_clear_object (&db);

  /* Opening again applies nothing more. */
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = _pd_database_get_handle (db);
  g_assert_cmpint (pd_database_get_schema_version (db), ==, latest);
  assert_migrations_recorded (handle, latest);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM audit_log WHERE entity = 'schema';"), ==,
                   count_shipped (latest));
}

static void
test_upgrade_keeps_data (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *after_refusal = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *note = NULL;
  int shipped = pd_database_get_latest_schema_version ();
  gint64 n_ledger, admin_id;
  sqlite3 *handle;
  NewReferral later = { "Child D", "2026-03-03" };

  make_database (fixture->path);
  handle = raw_open (fixture->path);
  n_ledger = pd_test_query_int (handle, "SELECT count(*) FROM ledger;");
  admin_id = pd_test_query_int (handle, "SELECT id FROM people;");
  sqlite3_close (handle);

  /* A newer Panel Desk ships two more migrations. */
  _pd_migrations_add_for_testing (shipped + 1,
                                  "ALTER TABLE referrals ADD COLUMN review_lead TEXT NOT NULL DEFAULT '';\n"
                                  "CREATE TABLE review_notes (\n"
                                  "  id INTEGER PRIMARY KEY,\n"
                                  "  referral_id INTEGER NOT NULL REFERENCES referrals (id),\n"
                                  "  note TEXT NOT NULL\n"
                                  ") STRICT;\n");
  _pd_migrations_add_for_testing (shipped + 2,
                                  "UPDATE referrals SET review_lead = 'Panel chair' WHERE year = 2026;\n"
                                  "INSERT INTO review_notes (referral_id, note)\n"
                                  "  SELECT id, 'Carried over from ' || reference FROM referrals;\n");
  g_assert_cmpint (pd_database_get_latest_schema_version (), ==, shipped + 2);

  /* Read-only, it cannot be upgraded: refused, and left as it was. */
  checksum = file_checksum (fixture->path);
  db = pd_database_open (fixture->path, PD_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_READ_ONLY);
  assert_readable_message (error);
  g_clear_error (&error);
  after_refusal = file_checksum (fixture->path);
  g_assert_cmpstr (checksum, ==, after_refusal);

  /* Opened for writing, it is upgraded. */
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  handle = _pd_database_get_handle (db);

  g_assert_cmpint (pd_database_get_schema_version (db), ==, shipped + 2);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA user_version;"), ==, shipped + 2);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA application_id;"), ==, PD_APPLICATION_ID);
  assert_migrations_recorded (handle, shipped + 2);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM ledger;"), ==, n_ledger + 2);
  /* The upgrade is recorded against the person who opened it. */
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM audit_log WHERE entity = 'schema' "
                                      "AND person_id = (SELECT id FROM people) "
                                      "AND ledger_seq > (SELECT min(seq) FROM ledger);"), ==, 2);

  /* The data is all there, with the new columns filled in. */
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals;"), ==, 3);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals WHERE reference IN "
                                      "('PRP-2025-001', 'PRP-2026-001', 'PRP-2026-002');"), ==, 3);
  lead = pd_test_query_text (handle, "SELECT review_lead FROM referrals WHERE reference = 'PRP-2026-002';");
  g_assert_cmpstr (lead, ==, "Panel chair");
  g_clear_pointer (&lead, g_free);
  lead = pd_test_query_text (handle, "SELECT review_lead FROM referrals WHERE reference = 'PRP-2025-001';");
  g_assert_cmpstr (lead, ==, "");
  note = pd_test_query_text (handle, "SELECT note FROM review_notes n JOIN referrals r ON r.id = n.referral_id "
                             "WHERE r.pseudonym = 'Child B';");
  g_assert_cmpstr (note, ==, "Carried over from PRP-2026-001");
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM people;"), ==, 1);
  g_assert_cmpint (pd_database_get_user_id (db), ==, admin_id);
  g_assert_cmpint (pd_database_get_user_role (db), ==, PD_ROLE_ADMINISTRATOR);

  /* And work goes on where it left off. */
  g_assert_true (pd_database_write (db, "Add a referral", insert_referral_cb, &later, NULL, &error));
  g_assert_no_error (error);
  reference = pd_test_query_text (handle, "SELECT reference FROM referrals WHERE pseudonym = 'Child D';");
  g_assert_cmpstr (reference, ==, "PRP-2026-003");
  g_clear_object (&db);

  /* Opening once more applies nothing again. */
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = _pd_database_get_handle (db);
  assert_migrations_recorded (handle, shipped + 2);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM review_notes;"), ==, 3);
}

static void
test_fresh_database_gets_every_migration (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  int shipped = pd_database_get_latest_schema_version ();
  sqlite3 *handle;

  _pd_migrations_add_for_testing (shipped + 1, "CREATE TABLE first_extra (x INTEGER) STRICT;");
  /* Applied in order of number, not of adding. */
  _pd_migrations_add_for_testing (shipped + 3, "INSERT INTO first_extra (x) SELECT max(x) * 10 FROM first_extra;");
  _pd_migrations_add_for_testing (shipped + 2, "INSERT INTO first_extra (x) VALUES (7);");

  db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  handle = _pd_database_get_handle (db);
  g_assert_cmpint (pd_database_get_schema_version (db), ==, shipped + 3);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA user_version;"), ==, shipped + 3);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT max(x) FROM first_extra;"), ==, 70);
  assert_migrations_recorded (handle, shipped + 3);
  g_assert_cmpint (pd_database_get_user_role (db), ==, PD_ROLE_ADMINISTRATOR);
}

static void
test_failed_migration_rolls_back (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *format = NULL;
  int shipped = pd_database_get_latest_schema_version ();
  gint64 n_ledger, n_audit;
  sqlite3 *handle;

  make_database (fixture->path);
  handle = raw_open (fixture->path);
  n_ledger = pd_test_query_int (handle, "SELECT count(*) FROM ledger;");
  n_audit = pd_test_query_int (handle, "SELECT count(*) FROM audit_log;");
  sqlite3_close (handle);

  /* The only new migration fails halfway: the file is left exactly as it was. */
  _pd_migrations_add_for_testing (shipped + 1,
                                  "PRAGMA application_id = 42;\n"
                                  "CREATE TABLE half_done (x INTEGER);\n"
                                  "INSERT INTO half_done VALUES (1);\n"
                                  "UPDATE referrals SET pseudonym = 'lost';\n"
                                  "INSERT INTO no_such_table VALUES (1);\n");
  before = file_checksum (fixture->path);
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_FAILED);
  assert_readable_message (error);
  format = g_strdup_printf ("format %d", shipped + 1);
  g_assert_nonnull (strstr (error->message, format));
  g_clear_error (&error);
  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);

  handle = raw_open (fixture->path);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA user_version;"), ==, shipped);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA application_id;"), ==, PD_APPLICATION_ID);
  g_assert_false (table_exists (handle, "half_done"));
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals WHERE pseudonym = 'lost';"), ==, 0);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM ledger;"), ==, n_ledger);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM audit_log;"), ==, n_audit);
  sqlite3_close (handle);

  /* Two new ones, the second failing: the first stays applied, on its own. */
  _pd_migrations_clear_for_testing ();
  _pd_migrations_add_for_testing (shipped + 1, "CREATE TABLE done_first (x INTEGER);");
  _pd_migrations_add_for_testing (shipped + 2,
                                  "CREATE TABLE half_done (x INTEGER);\n"
                                  "DROP TABLE done_first;\n"
                                  "SELECT no_such_function ();\n");
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PD_ERROR);
  assert_readable_message (error);
  g_clear_error (&error);

  handle = raw_open (fixture->path);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA user_version;"), ==, shipped + 1);
  g_assert_true (table_exists (handle, "done_first"));
  g_assert_false (table_exists (handle, "half_done"));
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM ledger;"), ==, n_ledger + 1);
  assert_migrations_recorded (handle, shipped + 1);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals;"), ==, 3);
  sqlite3_close (handle);

  /* Once the migration is mended, the upgrade finishes. */
  _pd_migrations_add_for_testing (shipped + 2, "CREATE TABLE done_second (x INTEGER);");
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_database_get_schema_version (db), ==, shipped + 2);
  handle = _pd_database_get_handle (db);
  g_assert_true (table_exists (handle, "done_first"));
  g_assert_true (table_exists (handle, "done_second"));
  g_assert_false (table_exists (handle, "half_done"));
  assert_migrations_recorded (handle, shipped + 2);
}

static void
test_newer_schema_refused (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *set_version = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  int latest = pd_database_get_latest_schema_version ();
  sqlite3 *handle;

  make_database (fixture->path);

  /* A newer Panel Desk has been at it. */
  handle = raw_open (fixture->path);
  set_version = g_strdup_printf ("PRAGMA user_version = %d;", latest + 1);
  raw_exec (handle, set_version);
  sqlite3_close (handle);
  before = file_checksum (fixture->path);

  for (guint i = 0; i < 3; i++)
    {
      static const PdOpenFlags flags[] = {
        PD_OPEN_DEFAULT, PD_OPEN_READ_ONLY, PD_OPEN_SKIP_QUICK_CHECK,
      };

      db = pd_database_open (fixture->path, flags[i], &error);
      g_assert_null (db);
      g_assert_error (error, PD_ERROR, PD_ERROR_NEWER_SCHEMA);
      assert_readable_message (error);
      newer = g_strdup_printf ("%d", latest + 1);
      g_assert_nonnull (strstr (error->message, newer));
      g_clear_pointer (&newer, g_free);
      g_clear_error (&error);
    }

  /* Not a byte of it changed, and nothing was left beside it. */
  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  handle = raw_open (fixture->path);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA user_version;"), ==, latest + 1);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals;"), ==, 3);
  sqlite3_close (handle);

  /* Not even creating over it. */
  db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_EXISTS);
  g_clear_pointer (&after, g_free);
  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_unversioned_file_refused (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *handle;

  /* Stamped as Panel Desk's but never given a schema: no Panel Desk makes
   * such a file (the first migration sets both in one transaction), so it
   * is refused rather than taken for an empty database. */
  handle = raw_open (fixture->path);
  raw_exec (handle, "PRAGMA application_id = 1346652977; PRAGMA user_version = 0;");
  sqlite3_close (handle);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  before = file_checksum (fixture->path);

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE);
  assert_readable_message (error);
  g_clear_error (&error);

  db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_EXISTS);
  g_clear_error (&error);

  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* Versioned but not stamped: another program's. */
  handle = raw_open (fixture->path);
  raw_exec (handle, "PRAGMA application_id = 0; PRAGMA user_version = 1; CREATE TABLE t (x);");
  sqlite3_close (handle);
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/migrations/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("fresh", test_fresh_database);
  ADD ("fresh-gets-every-migration", test_fresh_database_gets_every_migration);
  ADD ("upgrade-keeps-data", test_upgrade_keeps_data);
  ADD ("failed-migration-rolls-back", test_failed_migration_rolls_back);
  ADD ("newer-schema-refused", test_newer_schema_refused);
  ADD ("unversioned-file-refused", test_unversioned_file_refused);

#undef ADD

  return g_test_run ();
}
