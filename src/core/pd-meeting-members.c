/* pd-meeting-members.c: who is invited to a meeting, who came, and the quorum */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "pd-agenda-private.h"
#include "pd-database-private.h"
#include "pd-meeting-members.h"

#define QUORUM_CHAIR_KEY    "quorum_chair_required"
#define QUORUM_AGENCIES_KEY "quorum_min_agencies"

void
pd_meeting_member_free (PdMeetingMember *member)
{
  if (member == NULL)
    return;
  g_free (member->display_name);
  g_free (member->agency);
  g_free (member->role);
  g_free (member->attendance);
  g_free (member->arrived_at);
  g_free (member->left_at);
  g_free (member);
}

const char *
pd_attendance_to_label (const char *attendance)
{
  if (g_strcmp0 (attendance, "invited") == 0)
    return _("Invited");
  if (g_strcmp0 (attendance, "present") == 0)
    return _("Present");
  if (g_strcmp0 (attendance, "apologies") == 0)
    return _("Apologies");
  if (g_strcmp0 (attendance, "absent") == 0)
    return _("Absent");
  return attendance;
}

static gboolean
check_person_and_meeting (PdDatabase  *db,
                          gint64       meeting_id,
                          gint64       person_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean meeting = FALSE, person = FALSE;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT (SELECT count(*) FROM meetings WHERE id = ?1), "
                               "       (SELECT count(*) FROM people WHERE id = ?2);",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      meeting = sqlite3_column_int (stmt, 0) > 0;
      person = sqlite3_column_int (stmt, 1) > 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _pd_database_fail (db, rc, error);
  if (!meeting)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("The meeting was not found; someone may have deleted it."));
      return FALSE;
    }
  if (!person)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("That person is not in the people list."));
      return FALSE;
    }
  return TRUE;
}

static char *
member_json (PdTransaction  *tx,
             gint64          meeting_id,
             gint64          person_id)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  sqlite3_stmt *stmt;
  char *json = NULL;

  stmt = _pd_database_prepare (db,
                               "SELECT json_object('meeting_id', meeting_id, 'person_id', person_id, "
                               "  'attendance', attendance, 'arrived_at', arrived_at, 'left_at', left_at) "
                               "FROM meeting_members WHERE meeting_id = ?1 AND person_id = ?2;",
                               NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = _pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return json;
}

gboolean
pd_meeting_invite (PdTransaction  *tx,
                   gint64          meeting_id,
                   gint64          person_id,
                   GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!check_person_and_meeting (db, meeting_id, person_id, error))
    return FALSE;
  stmt = _pd_database_prepare (db,
                               "INSERT OR IGNORE INTO meeting_members (meeting_id, person_id, updated_at) "
                               "VALUES (?1, ?2, ?3);",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  if (sqlite3_changes (_pd_database_get_handle (db)) == 0)
    return TRUE;
  after = member_json (tx, meeting_id, person_id);
  return pd_transaction_audit (tx, "meeting_member", meeting_id, "invite", NULL, after, error);
}

gboolean
pd_meeting_invite_panel (PdTransaction  *tx,
                         gint64          meeting_id,
                         guint          *out_n_invited,
                         GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (out_n_invited != NULL)
    *out_n_invited = 0;
  stmt = _pd_database_prepare (db,
                               "SELECT p.id FROM people p, meetings m WHERE m.id = ?1 "
                               "  AND (p.id = m.chair_id OR (p.role = 'member' AND p.active = 1)) "
                               "  AND NOT EXISTS (SELECT 1 FROM meeting_members mm "
                               "                  WHERE mm.meeting_id = m.id AND mm.person_id = p.id) "
                               "ORDER BY p.id;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  for (guint i = 0; i < ids->len; i++)
    if (!pd_meeting_invite (tx, meeting_id, g_array_index (ids, gint64, i), error))
      return FALSE;
  if (out_n_invited != NULL)
    *out_n_invited = ids->len;
  return TRUE;
}

gboolean
pd_meeting_uninvite (PdTransaction  *tx,
                     gint64          meeting_id,
                     gint64          person_id,
                     GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *before = member_json (tx, meeting_id, person_id);
  sqlite3_stmt *stmt;
  int rc;

  if (before == NULL)
    return TRUE;
  stmt = _pd_database_prepare (db,
                               "DELETE FROM meeting_members WHERE meeting_id = ?1 AND person_id = ?2 "
                               "AND attendance = 'invited';",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  if (sqlite3_changes (_pd_database_get_handle (db)) == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Their attendance is already recorded; mark them absent instead of "
                     "taking the invitation back."));
      return FALSE;
    }
  return pd_transaction_audit (tx, "meeting_member", meeting_id, "uninvite", before, NULL, error);
}

