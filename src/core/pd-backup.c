/* pd-backup.c: consistent copies of a database by SQLite's backup API
 *
 * The pages are copied from a read-only connection, in one step so the copy
 * is one moment of the database, into "DEST.partial" beside the destination.
 * The copy is opened and checked there, and only then given its name (by
 * link(2), which refuses a file that appeared meanwhile), so a backup that
 * failed half-way, or was interrupted, never looks like a good one.
 * Restoring is the same copy the other way, from a backup checked page by
 * page first, to a new file: it never writes over a database.
 * The attachments go with it, into the store folder beside the copy, each
 * checked against its SHA-256 on the way (pd-attachment-store.c).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pd-attachment-store.h"
#include "pd-backup.h"
#include "pd-database-private.h"
#include "pd-document.h"

#define BUSY_RETRY_MS   100
#define BUSY_TIMEOUT_MS 30000

typedef struct
{
  const char *source_path;
  const char *dest_path;
  char       *partial_path;
  gboolean    partial_made;
  gboolean    restoring;    /* from a backup: check every page of it first */
} Backup;

static void
remove_partial (Backup *backup)
{
  g_autofree char *journal = NULL;

  if (!backup->partial_made)
    return;
  journal = g_strconcat (backup->partial_path, "-journal", NULL);
  g_unlink (journal);
  g_unlink (backup->partial_path);
  backup->partial_made = FALSE;
}

/* Claims DEST.partial, so two backups to one destination cannot mix their
 * pages, with the permissions of the original. */
static gboolean
claim_partial (Backup  *backup,
               GError **error)
{
  GStatBuf st;
  int mode = 0644;
  int fd;

  if (g_stat (backup->source_path, &st) == 0)
    mode = st.st_mode & 0666;

  fd = g_open (backup->partial_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        g_set_error (error, PD_ERROR, PD_ERROR_EXISTS,
                     _("“%s” is in the way: another backup to “%s” may be under way. If none is, delete it and try again."),
                     backup->partial_path, backup->dest_path);
      else
        g_set_error (error, PD_ERROR, PD_ERROR_IO, _("Could not create “%s”: %s"),
                     backup->partial_path, g_strerror (saved));
      return FALSE;
    }
  backup->partial_made = TRUE;
  /* The umask may have taken bits away: the copy is as readable as the
   * original. If not, the umask's narrower permissions are still safe. */
  if (fchmod (fd, mode) != 0)
    g_debug ("Could not set the permissions of %s: %s", backup->partial_path, g_strerror (errno));
  close (fd);
  return TRUE;
}

