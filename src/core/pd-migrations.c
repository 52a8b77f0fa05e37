/* pd-migrations.c: schema migrations kept as numbered .sql files in a GResource
 *
 * A migration is "NNNN-name.sql" under MIGRATIONS_PATH. Each is applied in one
 * transaction that also sets PRAGMA user_version, so a failure leaves the
 * file at the previous version, never half upgraded.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <unistd.h>

#include "pd-database-private.h"
#include "pd-migrations-private.h"

#define MIGRATIONS_PATH "/io/github/paneldesk/PanelDesk/core/migrations"

typedef struct
{
  int   number;
  char *resource;
  char *sql;        /* added for testing instead of a resource, or NULL */
} Migration;

/* Migrations added by _pd_migrations_add_for_testing(). */
G_LOCK_DEFINE_STATIC (test_migrations);
static GArray *test_migrations;

static void
migration_clear (gpointer data)
{
  Migration *m = data;
  g_free (m->resource);
  g_free (m->sql);
}

static int
migration_compare (gconstpointer a,
                   gconstpointer b)
{
  return ((const Migration *) a)->number - ((const Migration *) b)->number;
}

/* The migrations shipped in the resource, sorted by number. */
static GArray *
list_migrations (void)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (Migration));
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);

  g_array_set_clear_func (list, migration_clear);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      Migration m;
      char *end = NULL;

      if (!g_str_has_suffix (names[i], ".sql"))
        continue;
      m.number = (int) strtol (names[i], &end, 10);
      if (end == names[i] || m.number <= 0)
        continue;
      m.resource = g_strdup_printf ("%s/%s", MIGRATIONS_PATH, names[i]);
      m.sql = NULL;
      g_array_append_val (list, m);
    }

  G_LOCK (test_migrations);
  for (guint i = 0; test_migrations != NULL && i < test_migrations->len; i++)
    {
      const Migration *t = &g_array_index (test_migrations, Migration, i);
      Migration m = { t->number, g_strdup (t->resource), g_strdup (t->sql) };

      g_array_append_val (list, m);
    }
  G_UNLOCK (test_migrations);

  g_array_sort (list, migration_compare);
  return list;
}

static int
get_shipped_schema_version (void)
{
  static gsize latest = 0;

  /* Stored plus one, so that zero means "not read yet" for g_once_init. */
  if (g_once_init_enter (&latest))
    {
      g_autoptr(GArray) list = NULL;
      gsize value;

      G_LOCK (test_migrations);
      g_assert (test_migrations == NULL || test_migrations->len == 0);
      G_UNLOCK (test_migrations);

      list = list_migrations ();
      value = list->len ? g_array_index (list, Migration, list->len - 1).number : 0;
      g_once_init_leave (&latest, value + 1);
    }

  return (int) latest - 1;
}

int
pd_database_get_latest_schema_version (void)
{
  int latest = get_shipped_schema_version ();

  G_LOCK (test_migrations);
  for (guint i = 0; test_migrations != NULL && i < test_migrations->len; i++)
    latest = MAX (latest, g_array_index (test_migrations, Migration, i).number);
  G_UNLOCK (test_migrations);

  return latest;
}

void
_pd_migrations_add_for_testing (int         number,
                                const char *sql)
{
  Migration m;

  g_return_if_fail (sql != NULL);
  g_return_if_fail (number > get_shipped_schema_version ());

  m.number = number;
  m.resource = g_strdup_printf ("(test migration %d)", number);
  m.sql = g_strdup (sql);

  G_LOCK (test_migrations);
  if (test_migrations == NULL)
    {
      test_migrations = g_array_new (FALSE, FALSE, sizeof (Migration));
      g_array_set_clear_func (test_migrations, migration_clear);
    }
  for (guint i = 0; i < test_migrations->len; i++)
    if (g_array_index (test_migrations, Migration, i).number == number)
      g_array_remove_index (test_migrations, i--);
  g_array_append_val (test_migrations, m);
  G_UNLOCK (test_migrations);
}

void
_pd_migrations_clear_for_testing (void)
{
  G_LOCK (test_migrations);
  g_clear_pointer (&test_migrations, g_array_unref);
  G_UNLOCK (test_migrations);
}

static gboolean
record_migration (PdDatabase  *db,
                  int          number,
                  GError     **error)
{
  sqlite3 *handle = _pd_database_get_handle (db);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *token = g_uuid_string_random ();
  g_autofree char *summary = g_strdup_printf ("Database format upgraded to %d", number);
  g_autofree char *after = g_strdup_printf ("{\"schema_version\":%d}", number);
  sqlite3_stmt *stmt = NULL;
  gint64 seq;
  int rc;

  rc = sqlite3_prepare_v2 (handle,
                           "INSERT INTO ledger (token, client_id, login_name, machine, pid, at, summary) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, pd_database_get_client_id (db), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, pd_database_get_login_name (db), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, g_get_host_name (), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, getpid ());
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, summary, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_OK)
    return _pd_database_fail (db, rc, error);

  seq = sqlite3_last_insert_rowid (handle);

  rc = sqlite3_prepare_v2 (handle,
                           "INSERT INTO audit_log (ledger_seq, person_id, login_name, machine, at, "
                           "                       entity, action, after_json) "
                           "VALUES (?1, (SELECT id FROM people WHERE login_name = ?2), ?2, ?3, ?4, "
                           "        'schema', 'migrate', ?5);",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, seq);
      sqlite3_bind_text (stmt, 2, pd_database_get_login_name (db), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, g_get_host_name (), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, after, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return _pd_database_fail (db, rc, error);

  return TRUE;
}

static gboolean
apply_one (PdDatabase       *db,
           const Migration  *m,
           GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *handle = _pd_database_get_handle (db);
  gsize len;

  if (m->sql != NULL)
    sql = g_strdup (m->sql);
  else
    {
      bytes = g_resources_lookup_data (m->resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
    }
  set_version = g_strdup_printf ("PRAGMA user_version = %d;", m->number);

  if (!_pd_database_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  if (!_pd_database_exec (db, sql, &local_error) ||
      !_pd_database_exec (db, set_version, &local_error) ||
      !record_migration (db, m->number, &local_error) ||
      !_pd_database_exec (db, "COMMIT;", &local_error))
    {
      if (sqlite3_get_autocommit (handle) == 0)
        sqlite3_exec (handle, "ROLLBACK;", NULL, NULL, NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The database could not be upgraded to format %d: "), m->number);
      return FALSE;
    }

  return TRUE;
}

gboolean
_pd_migrations_apply (PdDatabase  *db,
                      int         *version,
                      GError     **error)
{
  g_autoptr(GArray) list = list_migrations ();

  for (guint i = 0; i < list->len; i++)
    {
      const Migration *m = &g_array_index (list, Migration, i);

      if (m->number <= *version)
        continue;
      if (!apply_one (db, m, error))
        return FALSE;
      *version = m->number;
    }

  return TRUE;
}