gboolean
pd_meeting_set_attendance (PdTransaction  *tx,
                           gint64          meeting_id,
                           gint64          person_id,
                           const char     *attendance,
                           GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (g_strcmp0 (attendance, "invited") != 0 && g_strcmp0 (attendance, "present") != 0 &&
      g_strcmp0 (attendance, "apologies") != 0 && g_strcmp0 (attendance, "absent") != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Attendance is present, apologies or absent, not “%s”."),
                   attendance ? attendance : "");
      return FALSE;
    }
  if (!_pd_agenda_check_open_record (db, meeting_id, error) ||
      !pd_meeting_invite (tx, meeting_id, person_id, error))
    return FALSE;

  before = member_json (tx, meeting_id, person_id);
  /* During the meeting, coming and going is part of the minutes. */
  stmt = _pd_database_prepare (db,
                               "UPDATE meeting_members SET attendance = ?3, updated_at = ?4, "
                               "  arrived_at = CASE WHEN ?3 = 'present' AND attendance <> 'present' AND "
                               "    (SELECT status FROM meetings WHERE id = ?1) = 'in_progress' "
                               "    THEN ?4 ELSE arrived_at END, "
                               "  left_at = CASE WHEN ?3 = 'absent' AND attendance = 'present' AND "
                               "    (SELECT status FROM meetings WHERE id = ?1) = 'in_progress' "
                               "    THEN ?4 ELSE left_at END "
                               "WHERE meeting_id = ?1 AND person_id = ?2;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, attendance, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  after = member_json (tx, meeting_id, person_id);
  return pd_transaction_audit (tx, "meeting_member", meeting_id, "attendance", before, after, error);
}

GPtrArray *
pd_meeting_list_members (PdDatabase  *db,
                         gint64       meeting_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_meeting_member_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT p.id, p.display_name, p.agency, p.role, mm.attendance, "
                               "       mm.arrived_at, mm.left_at "
                               "FROM meeting_members mm JOIN people p ON p.id = mm.person_id "
                               "JOIN meetings m ON m.id = mm.meeting_id "
                               "WHERE mm.meeting_id = ?1 "
                               "ORDER BY p.id IS NOT m.chair_id, p.agency, p.display_name, p.id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdMeetingMember *member = g_new0 (PdMeetingMember, 1);

      member->person_id = sqlite3_column_int64 (stmt, 0);
      member->display_name = _pd_column_dup (stmt, 1);
      member->agency = _pd_column_dup (stmt, 2);
      member->role = _pd_column_dup (stmt, 3);
      member->attendance = _pd_column_dup (stmt, 4);
      member->arrived_at = _pd_column_dup (stmt, 5);
      member->left_at = _pd_column_dup (stmt, 6);
      g_ptr_array_add (members, member);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&members);
}

void
pd_quorum_rule_load (PdDatabase   *db,
                     PdQuorumRule *rule)
{
  g_autofree char *chair = pd_database_dup_setting (db, QUORUM_CHAIR_KEY, "1");
  g_autofree char *agencies = pd_database_dup_setting (db, QUORUM_AGENCIES_KEY, "3");

  rule->chair_required = g_strcmp0 (chair, "0") != 0;
  rule->min_agencies = CLAMP (atoi (agencies), 0, 100);
}