static gboolean
copy_pages (sqlite3       *source,
            Backup        *backup,
            GCancellable  *cancellable,
            GError       **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *job;
  int rc, waited = 0;

  rc = sqlite3_open_v2 (backup->partial_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("Could not write “%s”: %s"),
                   backup->partial_path, dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }

  job = sqlite3_backup_init (dest, "main", source, "main");
  if (job == NULL)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("Could not start the backup: %s"),
                   sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }

  /* All pages in one step, under one read lock: a snapshot of one moment.
   * While another user commits, wait and try again. */
  while ((rc = sqlite3_backup_step (job, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      if (waited >= BUSY_TIMEOUT_MS || g_cancellable_is_cancelled (cancellable))
        break;
      g_usleep (BUSY_RETRY_MS * 1000);
      waited += BUSY_RETRY_MS;
    }
  sqlite3_backup_finish (job);

  if (rc != SQLITE_DONE)
    {
      int code = PD_ERROR_IO;

      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        code = PD_ERROR_LOCKED;
      else if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
        code = PD_ERROR_CORRUPT;
      else if (rc == SQLITE_FULL)
        code = PD_ERROR_FULL;
      g_set_error (error, PD_ERROR, code, _("The backup could not be completed: %s"), sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("Could not finish writing “%s”: %s"),
                   backup->partial_path, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static char *
already_exists_message (Backup *backup)
{
  if (backup->restoring)
    return g_strdup_printf (_("“%s” already exists; restore to a new name, then replace the damaged database with it"),
                            backup->dest_path);
  return g_strdup_printf (_("“%s” already exists; choose a new name for the backup"), backup->dest_path);
}

/* link(2) refuses to replace a file that appeared meanwhile; SMB shares
 * often cannot link, and there a rename after a fresh look has to do. */
static gboolean
give_name (Backup  *backup,
           GError **error)
{
  int saved;

  if (link (backup->partial_path, backup->dest_path) == 0)
    {
      remove_partial (backup);
      return TRUE;
    }
  saved = errno;
  if (saved == EPERM || saved == ENOTSUP || saved == EOPNOTSUPP || saved == ENOSYS || saved == EMLINK)
    {
      if (g_file_test (backup->dest_path, G_FILE_TEST_EXISTS))
        saved = EEXIST;
      else if (g_rename (backup->partial_path, backup->dest_path) == 0)
        {
          backup->partial_made = FALSE;
          return TRUE;
        }
      else
        saved = errno;
    }

  if (saved == EEXIST)
    {
      g_autofree char *message = already_exists_message (backup);

      g_set_error_literal (error, PD_ERROR, PD_ERROR_EXISTS, message);
    }
  else
    g_set_error (error, PD_ERROR, PD_ERROR_IO, _("Could not name the backup “%s”: %s"),
                 backup->dest_path, g_strerror (saved));
  return FALSE;
}

static gboolean
backup_work (Backup        *backup,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(PdDatabase) source = NULL;
  g_autoptr(PdDatabase) copy = NULL;
  g_autoptr(GError) local_error = NULL;

  /* A backup is checked before it is copied; for a new backup the copy is
   * checked below, no need to read the original twice. */
  source = pd_database_open (backup->source_path,
                             PD_OPEN_READ_ONLY | (backup->restoring ? 0 : PD_OPEN_SKIP_QUICK_CHECK),
                             error);
  if (source == NULL)
    return FALSE;

  if (!claim_partial (backup, error))
    return FALSE;

  if (!copy_pages (_pd_database_get_handle (source), backup, cancellable, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      remove_partial (backup);
      return FALSE;
    }
  g_clear_object (&source);

  /* A backup nobody can open is no backup: open the copy, which checks
   * its pages, before it gets its name. */
  copy = pd_database_open (backup->partial_path, PD_OPEN_READ_ONLY, &local_error);
  if (copy == NULL)
    {
      remove_partial (backup);
      g_set_error (error, PD_ERROR, PD_ERROR_CORRUPT,
                   _("The copy of “%s” does not open, so no backup was made: %s"),
                   backup->source_path, local_error->message);
      return FALSE;
    }
  g_clear_object (&copy);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !give_name (backup, error))
    {
      remove_partial (backup);
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_backup_copy (const char    *source_path,
                const char    *dest_path,
                gboolean       restoring,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *partial = g_strconcat (dest_path, ".partial", NULL);
  g_autofree char *dest_dir = g_path_get_dirname (dest_path);
  Backup backup = { source_path, dest_path, partial, FALSE, restoring };
  GStatBuf st;

  if (g_lstat (dest_path, &st) == 0)
    {
      g_autofree char *message = already_exists_message (&backup);

      g_set_error_literal (error, PD_ERROR, PD_ERROR_EXISTS, message);
      return FALSE;
    }
  if (!g_file_test (dest_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NOT_FOUND, _("The folder “%s” does not exist"), dest_dir);
      return FALSE;
    }
  if (!backup_work (&backup, cancellable, error))
    return FALSE;
  /* The database copy is good and stays; the files it names follow. */
  if (!pd_attachment_store_copy_between (source_path, dest_path, NULL, cancellable, error))
    {
      g_prefix_error (error, _("The database was copied to “%s”, but not all its attachments: "), dest_path);
      return FALSE;
    }
  return TRUE;
}

/* A backup's store folder: ab/<sha256>.<ext> files, two levels deep. */
static void
remove_store (const char *backup_path)
{
  g_autofree char *store = pd_document_store_dir_for (backup_path);
  g_autoptr(GDir) dir = g_dir_open (store, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *shard = g_build_filename (store, name, NULL);
      g_autoptr(GDir) files = g_dir_open (shard, 0, NULL);
      const char *file;

      while (files != NULL && (file = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *path = g_build_filename (shard, file, NULL);

          g_unlink (path);
        }
      if (g_rmdir (shard) != 0)
        g_unlink (shard);
    }
  g_rmdir (store);
}

/* "panel" for "/share/panel.paneldesk": the stem the backups are named by. */
static char *
backup_stem (const char *source_path)
{
  g_autofree char *base = g_path_get_basename (source_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, "-", NULL);
}

static gint
compare_names_descending (gconstpointer a,
                          gconstpointer b)
{
  return -g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* STEM-YYYY-MM-DD-HHMMSS.paneldesk: the stamp sorts as text. */
static gboolean
is_backup_name (const char *name,
                const char *stem)
{
  const char *stamp;

  if (!g_str_has_prefix (name, stem) || !g_str_has_suffix (name, ".paneldesk"))
    return FALSE;
  stamp = name + strlen (stem);
  return strlen (stamp) == strlen ("2026-03-31-104200.paneldesk") &&
         g_ascii_isdigit (stamp[0]) && stamp[4] == '-' && stamp[10] == '-';
}

GPtrArray *
pd_backup_list (const char  *source_path,
                const char  *folder,
                GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autofree char *stem = backup_stem (source_path);
  GPtrArray *paths;
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_backup_name (name, stem))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names_descending);

  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (folder, g_ptr_array_index (names, i), NULL));
  return paths;
}

/* When the newest backup was made, from its name (in UTC). */
static GDateTime *
backup_time (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *stamp = base + strlen (base) - strlen ("2026-03-31-104200.paneldesk");
  int y, mo, d, h, mi, s;

  if (sscanf (stamp, "%4d-%2d-%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  return g_date_time_new_utc (y, mo, d, h, mi, s);
}

char *
pd_backup_run_scheduled (const char    *source_path,
                         const char    *folder,
                         guint          interval_hours,
                         guint          keep,
                         GDateTime     *now,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GDateTime) now_utc = g_date_time_to_utc (now);
  g_autofree char *stem = backup_stem (source_path);
  g_autofree char *stamp = g_date_time_format (now_utc, "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strconcat (stem, stamp, ".paneldesk", NULL);
  g_autofree char *path = NULL;

  g_return_val_if_fail (keep > 0, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The backup folder “%s” cannot be made: %s"),
                   folder, g_strerror (saved));
      return NULL;
    }
  existing = pd_backup_list (source_path, folder, error);
  if (existing == NULL)
    return NULL;
  if (existing->len > 0)
    {
      g_autoptr(GDateTime) newest = backup_time (g_ptr_array_index (existing, 0));

      if (newest != NULL &&
          g_date_time_difference (now_utc, newest) < (GTimeSpan) interval_hours * G_TIME_SPAN_HOUR)
        return NULL;
    }

  path = g_build_filename (folder, name, NULL);
  /* An attachment missing or altered fails the backup, and no old backup
   * is removed: an older one may hold the only good copy of that file. */
  if (!pd_backup_copy (source_path, path, FALSE, cancellable, error))
    return NULL;

  /* Only once the new one is safe do the oldest go. */
  after = pd_backup_list (source_path, folder, NULL);
  for (guint i = keep; after != NULL && i < after->len; i++)
    {
      if (g_unlink (g_ptr_array_index (after, i)) != 0)
        g_warning ("Could not remove the old backup %s: %s",
                   (const char *) g_ptr_array_index (after, i), g_strerror (errno));
      else
        remove_store (g_ptr_array_index (after, i));
    }
  return g_steal_pointer (&path);
}
