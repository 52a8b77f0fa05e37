/* pd-format.c: how the views write dates */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pd-format.h"

static GDateTime *
parse_iso (const char *iso)
{
  int year, month, day;
  g_autoptr(GTimeZone) local = NULL;
  GDateTime *utc;
  GDateTime *result;

  if (iso == NULL || *iso == '\0')
    return NULL;

  local = g_time_zone_new_local ();

  /* A calendar day: no time zone to convert. */
  if (strlen (iso) == 10 && sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) == 3)
    return g_date_time_new (local, year, month, day, 0, 0, 0);

  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    {
      g_autoptr(GTimeZone) tz_utc = g_time_zone_new_utc ();
      utc = g_date_time_new_from_iso8601 (iso, tz_utc);
    }
  if (utc == NULL)
    {
      /* "2026-03-03 10:00:00" as SQLite writes it, in UTC */
      g_autofree char *fixed = g_strdelimit (g_strdup (iso), " ", 'T');
      g_autoptr(GTimeZone) tz_utc = g_time_zone_new_utc ();
      utc = g_date_time_new_from_iso8601 (fixed, tz_utc);
    }
  if (utc == NULL)
    return NULL;

  result = g_date_time_to_timezone (utc, local);
  g_date_time_unref (utc);
  return result;
}

char *
pd_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = parse_iso (iso);

  if (dt == NULL)
    return g_strdup (iso != NULL ? iso : "");

  /* Translators: a date in a list, e.g. "3 Mar 2026"; see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

char *
pd_format_date_time (const char *iso)
{
  g_autoptr(GDateTime) dt = parse_iso (iso);

  if (dt == NULL)
    return g_strdup (iso != NULL ? iso : "");

  /* Translators: a date and time in a list, e.g. "31 Mar 2026, 10:00"; see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y, %H:%M"));
}
