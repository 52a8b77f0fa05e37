/* pd-conflict.c: declarations of conflict of interest, per member per agenda item */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-agenda-private.h"
#include "pd-conflict.h"
#include "pd-database-private.h"

void
pd_conflict_free (PdConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->item_title);
  g_free (conflict->person_name);
  g_free (conflict->agency);
  g_free (conflict->nature);
  g_free (conflict->declared_at);
  g_free (conflict);
}

gint64
pd_conflict_declare (PdTransaction  *tx,
                     gint64          agenda_item_id,
                     gint64          person_id,
                     const char     *nature,
                     GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  gint64 meeting_id = 0, id = 0;
  gboolean person = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  if (_pd_is_blank (nature))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Say what the interest is: a declaration cannot be blank."));
      return 0;
    }
  stmt = _pd_database_prepare (db,
                               "SELECT (SELECT meeting_id FROM agenda_items WHERE id = ?1), "
                               "       (SELECT count(*) FROM people WHERE id = ?2);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, agenda_item_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      meeting_id = sqlite3_column_int64 (stmt, 0);
      person = sqlite3_column_int (stmt, 1) > 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _pd_database_fail (db, rc, error);
      return 0;
    }
  if (meeting_id == 0 || !person)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   meeting_id == 0 ? _("The agenda item was not found; someone may have removed it.")
                                   : _("That person is not in the people list."));
      return 0;
    }
  if (!_pd_agenda_check_open_record (db, meeting_id, error))
    return 0;

  stmt = _pd_database_prepare (db,
                               "INSERT INTO conflict_declarations (meeting_id, agenda_item_id, person_id, "
                               "                                   nature, declared_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5) "
                               "ON CONFLICT (agenda_item_id, person_id) DO UPDATE SET nature = excluded.nature "
                               "RETURNING id;",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, agenda_item_id);
  sqlite3_bind_int64 (stmt, 3, person_id);
  sqlite3_bind_text (stmt, 4, nature, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || id == 0)
    {
      _pd_database_fail (db, rc, error);
      return 0;
    }

  after = pd_transaction_row_json (tx, "conflict_declarations", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "conflict_declaration", id, "declare", NULL, after, error))
    return 0;
  return id;
}

gboolean
pd_conflict_remove (PdTransaction  *tx,
                    gint64          id,
                    GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  int rc;

  before = pd_transaction_row_json (tx, "conflict_declarations", id, error);
  if (before == NULL)
    return FALSE;
  stmt = _pd_database_prepare (db, "DELETE FROM conflict_declarations WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  return pd_transaction_audit (tx, "conflict_declaration", id, "remove", before, NULL, error);
}

GPtrArray *
pd_conflict_list (PdDatabase  *db,
                  gint64       meeting_id,
                  gint64       agenda_item_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT c.id, c.agenda_item_id, a.position, a.title, c.person_id, "
                               "       p.display_name, p.agency, c.nature, c.declared_at "
                               "FROM conflict_declarations c "
                               "JOIN agenda_items a ON a.id = c.agenda_item_id "
                               "JOIN people p ON p.id = c.person_id "
                               "WHERE (?2 > 0 AND c.agenda_item_id = ?2) OR (?2 <= 0 AND c.meeting_id = ?1) "
                               "ORDER BY a.position, p.display_name, c.id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, agenda_item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdConflict *conflict = g_new0 (PdConflict, 1);

      conflict->id = sqlite3_column_int64 (stmt, 0);
      conflict->agenda_item_id = sqlite3_column_int64 (stmt, 1);
      conflict->item_position = sqlite3_column_int (stmt, 2);
      conflict->item_title = _pd_column_dup (stmt, 3);
      conflict->person_id = sqlite3_column_int64 (stmt, 4);
      conflict->person_name = _pd_column_dup (stmt, 5);
      conflict->agency = _pd_column_dup (stmt, 6);
      conflict->nature = _pd_column_dup (stmt, 7);
      conflict->declared_at = _pd_column_dup (stmt, 8);
      g_ptr_array_add (list, conflict);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
