/* pd-agenda.c: building a meeting's agenda: items, their order and their links */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-agenda.h"
#include "pd-agenda-private.h"
#include "pd-agenda-item.h"
#include "pd-database-private.h"

/* Refuses a link to a referral that is gone or cannot come for this kind of item. */
static gboolean
check_referral (PdDatabase  *db,
                gint64       meeting_id,
                const char  *kind,
                gint64       referral_id,
                GError     **error)
{
  gboolean needs_referral = g_strcmp0 (kind, "new_referral") == 0 ||
                            g_strcmp0 (kind, "review_progress") == 0;
  g_autofree char *status = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *now = _pd_now_iso8601 ();
  gint64 n_decisions = 0, n_on_agenda = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (referral_id <= 0)
    {
      if (needs_referral)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("An item of the kind “%s” must be linked to a referral."),
                       pd_agenda_item_kind_to_label (kind));
          return FALSE;
        }
      return TRUE;
    }

  /* Decided before the meeting: a decision made before it starts, or, for
   * a meeting still to come, a referral whose status says so. Recording a
   * past meeting looks at the decisions only, as the status is today's. */
  stmt = _pd_database_prepare (db,
                               "SELECT r.status, r.reference, "
                               "  (SELECT count(*) FROM decisions d WHERE d.referral_id = r.id "
                               "     AND d.kind = 'decision' "
                               "     AND d.made_at < (SELECT starts_at FROM meetings WHERE id = ?2)) "
                               "  + ((SELECT starts_at FROM meetings WHERE id = ?2) > ?4 AND r.status IN "
                               "     ('decision_made', 'review_commissioned', 'no_review', 'closed')), "
                               "  (SELECT count(*) FROM agenda_items a WHERE a.referral_id = r.id "
                               "     AND a.meeting_id = ?2 AND a.kind = ?3 AND a.withdrawn_at IS NULL) "
                               "FROM referrals r WHERE r.id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      status = _pd_column_dup (stmt, 0);
      reference = _pd_column_dup (stmt, 1);
      n_decisions = sqlite3_column_int64 (stmt, 2);
      n_on_agenda = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("The referral for this item no longer exists; it may have been deleted."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _pd_database_fail (db, rc, error);

  if (n_on_agenda > 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Referral %s is already on this agenda as “%s”."),
                   reference, pd_agenda_item_kind_to_label (kind));
      return FALSE;
    }
  if (g_strcmp0 (kind, "new_referral") == 0 && n_decisions > 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Referral %s has already been decided, so it cannot come to the panel for a "
                     "recommendation. Add it as review progress or any other business instead."),
                   reference);
      return FALSE;
    }
  if (g_strcmp0 (kind, "review_progress") == 0 && g_strcmp0 (status, "review_commissioned") != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Referral %s has no commissioned review, so there is no review progress to report."),
                   reference);
      return FALSE;
    }
  return TRUE;
}

/* The meeting before @meeting_id, whose minutes a 'minutes' item approves; 0 for none. */
static gboolean
find_previous_meeting (PdDatabase  *db,
                       gint64       meeting_id,
                       gint64      *out_id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT p.id FROM meetings p, meetings m WHERE m.id = ?1 "
                               "AND p.starts_at < m.starts_at ORDER BY p.starts_at DESC, p.id DESC LIMIT 1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || _pd_database_fail (db, rc, error);
}

/* A presenter or a previous meeting that is not there would only fail as a
 * foreign key; say which instead. */
