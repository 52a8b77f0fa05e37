/* test-database.c: opening, writing to and refusing Panel Desk database files */
#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-test-util.h"

/* ---------------------------------------------------------------- fixture */

typedef struct
{
  char *dir;
  char *path;   /* dir/panel.paneldesk, not yet made */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pd-database-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "panel.paneldesk", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_chmod (fixture->dir, 0755);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ---------------------------------------------------------------- helpers */

static PdDatabase *
create_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  PdDatabase *db = pd_database_open (path, PD_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static gint64
db_int (PdDatabase *db,
        const char *sql)
{
  return pd_test_query_int (_pd_database_get_handle (db), sql);
}

/* A connection of its own, as another program (or another user) would have. */
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

static void
assert_readable_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

typedef struct
{
  PdReferralFields fields;
  gint64           id;
  char            *reference;
  gboolean         fail_after_insert;
} InsertReferral;

static gboolean
insert_referral_cb (PdTransaction  *tx,
                    gpointer        user_data,
                    GError        **error)
{
  InsertReferral *data = user_data;

  g_clear_pointer (&data->reference, g_free);
  data->id = pd_referral_insert (tx, &data->fields, &data->reference, error);
  if (data->id == 0)
    return FALSE;

  if (data->fail_after_insert)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the form went away");
      return FALSE;
    }

  return TRUE;
}

/* Adds a referral received on @date_received; returns its reference. */
static char *
add_referral (PdDatabase  *db,
              const char  *pseudonym,
              const char  *date_received,
              gint64      *out_id)
{
  g_autoptr(GError) error = NULL;
  InsertReferral data = { .fields = { .pseudonym = pseudonym, .date_received = date_received } };

  g_assert_true (pd_database_write (db, "Add a referral", insert_referral_cb, &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (data.id, >, 0);
  if (out_id != NULL)
    *out_id = data.id;
  return data.reference;
}

/* A database of @n_referrals, closed again. */
static void
make_database_with_referrals (const char *path,
                              guint       n_referrals)
{
  g_autoptr(PdDatabase) db = create_database (path);

  for (guint i = 0; i < n_referrals; i++)
    {
      g_autofree char *pseudonym = g_strdup_printf ("Child %c%u", 'A' + (i % 26), i);
      g_autofree char *reference = add_referral (db, pseudonym, "2026-03-01", NULL);
    }
}

/* ---------------------------------------------------------- the connection */

static void
test_connection_settings (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autoptr(PdDatabase) reopened = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;
  g_autofree char *journal_mode = NULL;
  g_autofree char *journal_mode2 = NULL;

  handle = _pd_database_get_handle (db);
  g_assert_nonnull (handle);

  journal_mode = pd_test_query_text (handle, "PRAGMA journal_mode;");
  g_assert_cmpstr (journal_mode, ==, "delete");
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA synchronous;"), ==, 2);  /* FULL */
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA foreign_keys;"), ==, 1);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA mmap_size;"), ==, 0);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA busy_timeout;"), >, 0);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA secure_delete;"), ==, 1);

  g_assert_cmpstr (pd_database_get_path (db), ==, fixture->path);
  g_assert_false (pd_database_is_read_only (db));
  g_assert_nonnull (pd_database_get_client_id (db));
  g_assert_true (g_uuid_string_is_valid (pd_database_get_client_id (db)));

  /* The same settings on a database that already existed. */
  reopened = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = _pd_database_get_handle (reopened);
  journal_mode2 = pd_test_query_text (handle, "PRAGMA journal_mode;");
  g_assert_cmpstr (journal_mode2, ==, "delete");
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA synchronous;"), ==, 2);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA foreign_keys;"), ==, 1);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA mmap_size;"), ==, 0);
  g_assert_cmpint (pd_test_query_int (handle, "PRAGMA busy_timeout;"), >, 0);
  g_assert_cmpstr (pd_database_get_client_id (reopened), !=, pd_database_get_client_id (db));
}

/* ------------------------------------------------------ the first person */

