/* test-clocks.c: the statutory clocks and local targets of a referral */
#include <string.h>

#include "pd-core.h"
#include "pd-test-util.h"

typedef struct
{
  PdCalendar   *calendar;
  PdClockDates  dates;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->calendar = pd_calendar_new ();
  pd_clock_dates_init (&fixture->dates);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->calendar);
}

static void
set (Fixture    *fixture,
     PdKeyDate   key,
     const char *text)
{
  g_assert_true (pd_clock_dates_set_from_string (&fixture->dates, key, text));
}

static GPtrArray *
compute (Fixture     *fixture,
         PdFramework  framework,
         const char  *today)
{
  GDate date = pd_test_day (today);

  return pd_clocks_compute (framework, &fixture->dates, NULL, 0, fixture->calendar, &date);
}

static const PdClock *
find (GPtrArray  *clocks,
      const char *id)
{
  for (guint i = 0; i < clocks->len; i++)
    {
      const PdClock *clock = g_ptr_array_index (clocks, i);
      if (strcmp (clock->id, id) == 0)
        return clock;
    }
  return NULL;
}

static char *
ids (GPtrArray *clocks)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < clocks->len; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", ((PdClock *) g_ptr_array_index (clocks, i))->id);
  return g_string_free (s, FALSE);
}

static void
assert_clock (GPtrArray    *clocks,
              const char   *id,
              const char   *due,
              PdClockState  state)
{
  const PdClock *clock = find (clocks, id);
  g_autofree char *text = NULL;

  if (clock == NULL)
    g_error ("no clock %s", id);
  text = pd_test_format_day (&clock->due);
  g_assert_cmpstr (text, ==, due);
  g_assert_cmpstr (pd_clock_state_to_string (clock->state), ==, pd_clock_state_to_string (state));
}

/* ---------------------------------------------------------------- which clocks */

static void
test_clocks_per_framework (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) england_2015 = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-03-02");
  g_autoptr(GPtrArray) england_2018 = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2026-03-02");
  g_autoptr(GPtrArray) wales = compute (fixture, PD_FRAMEWORK_WALES, "2026-03-02");
  g_autofree char *ids_2015 = ids (england_2015);
  g_autofree char *ids_2018 = ids (england_2018);
  g_autofree char *ids_wales = ids (wales);

  g_assert_cmpstr (ids_2015, ==, "notify decision tell_national_panel complete_review keep_published");
  g_assert_cmpstr (ids_2018, ==, "notify rapid_review complete_review");
  g_assert_cmpstr (ids_wales, ==, "");

  /* Nothing recorded: nothing started. */
  for (guint i = 0; i < england_2015->len; i++)
    {
      const PdClock *clock = g_ptr_array_index (england_2015, i);

      g_assert_true (clock->statutory);
      g_assert_cmpint (clock->state, ==, PD_CLOCK_STATE_NOT_STARTED);
      g_assert_false (g_date_valid (&clock->due));
      g_assert_cmpuint (strlen (clock->name), >, 0);
    }

  g_assert_nonnull (strstr (find (england_2015, "notify")->name, "Ofsted"));
  g_assert_nonnull (strstr (find (england_2018, "notify")->name, "national panel"));
}

static void
test_not_notifiable (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) clocks = NULL;
  g_autofree char *text = NULL;

  fixture->dates.notifiable = PD_FACT_NO;
  clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2026-03-02");
  text = ids (clocks);
  g_assert_cmpstr (text, ==, "complete_review");
}

/* ---------------------------------------------------------------- England 2018 */

