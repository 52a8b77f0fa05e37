/* pd-clocks.c: the statutory clocks and local targets of a referral
 *
 * A clock starts on one key date of the referral, is due a number of
 * working days, days or months later, and stops on another key date. The
 * statutory clocks of each framework are a table here; a board's local
 * targets are data of its database, passed in.
 *
 *   clock                           start           limit              framework
 *   notify Ofsted / national panel  incident known  5 working days     England 2015, 2018
 *   rapid review                    notification    15 working days    England 2018
 *   decision whether to review      referral        1 month            England 2015
 *   tell the national panel of a    decision        14 days            England 2015
 *     decision not to hold an SCR
 *   complete and publish a review   review started  6 months           England 2015, 2018
 *   keep a published report online  publication     at least 12 months England 2015
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "pd-clocks.h"
#include "pd-error.h"

/* A clock is due soon within this many working days of its due date. */
#define DUE_SOON_WORKING_DAYS 2

/* ------------------------------------------------------------ key dates */

static const struct
{
  const char *key;
  gsize       offset;
  const char *label;
} key_dates[PD_N_KEY_DATES] = {
#define KEY_DATE(id, field, label) [id] = { #field, offsetof (PdClockDates, field), label }
  KEY_DATE (PD_KEY_DATE_INCIDENT,              incident,              N_("Date of the incident")),
  KEY_DATE (PD_KEY_DATE_INCIDENT_KNOWN,        incident_known,        N_("Date the incident became known")),
  KEY_DATE (PD_KEY_DATE_RECEIVED,              received,              N_("Date received")),
  KEY_DATE (PD_KEY_DATE_NOTIFIED,              notified,              N_("Date notified")),
  KEY_DATE (PD_KEY_DATE_INFORMATION_REQUESTED, information_requested, N_("Information requested from agencies")),
  KEY_DATE (PD_KEY_DATE_INFORMATION_RECEIVED,  information_received,  N_("Information received from agencies")),
  KEY_DATE (PD_KEY_DATE_RAPID_REVIEW_DONE,     rapid_review_done,     N_("Rapid review held")),
  KEY_DATE (PD_KEY_DATE_DECISION,              decision,              N_("Date of the decision")),
  KEY_DATE (PD_KEY_DATE_NATIONAL_PANEL_TOLD,   national_panel_told,   N_("National panel told of the decision")),
  KEY_DATE (PD_KEY_DATE_REVIEW_STARTED,        review_started,        N_("Review started")),
  KEY_DATE (PD_KEY_DATE_PUBLISHED,             published,             N_("Report published")),
  KEY_DATE (PD_KEY_DATE_UNPUBLISHED,           unpublished,           N_("Report taken off the website")),
#undef KEY_DATE
};

const char *
pd_key_date_to_string (PdKeyDate key)
{
  g_return_val_if_fail ((guint) key < PD_N_KEY_DATES, NULL);

  return key_dates[key].key;
}

gboolean
pd_key_date_from_string (const char *text,
                         PdKeyDate  *key)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; text != NULL && i < PD_N_KEY_DATES; i++)
    if (strcmp (text, key_dates[i].key) == 0)
      {
        *key = (PdKeyDate) i;
        return TRUE;
      }

  return FALSE;
}

const char *
pd_key_date_get_label (PdKeyDate key)
{
  g_return_val_if_fail ((guint) key < PD_N_KEY_DATES, NULL);

  return _(key_dates[key].label);
}

void
pd_clock_dates_init (PdClockDates *dates)
{
  g_return_if_fail (dates != NULL);

  memset (dates, 0, sizeof *dates);
  for (guint i = 0; i < PD_N_KEY_DATES; i++)
    g_date_clear (&G_STRUCT_MEMBER (GDate, dates, key_dates[i].offset), 1);
  dates->notifiable = PD_FACT_UNKNOWN;
  dates->review_decided = PD_FACT_UNKNOWN;
}

const GDate *
pd_clock_dates_get (const PdClockDates *dates,
                    PdKeyDate           key)
{
  g_return_val_if_fail (dates != NULL, NULL);
  g_return_val_if_fail ((guint) key < PD_N_KEY_DATES, NULL);

  return G_STRUCT_MEMBER_P (dates, key_dates[key].offset);
}

