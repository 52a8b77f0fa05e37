/* meetings-fixture.c: a database with people, referrals and a meeting two
 * weeks ahead, and the small writes the meetings tests share */
#include <string.h>

#include "meetings-fixture.h"
#include "pd-test-util.h"

/* A moment @days from now, in UTC. */
char *
moment_in (int days,
           int hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:00:00Z", g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day), hour);
}

static gboolean
set_up_cb (PdTransaction  *tx,
           gpointer        user_data,
           GError        **error)
{
  Fixture *fixture = user_data;
  g_autofree char *starts = moment_in (14, 10);
  g_autofree char *ends = moment_in (14, 13);
  PdMeetingFields meeting = {
    .title = "Practice Review Panel",
    .starts_at = starts,
    .ends_at = ends,
    .place = "Committee Room 2",
    .video_link = "https://meet.example.org/prp",
  };
  const char *pseudonyms[] = { "Child A", "Child B", "Child C", "Child D" };

  fixture->chair_id = pd_person_insert (tx, "chair", "Dr Ann Chair", "Independent", PD_ROLE_CHAIR, error);
  fixture->police_id = pd_person_insert (tx, "police", "DI Pat Police", "Police", PD_ROLE_MEMBER, error);
  fixture->health_id = pd_person_insert (tx, "health", "Sam Health", "Health", PD_ROLE_MEMBER, error);
  fixture->education_id = pd_person_insert (tx, "education", "Jo Education", "Education", PD_ROLE_MEMBER, error);
  fixture->social_care_id = pd_person_insert (tx, "csc", "Lee Social Care", "Children's social care",
                                              PD_ROLE_MEMBER, error);
  if (fixture->social_care_id == 0)
    return FALSE;
  meeting.chair_id = fixture->chair_id;
  for (guint i = 0; i < G_N_ELEMENTS (pseudonyms); i++)
    {
      g_autofree char *received = g_strdup_printf ("2026-0%u-01", i + 1);
      PdReferralFields referral = { .pseudonym = pseudonyms[i], .date_received = received };

      fixture->referral_ids[i] = pd_referral_insert (tx, &referral, NULL, error);
      if (fixture->referral_ids[i] == 0)
        return FALSE;
    }
  fixture->meeting_id = pd_meeting_insert (tx, &meeting, error);
  return fixture->meeting_id != 0;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("panel-desk-test-meetings-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "meetings.paneldesk", NULL);
  fixture->db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pd_database_write (fixture->db, "Test meeting", set_up_cb, fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &fixture->handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  sqlite3_close (fixture->handle);
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

typedef struct
{
  Step      step;
  Fixture  *fixture;
  gpointer  data;
} StepCall;

static gboolean
step_cb (PdTransaction  *tx,
         gpointer        user_data,
         GError        **error)
{
  StepCall *call = user_data;

  return call->step (tx, call->fixture, call->data, error);
}

gboolean
run (Fixture   *fixture,
     Step       step,
     gpointer   data,
     GError   **error)
{
  StepCall call = { step, fixture, data };

  return pd_database_write (fixture->db, "Test step", step_cb, &call, NULL, error);
}

/* The agenda's titles in order, as "A|B|C". */
char *
agenda_titles (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pd_agenda_item_list_load (fixture->db, fixture->meeting_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      PdAgendaItem *item = items->pdata[i];

      /* Numbering follows the order, without gaps. */
      g_assert_cmpint (pd_agenda_item_get_position (item), ==, (int) i + 1);
      g_string_append_printf (out, "%s%s%s", i ? "|" : "", pd_agenda_item_get_title (item),
                              pd_agenda_item_is_withdrawn (item) ? " (withdrawn)" : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gint64
item_id_at (Fixture *fixture,
            int      position)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM agenda_items WHERE meeting_id = %" G_GINT64_FORMAT
                                          " AND position = %d;", fixture->meeting_id, position);

  return pd_test_query_int (fixture->handle, sql);
}

gboolean
add_basic_agenda (PdTransaction  *tx,
                  Fixture        *fixture,
                  gpointer        data,
                  GError        **error)
{
  static const char *titles[] = { "Apologies", "Minutes", "AOB" };
  static const char *kinds[] = { "apologies", "minutes", "other" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      PdAgendaItemFields fields = { .kind = kinds[i], .title = titles[i], .minutes = 10 };

      if (pd_agenda_add_item (tx, fixture->meeting_id, &fields, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
move_step (PdTransaction  *tx,
           Fixture        *fixture,
           gpointer        data,
           GError        **error)
{
  Move *move = data;

  if (move->position > 0)
    return pd_agenda_move_item_to (tx, move->item_id, move->position, move->reason, error);
  return pd_agenda_move_item (tx, move->item_id, move->delta, move->reason, error);
}

gboolean
remove_step (PdTransaction  *tx,
             Fixture        *fixture,
             gpointer        data,
             GError        **error)
{
  Move *move = data;

  return pd_agenda_remove_item (tx, move->item_id, move->reason, error);
}

gboolean
add_awaiting_step (PdTransaction  *tx,
                   Fixture        *fixture,
                   gpointer        data,
                   GError        **error)
{
  return pd_agenda_add_awaiting_referrals (tx, fixture->meeting_id, 20, NULL, data, error);
}

gboolean
publish_step (PdTransaction  *tx,
              Fixture        *fixture,
              gpointer        data,
              GError        **error)
{
  return pd_meeting_set_status (tx, fixture->meeting_id, data ? data : "agenda_published", error);
}

gboolean
insert_meeting_step (PdTransaction  *tx,
                     Fixture        *fixture,
                     gpointer        data,
                     GError        **error)
{
  return pd_meeting_insert (tx, data, error) != 0;
}

gboolean
attend_step (PdTransaction  *tx,
             Fixture        *fixture,
             gpointer        data,
             GError        **error)
{
  Attend *attend = data;

  for (; attend->attendance != NULL; attend++)
    if (!pd_meeting_set_attendance (tx, fixture->meeting_id, attend->person_id, attend->attendance, error))
      return FALSE;
  return TRUE;
}
