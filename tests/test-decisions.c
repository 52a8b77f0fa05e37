/* test-decisions.c: the Decisions view, the sign dialog, supersession and
 * the printed record, on a temporary database, under Xvfb */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>
#include <string.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-decision-print.h"
#include "pd-decisions-view.h"
#include "pd-test-util.h"

#define PASSPHRASE "chair's own passphrase"

/* PANEL_DESK_KEY_DIR, set once before any thread: each test empties it. */
static char *key_dir;

typedef struct
{
  char            *dir;
  char            *path;
  char            *key_dir;
  PdDatabase      *db;
  GtkWindow       *window;
  PdDecisionsView *view;
  gint64           referral_id;
  gint64           recommendation_id;
} Fixture;

/* ---------------------------------------------------------------- helpers */

static sqlite3 *
handle (Fixture *fixture)
{
  return _pd_database_get_handle (fixture->db);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Reopens the database with the login's role set to @role, as an
 * administrator changing it would, and shows it in the view. */
static void
reopen_as (Fixture    *fixture,
           const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE people SET role = '%s' WHERE login_name = '%s';",
                                          role, g_get_user_name ());

  pd_test_exec (handle (fixture), sql);
  pd_decisions_view_set_database (fixture->view, NULL);
  g_clear_object (&fixture->db);
  fixture->db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pd_decisions_view_set_database (fixture->view, fixture->db);
  drain ();
}

typedef struct
{
  PdDecisionFields fields;
  gint64           id;
} Add;

static gboolean
add_referral_cb (PdTransaction  *tx,
                 gpointer        user_data,
                 GError        **error)
{
  PdReferralFields fields = { .pseudonym = "Child Q", .date_received = "2026-03-01", .referrer_agency = "Police" };
  gint64 *id = user_data;

  *id = pd_referral_insert (tx, &fields, NULL, error);
  return *id != 0;
}

static gboolean
add_decision_cb (PdTransaction  *tx,
                 gpointer        user_data,
                 GError        **error)
{
  Add *add = user_data;

  add->id = pd_decision_insert (tx, &add->fields, error);
  return add->id != 0;
}

