/* test-decision-signing.c: the chair's sign-off, the hash chain, receipts,
 * and every tampering case of issue 5 caught */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-signing-private.h"
#include "pd-test-util.h"

#define PASSPHRASE "correct horse battery"

typedef struct
{
  char       *dir;
  char       *path;
  char       *key_dir;
  PdDatabase *db;
  gint64      referral_id;
} Fixture;

/* ---------------------------------------------------------------- helpers */

static void
raw_exec (sqlite3    *handle,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Reopens the database with the login's role set to @role, as if an
 * administrator had changed it. */
static void
reopen_as (Fixture    *fixture,
           const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE people SET role = '%s' WHERE login_name = '%s';",
                                          role, g_get_user_name ());

  raw_exec (_pd_database_get_handle (fixture->db), sql);
  g_clear_object (&fixture->db);
  fixture->db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_role_to_string (pd_database_get_user_role (fixture->db)), ==, role);
}

static gboolean
insert_referral_cb (PdTransaction  *tx,
                    gpointer        user_data,
                    GError        **error)
{
  PdReferralFields fields = { .pseudonym = "Child A", .date_received = "2026-03-01" };
  gint64 *id = user_data;

  *id = pd_referral_insert (tx, &fields, NULL, error);
  return *id != 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pd-signing-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "panel.paneldesk", NULL);
  /* Not yet made: the first sign-off makes it. */
  fixture->key_dir = g_build_filename (fixture->dir, "home", "keys", NULL);
  fixture->db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pd_database_write (fixture->db, "Add a referral", insert_referral_cb,
                                    &fixture->referral_id, NULL, &error));
  g_assert_no_error (error);
  reopen_as (fixture, "chair");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->key_dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

typedef struct
{
  PdDecisionFields fields;
  gint64           old_id;     /* supersede this one when set */
  const char      *reason;
  gint64           id;
} AddDecision;

static gboolean
add_decision_cb (PdTransaction  *tx,
                 gpointer        user_data,
                 GError        **error)
{
  AddDecision *add = user_data;

  if (add->old_id != 0)
    add->id = pd_decision_supersede (tx, add->old_id, &add->fields, add->reason, error);
  else
    add->id = pd_decision_insert (tx, &add->fields, error);
  return add->id != 0;
}

static gint64
add_decision (Fixture    *fixture,
              const char *kind,
              const char *outcome)
{
  g_autoptr(GError) error = NULL;
  AddDecision add = { .fields = { .referral_id = fixture->referral_id, .kind = kind, .outcome = outcome,
                                  .rationale = "The criteria are met: \"serious harm\",\nand agencies' concerns.",
                                  .made_at = "2026-04-01T16:00:00Z", .criteria_met = "abuse_or_neglect,serious_harm" } };

  g_assert_true (pd_database_write (fixture->db, "Add a decision", add_decision_cb, &add, NULL, &error));
  g_assert_no_error (error);
  return add.id;
}

static void
sign_ok (Fixture *fixture,
         gint64   id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pd_decision_sign (fixture->db, id, PASSPHRASE, fixture->key_dir, &error));
  g_assert_no_error (error);
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

/* An administrator confirms the pending key; the login is chair again after. */
static void
confirm_key (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  reopen_as (fixture, "administrator");
  g_assert_true (pd_database_write (fixture->db, "Confirm", confirm_cb, NULL, NULL, &error));
  g_assert_no_error (error);
  reopen_as (fixture, "chair");
}

