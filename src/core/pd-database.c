/* pd-database.c: one connection to a Panel Desk database file
 *
 * The file is meant to live on a shared network drive, so the connection
 * uses a rollback journal (never WAL, whose shared memory works on one host
 * only), synchronous=FULL, no mmap, and takes the write lock up front with
 * BEGIN IMMEDIATE, retrying with backoff while another user holds it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include "pd-database-private.h"
#include "pd-filesystem.h"
#include "pd-write-lock.h"
#include "pd-migrations-private.h"

#define DEFAULT_LOCK_TIMEOUT_MS 20000

G_DEFINE_FINAL_TYPE (PdDatabase, pd_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pd_database_finalize (GObject *object)
{
  PdDatabase *self = (PdDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->client_id);
  g_free (self->receipts_dir);
  g_free (self->login_name);
  g_free (self->user_display_name);

  G_OBJECT_CLASS (pd_database_parent_class)->finalize (object);
}

static void
pd_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PdDatabase *self = PD_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_database_class_init (PdDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pd_database_finalize;
  object_class->get_property = pd_database_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pd_database_init (PdDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  self->lock_timeout_ms = DEFAULT_LOCK_TIMEOUT_MS;
  self->client_id = g_uuid_string_random ();
  self->login_name = g_strdup (g_get_user_name ());
  self->user_role = PD_ROLE_NONE;
}

/* ---------------------------------------------------------- one-off queries */

static gint64
query_int (sqlite3     *db,
           const char  *sql,
           const char  *path,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          value = 0;
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    _pd_set_sqlite_error (error, db, rc, path);
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK ? value : -1;
}

static char *
query_text (sqlite3     *db,
            const char  *sql,
            const char  *path,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = _pd_column_dup (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    _pd_set_sqlite_error (error, db, rc, path);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK && value == NULL)
    value = g_strdup ("");
  return value;
}

/* ------------------------------------------------------------------ opening */

/* Checks the file before SQLite sees it, so that a missing file or a file of
 * another kind gets a message about that and not SQLite's own. */
