/* test-calendar.c: working days across weekends, bank holidays and year ends */
#include <string.h>

#include "pd-core.h"
#include "pd-test-util.h"

static void
assert_add (PdCalendar *calendar,
            const char *from,
            guint       n,
            const char *expected)
{
  GDate start = pd_test_day (from);
  GDate result;
  g_autofree char *text = NULL;

  pd_calendar_add_working_days (calendar, &start, n, &result);
  text = pd_test_format_day (&result);
  if (strcmp (text, expected) != 0)
    g_error ("%s + %u working days: got %s, expected %s", from, n, text, expected);

  /* And back: the working days between are n (none for n = 0). */
  g_assert_cmpint (pd_calendar_working_days_between (calendar, &start, &result), ==, n);
}

static gboolean
working (PdCalendar *calendar,
         const char *text)
{
  GDate date = pd_test_day (text);
  return pd_calendar_is_working_day (calendar, &date);
}

/* ---------------------------------------------------------------- the shipped list */

/* Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
static GDate
easter_sunday (guint year)
{
  guint a = year % 19, b = year / 100, c = year % 100;
  guint d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  guint h = (19 * a + b - d - g + 15) % 30;
  guint i = c / 4, k = c % 4;
  guint l = (32 + 2 * e + 2 * i - h - k) % 7;
  guint m = (a + 11 * h + 22 * l) / 451;
  guint month = (h + l - 7 * m + 114) / 31;
  guint dom = (h + l - 7 * m + 114) % 31 + 1;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, dom, month, year);
  return date;
}

static void
add_julian (GHashTable  *set,
            const GDate *date)
{
  g_hash_table_add (set, GUINT_TO_POINTER (g_date_get_julian (date)));
}

static void
add_dmy (GHashTable *set,
         guint       d,
         guint       m,
         guint       y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  add_julian (set, &date);
}

/* The Monday on or after, or on or before, a date. */
static void
add_monday (GHashTable *set,
            guint       d,
            guint       m,
            guint       y,
            int         direction)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  while (g_date_get_weekday (&date) != G_DATE_MONDAY)
    {
      if (direction > 0)
        g_date_add_days (&date, 1);
      else
        g_date_subtract_days (&date, 1);
    }
  add_julian (set, &date);
}

/* The bank holidays of England and Wales from the rules of the Banking and
 * Financial Dealings Act 1971 and the proclamations of 2015-2023. */
static void
expected_holidays (guint       year,
                   GHashTable *set)
{
  GDate easter = easter_sunday (year), date;
  GDate christmas;

  /* New Year's Day, or the Monday after when it falls at a weekend. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, year);
  if (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
    add_monday (set, 1, 1, year, +1);
  else
    add_julian (set, &date);

  date = easter;
  g_date_subtract_days (&date, 2);
  add_julian (set, &date);               /* Good Friday */
  date = easter;
  g_date_add_days (&date, 1);
  add_julian (set, &date);               /* Easter Monday */

  if (year == 2020)
    add_dmy (set, 8, 5, 2020);           /* moved to VE Day */
  else
    add_monday (set, 1, 5, year, +1);    /* first Monday in May */

  if (year == 2022)
    {
      add_dmy (set, 2, 6, 2022);         /* spring, moved for the Platinum Jubilee */
      add_dmy (set, 3, 6, 2022);         /* the Platinum Jubilee */
      add_dmy (set, 19, 9, 2022);        /* the State Funeral of Queen Elizabeth II */
    }
  else
    add_monday (set, 31, 5, year, -1);   /* last Monday in May */

  if (year == 2023)
    add_dmy (set, 8, 5, 2023);           /* the coronation of King Charles III */

  add_monday (set, 31, 8, year, -1);     /* last Monday in August */

  /* Christmas and Boxing Day, each moved to the next free weekday. */
  g_date_clear (&christmas, 1);
  g_date_set_dmy (&christmas, 25, 12, year);
  switch (g_date_get_weekday (&christmas))
    {
    case G_DATE_FRIDAY:     /* Boxing Day on Saturday → Monday 28 */
      add_dmy (set, 25, 12, year);
      add_dmy (set, 28, 12, year);
      break;
    case G_DATE_SATURDAY:   /* both at the weekend → Monday 27, Tuesday 28 */
      add_dmy (set, 27, 12, year);
      add_dmy (set, 28, 12, year);
      break;
    case G_DATE_SUNDAY:     /* Boxing Day Monday 26, Christmas Tuesday 27 */
      add_dmy (set, 26, 12, year);
      add_dmy (set, 27, 12, year);
      break;
    default:
      add_dmy (set, 25, 12, year);
      add_dmy (set, 26, 12, year);
      break;
    }
}

