/* pd-decision-log.c: finding records in the decision log, and a referral's audit trail
 *
 * The log is small next to the referrals (a record or two a referral), so
 * a plain scan with instr() serves the search; the user's text is only
 * ever bound, never written into the SQL.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-decision-log.h"
#include "pd-referral.h"

/* Each filter's condition on d (decisions) and r (referrals). */
static const struct
{
  const char *filter;
  const char *where;
} filters[] = {
  { "awaiting",       "d.kind = 'decision' AND d.signature IS NULL" },
  { "signed",         "d.signature IS NOT NULL" },
  { "superseded",     "EXISTS (SELECT 1 FROM decisions n WHERE n.supersedes_id = d.id)" },
  { "recommendation", "d.kind = 'recommendation'" },
  { "decision",       "d.kind = 'decision'" },
};

gboolean
pd_decision_log_set_query (PdRecordList             *list,
                           const PdDecisionLogQuery *query,
                           GError                  **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *needle = g_strstrip (g_strdup (query->text != NULL ? query->text : ""));
  g_autofree char *chair = query->chair_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, query->chair_id) : g_strdup ("");
  const char *where = "1";

  g_return_val_if_fail (PD_IS_RECORD_LIST (list), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (query->state != NULL && *query->state != '\0')
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (filters); i++)
        if (g_strcmp0 (filters[i].filter, query->state) == 0)
          break;
      if (i == G_N_ELEMENTS (filters))
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("“%s” is not a filter of the decision log."),
                       query->state);
          return FALSE;
        }
      where = filters[i].where;
    }
  /* A mistyped day would silently show nothing; say so instead. */
  if ((query->from != NULL && *query->from != '\0' && !pd_date_is_valid (query->from)) ||
      (query->to != NULL && *query->to != '\0' && !pd_date_is_valid (query->to)))
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_INVALID, _("Give the dates as YYYY-MM-DD, for example 2026-03-31."));
      return FALSE;
    }

  sql = g_strdup_printf ("SELECT d.id FROM decisions d JOIN referrals r ON r.id = d.referral_id "
                         "WHERE (%s) "
                         "  AND (?1 = '' OR instr(lower(r.reference), lower(?1)) > 0 "
                         "       OR instr(lower(r.pseudonym), lower(?1)) > 0) "
                         "  AND (?2 = '' OR d.outcome = ?2) "
                         "  AND (?3 = '' OR (d.kind = 'decision' AND d.made_by = CAST(?3 AS INTEGER))) "
                         "  AND (?4 = '' OR substr(d.made_at, 1, 10) >= ?4) "
                         "  AND (?5 = '' OR substr(d.made_at, 1, 10) <= ?5) "
                         "ORDER BY d.made_at DESC, d.id DESC;", where);
  {
    const char *params[] = {
      needle, query->outcome != NULL ? query->outcome : "", chair,
      query->from != NULL ? query->from : "", query->to != NULL ? query->to : "", NULL
    };

    return pd_record_list_set_query (list, sql, params, error);
  }
}

gboolean
pd_decision_log_set_filter (PdRecordList  *list,
                            const char    *filter,
                            const char    *text,
                            GError       **error)
{
  PdDecisionLogQuery query = { .text = text };

  if (filter != NULL && g_str_has_prefix (filter, "outcome:"))
    query.outcome = filter + strlen ("outcome:");
  else
    query.state = filter;
  return pd_decision_log_set_query (list, &query, error);
}

gint64
pd_decision_log_count_awaiting (PdDatabase  *db,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), -1);

  stmt = _pd_database_prepare (db, "SELECT count(*) FROM decisions WHERE kind = 'decision' AND signature IS NULL;",
                               error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);
  return count;
}

GArray *
pd_decision_log_list_for_referral (PdDatabase  *db,
                                   gint64       referral_id,
                                   const char  *kind,
                                   GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db,
                               "SELECT id FROM decisions WHERE referral_id = ?1 AND kind = ?2 "
                               "ORDER BY made_at DESC, id DESC;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  _pd_bind_text (stmt, 2, kind);
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

void
pd_audit_entry_free (PdAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->who);
  g_free (entry->machine);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->before_json);
  g_free (entry->after_json);
  g_free (entry);
}

GPtrArray *
pd_decision_log_audit_trail (PdDatabase  *db,
                             gint64       referral_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  /* A deleted recommendation is gone from decisions but not from the log:
   * its audit rows name the referral in their before_json. */
  stmt = _pd_database_prepare (db,
                               "SELECT a.at, coalesce(p.display_name, a.login_name), a.machine, a.entity, "
                               "       a.entity_id, a.action, a.before_json, a.after_json "
                               "FROM audit_log a LEFT JOIN people p ON p.id = a.person_id "
                               "WHERE (a.entity = 'referral' AND a.entity_id = ?1) "
                               "   OR (a.entity IN ('decision', 'national_panel_notification') AND "
                               "       (a.entity_id IN (SELECT id FROM decisions WHERE referral_id = ?1) "
                               "        OR json_extract(coalesce(a.after_json, a.before_json), '$.referral_id') = ?1)) "
                               "ORDER BY a.id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdAuditEntry *entry = g_new0 (PdAuditEntry, 1);

      entry->at = _pd_column_dup (stmt, 0);
      entry->who = _pd_column_dup (stmt, 1);
      entry->machine = _pd_column_dup (stmt, 2);
      entry->entity = _pd_column_dup (stmt, 3);
      entry->entity_id = sqlite3_column_int64 (stmt, 4);
      entry->action = _pd_column_dup (stmt, 5);
      entry->before_json = _pd_column_dup (stmt, 6);
      entry->after_json = _pd_column_dup (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