static PdSignatureCheck *
verify (Fixture *fixture,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  PdSignatureCheck *check = pd_signing_verify_decision (fixture->db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (check);
  return check;
}

static void
assert_altered (Fixture    *fixture,
                gint64      id,
                const char *reason)
{
  g_autoptr(PdSignatureCheck) check = verify (fixture, id);
  g_autofree char *name = g_strdup_printf ("Decision %" G_GINT64_FORMAT " (", id);

  g_assert_cmpint (check->state, ==, PD_SIGNATURE_ALTERED);
  g_assert_nonnull (check->message);
  g_assert_true (g_str_has_prefix (check->message, name));
  if (reason != NULL && strstr (check->message, reason) == NULL)
    g_error ("“%s” does not say “%s”", check->message, reason);
}

static sqlite3 *
handle (Fixture *fixture)
{
  return _pd_database_get_handle (fixture->db);
}

/* ------------------------------------------------------------------ tests */

static void
test_sign_and_verify (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");
  g_autofree char *key_path = pd_signing_key_path (fixture->key_dir, g_get_user_name ());
  g_autoptr(PdDecision) decision = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  guint n_receipts = 0;

  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, id);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_UNSIGNED);
  }

  sign_ok (fixture, id);

  /* The first sign-off made the key, in the chair's own folder, 0600. */
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (fixture->key_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  decision = pd_decision_load (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (pd_decision_is_signed (decision));
  g_assert_nonnull (pd_decision_get_signed_at (decision));
  g_assert_cmpuint (strlen (pd_decision_get_key_fingerprint (decision)), ==, 64);

  /* Pending until an administrator confirms the key. */
  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, id);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_KEY_UNCONFIRMED);
    g_assert_cmpint (pd_signing_key_lookup (fixture->db, pd_database_get_user_id (fixture->db), NULL, NULL, NULL),
                     ==, PD_KEY_PENDING);
  }
  confirm_key (fixture);
  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, id);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_VERIFIED);
    g_assert_null (check->message);
    g_assert_cmpint (check->chain_seq, ==, 1);
  }

  /* Who did what is audited: the key registered and confirmed, the signature. */
  g_assert_cmpint (pd_test_query_int (handle (fixture),
                                      "SELECT count(*) FROM audit_log WHERE entity = 'signing_key' "
                                      "AND action IN ('register', 'confirm');"), ==, 2);
  g_assert_cmpint (pd_test_query_int (handle (fixture),
                                      "SELECT count(*) FROM audit_log WHERE entity = 'decision' AND action = 'sign';"),
                   ==, 1);

  /* The receipt matches. */
  mismatches = pd_signature_receipts_check (fixture->db, fixture->key_dir, &n_receipts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);
  g_assert_cmpuint (n_receipts, ==, 1);
}

