/* test-meeting-ics.c: the panel's meetings as an iCalendar file */
#include <string.h>

#include "pd-core.h"
#include "pd-test-util.h"

typedef struct
{
  char       *dir;
  PdDatabase *db;
  gint64      meeting_id;
} Fixture;

static gboolean
add_meetings (PdTransaction  *tx,
              gpointer        user_data,
              GError        **error)
{
  Fixture *fixture = user_data;
  PdReferralFields referral = {
    .pseudonym = "Child Q",
    .date_received = "2026-02-02",
  };
  PdMeetingFields meeting = {
    .title = "Practice Review Panel: extraordinary meeting about the réunion of agencies, "
             "with a title long enough to be folded more than once by the export",
    .starts_at = "2026-03-31T10:00:00Z",
    .ends_at = "2026-03-31T12:30:00Z",
    .place = "Room 4, Civic Centre; second floor",
    .allow_past = TRUE,
  };
  PdMeetingFields other_year = {
    .title = "Practice Review Panel",
    .starts_at = "2025-12-01T10:00:00Z",
    .ends_at = "2025-12-01T12:00:00Z",
    .allow_past = TRUE,
  };
  gint64 referral_id;

  referral_id = pd_referral_insert (tx, &referral, NULL, error);
  if (referral_id == 0)
    return FALSE;
  fixture->meeting_id = pd_meeting_insert (tx, &meeting, error);
  if (fixture->meeting_id == 0 ||
      pd_meeting_add_agenda_item (tx, fixture->meeting_id, "apologies", "Apologies, declarations",
                                  0, 5, error) == 0 ||
      pd_meeting_add_agenda_item (tx, fixture->meeting_id, "new_referral", "New referral: Child Q",
                                  referral_id, 15, error) == 0)
    return FALSE;
  return pd_meeting_insert (tx, &other_year, error) != 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("panel-desk-test-ics-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "ics.paneldesk", NULL);
  fixture->db = pd_database_open (path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pd_database_write (fixture->db, "Test meetings", add_meetings, fixture, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Undoes the line folding: CRLF followed by one space joins the lines. */
static char *
unfold (const char *ics)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = ics; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
        {
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_one_meeting (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = pd_meeting_ics_export (fixture->db, fixture->meeting_id, 0, &error);
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *uid;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));

  /* Every line ends in CRLF and is at most 75 octets, folded on a character. */
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }

  text = unfold (ics);
  g_assert_nonnull (strstr (text, "\r\nDTSTART:20260331T100000Z\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTEND:20260331T123000Z\r\n"));
  g_assert_nonnull (strstr (text, "LOCATION:Room 4\\, Civic Centre\\; second floor\r\n"));
  g_assert_nonnull (strstr (text, "réunion of agencies"));
  g_assert_nonnull (strstr (text, "1. Apologies\\, declarations\\n2. Referral PRP-2026-001"));
  g_assert_nonnull (strstr (text, "STATUS:TENTATIVE"));
  /* The child's pseudonym stays in the database. */
  g_assert_null (strstr (text, "Child Q"));
  g_assert_true (strstr (strstr (text, "BEGIN:VEVENT") + 1, "BEGIN:VEVENT") == NULL);

  /* The same UID each time, so calendars update instead of duplicating. */
  uid = strstr (text, "UID:");
  g_assert_nonnull (uid);
  second = pd_meeting_ics_export (fixture->db, fixture->meeting_id, 0, &error);
  g_assert_no_error (error);
  again = unfold (second);
  g_assert_true (strncmp (uid, strstr (again, "UID:"), strcspn (uid, "\r")) == 0);
}

static void
test_year (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *year_2026 = pd_meeting_ics_export (fixture->db, 0, 2026, &error);
  g_autofree char *year_2025 = NULL;
  g_autofree char *year_2030 = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (year_2026, "DTSTART:20260331T100000Z"));
  g_assert_null (strstr (year_2026, "DTSTART:20251201"));

  year_2025 = pd_meeting_ics_export (fixture->db, 0, 2025, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (year_2025, "DTSTART:20251201T100000Z"));

  /* A year without meetings is an empty calendar, not an error. */
  year_2030 = pd_meeting_ics_export (fixture->db, 0, 2030, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (year_2030, "BEGIN:VEVENT"));
}

static void
test_missing_meeting (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = pd_meeting_ics_export (fixture->db, 9999, 0, &error);

  g_assert_null (ics);
  g_assert_error (error, PD_ERROR, PD_ERROR_NO_RECORD);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meeting-ics/one-meeting", Fixture, NULL, fixture_set_up, test_one_meeting, fixture_tear_down);
  g_test_add ("/meeting-ics/year", Fixture, NULL, fixture_set_up, test_year, fixture_tear_down);
  g_test_add ("/meeting-ics/missing", Fixture, NULL, fixture_set_up, test_missing_meeting, fixture_tear_down);

  return g_test_run ();
}
