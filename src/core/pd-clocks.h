/* pd-clocks.h: the statutory clocks and local targets of a referral */
#pragma once

#include <glib.h>

#include "pd-calendar.h"
#include "pd-criteria.h"

G_BEGIN_DECLS

/* The key dates of a referral that clocks start and stop on. */
typedef enum
{
  PD_KEY_DATE_INCIDENT,               /* the death or serious harm */
  PD_KEY_DATE_INCIDENT_KNOWN,         /* the authority learned of it */
  PD_KEY_DATE_RECEIVED,               /* the referral reached the business unit */
  PD_KEY_DATE_NOTIFIED,               /* Ofsted / the national panel notified */
  PD_KEY_DATE_INFORMATION_REQUESTED,  /* information asked of the agencies */
  PD_KEY_DATE_INFORMATION_RECEIVED,   /* the last agency's information arrived */
  PD_KEY_DATE_RAPID_REVIEW_DONE,
  PD_KEY_DATE_DECISION,               /* the chair's decision whether to review */
  PD_KEY_DATE_NATIONAL_PANEL_TOLD,    /* told of a decision not to hold an SCR */
  PD_KEY_DATE_REVIEW_STARTED,         /* the review initiated */
  PD_KEY_DATE_PUBLISHED,
  PD_KEY_DATE_UNPUBLISHED,            /* taken off the website */
} PdKeyDate;

#define PD_N_KEY_DATES 12

/* "incident", "incident_known", "received", ...: how a key date is stored. */
const char  *pd_key_date_to_string   (PdKeyDate    key);
gboolean     pd_key_date_from_string (const char  *text,
                                      PdKeyDate   *key);
/* "Date received", translated. */
const char  *pd_key_date_get_label   (PdKeyDate    key);

/* A date that is not recorded is invalid (g_date_valid() is FALSE): a
 * zeroed struct, or pd_clock_dates_init(), has none. */
typedef struct
{
  GDate   incident;
  GDate   incident_known;
  GDate   received;
  GDate   notified;
  GDate   information_requested;
  GDate   information_received;
  GDate   rapid_review_done;
  GDate   decision;
  GDate   national_panel_told;
  GDate   review_started;
  GDate   published;
  GDate   unpublished;

  /* PD_FACT_NO when the incident is not one to notify (the criteria are
   * not met): the notification and rapid review clocks do not apply. */
  PdFact  notifiable;
  /* The decision: YES a review, NO no review, UNKNOWN not yet made. */
  PdFact  review_decided;
} PdClockDates;

void         pd_clock_dates_init            (PdClockDates *dates);
const GDate *pd_clock_dates_get             (const PdClockDates *dates,
                                             PdKeyDate           key);
/* @text is "YYYY-MM-DD", or NULL or "" to clear the date; FALSE, changing
 * nothing, when it is not a real day. */
gboolean     pd_clock_dates_set_from_string (PdClockDates *dates,
                                             PdKeyDate     key,
                                             const char   *text);
void         pd_clock_dates_set             (PdClockDates *dates,
                                             PdKeyDate     key,
                                             const GDate  *date);

typedef enum
{
  PD_CLOCK_UNIT_WORKING_DAYS,
  PD_CLOCK_UNIT_DAYS,
  PD_CLOCK_UNIT_MONTHS,
  PD_CLOCK_UNIT_HOURS,        /* counted in whole days: 72 hours is 3 days */
} PdClockUnit;

/* "working-days", "days", "months", "hours". */
const char  *pd_clock_unit_to_string   (PdClockUnit  unit);
gboolean     pd_clock_unit_from_string (const char  *text,
                                        PdClockUnit *unit);

/* A board's own target: from @start to @end within @amount @unit. */
typedef struct
{
  char        *id;      /* "agency_information" */
  char        *name;    /* "Agency information", as the board calls it */
  PdKeyDate    start;
  PdKeyDate    end;
  guint        amount;
  PdClockUnit  unit;
} PdLocalTarget;

/* @spec is "START END AMOUNT UNIT NAME", e.g. "information_requested
 * information_received 10 working-days Agency information", as kept in a
 * database setting. */
gboolean     pd_local_target_parse     (const char     *id,
                                        const char     *spec,
                                        PdLocalTarget  *target,
                                        GError        **error);
char        *pd_local_target_to_string (const PdLocalTarget *target);
void         pd_local_target_clear     (PdLocalTarget  *target);
/* The usual local targets (a referral within 72 hours of the incident
 * becoming known, agency information within 10 working days), as a new
 * array of PdLocalTarget with its clear function set. */
GArray      *pd_local_targets_new_defaults (void);

typedef enum
{
  PD_CLOCK_STATE_NOT_STARTED,   /* the start date is not recorded (yet) */
  PD_CLOCK_STATE_RUNNING,
  PD_CLOCK_STATE_DUE_SOON,      /* due within 2 working days */
  PD_CLOCK_STATE_OVERDUE,
  PD_CLOCK_STATE_MET_ON_TIME,
  PD_CLOCK_STATE_MET_LATE,
  PD_CLOCK_STATE_MET_UNTIMED,   /* ended, but the start date is not recorded */
  PD_CLOCK_STATE_ENDED_EARLY,   /* a minimum period (publication) cut short */
} PdClockState;

/* "not_started", "running", "due_soon", ...; and "Due soon", translated. */
const char  *pd_clock_state_to_string (PdClockState state);
const char  *pd_clock_state_get_label (PdClockState state);

typedef enum
{
  PD_CLOCK_DEADLINE,   /* the end must come by the due date */
  PD_CLOCK_MINIMUM,    /* the end must not come before the due date */
} PdClockKind;

typedef struct
{
  char         *id;          /* "notify", "rapid_review", ... or a local target's id */
  char         *name;        /* translated, or the board's name of a local target */
  gboolean      statutory;   /* FALSE for a local target */
  PdClockKind   kind;
  PdKeyDate     start_key;   /* the key date the clock started on */
  PdKeyDate     end_key;
  guint         amount;
  PdClockUnit   unit;
  GDate         start;       /* invalid when not started */
  GDate         due;         /* invalid when not started */
  GDate         end;         /* invalid when not ended */
  PdClockState  state;
  /* Running, due soon or overdue: working days from today to the due date,
   * negative when overdue. */
  int           working_days_left;
} PdClock;

void         pd_clock_free            (PdClock *clock);

/* The clocks of @framework, then @targets (may be NULL), as of @today: a new
 * array of PdClock, in that order, that frees its elements. Clocks that do
 * not apply (a rapid review of an incident not to notify) are left out. */
GPtrArray   *pd_clocks_compute        (PdFramework          framework,
                                       const PdClockDates  *dates,
                                       const PdLocalTarget *targets,
                                       guint                n_targets,
                                       PdCalendar          *calendar,
                                       const GDate         *today);
/* The state of a deadline still open on @today: running, due soon (within
 * two working days) or overdue; @out_working_days_left may be NULL. */
PdClockState   pd_clock_state_for_due      (PdCalendar          *calendar,
                                            const GDate         *due,
                                            const GDate         *today,
                                            int                 *out_working_days_left);
/* The ids of every statutory clock of every framework ("notify", ...). */
const char *const *pd_clocks_get_statutory_ids (void);
/* The running, due soon or overdue deadline due first, or NULL. */
const PdClock *pd_clocks_get_next_deadline (GPtrArray *clocks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdClock, pd_clock_free)

G_END_DECLS
