/* pd-signing.c: the chair's signing keys, the canonical form of a decision,
 * signing it and verifying the whole chain of signed decisions
 *
 * Key file (<key_dir>/<login>.key, mode 0600, a GKeyFile):
 *
 *   [Panel Desk signing key]
 *   format=1            login=...           created=...
 *   public-key=BASE64   fingerprint=HEX (SHA-256 of the public key)
 *   kdf=argon2id13      opslimit=N          memlimit=N         salt=BASE64
 *   nonce=BASE64        secret-key=BASE64 (crypto_secretbox of the 64-byte
 *                       Ed25519 secret key under the crypto_pwhash of the passphrase)
 *
 * The passphrase derives the box's key with Argon2id (libsodium's
 * "interactive" limits, written into the file so they can be raised later);
 * the box is authenticated, so a wrong passphrase and a tampered file both
 * fail to open, and are told apart by the public key kept beside it.
 *
 * The canonical form is described at pd_decision_dup_canonical(); the hash
 * is SHA-256 of it, the signature Ed25519 over it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pd-decision.h"
#include "pd-signing-private.h"

#define KEY_GROUP       "Panel Desk signing key"
#define KEY_FORMAT      1
#define MIN_PASSPHRASE  8

static void
ensure_sodium (void)
{
  /* Thread-safe and idempotent; fails only without a source of randomness. */
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
}

char *
_pd_hex (const guint8 *data,
         gsize         length)
{
  char *hex = g_malloc (length * 2 + 1);

  sodium_bin2hex (hex, length * 2 + 1, data, length);
  return hex;
}

static char *
sha256_hex (const void *data,
            gsize       length)
{
  guint8 digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256 (digest, data, length);
  return _pd_hex (digest, sizeof digest);
}

/* ------------------------------------------------------------------ keys */

char *
pd_signing_default_key_dir (void)
{
  const char *dir = g_getenv ("PANEL_DESK_KEY_DIR");

  if (dir != NULL && dir[0] != '\0')
    return g_strdup (dir);
  return g_build_filename (g_get_user_data_dir (), "panel-desk", "keys", NULL);
}

char *
pd_signing_key_path (const char *key_dir,
                     const char *login_name)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (key_dir != NULL, NULL);
  g_return_val_if_fail (login_name != NULL, NULL);

  name = g_strdup_printf ("%s.key", login_name);
  g_strdelimit (name, "/\\", '_');
  return g_build_filename (key_dir, name, NULL);
}

char *
pd_signing_format_fingerprint (const char *fingerprint)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; fingerprint != NULL && fingerprint[i] != '\0' && i < 32; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (text, ' ');
      g_string_append_c (text, g_ascii_toupper (fingerprint[i]));
    }
  return g_string_free (text, FALSE);
}

void
_pd_signing_key_free (PdSigningKey *key)
{
  if (key == NULL)
    return;
  sodium_memzero (key->secret_key, sizeof key->secret_key);
  g_free (key->fingerprint);
  g_free (key);
}

static gboolean
derive_box_key (guint8        box_key[crypto_secretbox_KEYBYTES],
                const char   *passphrase,
                const guint8 *salt,
                guint64       opslimit,
                guint64       memlimit,
                GError      **error)
{
  if (crypto_pwhash (box_key, crypto_secretbox_KEYBYTES, passphrase, strlen (passphrase), salt,
                     opslimit, (size_t) memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_FAILED,
                   _("There is not enough memory to open the signing key."));
      return FALSE;
    }
  return TRUE;
}

