/* test-cli.c: panel-desk-admin's commands and exit codes, run as a user would */
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "pd-test-util.h"

static const char *admin;
static char *tmp_dir;

/* Runs panel-desk-admin with the NULL-terminated arguments, in tmp_dir. */
#define run_admin(run, ...) pd_test_run ((run), tmp_dir, admin, __VA_ARGS__)

static char *
path_in_tmp (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A demo database, made once for the tests that read one. */
static const char *
demo_path (void)
{
  static char *path;

  if (path == NULL)
    {
      g_auto(PdTestRun) run = { 0 };

      path = path_in_tmp ("demo.paneldesk");
      run_admin (&run, "demo", path, "--referrals", "30", NULL);
      g_assert_cmpint (run.status, ==, 0);
    }
  return path;
}

static char *
copy_of_demo (const char *name)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = path_in_tmp (name);
  gsize length;

  g_file_get_contents (demo_path (), &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Tests */

static void
test_help (void)
{
  static const char *commands[] = { "init", "demo", "check", "backup", "restore", "import-referrals", "export-referrals",
                                    "export-decisions", "confirm-key" };

  {
    g_auto(PdTestRun) run = { 0 };

    run_admin (&run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (run.out, commands[i]));
  }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(PdTestRun) run = { 0 };
      g_auto(PdTestRun) help = { 0 };
      g_autofree char *usage = g_strdup_printf ("panel-desk-admin %s ", commands[i]);

      run_admin (&run, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, usage));

      /* "help COMMAND" says the same. */
      run_admin (&help, "help", commands[i], NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_cmpstr (help.out, ==, run.out);
    }

  {
    g_auto(PdTestRun) run = { 0 };

    run_admin (&run, "--version", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "panel-desk-admin "));
  }
}

static void
test_bad_usage (void)
{
  g_auto(PdTestRun) none = { 0 };
  g_auto(PdTestRun) unknown = { 0 };
  g_auto(PdTestRun) missing = { 0 };
  g_auto(PdTestRun) extra = { 0 };
  g_auto(PdTestRun) option = { 0 };
  g_auto(PdTestRun) number = { 0 };
  g_auto(PdTestRun) zero = { 0 };

  run_admin (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);

  run_admin (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  /* Errors are one line, named after the program. */
  g_assert_true (g_str_has_prefix (unknown.err, "panel-desk-admin: "));
  g_assert_nonnull (strchr (unknown.err, '\n'));
  g_assert_cmpstr (strchr (unknown.err, '\n') + 1, ==, "");

  run_admin (&missing, "check", NULL);
  g_assert_cmpint (missing.status, ==, 2);

  run_admin (&extra, "init", "a", "b", NULL);
  g_assert_cmpint (extra.status, ==, 2);

  run_admin (&option, "check", "--no-such-option", "x", NULL);
  g_assert_cmpint (option.status, ==, 2);

  run_admin (&number, "demo", "never.paneldesk", "--referrals", "abc", NULL);
  g_assert_cmpint (number.status, ==, 2);
  g_assert_nonnull (strstr (number.err, "abc"));

  run_admin (&zero, "demo", "never.paneldesk", "--referrals", "0", NULL);
  g_assert_cmpint (zero.status, ==, 2);

  /* Bad usage made nothing. */
  g_assert_false (g_file_test ("never.paneldesk", G_FILE_TEST_EXISTS));
}

static void
test_init (void)
{
  g_autofree char *path = path_in_tmp ("init.paneldesk");
  g_auto(PdTestRun) init = { 0 };
  g_auto(PdTestRun) again = { 0 };
  g_auto(PdTestRun) check = { 0 };

  run_admin (&init, "init", path, NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* An existing database is never overwritten. */
  run_admin (&again, "init", path, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already exists"));

  run_admin (&check, "check", path, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "integrity_check: ok"));
  g_assert_nonnull (strstr (check.out, "foreign_key_check: ok"));
  g_assert_nonnull (strstr (check.out, "people: 1\n"));
  g_assert_nonnull (strstr (check.out, "referrals: 0\n"));
  g_assert_nonnull (strstr (check.out, "schema version: "));
  g_assert_nonnull (strstr (check.out, "journal mode: delete\n"));
  g_assert_nonnull (strstr (check.out, "file system: "));
  g_assert_nonnull (strstr (check.out, "ledger: "));
  g_assert_nonnull (strstr (check.out, "All is well.\n"));
  g_assert_null (strstr (check.out, "problem"));
}

static void
test_demo (void)
{
  g_auto(PdTestRun) check = { 0 };
  g_autofree char *files = path_in_tmp ("demo.paneldesk-files");

  run_admin (&check, "check", demo_path (), NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "referrals: 30\n"));
  g_assert_nonnull (strstr (check.out, "All is well."));
  /* Its papers are kept beside it. */
  g_assert_true (g_file_test (files, G_FILE_TEST_IS_DIR));

  /* Nothing is made over an existing database. */
  {
    g_auto(PdTestRun) again = { 0 };

    run_admin (&again, "demo", demo_path (), "--referrals", "3", NULL);
    g_assert_cmpint (again.status, ==, 1);
    g_assert_true (g_str_has_prefix (again.err, "panel-desk-admin: "));
  }
}

static void
test_check_refuses_bad_files (void)
{
  g_autofree char *text = path_in_tmp ("notes.txt");
  g_autofree char *empty = path_in_tmp ("empty.paneldesk");
  g_autoptr(GError) error = NULL;
  g_auto(PdTestRun) missing = { 0 };
  g_auto(PdTestRun) not_db = { 0 };
  g_auto(PdTestRun) zero = { 0 };

  run_admin (&missing, "check", "nowhere.paneldesk", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.out, "not found"));

  g_file_set_contents (text, "Agenda for Tuesday\n", -1, &error);
  g_assert_no_error (error);
  run_admin (&not_db, "check", text, NULL);
  g_assert_cmpint (not_db.status, ==, 1);
  g_assert_nonnull (strstr (not_db.out, "not a Panel Desk database"));

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  run_admin (&zero, "check", empty, NULL);
  g_assert_cmpint (zero.status, ==, 1);
}

