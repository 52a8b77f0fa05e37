/* test-window.c: the real window on a temporary database: its pages and views,
 * search, a referral opened, the referral form, preferences, bad files */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "pd-application.h"
#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-preferences-window.h"
#include "pd-record-row.h"
#include "pd-window.h"
#include "pd-test-util.h"
#include "window-fixture.h"

/* Tests */

static void
test_welcome (void)
{
  PdWindow *window = make_window ();

  pd_window_show_welcome (window);
  g_assert_cmpstr (pd_window_get_page (window), ==, "welcome");
  g_assert_null (pd_window_get_database (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_views (void)
{
  static const char *views[] = { "referrals", "meetings", "decisions", "documents" };
  g_autofree char *path = make_database ("views.paneldesk");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = NULL;
  PdWindow *window = make_window ();
  GtkWidget *shown[G_N_ELEMENTS (views)];

  pd_window_open_path (window, path);
  g_assert_cmpstr (pd_window_get_page (window), ==, "main");
  g_assert_nonnull (pd_window_get_database (window));

  /* The integrity check runs on a worker thread and finds nothing. */
  g_assert_true (wait_for (is_not_busy, window));
  g_assert_cmpstr (pd_window_get_page (window), ==, "main");

  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, path);

  shown[0] = GTK_WIDGET (pd_window_get_referrals_view (window));
  shown[1] = GTK_WIDGET (pd_window_get_agenda_view (window));
  shown[2] = GTK_WIDGET (pd_window_get_decisions_view (window));
  shown[3] = GTK_WIDGET (pd_window_get_documents_view (window));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      g_assert_cmpstr (pd_window_get_view (window), ==, views[i]);
      g_assert_true (wait_for (is_mapped, shown[i]));
    }

  g_assert_cmpuint (pd_referrals_view_get_n_rows (pd_window_get_referrals_view (window)), ==, N_REFERRALS);
  g_assert_cmpstr (pd_referrals_view_get_shown (pd_window_get_referrals_view (window)), ==, "list");
  g_assert_cmpuint (pd_agenda_view_get_n_rows (pd_window_get_agenda_view (window)), ==, 0);
  g_assert_cmpstr (pd_agenda_view_get_shown (pd_window_get_agenda_view (window)), ==, "empty");
  g_assert_cmpstr (pd_decisions_view_get_shown (pd_window_get_decisions_view (window)), ==, "empty");
  g_assert_cmpstr (pd_documents_view_get_shown (pd_window_get_documents_view (window)), ==, "empty");

  /* Back to the referrals by the Ctrl+1 action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "referrals");
  g_assert_true (wait_for (is_mapped, shown[0]));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing in the search bar narrows the list; no match shows a status page. */
static void
test_search (void)
{
  g_autofree char *path = make_database ("search.paneldesk");
  PdWindow *window = make_window ();
  PdReferralsView *view;

  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  view = pd_window_get_referrals_view (window);
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, N_REFERRALS);

  pd_referrals_view_search (view, "PRP-2026-003");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, 1);
  g_assert_cmpstr (pd_referrals_view_get_shown (view), ==, "list");

  pd_referrals_view_search (view, "PRP-2026-00");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, 9);

  pd_referrals_view_search (view, "no such words");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, 0);
  g_assert_cmpstr (pd_referrals_view_get_shown (view), ==, "empty");

  pd_referrals_view_search (view, "");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, N_REFERRALS);

  /* Every test referral is still open; none has a status of closed. */
  pd_referrals_view_filter (view, "open");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, N_REFERRALS);
  pd_referrals_view_filter (view, "closed");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, 0);
  g_assert_cmpstr (pd_referrals_view_get_shown (view), ==, "empty");
  pd_referrals_view_filter (view, NULL);
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, N_REFERRALS);

  /* Oldest first: the first referral logged (id 1) comes first. */
  pd_referrals_view_sort (view, "oldest");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, N_REFERRALS);
  g_assert_cmpint (pd_referrals_view_get_id_at (view, 0), ==, 1);
  pd_referrals_view_sort (view, "newest");
  g_assert_cmpint (pd_referrals_view_get_id_at (view, 0), ==, N_REFERRALS);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
