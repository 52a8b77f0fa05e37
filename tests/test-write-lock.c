/* test-write-lock.c: the lock file beside the database
 *
 * Held by a live writer: another write waits, then says who holds it and
 * loses nothing. Left by a writer that died: broken, and the breaking is
 * in the audit log. Released after every write, failed ones too.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-test-util.h"
#include "pd-write-lock.h"

typedef struct
{
  char       *dir;
  char       *path;
  char       *lock_path;
  PdDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("panel-desk-test-lock-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "panel.paneldesk", NULL);
  fixture->lock_path = pd_write_lock_path (fixture->path);
  fixture->db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->lock_path);
}

static gboolean
insert_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  PdReferralFields fields = { .pseudonym = "Child L", .date_received = "2026-03-02" };

  return pd_referral_insert (tx, &fields, NULL, error) != 0;
}

static gboolean
fail_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  g_set_error (error, PD_ERROR, PD_ERROR_INVALID, "the form was wrong");
  return FALSE;
}

static void
test_released_after_writes (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pd_database_write (fixture->db, "New referral", insert_cb, NULL, NULL, &error));
  g_assert_false (g_file_test (fixture->lock_path, G_FILE_TEST_EXISTS));
  g_assert_false (pd_database_write (fixture->db, "Bad", fail_cb, NULL, NULL, &error));
  g_assert_false (g_file_test (fixture->lock_path, G_FILE_TEST_EXISTS));
}

static void
test_held_by_live_writer (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *holder = g_strdup_printf ("jsmith %s %d %" G_GINT64_FORMAT, g_get_host_name (),
                                             (int) getpid (), (gint64) time (NULL));

  /* Ourselves, alive: not stale. */
  g_file_set_contents (fixture->lock_path, holder, -1, &error);
  g_assert_no_error (error);
  pd_database_set_lock_timeout (fixture->db, 300);
  g_assert_false (pd_database_write (fixture->db, "New referral", insert_cb, NULL, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "jsmith"));
  /* Theirs stays theirs. */
  g_assert_true (g_file_test (fixture->lock_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pd_test_query_int (_pd_database_get_handle (fixture->db), "SELECT count(*) FROM referrals;"),
                   ==, 0);
}

static void
test_stale_lock_broken (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *audit = NULL;
  GPid child;
  int status;

  /* A process that has exited: its lock is stale. */
  g_spawn_async (NULL, (char *[]) { (char *) "/bin/true", NULL }, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &child, &error);
  g_assert_no_error (error);
  waitpid (child, &status, 0);
  holder = g_strdup_printf ("crashed %s %d %" G_GINT64_FORMAT, g_get_host_name (), (int) child,
                            (gint64) time (NULL));
  g_file_set_contents (fixture->lock_path, holder, -1, &error);
  g_assert_no_error (error);
  /* Left a minute ago: older than any share's cache of names. */
  {
    struct utimbuf old = { time (NULL) - 60, time (NULL) - 60 };

    g_assert_cmpint (g_utime (fixture->lock_path, &old), ==, 0);
  }

  g_assert_true (pd_database_write (fixture->db, "New referral", insert_cb, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->lock_path, G_FILE_TEST_EXISTS));
  audit = pd_test_query_text (_pd_database_get_handle (fixture->db),
                              "SELECT json_extract(after_json, '$.stale_lock') FROM audit_log "
                              "WHERE action = 'break_stale_lock';");
  g_assert_nonnull (strstr (audit, "crashed"));
}

typedef struct
{
  const char *lock_path;
  time_t      renewed;
} Long;

static gboolean
long_write_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  Long *data = user_data;
  PdReferralFields fields = { .pseudonym = "Child Slow", .date_received = "2026-03-02" };
  GStatBuf st;

  /* A write longer than the renewal interval (a big import, a slow share). */
  g_usleep ((PD_WRITE_LOCK_RENEW_SECONDS + 1) * G_USEC_PER_SEC);
  if (pd_referral_insert (tx, &fields, NULL, error) == 0)
    return FALSE;
  g_assert_cmpint (g_stat (data->lock_path, &st), ==, 0);
  data->renewed = st.st_mtime;
  return TRUE;
}

/* A long write renews its lock, so no one takes it for a dead writer's. */
static void
test_renewed_while_held (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Long data = { fixture->lock_path, 0 };
  time_t start = time (NULL);

  g_assert_true (pd_database_write (fixture->db, "Slow", long_write_cb, &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (data.renewed, >=, start + PD_WRITE_LOCK_RENEW_SECONDS);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/write-lock/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("released-after-writes", test_released_after_writes);
  ADD ("held-by-live-writer", test_held_by_live_writer);
  ADD ("stale-lock-broken", test_stale_lock_broken);
  ADD ("renewed-while-held", test_renewed_while_held);
#undef ADD

  return g_test_run ();
}
