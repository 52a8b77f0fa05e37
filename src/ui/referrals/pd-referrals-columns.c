/* pd-referrals-columns.c: the referrals table's columns, as text and style
 *
 * The next deadline is said in words and colour together ("Overdue",
 * "Due soon"), never by colour alone, so a screen reader and a grey
 * printout say the same as the screen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-referrals-columns.h"

static char *
reference_text (gpointer item)
{
  return g_strdup (pd_referral_get_reference (item));
}

static char *
child_text (gpointer item)
{
  return g_strdup (pd_referral_get_pseudonym (item));
}

static char *
status_text (gpointer item)
{
  return g_strdup (pd_referral_status_to_label (pd_referral_get_status (item)));
}

static char *
received_text (gpointer item)
{
  return pd_format_date (pd_referral_get_date_received (item));
}

/* Statuses after which no clock runs for the referral. */
static gboolean
status_is_settled (const char *status)
{
  return g_strcmp0 (status, "decision_made") == 0 ||
         g_strcmp0 (status, "review_commissioned") == 0 ||
         g_strcmp0 (status, "no_review") == 0 ||
         g_strcmp0 (status, "closed") == 0;
}

/* The state of the referral's next deadline today, or NOT_STARTED when none runs. */
static PdClockState
deadline_state (PdReferral *referral)
{
  static PdCalendar *calendar;
  const char *deadline = pd_referral_get_next_deadline (referral);
  GDate due, today;

  if (deadline == NULL || status_is_settled (pd_referral_get_status (referral)))
    return PD_CLOCK_STATE_NOT_STARTED;
  g_date_clear (&due, 1);
  if (!pd_calendar_parse_date (deadline, &due))
    return PD_CLOCK_STATE_NOT_STARTED;

  /* Bank holidays are read once, from the core's resources. */
  if (g_once_init_enter (&calendar))
    g_once_init_leave (&calendar, pd_calendar_new ());
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  return pd_clock_state_for_due (calendar, &due, &today, NULL);
}

static char *
deadline_text (gpointer item)
{
  const char *deadline = pd_referral_get_next_deadline (item);
  g_autofree char *date = NULL;

  if (deadline == NULL || *deadline == '\0')
    return g_strdup ("—");
  date = pd_format_date (deadline);

  /* In words as well as in colour, for those who cannot tell red from green. */
  switch (deadline_state (item))
    {
    case PD_CLOCK_STATE_OVERDUE:
      /* Translators: a deadline in the list, e.g. "Overdue: 10 Nov 2026" */
      return g_strdup_printf (_("Overdue: %s"), date);
    case PD_CLOCK_STATE_DUE_SOON:
      /* Translators: a deadline in the list, e.g. "Due soon: 25 Nov 2026" */
      return g_strdup_printf (_("Due soon: %s"), date);
    default:
      return g_steal_pointer (&date);
    }
}

static const char *
deadline_style (gpointer item)
{
  switch (deadline_state (item))
    {
    case PD_CLOCK_STATE_OVERDUE:
      return "error";
    case PD_CLOCK_STATE_DUE_SOON:
      return "warning";
    default:
      return NULL;
    }
}

static char *
referrer_text (gpointer item)
{
  return g_strdup (pd_referral_get_referrer_agency (item));
}

/* The empty page says whether there are no referrals or no matches. */

void
pd_referrals_columns_add (PdRecordTable *table)
{
  pd_record_table_append_column (table, _("Reference"), reference_text, FALSE);
  pd_record_table_append_column (table, _("Child"), child_text, TRUE);
  pd_record_table_append_column (table, _("Status"), status_text, FALSE);
  pd_record_table_append_column (table, _("Received"), received_text, FALSE);
  pd_record_table_append_styled_column (table, _("Next deadline"), deadline_text,
                                        deadline_style, FALSE);
  pd_record_table_append_column (table, _("Referred by"), referrer_text, TRUE);
}
