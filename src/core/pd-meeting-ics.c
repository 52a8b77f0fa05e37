/* pd-meeting-ics.c: panel meetings as an iCalendar (.ics) file, RFC 5545
 *
 * Members put the panel's dates in their own calendars. Times are written
 * in UTC ("Z"), which every calendar understands without a time zone
 * table. The agenda goes in the description, but an item about a referral
 * is named by its reference only ("Referral PRP-2026-014"), never by the
 * child's pseudonym: calendars are shared and synced far more widely than
 * the database.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-meeting.h"
#include "pd-meeting-ics.h"

#define FOLD_OCTETS 75

/* Escapes TEXT values: backslash, semicolon, comma and newlines. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ';':  g_string_append (out, "\\;"); break;
      case ',':  g_string_append (out, "\\,"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': break;
      default:   g_string_append_c (out, *p);
      }
}

/* Appends one content line, folded so no line is longer than 75 octets,
 * never inside a UTF-8 character. */
static void
append_line (GString    *ics,
             const char *line)
{
  gsize length = strlen (line);
  gsize start = 0;
  gsize limit = FOLD_OCTETS;

  while (length - start > limit)
    {
      gsize end = start + limit;

      while (end > start && (line[end] & 0xC0) == 0x80)
        end--;
      g_string_append_len (ics, line + start, end - start);
      g_string_append (ics, "\r\n ");
      start = end;
      limit = FOLD_OCTETS - 1;  /* the leading space counts */
    }
  g_string_append (ics, line + start);
  g_string_append (ics, "\r\n");
}

static void
append_property (GString    *ics,
                 const char *name,
                 const char *value)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  append_escaped (line, value);
  append_line (ics, line->str);
}

/* "2026-03-31T10:00:00Z" as "20260331T100000Z". */
static char *
ics_moment (const char *iso)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) utc = NULL;

  if (moment == NULL)
    return NULL;
  utc = g_date_time_to_utc (moment);
  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static char *
agenda_text (PdDatabase  *db,
             gint64       meeting_id,
             GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT a.title, r.reference, a.position FROM agenda_items a "
                               "LEFT JOIN referrals r ON r.id = a.referral_id "
                               "WHERE a.meeting_id = ?1 AND a.withdrawn_at IS NULL ORDER BY a.position;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reference = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *item = reference != NULL
                              /* Translators: an agenda item in a calendar event, e.g. "Referral PRP-2026-014" */
                              ? g_strdup_printf (_("Referral %s"), reference)
                              : g_strdup ((const char *) sqlite3_column_text (stmt, 0));

      /* The agenda's own numbers, which a withdrawn item does not change. */
      g_string_append_printf (text, "%s%d. %s", text->len > 0 ? "\n" : "", sqlite3_column_int (stmt, 2), item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
first_ledger_token (PdDatabase  *db,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  char *token = NULL;
  int rc;

  stmt = _pd_database_prepare (db, "SELECT token FROM ledger ORDER BY seq LIMIT 1;", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    token = _pd_column_dup (stmt, 0);
  else if (rc == SQLITE_DONE)
    token = g_strdup ("0");
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _pd_database_fail (db, rc, error);
  return token;
}

char *
pd_meeting_ics_export (PdDatabase  *db,
                       gint64       meeting_id,
                       int          year,
                       GError     **error)
{
  g_autoptr(GString) ics = g_string_new (NULL);
  g_autofree char *stamp = NULL;
  g_autofree char *database_token = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *year_from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *year_to = g_strdup_printf ("%04d-01-01", year + 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db,
                               "SELECT id FROM meetings WHERE (?1 > 0 AND id = ?1) "
                               "   OR (?1 = 0 AND starts_at >= ?2 AND starts_at < ?3) "
                               "ORDER BY starts_at, id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_text (stmt, 2, year_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, year_to, -1, SQLITE_STATIC);
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
  if (meeting_id > 0 && ids->len == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("The meeting was not found; someone may have deleted it."));
      return NULL;
    }

  database_token = first_ledger_token (db, error);
  if (database_token == NULL)
    return NULL;
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  append_line (ics, "BEGIN:VCALENDAR");
  append_line (ics, "VERSION:2.0");
  append_line (ics, "PRODID:-//Panel Desk//Panel Desk " PACKAGE_VERSION "//EN");
  append_line (ics, "CALSCALE:GREGORIAN");
  append_line (ics, "METHOD:PUBLISH");

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(PdMeeting) meeting = pd_meeting_load (db, id, error);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *agenda = NULL;
      g_autofree char *uid = NULL;
      g_autofree char *description = NULL;
      const char *status = NULL;

      if (meeting == NULL)
        return NULL;
      agenda = agenda_text (db, id, error);
      if (agenda == NULL)
        return NULL;
      start = ics_moment (pd_meeting_get_starts_at (meeting));
      end = ics_moment (pd_meeting_get_ends_at (meeting));
      if (start == NULL || end == NULL)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("The meeting “%s” has a start or end time that is not a real time."),
                       pd_meeting_get_title (meeting));
          return NULL;
        }
      /* The row and the database's first commit token: the same in every
       * export, and different from another panel's meeting with that id. */
      uid = g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-%s@paneldesk", id, database_token);
      status = g_strcmp0 (pd_meeting_get_status (meeting), "draft") == 0 ? "TENTATIVE" : "CONFIRMED";
      description = *pd_meeting_get_chair_name (meeting) != '\0'
                    /* Translators: the start of a calendar event's description; %s is the chair's name */
                    ? g_strdup_printf (_("Chair: %s"), pd_meeting_get_chair_name (meeting))
                    : g_strdup ("");
      if (*agenda != '\0')
        {
          char *with_agenda = g_strdup_printf ("%s%s%s\n%s", description, *description ? "\n\n" : "",
                                               _("Agenda:"), agenda);
          g_free (description);
          description = with_agenda;
        }

      append_line (ics, "BEGIN:VEVENT");
      append_property (ics, "UID", uid);
      append_property (ics, "DTSTAMP", stamp);
      append_property (ics, "DTSTART", start);
      append_property (ics, "DTEND", end);
      append_property (ics, "SUMMARY", pd_meeting_get_title (meeting));
      if (*pd_meeting_get_place (meeting) != '\0')
        append_property (ics, "LOCATION", pd_meeting_get_place (meeting));
      else if (*pd_meeting_get_video_link (meeting) != '\0')
        append_property (ics, "LOCATION", pd_meeting_get_video_link (meeting));
      /* A URI value is not escaped as text is: only links that need no escaping. */
      if (*pd_meeting_get_video_link (meeting) != '\0' &&
          strpbrk (pd_meeting_get_video_link (meeting), ",;\\\n") == NULL)
        append_property (ics, "URL", pd_meeting_get_video_link (meeting));
      if (*description != '\0')
        append_property (ics, "DESCRIPTION", description);
      append_property (ics, "STATUS", status);
      append_property (ics, "CLASS", "CONFIDENTIAL");
      append_line (ics, "END:VEVENT");
    }

  append_line (ics, "END:VCALENDAR");
  return g_string_free (g_steal_pointer (&ics), FALSE);
}
