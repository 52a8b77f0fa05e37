/* test-meetings.c: meetings: validation and overlaps, attendance and
 * quorum, declarations of interest, updates and links */
#include <string.h>

#include "meetings-fixture.h"
#include "pd-test-util.h"

static void
test_meeting_validation (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) overlapping = NULL;
  g_autofree char *past_start = moment_in (-3, 10);
  g_autofree char *past_end = moment_in (-3, 12);
  g_autofree char *soon_start = moment_in (14, 12);
  g_autofree char *soon_end = moment_in (14, 15);
  g_autofree char *later = moment_in (14, 16);
  PdMeetingFields fields = { .title = "Extra panel", .starts_at = past_start, .ends_at = past_end };

  g_assert_false (run (fixture, insert_meeting_step, &fields, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "in the past"));
  g_clear_error (&error);
  fields.allow_past = TRUE;
  g_assert_true (run (fixture, insert_meeting_step, &fields, &error));
  g_assert_no_error (error);

  fields.starts_at = later;
  fields.ends_at = soon_end;
  g_assert_false (run (fixture, insert_meeting_step, &fields, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ends before it starts"));
  g_clear_error (&error);

  /* A new meeting begins as a draft, unless it is being recorded after the fact. */
  {
    g_autofree char *next_start = moment_in (40, 10);
    g_autofree char *next_end = moment_in (40, 12);
    PdMeetingFields published = { .title = "Next panel", .starts_at = next_start, .ends_at = next_end,
                                  .status = "agenda_published" };

    g_assert_false (run (fixture, insert_meeting_step, &published, &error));
    g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "draft"));
    g_clear_error (&error);
    published.status = "adjourned";
    g_assert_false (run (fixture, insert_meeting_step, &published, &error));
    g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
    g_clear_error (&error);
  }

  fields.starts_at = "next Tuesday";
  g_assert_false (run (fixture, insert_meeting_step, &fields, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  /* 12:00–15:00 overlaps the fixture's 10:00–13:00; 13:00–16:00 touches it only. */
  overlapping = pd_meeting_list_overlapping (fixture->db, soon_start, soon_end, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overlapping->len, ==, 1);
  g_assert_cmpint (g_array_index (overlapping, gint64, 0), ==, fixture->meeting_id);
  g_clear_pointer (&overlapping, g_array_unref);
  {
    g_autofree char *one = moment_in (14, 13);

    overlapping = pd_meeting_list_overlapping (fixture->db, one, later, 0, &error);
    g_assert_cmpuint (overlapping->len, ==, 0);
    g_clear_pointer (&overlapping, g_array_unref);
  }
  overlapping = pd_meeting_list_overlapping (fixture->db, soon_start, soon_end, fixture->meeting_id, &error);
  g_assert_cmpuint (overlapping->len, ==, 0);
}

static gboolean
rule_step (PdTransaction  *tx,
           Fixture        *fixture,
           gpointer        data,
           GError        **error)
{
  return pd_quorum_rule_save (tx, data, error);
}

static gboolean
invite_panel_step (PdTransaction  *tx,
                   Fixture        *fixture,
                   gpointer        data,
                   GError        **error)
{
  return pd_meeting_invite_panel (tx, fixture->meeting_id, data, error);
}

static void
test_quorum (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  PdQuorum quorum;
  PdQuorumRule rule;
  Attend first[] = {
    { fixture->chair_id, "present" },
    { fixture->police_id, "present" },
    { fixture->health_id, "present" },
    { fixture->education_id, "apologies" },
    { 0, NULL },
  };
  Attend second[] = { { fixture->social_care_id, "present" }, { 0, NULL } };
  Attend chair_leaves[] = { { fixture->chair_id, "absent" }, { 0, NULL } };
  Attend bad[] = { { fixture->police_id, "maybe" }, { 0, NULL } };

  /* The default rule: the chair plus three agencies. */
  pd_quorum_rule_load (fixture->db, &rule);
  g_assert_true (rule.chair_required);
  g_assert_cmpint (rule.min_agencies, ==, 3);

  /* The whole panel invited in one step: the chair and the four members. */
  {
    guint n_invited = 0;

    g_assert_true (run (fixture, invite_panel_step, &n_invited, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_invited, ==, 5);
    g_assert_true (run (fixture, invite_panel_step, &n_invited, &error));
    g_assert_cmpuint (n_invited, ==, 0);
  }

  g_assert_true (run (fixture, attend_step, first, &error));
  g_assert_no_error (error);
  g_assert_true (pd_meeting_check_quorum (fixture->db, fixture->meeting_id, &quorum, &error));
  g_assert_false (quorum.met);
  g_assert_true (quorum.chair_present);
  g_assert_cmpuint (quorum.n_agencies, ==, 2);
  g_assert_cmpstr (quorum.agencies, ==, "Health, Police");
  g_assert_nonnull (strstr (quorum.explanation, "2 of the 3 agencies"));
  pd_quorum_clear (&quorum);

  g_assert_true (run (fixture, attend_step, second, &error));
  g_assert_true (pd_meeting_check_quorum (fixture->db, fixture->meeting_id, &quorum, &error));
  g_assert_true (quorum.met);
  g_assert_nonnull (strstr (quorum.explanation, "Quorum met"));
  pd_quorum_clear (&quorum);

  g_assert_true (run (fixture, attend_step, chair_leaves, &error));
  g_assert_true (pd_meeting_check_quorum (fixture->db, fixture->meeting_id, &quorum, &error));
  g_assert_false (quorum.met);
  g_assert_nonnull (strstr (quorum.explanation, "chair is not present"));
  pd_quorum_clear (&quorum);

  /* The rule is the database's: without the chair and with two agencies it is met. */
  rule.chair_required = FALSE;
  rule.min_agencies = 2;
  g_assert_true (run (fixture, rule_step, &rule, &error));
  g_assert_true (pd_meeting_check_quorum (fixture->db, fixture->meeting_id, &quorum, &error));
  g_assert_true (quorum.met);
  pd_quorum_clear (&quorum);
  g_assert_cmpint (pd_test_query_int (fixture->handle,
                                      "SELECT value FROM settings WHERE key = 'quorum_min_agencies';"), ==, 2);

  g_assert_false (run (fixture, attend_step, bad, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  members = pd_meeting_list_members (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 5);
  /* The chair first. */
  g_assert_cmpint (((PdMeetingMember *) members->pdata[0])->person_id, ==, fixture->chair_id);
  g_assert_cmpstr (((PdMeetingMember *) members->pdata[0])->attendance, ==, "absent");
}

typedef struct { gint64 item_id; gint64 person_id; const char *nature; } Declare;

static gboolean
declare_step (PdTransaction  *tx,
              Fixture        *fixture,
              gpointer        data,
              GError        **error)
{
  Declare *declare = data;

  return pd_conflict_declare (tx, declare->item_id, declare->person_id, declare->nature, error) != 0;
}

static void
test_conflicts (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) on_item = NULL;
  g_autoptr(GPtrArray) on_meeting = NULL;
  guint n_added = 0;
  Declare declare;

  g_assert_true (run (fixture, add_awaiting_step, &n_added, &error));
  declare = (Declare) { item_id_at (fixture, 2), fixture->health_id, "Was the family's health visitor" };
  g_assert_true (run (fixture, declare_step, &declare, &error));
  g_assert_no_error (error);
  declare = (Declare) { item_id_at (fixture, 2), fixture->police_id, "Line manager of the investigating officer" };
  g_assert_true (run (fixture, declare_step, &declare, &error));
  declare = (Declare) { item_id_at (fixture, 4), fixture->health_id, "Knows the family" };
  g_assert_true (run (fixture, declare_step, &declare, &error));
  /* Declared again: the wording is replaced, not doubled. */
  declare.nature = "Knows the family socially";
  g_assert_true (run (fixture, declare_step, &declare, &error));

  declare.nature = "  ";
  g_assert_false (run (fixture, declare_step, &declare, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  on_item = pd_conflict_list (fixture->db, 0, item_id_at (fixture, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_item->len, ==, 2);
  g_assert_cmpstr (((PdConflict *) on_item->pdata[0])->person_name, ==, "DI Pat Police");
  on_meeting = pd_conflict_list (fixture->db, fixture->meeting_id, 0, &error);
  g_assert_cmpuint (on_meeting->len, ==, 3);
  g_assert_cmpint (((PdConflict *) on_meeting->pdata[2])->item_position, ==, 4);
  g_assert_cmpstr (((PdConflict *) on_meeting->pdata[2])->nature, ==, "Knows the family socially");
  g_assert_cmpint (pd_test_query_int (fixture->handle,
                                      "SELECT count(*) FROM audit_log WHERE entity = 'conflict_declaration';"),
                   ==, 4);
}

static gboolean
update_meeting_step (PdTransaction  *tx,
                     Fixture        *fixture,
                     gpointer        data,
                     GError        **error)
{
  return pd_meeting_update (tx, fixture->meeting_id, data, error);
}

typedef struct { gint64 presenter_id; gint64 previous_id; gint64 item_id; } Links;

static gboolean
links_step (PdTransaction  *tx,
            Fixture        *fixture,
            gpointer        data,
            GError        **error)
{
  Links *links = data;
  PdAgendaItemFields fields = { .kind = "minutes", .title = "Minutes of the last meeting", .minutes = 5,
                                .presenter_id = links->presenter_id, .previous_meeting_id = links->previous_id };

  links->item_id = pd_agenda_add_item (tx, fixture->meeting_id, &fields, NULL, error);
  return links->item_id != 0;
}

static gboolean
uninvite_step (PdTransaction  *tx,
               Fixture        *fixture,
               gpointer        data,
               GError        **error)
{
  return pd_meeting_uninvite (tx, fixture->meeting_id, GPOINTER_TO_INT (data), error);
}

static gboolean
invite_step (PdTransaction  *tx,
             Fixture        *fixture,
             gpointer        data,
             GError        **error)
{
  return pd_meeting_invite (tx, fixture->meeting_id, GPOINTER_TO_INT (data), error);
}

static gboolean
notes_step (PdTransaction  *tx,
            Fixture        *fixture,
            gpointer        data,
            GError        **error)
{
  return pd_agenda_set_notes (tx, item_id_at (fixture, 1), data, error);
}

static void
test_update_and_links (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdMeeting) meeting = NULL;
  g_autoptr(PdAgendaItem) item = NULL;
  g_autofree char *earlier_start = moment_in (-30, 10);
  g_autofree char *earlier_end = moment_in (-30, 12);
  g_autofree char *starts = moment_in (21, 9);
  g_autofree char *ends = moment_in (21, 11);
  PdMeetingFields earlier = { .title = "Last month's panel", .starts_at = earlier_start,
                              .ends_at = earlier_end, .allow_past = TRUE };
  PdMeetingFields moved = { .title = "Practice Review Panel (moved)", .starts_at = starts, .ends_at = ends,
                            .video_link = "https://meet.example.org/prp2", .chair_id = fixture->chair_id };
  Links links = { fixture->health_id, 0, 0 };
  gint64 earlier_id;
  Attend present[] = { { fixture->police_id, "present" }, { 0, NULL } };

  /* An update is validated as an insert is, and audited. */
  g_assert_true (run (fixture, update_meeting_step, &moved, &error));
  g_assert_no_error (error);
  meeting = pd_meeting_load (fixture->db, fixture->meeting_id, &error);
  g_assert_cmpstr (pd_meeting_get_title (meeting), ==, "Practice Review Panel (moved)");
  g_assert_cmpint (pd_meeting_get_length_minutes (meeting), ==, 120);
  g_assert_cmpint (pd_meeting_get_chair_id (meeting), ==, fixture->chair_id);
  moved.ends_at = starts;
  g_assert_false (run (fixture, update_meeting_step, &moved, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  moved.ends_at = ends;
  moved.video_link = "meet me in the car park";
  g_assert_false (run (fixture, update_meeting_step, &moved, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  moved.video_link = NULL;
  moved.chair_id = 424242;
  g_assert_false (run (fixture, update_meeting_step, &moved, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_query_int (fixture->handle,
                                      "SELECT count(*) FROM audit_log WHERE entity = 'meeting' "
                                      "AND action = 'update';"), ==, 1);

  /* A minutes item approves the meeting before, found by itself. */
  g_assert_true (run (fixture, insert_meeting_step, &earlier, &error));
  earlier_id = pd_test_query_int (fixture->handle, "SELECT max(id) FROM meetings;");
  g_assert_true (run (fixture, links_step, &links, &error));
  g_assert_no_error (error);
  item = pd_agenda_item_load (fixture->db, links.item_id, &error);
  g_assert_cmpint (pd_agenda_item_get_previous_meeting_id (item), ==, earlier_id);
  g_assert_cmpstr (pd_agenda_item_get_presenter_name (item), ==, "Sam Health");

  /* A presenter not in the people list, a previous meeting not there, its own minutes. */
  links.presenter_id = 424242;
  g_assert_false (run (fixture, links_step, &links, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_NO_RECORD);
  g_assert_nonnull (strstr (error->message, "presenter"));
  g_clear_error (&error);
  links = (Links) { 0, 424242, 0 };
  g_assert_false (run (fixture, links_step, &links, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_NO_RECORD);
  g_clear_error (&error);
  links = (Links) { 0, fixture->meeting_id, 0 };
  g_assert_false (run (fixture, links_step, &links, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  /* Invitations: taken back while no attendance is recorded, not after. */
  g_assert_true (run (fixture, invite_step, GINT_TO_POINTER ((int) fixture->health_id), &error));
  g_assert_true (run (fixture, uninvite_step, GINT_TO_POINTER ((int) fixture->health_id), &error));
  g_assert_no_error (error);
  g_assert_true (run (fixture, attend_step, present, &error));
  g_assert_false (run (fixture, uninvite_step, GINT_TO_POINTER ((int) fixture->police_id), &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (run (fixture, invite_step, GINT_TO_POINTER (424242), &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* Once the minutes are approved, what was recorded stays as it is. */
  g_assert_true (run (fixture, notes_step, "Agreed.", &error));
  g_assert_true (run (fixture, publish_step, "minutes_approved", &error));
  g_assert_no_error (error);
  g_assert_false (run (fixture, notes_step, "Changed afterwards", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "approved"));
  g_clear_error (&error);
  present[0].attendance = "absent";
  g_assert_false (run (fixture, attend_step, present, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/meetings/validation", test_meeting_validation);
  ADD ("/meetings/quorum", test_quorum);
  ADD ("/meetings/conflicts", test_conflicts);
  ADD ("/meetings/update-and-links", test_update_and_links);
#undef ADD

  return g_test_run ();
}