static void
test_first_person_is_administrator (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autoptr(PdDatabase) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *login = NULL;
  g_autofree char *role = NULL;
  g_autofree char *entity = NULL;
  sqlite3 *handle = _pd_database_get_handle (db);

  g_assert_cmpint (pd_database_get_user_role (db), ==, PD_ROLE_ADMINISTRATOR);
  g_assert_cmpstr (pd_database_get_login_name (db), ==, g_get_user_name ());
  g_assert_cmpint (pd_database_get_user_id (db), >, 0);
  g_assert_nonnull (pd_database_get_user_display_name (db));
  g_assert_cmpstr (pd_database_get_user_display_name (db), !=, "");
  g_assert_true (pd_database_user_can_write (db));

  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM people;"), ==, 1);
  login = pd_test_query_text (handle, "SELECT login_name FROM people;");
  role = pd_test_query_text (handle, "SELECT role FROM people;");
  g_assert_cmpstr (login, ==, g_get_user_name ());
  g_assert_cmpstr (role, ==, "administrator");
  g_assert_cmpint (pd_test_query_int (handle, "SELECT id FROM people;"), ==, pd_database_get_user_id (db));

  /* Making them administrator was itself a recorded write. */
  entity = pd_test_query_text (handle,
                       "SELECT a.entity FROM audit_log a JOIN ledger l ON l.seq = a.ledger_seq "
                       "WHERE a.action = 'create' AND a.entity = 'person';");
  g_assert_cmpstr (entity, ==, "person");

  /* Opening again adds nobody. */
  reopened = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_database_get_user_role (reopened), ==, PD_ROLE_ADMINISTRATOR);
  g_assert_cmpint (pd_database_get_user_id (reopened), ==, pd_database_get_user_id (db));
  g_assert_cmpint (db_int (reopened, "SELECT count(*) FROM people;"), ==, 1);
}

static void
test_later_login_is_not_administrator (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  InsertReferral data = { .fields = { .pseudonym = "Child A", .date_received = "2026-01-05" } };
  sqlite3 *raw;

  g_clear_object (&db);
  db = create_database (fixture->path);
  g_clear_object (&db);

  /* Someone else made the database: this login is not one of its people. */
  raw = raw_open (fixture->path);
  raw_exec (raw, "UPDATE people SET login_name = 'someone-else-entirely';");
  sqlite3_close (raw);

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_database_get_user_role (db), ==, PD_ROLE_NONE);
  g_assert_false (pd_database_user_can_write (db));
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM people;"), ==, 1);

  g_assert_false (pd_database_write (db, "Add a referral", insert_referral_cb, &data, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_PERMISSION);
  assert_readable_message (error);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 0);
  g_free (data.reference);
}

/* ------------------------------------------------------------- writing */

static void
test_write_records_ledger_and_audit (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = NULL;
  InsertReferral data = { .fields = { .pseudonym = "Child B", .date_received = "2026-02-14",
                                      .referrer_agency = "Police" } };
  sqlite3 *handle = _pd_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  gint64 seq = 0;
  gint64 n_ledger = db_int (db, "SELECT count(*) FROM ledger;");
  g_autoptr(PdReferral) referral = NULL;

  g_assert_true (pd_database_write (db, "Add referral Child B", insert_referral_cb, &data, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seq, >, 0);
  g_assert_cmpint (data.id, >, 0);
  g_assert_cmpstr (data.reference, ==, "PRP-2026-001");

  referral = pd_referral_load (db, data.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_referral_get_reference (referral), ==, "PRP-2026-001");
  g_assert_cmpstr (pd_referral_get_pseudonym (referral), ==, "Child B");
  g_assert_cmpstr (pd_referral_get_status (referral), ==, "received");
  g_assert_cmpstr (pd_referral_get_referrer_agency (referral), ==, "Police");

  /* Exactly one ledger entry, the one returned. */
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM ledger;"), ==, n_ledger + 1);
  g_assert_cmpint (db_int (db, "SELECT max(seq) FROM ledger;"), ==, seq);

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT token, client_id, login_name, machine, pid, at, summary "
                                       "FROM ledger WHERE seq = ?1;",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, seq);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpuint (strlen ((const char *) sqlite3_column_text (stmt, 0)), >, 0);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, pd_database_get_client_id (db));
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, g_get_user_name ());
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, g_get_host_name ());
  g_assert_cmpint (sqlite3_column_int64 (stmt, 4), ==, getpid ());
  at = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 5), NULL);
  g_assert_nonnull (at);
  g_assert_cmpint (g_date_time_difference (at, before), >=, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (at, before), <, 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 6), ==, "Add referral Child B");
  sqlite3_finalize (stmt);
  g_clear_pointer (&at, g_date_time_unref);

  /* One audit row for the referral, in the same transaction. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT person_id, login_name, machine, at, entity, entity_id, action, "
                                       "       before_json, json_extract (after_json, '$.reference'), "
                                       "       json_extract (after_json, '$.pseudonym'), json_valid (after_json) "
                                       "FROM audit_log WHERE ledger_seq = ?1;",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, seq);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, pd_database_get_user_id (db));
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, g_get_user_name ());
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, g_get_host_name ());
  at = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 3), NULL);
  g_assert_nonnull (at);
  g_assert_cmpint (g_date_time_difference (at, before), >=, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (at, before), <, 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "referral");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 5), ==, data.id);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 6), ==, "create");
  g_assert_cmpint (sqlite3_column_type (stmt, 7), ==, SQLITE_NULL);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 8), ==, "PRP-2026-001");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 9), ==, "Child B");
  g_assert_cmpint (sqlite3_column_int (stmt, 10), ==, 1);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_free (data.reference);
}

static gboolean
no_audit_cb (PdTransaction  *tx,
             gpointer        user_data,
             GError        **error)
{
  g_assert_cmpint (pd_transaction_get_ledger_seq (tx), >, 0);
  return _pd_database_exec (pd_transaction_get_database (tx),
                            "INSERT INTO settings (key, value) VALUES ('test-key', 'test-value');", error);
}

static void
test_write_without_audit_still_audited (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *action = NULL;
  g_autofree char *login = NULL;
  gint64 seq = 0;

  /* A write whose function audited nothing still leaves one audit row for
   * its ledger entry, saying who wrote. */
  g_assert_true (pd_database_write (db, "Quiet write", no_audit_cb, NULL, &seq, &error));
  g_assert_no_error (error);
  value = pd_database_dup_setting (db, "test-key", NULL);
  g_assert_cmpstr (value, ==, "test-value");
  g_assert_cmpint (db_int (db, "SELECT max(seq) FROM ledger;"), ==, seq);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM audit_log WHERE ledger_seq = (SELECT max(seq) FROM ledger);"),
                   ==, 1);
  action = pd_test_query_text (_pd_database_get_handle (db), "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1;");
  login = pd_test_query_text (_pd_database_get_handle (db), "SELECT login_name FROM audit_log ORDER BY id DESC LIMIT 1;");
  g_assert_cmpstr (action, ==, "write");
  g_assert_cmpstr (login, ==, g_get_user_name ());
}

