/* pd-calendar.c: working days in England and Wales, for the statutory clocks
 *
 * A working day is Monday to Friday and not a bank holiday. The bank
 * holidays of England and Wales are data, not code: a text file in the
 * core resource, one "YYYY-MM-DD name" a line, to which a database can add
 * dates of its own (a new proclamation, years after the shipped list).
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"

#define HOLIDAYS_RESOURCE "/io/github/paneldesk/PanelDesk/core/data/bank-holidays-england-and-wales.txt"

struct _PdCalendar
{
  GObject     parent_instance;

  GHashTable *holidays;     /* julian day → name (owned, maybe "") */
  guint       first_year;   /* 0 when no holiday is known */
  guint       last_year;
};

G_DEFINE_FINAL_TYPE (PdCalendar, pd_calendar, G_TYPE_OBJECT)

static void
pd_calendar_finalize (GObject *object)
{
  PdCalendar *self = PD_CALENDAR (object);

  g_clear_pointer (&self->holidays, g_hash_table_unref);

  G_OBJECT_CLASS (pd_calendar_parent_class)->finalize (object);
}

static void
pd_calendar_class_init (PdCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pd_calendar_finalize;
}

static void
pd_calendar_init (PdCalendar *self)
{
  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

PdCalendar *
pd_calendar_new_empty (void)
{
  return g_object_new (PD_TYPE_CALENDAR, NULL);
}

PdCalendar *
pd_calendar_new (void)
{
  g_autoptr(PdCalendar) self = pd_calendar_new_empty ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize size = 0;
  const char *data;

  bytes = g_resources_lookup_data (HOLIDAYS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("The shipped bank holidays are missing: %s", error->message);
      return g_steal_pointer (&self);
    }

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  if (!pd_calendar_add_holidays_from_text (self, text, &error))
    g_critical ("The shipped bank holidays are broken: %s", error->message);

  return g_steal_pointer (&self);
}

static void
add_holiday (PdCalendar  *self,
             const GDate *date,
             const char  *name)
{
  gpointer key = GUINT_TO_POINTER (g_date_get_julian (date));
  guint year = g_date_get_year (date);

  if (g_hash_table_contains (self->holidays, key))
    return;

  g_hash_table_insert (self->holidays, key, g_strdup (name != NULL ? name : ""));

  if (self->first_year == 0 || year < self->first_year)
    self->first_year = year;
  if (year > self->last_year)
    self->last_year = year;
}

void
pd_calendar_add_holiday (PdCalendar  *self,
                         const GDate *date,
                         const char  *name)
{
  g_return_if_fail (PD_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  add_holiday (self, date, name);
}

gboolean
pd_calendar_parse_date (const char *text,
                        GDate      *date)
{
  unsigned int y, m, d;
  int consumed = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3 || consumed != 10)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

typedef struct
{
  GDate  date;
  char  *name;
} Holiday;

static void
holiday_clear (gpointer data)
{
  g_free (((Holiday *) data)->name);
}

gboolean
pd_calendar_add_holidays_from_text (PdCalendar  *self,
                                    const char  *text,
                                    GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) parsed = NULL;

  g_return_val_if_fail (PD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parsed = g_array_new (FALSE, FALSE, sizeof (Holiday));
  g_array_set_clear_func (parsed, holiday_clear);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_autofree char *date_text = NULL;
      const char *name;
      Holiday h;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      name = line;
      while (*name != '\0' && !g_ascii_isspace (*name))
        name++;
      date_text = g_strndup (line, name - line);

      if (!pd_calendar_parse_date (date_text, &h.date))
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("Line %u of the bank holidays does not start with a date written YYYY-MM-DD: “%s”."),
                       i + 1, line);
          return FALSE;
        }
      while (g_ascii_isspace (*name))
        name++;
      h.name = g_strdup (name);
      g_array_append_val (parsed, h);
    }

  for (guint i = 0; i < parsed->len; i++)
    {
      Holiday *h = &g_array_index (parsed, Holiday, i);
      add_holiday (self, &h->date, h->name);
    }

  return TRUE;
}

const char *
pd_calendar_get_holiday_name (PdCalendar  *self,
                              const GDate *date)
{
  g_return_val_if_fail (PD_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_hash_table_lookup (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
pd_calendar_is_holiday (PdCalendar  *self,
                        const GDate *date)
{
  g_return_val_if_fail (PD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

static gboolean
is_working_day (PdCalendar  *self,
                const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return FALSE;

  return !g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
pd_calendar_is_working_day (PdCalendar  *self,
                            const GDate *date)
{
  g_return_val_if_fail (PD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return is_working_day (self, date);
}

void
pd_calendar_add_working_days (PdCalendar  *self,
                              const GDate *from,
                              guint        n,
                              GDate       *result)
{
  GDate day;

  g_return_if_fail (PD_IS_CALENDAR (self));
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (result != NULL);

  day = *from;
  while (n > 0)
    {
      g_date_add_days (&day, 1);
      if (is_working_day (self, &day))
        n--;
    }

  *result = day;
}

/* Weekdays among julian days 1 to @julian; julian day 1 is a Monday. */
static guint32
weekdays_up_to (guint32 julian)
{
  return (julian / 7) * 5 + MIN (julian % 7, 5);
}

int
pd_calendar_working_days_between (PdCalendar  *self,
                                  const GDate *from,
                                  const GDate *to)
{
  GHashTableIter iter;
  gpointer key;
  guint32 first, last;
  guint32 count;

  g_return_val_if_fail (PD_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  if (g_date_compare (to, from) < 0)
    return -pd_calendar_working_days_between (self, to, from);

  first = g_date_get_julian (from);
  last = g_date_get_julian (to);
  count = weekdays_up_to (last) - weekdays_up_to (first);

  /* Then the bank holidays on weekdays in (first, last]. */
  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 julian = GPOINTER_TO_UINT (key);

      if (julian > first && julian <= last && (julian - 1) % 7 < 5)
        count--;
    }

  return (int) count;
}

gboolean
pd_calendar_get_years (PdCalendar *self,
                       guint      *first_year,
                       guint      *last_year)
{
  g_return_val_if_fail (PD_IS_CALENDAR (self), FALSE);

  if (first_year != NULL)
    *first_year = self->first_year;
  if (last_year != NULL)
    *last_year = self->last_year;

  return self->first_year != 0;
}

gboolean
pd_calendar_covers (PdCalendar  *self,
                    const GDate *date)
{
  guint year;

  g_return_val_if_fail (PD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  year = g_date_get_year (date);
  return self->first_year != 0 && year >= self->first_year && year <= self->last_year;
}
