/* pd-agenda-record.c: what the minute-taker records at an agenda item:
 * discussion notes and the panel's recommendation (see pd-agenda.h) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-agenda.h"
#include "pd-agenda-item.h"
#include "pd-agenda-private.h"
#include "pd-database-private.h"

gboolean
pd_agenda_set_notes (PdTransaction  *tx,
                     gint64          item_id,
                     const char     *notes,
                     GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_autoptr(PdAgendaItem) item = pd_agenda_item_load (db, item_id, error);

  if (item == NULL || !_pd_agenda_check_open_record (db, pd_agenda_item_get_meeting_id (item), error))
    return FALSE;
  before = pd_transaction_row_json (tx, "agenda_items", item_id, error);
  if (before == NULL)
    return FALSE;
  stmt = _pd_database_prepare (db, "UPDATE agenda_items SET notes = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, notes ? notes : "", -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  after = pd_transaction_row_json (tx, "agenda_items", item_id, error);
  return after != NULL &&
         pd_transaction_audit (tx, "agenda_item", item_id, "notes", before, after, error);
}

gint64
pd_agenda_record_recommendation (PdTransaction           *tx,
                                 gint64                   item_id,
                                 const PdDecisionFields  *fields,
                                 GError                 **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdAgendaItem) item = NULL;
  PdDecisionFields recommendation;

  g_return_val_if_fail (fields != NULL, 0);

  item = pd_agenda_item_load (db, item_id, error);
  if (item == NULL || !_pd_agenda_check_open_record (db, pd_agenda_item_get_meeting_id (item), error))
    return 0;
  if (pd_agenda_item_get_referral_id (item) == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Item %d is not about a referral, so there is no recommendation to record."),
                   pd_agenda_item_get_position (item));
      return 0;
    }
  if (pd_agenda_item_is_withdrawn (item))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Item %d was withdrawn from the agenda; record the recommendation at an item "
                     "that is on it."), pd_agenda_item_get_position (item));
      return 0;
    }
  recommendation = *fields;
  recommendation.kind = "recommendation";
  recommendation.referral_id = pd_agenda_item_get_referral_id (item);
  recommendation.meeting_id = pd_agenda_item_get_meeting_id (item);
  return pd_decision_insert (tx, &recommendation, error);
}

gint64
pd_agenda_find_recommendation (PdDatabase  *db,
                               gint64       item_id,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT d.id FROM decisions d JOIN agenda_items a "
                               "  ON a.referral_id = d.referral_id AND a.meeting_id = d.meeting_id "
                               "WHERE a.id = ?1 AND d.kind = 'recommendation' "
                               "ORDER BY d.made_at DESC, d.id DESC LIMIT 1;",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _pd_database_fail (db, rc, error);
  return id;
}
