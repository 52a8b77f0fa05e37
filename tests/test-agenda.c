/* test-agenda.c: agendas: ordering and renumbering, bad input, a frozen agenda
 * and its addenda, and what is recorded at a meeting */
#include <string.h>

#include "meetings-fixture.h"
#include "pd-test-util.h"

static void
test_ordering (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  guint n_added = 0;
  Move move = { 0 };

  g_assert_true (run (fixture, add_basic_agenda, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (run (fixture, add_awaiting_step, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 4);

  titles = agenda_titles (fixture);
  g_assert_cmpstr (titles, ==, "Apologies|Minutes|AOB|New referral PRP-2026-001: Child A|"
                   "New referral PRP-2026-002: Child B|New referral PRP-2026-003: Child C|"
                   "New referral PRP-2026-004: Child D");
  g_clear_pointer (&titles, g_free);

  /* Running a second time adds nobody twice. */
  g_assert_true (run (fixture, add_awaiting_step, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);

  /* AOB to the end, step by step, and one up again (Alt+Down, Alt+Up). */
  move.item_id = item_id_at (fixture, 3);
  for (int i = 0; i < 4; i++)
    {
      move.delta = 1;
      g_assert_true (run (fixture, move_step, &move, &error));
      g_assert_no_error (error);
    }
  g_assert_false (run (fixture, move_step, &move, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already last"));
  g_clear_error (&error);

  move.item_id = item_id_at (fixture, 1);
  move.delta = -1;
  g_assert_false (run (fixture, move_step, &move, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  /* Child D to the top, then to position 3. */
  move.item_id = item_id_at (fixture, 6);
  move.position = 1;
  g_assert_true (run (fixture, move_step, &move, &error));
  move.position = 3;
  g_assert_true (run (fixture, move_step, &move, &error));
  g_assert_no_error (error);
  titles = agenda_titles (fixture);
  g_assert_cmpstr (titles, ==, "Apologies|Minutes|New referral PRP-2026-004: Child D|"
                   "New referral PRP-2026-001: Child A|New referral PRP-2026-002: Child B|"
                   "New referral PRP-2026-003: Child C|AOB");
  g_clear_pointer (&titles, g_free);

  move.position = 8;
  g_assert_false (run (fixture, move_step, &move, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  /* Removing a draft item closes the gap. */
  move.item_id = item_id_at (fixture, 2);
  g_assert_true (run (fixture, remove_step, &move, &error));
  g_assert_no_error (error);
  titles = agenda_titles (fixture);
  g_assert_cmpstr (titles, ==, "Apologies|New referral PRP-2026-004: Child D|"
                   "New referral PRP-2026-001: Child A|New referral PRP-2026-002: Child B|"
                   "New referral PRP-2026-003: Child C|AOB");

  /* The running total, against the meeting's three hours. */
  g_assert_cmpint (pd_agenda_total_minutes (fixture->db, fixture->meeting_id, &error), ==, 10 + 4 * 20 + 10);
  {
    g_autoptr(PdMeeting) meeting = pd_meeting_load (fixture->db, fixture->meeting_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pd_meeting_get_length_minutes (meeting), ==, 180);
    g_assert_cmpstr (pd_meeting_get_video_link (meeting), ==, "https://meet.example.org/prp");
  }

  /* Every reorder is audited with the order before and after. */
  g_assert_cmpint (pd_test_query_int (fixture->handle,
                                      "SELECT count(*) FROM audit_log WHERE entity = 'agenda' "
                                      "AND action = 'reorder';"), >=, 7);
  g_assert_cmpint (pd_test_query_int (fixture->handle,
                                      "SELECT count(*) FROM audit_log WHERE entity = 'agenda_item' "
                                      "AND action = 'create';"), ==, 7);
}

typedef struct { const char *kind; gint64 referral_id; } Link;

static gboolean
add_linked_step (PdTransaction  *tx,
                 Fixture        *fixture,
                 gpointer        data,
                 GError        **error)
{
  Link *link = data;
  PdAgendaItemFields fields = { .kind = link->kind, .title = "Linked", .referral_id = link->referral_id };

  return pd_agenda_add_item (tx, fixture->meeting_id, &fields, NULL, error) != 0;
}

static gboolean
decide_step (PdTransaction  *tx,
             Fixture        *fixture,
             gpointer        data,
             GError        **error)
{
  PdDecisionFields decision = {
    .referral_id = GPOINTER_TO_INT (data),
    .kind = "decision",
    .outcome = "no_review",
    .rationale = "The criteria are not met.",
  };

  return pd_decision_insert (tx, &decision, error) != 0;
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Link link = { "new_referral", 999999 };
  guint n_added = 0;

  /* An empty agenda cannot be published. */
  g_assert_false (run (fixture, publish_step, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "agenda is empty"));
  g_clear_error (&error);

  /* A referral that is not there (deleted). */
  g_assert_false (run (fixture, add_linked_step, &link, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_NO_RECORD);
  g_assert_nonnull (strstr (error->message, "no longer exists"));
  g_clear_error (&error);

  /* A referral already decided cannot come for a recommendation. */
  g_assert_true (run (fixture, decide_step, GINT_TO_POINTER ((int) fixture->referral_ids[1]), &error));
  g_assert_no_error (error);
  link.referral_id = fixture->referral_ids[1];
  g_assert_false (run (fixture, add_linked_step, &link, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already been decided"));
  g_clear_error (&error);
  /* … nor be picked up as awaiting. */
  g_assert_true (run (fixture, add_awaiting_step, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 3);

  /* Review progress needs a commissioned review. */
  link.kind = "review_progress";
  link.referral_id = fixture->referral_ids[0];
  g_assert_false (run (fixture, add_linked_step, &link, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no commissioned review"));
  g_clear_error (&error);

  /* A new referral item without a referral; the same referral twice. */
  link.kind = "new_referral";
  link.referral_id = 0;
  g_assert_false (run (fixture, add_linked_step, &link, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  link.referral_id = fixture->referral_ids[0];
  g_assert_false (run (fixture, add_linked_step, &link, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already on this agenda"));
  g_clear_error (&error);

  /* Nothing failed half-way: three items, numbered 1 to 3. */
  g_free (agenda_titles (fixture));
  g_assert_cmpint (pd_test_query_int (fixture->handle, "SELECT count(*) FROM agenda_items;"), ==, 3);
}

static gboolean
addendum_step (PdTransaction  *tx,
               Fixture        *fixture,
               gpointer        data,
               GError        **error)
{
  PdAgendaItemFields fields = { .kind = "other", .title = "Urgent: national panel letter", .minutes = 5 };

  return pd_agenda_add_item (tx, fixture->meeting_id, &fields, data, error) != 0;
}

static gboolean
update_step (PdTransaction  *tx,
             Fixture        *fixture,
             gpointer        data,
             GError        **error)
{
  PdAgendaItemFields fields = { .title = "Apologies and declarations", .minutes = 15 };

  return pd_agenda_update_item (tx, item_id_at (fixture, 1), &fields, data, error);
}

static void
test_freezing (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(PdMeeting) meeting = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *before = NULL;
  Move move = { 0 };

  g_assert_true (run (fixture, add_basic_agenda, NULL, &error));
  g_assert_true (run (fixture, publish_step, NULL, &error));
  g_assert_no_error (error);
  meeting = pd_meeting_load (fixture->db, fixture->meeting_id, &error);
  g_assert_true (pd_meeting_is_agenda_frozen (meeting));
  g_assert_nonnull (pd_meeting_get_agenda_published_at (meeting));
  before = agenda_titles (fixture);

  /* Silent changes are refused, and nothing changes. */
  g_assert_false (run (fixture, addendum_step, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "published"));
  g_clear_error (&error);
  g_assert_false (run (fixture, update_step, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  move.item_id = item_id_at (fixture, 3);
  move.delta = -1;
  g_assert_false (run (fixture, move_step, &move, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  move.reason = "";
  g_assert_false (run (fixture, remove_step, &move, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  titles = agenda_titles (fixture);
  g_assert_cmpstr (titles, ==, before);
  g_clear_pointer (&titles, g_free);

  /* With a reason each is recorded as an addendum. */
  g_assert_true (run (fixture, addendum_step, "Letter received after publication", &error));
  g_assert_no_error (error);
  g_assert_true (run (fixture, update_step, "Declarations taken with apologies", &error));
  move.reason = "The chair asked to take it early";
  g_assert_true (run (fixture, move_step, &move, &error));
  move.item_id = item_id_at (fixture, 3);
  move.reason = "Minutes not ready";
  g_assert_true (run (fixture, remove_step, &move, &error));
  g_assert_no_error (error);

  titles = agenda_titles (fixture);
  g_assert_cmpstr (titles, ==, "Apologies and declarations|AOB|Minutes (withdrawn)|"
                   "Urgent: national panel letter");
  {
    g_autoptr(PdAgendaItem) added = pd_agenda_item_load (fixture->db, item_id_at (fixture, 4), &error);

    g_assert_no_error (error);
    g_assert_true (pd_agenda_item_is_addendum (added));
  }
  g_assert_cmpint (pd_agenda_total_minutes (fixture->db, fixture->meeting_id, &error), ==, 15 + 10 + 5);

  changes = pd_agenda_list_changes (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpstr (((PdAgendaChange *) changes->pdata[0])->description, ==,
                   "Item added: Urgent: national panel letter");
  g_assert_cmpstr (((PdAgendaChange *) changes->pdata[0])->reason, ==, "Letter received after publication");
  g_assert_cmpstr (((PdAgendaChange *) changes->pdata[2])->description, ==, "Item 3 (AOB) moved to 2");
  g_assert_cmpstr (((PdAgendaChange *) changes->pdata[3])->description, ==, "Item 3 withdrawn: Minutes");

  /* Status moves forward only. */
  g_assert_false (run (fixture, publish_step, "draft", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
}

typedef struct { gint64 recommendation_id; gint64 action_id; } Recorded;

static gboolean
record_step (PdTransaction  *tx,
             Fixture        *fixture,
             gpointer        data,
             GError        **error)
{
  Recorded *recorded = data;
  PdDecisionFields fields = {
    .outcome = "silr",
    .rationale = "Agencies worked together poorly; a learning review will help.",
  };
  gint64 item = item_id_at (fixture, 2);

  if (!pd_meeting_set_status (tx, fixture->meeting_id, "in_progress", error) ||
      !pd_agenda_set_notes (tx, item, "The panel discussed the chronology.", error))
    return FALSE;
  recorded->recommendation_id = pd_agenda_record_recommendation (tx, item, &fields, error);
  if (recorded->recommendation_id == 0)
    return FALSE;
  recorded->action_id = pd_meeting_action_add (tx, fixture->meeting_id, item, "Ask health for the GP records",
                                               "Health", "2026-12-31", error);
  return recorded->action_id != 0 &&
         pd_meeting_action_add (tx, fixture->meeting_id, 0, "Circulate the minutes", "Business unit",
                                NULL, error) != 0 &&
         pd_meeting_action_set_done (tx, recorded->action_id, "2026-12-01", error);
}

static gboolean
bad_record_step (PdTransaction  *tx,
                 Fixture        *fixture,
                 gpointer        data,
                 GError        **error)
{
  PdDecisionFields fields = { .outcome = "scr", .rationale = "x" };

  if (GPOINTER_TO_INT (data) == 1)
    return pd_agenda_record_recommendation (tx, item_id_at (fixture, 1), &fields, error) != 0;
  return pd_meeting_action_add (tx, fixture->meeting_id, 0, "Do it", "Police", "31/12/2026", error) != 0;
}

static void
test_recording (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(PdDecision) recommendation = NULL;
  g_autoptr(PdAgendaItem) item = NULL;
  Recorded recorded = { 0 };
  guint n_added = 0;
  Attend late[] = { { fixture->police_id, "present" }, { 0, NULL } };
  g_autoptr(GPtrArray) members = NULL;

  g_assert_true (run (fixture, add_basic_agenda, NULL, &error));
  g_assert_true (run (fixture, add_awaiting_step, &n_added, &error));
  /* Referral items to position 2 onwards: Child A is item 4; put it at 2. */
  {
    Move move = { item_id_at (fixture, 4), 0, 2, NULL };

    g_assert_true (run (fixture, move_step, &move, &error));
  }
  g_assert_true (run (fixture, record_step, &recorded, &error));
  g_assert_no_error (error);

  recommendation = pd_decision_load (fixture->db, recorded.recommendation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_decision_get_kind (recommendation), ==, "recommendation");
  g_assert_cmpint (pd_decision_get_meeting_id (recommendation), ==, fixture->meeting_id);
  g_assert_cmpint (pd_decision_get_referral_id (recommendation), ==, fixture->referral_ids[0]);
  g_assert_cmpint (pd_agenda_find_recommendation (fixture->db, item_id_at (fixture, 2), &error), ==,
                   recorded.recommendation_id);
  g_assert_cmpint (pd_agenda_find_recommendation (fixture->db, item_id_at (fixture, 1), &error), ==, 0);

  item = pd_agenda_item_load (fixture->db, item_id_at (fixture, 2), &error);
  g_assert_cmpstr (pd_agenda_item_get_notes (item), ==, "The panel discussed the chronology.");
  g_assert_cmpstr (pd_agenda_item_get_referral_reference (item), ==, "PRP-2026-001");

  actions = pd_meeting_action_list (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_cmpint (((PdMeetingAction *) actions->pdata[0])->item_position, ==, 2);
  g_assert_cmpstr (((PdMeetingAction *) actions->pdata[0])->done_on, ==, "2026-12-01");
  g_assert_null (((PdMeetingAction *) actions->pdata[1])->due_on);

  /* An item not about a referral has no recommendation; a bad date is refused. */
  g_assert_false (run (fixture, bad_record_step, GINT_TO_POINTER (1), &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (run (fixture, bad_record_step, GINT_TO_POINTER (2), &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a date"));
  g_clear_error (&error);

  /* A member arriving during the meeting is timed. */
  g_assert_true (run (fixture, attend_step, late, &error));
  members = pd_meeting_list_members (fixture->db, fixture->meeting_id, &error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_nonnull (((PdMeetingMember *) members->pdata[0])->arrived_at);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/agenda/ordering", test_ordering);
  ADD ("/agenda/bad-input", test_bad_input);
  ADD ("/agenda/freezing-and-addenda", test_freezing);
  ADD ("/agenda/recording", test_recording);
#undef ADD

  return g_test_run ();
}