/* XOR every byte of pages @first to @last (1-based; 0 or less counts back
 * from the last page) with 0x5A. */
static void
flip_pages (const char *path,
            int         first,
            int         last)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, page_size, i;
  int n_pages;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  page_size = ((guchar) contents[16] << 8) | (guchar) contents[17];
  n_pages = length / page_size;
  if (first <= 0)
    first += n_pages;
  if (last <= 0)
    last += n_pages;
  g_assert_cmpint (first, >=, 1);
  g_assert_cmpuint (length, >=, page_size * last);
  for (i = page_size * (first - 1); i < page_size * last; i++)
    contents[i] ^= 0x5A;
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Runs @sql on the database at @path with SQLite itself, as another program
 * (or a damaged network share) might. */
static void
execute_sql (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* The page where the b-tree of table or index @name starts. */
static int
root_page (const char *path,
           const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int page;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?;",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);
  return page;
}

static void
test_check_finds_damage (void)
{
  g_autofree char *early = copy_of_demo ("flipped-early.paneldesk");
  g_autofree char *late = copy_of_demo ("flipped-late.paneldesk");
  g_autofree char *truncated = copy_of_demo ("truncated.paneldesk");
  g_auto(PdTestRun) early_run = { 0 };
  g_auto(PdTestRun) late_run = { 0 };
  g_auto(PdTestRun) truncated_run = { 0 };
  GStatBuf st;

  /* Pages near the start hold the schema and the first tables. */
  flip_pages (early, 2, 4);
  run_admin (&early_run, "check", early, NULL);
  g_assert_cmpint (early_run.status, ==, 1);
  g_assert_nonnull (strstr (early_run.out, "problem: "));

  /* Pages near the end hold the last rows and indexes. */
  flip_pages (late, -3, -1);
  run_admin (&late_run, "check", late, NULL);
  g_assert_cmpint (late_run.status, ==, 1);
  g_assert_nonnull (strstr (late_run.out, "problem: "));
  g_assert_null (strstr (late_run.out, "All is well."));

  /* Pages that are b-trees for sure, the schema intact: the file still
   * opens and integrity_check lists what it finds. */
  {
    g_autofree char *roots = copy_of_demo ("flipped-roots.paneldesk");
    g_auto(PdTestRun) roots_run = { 0 };
    int table = root_page (roots, "referrals");
    int index = root_page (roots, "audit_log_ledger");

    flip_pages (roots, table, table);
    flip_pages (roots, index, index);
    run_admin (&roots_run, "check", roots, NULL);
    g_assert_cmpint (roots_run.status, ==, 1);
    g_assert_nonnull (strstr (roots_run.out, "schema version: "));
    g_assert_nonnull (strstr (roots_run.out, "problem: integrity_check: "));
    g_assert_nonnull (strstr (roots_run.out, "problems found."));
  }

  g_assert_cmpint (g_stat (truncated, &st), ==, 0);
  g_assert_cmpint (truncate (truncated, st.st_size / 2), ==, 0);
  run_admin (&truncated_run, "check", truncated, NULL);
  g_assert_cmpint (truncated_run.status, ==, 1);
}

/* Damage SQLite cannot see: the ledger of commits and the schema version. */
static void
test_check_finds_lost_commits (void)
{
  g_autofree char *lost = copy_of_demo ("lost-commit.paneldesk");
  g_autofree char *newer = copy_of_demo ("newer.paneldesk");
  g_autofree char *wal = copy_of_demo ("wal.paneldesk");
  g_auto(PdTestRun) lost_run = { 0 };
  g_auto(PdTestRun) newer_run = { 0 };
  g_auto(PdTestRun) wal_run = { 0 };

  /* A commit that vanished, as a network share may lose one. */
  execute_sql (lost, "DELETE FROM ledger WHERE seq = 2;");
  run_admin (&lost_run, "check", lost, NULL);
  g_assert_cmpint (lost_run.status, ==, 1);
  g_assert_nonnull (strstr (lost_run.out, "integrity_check: ok\n"));
  g_assert_nonnull (strstr (lost_run.out, "problem: foreign_key_check: "));
  g_assert_nonnull (strstr (lost_run.out, "problem: ledger: 1 entries between"));
  g_assert_nonnull (strstr (lost_run.out, "problem: audit_log: "));

  execute_sql (newer, "PRAGMA user_version = 999;");
  run_admin (&newer_run, "check", newer, NULL);
  g_assert_cmpint (newer_run.status, ==, 1);
  g_assert_nonnull (strstr (newer_run.out, "problem: "));

  execute_sql (wal, "PRAGMA journal_mode = WAL;");
  run_admin (&wal_run, "check", wal, NULL);
  g_assert_cmpint (wal_run.status, ==, 1);
  g_assert_nonnull (strstr (wal_run.out, "problem: "));
}

static void
test_backup (void)
{
  g_autofree char *dest = path_in_tmp ("backup.paneldesk");
  g_auto(PdTestRun) backup = { 0 };
  g_auto(PdTestRun) check = { 0 };
  g_auto(PdTestRun) again = { 0 };
  g_auto(PdTestRun) from_bad = { 0 };

  run_admin (&backup, "backup", demo_path (), dest, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test ("backup.paneldesk.partial", G_FILE_TEST_EXISTS));

  run_admin (&check, "check", dest, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "referrals: 30\n"));

  /* An existing file is never overwritten by a backup. */
  {
    g_autofree char *notes = path_in_tmp ("notes-kept.txt");
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;

    g_file_set_contents (notes, "Keep me\n", -1, &error);
    g_assert_no_error (error);
    run_admin (&again, "backup", demo_path (), notes, NULL);
    g_assert_cmpint (again.status, ==, 1);
    g_assert_nonnull (strstr (again.err, "already exists"));
    g_file_get_contents (notes, &contents, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (contents, ==, "Keep me\n");
  }

  /* Nothing is left from a backup that could not be made. */
  run_admin (&from_bad, "backup", "nowhere.paneldesk", "other.paneldesk", NULL);
  g_assert_cmpint (from_bad.status, ==, 1);
  g_assert_false (g_file_test ("other.paneldesk", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("other.paneldesk.partial", G_FILE_TEST_EXISTS));

  {
    g_autofree char *broken = copy_of_demo ("broken-source.paneldesk");
    g_auto(PdTestRun) broken_run = { 0 };
    int table = root_page (broken, "referrals");

    flip_pages (broken, table, table);
    run_admin (&broken_run, "backup", broken, "broken-copy.paneldesk", NULL);
    g_assert_cmpint (broken_run.status, ==, 1);
    g_assert_false (g_file_test ("broken-copy.paneldesk", G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test ("broken-copy.paneldesk.partial", G_FILE_TEST_EXISTS));
  }

  {
    g_auto(PdTestRun) usage = { 0 };

    run_admin (&usage, "backup", demo_path (), NULL);
    g_assert_cmpint (usage.status, ==, 2);
  }
}

/* A backup restored to a new file is a working database; a damaged backup,
 * or a name already taken, restores nothing. */
static void
test_restore (void)
{
  g_autofree char *backup_path = path_in_tmp ("for-restore.backup");
  g_autofree char *restored = path_in_tmp ("restored.paneldesk");
  g_autofree char *damaged = path_in_tmp ("damaged.backup");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PdTestRun) backup = { 0 };
  g_auto(PdTestRun) restore = { 0 };
  g_auto(PdTestRun) check = { 0 };
  g_auto(PdTestRun) over = { 0 };
  g_auto(PdTestRun) from_damaged = { 0 };
  gsize length;

  run_admin (&backup, "backup", demo_path (), backup_path, NULL);
  g_assert_cmpint (backup.status, ==, 0);

  run_admin (&restore, "restore", backup_path, restored, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  run_admin (&check, "check", restored, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "referrals: 30\n"));

  /* Never over a database, not even the damaged one it replaces. */
  run_admin (&over, "restore", backup_path, demo_path (), NULL);
  g_assert_cmpint (over.status, ==, 1);
  g_assert_nonnull (strstr (over.err, "already exists"));

  g_file_get_contents (backup_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (damaged, contents, length, &error);
  g_assert_no_error (error);
  flip_pages (damaged, -3, -1);
  run_admin (&from_damaged, "restore", damaged, "from-damaged.paneldesk", NULL);
  g_assert_cmpint (from_damaged.status, ==, 1);
  g_assert_false (g_file_test ("from-damaged.paneldesk", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("from-damaged.paneldesk.partial", G_FILE_TEST_EXISTS));
}

/* A board's spreadsheet in, the list out, and back in unchanged. */
static void
test_import_export (void)
{
  g_autofree char *db = path_in_tmp ("imported.paneldesk");
  g_autofree char *copy = path_in_tmp ("copy.paneldesk");
  g_autofree char *good = path_in_tmp ("good.csv");
  g_autofree char *bad = path_in_tmp ("bad.csv");
  g_autofree char *exported = path_in_tmp ("exported.csv");
  g_autoptr(GError) error = NULL;
  g_auto(PdTestRun) template = { 0 };
  g_auto(PdTestRun) init = { 0 };
  g_auto(PdTestRun) init_copy = { 0 };
  g_auto(PdTestRun) import_bad = { 0 };
  g_auto(PdTestRun) import_good = { 0 };
  g_auto(PdTestRun) export = { 0 };
  g_auto(PdTestRun) import_copy = { 0 };
  g_auto(PdTestRun) export_copy = { 0 };
  g_auto(PdTestRun) format = { 0 };

  run_admin (&template, "import-referrals", "--template", NULL);
  g_assert_cmpint (template.status, ==, 0);
  g_assert_true (g_str_has_prefix (template.out, "reference,pseudonym,"));

  run_admin (&init, "init", db, NULL);
  g_assert_cmpint (init.status, ==, 0);

  g_file_set_contents (bad, "pseudonym,date_received\nChild A,2026-01-01\nChild B,2026-02-30\n", -1, &error);
  g_assert_no_error (error);
  run_admin (&import_bad, "import-referrals", db, bad, NULL);
  g_assert_cmpint (import_bad.status, ==, 1);
  g_assert_nonnull (strstr (import_bad.err, "line 3"));
  g_assert_nonnull (strstr (import_bad.err, "Nothing was imported"));

  g_file_set_contents (good, "pseudonym,date_received,referrer_agency\nChild A,2026-01-01,Police\n"
                             "\"Baby B, twin\",2026-01-02,\"Health, acute trust\"\n", -1, &error);
  g_assert_no_error (error);
  run_admin (&import_good, "import-referrals", db, good, NULL);
  g_assert_cmpint (import_good.status, ==, 0);
  g_assert_nonnull (strstr (import_good.out, "Imported 2 referrals"));

  run_admin (&export, "export-referrals", db, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "PRP-2026-002,\"Baby B, twin\""));
  g_file_set_contents (exported, export.out, -1, &error);
  g_assert_no_error (error);

  run_admin (&init_copy, "init", copy, NULL);
  run_admin (&import_copy, "import-referrals", copy, exported, NULL);
  g_assert_cmpint (import_copy.status, ==, 0);
  run_admin (&export_copy, "export-referrals", copy, NULL);
  g_assert_cmpstr (export_copy.out, ==, export.out);

  run_admin (&format, "export-referrals", db, "--format", "xml", NULL);
  g_assert_cmpint (format.status, ==, 2);

  /* JSON: valid, both referrals, each with its criteria outcome and clocks. */
  {
    g_auto(PdTestRun) json = { 0 };
    sqlite3 *mem = NULL;
    sqlite3_stmt *stmt = NULL;

    run_admin (&json, "export-referrals", db, "--format", "json", NULL);
    g_assert_cmpint (json.status, ==, 0);
    g_assert_cmpint (sqlite3_open (":memory:", &mem), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (mem, "SELECT json_valid (?1), json_array_length (?1), "
                                              "json_extract (?1, '$[1].pseudonym'), "
                                              "json_type (?1, '$[1].criteria.outcome'), "
                                              "json_type (?1, '$[1].clocks');", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, json.out, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "Baby B, twin");
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "text");
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "array");
    sqlite3_finalize (stmt);
    sqlite3_close (mem);
  }
}

/* An import the share later lost: `check`, run by the same user, names it
 * from the receipt kept in the user's own data folder. */
static void
test_check_receipts (void)
{
  g_autofree char *path = path_in_tmp ("receipts.paneldesk");
  g_autofree char *before = path_in_tmp ("receipts.before");
  g_autofree char *csv = path_in_tmp ("receipts.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  g_auto(PdTestRun) init = { 0 };
  g_auto(PdTestRun) import = { 0 };
  g_auto(PdTestRun) check_ok = { 0 };
  g_auto(PdTestRun) check_lost = { 0 };

  run_admin (&init, "init", path, NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (before, contents, length, &error);
  g_assert_no_error (error);

  g_file_set_contents (csv, "pseudonym,date_received\nChild R,2026-03-02\n", -1, &error);
  g_assert_no_error (error);
  run_admin (&import, "import-referrals", path, csv, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_admin (&check_ok, "check", path, NULL);
  g_assert_cmpint (check_ok.status, ==, 0);
  g_assert_nonnull (strstr (check_ok.out, "receipts: 0"));

  /* The share hands back the file as it was before the import. */
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  run_admin (&check_lost, "check", path, NULL);
  g_assert_cmpint (check_lost.status, ==, 1);
  g_assert_nonnull (strstr (check_lost.out, "PRP-2026-001"));
  g_assert_nonnull (strstr (check_lost.out, "missing from the database"));
}

/* ---------------------------------------------------------- signatures */

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  value = pd_test_query_int (db, sql);
  sqlite3_close (db);
  return value;
}

static void
test_demo_signatures (void)
{
  g_auto(PdTestRun) check = { 0 };
  g_autofree char *key_dir = g_strdup (g_getenv ("PANEL_DESK_KEY_DIR"));
  g_autofree char *key = g_build_filename (key_dir, "ahartley.key", NULL);
  g_autofree char *files_key = path_in_tmp ("demo.paneldesk-files/ahartley.key");
  const char *path = demo_path ();

  /* Signed decisions, ones awaiting signature, a superseded one. */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM decisions WHERE signature IS NOT NULL;"), >, 5);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM decisions WHERE kind = 'decision' AND signature IS NULL;"), >, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM decisions WHERE supersedes_id IS NOT NULL "
                                    "AND signature IS NOT NULL;"), ==, 1);

  /* The demo chair's key is in the key folder, not beside the database. */
  g_assert_true (g_file_test (key, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (files_key, G_FILE_TEST_EXISTS));

  run_admin (&check, "check", path, "--receipts", key_dir, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "signatures: "));
  g_assert_nonnull (strstr (check.out, " 0 altered\n"));
  g_assert_nonnull (strstr (check.out, "receipts: "));
  g_assert_nonnull (strstr (check.out, ", 0 no longer matching\n"));
  g_assert_null (strstr (check.out, "problem"));
}

/* Tampers with a copy of the demo as the sqlite3 shell would, then expects
 * check to exit 1 with a problem line naming decision @victim. */
static void
assert_check_catches (const char *name,
                      const char *sql,
                      const char *victim_sql,
                      gboolean    with_receipts)
{
  g_autofree char *path = copy_of_demo (name);
  g_autofree char *expected = NULL;
  g_auto(PdTestRun) check = { 0 };
  gint64 victim = query_int (path, victim_sql);

  execute_sql (path, sql);
  if (with_receipts)
    run_admin (&check, "check", path, "--receipts", g_getenv ("PANEL_DESK_KEY_DIR"), NULL);
  else
    run_admin (&check, "check", path, NULL);
  g_assert_cmpint (check.status, ==, 1);
  expected = g_strdup_printf ("problem: Decision %" G_GINT64_FORMAT " (PRP-", victim);
  if (strstr (check.out, expected) == NULL)
    g_error ("%s: “%s” not in:\n%s", name, expected, check.out);
}

static void
test_check_finds_tampering (void)
{
  /* The trigger refuses an edit through SQLite itself. */
  {
    g_autofree char *path = copy_of_demo ("refused.paneldesk");
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE decisions SET rationale = 'x' WHERE signature IS NOT NULL;",
                                   NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db, "DELETE FROM decisions WHERE signature IS NOT NULL;",
                                   NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }

  /* Edited after dropping the trigger. */
  assert_check_catches ("edited.paneldesk",
                        "DROP TRIGGER decisions_signed_no_update;"
                        "UPDATE decisions SET outcome = 'no_review', rationale = 'Edited later.' "
                        "WHERE id = (SELECT min(id) FROM decisions WHERE signature IS NOT NULL AND outcome <> 'no_review');",
                        "SELECT min(id) FROM decisions WHERE signature IS NOT NULL AND outcome <> 'no_review';",
                        FALSE);

  /* A signature block copied onto a decision awaiting signature. */
  assert_check_catches ("copied.paneldesk",
                        "UPDATE decisions SET (signed_by, signed_at, signature, signing_key_id, signed_hash, previous_hash) = "
                        "(SELECT signed_by, signed_at, signature, signing_key_id, signed_hash, previous_hash FROM decisions "
                        " WHERE chain_seq = 1) "
                        "WHERE id = (SELECT min(id) FROM decisions WHERE kind = 'decision' AND signature IS NULL);",
                        "SELECT min(id) FROM decisions WHERE kind = 'decision' AND signature IS NULL;",
                        FALSE);

  /* A signed decision deleted: the next one in the chain is named. */
  assert_check_catches ("deleted.paneldesk",
                        "DROP TRIGGER decisions_signed_no_delete; PRAGMA foreign_keys = OFF;"
                        "DELETE FROM decisions WHERE chain_seq = 2;",
                        "SELECT id FROM decisions WHERE chain_seq = 3;",
                        FALSE);

  /* The public key swapped, with its fingerprint: the signatures no longer hold. */
  assert_check_catches ("swapped.paneldesk",
                        "DROP TRIGGER signing_keys_fixed;"
                        "UPDATE signing_keys SET public_key = randomblob(32);"
                        "UPDATE signing_keys SET fingerprint = lower(hex(randomblob(32)));",
                        "SELECT id FROM decisions WHERE chain_seq = 1;",
                        FALSE);

  /* A decision re-signed from scratch is caught against the receipts: here
   * its signature cleared and a stranger's put in its place. */
  assert_check_catches ("resigned.paneldesk",
                        "DROP TRIGGER decisions_signed_no_update;"
                        "UPDATE decisions SET signature = randomblob(64) WHERE chain_seq = 1;",
                        "SELECT id FROM decisions WHERE chain_seq = 1;",
                        TRUE);
}

/* A small RFC 4180 reader: the number of records, each with @n_fields. */
static guint
count_csv_records (const char *text,
                   guint      *n_fields_of_first)
{
  guint records = 0, fields = 1;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            p++;
          else if (*p == '"')
            quoted = FALSE;
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        fields++;
      else if (*p == '\n')
        {
          if (records == 0 && n_fields_of_first != NULL)
            *n_fields_of_first = fields;
          g_assert_cmpuint (fields, ==, *n_fields_of_first);
          records++;
          fields = 1;
        }
    }
  g_assert_false (quoted);
  return records;
}