static void
test_notify_over_christmas (Fixture       *fixture,
                            gconstpointer  user_data)
{
  set (fixture, PD_KEY_DATE_INCIDENT, "2026-12-20");
  set (fixture, PD_KEY_DATE_INCIDENT_KNOWN, "2026-12-23");
  set (fixture, PD_KEY_DATE_RECEIVED, "2026-12-29");

  /* 5 working days from 23 December 2026 skip Christmas, the Boxing Day
   * substitute and New Year's Day: due Monday 4 January 2027. */
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2026-12-24");
    const PdClock *notify = find (clocks, "notify");

    assert_clock (clocks, "notify", "2027-01-04", PD_CLOCK_STATE_RUNNING);
    g_assert_cmpint (notify->start_key, ==, PD_KEY_DATE_INCIDENT_KNOWN);
    g_assert_cmpint (notify->end_key, ==, PD_KEY_DATE_NOTIFIED);
    g_assert_cmpint (notify->working_days_left, ==, 4);
    g_assert_cmpuint (notify->amount, ==, 5);
    g_assert_cmpint (notify->unit, ==, PD_CLOCK_UNIT_WORKING_DAYS);
    assert_clock (clocks, "rapid_review", "-", PD_CLOCK_STATE_NOT_STARTED);
  }
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2026-12-30");
    assert_clock (clocks, "notify", "2027-01-04", PD_CLOCK_STATE_DUE_SOON);
    g_assert_cmpint (find (clocks, "notify")->working_days_left, ==, 2);
  }
  {
    /* Three working days before: not yet due soon. */
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2026-12-29");
    assert_clock (clocks, "notify", "2027-01-04", PD_CLOCK_STATE_RUNNING);
    g_assert_cmpint (find (clocks, "notify")->working_days_left, ==, 3);
  }
  {
    /* On New Year's Day, a holiday: one working day left. */
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2027-01-01");
    assert_clock (clocks, "notify", "2027-01-04", PD_CLOCK_STATE_DUE_SOON);
    g_assert_cmpint (find (clocks, "notify")->working_days_left, ==, 1);
  }
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2027-01-04");
    assert_clock (clocks, "notify", "2027-01-04", PD_CLOCK_STATE_DUE_SOON);
    g_assert_cmpint (find (clocks, "notify")->working_days_left, ==, 0);
  }
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2027-01-06");
    assert_clock (clocks, "notify", "2027-01-04", PD_CLOCK_STATE_OVERDUE);
    g_assert_cmpint (find (clocks, "notify")->working_days_left, ==, -2);
  }

  set (fixture, PD_KEY_DATE_NOTIFIED, "2027-01-04");
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2027-01-06");
    assert_clock (clocks, "notify", "2027-01-04", PD_CLOCK_STATE_MET_ON_TIME);
    /* The rapid review runs from the notification: 15 working days. */
    assert_clock (clocks, "rapid_review", "2027-01-25", PD_CLOCK_STATE_RUNNING);
  }

  set (fixture, PD_KEY_DATE_NOTIFIED, "2027-01-05");
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2027-01-06");
    assert_clock (clocks, "notify", "2027-01-04", PD_CLOCK_STATE_MET_LATE);
  }
}

static void
test_notify_starts_on_received (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) clocks = NULL;

  /* When the day the incident became known is not recorded, the referral's. */
  set (fixture, PD_KEY_DATE_RECEIVED, "2026-03-02");
  clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2026-03-03");
  assert_clock (clocks, "notify", "2026-03-09", PD_CLOCK_STATE_RUNNING);
  g_assert_cmpint (find (clocks, "notify")->start_key, ==, PD_KEY_DATE_RECEIVED);
}

static void
test_rapid_review (Fixture       *fixture,
                   gconstpointer  user_data)
{
  set (fixture, PD_KEY_DATE_RECEIVED, "2026-03-02");
  set (fixture, PD_KEY_DATE_NOTIFIED, "2026-03-30");
  {
    /* Over Easter 2026. */
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2026-04-01");
    assert_clock (clocks, "rapid_review", "2026-04-22", PD_CLOCK_STATE_RUNNING);
    g_assert_cmpint (find (clocks, "rapid_review")->working_days_left, ==, 13);
  }

  set (fixture, PD_KEY_DATE_RAPID_REVIEW_DONE, "2026-04-22");
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2026-05-01");
    assert_clock (clocks, "rapid_review", "2026-04-22", PD_CLOCK_STATE_MET_ON_TIME);
  }

  /* Held, but the notification not recorded: met, timing unknown. */
  set (fixture, PD_KEY_DATE_NOTIFIED, NULL);
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2026-05-01");
    assert_clock (clocks, "rapid_review", "-", PD_CLOCK_STATE_MET_UNTIMED);
  }
}

/* ---------------------------------------------------------------- England 2015 */

static void
test_decision_within_a_month (Fixture       *fixture,
                              gconstpointer  user_data)
{
  set (fixture, PD_KEY_DATE_RECEIVED, "2026-01-31");
  {
    /* A month from 31 January is the last day of February. */
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-02-02");
    assert_clock (clocks, "decision", "2026-02-28", PD_CLOCK_STATE_RUNNING);
  }
  {
    /* Due on a Saturday: from Thursday, only Friday is left. */
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-02-26");
    assert_clock (clocks, "decision", "2026-02-28", PD_CLOCK_STATE_DUE_SOON);
  }
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-03-02");
    assert_clock (clocks, "decision", "2026-02-28", PD_CLOCK_STATE_OVERDUE);
  }
}