gboolean
pd_quorum_rule_save (PdTransaction       *tx,
                     const PdQuorumRule  *rule,
                     GError             **error)
{
  g_autofree char *agencies = NULL;
  g_autofree char *after = NULL;

  if (rule->min_agencies < 0 || rule->min_agencies > 100)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The quorum needs between 0 and 100 agencies."));
      return FALSE;
    }
  agencies = g_strdup_printf ("%d", rule->min_agencies);
  after = g_strdup_printf ("{\"chair_required\":%s,\"min_agencies\":%d}",
                           rule->chair_required ? "true" : "false", rule->min_agencies);
  return pd_transaction_set_setting (tx, QUORUM_CHAIR_KEY, rule->chair_required ? "1" : "0", error) &&
         pd_transaction_set_setting (tx, QUORUM_AGENCIES_KEY, agencies, error) &&
         pd_transaction_audit (tx, "setting", 0, "quorum_rule", NULL, after, error);
}

void
pd_quorum_clear (PdQuorum *quorum)
{
  g_clear_pointer (&quorum->agencies, g_free);
  g_clear_pointer (&quorum->explanation, g_free);
}

gboolean
pd_meeting_check_quorum (PdDatabase  *db,
                         gint64       meeting_id,
                         PdQuorum    *out_quorum,
                         GError     **error)
{
  g_autoptr(GPtrArray) agencies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) why = g_string_new (NULL);
  PdQuorumRule rule;
  gint64 chair_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  memset (out_quorum, 0, sizeof *out_quorum);
  pd_quorum_rule_load (db, &rule);

  stmt = _pd_database_prepare (db, "SELECT coalesce(chair_id, 0) FROM meetings WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    chair_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("The meeting was not found; someone may have deleted it."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _pd_database_fail (db, rc, error);

  /* Distinct agencies of those present other than the chair; an empty agency counts for nothing. */
  stmt = _pd_database_prepare (db,
                               "SELECT DISTINCT p.agency FROM meeting_members mm JOIN people p ON p.id = mm.person_id "
                               "WHERE mm.meeting_id = ?1 AND mm.attendance = 'present' AND p.id <> ?2 "
                               "  AND trim(p.agency) <> '' ORDER BY p.agency;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, chair_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (agencies, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  g_ptr_array_add (agencies, NULL);
  out_quorum->agencies = g_strjoinv (", ", (char **) agencies->pdata);
  out_quorum->n_agencies = agencies->len - 1;

  stmt = _pd_database_prepare (db,
                               "SELECT 1 FROM meeting_members WHERE meeting_id = ?1 AND person_id = ?2 "
                               "AND attendance = 'present';",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, chair_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  out_quorum->chair_present = chair_id > 0 && rc == SQLITE_ROW;

  out_quorum->met = (!rule.chair_required || out_quorum->chair_present) &&
                    out_quorum->n_agencies >= (guint) rule.min_agencies;

  if (out_quorum->met)
    g_string_append_printf (why, _("Quorum met: %u agencies present (%s); %d needed."),
                            out_quorum->n_agencies,
                            out_quorum->n_agencies ? out_quorum->agencies : _("none"),
                            rule.min_agencies);
  else
    {
      g_string_append (why, _("Quorum not met:"));
      if (rule.chair_required && chair_id == 0)
        g_string_append_printf (why, " %s", _("the meeting has no chair;"));
      else if (rule.chair_required && !out_quorum->chair_present)
        g_string_append_printf (why, " %s", _("the chair is not present;"));
      g_string_append_printf (why, _(" %u of the %d agencies needed are present (%s)."),
                              out_quorum->n_agencies, rule.min_agencies,
                              out_quorum->n_agencies ? out_quorum->agencies : _("none"));
    }
  out_quorum->explanation = g_string_free (g_steal_pointer (&why), FALSE);
  return TRUE;
}
