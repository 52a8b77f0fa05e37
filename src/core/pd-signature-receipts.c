/* pd-signature-receipts.c: the receipts a chair's client keeps of every
 * signature it made, and checking them against the database
 *
 * One text file a database, in the chair's key folder beside their key:
 *
 *   # Panel Desk signature receipts 1 database=<database id>
 *   <decision id> TAB <reference> TAB <signed at> TAB <SHA-256 of the signed form>
 *     TAB <Ed25519 signature, hex> TAB <key fingerprint>
 *
 * Appended after each signing commits (mode 0600, synced), never rewritten.
 * Someone who can write the shared database but not the chair's home
 * folder cannot make the two agree again: a decision re-signed with a
 * swapped key, or deleted with its chain rebuilt, no longer matches.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pd-signature-receipts.h"
#include "pd-signing-private.h"

#define RECEIPTS_HEADER "# Panel Desk signature receipts 1 database="

char *
pd_signature_receipts_path (PdDatabase  *db,
                            const char  *key_dir,
                            GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *database_id = pd_database_dup_setting (db, "database_id", NULL);
  g_autofree char *name = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  if (database_id == NULL || strspn (database_id, "0123456789abcdef") != strlen (database_id))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("This database has no identity for signature receipts; open it once in this "
                     "version of Panel Desk."));
      return NULL;
    }
  if (key_dir == NULL)
    key_dir = default_dir = pd_signing_default_key_dir ();
  name = g_strdup_printf ("receipts-%s.txt", database_id);
  return g_build_filename (key_dir, name, NULL);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

gboolean
_pd_signature_receipts_append (PdDatabase  *db,
                               const char  *key_dir,
                               GPtrArray   *receipts,
                               GError     **error)
{
  g_autofree char *path = pd_signature_receipts_path (db, key_dir, error);
  g_autofree char *database_id = pd_database_dup_setting (db, "database_id", "");
  g_autoptr(GString) text = g_string_new (NULL);
  GStatBuf st;
  gboolean ok;
  int fd;

  if (path == NULL)
    return FALSE;
  if (g_mkdir_with_parents (key_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO, "%s: %s", key_dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    g_string_append_printf (text, RECEIPTS_HEADER "%s\n", database_id);
  for (guint i = 0; i < receipts->len; i++)
    {
      PdSignatureReceipt *receipt = g_ptr_array_index (receipts, i);
      g_autofree char *reference = g_strdup (receipt->reference != NULL ? receipt->reference : "");

      g_strdelimit (reference, "\t\r\n", ' ');
      g_string_append_printf (text, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n",
                              receipt->decision_id, reference, receipt->signed_at,
                              receipt->signed_hash, receipt->signature_hex, receipt->fingerprint);
    }

  fd = g_open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  ok = write_all (fd, text->str, text->len) && fsync (fd) == 0;
  if (!ok)
    {
      int saved_errno = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
    }
  close (fd);
  return ok;
}

static PdSignatureCheck *
mismatch (gint64      decision_id,
          const char *reference,
          const char *message)
{
  PdSignatureCheck *check = g_new0 (PdSignatureCheck, 1);

  check->decision_id = decision_id;
  check->reference = g_strdup (reference);
  check->state = PD_SIGNATURE_ALTERED;
  check->message = g_strdup (message);
  return check;
}

/* Compares one receipt line; NULL when it matches. */
static PdSignatureCheck *
check_receipt (PdDatabase  *db,
               char       **fields,
               GError     **error)
{
  g_autofree char *message = NULL;
  g_autofree char *signed_hash = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *key_hash = NULL;
  const char *reference = fields[1], *signed_at = fields[2];
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  id = g_ascii_strtoll (fields[0], NULL, 10);
  stmt = _pd_database_prepare (db,
                               "SELECT d.signed_hash, lower(hex(d.signature)), k.fingerprint, k.public_key "
                               "FROM decisions d LEFT JOIN signing_keys k ON k.id = d.signing_key_id "
                               "WHERE d.id = ?1;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      signed_hash = _pd_column_dup (stmt, 0);
      signature = _pd_column_dup (stmt, 1);
      fingerprint = _pd_column_dup (stmt, 2);
      if (sqlite3_column_type (stmt, 3) == SQLITE_BLOB)
        {
          guint8 digest[crypto_hash_sha256_BYTES];

          crypto_hash_sha256 (digest, sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
          key_hash = _pd_hex (digest, sizeof digest);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }

  if (rc == SQLITE_DONE)
    /* Translators: "Decision 12 (PRP-2026-014), which you signed at 2026-11-23T10:00:00Z, ..." */
    message = g_strdup_printf (_("Decision %" G_GINT64_FORMAT " (%s), which you signed at %s, is no longer "
                                 "in the database"), id, reference, signed_at);
  else if (g_strcmp0 (signature, fields[4]) != 0 || g_strcmp0 (signed_hash, fields[3]) != 0)
    message = g_strdup_printf (_("Decision %" G_GINT64_FORMAT " (%s) no longer carries the signature you made "
                                 "at %s: it was removed or replaced"), id, reference, signed_at);
  else if (g_strcmp0 (fingerprint, fields[5]) != 0 || g_strcmp0 (key_hash, fields[5]) != 0)
    message = g_strdup_printf (_("Decision %" G_GINT64_FORMAT " (%s): the public key the database holds for "
                                 "it is not the key you signed it with at %s; the key was swapped"),
                               id, reference, signed_at);
  else
    return NULL;
  return mismatch (id, reference, message);
}

GPtrArray *
pd_signature_receipts_check (PdDatabase  *db,
                             const char  *key_dir,
                             guint       *out_n_receipts,
                             GError     **error)
{
  g_autoptr(GPtrArray) mismatches = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_signature_check_free);
  g_autofree char *path = pd_signature_receipts_path (db, key_dir, error);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (out_n_receipts != NULL)
    *out_n_receipts = 0;
  if (path == NULL)
    return NULL;
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&mismatches);
      g_set_error (error, PD_ERROR, PD_ERROR_IO,
                   _("Your signature receipts “%s” could not be read: %s"), path, local_error->message);
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      PdSignatureCheck *check;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 6)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_KEY_CORRUPT,
                       _("Your signature receipts “%s” are damaged at line %u."), path, i + 1);
          return NULL;
        }
      n++;
      check = check_receipt (db, fields, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (check != NULL)
        g_ptr_array_add (mismatches, check);
    }

  if (out_n_receipts != NULL)
    *out_n_receipts = n;
  return g_steal_pointer (&mismatches);
}
