/* test-ledger-receipts.c: a commit the share lost is found and named
 *
 * The share's copy of the database goes back to an older state (as a
 * network cache losing writes does): the integrity check is happy, but the
 * receipts this client kept name the change that is gone.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "pd-core.h"
#include "pd-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *receipts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("panel-desk-test-receipts-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "share.paneldesk", NULL);
  fixture->receipts = g_build_filename (fixture->dir, "my-data", "receipts", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->receipts);
}

static gboolean
insert_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  PdReferralFields fields = { .pseudonym = user_data, .date_received = "2026-03-02" };

  return pd_referral_insert (tx, &fields, NULL, error) != 0;
}

static void
add_referral (PdDatabase *db,
              const char *pseudonym)
{
  g_autoptr(GError) error = NULL;

  pd_database_write (db, "New referral", insert_cb, (gpointer) pseudonym, NULL, &error);
  g_assert_no_error (error);
}

static PdDatabase *
open_database (Fixture      *fixture,
               PdOpenFlags   flags)
{
  g_autoptr(GError) error = NULL;
  PdDatabase *db = pd_database_open (fixture->path, flags, &error);

  g_assert_no_error (error);
  pd_database_set_receipts_dir (db, fixture->receipts);
  return db;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_all_present (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(PdDatabase) db = open_database (fixture, PD_OPEN_CREATE);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;

  add_referral (db, "Child A");
  add_referral (db, "Child B");
  missing = pd_database_find_missing_commits (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 0);
  /* The receipts are the client's own, in its folder, not beside the database. */
  g_assert_true (g_file_test (fixture->receipts, G_FILE_TEST_IS_DIR));
}

static void
test_lost_commit_named (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *before = g_build_filename (fixture->dir, "before.copy", NULL);
  g_autoptr(PdDatabase) db = open_database (fixture, PD_OPEN_CREATE);
  g_autoptr(PdDatabase) reopened = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  PdMissingCommit *lost;

  add_referral (db, "Child A");
  g_clear_object (&db);
  copy_file (fixture->path, before);

  db = open_database (fixture, PD_OPEN_DEFAULT);
  add_referral (db, "Child B");
  g_clear_object (&db);

  /* The share hands back the file as it was before Child B: a valid database. */
  copy_file (before, fixture->path);
  reopened = open_database (fixture, PD_OPEN_DEFAULT);
  missing = pd_database_find_missing_commits (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 1);
  lost = g_ptr_array_index (missing, 0);
  g_assert_cmpstr (lost->what, ==, "New referral: referral PRP-2026-002");
  message = pd_missing_commit_describe (lost);
  g_assert_nonnull (strstr (message, "PRP-2026-002"));
  g_assert_nonnull (strstr (message, "missing from the database"));
}

/* A client that keeps no receipts (a script, a test) finds nothing missing. */
static void
test_no_receipts_kept (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) missing = NULL;

  g_assert_no_error (error);
  add_referral (db, "Child A");
  g_assert_false (g_file_test (fixture->receipts, G_FILE_TEST_EXISTS));
  missing = pd_database_find_missing_commits (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/ledger-receipts/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("all-present", test_all_present);
  ADD ("lost-commit-named", test_lost_commit_named);
  ADD ("no-receipts-kept", test_no_receipts_kept);
#undef ADD

  return g_test_run ();
}