static void
test_export_decisions (void)
{
  g_auto(PdTestRun) csv = { 0 };
  g_auto(PdTestRun) json = { 0 };
  g_auto(PdTestRun) bad = { 0 };
  g_auto(PdTestRun) to_file = { 0 };
  g_autofree char *out_path = path_in_tmp ("decisions.json");
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n = query_int (demo_path (), "SELECT count(*) FROM decisions;");
  gint64 n_signed = query_int (demo_path (), "SELECT count(*) FROM decisions WHERE signature IS NOT NULL;");
  guint n_fields = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  run_admin (&csv, "export-decisions", demo_path (), "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "id,referral_reference,pseudonym,kind,outcome,"));
  g_assert_cmpuint (count_csv_records (csv.out, &n_fields), ==, n + 1);
  g_assert_cmpuint (n_fields, ==, 25);

  run_admin (&json, "export-decisions", demo_path (), "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);

  /* SQLite's own JSON reader parses it back. */
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT json_valid(?1), json_array_length(?1), "
                                       "  (SELECT count(*) FROM json_each(?1) WHERE json_extract(value, '$.signature_state') = 'verified'), "
                                       "  (SELECT count(*) FROM json_each(?1) WHERE json_extract(value, '$.supersedes_id') IS NOT NULL);",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json.out, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, n);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, n_signed);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  run_admin (&to_file, "export-decisions", demo_path (), "--format", "json", "--output", out_path, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_file_get_contents (out_path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, json.out);

  run_admin (&bad, "export-decisions", demo_path (), "--format", "xml", NULL);
  g_assert_cmpint (bad.status, ==, 2);
}

static void
test_confirm_key (void)
{
  g_autofree char *path = copy_of_demo ("confirm.paneldesk");
  g_auto(PdTestRun) confirm = { 0 };
  g_auto(PdTestRun) again = { 0 };
  g_auto(PdTestRun) unknown = { 0 };

  /* A member's key (made by hand here) waiting for an administrator. */
  execute_sql (path, "INSERT INTO signing_keys (person_id, public_key, fingerprint, created_at) "
                     "VALUES (3, randomblob(32), '" "abababababababababababababababababababababababababababababababab" "', "
                     "        '2026-11-20T10:00:00Z');");

  run_admin (&unknown, "confirm-key", path, "1234 5678 1234 5678", NULL);
  g_assert_cmpint (unknown.status, ==, 1);

  run_admin (&confirm, "confirm-key", path, "ABAB ABAB ABAB ABAB", NULL);
  g_assert_cmpint (confirm.status, ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM signing_keys WHERE person_id = 3 AND confirmed_by IS NOT NULL;"),
                   ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM audit_log WHERE entity = 'signing_key' AND action = 'confirm';"),
                   ==, 2);

  /* Confirmed once. */
  run_admin (&again, "confirm-key", path, "ABAB ABAB ABAB ABAB", NULL);
  g_assert_cmpint (again.status, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  admin = g_getenv ("PANEL_DESK_ADMIN");
  g_assert_nonnull (admin);
  tmp_dir = g_dir_make_tmp ("panel-desk-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chdir (tmp_dir), ==, 0);
  {
    /* The commands keep receipts in the user's data folder: here, the test's own. */
    g_autofree char *data_home = g_build_filename (tmp_dir, "data-home", NULL);

    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/init", test_init);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/check/bad-files", test_check_refuses_bad_files);
  g_test_add_func ("/cli/check/damage", test_check_finds_damage);
  g_test_add_func ("/cli/check/lost-commits", test_check_finds_lost_commits);
  g_test_add_func ("/cli/check/receipts", test_check_receipts);
  g_test_add_func ("/cli/backup", test_backup);
  g_test_add_func ("/cli/restore", test_restore);
  g_test_add_func ("/cli/import-export", test_import_export);
  g_test_add_func ("/cli/demo-signatures", test_demo_signatures);
  g_test_add_func ("/cli/check/tampering", test_check_finds_tampering);
  g_test_add_func ("/cli/export-decisions", test_export_decisions);
  g_test_add_func ("/cli/confirm-key", test_confirm_key);

  result = g_test_run ();

  pd_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
