/* pd-transaction.c: the write transactions of a PdDatabase
 *
 * Every write is one BEGIN IMMEDIATE transaction, retried with backoff
 * while another user holds the lock, with a ledger entry (so a commit that
 * a network share loses can be detected later) and the audit rows of what
 * changed, who, where and when, committed together or not at all.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "pd-database-private.h"
#include "pd-write-lock.h"

/* ------------------------------------------------------------------ writing */

/* Runs @sql with SQLite's busy handler waiting at most PD_BUSY_TIMEOUT_MS, and
 * never past @deadline, so a short lock timeout is not stretched to
 * PD_BUSY_TIMEOUT_MS; other statements keep the full busy timeout. */
static int
exec_before_deadline (PdDatabase  *self,
                      const char  *sql,
                      gint64       deadline)
{
  gint64 remaining_ms = (deadline - g_get_monotonic_time ()) / 1000;
  int rc;

  sqlite3_busy_timeout (self->db, (int) CLAMP (remaining_ms, 1, PD_BUSY_TIMEOUT_MS));
  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  sqlite3_busy_timeout (self->db, PD_BUSY_TIMEOUT_MS);

  return rc;
}

/* Takes the write lock, waiting with backoff while another user holds it:
 * SQLite's busy handler waits up to PD_BUSY_TIMEOUT_MS per try, and we try again
 * until the lock timeout, so a slow share does not surface as an error. */
static gboolean
begin_immediate (PdDatabase  *self,
                 GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) self->lock_timeout_ms * 1000;
  guint backoff_ms = 5;

  for (;;)
    {
      int rc = exec_before_deadline (self, "BEGIN IMMEDIATE;", deadline);

      if (rc == SQLITE_OK)
        return TRUE;
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () >= deadline)
        return _pd_database_fail (self, rc, error);

      g_usleep ((backoff_ms + g_random_int_range (0, backoff_ms + 1)) * 1000);
      backoff_ms = MIN (backoff_ms * 2, 250);
    }
}

static gboolean
commit_with_retry (PdDatabase  *self,
                   GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) self->lock_timeout_ms * 1000;
  guint backoff_ms = 5;

  for (;;)
    {
      int rc = exec_before_deadline (self, "COMMIT;", deadline);

      if (rc == SQLITE_OK)
        return TRUE;
      /* A reader still holds a shared lock: the transaction stays open, try again. */
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () >= deadline)
        return _pd_database_fail (self, rc, error);

      g_usleep ((backoff_ms + g_random_int_range (0, backoff_ms + 1)) * 1000);
      backoff_ms = MIN (backoff_ms * 2, 250);
    }
}