static void
test_shipped_list_matches_the_rules (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();
  guint first = 0, last = 0;

  g_assert_true (pd_calendar_get_years (calendar, &first, &last));
  g_assert_cmpuint (first, ==, 2015);
  g_assert_cmpuint (last, ==, 2030);

  for (guint year = 2015; year <= 2030; year++)
    {
      g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
      GDate date;
      guint count = 0;

      expected_holidays (year, expected);

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, year);
      for (; g_date_get_year (&date) == year; g_date_add_days (&date, 1))
        {
          gboolean is = pd_calendar_is_holiday (calendar, &date);
          gboolean should = g_hash_table_contains (expected, GUINT_TO_POINTER (g_date_get_julian (&date)));

          if (is != should)
            {
              g_autofree char *text = pd_test_format_day (&date);
              g_error ("%s: the shipped list says %s, the rules %s", text,
                       is ? "a bank holiday" : "not", should ? "a bank holiday" : "not");
            }
          if (is)
            {
              count++;
              g_assert_false (g_date_get_weekday (&date) == G_DATE_SATURDAY ||
                              g_date_get_weekday (&date) == G_DATE_SUNDAY);
              g_assert_nonnull (pd_calendar_get_holiday_name (calendar, &date));
              g_assert_cmpstr (pd_calendar_get_holiday_name (calendar, &date), !=, "");
            }
        }

      g_assert_cmpuint (count, ==, year == 2022 ? 10 : year == 2023 ? 9 : 8);
    }
}

static void
test_special_years (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();
  GDate date;

  /* 2020: the early May bank holiday moved to Friday 8 May for VE Day. */
  g_assert_false (working (calendar, "2020-05-08"));
  g_assert_true (working (calendar, "2020-05-04"));
  date = pd_test_day ("2020-05-08");
  g_assert_nonnull (strstr (pd_calendar_get_holiday_name (calendar, &date), "VE Day"));

  /* 2022: spring bank holiday Thursday 2 June, the Jubilee Friday 3 June,
   * the State Funeral Monday 19 September; Monday 30 May an ordinary day. */
  g_assert_false (working (calendar, "2022-06-02"));
  g_assert_false (working (calendar, "2022-06-03"));
  g_assert_true (working (calendar, "2022-05-30"));
  g_assert_false (working (calendar, "2022-09-19"));
  date = pd_test_day ("2022-09-19");
  g_assert_nonnull (strstr (pd_calendar_get_holiday_name (calendar, &date), "State Funeral"));
  assert_add (calendar, "2022-06-01", 1, "2022-06-06");
  assert_add (calendar, "2022-09-16", 1, "2022-09-20");

  /* 2023: the coronation, Monday 8 May. */
  g_assert_false (working (calendar, "2023-05-08"));
  assert_add (calendar, "2023-04-28", 2, "2023-05-03");
  assert_add (calendar, "2023-05-05", 1, "2023-05-09");
}

/* ---------------------------------------------------------------- arithmetic */

static void
test_weekends (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();

  g_assert_true (working (calendar, "2026-03-06"));    /* Friday */
  g_assert_false (working (calendar, "2026-03-07"));   /* Saturday */
  g_assert_false (working (calendar, "2026-03-08"));   /* Sunday */
  g_assert_true (working (calendar, "2026-03-09"));    /* Monday */

  assert_add (calendar, "2026-03-06", 1, "2026-03-09");   /* Friday + 1 = Monday */
  assert_add (calendar, "2026-03-07", 1, "2026-03-09");   /* from a Saturday */
  assert_add (calendar, "2026-03-08", 5, "2026-03-13");   /* from a Sunday */
  assert_add (calendar, "2026-03-02", 5, "2026-03-09");   /* notify within 5 working days */
  assert_add (calendar, "2026-03-02", 15, "2026-03-23");  /* rapid review within 15 */
  assert_add (calendar, "2026-03-04", 10, "2026-03-18");
}

static void
test_zero_days (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();

  /* Within 0 working days of a day is that day, even a holiday. */
  assert_add (calendar, "2026-03-04", 0, "2026-03-04");
  assert_add (calendar, "2026-03-07", 0, "2026-03-07");
  assert_add (calendar, "2026-12-25", 0, "2026-12-25");
}

