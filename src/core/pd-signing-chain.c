/* pd-signing-chain.c: the canonical form of a decision, signing it, and
 * verifying every signature and the hash chain they form
 *
 * Signed decisions are chained in signing order (chain_seq 1, 2, 3...):
 * each one's canonical form holds the SHA-256 of the one signed before it
 * (previous_hash, "" for the first), so deleting or reordering a signed
 * decision breaks the chain at the next one, and editing one breaks its own
 * hash and signature.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-decision.h"
#include "pd-signing-private.h"

#define CANONICAL_FORMAT "panel-desk-decision-1"

/* A decisions row as the canonical form and the verification need it. */
typedef struct
{
  gint64  id, referral_id, meeting_id, made_by, supersedes_id, signed_by, chain_seq;
  gint64  signing_key_id, key_person_id, key_confirmed_by;
  char   *kind, *reference, *outcome, *alternative_review, *awaited, *awaited_by;
  char   *criteria_met, *departure_reason, *rationale, *made_at, *supersede_reason;
  char   *supersedes_hash, *signed_at, *previous_hash, *fingerprint, *signed_hash;
  char   *key_replaced_at;
  GBytes *signature;
  GBytes *public_key;
} Row;

static void
row_free (Row *row)
{
  g_free (row->kind);
  g_free (row->reference);
  g_free (row->outcome);
  g_free (row->alternative_review);
  g_free (row->awaited);
  g_free (row->awaited_by);
  g_free (row->criteria_met);
  g_free (row->departure_reason);
  g_free (row->rationale);
  g_free (row->made_at);
  g_free (row->supersede_reason);
  g_free (row->supersedes_hash);
  g_free (row->signed_at);
  g_free (row->previous_hash);
  g_free (row->fingerprint);
  g_free (row->signed_hash);
  g_free (row->key_replaced_at);
  g_clear_pointer (&row->signature, g_bytes_unref);
  g_clear_pointer (&row->public_key, g_bytes_unref);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Row, row_free)

#define ROW_SQL \
  "SELECT d.id, d.kind, d.referral_id, r.reference, d.meeting_id, d.outcome, d.alternative_review, " \
  "       d.awaited, d.awaited_by, d.criteria_met, d.departure_reason, d.rationale, d.made_by, " \
  "       d.made_at, d.supersedes_id, d.supersede_reason, s.signed_hash, d.signed_by, d.signed_at, " \
  "       d.chain_seq, d.previous_hash, k.fingerprint, d.signature, d.signing_key_id, k.public_key, " \
  "       k.person_id, k.confirmed_by, k.replaced_at, d.signed_hash " \
  "FROM decisions d " \
  "LEFT JOIN referrals r ON r.id = d.referral_id " \
  "LEFT JOIN decisions s ON s.id = d.supersedes_id " \
  "LEFT JOIN signing_keys k ON k.id = d.signing_key_id "

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, index), sqlite3_column_bytes (stmt, index));
}