static gboolean
insert_ledger_entry (PdTransaction  *tx,
                     const char     *summary,
                     GError        **error)
{
  PdDatabase *self = tx->db;
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *token = g_uuid_string_random ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (self,
                               "INSERT INTO ledger (token, client_id, login_name, machine, pid, at, summary) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->client_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->login_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, g_get_host_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, getpid ());
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  _pd_bind_text (stmt, 7, summary);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (self, rc, error);

  tx->ledger_seq = sqlite3_last_insert_rowid (self->db);
  tx->token = g_steal_pointer (&token);
  tx->at = g_steal_pointer (&now);
  return TRUE;
}

/* Back to a read-only connection on a share, then the lock file goes. */
static void
end_write (PdDatabase  *self,
           PdWriteLock *lock)
{
  g_autoptr(GError) error = NULL;

  if (self->reopen_for_writes && !_pd_database_reopen (self, FALSE, &error))
    g_warning ("Could not reopen “%s” for reading: %s", self->path, error->message);
  pd_write_lock_release (lock);
}

/* A stale lock file was removed to write: said in the audit log, with
 * whose it was, since the write it belonged to may have been cut short. */
static gboolean
audit_broken_lock (PdTransaction  *tx,
                   const char     *holder,
                   GError        **error)
{
  char high[129];
  g_autofree char *escaped = NULL;
  g_autofree char *json = NULL;

  /* UTF-8 bytes stay as they are: JSON has no octal escapes. */
  for (int i = 0; i < 128; i++)
    high[i] = (char) (128 + i);
  high[128] = '\0';
  escaped = g_strescape (holder, high);
  json = g_strdup_printf ("{\"stale_lock\":\"%s\"}", escaped);

  return pd_transaction_audit (tx, "write_lock", 0, "break_stale_lock", NULL, json, error);
}

gboolean
pd_database_write (PdDatabase   *self,
                   const char   *summary,
                   PdWriteFunc   func,
                   gpointer      user_data,
                   gint64       *out_ledger_seq,
                   GError      **error)
{
  PdTransaction tx = { self, 0, 0, NULL, NULL, NULL };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *broken = NULL;
  PdWriteLock *lock;
  gboolean ok;

  g_return_val_if_fail (PD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!_pd_database_check_writable (self, error))
    return FALSE;

  if (sqlite3_get_autocommit (self->db) == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_FAILED,
                   "Nested write transaction: %s", summary);
      return FALSE;
    }

  /* The lock file first: SQLite's locks may not reach the other machines. */
  lock = pd_write_lock_acquire (self->path, self->login_name, self->reopen_for_writes,
                                g_get_monotonic_time () + (gint64) self->lock_timeout_ms * 1000,
                                &broken, error);
  if (lock == NULL)
    return FALSE;
  tx.lock = lock;
  if ((self->reopen_for_writes && !_pd_database_reopen (self, TRUE, error)) ||
      !begin_immediate (self, error))
    {
      end_write (self, lock);
      return FALSE;
    }

  ok = insert_ledger_entry (&tx, summary, &local_error) &&
       (broken == NULL || audit_broken_lock (&tx, broken, &local_error)) &&
       func (&tx, user_data, &local_error) &&
       (tx.n_audit_rows > 0 ||
        pd_transaction_audit (&tx, NULL, 0, "write", NULL, NULL, &local_error));
  if (ok && self->receipts_dir != NULL)
    what = _pd_ledger_receipts_describe (&tx, summary);
  ok = ok && commit_with_retry (self, &local_error);
  if (ok && what != NULL)
    _pd_ledger_receipts_record (self, tx.token, tx.at, what);
  g_free (tx.token);
  g_free (tx.at);
  if (!ok)
    {
      /* After an I/O error SQLite may already have rolled back; that is fine. */
      if (sqlite3_get_autocommit (self->db) == 0)
        sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      end_write (self, lock);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  end_write (self, lock);

  if (out_ledger_seq != NULL)
    *out_ledger_seq = tx.ledger_seq;
  return TRUE;
}

PdDatabase *
pd_transaction_get_database (PdTransaction *tx)
{
  return tx->db;
}

gint64
pd_transaction_get_ledger_seq (PdTransaction *tx)
{
  return tx->ledger_seq;
}

gboolean
pd_transaction_audit (PdTransaction  *tx,
                      const char     *entity,
                      gint64          entity_id,
                      const char     *action,
                      const char     *before_json,
                      const char     *after_json,
                      GError        **error)
{
  PdDatabase *self = tx->db;
  g_autofree char *now = _pd_now_iso8601 ();
  sqlite3_stmt *stmt;
  int rc;

  /* Every change is audited: the place to say a long write is alive. */
  pd_write_lock_renew (tx->lock);
  stmt = _pd_database_prepare (self,
                               "INSERT INTO audit_log (ledger_seq, person_id, login_name, machine, at, "
                               "                       entity, entity_id, action, before_json, after_json) "
                               "SELECT ?1, (SELECT id FROM people WHERE login_name = ?2), ?2, ?3, ?4, "
                               "       ?5, ?6, ?7, ?8, ?9;",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, tx->ledger_seq);
  sqlite3_bind_text (stmt, 2, self->login_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, g_get_host_name (), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  _pd_bind_text (stmt, 5, entity);
  if (entity_id > 0)
    sqlite3_bind_int64 (stmt, 6, entity_id);
  _pd_bind_text (stmt, 7, action);
  _pd_bind_text (stmt, 8, before_json);
  _pd_bind_text (stmt, 9, after_json);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (self, rc, error);

  tx->n_audit_rows++;
  return TRUE;
}

/* Builds "SELECT json_object('col', col, ...) FROM table WHERE id = ?1" from
 * the table's own columns, so every column is audited without listing them. */
static char *
row_json_sql (PdDatabase  *self,
              const char  *table,
              GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT json_object(");
  g_autofree char *pragma = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean first = TRUE;
  int rc;

  /* Table names come from the core's own code, never from input. */
  for (const char *p = table; *p; p++)
    g_return_val_if_fail (g_ascii_isalnum (*p) || *p == '_', NULL);

  pragma = g_strdup_printf ("PRAGMA table_info(%s);", table);
  rc = sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _pd_database_fail (self, rc, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 1);
      const char *type = (const char *) sqlite3_column_text (stmt, 2);
      gboolean is_blob = type != NULL && g_ascii_strcasecmp (type, "BLOB") == 0;

      g_string_append_printf (sql, "%s'%s', %s\"%s\"%s",
                              first ? "" : ", ", column,
                              is_blob ? "hex(" : "", column, is_blob ? ")" : "");
      first = FALSE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (self, rc, error);
      return NULL;
    }

  g_string_append_printf (sql, ") FROM \"%s\" WHERE id = ?1;", table);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

char *
pd_transaction_row_json (PdTransaction  *tx,
                         const char     *table,
                         gint64          id,
                         GError        **error)
{
  return _pd_database_row_json (tx->db, table, id, error);
}

char *
_pd_database_row_json (PdDatabase  *self,
                       const char  *table,
                       gint64       id,
                       GError     **error)
{
  g_autofree char *sql = row_json_sql (self, table, error);
  sqlite3_stmt *stmt;
  char *json = NULL;
  int rc;

  if (sql == NULL)
    return NULL;

  stmt = _pd_database_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    json = _pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                 _("The record was not found; someone may have deleted it."));
  else if (rc != SQLITE_ROW)
    _pd_database_fail (self, rc, error);

  return json;
}

gboolean
pd_transaction_set_setting (PdTransaction  *tx,
                            const char     *key,
                            const char     *value,
                            GError        **error)
{
  PdDatabase *self = tx->db;
  g_autofree char *before = pd_database_dup_setting (self, key, NULL);
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (self,
                               "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (self, rc, error);

  stmt = _pd_database_prepare (self, "SELECT json_object(?1, ?2), json_object(?1, ?3);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  _pd_bind_text (stmt, 2, before);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      before_json = before ? _pd_column_dup (stmt, 0) : NULL;
      after_json = _pd_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  return pd_transaction_audit (tx, "setting", 0, "update", before_json, after_json, error);
}
