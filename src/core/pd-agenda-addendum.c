/* pd-agenda-addendum.c: a published agenda's addendum: when an agenda is
 * frozen, the changes made to it since with their reasons, and when what
 * was recorded at the meeting is fixed (see pd-agenda.h) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-agenda.h"
#include "pd-agenda-private.h"
#include "pd-database-private.h"

void
pd_agenda_change_free (PdAgendaChange *change)
{
  if (change == NULL)
    return;
  g_free (change->description);
  g_free (change->reason);
  g_free (change->changed_by);
  g_free (change->changed_at);
  g_free (change);
}

gboolean
_pd_agenda_meeting_is_frozen (PdDatabase  *db,
                   gint64       meeting_id,
                   gboolean    *out_frozen,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT agenda_published_at IS NOT NULL OR status <> 'draft' "
                               "FROM meetings WHERE id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_frozen = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("The meeting was not found; someone may have deleted it."));
      return FALSE;
    }
  return rc == SQLITE_ROW || _pd_database_fail (db, rc, error);
}

gboolean
_pd_agenda_check_open_record (PdDatabase  *db,
                              gint64       meeting_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean approved = FALSE;
  int rc;

  stmt = _pd_database_prepare (db, "SELECT status = 'minutes_approved' FROM meetings WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    approved = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("The meeting was not found; someone may have deleted it."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _pd_database_fail (db, rc, error);
  if (approved)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The minutes of this meeting have been approved, so what was recorded at it "
                     "can no longer change."));
      return FALSE;
    }
  return TRUE;
}

gboolean
_pd_agenda_check_reason (gboolean     frozen,
              const char  *reason,
              GError     **error)
{
  if (frozen && _pd_is_blank (reason))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The agenda has been published, so it cannot be changed silently: give a "
                     "reason and the change will be shown as an addendum."));
      return FALSE;
    }
  return TRUE;
}

gboolean
_pd_agenda_record_change (PdTransaction  *tx,
               gint64          meeting_id,
               gint64          item_id,
               const char     *description,
               const char     *reason,
               GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  gint64 user_id = pd_database_get_user_id (db);
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  stmt = _pd_database_prepare (db,
                               "INSERT INTO agenda_changes (meeting_id, agenda_item_id, description, reason, "
                               "                            changed_by, changed_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6);",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (item_id > 0)
    sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_text (stmt, 3, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  if (user_id > 0)
    sqlite3_bind_int64 (stmt, 5, user_id);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));
  after = pd_transaction_row_json (tx, "agenda_changes", id, error);
  return after != NULL &&
         pd_transaction_audit (tx, "agenda_change", id, "create", NULL, after, error);
}

GPtrArray *
pd_agenda_list_changes (PdDatabase  *db,
                        gint64       meeting_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_agenda_change_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT c.id, coalesce(c.agenda_item_id, 0), c.description, c.reason, "
                               "       coalesce(p.display_name, ''), c.changed_at "
                               "FROM agenda_changes c LEFT JOIN people p ON p.id = c.changed_by "
                               "WHERE c.meeting_id = ?1 ORDER BY c.id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdAgendaChange *change = g_new0 (PdAgendaChange, 1);

      change->id = sqlite3_column_int64 (stmt, 0);
      change->agenda_item_id = sqlite3_column_int64 (stmt, 1);
      change->description = _pd_column_dup (stmt, 2);
      change->reason = _pd_column_dup (stmt, 3);
      change->changed_by = _pd_column_dup (stmt, 4);
      change->changed_at = _pd_column_dup (stmt, 5);
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}