void
pd_clock_dates_set (PdClockDates *dates,
                    PdKeyDate     key,
                    const GDate  *date)
{
  GDate *field;

  g_return_if_fail (dates != NULL);
  g_return_if_fail ((guint) key < PD_N_KEY_DATES);

  field = G_STRUCT_MEMBER_P (dates, key_dates[key].offset);
  if (date != NULL && g_date_valid (date))
    *field = *date;
  else
    g_date_clear (field, 1);
}

gboolean
pd_clock_dates_set_from_string (PdClockDates *dates,
                                PdKeyDate     key,
                                const char   *text)
{
  GDate date;

  g_return_val_if_fail (dates != NULL, FALSE);
  g_return_val_if_fail ((guint) key < PD_N_KEY_DATES, FALSE);

  if (text == NULL || *text == '\0')
    {
      pd_clock_dates_set (dates, key, NULL);
      return TRUE;
    }
  if (!pd_calendar_parse_date (text, &date))
    return FALSE;

  pd_clock_dates_set (dates, key, &date);
  return TRUE;
}

static gboolean
has_date (const PdClockDates *dates,
          PdKeyDate           key)
{
  return g_date_valid (pd_clock_dates_get (dates, key));
}

/* ------------------------------------------------------------ units and states */

static const char * const unit_keys[] = {
  [PD_CLOCK_UNIT_WORKING_DAYS] = "working-days",
  [PD_CLOCK_UNIT_DAYS]         = "days",
  [PD_CLOCK_UNIT_MONTHS]       = "months",
  [PD_CLOCK_UNIT_HOURS]        = "hours",
};

const char *
pd_clock_unit_to_string (PdClockUnit unit)
{
  g_return_val_if_fail ((guint) unit < G_N_ELEMENTS (unit_keys), NULL);

  return unit_keys[unit];
}

gboolean
pd_clock_unit_from_string (const char  *text,
                           PdClockUnit *unit)
{
  g_return_val_if_fail (unit != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (unit_keys); i++)
    if (strcmp (text, unit_keys[i]) == 0)
      {
        *unit = (PdClockUnit) i;
        return TRUE;
      }

  return FALSE;
}

static const struct
{
  const char *key;
  const char *label;
} states[] = {
  [PD_CLOCK_STATE_NOT_STARTED] = { "not_started", N_("Not started") },
  [PD_CLOCK_STATE_RUNNING]     = { "running",     N_("Running") },
  [PD_CLOCK_STATE_DUE_SOON]    = { "due_soon",    N_("Due soon") },
  [PD_CLOCK_STATE_OVERDUE]     = { "overdue",     N_("Overdue") },
  [PD_CLOCK_STATE_MET_ON_TIME] = { "met_on_time", N_("Met on time") },
  [PD_CLOCK_STATE_MET_LATE]    = { "met_late",    N_("Met late") },
  [PD_CLOCK_STATE_MET_UNTIMED] = { "met_untimed", N_("Met; start date not recorded") },
  [PD_CLOCK_STATE_ENDED_EARLY] = { "ended_early", N_("Ended early") },
};

const char *
pd_clock_state_to_string (PdClockState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (states), NULL);

  return states[state].key;
}

const char *
pd_clock_state_get_label (PdClockState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (states), NULL);

  return _(states[state].label);
}

/* ------------------------------------------------------------ local targets */

void
pd_local_target_clear (PdLocalTarget *target)
{
  if (target == NULL)
    return;

  g_clear_pointer (&target->id, g_free);
  g_clear_pointer (&target->name, g_free);
}

/* Splits off the next word of @cursor, or returns NULL at the end. */
static char *
next_word (char **cursor)
{
  char *word = *cursor;

  while (g_ascii_isspace (*word))
    word++;
  if (*word == '\0')
    return NULL;

  *cursor = word;
  while (**cursor != '\0' && !g_ascii_isspace (**cursor))
    (*cursor)++;
  if (**cursor != '\0')
    *(*cursor)++ = '\0';

  return word;
}

