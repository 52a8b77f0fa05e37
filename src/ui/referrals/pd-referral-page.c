/* pd-referral-page.c: one referral, its clocks and its criteria check
 *
 * What a chair or a member opens from the list: the facts recorded, each
 * statutory clock with its due date and whether it is overdue, and what the
 * criteria check makes of the facts so far (decision support: the panel
 * and the chair decide). Read-only; the form for editing comes with it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-referral-page.h"

struct _PdReferralPage
{
  AdwBin      parent_instance;

  GtkBox     *content;
  char       *reference;
};

G_DEFINE_FINAL_TYPE (PdReferralPage, pd_referral_page, ADW_TYPE_BIN)

static GtkWidget *
add_group (PdReferralPage *self,
           const char     *title,
           const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->content, group);
  return group;
}

/* A row of a label and its value; the value can be selected and copied. */
static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *value,
         const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL && *value != '\0' ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* As wide as the text when there is room; wrapped only when there is not. */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
add_facts (PdReferralPage *self,
           PdReferral     *referral)
{
  GtkWidget *group = add_group (self, _("Referral"), NULL);
  g_autofree char *received = pd_format_date (pd_referral_get_date_received (referral));
  g_autofree char *incident = pd_format_date (pd_referral_get_date_of_incident (referral));
  g_autofree char *referrer = NULL;
  PdFramework framework;

  if (*pd_referral_get_referrer_name (referral) != '\0' && *pd_referral_get_referrer_agency (referral) != '\0')
    /* Translators: a referrer and their agency, e.g. "Michael Okafor, Police" */
    referrer = g_strdup_printf (_("%s, %s"), pd_referral_get_referrer_name (referral),
                                pd_referral_get_referrer_agency (referral));
  else
    referrer = g_strconcat (pd_referral_get_referrer_name (referral),
                            pd_referral_get_referrer_agency (referral), NULL);

  add_row (group, _("Reference"), pd_referral_get_reference (referral), NULL);
  add_row (group, _("Child"), pd_referral_get_pseudonym (referral), NULL);
  add_row (group, _("Status"), pd_referral_status_to_label (pd_referral_get_status (referral)), NULL);
  add_row (group, _("Received"), received, NULL);
  add_row (group, _("Date of incident"), incident, NULL);
  add_row (group, _("Referred by"), referrer, NULL);
  add_row (group, _("Framework"),
           pd_framework_from_string (pd_referral_get_framework (referral), &framework)
           ? pd_framework_get_label (framework) : pd_referral_get_framework (referral), NULL);

  if (*pd_referral_get_narrative (referral) != '\0')
    {
      GtkWidget *narrative_group = add_group (self, _("Narrative"), NULL);
      GtkWidget *label = gtk_label_new (pd_referral_get_narrative (referral));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "body");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (narrative_group), label);
    }
}

static const char *
clock_style (PdClockState state)
{
  switch (state)
    {
    case PD_CLOCK_STATE_OVERDUE:
    case PD_CLOCK_STATE_MET_LATE:
      return "error";
    case PD_CLOCK_STATE_DUE_SOON:
      return "warning";
    default:
      return NULL;
    }
}

static void
add_clocks (PdReferralPage *self,
            PdReferral     *referral,
            PdFramework     framework)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();
  g_autoptr(GArray) targets = pd_local_targets_new_defaults ();
  g_autoptr(GPtrArray) clocks = NULL;
  GtkWidget *group;
  PdClockDates dates;
  GDate today;

  pd_clock_dates_init (&dates);
  pd_clock_dates_set_from_string (&dates, PD_KEY_DATE_RECEIVED, pd_referral_get_date_received (referral));
  if (pd_referral_get_date_of_incident (referral) != NULL)
    pd_clock_dates_set_from_string (&dates, PD_KEY_DATE_INCIDENT, pd_referral_get_date_of_incident (referral));
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  clocks = pd_clocks_compute (framework, &dates, (const PdLocalTarget *) targets->data, targets->len,
                              calendar, &today);
  group = add_group (self, _("Clocks"),
                     _("Working days, counting England and Wales bank holidays; local targets are the board’s own."));

  for (guint i = 0; i < clocks->len; i++)
    {
      PdClock *clock = g_ptr_array_index (clocks, i);
      g_autofree char *value = NULL;

      if (g_date_valid (&clock->due))
        {
          char due[64];

          /* Translators: a date in a clock's row, e.g. "7 Dec 2026"; see g_date_strftime() */
          g_date_strftime (due, sizeof due, _("%-d %b %Y"), &clock->due);
          /* Translators: a clock's state and due date, e.g. "Overdue: due 7 Dec 2026" */
          value = g_strdup_printf (_("%s: due %s"), pd_clock_state_get_label (clock->state), due);
        }
      else
        value = g_strdup (pd_clock_state_get_label (clock->state));
      add_row (group, clock->name, value, clock_style (clock->state));
    }
}

static void
add_criteria (PdReferralPage *self,
              PdReferral     *referral,
              PdFramework     framework)
{
  /* No facts are recorded for the criteria yet: the check's reasons ask
   * the questions it needs answered. */
  PdCriteriaFacts facts = { 0 };
  g_autoptr(PdCriteriaResult) result = pd_criteria_check (framework, &facts);
  GtkWidget *group = add_group (self, _("Criteria Check"),
                                _("Decision support from the facts recorded: the panel recommends and the chair decides."));

  add_row (group, _("Outcome"), result->summary, NULL);

  for (guint i = 0; i < result->reasons->len; i++)
    {
      GtkWidget *reason = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), g_ptr_array_index (result->reasons, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reason), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (reason), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), reason);
    }
}

gboolean
pd_referral_page_show (PdReferralPage  *self,
                       PdDatabase      *db,
                       gint64           id,
                       GError         **error)
{
  g_autoptr(PdReferral) referral = NULL;
  GtkWidget *child;
  PdFramework framework = PD_FRAMEWORK_ENGLAND_2018;

  g_return_val_if_fail (PD_IS_REFERRAL_PAGE (self), FALSE);
  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  referral = pd_referral_load (db, id, error);
  if (referral == NULL)
    return FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  pd_framework_from_string (pd_referral_get_framework (referral), &framework);
  add_facts (self, referral);
  add_clocks (self, referral, framework);
  add_criteria (self, referral, framework);

  g_free (self->reference);
  self->reference = g_strdup (pd_referral_get_reference (referral));
  return TRUE;
}

const char *
pd_referral_page_get_reference (PdReferralPage *self)
{
  g_return_val_if_fail (PD_IS_REFERRAL_PAGE (self), NULL);

  return self->reference;
}

PdReferralPage *
pd_referral_page_new (void)
{
  return g_object_new (PD_TYPE_REFERRAL_PAGE, NULL);
}

static void
pd_referral_page_dispose (GObject *object)
{
  PdReferralPage *self = PD_REFERRAL_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_REFERRAL_PAGE);

  G_OBJECT_CLASS (pd_referral_page_parent_class)->dispose (object);
}

static void
pd_referral_page_finalize (GObject *object)
{
  PdReferralPage *self = PD_REFERRAL_PAGE (object);

  g_free (self->reference);

  G_OBJECT_CLASS (pd_referral_page_parent_class)->finalize (object);
}

static void
pd_referral_page_class_init (PdReferralPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_referral_page_dispose;
  object_class->finalize = pd_referral_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/referrals/pd-referral-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdReferralPage, content);
}

static void
pd_referral_page_init (PdReferralPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