static Row *
row_from_statement (sqlite3_stmt *stmt)
{
  Row *row = g_new0 (Row, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->kind = _pd_column_dup (stmt, 1);
  row->referral_id = sqlite3_column_int64 (stmt, 2);
  row->reference = _pd_column_dup (stmt, 3);
  row->meeting_id = sqlite3_column_int64 (stmt, 4);
  row->outcome = _pd_column_dup (stmt, 5);
  row->alternative_review = _pd_column_dup (stmt, 6);
  row->awaited = _pd_column_dup (stmt, 7);
  row->awaited_by = _pd_column_dup (stmt, 8);
  row->criteria_met = _pd_column_dup (stmt, 9);
  row->departure_reason = _pd_column_dup (stmt, 10);
  row->rationale = _pd_column_dup (stmt, 11);
  row->made_by = sqlite3_column_int64 (stmt, 12);
  row->made_at = _pd_column_dup (stmt, 13);
  row->supersedes_id = sqlite3_column_int64 (stmt, 14);
  row->supersede_reason = _pd_column_dup (stmt, 15);
  row->supersedes_hash = _pd_column_dup (stmt, 16);
  row->signed_by = sqlite3_column_int64 (stmt, 17);
  row->signed_at = _pd_column_dup (stmt, 18);
  row->chain_seq = sqlite3_column_int64 (stmt, 19);
  row->previous_hash = _pd_column_dup (stmt, 20);
  row->fingerprint = _pd_column_dup (stmt, 21);
  row->signature = column_bytes (stmt, 22);
  row->signing_key_id = sqlite3_column_int64 (stmt, 23);
  row->public_key = column_bytes (stmt, 24);
  row->key_person_id = sqlite3_column_int64 (stmt, 25);
  row->key_confirmed_by = sqlite3_column_int64 (stmt, 26);
  row->key_replaced_at = _pd_column_dup (stmt, 27);
  row->signed_hash = _pd_column_dup (stmt, 28);
  return row;
}

static Row *
load_row (PdDatabase  *db,
          gint64       id,
          GError     **error)
{
  sqlite3_stmt *stmt = _pd_database_prepare (db, ROW_SQL "WHERE d.id = ?1;", error);
  Row *row = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = row_from_statement (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                 _("The decision was not found; someone may have deleted it."));
  else if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);
  return row;
}

/* --------------------------------------------------------- canonical form */