static void
test_failed_write_rolls_back (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  InsertReferral data = { .fields = { .pseudonym = "Child C", .date_received = "2026-04-01" },
                          .fail_after_insert = TRUE };
  gint64 n_ledger = db_int (db, "SELECT count(*) FROM ledger;");
  gint64 n_audit = db_int (db, "SELECT count(*) FROM audit_log;");
  gint64 max_seq = db_int (db, "SELECT max(seq) FROM ledger;");
  gint64 seq = -7;
  g_autofree char *reference = NULL;

  g_assert_false (pd_database_write (db, "Add referral Child C", insert_referral_cb, &data, &seq, &error));
  /* The write function's own error comes back unchanged. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "the form went away");
  g_assert_cmpint (seq, ==, -7);
  g_assert_cmpint (data.id, >, 0);   /* it had been inserted... */

  /* ...and nothing of it is left. */
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 0);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM reference_counters;"), ==, 0);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM ledger;"), ==, n_ledger);
  g_assert_cmpint (db_int (db, "SELECT max(seq) FROM ledger;"), ==, max_seq);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM audit_log;"), ==, n_audit);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM audit_log WHERE entity = 'referral';"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (_pd_database_get_handle (db)));

  /* The connection is fine afterwards. */
  reference = add_referral (db, "Child C", "2026-04-01", NULL);
  g_assert_cmpstr (reference, ==, "PRP-2026-001");
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM ledger;"), ==, n_ledger + 1);
  g_free (data.reference);
}

static gboolean
nested_write_cb (PdTransaction  *tx,
                 gpointer        user_data,
                 GError        **error)
{
  InsertReferral data = { .fields = { .pseudonym = "Child N", .date_received = "2026-04-01" } };
  gboolean ok = pd_database_write (pd_transaction_get_database (tx), "Nested",
                                   insert_referral_cb, &data, NULL, error);

  g_free (data.reference);
  return ok;
}

static void
test_nested_write_refused (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  gint64 n_ledger = db_int (db, "SELECT count(*) FROM ledger;");

  g_assert_false (pd_database_write (db, "Outer", nested_write_cb, NULL, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_FAILED);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 0);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM ledger;"), ==, n_ledger);
}

/* ----------------------------------------------------------- references */