static gboolean
check_links (PdDatabase                *db,
             const PdAgendaItemFields  *fields,
             GError                   **error)
{
  sqlite3_stmt *stmt;
  gboolean presenter = TRUE, previous = TRUE;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT ?1 <= 0 OR EXISTS (SELECT 1 FROM people WHERE id = ?1), "
                               "       ?2 <= 0 OR EXISTS (SELECT 1 FROM meetings WHERE id = ?2);",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fields->presenter_id);
  sqlite3_bind_int64 (stmt, 2, fields->previous_meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      presenter = sqlite3_column_int (stmt, 0) != 0;
      previous = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _pd_database_fail (db, rc, error);
  if (!presenter || !previous)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   !presenter ? _("The presenter chosen for the item is not in the people list.")
                              : _("The meeting whose minutes the item approves was not found."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_fields (const PdAgendaItemFields  *fields,
              GError                   **error)
{
  if (!pd_agenda_item_kind_is_valid (fields->kind))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("“%s” is not a kind of agenda item."),
                   fields->kind ? fields->kind : "");
      return FALSE;
    }
  if (_pd_is_blank (fields->title))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("An agenda item needs a title."));
      return FALSE;
    }
  if (fields->minutes < 0 || fields->minutes > 24 * 60)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The time for an item must be between 0 and 1440 minutes."));
      return FALSE;
    }
  return TRUE;
}

gint64
pd_agenda_add_item (PdTransaction             *tx,
                    gint64                     meeting_id,
                    const PdAgendaItemFields  *fields,
                    const char                *reason,
                    GError                   **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  gint64 previous_id = 0;
  gboolean frozen = FALSE;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (fields != NULL, 0);

  if (!check_fields (fields, error) ||
      !check_links (db, fields, error) ||
      !_pd_agenda_meeting_is_frozen (db, meeting_id, &frozen, error) ||
      !_pd_agenda_check_reason (frozen, reason, error) ||
      !check_referral (db, meeting_id, fields->kind, fields->referral_id, error))
    return 0;

  previous_id = fields->previous_meeting_id;
  if (g_strcmp0 (fields->kind, "minutes") == 0 && previous_id <= 0 &&
      !find_previous_meeting (db, meeting_id, &previous_id, error))
    return 0;
  if (previous_id == meeting_id)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A meeting cannot approve its own minutes; choose an earlier meeting."));
      return 0;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO agenda_items (meeting_id, position, kind, title, referral_id, "
                               "  minutes, presenter_id, previous_meeting_id, is_addendum, created_at) "
                               "VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items "
                               "             WHERE meeting_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_text (stmt, 2, fields->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fields->title, -1, SQLITE_STATIC);
  if (fields->referral_id > 0)
    sqlite3_bind_int64 (stmt, 4, fields->referral_id);
  sqlite3_bind_int (stmt, 5, fields->minutes);
  if (fields->presenter_id > 0)
    sqlite3_bind_int64 (stmt, 6, fields->presenter_id);
  if (previous_id > 0)
    sqlite3_bind_int64 (stmt, 7, previous_id);
  sqlite3_bind_int (stmt, 8, frozen ? 1 : 0);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return 0;
    }

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));
  after = pd_transaction_row_json (tx, "agenda_items", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "agenda_item", id, "create", NULL, after, error))
    return 0;

  if (frozen)
    {
      g_autofree char *what = g_strdup_printf (_("Item added: %s"), fields->title);

      if (!_pd_agenda_record_change (tx, meeting_id, id, what, reason, error))
        return 0;
    }
  return id;
}