add_numbered_referrals (PdTransaction  *tx,
                        gpointer        user_data,
                        GError        **error)
{
  guint n = GPOINTER_TO_UINT (user_data);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *pseudonym = g_strdup_printf ("Child %u", i);
      PdReferralFields fields = {
        .pseudonym = pseudonym,
        .date_received = "2026-03-01",
        .referrer_agency = "Police",
      };

      if (pd_referral_insert (tx, &fields, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* The rows bound to a record under @widget, in the list's order. */
static void
collect_bound_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (PD_IS_RECORD_ROW (child))
        {
          if (pd_record_row_get_item (PD_RECORD_ROW (child)) != NULL)
            g_ptr_array_add (rows, child);
        }
      else
        collect_bound_rows (child, rows);
    }
}

/* Each row bound shows its own record, one of the list's, in the list's
 * order; after a search they start at the top. */
static void
assert_rows_show_list (PdReferralsView *view,
                       gboolean         at_top)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_rows = pd_referrals_view_get_n_rows (view);
  int last = -1;

  for (guint i = 0; i < n_rows; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = pd_referrals_view_get_id_at (view, i);
      g_hash_table_insert (positions, id, GUINT_TO_POINTER (i + 1));
    }

  collect_bound_rows (GTK_WIDGET (view), rows);
  g_assert_cmpuint (rows->len, >=, MIN (n_rows, 100));
  for (guint i = 0; i < rows->len; i++)
    {
      PdRecordRow *row = g_ptr_array_index (rows, i);
      PdReferral *referral = pd_record_row_get_item (row);
      gint64 id = pd_referral_get_id (referral);
      int position = GPOINTER_TO_INT (g_hash_table_lookup (positions, &id)) - 1;

      g_assert_cmpstr (pd_record_row_get_text (row, 0), ==, pd_referral_get_reference (referral));
      g_assert_cmpint (position, >, last);
      if (at_top && i < 100)
        g_assert_cmpint (position, ==, i);
      last = position;
    }
}

/* Search after search, GTK moves its rows onto the new records rather than
 * build new ones: each row must show the record at its place, whatever the
 * user did in between. */
static void
test_search_rows (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "rows.paneldesk", NULL);
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  PdWindow *window = make_window ();
  PdReferralsView *view;
  GtkWidget *list_view;
  /* "2" matches every reference (PRP-2026-...), "3" 111 children. */
  static const char *searches[] = { "1", "2", "child 25", "", "child 1", "no such words", "3", "", "child", "29" };
  static const char *sorts[] = { "newest", "oldest", "reference", "pseudonym" };

  db = pd_database_open (path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pd_database_write (db, "Test referrals", add_numbered_referrals, GUINT_TO_POINTER (1000), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  view = pd_window_get_referrals_view (window);
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, 1000);
  assert_rows_show_list (view, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      pd_referrals_view_search (view, searches[i]);
      assert_rows_show_list (view, TRUE);
    }

  /* And mixed with sorting, selecting, focusing and scrolling rows. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect_bound_rows (GTK_WIDGET (view), rows);
    list_view = gtk_widget_get_ancestor (g_ptr_array_index (rows, 0), GTK_TYPE_LIST_VIEW);
  }
  for (guint i = 0; i < 150; i++)
    {
      guint n_rows = pd_referrals_view_get_n_rows (view);
      gboolean searched = FALSE;

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          pd_referrals_view_sort (view, sorts[g_rand_int_range (rand, 0, G_N_ELEMENTS (sorts))]);
          searched = TRUE;
          break;
        case 1:
          if (n_rows > 0)
            gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)),
                                             g_rand_int_range (rand, 0, MIN (n_rows, 250)), TRUE);
          break;
        case 2:
          {
            g_autoptr(GPtrArray) rows = g_ptr_array_new ();

            /* The row's GtkListItemWidget takes the focus. */
            collect_bound_rows (GTK_WIDGET (view), rows);
            if (rows->len > 0)
              gtk_widget_grab_focus (gtk_widget_get_parent (g_ptr_array_index (rows, g_rand_int_range (rand, 0, rows->len))));
          }
          break;
        case 3:
          if (n_rows > 0)
            gtk_widget_activate_action (list_view, "list.scroll-to-item", "u",
                                        g_rand_int_range (rand, 0, n_rows));
          break;
        default:
          pd_referrals_view_search (view, searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);
          searched = TRUE;
          break;
        }
      /* Now and then, let it lay out and draw. */
      if (g_rand_int_range (rand, 0, 3) == 0)
        for (guint j = 0; j < 20 && g_main_context_iteration (NULL, FALSE); j++)
          ;
      assert_rows_show_list (view, searched);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A referral opens from the list, with its clocks and criteria, and back. */