static void
test_references_per_year_never_reused (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autoptr(PdDatabase) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;
  g_autofree char *sql = NULL;
  gint64 id_b = 0;

  a = add_referral (db, "Child A", "2025-12-31", NULL);
  b = add_referral (db, "Child B", "2025-06-01", &id_b);
  c = add_referral (db, "Child C", "2026-01-01", NULL);
  g_assert_cmpstr (a, ==, "PRP-2025-001");
  g_assert_cmpstr (b, ==, "PRP-2025-002");
  g_assert_cmpstr (c, ==, "PRP-2026-001");

  /* The newest of 2025 is deleted: its number is not handed out again. */
  sql = g_strdup_printf ("DELETE FROM referrals WHERE id = %" G_GINT64_FORMAT ";", id_b);
  raw_exec (_pd_database_get_handle (db), sql);
  d = add_referral (db, "Child D", "2025-11-11", NULL);
  g_assert_cmpstr (d, ==, "PRP-2025-003");

  /* Not after reopening either, and every year goes on from its own count. */
  g_clear_object (&db);
  reopened = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  e = add_referral (reopened, "Child E", "2026-07-07", NULL);
  f = add_referral (reopened, "Child F", "2024-01-02", NULL);
  g_assert_cmpstr (e, ==, "PRP-2026-002");
  g_assert_cmpstr (f, ==, "PRP-2024-001");
  g_assert_cmpint (db_int (reopened, "SELECT count(DISTINCT reference) FROM referrals;"), ==, 5);
}

static void
test_references_beyond_999 (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autofree char *a = NULL, *b = NULL;

  raw_exec (_pd_database_get_handle (db), "INSERT INTO reference_counters (year, last) VALUES (2026, 998);");
  a = add_referral (db, "Child A", "2026-05-05", NULL);
  b = add_referral (db, "Child B", "2026-05-05", NULL);
  g_assert_cmpstr (a, ==, "PRP-2026-999");
  g_assert_cmpstr (b, ==, "PRP-2026-1000");
}

/* ----------------------------------------------------------- validation */

static void
test_validation_errors (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const PdReferralFields invalid[] = {
    { .pseudonym = NULL, .date_received = "2026-03-01" },
    { .pseudonym = "", .date_received = "2026-03-01" },
    { .pseudonym = "  \t ", .date_received = "2026-03-01" },
    { .pseudonym = "Child A", .date_received = NULL },
    { .pseudonym = "Child A", .date_received = "" },
    { .pseudonym = "Child A", .date_received = "2026-02-30" },
    { .pseudonym = "Child A", .date_received = "2026-13-01" },
    { .pseudonym = "Child A", .date_received = "01/03/2026" },
    { .pseudonym = "Child A", .date_received = "2026-3-1" },
    { .pseudonym = "Child A", .date_received = "2026-03-01x" },
    { .pseudonym = "Child A", .date_received = "2026-03-01", .date_of_incident = "2026-02-29" },
    { .pseudonym = "Child A", .date_received = "2026-03-01", .date_of_incident = "2026-03-02" },
    { .pseudonym = "Child A", .date_received = "2026-03-01", .status = "lost" },
    { .pseudonym = "Child A", .date_received = "2026-03-01", .framework = "scotland-1066" },
    { .pseudonym = "Child A", .date_received = "2999-03-01" },
  };
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autofree char *reference = NULL;
  gint64 n_ledger = db_int (db, "SELECT count(*) FROM ledger;");
  gint64 n_audit = db_int (db, "SELECT count(*) FROM audit_log;");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      InsertReferral data = { .fields = invalid[i] };

      g_test_message ("invalid referral %u", i);
      g_assert_false (pd_database_write (db, "Add a referral", insert_referral_cb, &data, NULL, &error));
      g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
      assert_readable_message (error);
      g_assert_cmpint (data.id, ==, 0);
      g_assert_null (data.reference);
    }

  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 0);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM reference_counters;"), ==, 0);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM ledger;"), ==, n_ledger);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM audit_log;"), ==, n_audit);

  /* Valid edge cases pass, and the refused ones used up no numbers. */
  reference = add_referral (db, "Child A", "2024-02-29", NULL);
  g_assert_cmpstr (reference, ==, "PRP-2024-001");

  g_assert_true (pd_date_is_valid ("2024-02-29"));
  g_assert_false (pd_date_is_valid ("2023-02-29"));
  g_assert_false (pd_date_is_valid (NULL));
}

/* -------------------------------------------------------------- refusals */