static void
test_christmas_and_new_year (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();

  /* 2026: Christmas Friday, Boxing Day Saturday → Monday 28 December;
   * New Year's Day 2027 a Friday. */
  g_assert_false (working (calendar, "2026-12-25"));
  g_assert_false (working (calendar, "2026-12-28"));
  g_assert_false (working (calendar, "2027-01-01"));
  g_assert_true (working (calendar, "2026-12-24"));
  g_assert_true (working (calendar, "2026-12-31"));

  assert_add (calendar, "2026-12-23", 1, "2026-12-24");
  assert_add (calendar, "2026-12-23", 2, "2026-12-29");
  assert_add (calendar, "2026-12-23", 4, "2026-12-31");
  assert_add (calendar, "2026-12-23", 5, "2027-01-04");
  assert_add (calendar, "2026-12-23", 15, "2027-01-18");
  assert_add (calendar, "2026-12-24", 1, "2026-12-29");

  /* 2021: Christmas and Boxing Day at the weekend → 27 and 28 December;
   * New Year's Day 2022 a Saturday → Monday 3 January. */
  assert_add (calendar, "2021-12-24", 1, "2021-12-29");
  assert_add (calendar, "2021-12-31", 1, "2022-01-04");

  /* 2016: Christmas a Sunday → Tuesday 27 December; 2017 New Year a Sunday. */
  g_assert_false (working (calendar, "2016-12-27"));
  assert_add (calendar, "2016-12-23", 1, "2016-12-28");
  assert_add (calendar, "2016-12-30", 1, "2017-01-03");

  /* 2027 into 2028: 27 and 28 December, then 3 January 2028. */
  assert_add (calendar, "2027-12-24", 1, "2027-12-29");
  assert_add (calendar, "2027-12-31", 1, "2028-01-04");
}

static void
test_easter (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();

  /* 2025: Good Friday 18 April, Easter Monday 21 April. */
  g_assert_false (working (calendar, "2025-04-18"));
  g_assert_false (working (calendar, "2025-04-21"));
  assert_add (calendar, "2025-04-16", 1, "2025-04-17");
  assert_add (calendar, "2025-04-16", 2, "2025-04-22");
  assert_add (calendar, "2025-04-17", 5, "2025-04-28");

  /* 2026: Good Friday 3 April, Easter Monday 6 April. */
  g_assert_false (working (calendar, "2026-04-03"));
  g_assert_false (working (calendar, "2026-04-06"));
  assert_add (calendar, "2026-04-02", 1, "2026-04-07");
  assert_add (calendar, "2026-03-30", 15, "2026-04-22");
}

static void
test_between (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();
  GDate a, b;

  a = pd_test_day ("2026-12-23");
  b = pd_test_day ("2027-01-04");
  g_assert_cmpint (pd_calendar_working_days_between (calendar, &a, &b), ==, 5);
  g_assert_cmpint (pd_calendar_working_days_between (calendar, &b, &a), ==, -5);
  g_assert_cmpint (pd_calendar_working_days_between (calendar, &a, &a), ==, 0);

  /* A weekend and a holiday in between count for nothing. */
  a = pd_test_day ("2026-12-25");
  b = pd_test_day ("2026-12-28");
  g_assert_cmpint (pd_calendar_working_days_between (calendar, &a, &b), ==, 0);

  /* 2026 has 261 weekdays and 8 bank holidays, all on weekdays. */
  a = pd_test_day ("2025-12-31");
  b = pd_test_day ("2026-12-31");
  g_assert_cmpint (pd_calendar_working_days_between (calendar, &a, &b), ==, 253);
}

/* Adding and counting agree with a plain day-by-day count, for every
 * starting day of the shipped years. */
static void
test_add_and_between_agree (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();
  GDate from;

  from = pd_test_day ("2014-12-20");
  for (; g_date_get_year (&from) <= 2030; g_date_add_days (&from, 1))
    {
      GDate next = from;
      guint counted = 0;

      for (guint n = 1; n <= 25; n++)
        {
          GDate result;

          do
            {
              g_date_add_days (&next, 1);
              if (g_date_get_weekday (&next) <= G_DATE_FRIDAY && !pd_calendar_is_holiday (calendar, &next))
                counted++;
            }
          while (counted < n);

          pd_calendar_add_working_days (calendar, &from, n, &result);
          g_assert_cmpint (g_date_compare (&result, &next), ==, 0);
          g_assert_cmpint (pd_calendar_working_days_between (calendar, &from, &result), ==, n);
          g_assert_cmpint (pd_calendar_working_days_between (calendar, &result, &from), ==, -(int) n);
        }
    }
}

/* ---------------------------------------------------------------- more holidays */