static gboolean
probe_file (const char   *path,
            PdOpenFlags   flags,
            gboolean     *out_empty,
            GError      **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  char header[16];
  GStatBuf st;
  ssize_t n;
  int fd;

  *out_empty = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && (flags & PD_OPEN_CREATE))
        {
          if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
            {
              g_set_error (error, PD_ERROR, PD_ERROR_NOT_FOUND,
                           _("The folder for “%s” does not exist."), name);
              return FALSE;
            }
          if (g_access (dir, W_OK) != 0)
            {
              g_set_error (error, PD_ERROR, PD_ERROR_READ_ONLY,
                           _("A new database cannot be made in that folder: it cannot be written to."));
              return FALSE;
            }
          *out_empty = TRUE;
          return TRUE;
        }

      if (saved_errno == ENOENT)
        g_set_error (error, PD_ERROR, PD_ERROR_NOT_FOUND,
                     _("The database “%s” was not found. It may have been moved or renamed, or the network drive may not be connected."),
                     name);
      else
        g_set_error (error, PD_ERROR, saved_errno == EACCES ? PD_ERROR_PERMISSION : PD_ERROR_IO,
                     _("The database “%s” could not be opened: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file. Choose the database file your panel uses."), name);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      if (!(flags & PD_OPEN_CREATE))
        {
          g_set_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE,
                       _("“%s” is empty: it is not a Panel Desk database."), name);
          return FALSE;
        }
      *out_empty = TRUE;
      return TRUE;
    }

  if (flags & PD_OPEN_CREATE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name for the new database, or open the existing one."),
                   name);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, PD_ERROR, saved_errno == EACCES ? PD_ERROR_PERMISSION : PD_ERROR_IO,
                   _("The database “%s” could not be opened: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n != (ssize_t) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Panel Desk database. Choose the database file your panel uses, or create a new one."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
location_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* The rollback journal is made beside the file, so the folder must be writable too. */
  return g_access (dir, W_OK) == 0 &&
         (g_access (path, W_OK) == 0 || !g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Sets up the connection and reads the journal mode into @out_journal_mode;
 * switching it back to a rollback journal waits for use_rollback_journal(),
 * after check_identity(), so another program's file is never changed. */
static gboolean
apply_connection_settings (PdDatabase  *self,
                           char       **out_journal_mode,
                           GError     **error)
{
  g_autofree char *journal_mode = NULL;
  g_autofree char *busy = g_strdup_printf ("PRAGMA busy_timeout = %d;", PD_BUSY_TIMEOUT_MS);

  if (!_pd_database_exec (self, busy, error) ||
      !_pd_database_exec (self, "PRAGMA foreign_keys = ON;", error) ||
      !_pd_database_exec (self, "PRAGMA synchronous = FULL;", error) ||
      !_pd_database_exec (self, "PRAGMA mmap_size = 0;", error) ||
      !_pd_database_exec (self, "PRAGMA secure_delete = ON;", error))
    return FALSE;

  /* Reading the journal mode is the first read of the file: SQLITE_NOTADB and
   * SQLITE_CORRUPT of a damaged header surface here. */
  journal_mode = query_text (self->db, "PRAGMA journal_mode;", self->path, error);
  if (journal_mode == NULL)
    return FALSE;

  if (self->read_only && g_ascii_strcasecmp (journal_mode, "wal") == 0)
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      g_set_error (error, PD_ERROR, PD_ERROR_READ_ONLY,
                   _("“%s” was switched to a mode (WAL) that is unsafe on a shared drive, and it is read-only here, so Panel Desk cannot switch it back. Ask your administrator to open it once with write access."),
                   name);
      return FALSE;
    }

  *out_journal_mode = g_steal_pointer (&journal_mode);
  return TRUE;
}

/* Switches a Panel Desk file back to a rollback journal (never WAL). */
static gboolean
use_rollback_journal (PdDatabase  *self,
                      const char  *journal_mode,
                      GError     **error)
{
  if (g_ascii_strcasecmp (journal_mode, "wal") == 0)
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_autofree char *changed = NULL;

      g_assert (!self->read_only);
      changed = query_text (self->db, "PRAGMA journal_mode = DELETE;", self->path, NULL);
      if (changed == NULL || g_ascii_strcasecmp (changed, "delete") != 0)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_LOCKED,
                       _("“%s” was switched to a mode (WAL) that is unsafe on a shared drive, and Panel Desk could not switch it back because another program has it open. Close the other program and try again."),
                       name);
          return FALSE;
        }
    }
  else if (!self->read_only && g_ascii_strcasecmp (journal_mode, "delete") != 0)
    {
      g_autofree char *changed = query_text (self->db, "PRAGMA journal_mode = DELETE;", self->path, error);

      if (changed == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_identity (PdDatabase  *self,
                gboolean     creating,
                GError     **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  gint64 app_id, version, n_tables;

  app_id = query_int (self->db, "PRAGMA application_id;", self->path, error);
  if (app_id < 0)
    return FALSE;
  version = query_int (self->db, "PRAGMA user_version;", self->path, error);
  if (version < 0)
    return FALSE;
  n_tables = query_int (self->db, "SELECT count(*) FROM sqlite_schema;", self->path, error);
  if (n_tables < 0)
    return FALSE;

  if (n_tables == 0 && version == 0 && creating)
    {
      self->schema_version = 0;
      return TRUE;
    }

  if (app_id != PD_APPLICATION_ID || version <= 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Panel Desk. Choose the database file your panel uses."),
                   name);
      return FALSE;
    }

  if (version > pd_database_get_latest_schema_version ())
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NEWER_SCHEMA,
                   _("“%s” was made by a newer version of Panel Desk (database format %d; this version knows up to %d). Update Panel Desk to open it; it has not been changed."),
                   name, (int) version, pd_database_get_latest_schema_version ());
      return FALSE;
    }

  self->schema_version = (int) version;
  return TRUE;
}

static gboolean
quick_check_handle (sqlite3       *db,
                    const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check;", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _pd_set_sqlite_error (error, db, rc, path);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0 && problems->len < 400)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      return _pd_set_sqlite_error (error, db, rc, path);
    }

  if (problems->len > 0)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, PD_ERROR, PD_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be used safely. Restore it from the most recent backup; ask your administrator if you are not sure how (%s)."),
                   name, problems->str);
      return FALSE;
    }

  return TRUE;
}