static void
test_canonical_form (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");
  g_autofree char *reference = pd_test_query_text (handle (fixture), "SELECT reference FROM referrals;");
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *signed_form = NULL;
  g_autofree char *stored_hash = NULL;
  g_autoptr(GError) error = NULL;
  guint8 digest[32];
  g_autofree char *digest_hex = NULL;

  expected = g_strdup_printf ("{\"alternative_review\":\"\",\"awaited\":\"\",\"awaited_by\":\"\","
                              "\"chain_seq\":null,\"criteria_met\":\"abuse_or_neglect,serious_harm\","
                              "\"departure_reason\":\"\",\"format\":\"panel-desk-decision-1\","
                              "\"id\":%" G_GINT64_FORMAT ",\"key_fingerprint\":null,\"kind\":\"decision\","
                              "\"made_at\":\"2026-04-01T16:00:00Z\",\"made_by\":1,\"meeting_id\":null,"
                              "\"outcome\":\"scr\",\"previous_hash\":null,"
                              "\"rationale\":\"The criteria are met: \\\"serious harm\\\",\\nand agencies' concerns.\","
                              "\"referral_id\":%" G_GINT64_FORMAT ",\"referral_reference\":\"%s\","
                              "\"signed_at\":null,\"signed_by\":null,\"supersede_reason\":\"\","
                              "\"supersedes_hash\":null,\"supersedes_id\":null}",
                              id, fixture->referral_id, reference);

  first = pd_decision_dup_canonical (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, expected);
  again = pd_decision_dup_canonical (fixture->db, id, &error);
  g_assert_cmpstr (again, ==, first);

  /* Signed: the stored hash is SHA-256 of the form rebuilt from the row. */
  sign_ok (fixture, id);
  signed_form = pd_decision_dup_canonical (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (signed_form, "\"chain_seq\":1,"));
  g_assert_nonnull (strstr (signed_form, "\"previous_hash\":\"\","));
  stored_hash = pd_test_query_text (handle (fixture), "SELECT signed_hash FROM decisions WHERE signature IS NOT NULL;");
  crypto_hash_sha256 (digest, (const guint8 *) signed_form, strlen (signed_form));
  digest_hex = _pd_hex (digest, sizeof digest);
  g_assert_cmpstr (digest_hex, ==, stored_hash);

  /* A database reopened gives the same bytes. */
  g_clear_object (&fixture->db);
  fixture->db = pd_database_open (fixture->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_free (again);
  again = pd_decision_dup_canonical (fixture->db, id, &error);
  g_assert_cmpstr (again, ==, signed_form);
}

static gboolean
update_cb (PdTransaction  *tx,
           gpointer        user_data,
           GError        **error)
{
  PdDecisionFields fields = { .referral_id = 0, .kind = "decision", .outcome = "no_review", .rationale = "Changed." };

  return pd_decision_update (tx, *(gint64 *) user_data, &fields, error);
}

static gboolean
delete_cb (PdTransaction  *tx,
           gpointer        user_data,
           GError        **error)
{
  return pd_decision_delete (tx, *(gint64 *) user_data, error);
}

static void
test_triggers_and_core_refuse_changes (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");
  gint64 unsigned_id = add_decision (fixture, "decision", "silr");
  g_autoptr(GError) error = NULL;
  g_autofree char *update = g_strdup_printf ("UPDATE decisions SET rationale = 'edited' WHERE id = %" G_GINT64_FORMAT ";", id);
  g_autofree char *unsign = g_strdup_printf ("UPDATE decisions SET signature = NULL WHERE id = %" G_GINT64_FORMAT ";", id);
  g_autofree char *delete = g_strdup_printf ("DELETE FROM decisions WHERE id = %" G_GINT64_FORMAT ";", id);
  g_autofree char *rationale = NULL;

  sign_ok (fixture, id);

  /* SQLite itself refuses, whichever program asks. */
  g_assert_cmpint (sqlite3_exec (handle (fixture), update, NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (handle (fixture)), "signed decision"));
  g_assert_cmpint (sqlite3_exec (handle (fixture), unsign, NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (handle (fixture), delete, NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (handle (fixture), "DELETE FROM signing_keys;", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (handle (fixture), "UPDATE signing_keys SET public_key = zeroblob(32);",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  rationale = pd_test_query_text (handle (fixture), "SELECT rationale FROM decisions ORDER BY id LIMIT 1;");
  g_assert_cmpstr (rationale, !=, "edited");

  /* The core refuses before the trigger has to. */
  g_assert_false (pd_database_write (fixture->db, "Update", update_cb, &id, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "supersedes"));
  g_clear_error (&error);
  g_assert_false (pd_database_write (fixture->db, "Delete", delete_cb, &id, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  /* An unsigned decision can still be edited and deleted. */
  g_assert_true (pd_database_write (fixture->db, "Update", update_cb, &unsigned_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pd_database_write (fixture->db, "Delete", delete_cb, &unsigned_id, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, id);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_KEY_UNCONFIRMED);
  }
}

static void
test_supersession_chain (Fixture       *fixture,
                         gconstpointer  user_data)
{
  gint64 first = add_decision (fixture, "decision", "no_review");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(PdDecision) old = NULL;
  g_autoptr(PdDecision) replacement = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *first_hash = NULL;
  AddDecision add = { .fields = { .referral_id = fixture->referral_id, .kind = "decision",
                                  .outcome = "practice_learning", .rationale = "New information." },
                      .old_id = first, .reason = "The inquest found new evidence." };
  AddDecision unsigned_add = add;
  AddDecision no_reason = add;
  gint64 second;

  /* Only a signed decision is superseded. */
  g_assert_false (pd_database_write (fixture->db, "Supersede", add_decision_cb, &unsigned_add, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  sign_ok (fixture, first);
  confirm_key (fixture);

  no_reason.reason = "  ";
  g_assert_false (pd_database_write (fixture->db, "Supersede", add_decision_cb, &no_reason, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pd_database_write (fixture->db, "Supersede", add_decision_cb, &add, NULL, &error));
  g_assert_no_error (error);
  second = add.id;
  sign_ok (fixture, second);

  /* Superseded once only. */
  add.id = 0;
  g_assert_false (pd_database_write (fixture->db, "Supersede", add_decision_cb, &add, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  old = pd_decision_load (fixture->db, first, &error);
  g_assert_no_error (error);
  replacement = pd_decision_load (fixture->db, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_decision_get_superseded_by (old), ==, second);
  g_assert_cmpint (pd_decision_get_supersedes_id (replacement), ==, first);
  g_assert_cmpstr (pd_decision_get_supersede_reason (replacement), ==, "The inquest found new evidence.");

  /* Chained: the second holds the first's hash. */
  first_hash = pd_test_query_text (handle (fixture), "SELECT signed_hash FROM decisions WHERE chain_seq = 1;");
  previous = pd_test_query_text (handle (fixture), "SELECT previous_hash FROM decisions WHERE chain_seq = 2;");
  g_assert_cmpstr (previous, ==, first_hash);

  checks = pd_signing_verify_all (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 2);
  for (guint i = 0; i < checks->len; i++)
    g_assert_cmpint (((PdSignatureCheck *) g_ptr_array_index (checks, i))->state, ==, PD_SIGNATURE_VERIFIED);
  g_assert_cmpint (((PdSignatureCheck *) g_ptr_array_index (checks, 0))->superseded_by, ==, second);

  /* Deleting the first (trigger dropped) breaks the chain at the second. */
  raw_exec (handle (fixture), "DROP TRIGGER decisions_signed_no_delete; PRAGMA foreign_keys = OFF;");
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM decisions WHERE id = %" G_GINT64_FORMAT ";", first);
    raw_exec (handle (fixture), sql);
  }
  assert_altered (fixture, second, "missing");
}

static void
test_attack_row_edited (Fixture       *fixture,
                        gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");
  gint64 next = add_decision (fixture, "decision", "silr");
  g_autofree char *sql = g_strdup_printf ("UPDATE decisions SET outcome = 'no_review' WHERE id = %" G_GINT64_FORMAT ";", id);

  sign_ok (fixture, id);
  sign_ok (fixture, next);
  confirm_key (fixture);

  raw_exec (handle (fixture), "DROP TRIGGER decisions_signed_no_update;");
  raw_exec (handle (fixture), sql);
  assert_altered (fixture, id, "changed after it was signed");
  /* The next one still verifies: its link is to the hash as signed. */
  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, next);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_VERIFIED);
  }
}

static void
test_attack_signature_copied (Fixture       *fixture,
                              gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");
  gint64 other = add_decision (fixture, "decision", "no_review");
  g_autofree char *sql = NULL;

  sign_ok (fixture, id);
  confirm_key (fixture);

  /* The unsigned row may still be written: no trigger stands in the way. */
  sql = g_strdup_printf ("UPDATE decisions SET (signed_by, signed_at, signature, signing_key_id, signed_hash, "
                         "  previous_hash) = (SELECT signed_by, signed_at, signature, signing_key_id, signed_hash, "
                         "  previous_hash FROM decisions WHERE id = %" G_GINT64_FORMAT ") "
                         "WHERE id = %" G_GINT64_FORMAT ";", id, other);
  raw_exec (handle (fixture), sql);
  assert_altered (fixture, other, "copied from decision");
  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, id);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_VERIFIED);
  }
}

typedef struct
{
  gint64        id;
  PdSigningKey *key;
  PdSignatureReceipt *receipt;
} Forge;

static gboolean
forge_cb (PdTransaction  *tx,
          gpointer        user_data,
          GError        **error)
{
  Forge *forge = user_data;

  forge->receipt = _pd_signing_sign_in_tx (tx, forge->id, pd_database_get_user_id (pd_transaction_get_database (tx)),
                                           1, forge->key, NULL, error);
  return forge->receipt != NULL;
}

static void
test_attack_key_swapped (Fixture       *fixture,
                         gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");
  g_autofree char *other_dir = g_build_filename (fixture->dir, "attacker", NULL);
  g_autofree char *fingerprint = NULL;
  g_autofree char *public_hex = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(PdSigningKey) key = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GError) error = NULL;
  Forge forge = { 0 };
  gint64 later = add_decision (fixture, "decision", "silr");

  sign_ok (fixture, id);
  confirm_key (fixture);

  /* Someone with the shared file alone: their own key in place of the
   * chair's, the decision edited and signed again with it. */
  fingerprint = pd_signing_key_create (other_dir, g_get_user_name (), "another passphrase", &error);
  g_assert_no_error (error);
  key = _pd_signing_key_open (other_dir, g_get_user_name (), "another passphrase", &error);
  g_assert_no_error (error);
  public_hex = _pd_hex (key->public_key, sizeof key->public_key);
  raw_exec (handle (fixture), "DROP TRIGGER decisions_signed_no_update; DROP TRIGGER signing_keys_fixed;");
  sql = g_strdup_printf ("UPDATE signing_keys SET public_key = x'%s', fingerprint = '%s' WHERE id = 1;"
                         "UPDATE decisions SET outcome = 'no_review', signature = NULL, signed_hash = NULL, "
                         "  chain_seq = NULL, previous_hash = NULL, signed_at = NULL, signed_by = NULL, "
                         "  signing_key_id = NULL WHERE id = %" G_GINT64_FORMAT ";",
                         public_hex, fingerprint, id);
  raw_exec (handle (fixture), sql);
  forge.id = id;
  forge.key = key;
  g_assert_true (pd_database_write (fixture->db, "Forge", forge_cb, &forge, NULL, &error));
  g_assert_no_error (error);
  _pd_signature_receipt_free (forge.receipt);

  /* The database alone agrees with itself now... */
  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, id);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_VERIFIED);
  }
  /* ...but not with the chair's receipts. */
  mismatches = pd_signature_receipts_check (fixture->db, fixture->key_dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 1);
  {
    PdSignatureCheck *mismatch = g_ptr_array_index (mismatches, 0);
    g_autofree char *name = g_strdup_printf ("Decision %" G_GINT64_FORMAT " (", id);

    g_assert_cmpint (mismatch->decision_id, ==, id);
    g_assert_cmpint (mismatch->state, ==, PD_SIGNATURE_ALTERED);
    g_assert_true (g_str_has_prefix (mismatch->message, name));
  }

  /* And the chair's next sign-off refuses a key that is not theirs. */
  g_assert_false (pd_decision_sign (fixture->db, later, PASSPHRASE, fixture->key_dir, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_KEY_MISMATCH);
  g_assert_cmpint (pd_test_query_int (handle (fixture), "SELECT count(*) FROM decisions WHERE signature IS NOT NULL;"),
                   ==, 1);
}

static void
test_attack_key_material_changed (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");

  sign_ok (fixture, id);
  confirm_key (fixture);
  raw_exec (handle (fixture), "DROP TRIGGER signing_keys_fixed; UPDATE signing_keys SET public_key = randomblob(32);");
  assert_altered (fixture, id, "public key");
}

static void
assert_sign_fails (Fixture    *fixture,
                   gint64      id,
                   const char *passphrase,
                   int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pd_decision_sign (fixture->db, id, passphrase, fixture->key_dir, &error));
  g_assert_error (error, PD_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 20);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT signature IS NULL FROM decisions WHERE id = %" G_GINT64_FORMAT ";", id);
    g_assert_cmpint (pd_test_query_int (handle (fixture), sql), ==, 1);
  }
}

static void
test_wrong_passphrase (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gint64 first = add_decision (fixture, "decision", "scr");
  gint64 second = add_decision (fixture, "decision", "silr");

  /* Too short a passphrase for a new key. */
  assert_sign_fails (fixture, first, "short", PD_ERROR_INVALID);
  sign_ok (fixture, first);
  assert_sign_fails (fixture, second, "Correct horse battery", PD_ERROR_PASSPHRASE);
  assert_sign_fails (fixture, second, "", PD_ERROR_PASSPHRASE);
  sign_ok (fixture, second);
}

static void
test_missing_or_corrupt_key_file (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  gint64 first = add_decision (fixture, "decision", "scr");
  gint64 second = add_decision (fixture, "decision", "silr");
  g_autofree char *path = pd_signing_key_path (fixture->key_dir, g_get_user_name ());
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *damaged = NULL;
  gsize length;

  sign_ok (fixture, first);
  g_file_get_contents (path, &saved, &length, &error);
  g_assert_no_error (error);

  /* Missing: no new key is made behind the chair's back. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  assert_sign_fails (fixture, second, PASSPHRASE, PD_ERROR_KEY_MISSING);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Not a key file at all. */
  g_file_set_contents (path, "\x89PNG\r\n garbage", -1, &error);
  g_assert_no_error (error);
  assert_sign_fails (fixture, second, PASSPHRASE, PD_ERROR_KEY_CORRUPT);

  /* A key file with its sealed secret key cut short. */
  g_assert_true (g_key_file_load_from_data (file, saved, length, G_KEY_FILE_KEEP_COMMENTS, &error));
  g_key_file_set_string (file, "Panel Desk signing key", "secret-key", "AAAA");
  damaged = g_key_file_to_data (file, NULL, NULL);
  g_file_set_contents (path, damaged, -1, &error);
  g_assert_no_error (error);
  assert_sign_fails (fixture, second, PASSPHRASE, PD_ERROR_KEY_CORRUPT);

  /* Restored from the chair's backup, it signs again. */
  g_file_set_contents (path, saved, length, &error);
  g_assert_no_error (error);
  sign_ok (fixture, second);
}

static void
test_role_enforced (Fixture       *fixture,
                    gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");
  static const char *roles[] = { "member", "administrator", "observer" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      reopen_as (fixture, roles[i]);
      assert_sign_fails (fixture, id, PASSPHRASE, PD_ERROR_PERMISSION);
      /* Refused before any key is made. */
      g_assert_false (g_file_test (fixture->key_dir, G_FILE_TEST_EXISTS));
    }

  /* An administrator confirms keys; a chair cannot confirm their own. */
  reopen_as (fixture, "chair");
  sign_ok (fixture, id);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (pd_database_write (fixture->db, "Confirm", confirm_cb, NULL, NULL, &error));
    g_assert_error (error, PD_ERROR, PD_ERROR_PERMISSION);
  }
}