static void
json_string (GString    *out,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
json_id (GString *out,
         gint64   value)
{
  if (value == 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

/* One JSON object, keys in alphabetical order, no white space between
 * tokens, strings escaped only where JSON requires, ids as numbers (null for
 * none). Everything a reader of the decision relies on is in it. */
static char *
canonical_form (const Row *row)
{
  GString *out = g_string_new ("{");

#define KEY(name) g_string_append (out, out->len > 1 ? ",\"" name "\":" : "\"" name "\":")
  KEY ("alternative_review"); json_string (out, row->alternative_review);
  KEY ("awaited");            json_string (out, row->awaited);
  KEY ("awaited_by");         json_string (out, row->awaited_by);
  KEY ("chain_seq");          json_id (out, row->chain_seq);
  KEY ("criteria_met");       json_string (out, row->criteria_met);
  KEY ("departure_reason");   json_string (out, row->departure_reason);
  KEY ("format");             json_string (out, CANONICAL_FORMAT);
  KEY ("id");                 json_id (out, row->id);
  KEY ("key_fingerprint");    json_string (out, row->fingerprint);
  KEY ("kind");               json_string (out, row->kind);
  KEY ("made_at");            json_string (out, row->made_at);
  KEY ("made_by");            json_id (out, row->made_by);
  KEY ("meeting_id");         json_id (out, row->meeting_id);
  KEY ("outcome");            json_string (out, row->outcome);
  KEY ("previous_hash");      json_string (out, row->previous_hash);
  KEY ("rationale");          json_string (out, row->rationale);
  KEY ("referral_id");        json_id (out, row->referral_id);
  KEY ("referral_reference"); json_string (out, row->reference);
  KEY ("signed_at");          json_string (out, row->signed_at);
  KEY ("signed_by");          json_id (out, row->signed_by);
  KEY ("supersede_reason");   json_string (out, row->supersede_reason);
  KEY ("supersedes_hash");    json_string (out, row->supersedes_hash);
  KEY ("supersedes_id");      json_id (out, row->supersedes_id);
#undef KEY

  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

char *
pd_decision_dup_canonical (PdDatabase  *db,
                           gint64       decision_id,
                           GError     **error)
{
  g_autoptr(Row) row = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  row = load_row (db, decision_id, error);
  return row != NULL ? canonical_form (row) : NULL;
}

static char *
hash_hex_bytes (gconstpointer data,
                gsize         length)
{
  guint8 digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256 (digest, data, length);
  return _pd_hex (digest, sizeof digest);
}

static char *
hash_hex (const char *canonical)
{
  return hash_hex_bytes (canonical, strlen (canonical));
}

/* --------------------------------------------------------------- signing */

void
_pd_signature_receipt_free (PdSignatureReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->reference);
  g_free (receipt->signed_at);
  g_free (receipt->signed_hash);
  g_free (receipt->signature_hex);
  g_free (receipt->fingerprint);
  g_free (receipt);
}

/* Refuses what cannot be signed, before a key is made or opened. */
static gboolean
check_signable (const Row  *row,
                GError    **error)
{
  if (g_strcmp0 (row->kind, "decision") != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A panel recommendation is not signed; record the chair’s decision and sign that."));
      return FALSE;
    }
  if (row->signature != NULL || row->signed_hash != NULL || row->chain_seq != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Decision %" G_GINT64_FORMAT " (%s) is already signed. To change it, record a new "
                     "decision that supersedes it."),
                   row->id, row->reference);
      return FALSE;
    }
  return TRUE;
}

PdSignatureReceipt *
_pd_signing_sign_in_tx (PdTransaction  *tx,
                        gint64          decision_id,
                        gint64          signer_id,
                        gint64          key_id,
                        PdSigningKey   *key,
                        const char     *signed_at,
                        GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(Row) row = NULL;
  g_autoptr(PdSignatureReceipt) receipt = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint8 signature[crypto_sign_BYTES];
  sqlite3_stmt *stmt;
  int rc;

  row = load_row (db, decision_id, error);
  if (row == NULL || !check_signable (row, error))
    return NULL;

  /* The head of the chain: the decision signed last. */
  stmt = _pd_database_prepare (db,
                               "SELECT chain_seq, signed_hash FROM decisions WHERE chain_seq IS NOT NULL "
                               "ORDER BY chain_seq DESC LIMIT 1;",
                               error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->chain_seq = sqlite3_column_int64 (stmt, 0) + 1;
      row->previous_hash = _pd_column_dup (stmt, 1);
    }
  else
    {
      row->chain_seq = 1;
      row->previous_hash = g_strdup ("");
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }

  row->signed_by = signer_id;
  row->signed_at = signed_at != NULL ? g_strdup (signed_at) : _pd_now_iso8601 ();
  row->fingerprint = g_strdup (key->fingerprint);
  canonical = canonical_form (row);
  row->signed_hash = hash_hex (canonical);
  crypto_sign_detached (signature, NULL, (const guint8 *) canonical, strlen (canonical), key->secret_key);

  before = pd_transaction_row_json (tx, "decisions", decision_id, error);
  if (before == NULL)
    return NULL;
  stmt = _pd_database_prepare (db,
                               "UPDATE decisions SET signed_by = ?2, signed_at = ?3, signature = ?4, "
                               "  signing_key_id = ?5, chain_seq = ?6, signed_hash = ?7, previous_hash = ?8 "
                               "WHERE id = ?1 AND signature IS NULL;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, decision_id);
  sqlite3_bind_int64 (stmt, 2, signer_id);
  sqlite3_bind_text (stmt, 3, row->signed_at, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 4, signature, sizeof signature, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, key_id);
  sqlite3_bind_int64 (stmt, 6, row->chain_seq);
  sqlite3_bind_text (stmt, 7, row->signed_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, row->previous_hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }

  after = pd_transaction_row_json (tx, "decisions", decision_id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "decision", decision_id, "sign", before, after, error))
    return NULL;

  receipt = g_new0 (PdSignatureReceipt, 1);
  receipt->decision_id = decision_id;
  receipt->reference = g_strdup (row->reference);
  receipt->signed_at = g_strdup (row->signed_at);
  receipt->signed_hash = g_strdup (row->signed_hash);
  receipt->signature_hex = _pd_hex (signature, sizeof signature);
  receipt->fingerprint = g_strdup (key->fingerprint);
  return g_steal_pointer (&receipt);
}

typedef struct
{
  gint64              decision_id;
  gint64              key_id;      /* 0: register the key first */
  PdSigningKey       *key;
  PdSignatureReceipt *receipt;
} Sign;

static gboolean
sign_cb (PdTransaction  *tx,
         gpointer        user_data,
         GError        **error)
{
  Sign *sign = user_data;
  PdDatabase *db = pd_transaction_get_database (tx);

  if (sign->key_id == 0)
    {
      sign->key_id = _pd_signing_key_register_for (tx, pd_database_get_user_id (db), sign->key, error);
      if (sign->key_id == 0)
        return FALSE;
    }
  sign->receipt = _pd_signing_sign_in_tx (tx, sign->decision_id, pd_database_get_user_id (db),
                                          sign->key_id, sign->key, NULL, error);
  return sign->receipt != NULL;
}

gboolean
pd_decision_sign (PdDatabase  *db,
                  gint64       decision_id,
                  const char  *passphrase,
                  const char  *key_dir,
                  GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(Row) row = NULL;
  g_autoptr(PdSigningKey) key = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autofree char *key_path = NULL;
  Sign sign = { decision_id, 0, NULL, NULL };
  const char *login;
  PdKeyState state;

  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  if (pd_database_get_user_role (db) != PD_ROLE_CHAIR)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_PERMISSION,
                   _("Only the panel’s chair can sign a decision off; you are recorded as “%s”."),
                   pd_role_to_label (pd_database_get_user_role (db)));
      return FALSE;
    }
  if (!_pd_database_check_writable (db, error))
    return FALSE;
  row = load_row (db, decision_id, error);
  if (row == NULL || !check_signable (row, error))
    return FALSE;

  if (key_dir == NULL)
    key_dir = default_dir = pd_signing_default_key_dir ();
  login = pd_database_get_login_name (db);
  key_path = pd_signing_key_path (key_dir, login);

  state = pd_signing_key_lookup (db, pd_database_get_user_id (db), &sign.key_id, &registered, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The first sign-off makes the key pair; later ones need the same key. */
  if (state == PD_KEY_NONE && !g_file_test (key_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *made = pd_signing_key_create (key_dir, login, passphrase, error);

      if (made == NULL)
        return FALSE;
    }
  key = _pd_signing_key_open (key_dir, login, passphrase, error);
  if (key == NULL)
    return FALSE;
  if (state != PD_KEY_NONE && g_strcmp0 (registered, key->fingerprint) != 0)
    {
      g_autofree char *theirs = pd_signing_format_fingerprint (registered);
      g_autofree char *yours = pd_signing_format_fingerprint (key->fingerprint);

      g_set_error (error, PD_ERROR, PD_ERROR_KEY_MISMATCH,
                   _("The key the database has for you (%s) is not the key in your key folder (%s). "
                     "Nothing was signed. Someone may have replaced it: tell an administrator."),
                   theirs, yours);
      return FALSE;
    }

  sign.key = key;
  summary = g_strdup_printf ("Sign decision %" G_GINT64_FORMAT, decision_id);
  if (!pd_database_write (db, summary, sign_cb, &sign, NULL, error))
    {
      g_clear_pointer (&sign.receipt, _pd_signature_receipt_free);
      return FALSE;
    }

  receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) _pd_signature_receipt_free);
  g_ptr_array_add (receipts, sign.receipt);
  if (!_pd_signature_receipts_append (db, key_dir, receipts, &local_error))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO,
                   _("Decision %" G_GINT64_FORMAT " is signed, but its receipt could not be kept in your "
                     "key folder: %s"),
                   decision_id, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------- verification */