static int
progress_cancel_cb (gpointer user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

gboolean
pd_database_quick_check (PdDatabase    *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (self), FALSE);

  /* The progress handler only looks every 10000 steps: a small file would pass. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _pd_set_sqlite_error (error, db, rc, self->path);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, PD_BUSY_TIMEOUT_MS);
  sqlite3_exec (db, "PRAGMA mmap_size = 0;", NULL, NULL, NULL);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_cancel_cb, cancellable);

  ok = quick_check_handle (db, self->path, cancellable, error);
  sqlite3_close_v2 (db);

  return ok;
}

PdDatabase *
_pd_database_open_unlocked (const char   *path,
                  PdOpenFlags   flags,
                  GError      **error)
{
  g_autoptr(PdDatabase) self = NULL;
  g_autofree char *journal_mode = NULL;
  gboolean empty = FALSE;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!probe_file (path, flags, &empty, error))
    return NULL;

  self = g_object_new (PD_TYPE_DATABASE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->read_only = (flags & PD_OPEN_READ_ONLY) || !location_is_writable (path);

  if ((flags & PD_OPEN_CREATE) && self->read_only)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_READ_ONLY,
                   _("A new database cannot be made in that folder: it cannot be written to."));
      return NULL;
    }

  open_flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
  if (self->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | ((flags & PD_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);

  rc = sqlite3_open_v2 (self->path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      _pd_database_fail (self, rc, error);
      return NULL;
    }

  if (!apply_connection_settings (self, &journal_mode, error) ||
      !check_identity (self, (flags & PD_OPEN_CREATE) && empty, error) ||
      !use_rollback_journal (self, journal_mode, error))
    return NULL;

  if (!(flags & PD_OPEN_SKIP_QUICK_CHECK) && self->schema_version > 0 &&
      !quick_check_handle (self->db, self->path, NULL, error))
    return NULL;

  if (self->schema_version < pd_database_get_latest_schema_version ())
    {
      if (self->read_only)
        {
          g_autofree char *name = g_filename_display_basename (self->path);

          g_set_error (error, PD_ERROR, PD_ERROR_READ_ONLY,
                       _("“%s” was made by an older version of Panel Desk and must be upgraded, but it is read-only here. Ask your administrator to open it once with write access."),
                       name);
          return NULL;
        }
      if (!_pd_migrations_apply (self, &self->schema_version, error))
        return NULL;
    }

  if (!_pd_database_ensure_first_person (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
_pd_database_reopen (PdDatabase  *self,
                     gboolean     writable,
                     GError     **error)
{
  sqlite3 *old = self->db;
  g_autofree char *journal_mode = NULL;
  int rc;

  if (writable)
    _pd_database_refresh_file_attributes (self->path);

  /* Opened first and swapped in only when it works: a share that has gone
   * leaves the old connection in place for reading, and the write fails. */
  self->db = NULL;
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE |
                        (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY), NULL);
  if (rc == SQLITE_OK)
    {
      GHashTable *old_statements = self->statements;

      self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
      if (apply_connection_settings (self, &journal_mode, error))
        {
          g_hash_table_unref (old_statements);
          sqlite3_close_v2 (old);
          return TRUE;
        }
      g_hash_table_unref (self->statements);
      self->statements = old_statements;
    }
  else
    _pd_database_fail (self, rc, error);
  sqlite3_close_v2 (self->db);
  self->db = old;
  return FALSE;
}

/* --------------------------------------------------------------- accessors */

const char *
pd_database_get_path (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), NULL);
  return self->path;
}

gboolean
pd_database_is_read_only (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), TRUE);
  return self->read_only;
}

int
pd_database_get_schema_version (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), 0);
  return self->schema_version;
}

const char *
pd_database_get_client_id (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), NULL);
  return self->client_id;
}

void
pd_database_set_lock_timeout (PdDatabase *self,
                              guint       milliseconds)
{
  g_return_if_fail (PD_IS_DATABASE (self));
  self->lock_timeout_ms = milliseconds;
}

char *
pd_database_dup_setting (PdDatabase *self,
                         const char *key,
                         const char *fallback)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (self), NULL);

  stmt = _pd_database_prepare (self, "SELECT value FROM settings WHERE key = ?1;", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = _pd_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }

  return value ? value : g_strdup (fallback);
}