static void
test_refuse_missing_file (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *in_missing_dir = g_build_filename (fixture->dir, "no-such-folder", "panel.paneldesk", NULL);

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_FOUND);
  assert_readable_message (error);
  g_assert_nonnull (strstr (error->message, "panel.paneldesk"));
  /* Refusing did not make the file. */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = pd_database_open (fixture->path, PD_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Creating in a folder that is not there. */
  db = pd_database_open (in_missing_dir, PD_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_FOUND);
  assert_readable_message (error);
}

static void
test_refuse_text_file (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *text = "Minutes of the panel meeting of 3 March.\nPresent: the chair.\n";

  write_file (fixture->path, text, strlen (text));
  before = read_file (fixture->path);

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE);
  assert_readable_message (error);
  g_assert_nonnull (strstr (error->message, "panel.paneldesk"));

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_empty_file (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;

  write_file (fixture->path, "", 0);

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE);
  assert_readable_message (error);

  /* A folder is not a database either. */
  g_clear_error (&error);
  db = pd_database_open (fixture->dir, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE);

  /* But an empty file may become one. */
  g_clear_error (&error);
  db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (pd_database_get_schema_version (db), ==, pd_database_get_latest_schema_version ());
}

static void
test_refuse_foreign_sqlite (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *raw = raw_open (fixture->path);

  raw_exec (raw, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                 "INSERT INTO recipes (title) VALUES ('Scones');");
  sqlite3_close (raw);
  before = read_file (fixture->path);

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE);
  assert_readable_message (error);
  g_clear_error (&error);

  db = pd_database_open (fixture->path, PD_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE);

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_foreign_sqlite_in_wal_mode (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *raw = raw_open (fixture->path);
  g_autofree char *mode = NULL;

  raw_exec (raw, "PRAGMA journal_mode = WAL;"
                 "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                 "INSERT INTO recipes (title) VALUES ('Scones');");
  sqlite3_close (raw);
  before = read_file (fixture->path);

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE);

  /* Another program's database is left as it was, in its own journal mode. */
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  raw = raw_open (fixture->path);
  mode = pd_test_query_text (raw, "PRAGMA journal_mode;");
  g_assert_cmpstr (mode, ==, "wal");
  sqlite3_close (raw);
}

/* A database with some referrals, its bytes, and its page size. */
static GBytes *
make_damage_fixture (const char *path,
                     gint64     *out_page_size,
                     gint64     *out_referrals_root)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  make_database_with_referrals (path, 40);

  raw = raw_open (path);
  *out_page_size = pd_test_query_int (raw, "PRAGMA page_size;");
  if (out_referrals_root != NULL)
    *out_referrals_root = pd_test_query_int (raw, "SELECT rootpage FROM sqlite_schema WHERE name = 'referrals';");
  sqlite3_close (raw);

  return read_file (path);
}

static void
test_refuse_truncated (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 page_size;
  gsize size;
  const guint8 *data;

  bytes = make_damage_fixture (fixture->path, &page_size, NULL);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >=, 8 * page_size);

  /* Cut to half, on a page boundary and not. */
  for (guint i = 0; i < 2; i++)
    {
      gsize half = i == 0 ? (size / 2 / page_size) * page_size : size / 2 + 123;

      write_file (fixture->path, data, half);
      db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
      g_assert_null (db);
      g_assert_nonnull (error);
      g_test_message ("truncated to %zu: %s", half, error->message);
      g_assert_true (g_error_matches (error, PD_ERROR, PD_ERROR_CORRUPT) ||
                     g_error_matches (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE));
      assert_readable_message (error);
      g_clear_error (&error);

      /* Read-only is no way around it. */
      db = pd_database_open (fixture->path, PD_OPEN_READ_ONLY, &error);
      g_assert_null (db);
      g_assert_true (g_error_matches (error, PD_ERROR, PD_ERROR_CORRUPT) ||
                     g_error_matches (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE));
      g_clear_error (&error);
    }

  /* Shorter than a header. */
  write_file (fixture->path, data, 10);
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_byte_flipped (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *damaged = NULL;
  const guint8 *data;
  gint64 page_size;
  gsize size;

  bytes = make_damage_fixture (fixture->path, &page_size, NULL);
  data = g_bytes_get_data (bytes, &size);
  damaged = g_memdup2 (data, size);

  /* Page 1 (the header) stays; every later page is scrambled. */
  for (gsize i = page_size; i < size; i++)
    damaged[i] ^= 0x5A;
  write_file (fixture->path, damaged, size);

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_test_message ("%s", error ? error->message : "");
  g_assert_error (error, PD_ERROR, PD_ERROR_CORRUPT);
  assert_readable_message (error);
}

