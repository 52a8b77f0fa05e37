/* pd-database-user.c: who has the database open, and what they may do
 *
 * The login is looked up in the panel's people; an unknown login may read
 * but not write. A new database's first opener becomes its administrator,
 * in an audited write like any other.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-database-private.h"

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
gboolean
_pd_database_ensure_first_person (PdDatabase  *self,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 n_people;
  int rc;

  stmt = _pd_database_prepare (self, "SELECT count(*) FROM people;", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  n_people = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _pd_database_fail (self, rc, error);

  if (n_people == 0 && !self->read_only)
    {
      self->user_role = PD_ROLE_ADMINISTRATOR;   /* lets the bootstrap write pass */
      self->user_id = -1;
      if (!pd_database_write (self, _("Database created"), add_first_administrator, NULL, NULL, error))
        return FALSE;
    }

  return load_current_user (self, error);
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
