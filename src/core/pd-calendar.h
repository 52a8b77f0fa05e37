/* pd-calendar.h: working days in England and Wales, for the statutory clocks */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PD_TYPE_CALENDAR (pd_calendar_get_type ())
G_DECLARE_FINAL_TYPE (PdCalendar, pd_calendar, PD, CALENDAR, GObject)

/* The bank holidays of England and Wales shipped with Panel Desk (2015-2030). */
PdCalendar  *pd_calendar_new                   (void);
/* No bank holidays at all: only weekends are non-working days. */
PdCalendar  *pd_calendar_new_empty             (void);

/* Adds a bank holiday (a new proclamation, a year after 2030); @name may be
 * NULL. Adding a date twice keeps the first name. */
void         pd_calendar_add_holiday           (PdCalendar   *self,
                                                const GDate  *date,
                                                const char   *name);
/* Adds the holidays of @text, in the format of the shipped list: one
 * "YYYY-MM-DD name" a line, "#" starts a comment. Nothing is added when a
 * line is wrong; @error then says which one. */
gboolean     pd_calendar_add_holidays_from_text (PdCalendar  *self,
                                                 const char  *text,
                                                 GError     **error);

/* The holiday's name, or NULL when @date is not a bank holiday. */
const char  *pd_calendar_get_holiday_name      (PdCalendar   *self,
                                                const GDate  *date);
gboolean     pd_calendar_is_holiday            (PdCalendar   *self,
                                                const GDate  *date);
/* Monday to Friday and not a bank holiday. */
gboolean     pd_calendar_is_working_day        (PdCalendar   *self,
                                                const GDate  *date);
/* The @n-th working day after @from, as in "within 15 working days of":
 * counting starts the next working day. @n = 0 gives @from itself. */
void         pd_calendar_add_working_days      (PdCalendar   *self,
                                                const GDate  *from,
                                                guint         n,
                                                GDate        *result);
/* The working days after @from up to and including @to; negative, counted
 * the same way from @to, when @to is before @from. */
int          pd_calendar_working_days_between  (PdCalendar   *self,
                                                const GDate  *from,
                                                const GDate  *to);
/* The first and last year the calendar knows bank holidays for, so that
 * a date outside them can be flagged as counted without holidays. */
gboolean     pd_calendar_get_years             (PdCalendar   *self,
                                                guint        *first_year,
                                                guint        *last_year);
gboolean     pd_calendar_covers                (PdCalendar   *self,
                                                const GDate  *date);

/* Reads a real day written exactly YYYY-MM-DD into @date; FALSE, leaving
 * @date alone, otherwise. */
gboolean     pd_calendar_parse_date            (const char   *text,
                                                GDate        *date);

G_END_DECLS