gboolean
pd_agenda_add_awaiting_referrals (PdTransaction  *tx,
                                  gint64          meeting_id,
                                  int             minutes_each,
                                  const char     *reason,
                                  guint          *out_n_added,
                                  GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (out_n_added != NULL)
    *out_n_added = 0;

  stmt = _pd_database_prepare (db,
                               "SELECT r.id, r.reference, r.pseudonym FROM referrals r "
                               "WHERE r.status IN ('received', 'information_requested', 'on_agenda') "
                               "  AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.referral_id = r.id) "
                               "  AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.referral_id = r.id "
                               "                  AND a.meeting_id = ?1 AND a.kind = 'new_referral' "
                               "                  AND a.withdrawn_at IS NULL) "
                               "ORDER BY r.date_received, r.id;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      /* Translators: an agenda item's title: the referral's reference and pseudonym. */
      g_ptr_array_add (titles, g_strdup_printf (_("New referral %s: %s"),
                                                (const char *) sqlite3_column_text (stmt, 1),
                                                (const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      PdAgendaItemFields fields = {
        .kind = "new_referral",
        .title = titles->pdata[i],
        .referral_id = g_array_index (ids, gint64, i),
        .minutes = minutes_each,
      };

      if (pd_agenda_add_item (tx, meeting_id, &fields, reason, error) == 0)
        return FALSE;
    }
  if (out_n_added != NULL)
    *out_n_added = ids->len;
  return TRUE;
}

/* The item ids of a meeting in agenda order. */
static GArray *
ordered_ids (PdDatabase  *db,
             gint64       meeting_id,
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT id FROM agenda_items WHERE meeting_id = ?1 ORDER BY position, id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static char *
order_json (GArray *ids)
{
  g_autoptr(GString) json = g_string_new ("{\"order\":[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append (json, "]}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Writes @ids' order as positions 1..n. Positions are first made negative,
 * so no two rows share a position at any moment of the transaction. */
static gboolean
renumber (PdTransaction  *tx,
          gint64          meeting_id,
          GArray         *old_ids,
          GArray         *ids,
          GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *before = order_json (old_ids);
  g_autofree char *after = order_json (ids);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "UPDATE agenda_items SET position = -position WHERE meeting_id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      stmt = _pd_database_prepare (db, "UPDATE agenda_items SET position = ?2 WHERE id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _pd_database_fail (db, rc, error);
    }
  return pd_transaction_audit (tx, "agenda", meeting_id, "reorder", before, after, error);
}

gboolean
pd_agenda_move_item_to (PdTransaction  *tx,
                        gint64          item_id,
                        int             position,
                        const char     *reason,
                        GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdAgendaItem) item = NULL;
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean frozen = FALSE;
  guint from = G_MAXUINT;

  item = pd_agenda_item_load (db, item_id, error);
  if (item == NULL)
    return FALSE;
  if (!_pd_agenda_meeting_is_frozen (db, pd_agenda_item_get_meeting_id (item), &frozen, error) ||
      !_pd_agenda_check_reason (frozen, reason, error))
    return FALSE;
  old_ids = ordered_ids (db, pd_agenda_item_get_meeting_id (item), error);
  if (old_ids == NULL)
    return FALSE;
  if (position < 1 || (guint) position > old_ids->len)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The agenda has %u items; an item cannot move to place %d."), old_ids->len, position);
      return FALSE;
    }

  ids = g_array_copy (old_ids);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == item_id)
      from = i;
  g_assert (from != G_MAXUINT);
  if (from == (guint) position - 1)
    return TRUE;
  g_array_remove_index (ids, from);
  g_array_insert_val (ids, position - 1, item_id);

  if (!renumber (tx, pd_agenda_item_get_meeting_id (item), old_ids, ids, error))
    return FALSE;
  if (frozen)
    {
      g_autofree char *what = g_strdup_printf (_("Item %u (%s) moved to %d"), from + 1,
                                               pd_agenda_item_get_title (item), position);

      return _pd_agenda_record_change (tx, pd_agenda_item_get_meeting_id (item), item_id, what, reason, error);
    }
  return TRUE;
}

gboolean
pd_agenda_move_item (PdTransaction  *tx,
                     gint64          item_id,
                     int             delta,
                     const char     *reason,
                     GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdAgendaItem) item = NULL;
  g_autoptr(GArray) ids = NULL;
  int target;

  item = pd_agenda_item_load (db, item_id, error);
  if (item == NULL)
    return FALSE;
  ids = ordered_ids (db, pd_agenda_item_get_meeting_id (item), error);
  if (ids == NULL)
    return FALSE;
  /* Positions may have gaps after a removal elsewhere: count places, not numbers. */
  target = 0;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == item_id)
      target = (int) i + 1 + delta;
  if (target < 1 || target > (int) ids->len)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   delta < 0 ? _("The item is already first on the agenda.")
                             : _("The item is already last on the agenda."));
      return FALSE;
    }
  return pd_agenda_move_item_to (tx, item_id, target, reason, error);
}