static void
test_open_referral (void)
{
  g_autofree char *path = make_database ("open.paneldesk");
  g_autoptr(GError) error = NULL;
  PdWindow *window = make_window ();
  PdReferralsView *view;

  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  view = pd_window_get_referrals_view (window);
  g_assert_null (pd_referrals_view_get_open_reference (view));

  g_assert_true (pd_referrals_view_show_referral (view, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pd_referrals_view_get_open_reference (view), ==, "PRP-2026-003");

  pd_referrals_view_show_list (view);
  g_assert_null (pd_referrals_view_get_open_reference (view));

  /* Gone meanwhile: refused with a reason, and the list stays. */
  g_assert_false (pd_referrals_view_show_referral (view, 9999, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_NO_RECORD);
  g_assert_null (pd_referrals_view_get_open_reference (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new referral: a failed save keeps what was typed and says why; a good
 * one is saved, listed and opened. */
static void
test_new_referral (void)
{
  g_autofree char *path = make_database ("new.paneldesk");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *prefix = g_date_time_format (now, "PRP-%Y-");
  PdWindow *window = make_window ();
  PdReferralsView *view;
  PdReferralDialog *dialog;

  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  view = pd_window_get_referrals_view (window);

  dialog = pd_referrals_view_new_referral (view);
  g_assert_nonnull (dialog);

  /* No pseudonym: refused, nothing lost. */
  pd_referral_dialog_set_field (dialog, "narrative", "Found at home — مرحبا 🙂");
  pd_referral_dialog_set_field (dialog, "date_of_incident", "2026-02-30");
  g_assert_false (pd_referral_dialog_save (dialog));
  g_assert_nonnull (strstr (pd_referral_dialog_get_error (dialog), "pseudonym"));

  /* An impossible date: refused, and the field is named. */
  pd_referral_dialog_set_field (dialog, "pseudonym", "Child Z");
  g_assert_false (pd_referral_dialog_save (dialog));
  g_assert_nonnull (strstr (pd_referral_dialog_get_error (dialog), "incident"));
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, N_REFERRALS);

  /* Put right: saved, listed and opened. */
  pd_referral_dialog_set_field (dialog, "date_of_incident", "");
  pd_referral_dialog_set_field (dialog, "referrer_agency", "Police");
  g_assert_true (pd_referral_dialog_save (dialog));
  g_assert_true (g_str_has_prefix (pd_referrals_view_get_open_reference (view), prefix));
  pd_referrals_view_show_list (view);
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, N_REFERRALS + 1);
  pd_referrals_view_search (view, "Child Z");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The whole form through its widgets: saved with every section, found by
 * search, edited with an audit entry holding before and after, moved on a
 * step; an edit that crosses someone else's save keeps what was typed. */
static void
test_referral_form (void)
{
  g_autofree char *path = make_database ("form.paneldesk");
  PdWindow *window = make_window ();
  g_autoptr(PdReferral) saved = NULL;
  g_autoptr(PdReferral) saved_again = NULL;
  g_autoptr(PdCriteriaResult) criteria = NULL;
  PdEditConflictDialog *conflict;
  g_autoptr(GError) error = NULL;
  g_autofree char *narrative_before = NULL, *narrative_after = NULL;
  PdReferralsView *view;
  PdReferralDialog *dialog;
  PdDatabase *db;
  sqlite3 *handle;
  gint64 id;

  pd_window_open_path (window, path);
  g_assert_true (wait_for (is_not_busy, window));
  view = pd_window_get_referrals_view (window);
  db = pd_referrals_view_get_database (view);
  handle = _pd_database_get_handle (db);

  dialog = pd_referrals_view_new_referral (view);
  g_assert_false (pd_referral_dialog_has_changes (dialog));
  pd_referral_dialog_set_field (dialog, "pseudonym", "Baby Q");
  pd_referral_dialog_set_field (dialog, "child_name", "Robin Jones");
  pd_referral_dialog_set_field (dialog, "date_received", "2026-03-02");
  pd_referral_dialog_set_field (dialog, "date_of_incident", "2026-02-26");
  pd_referral_dialog_set_field (dialog, "framework", "england-2015");
  pd_referral_dialog_set_field (dialog, "referrer_name", "Ruth Adeyemi");
  pd_referral_dialog_set_field (dialog, "referrer_agency", "Acute hospital trust");
  pd_referral_dialog_set_field (dialog, "referrer_job_title", "Named nurse");
  pd_referral_dialog_set_field (dialog, "cp_plan", "current");
  pd_referral_dialog_set_field (dialog, "inquest", "yes");
  pd_referral_dialog_set_field (dialog, "fact_abuse_or_neglect", "yes");
  pd_referral_dialog_set_field (dialog, "fact_child_died", "yes");
  pd_referral_dialog_set_field (dialog, "date_sent_to_chair", "2026-03-03");
  pd_referral_dialog_set_field (dialog, "narrative", "Brought in by ambulance — אמבולנס 🚑");
  pd_referral_dialog_add_member (dialog, "Alex Jones", "Father", "Parental responsibility");
  pd_referral_dialog_add_agency (dialog, "Police", "DS Khan", "2026-03-04");
  g_assert_true (pd_referral_dialog_has_changes (dialog));

  /* A date of birth in the future: refused, the field named, the rest kept. */
  pd_referral_dialog_set_field (dialog, "child_date_of_birth", "2999-01-01");
  g_assert_false (pd_referral_dialog_save (dialog));
  g_assert_nonnull (strstr (pd_referral_dialog_get_error (dialog), "birth"));
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals WHERE pseudonym = 'Baby Q';"), ==, 0);
  pd_referral_dialog_set_field (dialog, "child_date_of_birth", "2025-11-30");
  g_assert_true (pd_referral_dialog_save (dialog));

  /* Found again by search, and opened with everything the form held. */
  pd_referrals_view_show_list (view);
  pd_referrals_view_search (view, "Baby Q");
  g_assert_cmpuint (pd_referrals_view_get_n_rows (view), ==, 1);
  id = pd_referrals_view_get_id_at (view, 0);
  g_assert_true (pd_referrals_view_show_referral (view, id, &error));
  g_assert_no_error (error);
  saved = pd_referral_load_record (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_referral_get_child_name (saved), ==, "Robin Jones");
  g_assert_cmpstr (pd_referral_get_detail (saved, "referrer_job_title"), ==, "Named nurse");
  g_assert_cmpstr (pd_referral_get_detail (saved, "cp_plan"), ==, "current");
  g_assert_cmpstr (pd_referral_get_detail (saved, "child_date_of_birth"), ==, "2025-11-30");
  g_assert_cmpstr (pd_referral_get_date (saved, "sent_to_chair"), ==, "2026-03-03");
  g_assert_cmpstr (pd_referral_get_framework (saved), ==, "england-2015");
  g_assert_cmpuint (pd_referral_get_members (saved)->len, ==, 1);
  g_assert_cmpuint (pd_referral_get_agencies (saved)->len, ==, 1);
  g_assert_cmpstr (((PdReferralAgency *) g_ptr_array_index (pd_referral_get_agencies (saved), 0))->due_on,
                   ==, "2026-03-18");
  criteria = pd_referral_check_criteria (saved);
  g_assert_cmpint (criteria->outcome, ==, PD_CRITERIA_MET);

  /* Edited through the form: the audit entry has the narrative before and after. */
  dialog = pd_referrals_view_edit_referral (view, &error);
  g_assert_no_error (error);
  g_assert_false (pd_referral_dialog_has_changes (dialog));
  pd_referral_dialog_set_field (dialog, "narrative", "Brought in by ambulance; died the next day.");
  g_assert_true (pd_referral_dialog_save (dialog));
  narrative_before = pd_test_query_text (handle, "SELECT json_extract(before_json, '$.narrative') FROM audit_log "
                                                 "WHERE entity = 'referral' AND action = 'update';");
  narrative_after = pd_test_query_text (handle, "SELECT json_extract(after_json, '$.narrative') FROM audit_log "
                                                "WHERE entity = 'referral' AND action = 'update';");
  g_assert_cmpstr (narrative_before, ==, "Brought in by ambulance — אמבולנס 🚑");
  g_assert_cmpstr (narrative_after, ==, "Brought in by ambulance; died the next day.");
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referral_members WHERE name = 'Alex Jones';"),
                   ==, 1);

  /* A step on the timeline, then a decision: the list's status follows. */
  g_assert_true (pd_referrals_view_record_step (view, "information_requested", "2026-03-04", "", &error));
  g_assert_no_error (error);
  g_assert_true (pd_referrals_view_record_step (view, "decision_made", "2026-03-20", "Chair agreed", &error));
  g_assert_no_error (error);
  g_assert_false (pd_referrals_view_record_step (view, "closed", "2026-02-01", "", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referral_status_history "
                                              "WHERE status = 'decision_made' AND on_date = '2026-03-20';"), ==, 1);

  /* Someone else saves while the form is open: the save is refused and keeps the text. */
  dialog = pd_referrals_view_edit_referral (view, &error);
  g_assert_no_error (error);
  pd_referral_dialog_set_field (dialog, "narrative", "My careful words");
  pd_database_write (db, "Someone else", edit_behind_the_form, &id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (pd_referral_dialog_save (dialog));
  g_assert_nonnull (strstr (pd_referral_dialog_get_error (dialog), "Someone else saved"));
  g_assert_true (pd_referral_dialog_has_changes (dialog));
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals WHERE narrative = 'My careful words';"),
                   ==, 0);

  /* Both versions are offered field by field: the narrative starts on
   * mine (I changed it), the pseudonym on theirs (only they did). */
  conflict = pd_referral_dialog_get_conflict (dialog);
  g_assert_nonnull (conflict);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (conflict)));
  g_assert_false (pd_edit_conflict_dialog_takes_theirs (conflict, "narrative"));
  g_assert_true (pd_edit_conflict_dialog_takes_theirs (conflict, "pseudonym"));
  g_assert_true (pd_edit_conflict_dialog_takes_theirs (conflict, "child_name"));   /* they cleared it */
  g_assert_false (g_strv_contains (pd_edit_conflict_dialog_get_keys (conflict), "date_received"));  /* the same */
  pd_edit_conflict_dialog_choose (conflict, "child_name", FALSE);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  pd_edit_conflict_dialog_resolve (conflict);
  g_assert_null (dialog);   /* saved and closed */
  saved_again = pd_referral_load_record (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_referral_get_narrative (saved_again), ==, "My careful words");
  g_assert_cmpstr (pd_referral_get_pseudonym (saved_again), ==, "Child Y");
  g_assert_cmpstr (pd_referral_get_child_name (saved_again), ==, "Robin Jones");
  g_assert_cmpstr (pd_referral_get_detail (saved_again, "referrer_job_title"), ==, "Named nurse");
  /* Their save is in the audit trail, as the before of mine. */
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM audit_log WHERE entity = 'referral' AND action = 'update' "
                                              "AND json_extract(before_json, '$.narrative') = 'Someone else''s words' "
                                              "AND json_extract(after_json, '$.narrative') = 'My careful words';"), ==, 1);

  /* A conflict the user walks away from: the form keeps what was typed. */
  dialog = pd_referrals_view_edit_referral (view, &error);
  g_assert_no_error (error);
  pd_referral_dialog_set_field (dialog, "narrative", "Second thoughts");
  pd_database_write (db, "Someone else", edit_behind_the_form, &id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (pd_referral_dialog_save (dialog));
  conflict = pd_referral_dialog_get_conflict (dialog);
  g_assert_nonnull (conflict);
  gtk_window_close (GTK_WINDOW (conflict));
  g_assert_null (pd_referral_dialog_get_conflict (dialog));
  g_assert_true (pd_referral_dialog_has_changes (dialog));
  g_assert_cmpint (pd_test_query_int (handle, "SELECT count(*) FROM referrals WHERE narrative = 'Second thoughts';"),
                   ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));   /* as Discard does */

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* The board's own target, changed in Preferences, is stored in the
 * database and moves an agency's due date. */