static void
test_quick_check_on_open (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *damaged = NULL;
  const guint8 *data;
  gint64 page_size, root;
  gsize size;

  bytes = make_damage_fixture (fixture->path, &page_size, &root);
  data = g_bytes_get_data (bytes, &size);
  damaged = g_memdup2 (data, size);
  g_assert_cmpint (root, >, 1);
  g_assert_cmpuint (root * page_size, <=, size);

  /* Only the referrals' pages are damaged: opening reads none of them, so
   * only the integrity check can notice. */
  for (gsize i = (root - 1) * page_size; i < (gsize) root * page_size; i++)
    damaged[i] ^= 0x5A;
  write_file (fixture->path, damaged, size);

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_CORRUPT);
  assert_readable_message (error);
  g_clear_error (&error);

  /* A caller that checks on its own gets the same answer from quick_check(). */
  db = pd_database_open (fixture->path, PD_OPEN_SKIP_QUICK_CHECK, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_false (pd_database_quick_check (db, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_CORRUPT);
  assert_readable_message (error);
  g_clear_error (&error);
  g_clear_object (&db);

  /* And an undamaged file passes. */
  write_file (fixture->path, data, size);
  db = pd_database_open (fixture->path, PD_OPEN_SKIP_QUICK_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (pd_database_quick_check (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 40);
}

static void
test_quick_check_cancelled (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  make_database_with_referrals (fixture->path, 5);
  db = pd_database_open (fixture->path, PD_OPEN_SKIP_QUICK_CHECK, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (pd_database_quick_check (db, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
set_setting_cb (PdTransaction  *tx,
                gpointer        user_data,
                GError        **error)
{
  return pd_transaction_set_setting (tx, "framework", user_data, error);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  InsertReferral data = { .fields = { .pseudonym = "Child R", .date_received = "2026-01-05" } };

  make_database_with_referrals (fixture->path, 2);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);

  if (access (fixture->path, W_OK) == 0)
    {
      g_test_skip ("chmod does not stop this user writing (running as root?)");
      return;
    }

  before = read_file (fixture->path);

  /* The file opens, for reading. */
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (pd_database_is_read_only (db));
  g_assert_false (pd_database_user_can_write (db));
  g_assert_cmpint (pd_database_get_user_role (db), ==, PD_ROLE_ADMINISTRATOR);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 2);

  /* Writes are refused with a reason. */
  g_assert_false (pd_database_write (db, "Add a referral", insert_referral_cb, &data, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_READ_ONLY);
  assert_readable_message (error);
  g_assert_cmpint (data.id, ==, 0);
  g_clear_object (&db);

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "new.paneldesk", NULL);

  make_database_with_referrals (fixture->path, 1);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  if (access (fixture->dir, W_OK) == 0)
    {
      g_test_skip ("chmod does not stop this user writing (running as root?)");
      return;
    }

  /* The journal could not be made beside the file: read-only. */
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (pd_database_is_read_only (db));
  g_clear_object (&db);

  db = pd_database_open (other, PD_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_READ_ONLY);
  assert_readable_message (error);
}

static void
test_read_only_flag (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  InsertReferral data = { .fields = { .pseudonym = "Child R", .date_received = "2026-01-05" } };
  g_autofree char *framework = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "new.paneldesk", NULL);
  g_autofree char *mode = NULL;

  make_database_with_referrals (fixture->path, 2);
  before = read_file (fixture->path);

  db = pd_database_open (fixture->path, PD_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (pd_database_is_read_only (db));
  g_assert_false (pd_database_user_can_write (db));
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 2);
  mode = pd_test_query_text (_pd_database_get_handle (db), "PRAGMA journal_mode;");
  g_assert_cmpstr (mode, ==, "delete");

  g_assert_false (pd_database_write (db, "Add a referral", insert_referral_cb, &data, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_READ_ONLY);
  assert_readable_message (error);
  g_clear_error (&error);

  g_assert_false (pd_database_write (db, "Change framework", set_setting_cb, (gpointer) "wales", NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_READ_ONLY);
  g_clear_error (&error);
  framework = pd_database_dup_setting (db, "framework", NULL);
  g_assert_cmpstr (framework, ==, "england-2018");

  /* Even SQL around the core cannot write through this connection. */
  g_assert_cmpint (sqlite3_exec (_pd_database_get_handle (db), "DELETE FROM referrals;", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_READONLY);
  g_clear_object (&db);

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  /* A new database cannot be made read-only. */
  db = pd_database_open (other, PD_OPEN_CREATE | PD_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_READ_ONLY);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
test_wal_database (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *raw_mode = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *reference = NULL;
  sqlite3 *raw;

  make_database_with_referrals (fixture->path, 3);

  /* Someone switched it to WAL, unsafe on a network drive. */
  raw = raw_open (fixture->path);
  raw_mode = pd_test_query_text (raw, "PRAGMA journal_mode = WAL;");
  g_assert_cmpstr (raw_mode, ==, "wal");
  sqlite3_close (raw);

  /* Read-only, it cannot be switched back: refused, with the reason. */
  db = pd_database_open (fixture->path, PD_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_READ_ONLY);
  assert_readable_message (error);
  g_assert_nonnull (strstr (error->message, "WAL"));
  g_clear_error (&error);

  /* With write access, Panel Desk switches it back to a rollback journal. */
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  mode = pd_test_query_text (_pd_database_get_handle (db), "PRAGMA journal_mode;");
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 3);
  reference = add_referral (db, "Child W", "2026-03-01", NULL);
  g_assert_cmpstr (reference, ==, "PRP-2026-004");
  g_clear_object (&db);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  raw = raw_open (fixture->path);
  g_clear_pointer (&raw_mode, g_free);
  raw_mode = pd_test_query_text (raw, "PRAGMA journal_mode;");
  g_assert_cmpstr (raw_mode, ==, "delete");
  g_assert_cmpint (pd_test_query_int (raw, "SELECT count(*) FROM referrals;"), ==, 4);
  sqlite3_close (raw);
}

static void
test_wal_database_in_use (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *raw_mode = NULL;
  sqlite3 *raw;

  make_database_with_referrals (fixture->path, 1);

  /* Another program keeps it open in WAL mode, so it cannot be switched back. */
  raw = raw_open (fixture->path);
  raw_mode = pd_test_query_text (raw, "PRAGMA journal_mode = WAL;");
  g_assert_cmpstr (raw_mode, ==, "wal");
  raw_exec (raw, "BEGIN; SELECT count(*) FROM referrals;");

  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_LOCKED);
  assert_readable_message (error);
  g_assert_nonnull (strstr (error->message, "WAL"));

  raw_exec (raw, "COMMIT;");
  sqlite3_close (raw);
}

typedef struct
{
  sqlite3 *raw;
  guint    delay_ms;
} Release;

static gpointer
release_thread (gpointer user_data)
{
  Release *release = user_data;

  g_usleep (release->delay_ms * 1000);
  raw_exec (release->raw, "COMMIT;");
  return NULL;
}

static void
test_locked_database (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  InsertReferral data = { .fields = { .pseudonym = "Child L", .date_received = "2026-05-01" } };
  Release release;
  GThread *thread;
  sqlite3 *raw;
  gint64 n_ledger, started, elapsed_ms;

  make_database_with_referrals (fixture->path, 1);
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  n_ledger = db_int (db, "SELECT count(*) FROM ledger;");

  /* Another user holds the write lock. */
  raw = raw_open (fixture->path);
  raw_exec (raw, "BEGIN EXCLUSIVE;");

  pd_database_set_lock_timeout (db, 300);
  started = g_get_monotonic_time ();
  g_assert_false (pd_database_write (db, "Add referral Child L", insert_referral_cb, &data, NULL, &error));
  elapsed_ms = (g_get_monotonic_time () - started) / 1000;
  g_test_message ("gave up after %" G_GINT64_FORMAT " ms", elapsed_ms);
  g_assert_error (error, PD_ERROR, PD_ERROR_LOCKED);
  assert_readable_message (error);
  g_clear_error (&error);
  /* It waited, but about as long as it was told to. */
  g_assert_cmpint (elapsed_ms, >=, 250);
  g_assert_cmpint (elapsed_ms, <, 1500);

  /* Nothing was lost: the form's fields are the caller's, untouched. */
  g_assert_cmpstr (data.fields.pseudonym, ==, "Child L");
  g_assert_cmpint (data.id, ==, 0);
  g_assert_true (sqlite3_get_autocommit (_pd_database_get_handle (db)));

  /* Once released, the same write goes through. */
  raw_exec (raw, "COMMIT;");
  g_assert_true (pd_database_write (db, "Add referral Child L", insert_referral_cb, &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (data.reference, ==, "PRP-2026-002");
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 2);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM ledger;"), ==, n_ledger + 1);

  /* A lock released while the write waits: the write waits it out. */
  raw_exec (raw, "BEGIN EXCLUSIVE;");
  release.raw = raw;
  release.delay_ms = 300;
  thread = g_thread_new ("release", release_thread, &release);
  data.fields.pseudonym = "Child M";
  pd_database_set_lock_timeout (db, 10000);
  g_assert_true (pd_database_write (db, "Add referral Child M", insert_referral_cb, &data, NULL, &error));
  g_assert_no_error (error);
  g_thread_join (thread);
  g_assert_cmpstr (data.reference, ==, "PRP-2026-003");

  sqlite3_close (raw);
  g_free (data.reference);
}

static void
test_create_refuses_existing (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *text_file = g_build_filename (fixture->dir, "notes.txt", NULL);

  make_database_with_referrals (fixture->path, 2);
  before = read_file (fixture->path);

  db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_EXISTS);
  assert_readable_message (error);
  g_assert_nonnull (strstr (error->message, "panel.paneldesk"));
  g_clear_error (&error);

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  /* Any non-empty file, not only databases. */
  write_file (text_file, "hello\n", 6);
  db = pd_database_open (text_file, PD_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, PD_ERROR, PD_ERROR_EXISTS);
  g_clear_error (&error);

  /* The existing database still opens. */
  db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM referrals;"), ==, 2);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *framework = pd_database_dup_setting (db, "framework", NULL);
  g_autofree char *missing = pd_database_dup_setting (db, "no-such-setting", "fallback");
  g_autofree char *changed = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  gint64 seq = 0;

  g_assert_cmpstr (framework, ==, "england-2018");
  g_assert_cmpstr (missing, ==, "fallback");

  g_assert_true (pd_database_write (db, "Framework", set_setting_cb, (gpointer) "wales", &seq, &error));
  g_assert_no_error (error);
  changed = pd_database_dup_setting (db, "framework", NULL);
  g_assert_cmpstr (changed, ==, "wales");

  before_json = pd_test_query_text (_pd_database_get_handle (db), "SELECT before_json FROM audit_log ORDER BY id DESC LIMIT 1;");
  after_json = pd_test_query_text (_pd_database_get_handle (db), "SELECT after_json FROM audit_log ORDER BY id DESC LIMIT 1;");
  g_assert_cmpstr (before_json, ==, "{\"framework\":\"england-2018\"}");
  g_assert_cmpstr (after_json, ==, "{\"framework\":\"wales\"}");
  g_assert_cmpint (db_int (db, "SELECT ledger_seq FROM audit_log ORDER BY id DESC LIMIT 1;"), ==, seq);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/database/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("connection-settings", test_connection_settings);
  ADD ("first-person-is-administrator", test_first_person_is_administrator);
  ADD ("later-login-is-not-administrator", test_later_login_is_not_administrator);
  ADD ("write/ledger-and-audit", test_write_records_ledger_and_audit);
  ADD ("write/always-audited", test_write_without_audit_still_audited);
  ADD ("write/rollback", test_failed_write_rolls_back);
  ADD ("write/nested-refused", test_nested_write_refused);
  ADD ("write/settings", test_settings);
  ADD ("references/per-year-never-reused", test_references_per_year_never_reused);
  ADD ("references/beyond-999", test_references_beyond_999);
  ADD ("validation", test_validation_errors);
  ADD ("refuse/missing-file", test_refuse_missing_file);
  ADD ("refuse/text-file", test_refuse_text_file);
  ADD ("refuse/empty-file", test_refuse_empty_file);
  ADD ("refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("refuse/foreign-sqlite-wal", test_refuse_foreign_sqlite_in_wal_mode);
  ADD ("refuse/truncated", test_refuse_truncated);
  ADD ("refuse/byte-flipped", test_refuse_byte_flipped);
  ADD ("refuse/quick-check-on-open", test_quick_check_on_open);
  ADD ("refuse/quick-check-cancelled", test_quick_check_cancelled);
  ADD ("refuse/read-only-file", test_read_only_file);
  ADD ("refuse/read-only-folder", test_read_only_folder);
  ADD ("refuse/read-only-flag", test_read_only_flag);
  ADD ("refuse/create-existing", test_create_refuses_existing);
  ADD ("wal/switched-back", test_wal_database);
  ADD ("wal/in-use", test_wal_database_in_use);
  ADD ("locked", test_locked_database);

#undef ADD

  return g_test_run ();
}
