/* pd-person.c: a person of the panel and their role */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-database-private.h"


struct _PdPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *login_name;
  char    *display_name;
  char    *agency;
  PdRole   role;
};

G_DEFINE_FINAL_TYPE (PdPerson, pd_person, G_TYPE_OBJECT)

static const char *role_names[] = {
  [PD_ROLE_NONE] = "none",
  [PD_ROLE_ADMINISTRATOR] = "administrator",
  [PD_ROLE_CHAIR] = "chair",
  [PD_ROLE_MEMBER] = "member",
  [PD_ROLE_OBSERVER] = "observer",
};

const char *
pd_role_to_string (PdRole role)
{
  g_return_val_if_fail (role <= PD_ROLE_OBSERVER, "none");
  return role_names[role];
}

PdRole
pd_role_from_string (const char *text)
{
  for (guint i = PD_ROLE_ADMINISTRATOR; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      return (PdRole) i;
  return PD_ROLE_NONE;
}

const char *
pd_role_to_label (PdRole role)
{
  switch (role)
    {
    case PD_ROLE_ADMINISTRATOR: return _("Administrator");
    case PD_ROLE_CHAIR:         return _("Chair");
    case PD_ROLE_MEMBER:        return _("Panel member");
    case PD_ROLE_OBSERVER:      return _("Observer");
    case PD_ROLE_NONE:
    default:                    return _("Not on the panel");
    }
}

static void
pd_person_finalize (GObject *object)
{
  PdPerson *self = (PdPerson *)object;

  g_free (self->login_name);
  g_free (self->display_name);
  g_free (self->agency);

  G_OBJECT_CLASS (pd_person_parent_class)->finalize (object);
}

static void
pd_person_class_init (PdPersonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_person_finalize;
}

static void
pd_person_init (PdPerson *self)
{
}

gint64
pd_person_get_id (PdPerson *self)
{
  g_return_val_if_fail (PD_IS_PERSON (self), 0);
  return self->id;
}

const char *
pd_person_get_login_name (PdPerson *self)
{
  g_return_val_if_fail (PD_IS_PERSON (self), NULL);
  return self->login_name;
}

const char *
pd_person_get_display_name (PdPerson *self)
{
  g_return_val_if_fail (PD_IS_PERSON (self), NULL);
  return self->display_name;
}

const char *
pd_person_get_agency (PdPerson *self)
{
  g_return_val_if_fail (PD_IS_PERSON (self), NULL);
  return self->agency;
}

PdRole
pd_person_get_role (PdPerson *self)
{
  g_return_val_if_fail (PD_IS_PERSON (self), PD_ROLE_NONE);
  return self->role;
}

GPtrArray *
pd_person_list_all (PdDatabase  *db,
                    GError     **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db,
                               "SELECT id, login_name, display_name, agency, role FROM people "
                               "WHERE active = 1 ORDER BY display_name COLLATE NOCASE;",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdPerson *person = g_object_new (PD_TYPE_PERSON, NULL);

      person->id = sqlite3_column_int64 (stmt, 0);
      person->login_name = _pd_column_dup (stmt, 1);
      person->display_name = _pd_column_dup (stmt, 2);
      person->agency = _pd_column_dup (stmt, 3);
      person->role = pd_role_from_string ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (people, person);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&people);
}

gint64
pd_person_insert (PdTransaction  *tx,
                  const char     *login_name,
                  const char     *display_name,
                  const char     *agency,
                  PdRole          role,
                  GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  if (_pd_is_blank (login_name) || _pd_is_blank (display_name) || role == PD_ROLE_NONE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A person needs a login name, a name and a role."));
      return 0;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO people (login_name, display_name, agency, role, created_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, login_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, agency ? agency : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, pd_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                     _("A person with the login “%s” is already on the panel."), login_name);
      else
        _pd_database_fail (db, rc, error);
      return 0;
    }

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));
  after = pd_transaction_row_json (tx, "people", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "person", id, "create", NULL, after, error))
    return 0;

  return id;
}