static void
test_already_signed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");
  gint64 recommendation = add_decision (fixture, "recommendation", "scr");
  g_autoptr(GError) error = NULL;
  g_autofree char *first_signature = NULL;
  g_autofree char *after = NULL;

  sign_ok (fixture, id);
  first_signature = pd_test_query_text (handle (fixture), "SELECT hex(signature) FROM decisions WHERE chain_seq = 1;");

  g_assert_false (pd_decision_sign (fixture->db, id, PASSPHRASE, fixture->key_dir, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already signed"));
  g_clear_error (&error);
  after = pd_test_query_text (handle (fixture), "SELECT hex(signature) FROM decisions WHERE chain_seq = 1;");
  g_assert_cmpstr (after, ==, first_signature);

  /* A recommendation is the panel's, not signed. */
  assert_sign_fails (fixture, recommendation, PASSPHRASE, PD_ERROR_INVALID);
}

static void
test_receipts_report_deletion (Fixture       *fixture,
                               gconstpointer  user_data)
{
  gint64 id = add_decision (fixture, "decision", "scr");
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM decisions WHERE id = %" G_GINT64_FORMAT ";", id);

  sign_ok (fixture, id);
  raw_exec (handle (fixture), "DROP TRIGGER decisions_signed_no_delete;");
  raw_exec (handle (fixture), sql);

  mismatches = pd_signature_receipts_check (fixture->db, fixture->key_dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 1);
  g_assert_nonnull (strstr (((PdSignatureCheck *) g_ptr_array_index (mismatches, 0))->message,
                            "no longer in the database"));
}

static gboolean
register_cb (PdTransaction  *tx,
             gpointer        user_data,
             GError        **error)
{
  gint64 *id = ((gpointer *) user_data)[0];
  const char *key_dir = ((gpointer *) user_data)[1];

  *id = pd_signing_key_register (tx, key_dir, error);
  return *id != 0;
}

static void
test_key_replaced (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 old_decision = add_decision (fixture, "decision", "scr");
  gint64 new_decision = add_decision (fixture, "decision", "silr");
  g_autofree char *path = pd_signing_key_path (fixture->key_dir, g_get_user_name ());
  g_autofree char *fingerprint = NULL;
  g_autofree char *registered = NULL;
  g_autoptr(GError) error = NULL;
  gint64 key_id = 0;
  gpointer data[] = { &key_id, fixture->key_dir };

  sign_ok (fixture, old_decision);
  confirm_key (fixture);

  /* The chair lost the key: a new one, registered, pending again. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  fingerprint = pd_signing_key_create (fixture->key_dir, g_get_user_name (), "a new passphrase", &error);
  g_assert_no_error (error);
  g_assert_true (pd_database_write (fixture->db, "Replace key", register_cb, data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_signing_key_lookup (fixture->db, pd_database_get_user_id (fixture->db), NULL, &registered, &error),
                   ==, PD_KEY_PENDING);
  g_assert_cmpstr (registered, ==, fingerprint);
  g_assert_cmpint (pd_test_query_int (handle (fixture),
                                      "SELECT count(*) FROM audit_log WHERE entity = 'signing_key' AND action = 'replace';"),
                   ==, 1);

  /* Older signatures still verify with the old key. */
  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, old_decision);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_VERIFIED);
  }
  g_assert_true (pd_decision_sign (fixture->db, new_decision, "a new passphrase", fixture->key_dir, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, new_decision);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_KEY_UNCONFIRMED);
    g_assert_cmpstr (check->fingerprint, ==, fingerprint);
  }
  confirm_key (fixture);
  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, new_decision);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_VERIFIED);
  }
}