static gboolean
confirm_cb (PdTransaction  *tx,
            gpointer        user_data,
            GError        **error)
{
  g_autoptr(GArray) pending = pd_signing_list_pending_keys (pd_transaction_get_database (tx), error);

  g_assert_nonnull (pending);
  g_assert_cmpuint (pending->len, ==, 1);
  return pd_signing_key_confirm (tx, g_array_index (pending, gint64, 0), error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Add add = { .fields = { .kind = "recommendation", .outcome = "no_review",
                          .rationale = "The threshold is not met; single-agency learning instead.",
                          .made_at = "2026-04-01T10:00:00Z", .criteria_met = "" } };

  fixture->dir = g_dir_make_tmp ("pd-decisions-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "panel.paneldesk", NULL);
  /* The view signs with the default key folder: this program's own. */
  fixture->key_dir = g_strdup (key_dir);
  fixture->db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pd_database_write (fixture->db, "Add a referral", add_referral_cb, &fixture->referral_id,
                                    NULL, &error));
  g_assert_no_error (error);
  add.fields.referral_id = fixture->referral_id;
  g_assert_true (pd_database_write (fixture->db, "Add a recommendation", add_decision_cb, &add, NULL, &error));
  g_assert_no_error (error);
  fixture->recommendation_id = add.id;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->view = g_object_new (PD_TYPE_DECISIONS_VIEW, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  reopen_as (fixture, "chair");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  drain ();
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  pd_test_remove_tree (fixture->key_dir);
  g_free (fixture->key_dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The chair turns the recommendation into a decision, as the buttons do;
 * returns the new decision's id, unsigned. */
static gint64
decide (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PdDecisionDialog *dialog;
  g_autofree char *outcome = NULL, *rationale = NULL;
  PdDecision *shown;

  g_assert_true (pd_decisions_view_show_decision (fixture->view, fixture->recommendation_id, &error));
  g_assert_no_error (error);
  dialog = pd_decisions_view_make_decision (fixture->view, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  /* Prefilled from the recommendation. */
  outcome = pd_decision_dialog_dup_field (dialog, "outcome");
  rationale = pd_decision_dialog_dup_field (dialog, "rationale");
  g_assert_cmpstr (outcome, ==, "no_review");
  g_assert_cmpstr (rationale, ==, "The threshold is not met; single-agency learning instead.");
  pd_decision_dialog_set_field (dialog, "rationale", "I agree with the panel: no review; learning brief to agencies.");
  g_assert_true (pd_decision_dialog_save (dialog));
  drain ();

  g_assert_cmpstr (pd_decisions_view_get_shown (fixture->view), ==, "decision");
  shown = pd_decision_page_get_decision (pd_decisions_view_get_page (fixture->view));
  g_assert_cmpstr (pd_decision_get_kind (shown), ==, "decision");
  g_assert_false (pd_decision_is_signed (shown));
  return pd_decision_get_id (shown);
}

/* Signs the open decision through the sign dialog. */
static void
sign_open (Fixture    *fixture,
           const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  PdSignDialog *dialog = pd_decisions_view_sign (fixture->view, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  pd_sign_dialog_set_passphrase (dialog, passphrase, passphrase);
  pd_sign_dialog_set_confirmed (dialog, TRUE);
  g_assert_true (pd_sign_dialog_sign (dialog));
  drain ();
}

static void
confirm_key (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  reopen_as (fixture, "administrator");
  g_assert_true (pd_database_write (fixture->db, "Confirm", confirm_cb, NULL, NULL, &error));
  g_assert_no_error (error);
  reopen_as (fixture, "chair");
}

/* ------------------------------------------------------------------ tests */

static void
test_chair_signs_recommendation_into_decision (Fixture       *fixture,
                                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdReferral) referral = pd_referral_load (fixture->db, fixture->referral_id, NULL);
  PdSignDialog *dialog;
  gint64 id;

  /* A chair sees the count and starts on what awaits them once there is one. */
  g_assert_cmpuint (pd_decisions_view_get_n_awaiting (fixture->view), ==, 0);
  id = decide (fixture);
  g_assert_cmpuint (pd_decisions_view_get_n_awaiting (fixture->view), ==, 1);
  g_assert_true (pd_decisions_view_can_sign (fixture->view));
  g_assert_cmpint (pd_decision_page_get_signature_state (pd_decisions_view_get_page (fixture->view)), ==,
                   PD_SIGNATURE_UNSIGNED);

  dialog = pd_decisions_view_sign (fixture->view, &error);
  g_assert_no_error (error);
  /* Exactly what the core signs, and the first key is made here. */
  {
    g_autofree char *canonical = pd_decision_dup_canonical (fixture->db, id, NULL);

    g_assert_cmpstr (pd_sign_dialog_get_canonical (dialog), ==, canonical);
    g_assert_nonnull (strstr (canonical, pd_referral_get_reference (referral)));
  }
  g_assert_true (pd_sign_dialog_is_first_key (dialog));

  /* Not confirmed, then two different passphrases: refused, nothing signed. */
  pd_sign_dialog_set_passphrase (dialog, PASSPHRASE, PASSPHRASE);
  g_assert_false (pd_sign_dialog_sign (dialog));
  g_assert_nonnull (strstr (pd_sign_dialog_get_error (dialog), "I have read"));
  pd_sign_dialog_set_confirmed (dialog, TRUE);
  pd_sign_dialog_set_passphrase (dialog, PASSPHRASE, "something else");
  g_assert_false (pd_sign_dialog_sign (dialog));
  g_assert_nonnull (strstr (pd_sign_dialog_get_error (dialog), "differ"));
  g_assert_cmpint (pd_test_query_int (handle (fixture), "SELECT count(*) FROM decisions WHERE signature IS NOT NULL;"),
                   ==, 0);

  pd_sign_dialog_set_passphrase (dialog, PASSPHRASE, PASSPHRASE);
  g_assert_true (pd_sign_dialog_sign (dialog));
  drain ();

  /* Signed, the key pending an administrator; then verified. */
  g_assert_cmpstr (pd_decisions_view_get_shown (fixture->view), ==, "decision");
  g_assert_false (pd_decisions_view_can_sign (fixture->view));
  g_assert_cmpint (pd_decision_page_get_signature_state (pd_decisions_view_get_page (fixture->view)), ==,
                   PD_SIGNATURE_KEY_UNCONFIRMED);
  g_assert_cmpuint (pd_decisions_view_get_n_awaiting (fixture->view), ==, 0);
  confirm_key (fixture);
  g_assert_true (pd_decisions_view_show_decision (fixture->view, id, &error));
  g_assert_cmpint (pd_decision_page_get_signature_state (pd_decisions_view_get_page (fixture->view)), ==,
                   PD_SIGNATURE_VERIFIED);
  g_assert_cmpuint (pd_decisions_view_get_n_altered (fixture->view), ==, 0);
  g_assert_cmpuint (pd_decision_page_get_n_audit_entries (pd_decisions_view_get_page (fixture->view)), >=, 3);
  /* A signed decision offers no edit and no second signature. */
  g_assert_null (pd_decisions_view_sign (fixture->view, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
}

/* A second referral, under the England 2015 rules, and its recommendation,
 * which becomes the fixture's. */
static gboolean
add_second_referral_cb (PdTransaction  *tx,
                  gpointer        user_data,
                  GError        **error)
{
  Fixture *fixture = user_data;
  PdReferralFields fields = { .pseudonym = "Child R", .date_received = "2026-03-02", .framework = "england-2015" };
  Add add = { .fields = { .kind = "recommendation", .outcome = "no_review",
                          .rationale = "The threshold is not met; single-agency learning instead.",
                          .made_at = "2026-04-02T10:00:00Z", .criteria_met = "" } };

  add.fields.referral_id = pd_referral_insert (tx, &fields, NULL, error);
  if (add.fields.referral_id == 0 || !add_decision_cb (tx, &add, error))
    return FALSE;
  fixture->recommendation_id = add.id;
  return TRUE;
}

static void
test_wrong_passphrase_keeps_dialog (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key_path = NULL;
  PdSignDialog *dialog;

  decide (fixture);
  sign_open (fixture, PASSPHRASE);

  /* A decision on a second referral. */
  g_assert_true (pd_database_write (fixture->db, "Add", add_second_referral_cb, fixture, NULL, &error));
  g_assert_no_error (error);
  decide (fixture);
  dialog = pd_decisions_view_sign (fixture->view, &error);
  g_assert_no_error (error);
  g_assert_false (pd_sign_dialog_is_first_key (dialog));
  pd_sign_dialog_set_passphrase (dialog, "not it", NULL);
  pd_sign_dialog_set_confirmed (dialog, TRUE);
  g_assert_false (pd_sign_dialog_sign (dialog));
  g_assert_nonnull (strstr (pd_sign_dialog_get_error (dialog), "passphrase is wrong"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (pd_decisions_view_can_sign (fixture->view));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();

  /* The key file gone: explained, nothing to type. */
  key_path = pd_signing_key_path (fixture->key_dir, g_get_user_name ());
  g_assert_cmpint (g_unlink (key_path), ==, 0);
  dialog = pd_decisions_view_sign (fixture->view, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (pd_sign_dialog_get_error (dialog), "missing"));
  pd_sign_dialog_set_passphrase (dialog, PASSPHRASE, NULL);
  pd_sign_dialog_set_confirmed (dialog, TRUE);
  g_assert_false (pd_sign_dialog_sign (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A damaged one: explained too. */
  g_assert_true (g_file_set_contents (key_path, "not a key\n", -1, NULL));
  dialog = pd_decisions_view_sign (fixture->view, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (pd_sign_dialog_get_error (dialog), "cannot be read"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

static void
test_member_sees_no_sign_button (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = decide (fixture);

  reopen_as (fixture, "member");
  /* No count, no banner for someone who cannot sign. */
  g_assert_cmpuint (pd_decisions_view_get_n_awaiting (fixture->view), ==, 0);
  g_assert_true (pd_decisions_view_show_decision (fixture->view, id, &error));
  g_assert_false (pd_decisions_view_can_sign (fixture->view));
  g_assert_null (pd_decisions_view_sign (fixture->view, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_PERMISSION);
}

static void
test_altered_decision_shows_altered (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id = decide (fixture);
  guint position = G_MAXUINT;

  sign_open (fixture, PASSPHRASE);
  confirm_key (fixture);
  /* Someone with the sqlite3 shell drops the trigger and edits the row. */
  pd_test_exec (handle (fixture), "DROP TRIGGER decisions_signed_no_update;");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE decisions SET outcome = 'scr' WHERE id = %" G_GINT64_FORMAT ";", id);

    pd_test_exec (handle (fixture), sql);
  }
  /* Off screen the chain waits; it is verified again once the view shows. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->view), FALSE);
  pd_decisions_view_refresh (fixture->view);
  g_assert_cmpuint (pd_decisions_view_get_n_altered (fixture->view), ==, 0);
  gtk_widget_set_visible (GTK_WIDGET (fixture->view), TRUE);
  drain ();
  g_assert_cmpuint (pd_decisions_view_get_n_altered (fixture->view), ==, 1);
  pd_decisions_view_filter (fixture->view, NULL);
  for (guint i = 0; i < pd_decisions_view_get_n_rows (fixture->view); i++)
    if (pd_decisions_view_get_id_at (fixture->view, i) == id)
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_cmpuint (pd_decisions_view_get_n_altered (fixture->view), ==, 1);
  text = pd_decisions_view_dup_signature_text_at (fixture->view, position);
  g_assert_nonnull (strstr (text, "ALTERED"));

  g_assert_true (pd_decisions_view_show_decision (fixture->view, id, &error));
  g_assert_cmpint (pd_decision_page_get_signature_state (pd_decisions_view_get_page (fixture->view)), ==,
                   PD_SIGNATURE_ALTERED);
  g_assert_nonnull (pd_decision_page_get_signature_text (pd_decisions_view_get_page (fixture->view)));
}

static void
test_supersede_with_reason (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDecision) old = NULL;
  PdDecisionDialog *dialog;
  PdDecision *shown;
  gint64 id = decide (fixture), new_id;

  /* Not before it is signed. */
  g_assert_null (pd_decisions_view_supersede (fixture->view, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  sign_open (fixture, PASSPHRASE);

  dialog = pd_decisions_view_supersede (fixture->view, &error);
  g_assert_no_error (error);
  pd_decision_dialog_set_field (dialog, "outcome", "silr");
  /* The reason is required; nothing typed is lost when it is missing. */
  g_assert_false (pd_decision_dialog_save (dialog));
  g_assert_nonnull (strstr (pd_decision_dialog_get_error (dialog), "supersedes"));
  {
    g_autofree char *outcome = pd_decision_dialog_dup_field (dialog, "outcome");

    g_assert_cmpstr (outcome, ==, "silr");
  }
  pd_decision_dialog_set_field (dialog, "reason", "The police disclosed new information on 3 April.");
  g_assert_true (pd_decision_dialog_save (dialog));
  drain ();

  shown = pd_decision_page_get_decision (pd_decisions_view_get_page (fixture->view));
  new_id = pd_decision_get_id (shown);
  g_assert_cmpint (new_id, !=, id);
  g_assert_cmpint (pd_decision_get_supersedes_id (shown), ==, id);
  g_assert_cmpstr (pd_decision_get_supersede_reason (shown), ==, "The police disclosed new information on 3 April.");
  g_assert_true (pd_decisions_view_can_sign (fixture->view));
  sign_open (fixture, PASSPHRASE);

  old = pd_decision_load (fixture->db, id, NULL);
  g_assert_cmpint (pd_decision_get_superseded_by (old), ==, new_id);
  /* The old one, superseded, offers no second supersession. */
  g_assert_true (pd_decisions_view_show_decision (fixture->view, id, &error));
  g_assert_null (pd_decisions_view_supersede (fixture->view, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  pd_decisions_view_filter (fixture->view, "superseded");
  g_assert_cmpuint (pd_decisions_view_get_n_rows (fixture->view), ==, 1);
  g_assert_cmpint (pd_decisions_view_get_id_at (fixture->view, 0), ==, id);
}

static void
test_record_pdf_has_fingerprint (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "record.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *fingerprint = NULL, *readable = NULL;
  g_autoptr(PdDecision) decision = NULL;
  int status = 0;
  gint64 id = decide (fixture);

  sign_open (fixture, PASSPHRASE);
  decision = pd_decision_load (fixture->db, id, NULL);
  fingerprint = g_strdup (pd_decision_get_key_fingerprint (decision));
  readable = pd_signing_format_fingerprint (fingerprint);

  g_assert_true (pd_decisions_view_export_pdf (fixture->view, pdf, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                                 &status, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, readable));
  g_assert_nonnull (strstr (out, fingerprint));
  g_assert_nonnull (strstr (out, "I agree with the panel"));
  g_assert_nonnull (strstr (out, "key awaiting confirmation"));

  /* A file that cannot be written says so. */
  g_assert_false (pd_decisions_view_export_pdf (fixture->view, "/nonexistent-dir/record.pdf", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_IO);
}

static void
test_national_panel_notice (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  PdDecision *shown;
  gint64 id;

  /* A referral under the England 2015 rules, a decision not to review. */
  g_assert_true (pd_database_write (fixture->db, "Add", add_second_referral_cb, fixture, NULL, &error));
  g_assert_no_error (error);
  id = decide (fixture);
  sign_open (fixture, PASSPHRASE);
  shown = pd_decision_page_get_decision (pd_decisions_view_get_page (fixture->view));
  g_assert_true (pd_decision_needs_national_panel_notice (shown));
  g_assert_null (pd_decision_get_national_panel_notified_on (shown));

  g_assert_false (pd_decisions_view_record_notice (fixture->view, "10 April", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pd_decisions_view_record_notice (fixture->view, "2026-04-10", &error));
  g_assert_no_error (error);
  shown = pd_decision_page_get_decision (pd_decisions_view_get_page (fixture->view));
  g_assert_cmpint (pd_decision_get_id (shown), ==, id);
  g_assert_cmpstr (pd_decision_get_national_panel_notified_on (shown), ==, "2026-04-10");
  /* Once only. */
  g_assert_false (pd_decisions_view_record_notice (fixture->view, "2026-04-11", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
}

static void
test_record_recommendation (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(PdReferral) referral = pd_referral_load (fixture->db, fixture->referral_id, NULL);
  PdDecisionDialog *dialog = pd_decisions_view_record_recommendation (fixture->view, fixture->referral_id);
  g_autofree char *reference = NULL;
  PdDecision *shown;

  g_assert_nonnull (dialog);
  /* The referral it was opened from is chosen already. */
  reference = pd_decision_dialog_dup_field (dialog, "referral");
  g_assert_cmpstr (reference, ==, pd_referral_get_reference (referral));
  pd_decision_dialog_set_field (dialog, "outcome", "deferred");
  pd_decision_dialog_set_field (dialog, "rationale", "Wait for the health chronology.");
  /* A deferral says what it waits for and by when; nothing typed is lost. */
  g_assert_false (pd_decision_dialog_save (dialog));
  g_assert_nonnull (strstr (pd_decision_dialog_get_error (dialog), "information"));
  pd_decision_dialog_set_field (dialog, "awaited", "The health chronology");
  pd_decision_dialog_set_field (dialog, "awaited_by", "31 May");
  g_assert_false (pd_decision_dialog_save (dialog));
  g_assert_nonnull (strstr (pd_decision_dialog_get_error (dialog), "YYYY-MM-DD"));
  pd_decision_dialog_set_field (dialog, "awaited_by", "2026-05-31");
  g_assert_true (pd_decision_dialog_save (dialog));
  drain ();

  shown = pd_decision_page_get_decision (pd_decisions_view_get_page (fixture->view));
  g_assert_cmpstr (pd_decision_get_kind (shown), ==, "recommendation");
  g_assert_cmpstr (pd_decision_get_outcome (shown), ==, "deferred");
  g_assert_cmpstr (pd_decision_get_awaited_by (shown), ==, "2026-05-31");
  /* A recommendation is not signed; the chair makes a decision from it. */
  g_assert_false (pd_decisions_view_can_sign (fixture->view));
}

/* A long rationale flows on to further pages; nothing is cut off. */
static void
test_record_pdf_long (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) rationale = g_string_new (NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "long.pdf", NULL);
  g_autofree char *out = NULL;
  Add add = { .fields = { .referral_id = fixture->referral_id, .kind = "recommendation", .outcome = "scr",
                          .made_at = "2026-04-03T10:00:00Z", .criteria_met = "" } };
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  int status = 0;

  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (rationale, "Paragraph %u of the panel's reasons.\n", i);
  add.fields.rationale = rationale->str;
  g_assert_true (pd_database_write (fixture->db, "Add", add_decision_cb, &add, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pd_decision_print_to_pdf (fixture->db, add.id, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_cmpint (status, ==, 0);
  /* Every line, those at the page breaks too. */
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("Paragraph %u of", i);

      g_assert_nonnull (strstr (out, line));
    }
  g_assert_nonnull (strstr (out, "Printed"));
  /* pdftotext ends each page with a form feed: two pages at least. */
  g_assert_nonnull (strchr (out, '\f'));
  g_assert_nonnull (strchr (strchr (out, '\f') + 1, '\f'));
}

static void
test_edit_unsigned_only (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  PdDecisionDialog *dialog;
  PdDecision *shown;
  gint64 id = decide (fixture);
  g_autofree char *made_at = g_strdup (pd_decision_get_made_at (pd_decision_page_get_decision (
                                         pd_decisions_view_get_page (fixture->view))));

  /* The recommendation has its decision now: no second one from it. */
  g_assert_true (pd_decisions_view_show_decision (fixture->view, fixture->recommendation_id, &error));
  g_assert_false (pd_decisions_view_can_decide (fixture->view));
  g_assert_null (pd_decisions_view_make_decision (fixture->view, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  /* Unsigned, it is corrected in place, still a decision, made when it was. */
  g_assert_true (pd_decisions_view_show_decision (fixture->view, id, &error));
  g_assert_true (pd_decisions_view_can_edit (fixture->view));
  dialog = pd_decisions_view_edit (fixture->view, &error);
  g_assert_no_error (error);
  pd_decision_dialog_set_field (dialog, "rationale", "Corrected before signing.");
  g_assert_true (pd_decision_dialog_save (dialog));
  drain ();
  shown = pd_decision_page_get_decision (pd_decisions_view_get_page (fixture->view));
  g_assert_cmpint (pd_decision_get_id (shown), ==, id);
  g_assert_cmpstr (pd_decision_get_kind (shown), ==, "decision");
  g_assert_cmpstr (pd_decision_get_rationale (shown), ==, "Corrected before signing.");
  g_assert_cmpstr (pd_decision_get_made_at (shown), ==, made_at);

  /* Signed, never: no button, and refused if asked. */
  sign_open (fixture, PASSPHRASE);
  g_assert_false (pd_decisions_view_can_edit (fixture->view));
  g_assert_null (pd_decisions_view_edit (fixture->view, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(PdReferral) referral = pd_referral_load (fixture->db, fixture->referral_id, NULL);

  decide (fixture);
  pd_decisions_view_show_list (fixture->view);
  pd_decisions_view_filter (fixture->view, NULL);
  g_assert_cmpuint (pd_decisions_view_get_n_rows (fixture->view), ==, 2);
  pd_decisions_view_filter (fixture->view, "awaiting");
  g_assert_cmpuint (pd_decisions_view_get_n_rows (fixture->view), ==, 1);
  pd_decisions_view_filter (fixture->view, "recommendation");
  g_assert_cmpuint (pd_decisions_view_get_n_rows (fixture->view), ==, 1);
  pd_decisions_view_filter (fixture->view, "signed");
  g_assert_cmpuint (pd_decisions_view_get_n_rows (fixture->view), ==, 0);
  g_assert_cmpstr (pd_decisions_view_get_shown (fixture->view), ==, "empty");

  pd_decisions_view_filter (fixture->view, NULL);
  pd_decisions_view_search (fixture->view, "no such child");
  g_assert_cmpuint (pd_decisions_view_get_n_rows (fixture->view), ==, 0);
  pd_decisions_view_search (fixture->view, pd_referral_get_reference (referral));
  g_assert_cmpuint (pd_decisions_view_get_n_rows (fixture->view), ==, 2);
  pd_decisions_view_search (fixture->view, "child q");
  g_assert_cmpuint (pd_decisions_view_get_n_rows (fixture->view), ==, 2);
}

static void
test_filter_query_core (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdRecordList) list = pd_decision_list_new (fixture->db);
  PdDecisionLogQuery query = { .from = "2026-04-01", .to = "2026-04-01" };

  decide (fixture);
  g_assert_true (pd_decision_log_set_query (list, &query, &error));
  g_assert_no_error (error);
  /* The recommendation was made that day; the decision today. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  query = (PdDecisionLogQuery) { .chair_id = pd_database_get_user_id (fixture->db) };
  g_assert_true (pd_decision_log_set_query (list, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  query = (PdDecisionLogQuery) { .outcome = "scr" };
  g_assert_true (pd_decision_log_set_query (list, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  /* A mistyped date is refused, the list left as it was. */
  query = (PdDecisionLogQuery) { .from = "1 April" };
  g_assert_false (pd_decision_log_set_query (list, &query, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keys_parent = g_dir_make_tmp ("pd-decisions-keys-XXXXXX", NULL);
  int status;

  g_assert_nonnull (keys_parent);
  key_dir = g_build_filename (keys_parent, "keys", NULL);
  g_setenv ("PANEL_DESK_KEY_DIR", key_dir, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/decisions/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("chair-signs-recommendation-into-decision", test_chair_signs_recommendation_into_decision);
  ADD ("wrong-passphrase-keeps-dialog", test_wrong_passphrase_keeps_dialog);
  ADD ("member-sees-no-sign-button", test_member_sees_no_sign_button);
  ADD ("altered-decision-shows-altered", test_altered_decision_shows_altered);
  ADD ("supersede-with-reason", test_supersede_with_reason);
  ADD ("record-pdf-has-fingerprint", test_record_pdf_has_fingerprint);
  ADD ("national-panel-notice", test_national_panel_notice);
  ADD ("record-recommendation", test_record_recommendation);
  ADD ("record-pdf-long", test_record_pdf_long);
  ADD ("edit-unsigned-only", test_edit_unsigned_only);
  ADD ("filters", test_filters);
  ADD ("filter-query-core", test_filter_query_core);
#undef ADD

  status = g_test_run ();
  pd_test_remove_tree (keys_parent);
  g_free (key_dir);
  return status;
}