gboolean
pd_local_target_parse (const char     *id,
                       const char     *spec,
                       PdLocalTarget  *target,
                       GError        **error)
{
  g_autofree char *copy = NULL;
  char *cursor, *words[4], *name;
  PdKeyDate start, end;
  PdClockUnit unit;
  guint64 amount;
  char *tail = NULL;
  guint n = 0;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cursor = copy = g_strdup (spec);
  while (n < G_N_ELEMENTS (words) && (words[n] = next_word (&cursor)) != NULL)
    n++;
  name = g_strstrip (cursor);

  if (n < G_N_ELEMENTS (words) || *name == '\0' ||
      !pd_key_date_from_string (words[0], &start) ||
      !pd_key_date_from_string (words[1], &end) ||
      !pd_clock_unit_from_string (words[3], &unit))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The local target “%s” is not written as “start end amount unit name”, for example “information_requested information_received 10 working-days Agency information”."),
                   id);
      return FALSE;
    }

  amount = g_ascii_strtoull (words[2], &tail, 10);
  if (tail == words[2] || *tail != '\0' || amount == 0 || amount > 1000)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The local target “%s” needs a whole number from 1 to 1000, not “%s”."),
                   id, words[2]);
      return FALSE;
    }

  target->id = g_strdup (id);
  target->name = g_strdup (name);
  target->start = start;
  target->end = end;
  target->amount = (guint) amount;
  target->unit = unit;
  return TRUE;
}

char *
pd_local_target_to_string (const PdLocalTarget *target)
{
  g_return_val_if_fail (target != NULL, NULL);

  return g_strdup_printf ("%s %s %u %s %s",
                          pd_key_date_to_string (target->start),
                          pd_key_date_to_string (target->end),
                          target->amount,
                          pd_clock_unit_to_string (target->unit),
                          target->name != NULL ? target->name : "");
}

GArray *
pd_local_targets_new_defaults (void)
{
  GArray *targets = g_array_new (FALSE, TRUE, sizeof (PdLocalTarget));
  PdLocalTarget referral = {
    g_strdup ("referral_form"), g_strdup (_("Referral form")),
    PD_KEY_DATE_INCIDENT_KNOWN, PD_KEY_DATE_RECEIVED, 72, PD_CLOCK_UNIT_HOURS,
  };
  PdLocalTarget information = {
    g_strdup ("agency_information"), g_strdup (_("Agency information")),
    PD_KEY_DATE_INFORMATION_REQUESTED, PD_KEY_DATE_INFORMATION_RECEIVED, 10, PD_CLOCK_UNIT_WORKING_DAYS,
  };

  g_array_set_clear_func (targets, (GDestroyNotify) pd_local_target_clear);
  g_array_append_val (targets, referral);
  g_array_append_val (targets, information);

  return targets;
}

/* ------------------------------------------------------------ the clocks */

#define IN_2015  (1u << PD_FRAMEWORK_ENGLAND_2015)
#define IN_2018  (1u << PD_FRAMEWORK_ENGLAND_2018)

typedef enum
{
  WHEN_ALWAYS,
  WHEN_NOTIFIABLE,   /* left out when the incident is not one to notify */
  WHEN_NO_REVIEW,    /* left out after a decision to review; starts on a decision not to */
  WHEN_REVIEW,       /* left out after a decision not to review */
} Condition;

typedef struct
{
  const char  *id;
  guint        frameworks;
  const char  *name_2015;    /* or for every framework when name_2018 is NULL */
  const char  *name_2018;
  PdKeyDate    start;
  int          start_fallback;   /* a PdKeyDate used when start is not recorded, or -1 */
  PdKeyDate    end;
  guint        amount;
  PdClockUnit  unit;
  PdClockKind  kind;
  Condition    condition;
} StatutoryClock;

static const StatutoryClock statutory_clocks[] = {
  { "notify", IN_2015 | IN_2018,
    N_("Notify Ofsted of the serious incident"),
    N_("Notify the national panel of the serious incident"),
    PD_KEY_DATE_INCIDENT_KNOWN, PD_KEY_DATE_RECEIVED, PD_KEY_DATE_NOTIFIED,
    5, PD_CLOCK_UNIT_WORKING_DAYS, PD_CLOCK_DEADLINE, WHEN_NOTIFIABLE },
  { "rapid_review", IN_2018,
    N_("Rapid review"), NULL,
    PD_KEY_DATE_NOTIFIED, -1, PD_KEY_DATE_RAPID_REVIEW_DONE,
    15, PD_CLOCK_UNIT_WORKING_DAYS, PD_CLOCK_DEADLINE, WHEN_NOTIFIABLE },
  { "decision", IN_2015,
    N_("Decide whether to hold a serious case review"), NULL,
    PD_KEY_DATE_RECEIVED, PD_KEY_DATE_NOTIFIED, PD_KEY_DATE_DECISION,
    1, PD_CLOCK_UNIT_MONTHS, PD_CLOCK_DEADLINE, WHEN_ALWAYS },
  { "tell_national_panel", IN_2015,
    N_("Tell the national panel of the decision not to hold a serious case review"), NULL,
    PD_KEY_DATE_DECISION, -1, PD_KEY_DATE_NATIONAL_PANEL_TOLD,
    14, PD_CLOCK_UNIT_DAYS, PD_CLOCK_DEADLINE, WHEN_NO_REVIEW },
  { "complete_review", IN_2015 | IN_2018,
    N_("Complete and publish the review"), NULL,
    PD_KEY_DATE_REVIEW_STARTED, -1, PD_KEY_DATE_PUBLISHED,
    6, PD_CLOCK_UNIT_MONTHS, PD_CLOCK_DEADLINE, WHEN_REVIEW },
  { "keep_published", IN_2015,
    N_("Keep the published report on the website"), NULL,
    PD_KEY_DATE_PUBLISHED, -1, PD_KEY_DATE_UNPUBLISHED,
    12, PD_CLOCK_UNIT_MONTHS, PD_CLOCK_MINIMUM, WHEN_REVIEW },
};