void
pd_signature_check_free (PdSignatureCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->reference);
  g_free (check->message);
  g_free (check->fingerprint);
  g_free (check);
}

const char *
pd_signature_state_to_label (PdSignatureState state)
{
  switch (state)
    {
    case PD_SIGNATURE_VERIFIED:        return _("Verified");
    case PD_SIGNATURE_KEY_UNCONFIRMED: return _("Not verified: key awaiting confirmation");
    case PD_SIGNATURE_ALTERED:         return _("Altered");
    case PD_SIGNATURE_UNSIGNED:
    default:                           return _("Not verified: awaiting signature");
    }
}

static void altered (PdSignatureCheck *check,
                     const char       *format,
                     ...) G_GNUC_PRINTF (2, 3);

/* Marks @check altered, with "Decision N (REF): " before the reason; the
 * first reason found is the one kept. */
static void
altered (PdSignatureCheck *check,
         const char       *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  if (check->state == PD_SIGNATURE_ALTERED)
    return;
  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  check->state = PD_SIGNATURE_ALTERED;
  g_free (check->message);
  /* Translators: "Decision 12 (PRP-2026-014): it was changed after it was signed" */
  check->message = g_strdup_printf (_("Decision %" G_GINT64_FORMAT " (%s): %s"), check->decision_id,
                                    check->reference != NULL ? check->reference : "?", reason);
}