char *
pd_signing_key_create (const char  *key_dir,
                       const char  *login_name,
                       const char  *passphrase,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *data = NULL;
  g_autofree char *public_b64 = NULL, *salt_b64 = NULL, *nonce_b64 = NULL, *box_b64 = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *now = _pd_now_iso8601 ();
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 nonce[crypto_secretbox_NONCEBYTES];
  guint8 box_key[crypto_secretbox_KEYBYTES];
  guint8 box[crypto_secretbox_MACBYTES + crypto_sign_SECRETKEYBYTES];
  gsize length;

  g_return_val_if_fail (key_dir != NULL, NULL);
  g_return_val_if_fail (login_name != NULL, NULL);

  ensure_sodium ();

  if (passphrase == NULL || g_utf8_strlen (passphrase, -1) < MIN_PASSPHRASE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Choose a passphrase of at least %d characters to protect your signing key."),
                   MIN_PASSPHRASE);
      return NULL;
    }

  path = pd_signing_key_path (key_dir, login_name);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_EXISTS,
                   _("There is already a signing key at “%s”; it was not replaced."), path);
      return NULL;
    }
  if (g_mkdir_with_parents (key_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO,
                   _("The folder for your signing key, “%s”, could not be made: %s"),
                   key_dir, g_strerror (saved_errno));
      return NULL;
    }

  crypto_sign_keypair (public_key, secret_key);
  randombytes_buf (salt, sizeof salt);
  randombytes_buf (nonce, sizeof nonce);
  if (!derive_box_key (box_key, passphrase, salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                       crypto_pwhash_MEMLIMIT_INTERACTIVE, error))
    {
      sodium_memzero (secret_key, sizeof secret_key);
      return NULL;
    }
  crypto_secretbox_easy (box, secret_key, sizeof secret_key, nonce, box_key);
  sodium_memzero (secret_key, sizeof secret_key);
  sodium_memzero (box_key, sizeof box_key);

  fingerprint = sha256_hex (public_key, sizeof public_key);
  public_b64 = g_base64_encode (public_key, sizeof public_key);
  salt_b64 = g_base64_encode (salt, sizeof salt);
  nonce_b64 = g_base64_encode (nonce, sizeof nonce);
  box_b64 = g_base64_encode (box, sizeof box);

  g_key_file_set_comment (file, NULL, NULL,
                          " A Panel Desk chair's signing key. Keep it in your own data folder, never on\n"
                          " the shared drive; the private key inside is encrypted with your passphrase.",
                          NULL);
  g_key_file_set_integer (file, KEY_GROUP, "format", KEY_FORMAT);
  g_key_file_set_string (file, KEY_GROUP, "login", login_name);
  g_key_file_set_string (file, KEY_GROUP, "created", now);
  g_key_file_set_string (file, KEY_GROUP, "public-key", public_b64);
  g_key_file_set_string (file, KEY_GROUP, "fingerprint", fingerprint);
  g_key_file_set_string (file, KEY_GROUP, "kdf", "argon2id13");
  g_key_file_set_uint64 (file, KEY_GROUP, "opslimit", crypto_pwhash_OPSLIMIT_INTERACTIVE);
  g_key_file_set_uint64 (file, KEY_GROUP, "memlimit", crypto_pwhash_MEMLIMIT_INTERACTIVE);
  g_key_file_set_string (file, KEY_GROUP, "salt", salt_b64);
  g_key_file_set_string (file, KEY_GROUP, "nonce", nonce_b64);
  g_key_file_set_string (file, KEY_GROUP, "secret-key", box_b64);

  data = g_key_file_to_data (file, &length, NULL);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  return g_steal_pointer (&fingerprint);
}

/* Decodes base64 @key of @file into exactly @length bytes. */
static gboolean
get_bytes (GKeyFile   *file,
           const char *key,
           guint8     *out,
           gsize       length)
{
  g_autofree char *text = g_key_file_get_string (file, KEY_GROUP, key, NULL);
  g_autofree guchar *data = NULL;
  gsize data_length = 0;

  if (text == NULL)
    return FALSE;
  data = g_base64_decode (text, &data_length);
  if (data_length != length)
    return FALSE;
  memcpy (out, data, length);
  return TRUE;
}

typedef struct
{
  guint8  public_key[crypto_sign_PUBLICKEYBYTES];
  guint8  salt[crypto_pwhash_SALTBYTES];
  guint8  nonce[crypto_secretbox_NONCEBYTES];
  guint8  box[crypto_secretbox_MACBYTES + crypto_sign_SECRETKEYBYTES];
  guint64 opslimit;
  guint64 memlimit;
  char   *fingerprint;
} KeyFile;

static void
key_file_clear (KeyFile *key)
{
  g_free (key->fingerprint);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeyFile, key_file_clear)