static gboolean
notice_cb (PdTransaction  *tx,
           gpointer        user_data,
           GError        **error)
{
  return pd_decision_record_national_panel_notice (tx, *(gint64 *) user_data, "2026-04-10", error);
}

static void
test_national_panel_notice (Fixture       *fixture,
                            gconstpointer  user_data)
{
  gint64 scr = add_decision (fixture, "decision", "scr");
  gint64 none = add_decision (fixture, "decision", "no_review");
  g_autoptr(PdDecision) decision = NULL;
  g_autoptr(GError) error = NULL;

  raw_exec (handle (fixture), "UPDATE referrals SET framework = 'england-2015';");
  sign_ok (fixture, none);

  /* Only a decision not to hold an SCR is notified; once. */
  g_assert_false (pd_database_write (fixture->db, "Notice", notice_cb, &scr, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pd_database_write (fixture->db, "Notice", notice_cb, &none, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pd_database_write (fixture->db, "Notice", notice_cb, &none, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);

  decision = pd_decision_load (fixture->db, none, NULL);
  g_assert_true (pd_decision_needs_national_panel_notice (decision));
  g_assert_cmpstr (pd_decision_get_national_panel_notified_on (decision), ==, "2026-04-10");
  /* Recorded beside the signed row, which still verifies. */
  {
    g_autoptr(PdSignatureCheck) check = verify (fixture, none);
    g_assert_cmpint (check->state, ==, PD_SIGNATURE_KEY_UNCONFIRMED);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/decision-signing/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sign-and-verify", test_sign_and_verify);
  ADD ("canonical-form", test_canonical_form);
  ADD ("triggers-and-core-refuse-changes", test_triggers_and_core_refuse_changes);
  ADD ("supersession-chain", test_supersession_chain);
  ADD ("attack/row-edited", test_attack_row_edited);
  ADD ("attack/signature-copied", test_attack_signature_copied);
  ADD ("attack/key-swapped", test_attack_key_swapped);
  ADD ("attack/key-material-changed", test_attack_key_material_changed);
  ADD ("wrong-passphrase", test_wrong_passphrase);
  ADD ("missing-or-corrupt-key-file", test_missing_or_corrupt_key_file);
  ADD ("role-enforced", test_role_enforced);
  ADD ("already-signed", test_already_signed);
  ADD ("receipts-report-deletion", test_receipts_report_deletion);
  ADD ("key-replaced", test_key_replaced);
  ADD ("national-panel-notice", test_national_panel_notice);

  return g_test_run ();
}