/* TRUE when @row's signature is a valid signature of its own canonical form
 * by the key it names. */
static gboolean
signature_is_own (const Row *row)
{
  g_autofree char *canonical = NULL;

  if (row->signature == NULL || g_bytes_get_size (row->signature) != crypto_sign_BYTES ||
      row->public_key == NULL || g_bytes_get_size (row->public_key) != crypto_sign_PUBLICKEYBYTES)
    return FALSE;
  canonical = canonical_form (row);
  return crypto_sign_verify_detached (g_bytes_get_data (row->signature, NULL), (const guint8 *) canonical,
                                      strlen (canonical), g_bytes_get_data (row->public_key, NULL)) == 0;
}

static gboolean
is_unsigned (const Row *row)
{
  return row->signature == NULL && row->signed_hash == NULL && row->chain_seq == 0 &&
         row->signed_by == 0 && row->signed_at == NULL && row->signing_key_id == 0 &&
         row->previous_hash == NULL;
}

static PdSignatureCheck *
verify_row (const Row   *row,
            GHashTable  *by_seq,         /* chain_seq -> Row */
            GHashTable  *by_signature,   /* hex signature -> first Row with it */
            gint64       superseded_by)
{
  PdSignatureCheck *check = g_new0 (PdSignatureCheck, 1);
  g_autofree char *canonical = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *key_hash = NULL;
  const Row *first_with_signature = NULL;
  const Row *previous = NULL;
  gsize length = 0;
  gconstpointer signature;
  gconstpointer public_key;

  check->decision_id = row->id;
  check->reference = g_strdup (row->reference);
  check->chain_seq = row->chain_seq;
  check->fingerprint = g_strdup (row->fingerprint);
  check->superseded_by = superseded_by;
  check->state = PD_SIGNATURE_UNSIGNED;

  if (is_unsigned (row))
    return check;

  /* A signature that is some other decision's own, copied here. */
  if (row->signature != NULL && g_bytes_get_size (row->signature) == crypto_sign_BYTES)
    {
      g_autofree char *hex = _pd_hex (g_bytes_get_data (row->signature, NULL), crypto_sign_BYTES);

      first_with_signature = g_hash_table_lookup (by_signature, hex);
      if (first_with_signature != NULL && first_with_signature != row)
        altered (check, _("its signature was copied from decision %" G_GINT64_FORMAT), first_with_signature->id);
    }

  if (row->signature == NULL || row->signed_hash == NULL || row->chain_seq <= 0 || row->signed_at == NULL ||
      row->previous_hash == NULL || row->signing_key_id == 0)
    {
      altered (check, _("its signature is incomplete: part of it was removed or added by hand"));
      return check;
    }
  if (g_strcmp0 (row->kind, "decision") != 0)
    altered (check, _("it is a recommendation but carries a signature"));
  signature = g_bytes_get_data (row->signature, &length);

  if (row->public_key == NULL)
    {
      altered (check, _("the key it was signed with is missing from the database"));
      return check;
    }
  public_key = g_bytes_get_data (row->public_key, NULL);
  key_hash = hash_hex_bytes (public_key, g_bytes_get_size (row->public_key));
  if (g_strcmp0 (key_hash, row->fingerprint) != 0)
    altered (check, _("the public key it was signed with was changed in the database"));
  if (row->key_person_id != row->signed_by)
    altered (check, _("it was signed with a key that belongs to someone else"));

  if (row->chain_seq == 1)
    {
      if (row->previous_hash[0] != '\0')
        altered (check, _("the chain of signed decisions does not start with it as recorded"));
    }
  else
    {
      previous = g_hash_table_lookup (by_seq, &(gint64) { row->chain_seq - 1 });
      if (previous == NULL)
        altered (check, _("the decision signed before it is missing: a signed decision was deleted"));
      else if (g_strcmp0 (previous->signed_hash, row->previous_hash) != 0)
        altered (check, _("the decision signed before it, decision %" G_GINT64_FORMAT ", no longer matches "
                          "the chain"), previous->id);
    }

  canonical = canonical_form (row);
  hash = hash_hex (canonical);
  if (g_strcmp0 (hash, row->signed_hash) != 0)
    altered (check, _("it was changed after it was signed"));
  if (length != crypto_sign_BYTES || g_bytes_get_size (row->public_key) != crypto_sign_PUBLICKEYBYTES ||
      crypto_sign_verify_detached (signature, (const guint8 *) canonical, strlen (canonical), public_key) != 0)
    altered (check, _("its signature does not match its content"));

  if (row->key_replaced_at != NULL && g_strcmp0 (row->signed_at, row->key_replaced_at) > 0)
    altered (check, _("it was signed with a key that had already been replaced"));

  if (check->state != PD_SIGNATURE_ALTERED)
    {
      check->state = row->key_confirmed_by != 0 ? PD_SIGNATURE_VERIFIED : PD_SIGNATURE_KEY_UNCONFIRMED;
      if (check->state == PD_SIGNATURE_KEY_UNCONFIRMED)
        check->message = g_strdup_printf (_("Decision %" G_GINT64_FORMAT " (%s): signed with a key no "
                                            "administrator has confirmed yet"),
                                          row->id, row->reference);
    }
  return check;
}

