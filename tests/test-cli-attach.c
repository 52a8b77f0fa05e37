/* test-cli-attach.c: "attach", and "check" and "backup" with attachments,
 * run as an administrator would */
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "pd-test-pdf.h"
#include "pd-test-util.h"

static const char *admin;
static char *tmp_dir;
static PdTestPdfFixtures *pdfs;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_admin (Run *run,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) admin);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (tmp_dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* A new demo database called @name (30 referrals: PRP-2025-001 exists). */
static char *
new_demo (const char *name)
{
  g_auto(Run) run = { 0 };
  char *path = g_build_filename (tmp_dir, name, NULL);

  run_admin (&run, "demo", path, "--referrals", "30", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

static gint64
query_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  value = pd_test_query_int (db, sql);
  sqlite3_close (db);
  return value;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_attach_lines (void)
{
  g_autofree char *path = new_demo ("attach.paneldesk");
  g_autofree char *word = g_build_filename (tmp_dir, "minutes.docx", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };
  gint64 before = query_int (path, "SELECT count(*) FROM documents;");

  g_file_set_contents (word, "PK\003\004 kept as it is", -1, &error);
  g_assert_no_error (error);
  run_admin (&run, "attach", path, "--referral", "PRP-2025-001", "--kind", "overview_report",
             pdfs->text, pdfs->encrypted, pdfs->flipped, word, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (count_lines (run.out), ==, 4);
  /* Its id, its kind, its pages; or why a PDF cannot be read. */
  g_assert_true (g_str_has_prefix (lines[0], "document "));
  g_assert_nonnull (strstr (lines[0], "text.pdf: Overview report, 12 pages"));
  g_assert_nonnull (strstr (lines[1], "encrypted.pdf: Overview report"));
  g_assert_nonnull (strstr (lines[1], "password-protected"));
  g_assert_nonnull (strstr (lines[2], "flipped.pdf"));
  g_assert_nonnull (strstr (lines[2], "damaged"));
  g_assert_nonnull (strstr (lines[3], "minutes.docx: Overview report, application/"));

  /* All four kept, the unreadable ones marked. */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM documents;"), ==, before + 4);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM documents WHERE unreadable = 'password';"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM documents WHERE unreadable = 'damaged' "
                                    "AND filename = 'flipped.pdf';"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM documents d JOIN referrals r ON r.id = d.referral_id "
                                    "WHERE r.reference = 'PRP-2025-001' AND d.filename = 'text.pdf' "
                                    "AND d.page_count = 12;"), ==, 1);

  /* "index" makes the new PDF's pages searchable; a second run has nothing to do. */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM document_extraction WHERE state = 'pending';"), ==, 1);
  {
    g_auto(Run) index = { 0 };

    run_admin (&index, "index", path, NULL);
    g_assert_cmpint (index.status, ==, 0);
    g_assert_nonnull (strstr (index.out, "text index: "));
  }
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM document_extraction WHERE state = 'pending';"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM document_pages_fts d JOIN documents x ON x.id = d.document_id "
                                    "WHERE x.filename = 'text.pdf';"), ==, 12);
  {
    g_auto(Run) again = { 0 };

    run_admin (&again, "index", path, NULL);
    g_assert_cmpint (again.status, ==, 0);
  }
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM document_pages_fts d JOIN documents x ON x.id = d.document_id "
                                    "WHERE x.filename = 'text.pdf';"), ==, 12);
}

static void
test_attach_failures (void)
{
  g_autofree char *path = new_demo ("attach-fail.paneldesk");
  g_autofree char *absent = g_build_filename (tmp_dir, "absent.pdf", NULL);
  gint64 before = query_int (path, "SELECT count(*) FROM documents;");

  {
    /* One file missing: the others are stored, the exit says not all were. */
    g_auto(Run) run = { 0 };

    run_admin (&run, "attach", path, "--referral", "PRP-2025-001", pdfs->text, absent, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (count_lines (run.out), ==, 1);
    g_assert_nonnull (strstr (run.out, "text.pdf: Other, 12 pages"));
    g_assert_nonnull (strstr (run.err, "absent.pdf"));
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM documents;"), ==, before + 1);
  }
  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "attach", path, pdfs->text, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--referral"));
  }
  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "attach", path, "--referral", "PRP-2025-001", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "attach", path, "--referral", "PRP-2025-001", "--kind", "novel", pdfs->text, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "novel"));
  }
  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "attach", path, "--referral", "PRP-1999-999", pdfs->text, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "PRP-1999-999"));
  }
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM documents;"), ==, before + 1);
}

static char *
stored_path (const char *db_path, const char *filename)
{
  g_autofree char *sql = g_strdup_printf ("SELECT sha256 FROM documents WHERE filename = '%s';", filename);
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *sha = NULL;
  g_autofree char *name = NULL;
  g_autofree char *store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sha = pd_test_query_text (db, sql);
  sqlite3_close (db);
  *strrchr (base, '.') = '\0';
  store = g_strconcat (base, ".paneldesk-files", NULL);
  name = g_strconcat (sha, ".pdf", NULL);
  return g_build_filename (dir, store, (char[]) { sha[0], sha[1], '\0' }, name, NULL);
}

static void
test_check_and_backup (void)
{
  g_autofree char *path = new_demo ("check.paneldesk");
  g_autofree char *backup = g_build_filename (tmp_dir, "check-backup.paneldesk", NULL);
  g_autofree char *restored = g_build_filename (tmp_dir, "check-restored.paneldesk", NULL);
  g_autofree char *text_file = NULL;
  g_autofree char *outlined_file = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "attach", path, "--referral", "PRP-2025-001", "--kind", "chronology",
               pdfs->text, pdfs->outlined, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "check", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "attachments: "));
    g_assert_nonnull (strstr (run.out, " 0 missing or altered"));
    g_assert_nonnull (strstr (run.out, "text index: "));
  }
  /* The backup carries the files; the restored database opens them. */
  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "backup", path, backup, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "restore", backup, restored, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "check", restored, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  /* One altered, one missing: named, and the exit says so. */
  text_file = stored_path (path, "text.pdf");
  outlined_file = stored_path (path, "outlined.pdf");
  g_file_set_contents (text_file, "%PDF-1.5 not what was attached", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (outlined_file), ==, 0);
  {
    g_auto(Run) run = { 0 };

    run_admin (&run, "check", path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "“text”: its file has been altered"));
    g_assert_nonnull (strstr (run.out, "“outlined”: its file is missing"));
    g_assert_nonnull (strstr (run.out, " 2 missing or altered"));
  }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  admin = g_getenv ("PANEL_DESK_ADMIN");
  if (admin == NULL)
    {
      g_printerr ("PANEL_DESK_ADMIN must name the panel-desk-admin program\n");
      return 1;
    }
  tmp_dir = g_dir_make_tmp ("panel-desk-test-cli-attach-XXXXXX", &error);
  g_assert_no_error (error);
  pdfs = pd_test_pdf_fixtures_new ();

  g_test_add_func ("/cli/attach/lines", test_attach_lines);
  g_test_add_func ("/cli/attach/failures", test_attach_failures);
  g_test_add_func ("/cli/attach/check-and-backup", test_check_and_backup);
  status = g_test_run ();

  pd_test_pdf_fixtures_free (pdfs);
  pd_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