gboolean
pd_agenda_update_item (PdTransaction             *tx,
                       gint64                     item_id,
                       const PdAgendaItemFields  *fields,
                       const char                *reason,
                       GError                   **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdAgendaItem) item = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PdAgendaItemFields checked;
  gboolean frozen = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (fields != NULL, FALSE);

  item = pd_agenda_item_load (db, item_id, error);
  if (item == NULL)
    return FALSE;
  checked = *fields;
  checked.kind = pd_agenda_item_get_kind (item);
  checked.previous_meeting_id = 0;
  if (!check_fields (&checked, error) ||
      !check_links (db, &checked, error) ||
      !_pd_agenda_meeting_is_frozen (db, pd_agenda_item_get_meeting_id (item), &frozen, error) ||
      !_pd_agenda_check_reason (frozen, reason, error))
    return FALSE;

  before = pd_transaction_row_json (tx, "agenda_items", item_id, error);
  if (before == NULL)
    return FALSE;
  stmt = _pd_database_prepare (db,
                               "UPDATE agenda_items SET title = ?2, minutes = ?3, presenter_id = ?4 "
                               "WHERE id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, fields->title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, fields->minutes);
  if (fields->presenter_id > 0)
    sqlite3_bind_int64 (stmt, 4, fields->presenter_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  after = pd_transaction_row_json (tx, "agenda_items", item_id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "agenda_item", item_id, "update", before, after, error))
    return FALSE;
  if (frozen)
    {
      g_autofree char *what = g_strdup_printf (_("Item %d changed: %s, %d minutes"),
                                               pd_agenda_item_get_position (item), fields->title,
                                               fields->minutes);

      return _pd_agenda_record_change (tx, pd_agenda_item_get_meeting_id (item), item_id, what, reason, error);
    }
  return TRUE;
}

gboolean
pd_agenda_remove_item (PdTransaction  *tx,
                       gint64          item_id,
                       const char     *reason,
                       GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdAgendaItem) item = NULL;
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 meeting_id;
  gboolean frozen = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  item = pd_agenda_item_load (db, item_id, error);
  if (item == NULL)
    return FALSE;
  meeting_id = pd_agenda_item_get_meeting_id (item);
  if (!_pd_agenda_meeting_is_frozen (db, meeting_id, &frozen, error) ||
      !_pd_agenda_check_reason (frozen, reason, error))
    return FALSE;
  if (pd_agenda_item_is_withdrawn (item))
    return TRUE;

  before = pd_transaction_row_json (tx, "agenda_items", item_id, error);
  if (before == NULL)
    return FALSE;

  if (frozen)
    {
      g_autofree char *what = NULL;

      stmt = _pd_database_prepare (db, "UPDATE agenda_items SET withdrawn_at = ?2 WHERE id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _pd_database_fail (db, rc, error);
      after = pd_transaction_row_json (tx, "agenda_items", item_id, error);
      what = g_strdup_printf (_("Item %d withdrawn: %s"), pd_agenda_item_get_position (item),
                              pd_agenda_item_get_title (item));
      return after != NULL &&
             pd_transaction_audit (tx, "agenda_item", item_id, "withdraw", before, after, error) &&
             _pd_agenda_record_change (tx, meeting_id, item_id, what, reason, error);
    }

  old_ids = ordered_ids (db, meeting_id, error);
  if (old_ids == NULL)
    return FALSE;
  /* The item's papers stay in the store; the table unlinks them (ON DELETE SET NULL). */
  stmt = _pd_database_prepare (db, "DELETE FROM agenda_items WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  if (!pd_transaction_audit (tx, "agenda_item", item_id, "delete", before, NULL, error))
    return FALSE;

  ids = ordered_ids (db, meeting_id, error);
  return ids != NULL && renumber (tx, meeting_id, old_ids, ids, error);
}

int
pd_agenda_total_minutes (PdDatabase  *db,
                         gint64       meeting_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  int total = -1;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT coalesce(sum(minutes), 0) FROM agenda_items "
                               "WHERE meeting_id = ?1 AND withdrawn_at IS NULL;",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    total = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);
  return total;
}