static gboolean
read_key_file (const char  *key_dir,
               const char  *login_name,
               KeyFile     *key,
               GError     **error)
{
  g_autofree char *path = pd_signing_key_path (key_dir, login_name);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kdf = NULL;
  g_autofree char *fingerprint = NULL;

  ensure_sodium ();

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, PD_ERROR, PD_ERROR_KEY_MISSING,
                     _("Your signing key is not in “%s”. Sign on the computer that holds it, "
                       "or make a new key and ask an administrator to confirm it."), path);
      else
        g_set_error (error, PD_ERROR, PD_ERROR_KEY_CORRUPT,
                     _("Your signing key “%s” cannot be read (%s). Restore it from your own backup, "
                       "or make a new key and ask an administrator to confirm it."),
                     path, local_error->message);
      return FALSE;
    }

  kdf = g_key_file_get_string (file, KEY_GROUP, "kdf", NULL);
  key->fingerprint = g_key_file_get_string (file, KEY_GROUP, "fingerprint", NULL);
  key->opslimit = g_key_file_get_uint64 (file, KEY_GROUP, "opslimit", NULL);
  key->memlimit = g_key_file_get_uint64 (file, KEY_GROUP, "memlimit", NULL);
  if (g_key_file_get_integer (file, KEY_GROUP, "format", NULL) != KEY_FORMAT ||
      g_strcmp0 (kdf, "argon2id13") != 0 ||
      !get_bytes (file, "public-key", key->public_key, sizeof key->public_key) ||
      !get_bytes (file, "salt", key->salt, sizeof key->salt) ||
      !get_bytes (file, "nonce", key->nonce, sizeof key->nonce) ||
      !get_bytes (file, "secret-key", key->box, sizeof key->box) ||
      key->opslimit < crypto_pwhash_OPSLIMIT_MIN || key->opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE ||
      key->memlimit < crypto_pwhash_MEMLIMIT_MIN || key->memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE ||
      g_strcmp0 ((fingerprint = sha256_hex (key->public_key, sizeof key->public_key)), key->fingerprint) != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_KEY_CORRUPT,
                   _("Your signing key “%s” is damaged: it is not a whole Panel Desk key. Restore it "
                     "from your own backup, or make a new key and ask an administrator to confirm it."),
                   path);
      return FALSE;
    }
  return TRUE;
}

char *
pd_signing_key_dup_fingerprint (const char  *key_dir,
                                const char  *login_name,
                                GError     **error)
{
  g_auto(KeyFile) key = { 0 };

  g_return_val_if_fail (key_dir != NULL && login_name != NULL, NULL);

  if (!read_key_file (key_dir, login_name, &key, error))
    return NULL;
  return g_steal_pointer (&key.fingerprint);
}

PdSigningKey *
_pd_signing_key_open (const char  *key_dir,
                      const char  *login_name,
                      const char  *passphrase,
                      GError     **error)
{
  g_auto(KeyFile) file = { 0 };
  g_autoptr(PdSigningKey) key = NULL;
  guint8 box_key[crypto_secretbox_KEYBYTES];
  gboolean opened;

  if (!read_key_file (key_dir, login_name, &file, error))
    return NULL;
  if (passphrase == NULL || passphrase[0] == '\0')
    {
      g_set_error (error, PD_ERROR, PD_ERROR_PASSPHRASE, _("Type the passphrase of your signing key."));
      return NULL;
    }
  if (!derive_box_key (box_key, passphrase, file.salt, file.opslimit, file.memlimit, error))
    return NULL;

  key = g_new0 (PdSigningKey, 1);
  opened = crypto_secretbox_open_easy (key->secret_key, file.box, sizeof file.box, file.nonce, box_key) == 0;
  sodium_memzero (box_key, sizeof box_key);
  if (!opened)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_PASSPHRASE,
                   _("That passphrase does not open your signing key. Check it and try again; "
                     "passphrases are case-sensitive."));
      return NULL;
    }
  /* The secret key holds its public half: it must be the one beside it. */
  if (sodium_memcmp (key->secret_key + crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES,
                     file.public_key, crypto_sign_PUBLICKEYBYTES) != 0)
    {
      g_autofree char *path = pd_signing_key_path (key_dir, login_name);

      g_set_error (error, PD_ERROR, PD_ERROR_KEY_CORRUPT,
                   _("Your signing key “%s” is damaged: its two halves do not belong together."), path);
      return NULL;
    }
  memcpy (key->public_key, file.public_key, sizeof key->public_key);
  key->fingerprint = g_steal_pointer (&file.fingerprint);
  return g_steal_pointer (&key);
}

gboolean
pd_signing_key_check_passphrase (const char  *key_dir,
                                 const char  *login_name,
                                 const char  *passphrase,
                                 GError     **error)
{
  g_autoptr(PdSigningKey) key = _pd_signing_key_open (key_dir, login_name, passphrase, error);

  return key != NULL;
}

PdKeyState
pd_signing_key_lookup (PdDatabase  *db,
                       gint64       person_id,
                       gint64      *out_key_id,
                       char       **out_fingerprint,
                       GError     **error)
{
  PdKeyState state = PD_KEY_NONE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), PD_KEY_NONE);

  stmt = _pd_database_prepare (db,
                               "SELECT id, fingerprint, confirmed_by IS NOT NULL FROM signing_keys "
                               "WHERE person_id = ?1 AND replaced_at IS NULL;",
                               error);
  if (stmt == NULL)
    return PD_KEY_NONE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state = sqlite3_column_int (stmt, 2) ? PD_KEY_CONFIRMED : PD_KEY_PENDING;
      if (out_key_id != NULL)
        *out_key_id = sqlite3_column_int64 (stmt, 0);
      if (out_fingerprint != NULL)
        *out_fingerprint = _pd_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _pd_database_fail (db, rc, error);
  return state;
}