static void
test_no_review_decision (Fixture       *fixture,
                         gconstpointer  user_data)
{
  set (fixture, PD_KEY_DATE_RECEIVED, "2026-03-02");
  set (fixture, PD_KEY_DATE_DECISION, "2026-03-10");

  {
    /* A decision date, but not yet which decision: not started. */
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-03-11");
    assert_clock (clocks, "decision", "2026-04-02", PD_CLOCK_STATE_MET_ON_TIME);
    assert_clock (clocks, "tell_national_panel", "-", PD_CLOCK_STATE_NOT_STARTED);
  }

  fixture->dates.review_decided = PD_FACT_NO;
  {
    /* Tell the national panel within 14 days of the decision not to hold one. */
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-03-11");
    g_autofree char *text = ids (clocks);

    assert_clock (clocks, "tell_national_panel", "2026-03-24", PD_CLOCK_STATE_RUNNING);
    g_assert_cmpstr (text, ==, "notify decision tell_national_panel");
  }
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-03-25");
    assert_clock (clocks, "tell_national_panel", "2026-03-24", PD_CLOCK_STATE_OVERDUE);
  }
  set (fixture, PD_KEY_DATE_NATIONAL_PANEL_TOLD, "2026-03-20");
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-03-25");
    assert_clock (clocks, "tell_national_panel", "2026-03-24", PD_CLOCK_STATE_MET_ON_TIME);
  }
}

static void
test_review_and_publication (Fixture       *fixture,
                             gconstpointer  user_data)
{
  fixture->dates.review_decided = PD_FACT_YES;
  set (fixture, PD_KEY_DATE_DECISION, "2026-08-20");
  set (fixture, PD_KEY_DATE_REVIEW_STARTED, "2026-08-31");

  {
    /* 6 months from 31 August is the end of February. */
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-09-01");
    g_autofree char *text = ids (clocks);

    g_assert_cmpstr (text, ==, "notify decision complete_review keep_published");
    assert_clock (clocks, "complete_review", "2027-02-28", PD_CLOCK_STATE_RUNNING);
    assert_clock (clocks, "keep_published", "-", PD_CLOCK_STATE_NOT_STARTED);
  }

  set (fixture, PD_KEY_DATE_PUBLISHED, "2027-03-15");
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2027-06-01");
    const PdClock *keep = find (clocks, "keep_published");

    assert_clock (clocks, "complete_review", "2027-02-28", PD_CLOCK_STATE_MET_LATE);
    /* At least 12 months on the website. */
    assert_clock (clocks, "keep_published", "2028-03-15", PD_CLOCK_STATE_RUNNING);
    g_assert_cmpint (keep->kind, ==, PD_CLOCK_MINIMUM);
  }
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2028-03-15");
    assert_clock (clocks, "keep_published", "2028-03-15", PD_CLOCK_STATE_MET_ON_TIME);
  }

  set (fixture, PD_KEY_DATE_UNPUBLISHED, "2027-12-01");
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2028-06-01");
    assert_clock (clocks, "keep_published", "2028-03-15", PD_CLOCK_STATE_ENDED_EARLY);
  }

  set (fixture, PD_KEY_DATE_UNPUBLISHED, "2028-04-01");
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2028-06-01");
    assert_clock (clocks, "keep_published", "2028-03-15", PD_CLOCK_STATE_MET_ON_TIME);
  }

  /* England 2018: the same 6 months, no website clock. */
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2018, "2027-06-01");
    g_assert_null (find (clocks, "keep_published"));
    assert_clock (clocks, "complete_review", "2027-02-28", PD_CLOCK_STATE_MET_LATE);
  }

  /* A decision not to review: no review clocks. */
  fixture->dates.review_decided = PD_FACT_NO;
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2027-06-01");
    g_assert_null (find (clocks, "complete_review"));
    g_assert_null (find (clocks, "keep_published"));
  }
}

/* ---------------------------------------------------------------- local targets */