static void
test_local_target_preference (void)
{
  g_autofree char *path = make_database ("targets.paneldesk");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = pd_database_open (path, PD_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GArray) targets = NULL;
  g_autofree char *stored = NULL;
  GtkWindow *preferences;

  g_assert_no_error (error);
  preferences = pd_preferences_window_new (NULL, db);
  gtk_window_present (preferences);
  collect_named (GTK_WIDGET (preferences), "local-target", spins);
  g_assert_cmpuint (spins->len, ==, 2);   /* the referral form and agency information */
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 5);

  stored = pd_database_dup_setting (db, "local_target.agency_information", NULL);
  g_assert_cmpstr (stored, ==, "information_requested information_received 5 working-days Agency information");
  targets = pd_referral_load_local_targets (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 2);   /* changing one keeps the other */

  /* The framework new referrals follow is the database's too. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    g_autofree char *framework = NULL;

    collect_named (GTK_WIDGET (preferences), "framework", rows);
    g_assert_cmpuint (rows->len, ==, 1);
    adw_combo_row_set_selected (g_ptr_array_index (rows, 0), PD_FRAMEWORK_WALES);
    framework = pd_database_dup_setting (db, "framework", NULL);
    g_assert_cmpstr (framework, ==, "wales");
  }
  gtk_window_destroy (preferences);
}

static void
test_not_a_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "notes.paneldesk", NULL);
  g_autoptr(GError) error = NULL;
  PdWindow *window = make_window ();

  g_file_set_contents (path, "These are meeting notes, not a database.\n", -1, &error);
  g_assert_no_error (error);

  pd_window_open_path (window, path);
  g_assert_true (wait_for (shows_error, window));
  g_assert_null (pd_window_get_database (window));
  g_assert_nonnull (pd_window_get_error_message (window));
  g_assert_cmpstr (pd_window_get_error_message (window), !=, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_missing_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "gone.paneldesk", NULL);
  PdWindow *window = make_window ();

  pd_window_open_path (window, path);
  g_assert_true (wait_for (shows_error, window));
  g_assert_null (pd_window_get_database (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without a D-Bus session GTK warns; that is not what these tests test. */

int
main (int   argc,
      char *argv[])
{
  int result;

  window_fixture_init (&argc, &argv, "test-window");

  g_test_add_func ("/window/welcome", test_welcome);
  g_test_add_func ("/window/views", test_views);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/search-rows", test_search_rows);
  g_test_add_func ("/window/open-referral", test_open_referral);
  g_test_add_func ("/window/new-referral", test_new_referral);
  g_test_add_func ("/window/referral-form", test_referral_form);
  g_test_add_func ("/window/local-target-preference", test_local_target_preference);
  g_test_add_func ("/window/not-a-database", test_not_a_database);
  g_test_add_func ("/window/missing-file", test_missing_file);

  result = g_test_run ();
  window_fixture_clear ();
  return result;
}