const char *const *
pd_clocks_get_statutory_ids (void)
{
  static const char *ids[G_N_ELEMENTS (statutory_clocks) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (statutory_clocks); i++)
    ids[i] = statutory_clocks[i].id;
  return ids;
}

void
pd_clock_free (PdClock *clock)
{
  if (clock == NULL)
    return;

  g_free (clock->id);
  g_free (clock->name);
  g_free (clock);
}

static void
compute_due (PdCalendar  *calendar,
             const GDate *start,
             guint        amount,
             PdClockUnit  unit,
             GDate       *due)
{
  *due = *start;

  switch (unit)
    {
    case PD_CLOCK_UNIT_WORKING_DAYS:
      pd_calendar_add_working_days (calendar, start, amount, due);
      break;
    case PD_CLOCK_UNIT_DAYS:
      g_date_add_days (due, amount);
      break;
    case PD_CLOCK_UNIT_MONTHS:
      /* 31 January + 1 month is the last day of February. */
      g_date_add_months (due, amount);
      break;
    case PD_CLOCK_UNIT_HOURS:
      g_date_add_days (due, (amount + 23) / 24);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
update_state (PdClock     *clock,
              PdCalendar  *calendar,
              const GDate *today)
{
  gboolean started = g_date_valid (&clock->start);
  gboolean ended = g_date_valid (&clock->end);

  clock->working_days_left = 0;

  if (!started)
    {
      clock->state = ended ? PD_CLOCK_STATE_MET_UNTIMED : PD_CLOCK_STATE_NOT_STARTED;
      return;
    }

  if (clock->kind == PD_CLOCK_MINIMUM)
    {
      if (ended)
        clock->state = g_date_compare (&clock->end, &clock->due) < 0
                       ? PD_CLOCK_STATE_ENDED_EARLY : PD_CLOCK_STATE_MET_ON_TIME;
      else if (g_date_compare (today, &clock->due) >= 0)
        clock->state = PD_CLOCK_STATE_MET_ON_TIME;
      else
        {
          clock->state = PD_CLOCK_STATE_RUNNING;
          clock->working_days_left = pd_calendar_working_days_between (calendar, today, &clock->due);
        }
      return;
    }

  if (ended)
    {
      clock->state = g_date_compare (&clock->end, &clock->due) <= 0
                     ? PD_CLOCK_STATE_MET_ON_TIME : PD_CLOCK_STATE_MET_LATE;
      return;
    }

  clock->state = pd_clock_state_for_due (calendar, &clock->due, today, &clock->working_days_left);
}

PdClockState
pd_clock_state_for_due (PdCalendar  *calendar,
                        const GDate *due,
                        const GDate *today,
                        int         *out_working_days_left)
{
  int left = pd_calendar_working_days_between (calendar, today, due);

  if (out_working_days_left != NULL)
    *out_working_days_left = left;
  if (g_date_compare (today, due) > 0)
    return PD_CLOCK_STATE_OVERDUE;
  if (left <= DUE_SOON_WORKING_DAYS)
    return PD_CLOCK_STATE_DUE_SOON;
  return PD_CLOCK_STATE_RUNNING;
}

static PdClock *
clock_new (const char         *id,
           const char         *name,
           gboolean            statutory,
           PdClockKind         kind,
           const PdClockDates *dates,
           PdKeyDate           start_key,
           PdKeyDate           end_key,
           guint               amount,
           PdClockUnit         unit,
           PdCalendar         *calendar,
           const GDate        *today)
{
  PdClock *clock = g_new0 (PdClock, 1);

  clock->id = g_strdup (id);
  clock->name = g_strdup (name);
  clock->statutory = statutory;
  clock->kind = kind;
  clock->start_key = start_key;
  clock->end_key = end_key;
  clock->amount = amount;
  clock->unit = unit;
  g_date_clear (&clock->start, 1);
  g_date_clear (&clock->due, 1);
  g_date_clear (&clock->end, 1);

  if (has_date (dates, start_key))
    {
      clock->start = *pd_clock_dates_get (dates, start_key);
      compute_due (calendar, &clock->start, amount, unit, &clock->due);
    }
  if (has_date (dates, end_key))
    clock->end = *pd_clock_dates_get (dates, end_key);

  update_state (clock, calendar, today);
  return clock;
}

GPtrArray *
pd_clocks_compute (PdFramework          framework,
                   const PdClockDates  *dates,
                   const PdLocalTarget *targets,
                   guint                n_targets,
                   PdCalendar          *calendar,
                   const GDate         *today)
{
  g_autoptr(GPtrArray) clocks = NULL;

  g_return_val_if_fail ((guint) framework < PD_N_FRAMEWORKS, NULL);
  g_return_val_if_fail (dates != NULL, NULL);
  g_return_val_if_fail (targets != NULL || n_targets == 0, NULL);
  g_return_val_if_fail (PD_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  clocks = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_clock_free);

  for (guint i = 0; i < G_N_ELEMENTS (statutory_clocks); i++)
    {
      const StatutoryClock *s = &statutory_clocks[i];
      const char *name = framework == PD_FRAMEWORK_ENGLAND_2018 && s->name_2018 != NULL
                         ? s->name_2018 : s->name_2015;
      PdKeyDate start = s->start;
      PdClock *clock;

      if (!(s->frameworks & (1u << framework)))
        continue;

      switch (s->condition)
        {
        case WHEN_ALWAYS:
          break;
        case WHEN_NOTIFIABLE:
          if (dates->notifiable == PD_FACT_NO)
            continue;
          break;
        case WHEN_NO_REVIEW:
          if (dates->review_decided == PD_FACT_YES)
            continue;
          break;
        case WHEN_REVIEW:
          if (dates->review_decided == PD_FACT_NO)
            continue;
          break;
        default:
          g_assert_not_reached ();
        }

      if (!has_date (dates, start) && s->start_fallback >= 0)
        start = (PdKeyDate) s->start_fallback;

      clock = clock_new (s->id, _(name), TRUE, s->kind, dates, start, s->end,
                         s->amount, s->unit, calendar, today);

      /* Told of a decision not to review: only once that decision is made. */
      if (s->condition == WHEN_NO_REVIEW && dates->review_decided != PD_FACT_NO)
        {
          g_date_clear (&clock->start, 1);
          g_date_clear (&clock->due, 1);
          update_state (clock, calendar, today);
        }

      g_ptr_array_add (clocks, clock);
    }

  for (guint i = 0; i < n_targets; i++)
    {
      const PdLocalTarget *t = &targets[i];

      g_return_val_if_fail (t->id != NULL && (guint) t->start < PD_N_KEY_DATES &&
                            (guint) t->end < PD_N_KEY_DATES, NULL);

      g_ptr_array_add (clocks, clock_new (t->id, t->name != NULL ? t->name : t->id, FALSE,
                                          PD_CLOCK_DEADLINE, dates, t->start, t->end,
                                          t->amount, t->unit, calendar, today));
    }

  return g_steal_pointer (&clocks);
}

const PdClock *
pd_clocks_get_next_deadline (GPtrArray *clocks)
{
  const PdClock *next = NULL;

  g_return_val_if_fail (clocks != NULL, NULL);

  for (guint i = 0; i < clocks->len; i++)
    {
      const PdClock *clock = g_ptr_array_index (clocks, i);

      if (clock->kind != PD_CLOCK_DEADLINE)
        continue;
      if (clock->state != PD_CLOCK_STATE_RUNNING &&
          clock->state != PD_CLOCK_STATE_DUE_SOON &&
          clock->state != PD_CLOCK_STATE_OVERDUE)
        continue;
      if (next == NULL || g_date_compare (&clock->due, &next->due) < 0)
        next = clock;
    }

  return next;
}