static void
test_local_targets (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GArray) targets = pd_local_targets_new_defaults ();
  g_autoptr(GPtrArray) clocks = NULL;
  g_autofree char *text = NULL;
  GDate today = pd_test_day ("2027-01-05");
  const PdClock *referral, *information;

  g_assert_cmpuint (targets->len, ==, 2);

  set (fixture, PD_KEY_DATE_INCIDENT_KNOWN, "2026-12-22");
  set (fixture, PD_KEY_DATE_RECEIVED, "2026-12-23");
  set (fixture, PD_KEY_DATE_INFORMATION_REQUESTED, "2026-12-23");

  /* Wales has no statutory clocks here: only the board's own. */
  clocks = pd_clocks_compute (PD_FRAMEWORK_WALES, &fixture->dates,
                              (PdLocalTarget *) targets->data, targets->len,
                              fixture->calendar, &today);
  text = ids (clocks);
  g_assert_cmpstr (text, ==, "referral_form agency_information");

  /* 72 hours is three days, working or not. */
  referral = find (clocks, "referral_form");
  g_assert_false (referral->statutory);
  g_assert_cmpstr (referral->name, ==, "Referral form");
  assert_clock (clocks, "referral_form", "2026-12-25", PD_CLOCK_STATE_MET_ON_TIME);

  /* 10 working days from 23 December 2026: 11 January 2027. */
  information = find (clocks, "agency_information");
  assert_clock (clocks, "agency_information", "2027-01-11", PD_CLOCK_STATE_RUNNING);
  g_assert_cmpint (information->working_days_left, ==, 4);

  g_assert_true (pd_clocks_get_next_deadline (clocks) == information);
}

static void
test_local_target_parse (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char * const bad[] = {
    "",
    "information_requested information_received 10 working-days",     /* no name */
    "information_requested information_received 10 fortnights Agency information",
    "asked information_received 10 working-days Agency information",
    "information_requested information_received 0 working-days Agency information",
    "information_requested information_received 10x working-days Agency information",
    "information_requested information_received -3 working-days Agency information",
    "information_requested information_received 1001 days Agency information",
  };
  PdLocalTarget target = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (pd_local_target_parse ("chronologies",
                                        "  information_requested   information_received 15 working-days  Agency chronologies ",
                                        &target, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (target.id, ==, "chronologies");
  g_assert_cmpstr (target.name, ==, "Agency chronologies");
  g_assert_cmpint (target.start, ==, PD_KEY_DATE_INFORMATION_REQUESTED);
  g_assert_cmpint (target.end, ==, PD_KEY_DATE_INFORMATION_RECEIVED);
  g_assert_cmpuint (target.amount, ==, 15);
  g_assert_cmpint (target.unit, ==, PD_CLOCK_UNIT_WORKING_DAYS);

  text = pd_local_target_to_string (&target);
  g_assert_cmpstr (text, ==, "information_requested information_received 15 working-days Agency chronologies");
  pd_local_target_clear (&target);
  g_assert_null (target.id);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      PdLocalTarget untouched = { 0 };

      g_assert_false (pd_local_target_parse ("bad", bad[i], &untouched, &error));
      g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "“bad”"));
      g_assert_null (untouched.id);
      g_clear_error (&error);
    }
}

static void
test_next_deadline (Fixture       *fixture,
                    gconstpointer  user_data)
{
  set (fixture, PD_KEY_DATE_INCIDENT_KNOWN, "2026-03-02");
  set (fixture, PD_KEY_DATE_RECEIVED, "2026-03-02");

  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-03-03");
    const PdClock *next = pd_clocks_get_next_deadline (clocks);

    g_assert_nonnull (next);
    g_assert_cmpstr (next->id, ==, "notify");
  }

  /* Notified: the decision is next. */
  set (fixture, PD_KEY_DATE_NOTIFIED, "2026-03-04");
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-03-05");
    g_assert_cmpstr (pd_clocks_get_next_deadline (clocks)->id, ==, "decision");
  }

  /* Everything done: nothing next. */
  set (fixture, PD_KEY_DATE_DECISION, "2026-03-20");
  fixture->dates.review_decided = PD_FACT_NO;
  set (fixture, PD_KEY_DATE_NATIONAL_PANEL_TOLD, "2026-03-23");
  {
    g_autoptr(GPtrArray) clocks = compute (fixture, PD_FRAMEWORK_ENGLAND_2015, "2026-04-05");
    g_assert_null (pd_clocks_get_next_deadline (clocks));
  }
}

/* ---------------------------------------------------------------- tables */

