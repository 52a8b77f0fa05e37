/* pd-meeting-action.c: actions arising at a meeting: what, who, by when, done */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-database-private.h"
#include "pd-meeting-action.h"
#include "pd-referral.h"

void
pd_meeting_action_free (PdMeetingAction *action)
{
  if (action == NULL)
    return;
  g_free (action->description);
  g_free (action->owner);
  g_free (action->due_on);
  g_free (action->done_on);
  g_free (action);
}

gint64
pd_meeting_action_add (PdTransaction  *tx,
                       gint64          meeting_id,
                       gint64          agenda_item_id,
                       const char     *description,
                       const char     *owner,
                       const char     *due_on,
                       GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  if (_pd_is_blank (description) || _pd_is_blank (owner))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("An action needs a description and an owner."));
      return 0;
    }
  if (due_on != NULL && *due_on != '\0' && !pd_date_is_valid (due_on))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The due date “%s” is not a date (write it as 2026-03-31)."), due_on);
      return 0;
    }

  stmt = _pd_database_prepare (db,
                               "SELECT (SELECT count(*) FROM meetings WHERE id = ?1), "
                               "       (SELECT count(*) FROM agenda_items WHERE id = ?2 AND meeting_id = ?1);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, agenda_item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW &&
      (sqlite3_column_int (stmt, 0) == 0 || (agenda_item_id > 0 && sqlite3_column_int (stmt, 1) == 0)))
    {
      sqlite3_reset (stmt);
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("The meeting or the agenda item of this action was not found."));
      return 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _pd_database_fail (db, rc, error);
      return 0;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO meeting_actions (meeting_id, agenda_item_id, description, owner, "
                               "                             due_on, created_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (agenda_item_id > 0)
    sqlite3_bind_int64 (stmt, 2, agenda_item_id);
  sqlite3_bind_text (stmt, 3, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, owner, -1, SQLITE_STATIC);
  if (due_on != NULL && *due_on != '\0')
    sqlite3_bind_text (stmt, 5, due_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return 0;
    }

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));
  after = pd_transaction_row_json (tx, "meeting_actions", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "meeting_action", id, "create", NULL, after, error))
    return 0;
  return id;
}

gboolean
pd_meeting_action_set_done (PdTransaction  *tx,
                            gint64          id,
                            const char     *done_on,
                            GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (done_on != NULL && !pd_date_is_valid (done_on))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("“%s” is not a date (write it as 2026-03-31)."), done_on);
      return FALSE;
    }
  before = pd_transaction_row_json (tx, "meeting_actions", id, error);
  if (before == NULL)
    return FALSE;
  stmt = _pd_database_prepare (db, "UPDATE meeting_actions SET done_on = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _pd_bind_text (stmt, 2, done_on);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  after = pd_transaction_row_json (tx, "meeting_actions", id, error);
  return after != NULL &&
         pd_transaction_audit (tx, "meeting_action", id, done_on ? "done" : "reopen", before, after, error);
}

GPtrArray *
pd_meeting_action_list (PdDatabase  *db,
                        gint64       meeting_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_meeting_action_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT x.id, x.meeting_id, coalesce(x.agenda_item_id, 0), coalesce(a.position, 0), "
                               "       x.description, x.owner, x.due_on, x.done_on "
                               "FROM meeting_actions x LEFT JOIN agenda_items a ON a.id = x.agenda_item_id "
                               "WHERE x.meeting_id = ?1 ORDER BY coalesce(a.position, 1000000), x.id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdMeetingAction *action = g_new0 (PdMeetingAction, 1);

      action->id = sqlite3_column_int64 (stmt, 0);
      action->meeting_id = sqlite3_column_int64 (stmt, 1);
      action->agenda_item_id = sqlite3_column_int64 (stmt, 2);
      action->item_position = sqlite3_column_int (stmt, 3);
      action->description = _pd_column_dup (stmt, 4);
      action->owner = _pd_column_dup (stmt, 5);
      action->due_on = _pd_column_dup (stmt, 6);
      action->done_on = _pd_column_dup (stmt, 7);
      g_ptr_array_add (list, action);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
