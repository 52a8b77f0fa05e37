/* test-window-shared.c: the window on a shared drive: others' changes
 * shown, who is here, a lost commit and an altered signature named, the
 * share going away during a save, a read-only share, scheduled backups */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-preferences-window.h"
#include "window-fixture.h"

/* A change this user saved that the share later lost is named in the banner. */
static void
test_lost_change_banner (void)
{
  g_autofree char *path = make_database ("lost.paneldesk");
  g_autofree char *receipts = pd_ledger_receipts_default_dir ();
  g_autofree char *contents = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  PdWindow *window;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  db = pd_database_open (path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pd_database_set_receipts_dir (db, receipts);
  pd_database_write (db, "Test referrals", add_referrals, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  /* The share hands back the file as it was. */
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  window = make_window ();
  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  g_assert_nonnull (pd_window_get_banner_message (window));
  g_assert_nonnull (strstr (pd_window_get_banner_message (window), "missing from the database"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Backups are named by the database's file name: only that part matters here. */
static gboolean
has_backup (gpointer data)
{
  g_autoptr(GPtrArray) backups = pd_backup_list ("backed.paneldesk", data, NULL);

  return backups != NULL && backups->len > 0;
}

static gboolean
backups_idle (gpointer data)
{
  return !pd_backup_scheduler_is_busy (pd_window_get_backup_scheduler (PD_WINDOW (data)));
}

/* Choosing a backup folder makes a backup of the open database there, on
 * a worker thread; the schedule then waits for the interval. */
static void
test_scheduled_backup (void)
{
  g_autofree char *path = make_database ("backed.paneldesk");
  g_autofree char *folder = g_build_filename (tmp_dir, "backups", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(PdDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;
  PdWindow *window = make_window ();

  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  g_assert_nonnull (pd_window_get_backup_scheduler (window));
  g_settings_set_string (settings, "backup-folder", folder);
  g_assert_true (wait_for (has_backup, folder));
  g_assert_true (wait_for (backups_idle, window));

  backups = pd_backup_list (path, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  copy = pd_database_open (g_ptr_array_index (backups, 0), PD_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_query_int (_pd_database_get_handle (copy), "SELECT count(*) FROM referrals;"),
                   ==, N_REFERRALS);

  g_settings_reset (settings, "backup-folder");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The share goes away during a save: the form keeps what was typed, says
 * so, and saves by itself once the share is back. */
static void
test_share_away_during_save (void)
{
  g_autofree char *share = g_build_filename (tmp_dir, "share", NULL);
  g_autofree char *away = g_build_filename (tmp_dir, "share-away", NULL);
  g_autofree char *path = NULL;
  PdWindow *window = make_window ();
  PdReferralDialog *dialog;
  PdReferralsView *view;

  g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  path = make_database ("share/away.paneldesk");
  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  view = pd_window_get_referrals_view (window);

  dialog = pd_referrals_view_new_referral (view);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  pd_referral_dialog_set_retry_seconds (dialog, 1);
  pd_referral_dialog_set_field (dialog, "pseudonym", "Child Away");
  pd_referral_dialog_set_field (dialog, "narrative", "Typed while the share was away.");

  g_assert_cmpint (g_rename (share, away), ==, 0);
  /* The window's banner says so at its next look. */
  pd_window_poll (window);
  g_assert_nonnull (pd_window_get_banner_message (window));
  g_assert_nonnull (strstr (pd_window_get_banner_message (window), "can’t be reached"));
  g_assert_false (pd_referral_dialog_save (dialog));
  g_assert_nonnull (strstr (pd_referral_dialog_get_error (dialog), "changes are kept"));
  g_assert_true (pd_referral_dialog_is_retrying (dialog));
  g_assert_true (pd_referral_dialog_has_changes (dialog));

  /* Back: the next try saves it and the form closes. */
  g_assert_cmpint (g_rename (away, share), ==, 0);
  g_assert_true (wait_for (is_null, &dialog));
  pd_window_poll (window);
  g_assert_null (pd_window_get_banner_message (window));
  pd_referrals_view_show_list (view);
  pd_referrals_view_search (view, "Away");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
decide_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  gint64 *id = user_data;
  g_autoptr(PdReferral) referral = NULL;
  PdDecisionFields fields = { .kind = "decision", .outcome = "no_review",
                              .rationale = "Single-agency learning; no review needed." };
  sqlite3_stmt *stmt;

  /* The first referral of the test database. */
  stmt = _pd_database_prepare (pd_transaction_get_database (tx), "SELECT min(id) FROM referrals;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_step (stmt);
  fields.referral_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  *id = pd_decision_insert (tx, &fields, error);
  return *id != 0;
}

/* A chair opens a database in which a decision they signed was deleted
 * behind the triggers' back: the banner says so, from their receipts. */
static void
test_signed_decision_gone_banner (void)
{
  g_autofree char *path = make_database ("signed.paneldesk");
  g_autofree char *sql = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  PdWindow *window;
  gint64 id = 0;

  db = pd_database_open (path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pd_test_exec (_pd_database_get_handle (db), "UPDATE people SET role = 'chair';");
  g_clear_object (&db);
  db = pd_database_open (path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pd_database_write (db, "Decision", decide_cb, &id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pd_decision_sign (db, id, "a long passphrase", NULL, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("DROP TRIGGER decisions_signed_no_delete; DELETE FROM decisions WHERE id = %" G_GINT64_FORMAT ";",
                         id);
  pd_test_exec (_pd_database_get_handle (db), sql);
  g_clear_object (&db);

  window = make_window ();
  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  g_assert_nonnull (pd_window_get_banner_message (window));
  g_assert_nonnull (strstr (pd_window_get_banner_message (window), "no longer matches your receipt"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A referral added by another program appears in the open list at the
 * next poll. */
static void
test_poll_shows_others_changes (void)
{
  g_autofree char *path = make_database ("polled.paneldesk");
  PdWindow *window = make_window ();
  PdReferralsView *view;
  sqlite3 *other = NULL;

  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  view = pd_window_get_referrals_view (window);
  pd_window_poll (window);
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, N_REFERRALS);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  pd_test_exec (other, "INSERT INTO referrals (reference, year, sequence, pseudonym, date_received, "
                       "  created_at, updated_at) "
                       "VALUES ('PRP-2026-900', 2026, 900, 'Child Elsewhere', '2026-03-01', "
                       "        '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z');");
  sqlite3_close (other);

  pd_window_poll (window);
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, N_REFERRALS + 1);

  /* The referral open, edited elsewhere: shown again, and said by whom. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PdDatabase) elsewhere = pd_database_open (path, PD_OPEN_DEFAULT, &error);
    gint64 id = pd_referrals_view_get_id_at (view, 1);

    g_assert_no_error (error);
    g_assert_true (pd_referrals_view_show_referral (view, id, &error));
    pd_database_write (elsewhere, "Edit referral", edit_behind_the_form, &id, NULL, &error);
    g_assert_no_error (error);
    pd_window_poll (window);
    g_assert_nonnull (pd_referrals_view_get_open_reference (view));
    g_assert_nonnull (pd_window_get_last_toast (window));
    g_assert_nonnull (strstr (pd_window_get_last_toast (window), "was changed by"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Another client has the database open and is editing a referral: the
 * header bar says who is here, and the form over that referral says who
 * is editing it. */
static void
test_presence_and_editing (void)
{
  g_autofree char *path = make_database ("presence.paneldesk");
  g_autoptr(PdDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  PdWindow *window = make_window ();
  PdReferralsView *view;
  PdReferralDialog *dialog;
  gint64 id;

  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  view = pd_window_get_referrals_view (window);
  id = pd_referrals_view_get_id_at (view, 0);
  pd_window_poll (window);
  g_assert_null (pd_window_get_presence_text (window));

  other = pd_database_open (path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (pd_presence_announce (other, "referral", id, &error));
  pd_window_poll (window);
  g_assert_nonnull (pd_window_get_presence_text (window));
  g_assert_true (g_str_has_prefix (pd_window_get_presence_text (window), "Also here: "));

  g_assert_true (pd_referrals_view_show_referral (view, id, &error));
  dialog = pd_referrals_view_edit_referral (view, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pd_referral_dialog_get_error (dialog));
  g_assert_nonnull (strstr (pd_referral_dialog_get_error (dialog), "has been editing this referral"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* They leave: the header bar says so at the next poll. */
  pd_presence_leave (other);
  pd_window_poll (window);
  g_assert_null (pd_window_get_presence_text (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A database opened read-only says so in a banner; a writable one does not. */
static void
test_read_only_banner (void)
{
  g_autofree char *path = make_database ("read-only.paneldesk");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) writable = pd_database_open (path, PD_OPEN_SKIP_QUICK_CHECK, &error);
  g_autoptr(PdDatabase) read_only = NULL;
  PdWindow *window = make_window ();

  g_assert_no_error (error);
  pd_window_set_database (window, writable);
  g_assert_null (pd_window_get_banner_message (window));

  read_only = pd_database_open (path, PD_OPEN_READ_ONLY | PD_OPEN_SKIP_QUICK_CHECK, &error);
  g_assert_no_error (error);
  pd_window_set_database (window, read_only);
  g_assert_nonnull (pd_window_get_banner_message (window));
  g_assert_nonnull (strstr (pd_window_get_banner_message (window), "read-only"));
  g_assert_null (pd_referrals_view_new_referral (pd_window_get_referrals_view (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  window_fixture_init (&argc, &argv, "test-window-shared");

  g_test_add_func ("/window/lost-change-banner", test_lost_change_banner);
  g_test_add_func ("/window/scheduled-backup", test_scheduled_backup);
  g_test_add_func ("/window/share-away-during-save", test_share_away_during_save);
  g_test_add_func ("/window/signed-decision-gone-banner", test_signed_decision_gone_banner);
  g_test_add_func ("/window/poll-shows-others-changes", test_poll_shows_others_changes);
  g_test_add_func ("/window/presence-and-editing", test_presence_and_editing);
  g_test_add_func ("/window/read-only-banner", test_read_only_banner);

  result = g_test_run ();
  window_fixture_clear ();
  return result;
}
