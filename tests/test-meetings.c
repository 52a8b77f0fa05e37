/* test-meetings.c: meetings, their agendas, attendance, quorum, conflicts,
 * addenda and what is recorded at them */
#include <string.h>
#include <sqlite3.h>

#include "pd-core.h"
#include "pd-test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PdDatabase *db;
  sqlite3    *handle;     /* a second connection, to look at the rows */
  gint64      meeting_id;
  gint64      chair_id;
  gint64      police_id;
  gint64      health_id;
  gint64      education_id;
  gint64      social_care_id;
  gint64      referral_ids[4];
} Fixture;

/* A moment @days from now, in UTC. */
static char *
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

static void
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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  sqlite3_close (fixture->handle);
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* One write with a closure, so a test reads top to bottom. */
typedef gboolean (*Step) (PdTransaction *tx, Fixture *fixture, gpointer data, GError **error);

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

static gboolean
run (Fixture   *fixture,
     Step       step,
     gpointer   data,
     GError   **error)
{
  StepCall call = { step, fixture, data };

  return pd_database_write (fixture->db, "Test step", step_cb, &call, NULL, error);
}

/* The agenda's titles in order, as "A|B|C". */
static char *
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

static gint64
item_id_at (Fixture *fixture,
            int      position)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM agenda_items WHERE meeting_id = %" G_GINT64_FORMAT
                                          " AND position = %d;", fixture->meeting_id, position);

  return pd_test_query_int (fixture->handle, sql);
}

static gboolean
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

typedef struct { gint64 item_id; int delta; int position; const char *reason; } Move;

static gboolean
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

static gboolean
remove_step (PdTransaction  *tx,
             Fixture        *fixture,
             gpointer        data,
             GError        **error)
{
  Move *move = data;

  return pd_agenda_remove_item (tx, move->item_id, move->reason, error);
}

static gboolean
add_awaiting_step (PdTransaction  *tx,
                   Fixture        *fixture,
                   gpointer        data,
                   GError        **error)
{
  return pd_agenda_add_awaiting_referrals (tx, fixture->meeting_id, 20, NULL, data, error);
}

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

static gboolean
publish_step (PdTransaction  *tx,
              Fixture        *fixture,
              gpointer        data,
              GError        **error)
{
  return pd_meeting_set_status (tx, fixture->meeting_id, data ? data : "agenda_published", error);
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
insert_meeting_step (PdTransaction  *tx,
                     Fixture        *fixture,
                     gpointer        data,
                     GError        **error)
{
  return pd_meeting_insert (tx, data, error) != 0;
}

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

typedef struct { gint64 person_id; const char *attendance; } Attend;

static gboolean
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

static gboolean
rule_step (PdTransaction  *tx,
           Fixture        *fixture,
           gpointer        data,
           GError        **error)
{
  return pd_quorum_rule_save (tx, data, error);
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
  g_assert_true (pd_agenda_item_is_addendum (pd_agenda_item_load (fixture->db, item_id_at (fixture, 4), NULL)));
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
  ADD ("/meetings/agenda-ordering", test_ordering);
  ADD ("/meetings/bad-input", test_bad_input);
  ADD ("/meetings/validation", test_meeting_validation);
  ADD ("/meetings/quorum", test_quorum);
  ADD ("/meetings/conflicts", test_conflicts);
  ADD ("/meetings/freezing-and-addenda", test_freezing);
  ADD ("/meetings/recording", test_recording);
  ADD ("/meetings/update-and-links", test_update_and_links);
#undef ADD

  return g_test_run ();
}