static void
test_key_dates (Fixture       *fixture,
                gconstpointer  user_data)
{
  PdClockDates dates;
  GDate date = pd_test_day ("2026-03-02");

  for (guint i = 0; i < PD_N_KEY_DATES; i++)
    {
      PdKeyDate key;

      g_assert_true (pd_key_date_from_string (pd_key_date_to_string ((PdKeyDate) i), &key));
      g_assert_cmpint (key, ==, i);
      g_assert_cmpuint (strlen (pd_key_date_get_label ((PdKeyDate) i)), >, 0);
    }

  /* A zeroed struct and an initialised one both have no dates. */
  memset (&dates, 0, sizeof dates);
  for (guint i = 0; i < PD_N_KEY_DATES; i++)
    g_assert_false (g_date_valid (pd_clock_dates_get (&dates, (PdKeyDate) i)));
  pd_clock_dates_init (&dates);
  for (guint i = 0; i < PD_N_KEY_DATES; i++)
    g_assert_false (g_date_valid (pd_clock_dates_get (&dates, (PdKeyDate) i)));

  /* Each key is its own field. */
  pd_clock_dates_set (&dates, PD_KEY_DATE_RAPID_REVIEW_DONE, &date);
  g_assert_true (g_date_valid (&dates.rapid_review_done));
  g_assert_false (g_date_valid (&dates.decision));
  g_assert_true (pd_clock_dates_set_from_string (&dates, PD_KEY_DATE_UNPUBLISHED, "2027-01-31"));
  g_assert_cmpuint (g_date_get_day (&dates.unpublished), ==, 31);

  /* A wrong date changes nothing; an empty one clears. */
  g_assert_false (pd_clock_dates_set_from_string (&dates, PD_KEY_DATE_UNPUBLISHED, "2027-02-31"));
  g_assert_cmpuint (g_date_get_day (&dates.unpublished), ==, 31);
  g_assert_true (pd_clock_dates_set_from_string (&dates, PD_KEY_DATE_UNPUBLISHED, ""));
  g_assert_false (g_date_valid (&dates.unpublished));

  {
    PdKeyDate key = PD_KEY_DATE_DECISION;
    g_assert_false (pd_key_date_from_string ("date_received", &key));
    g_assert_false (pd_key_date_from_string (NULL, &key));
    g_assert_cmpint (key, ==, PD_KEY_DATE_DECISION);
  }
}

static void
test_units_and_states (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const char * const units[] = { "working-days", "days", "months", "hours" };
  static const char * const states[] = {
    "not_started", "running", "due_soon", "overdue", "met_on_time", "met_late", "met_untimed", "ended_early",
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      PdClockUnit unit;

      g_assert_cmpstr (pd_clock_unit_to_string ((PdClockUnit) i), ==, units[i]);
      g_assert_true (pd_clock_unit_from_string (units[i], &unit));
      g_assert_cmpint (unit, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_assert_cmpstr (pd_clock_state_to_string ((PdClockState) i), ==, states[i]);
      g_assert_cmpuint (strlen (pd_clock_state_get_label ((PdClockState) i)), >, 0);
    }
  g_assert_cmpstr (pd_clock_state_get_label (PD_CLOCK_STATE_DUE_SOON), ==, "Due soon");
}

/* An open deadline as the referrals list shows it: due soon within two
 * working days, overdue from the day after, counted over bank holidays. */
static void
test_state_for_due (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const struct
  {
    const char  *due;
    const char  *today;
    PdClockState state;
    int          left;
  } cases[] = {
    { "2026-12-01", "2026-11-23", PD_CLOCK_STATE_RUNNING,  6 },
    { "2026-11-25", "2026-11-23", PD_CLOCK_STATE_DUE_SOON, 2 },
    { "2026-11-23", "2026-11-23", PD_CLOCK_STATE_DUE_SOON, 0 },
    { "2026-11-20", "2026-11-23", PD_CLOCK_STATE_OVERDUE, -1 },
    /* Christmas Day, Boxing Day (a Saturday, so Monday 28th) and a weekend. */
    { "2026-12-29", "2026-12-23", PD_CLOCK_STATE_DUE_SOON, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate due = pd_test_day (cases[i].due);
      GDate today = pd_test_day (cases[i].today);
      int left = 99;

      g_assert_cmpint (pd_clock_state_for_due (fixture->calendar, &due, &today, &left), ==, cases[i].state);
      g_assert_cmpint (left, ==, cases[i].left);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/clocks/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("clocks-per-framework", test_clocks_per_framework);
  ADD ("not-notifiable", test_not_notifiable);
  ADD ("notify-over-christmas", test_notify_over_christmas);
  ADD ("notify-starts-on-received", test_notify_starts_on_received);
  ADD ("rapid-review", test_rapid_review);
  ADD ("decision-within-a-month", test_decision_within_a_month);
  ADD ("no-review-decision", test_no_review_decision);
  ADD ("review-and-publication", test_review_and_publication);
  ADD ("local-targets", test_local_targets);
  ADD ("local-target-parse", test_local_target_parse);
  ADD ("next-deadline", test_next_deadline);
  ADD ("key-dates", test_key_dates);
  ADD ("units-and-states", test_units_and_states);
  ADD ("state-for-due", test_state_for_due);

#undef ADD

  return g_test_run ();
}
