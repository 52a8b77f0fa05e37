/* pd-database-share.c: a database on a shared drive
 *
 * What a PdDatabase does beyond SQLite because the file may be on a share
 * that several machines open: opening under the lock file, making the
 * share's client fetch the file's real size, and telling whether anyone
 * changed the database since it was last read.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <utime.h>

#include "pd-database-private.h"
#include "pd-filesystem.h"
#include "pd-write-lock.h"

/* Opening waits longer than a save: it is once, and a busy share is slow. */
#define OPEN_LOCK_TIMEOUT_MS 60000

PdDatabase *
pd_database_open (const char   *path,
                  PdOpenFlags   flags,
                  GError      **error)
{
  g_autoptr(PdDatabase) self = NULL;
  PdWriteLock *lock = NULL;
  gboolean on_share;
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* On a share (or anything not known to be a local disk), SQLite's locks
   * may not reach the other machines, and this machine's cache of the file
   * may be stale. So opening, which may recover a journal, migrate or add
   * the first person, holds the lock file; reading uses a read-only
   * connection, which reports another machine's journal instead of rolling
   * it back; and each write opens the file afresh under the lock file. */
  canonical = g_canonicalize_filename (path, NULL);
  on_share = pd_filesystem_kind_of (canonical, NULL) != PD_FILESYSTEM_LOCAL;
  if (on_share && !(flags & PD_OPEN_READ_ONLY) && (g_file_test (canonical, G_FILE_TEST_EXISTS) ||
                                                  (flags & PD_OPEN_CREATE)))
    {
      g_autofree char *broken = NULL;

      g_autoptr(GError) lock_error = NULL;

      lock = pd_write_lock_acquire (canonical, g_get_user_name (), TRUE,
                                    g_get_monotonic_time () + (gint64) OPEN_LOCK_TIMEOUT_MS * 1000,
                                    &broken, &lock_error);
      /* Opening reads and may recover a journal: without the lock, another
       * machine's unfinished write would look like a crashed one. A folder
       * that cannot hold a lock file is read-only: the open then says so. */
      if (lock == NULL && g_error_matches (lock_error, PD_ERROR, PD_ERROR_LOCKED))
        {
          g_propagate_error (error, g_steal_pointer (&lock_error));
          return NULL;
        }
    }

  if (lock != NULL)
    _pd_database_refresh_file_attributes (canonical);
  self = _pd_database_open_unlocked (path, flags, error);
  if (self != NULL && on_share && !self->read_only)
    {
      self->reopen_for_writes = TRUE;
      if (!_pd_database_reopen (self, FALSE, error))
        g_clear_object (&self);
    }
  pd_write_lock_release (lock);
  return g_steal_pointer (&self);
}

/* A network or FUSE client caches a file's size and times for a second or
 * so: reading the database right after another machine made it longer
 * would stop at the old size, and SQLite would take the missing pages for
 * empty ones. Setting the file's time (under the lock file, so no one else
 * is writing) makes the client ask the server, and its answer carries the
 * file's real size; a client that keeps pages cached sees the new time and
 * drops them. */
void
_pd_database_refresh_file_attributes (const char *path)
{
  if (g_utime (path, NULL) != 0)
    g_debug ("Could not touch %s: %s", path, g_strerror (errno));
}

char *
pd_database_dup_change_mark (PdDatabase  *self,
                             GError     **error)
{
  gint64 data_version = 0, head = 0;
  GStatBuf st = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (self), NULL);

  /* On a share, a fresh read-only connection: this machine's cache of the
   * file may be older than another machine's commit. SQLite's data version
   * starts again with each connection, so there it is not compared. */
  if (self->reopen_for_writes && !_pd_database_reopen (self, FALSE, error))
    return NULL;

  stmt = _pd_database_prepare (self, "SELECT coalesce(max(seq), 0) FROM ledger;", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    head = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _pd_database_fail (self, rc, error);
      return NULL;
    }
  if (!self->reopen_for_writes)
    {
      /* Changes by any other connection, the sqlite3 shell's too. */
      stmt = _pd_database_prepare (self, "PRAGMA data_version;", error);
      if (stmt == NULL)
        return NULL;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        data_version = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  /* The connection keeps its file open after the share has gone: the name
   * is what says whether it can still be reached. */
  if (g_stat (self->path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_NOT_FOUND, _("“%s” cannot be reached: %s"),
                   self->path, g_strerror (saved));
      return NULL;
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          head, data_version, (gint64) st.st_mtime, (gint64) st.st_size);
}