static void
test_added_holiday (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();
  GDate date = pd_test_day ("2026-06-15");
  GDate beyond = pd_test_day ("2031-01-01");
  guint first, last;

  g_assert_true (working (calendar, "2026-06-15"));
  assert_add (calendar, "2026-06-12", 1, "2026-06-15");

  pd_calendar_add_holiday (calendar, &date, "A new proclamation");
  g_assert_false (working (calendar, "2026-06-15"));
  g_assert_cmpstr (pd_calendar_get_holiday_name (calendar, &date), ==, "A new proclamation");
  assert_add (calendar, "2026-06-12", 1, "2026-06-16");

  /* The first name stays. */
  pd_calendar_add_holiday (calendar, &date, "Another");
  g_assert_cmpstr (pd_calendar_get_holiday_name (calendar, &date), ==, "A new proclamation");

  /* A year beyond the shipped list. */
  g_assert_false (pd_calendar_covers (calendar, &beyond));
  pd_calendar_add_holiday (calendar, &beyond, NULL);
  g_assert_true (pd_calendar_covers (calendar, &beyond));
  g_assert_cmpstr (pd_calendar_get_holiday_name (calendar, &beyond), ==, "");
  g_assert_true (pd_calendar_get_years (calendar, &first, &last));
  g_assert_cmpuint (last, ==, 2031);
  assert_add (calendar, "2030-12-31", 1, "2031-01-02");
}

static void
test_holidays_from_text (void)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new_empty ();
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (pd_calendar_get_years (calendar, NULL, NULL));
  g_assert_true (working (calendar, "2026-12-25"));   /* no holidays at all */

  g_assert_true (pd_calendar_add_holidays_from_text (calendar,
                                                     "# a comment\n"
                                                     "\n"
                                                     "2031-01-01 New Year's Day\n"
                                                     "  2031-04-11\tGood Friday  \r\n"
                                                     "2031-04-14\n",
                                                     &error));
  g_assert_no_error (error);
  g_assert_false (working (calendar, "2031-01-01"));
  g_assert_false (working (calendar, "2031-04-14"));
  date = pd_test_day ("2031-04-11");
  g_assert_cmpstr (pd_calendar_get_holiday_name (calendar, &date), ==, "Good Friday");
  date = pd_test_day ("2031-04-14");
  g_assert_cmpstr (pd_calendar_get_holiday_name (calendar, &date), ==, "");

  /* A bad line: an error naming it, and nothing of the text added. */
  g_assert_false (pd_calendar_add_holidays_from_text (calendar,
                                                      "2031-05-05 Early May\n"
                                                      "2031-02-30 Not a day\n",
                                                      &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_true (working (calendar, "2031-05-05"));
  g_clear_error (&error);

  g_assert_false (pd_calendar_add_holidays_from_text (calendar, "5 May 2031\n", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
}

static void
test_parse_date (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (pd_calendar_parse_date ("2024-02-29", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);
  g_assert_false (pd_calendar_parse_date ("2025-02-29", &date));
  g_assert_false (pd_calendar_parse_date ("2026-13-01", &date));
  g_assert_false (pd_calendar_parse_date ("2026-1-01", &date));
  g_assert_false (pd_calendar_parse_date ("2026-01-01x", &date));
  g_assert_false (pd_calendar_parse_date ("2026/01/01", &date));
  g_assert_false (pd_calendar_parse_date ("+026-01-01", &date));
  g_assert_false (pd_calendar_parse_date ("0000-01-01", &date));
  g_assert_false (pd_calendar_parse_date ("", &date));
  g_assert_false (pd_calendar_parse_date (NULL, &date));
  /* Untouched by the failures. */
  g_assert_cmpuint (g_date_get_year (&date), ==, 2024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/shipped-list-matches-the-rules", test_shipped_list_matches_the_rules);
  g_test_add_func ("/calendar/special-years", test_special_years);
  g_test_add_func ("/calendar/weekends", test_weekends);
  g_test_add_func ("/calendar/zero-days", test_zero_days);
  g_test_add_func ("/calendar/christmas-and-new-year", test_christmas_and_new_year);
  g_test_add_func ("/calendar/easter", test_easter);
  g_test_add_func ("/calendar/between", test_between);
  g_test_add_func ("/calendar/add-and-between-agree", test_add_and_between_agree);
  g_test_add_func ("/calendar/added-holiday", test_added_holiday);
  g_test_add_func ("/calendar/holidays-from-text", test_holidays_from_text);
  g_test_add_func ("/calendar/parse-date", test_parse_date);

  return g_test_run ();
}
