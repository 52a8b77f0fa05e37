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

#include "pd-database-private.h"
#include "pd-migrations-private.h"

#define BUSY_TIMEOUT_MS        2000
#define DEFAULT_LOCK_TIMEOUT_MS 20000

struct _PdDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *client_id;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt*, reused */

  char       *login_name;
  char       *user_display_name;
  gint64      user_id;
  PdRole      user_role;

  int         schema_version;
  guint       lock_timeout_ms;
  gboolean    read_only;
};

struct _PdTransaction
{
  PdDatabase *db;
  gint64      ledger_seq;
  guint       n_audit_rows;
};

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

/* ------------------------------------------------------------------ helpers */

char *
_pd_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
_pd_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gboolean
_pd_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
_pd_column_dup (sqlite3_stmt *stmt,
                int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text ? g_strdup ((const char *) text) : NULL;
}

sqlite3 *
_pd_database_get_handle (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), NULL);

  return self->db;
}

gboolean
_pd_database_fail (PdDatabase  *self,
                   int          rc,
                   GError     **error)
{
  return _pd_set_sqlite_error (error, self->db, rc, self->path);
}

sqlite3_stmt *
_pd_database_prepare (PdDatabase  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _pd_database_fail (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_pd_database_exec (PdDatabase  *self,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _pd_database_fail (self, rc, error);
  return TRUE;
}

/* One integer from a PRAGMA or query, or -1 with @error set. */
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
  g_autofree char *busy = g_strdup_printf ("PRAGMA busy_timeout = %d;", BUSY_TIMEOUT_MS);

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
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_exec (db, "PRAGMA mmap_size = 0;", NULL, NULL, NULL);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_cancel_cb, cancellable);

  ok = quick_check_handle (db, self->path, cancellable, error);
  sqlite3_close_v2 (db);

  return ok;
}

static gboolean
load_current_user (PdDatabase  *self,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (self,
                               "SELECT id, display_name, role FROM people "
                               "WHERE login_name = ?1 AND active = 1;",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, self->login_name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self->user_id = sqlite3_column_int64 (stmt, 0);
      g_free (self->user_display_name);
      self->user_display_name = _pd_column_dup (stmt, 1);
      self->user_role = pd_role_from_string ((const char *) sqlite3_column_text (stmt, 2));
      rc = SQLITE_DONE;
    }
  else if (rc == SQLITE_DONE)
    {
      self->user_id = 0;
      self->user_role = PD_ROLE_NONE;
      g_free (self->user_display_name);
      self->user_display_name = g_strdup (self->login_name);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _pd_database_fail (self, rc, error);
  return TRUE;
}

static char *
guess_display_name (void)
{
  const char *real = g_get_real_name ();

  if (real == NULL || *real == '\0' || g_strcmp0 (real, "Unknown") == 0)
    return g_strdup (g_get_user_name ());
  return g_strdup (real);
}

static gboolean
add_first_administrator (PdTransaction  *tx,
                         gpointer        user_data,
                         GError        **error)
{
  PdDatabase *self = tx->db;
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *display_name = guess_display_name ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  stmt = _pd_database_prepare (self,
                               "INSERT INTO people (login_name, display_name, agency, role, created_at) "
                               "VALUES (?1, ?2, '', 'administrator', ?3);",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->login_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (self, rc, error);

  id = sqlite3_last_insert_rowid (self->db);
  after = pd_transaction_row_json (tx, "people", id, error);
  if (after == NULL)
    return FALSE;

  return pd_transaction_audit (tx, "person", id, "create", NULL, after, error);
}

/* The first person to open (or create) a database becomes its administrator. */
static gboolean
ensure_first_person (PdDatabase  *self,
                     GError     **error)
{
  gint64 n_people;

  n_people = query_int (self->db, "SELECT count(*) FROM people;", self->path, error);
  if (n_people < 0)
    return FALSE;

  if (n_people == 0 && !self->read_only)
    {
      self->user_role = PD_ROLE_ADMINISTRATOR;   /* lets the bootstrap write pass */
      self->user_id = -1;
      if (!pd_database_write (self, _("Database created"), add_first_administrator, NULL, NULL, error))
        return FALSE;
    }

  return load_current_user (self, error);
}

PdDatabase *
pd_database_open (const char   *path,
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

  if (!ensure_first_person (self, error))
    return NULL;

  return g_steal_pointer (&self);
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

const char *
pd_database_get_login_name (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), NULL);
  return self->login_name;
}

gint64
pd_database_get_user_id (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), 0);
  return self->user_id;
}

const char *
pd_database_get_user_display_name (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), NULL);
  return self->user_display_name;
}

PdRole
pd_database_get_user_role (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), PD_ROLE_NONE);
  return self->user_role;
}

gboolean
pd_database_user_can_write (PdDatabase *self)
{
  g_return_val_if_fail (PD_IS_DATABASE (self), FALSE);

  return !self->read_only &&
         self->user_role != PD_ROLE_NONE &&
         self->user_role != PD_ROLE_OBSERVER;
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

gboolean
_pd_database_check_writable (PdDatabase  *self,
                             GError     **error)
{
  if (self->read_only)
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      g_set_error (error, PD_ERROR, PD_ERROR_READ_ONLY,
                   _("“%s” is open read-only: the file or its folder cannot be written to. Your change was not saved."),
                   name);
      return FALSE;
    }

  if (self->user_role == PD_ROLE_NONE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_PERMISSION,
                   _("Your login “%s” is not one of this panel's people, so you can read but not change records. Ask an administrator to add you."),
                   self->login_name);
      return FALSE;
    }

  if (self->user_role == PD_ROLE_OBSERVER)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_PERMISSION,
                   _("Observers can read records but not change them."));
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ writing */

/* Runs @sql with SQLite's busy handler waiting at most BUSY_TIMEOUT_MS, and
 * never past @deadline, so a short lock timeout is not stretched to
 * BUSY_TIMEOUT_MS; other statements keep the full busy timeout. */
static int
exec_before_deadline (PdDatabase  *self,
                      const char  *sql,
                      gint64       deadline)
{
  gint64 remaining_ms = (deadline - g_get_monotonic_time ()) / 1000;
  int rc;

  sqlite3_busy_timeout (self->db, (int) CLAMP (remaining_ms, 1, BUSY_TIMEOUT_MS));
  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  return rc;
}

/* Takes the write lock, waiting with backoff while another user holds it:
 * SQLite's busy handler waits up to BUSY_TIMEOUT_MS per try, and we try again
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
  return TRUE;
}

gboolean
pd_database_write (PdDatabase   *self,
                   const char   *summary,
                   PdWriteFunc   func,
                   gpointer      user_data,
                   gint64       *out_ledger_seq,
                   GError      **error)
{
  PdTransaction tx = { self, 0, 0 };
  g_autoptr(GError) local_error = NULL;

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

  if (!begin_immediate (self, error))
    return FALSE;

  if (!insert_ledger_entry (&tx, summary, &local_error) ||
      !func (&tx, user_data, &local_error) ||
      (tx.n_audit_rows == 0 &&
       !pd_transaction_audit (&tx, NULL, 0, "write", NULL, NULL, &local_error)) ||
      !commit_with_retry (self, &local_error))
    {
      /* After an I/O error SQLite may already have rolled back; that is fine. */
      if (sqlite3_get_autocommit (self->db) == 0)
        sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

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
  PdDatabase *self = tx->db;
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