GPtrArray *
pd_signing_verify_all (PdDatabase  *db,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_signature_check_free);
  g_autoptr(GHashTable) by_seq = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) by_signature = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) superseded = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  gint64 max_seq = 0;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db, ROW_SQL "ORDER BY d.id;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_statement (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (row->chain_seq > 0)
        {
          g_hash_table_insert (by_seq, &row->chain_seq, row);
          max_seq = MAX (max_seq, row->chain_seq);
        }
      /* Where a signature appears more than once, the decision it was made for. */
      if (signature_is_own (row))
        g_hash_table_insert (by_signature,
                             _pd_hex (g_bytes_get_data (row->signature, NULL), crypto_sign_BYTES), row);
      /* The newest decision replacing it. */
      if (row->supersedes_id > 0)
        g_hash_table_insert (superseded, &row->supersedes_id, &row->id);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      gint64 *by = g_hash_table_lookup (superseded, &row->id);

      g_ptr_array_add (checks, verify_row (row, by_seq, by_signature, by != NULL ? *by : 0));
    }

  return g_steal_pointer (&checks);
}

PdSignatureCheck *
pd_signing_verify_decision (PdDatabase  *db,
                            gint64       decision_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) checks = pd_signing_verify_all (db, error);

  if (checks == NULL)
    return NULL;
  for (guint i = 0; i < checks->len; i++)
    {
      PdSignatureCheck *check = g_ptr_array_index (checks, i);

      if (check->decision_id == decision_id)
        return g_ptr_array_steal_index (checks, i);
    }
  g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
               _("The decision was not found; someone may have deleted it."));
  return NULL;
}