gint64
_pd_signing_key_register_for (PdTransaction  *tx,
                              gint64          person_id,
                              PdSigningKey   *key,
                              GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  g_autofree char *old_before = NULL;
  g_autofree char *old_after = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 old_id = 0, id;
  sqlite3_stmt *stmt;
  int rc;

  pd_signing_key_lookup (db, person_id, &old_id, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (old_id != 0)
    {
      old_before = pd_transaction_row_json (tx, "signing_keys", old_id, error);
      if (old_before == NULL)
        return 0;
      stmt = _pd_database_prepare (db, "UPDATE signing_keys SET replaced_at = ?2 WHERE id = ?1;", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, old_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _pd_database_fail (db, rc, error);
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO signing_keys (person_id, public_key, fingerprint, created_at) "
                               "VALUES (?1, ?2, ?3, ?4);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_blob (stmt, 2, key->public_key, sizeof key->public_key, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key->fingerprint, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_KEY_MISMATCH,
                       _("This signing key is already registered in the database; a key is registered once."));
          return 0;
        }
      return _pd_database_fail (db, rc, error);
    }
  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));

  if (old_id != 0)
    {
      stmt = _pd_database_prepare (db, "UPDATE signing_keys SET replaced_by = ?2 WHERE id = ?1;", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, old_id);
      sqlite3_bind_int64 (stmt, 2, id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _pd_database_fail (db, rc, error);
      old_after = pd_transaction_row_json (tx, "signing_keys", old_id, error);
      if (old_after == NULL ||
          !pd_transaction_audit (tx, "signing_key", old_id, "replace", old_before, old_after, error))
        return 0;
    }

  after = pd_transaction_row_json (tx, "signing_keys", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "signing_key", id, "register", NULL, after, error))
    return 0;
  return id;
}

static gboolean
check_chair (PdDatabase  *db,
             GError     **error)
{
  if (pd_database_get_user_role (db) == PD_ROLE_CHAIR)
    return TRUE;
  g_set_error (error, PD_ERROR, PD_ERROR_PERMISSION,
               _("Only the panel’s chair can sign decisions or register a signing key; you are "
                 "recorded as “%s”."),
               pd_role_to_label (pd_database_get_user_role (db)));
  return FALSE;
}

gint64
pd_signing_key_register (PdTransaction  *tx,
                         const char     *key_dir,
                         GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *default_dir = NULL;
  g_autoptr(PdSigningKey) key = NULL;
  g_auto(KeyFile) file = { 0 };

  if (!check_chair (db, error))
    return 0;
  if (key_dir == NULL)
    key_dir = default_dir = pd_signing_default_key_dir ();
  if (!read_key_file (key_dir, pd_database_get_login_name (db), &file, error))
    return 0;

  /* Only the public half is needed to register it. */
  key = g_new0 (PdSigningKey, 1);
  memcpy (key->public_key, file.public_key, sizeof key->public_key);
  key->fingerprint = g_steal_pointer (&file.fingerprint);
  return _pd_signing_key_register_for (tx, pd_database_get_user_id (db), key, error);
}

gboolean
pd_signing_key_confirm (PdTransaction  *tx,
                        gint64          key_id,
                        GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (pd_database_get_user_role (db) != PD_ROLE_ADMINISTRATOR)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_PERMISSION,
                   _("Only an administrator can confirm a chair’s signing key."));
      return FALSE;
    }
  before = pd_transaction_row_json (tx, "signing_keys", key_id, error);
  if (before == NULL)
    return FALSE;

  stmt = _pd_database_prepare (db,
                               "UPDATE signing_keys SET confirmed_by = ?2, confirmed_at = ?3 "
                               "WHERE id = ?1 AND confirmed_by IS NULL AND replaced_at IS NULL;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key_id);
  sqlite3_bind_int64 (stmt, 2, pd_database_get_user_id (db));
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  if (sqlite3_changes (_pd_database_get_handle (db)) != 1)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("This signing key is already confirmed, or was replaced by a newer one."));
      return FALSE;
    }

  after = pd_transaction_row_json (tx, "signing_keys", key_id, error);
  return after != NULL &&
         pd_transaction_audit (tx, "signing_key", key_id, "confirm", before, after, error);
}

GArray *
pd_signing_list_pending_keys (PdDatabase  *db,
                              GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT id FROM signing_keys WHERE confirmed_by IS NULL AND replaced_at IS NULL "
                               "ORDER BY id;",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

char *
pd_signing_dup_key_fingerprint (PdDatabase  *db,
                                gint64       key_id,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  char *fingerprint = NULL;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db, "SELECT fingerprint FROM signing_keys WHERE id = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    fingerprint = _pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD, _("The signing key was not found."));
  else if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);
  return fingerprint;
}
