/* test-backup.c: the scheduled backup: made when due, kept to a number, restorable */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-test-util.h"

static gboolean
insert_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  PdReferralFields fields = { .pseudonym = "Child K", .date_received = "2026-03-02" };

  return pd_referral_insert (tx, &fields, NULL, error) != 0;
}

static void
test_schedule (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("panel-desk-test-backup-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "panel.paneldesk", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *restored = g_build_filename (dir, "restored.paneldesk", NULL);
  g_autofree char *first = NULL, *again = NULL, *second = NULL, *third = NULL;
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  g_autoptr(GDateTime) t1 = g_date_time_add_hours (t0, 1);
  g_autoptr(GDateTime) t2 = g_date_time_add_hours (t0, 25);
  g_autoptr(GDateTime) t3 = g_date_time_add_hours (t0, 50);
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(PdDatabase) back = NULL;
  g_autoptr(GPtrArray) kept = NULL;

  g_assert_no_error (error);
  db = pd_database_open (path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pd_database_write (db, "New referral", insert_cb, NULL, NULL, &error);
  g_assert_no_error (error);

  /* None yet: due. The folder is made. */
  first = pd_backup_run_scheduled (path, folder, 24, 2, t0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, "panel-2026-03-02-090000.paneldesk"));
  /* An hour later: not due, and that is not an error. */
  again = pd_backup_run_scheduled (path, folder, 24, 2, t1, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (again);
  /* A day later, and two days later: due; only the newest two are kept. */
  second = pd_backup_run_scheduled (path, folder, 24, 2, t2, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  pd_database_write (db, "New referral", insert_cb, NULL, NULL, &error);
  g_assert_no_error (error);
  third = pd_backup_run_scheduled (path, folder, 24, 2, t3, NULL, &error);
  g_assert_no_error (error);
  kept = pd_backup_list (path, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (kept, 0), ==, third);
  g_assert_cmpstr (g_ptr_array_index (kept, 1), ==, second);
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));

  /* The newest restores to a new file that opens with both referrals. */
  g_assert_true (pd_backup_copy (third, restored, TRUE, NULL, &error));
  g_assert_no_error (error);
  back = pd_database_open (restored, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_query_int (_pd_database_get_handle (back), "SELECT count(*) FROM referrals;"), ==, 2);
  /* Never over an existing file. */
  g_assert_false (pd_backup_copy (third, restored, TRUE, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_EXISTS);

  g_clear_object (&db);
  g_clear_object (&back);
  pd_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/schedule", test_schedule);
  return g_test_run ();
}
