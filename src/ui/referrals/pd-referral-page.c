/* pd-referral-page.c: one referral, its clocks and its criteria check
 *
 * What a chair or a member opens from the list: the facts recorded, each
 * statutory clock with its due date and whether it is overdue, and what the
 * criteria check makes of the facts so far (decision support: the panel
 * and the chair decide), the timeline of its steps, the agencies' answers
 * and the rest of the form as recorded. Read-only: the form edits it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-detail-rows.h"
#include "pd-format.h"
#include "pd-referral-page.h"

struct _PdReferralPage
{
  AdwBin      parent_instance;

  GtkBox     *content;
  char       *reference;
};

G_DEFINE_FINAL_TYPE (PdReferralPage, pd_referral_page, ADW_TYPE_BIN)

static char *
format_day (const GDate *date)
{
  char text[64];

  if (!g_date_valid (date))
    return g_strdup ("");
  /* Translators: a date on the referral page, e.g. "7 Dec 2026"; see g_date_strftime() */
  g_date_strftime (text, sizeof text, _("%-d %b %Y"), date);
  return g_strdup (text);
}

static void
add_facts (PdReferralPage *self,
           PdReferral     *referral)
{
  GtkWidget *group = pd_detail_group_add (self->content, _("Referral"), NULL);
  g_autofree char *received = pd_format_date (pd_referral_get_date_received (referral));
  g_autofree char *incident = pd_format_date (pd_referral_get_date_of_incident (referral));
  g_autofree char *referrer = NULL;
  const PdReferralField *referred_for = pd_referral_field_lookup ("referred_for");
  PdFramework framework;

  if (*pd_referral_get_referrer_name (referral) != '\0' && *pd_referral_get_referrer_agency (referral) != '\0')
    /* Translators: a referrer and their agency, e.g. "Michael Okafor, Police" */
    referrer = g_strdup_printf (_("%s, %s"), pd_referral_get_referrer_name (referral),
                                pd_referral_get_referrer_agency (referral));
  else
    referrer = g_strconcat (pd_referral_get_referrer_name (referral),
                            pd_referral_get_referrer_agency (referral), NULL);

  pd_detail_row_add (group, _("Reference"), pd_referral_get_reference (referral), NULL);
  pd_detail_row_add (group, _("Child"), pd_referral_get_pseudonym (referral), NULL);
  pd_detail_row_add (group, _("Status"), pd_referral_status_to_label (pd_referral_get_status (referral)), NULL);
  pd_detail_row_add (group, _("Received"), received, NULL);
  pd_detail_row_add (group, _("Date of death or incident"), incident, NULL);
  pd_detail_row_add (group, _("Referred by"), referrer, NULL);
  pd_detail_row_add (group, _("Framework"),
           pd_framework_from_string (pd_referral_get_framework (referral), &framework)
           ? pd_framework_get_label (framework) : pd_referral_get_framework (referral), NULL);
  pd_detail_row_add_if_set (group, _(referred_for->label),
                  pd_referral_field_value_label (referred_for, pd_referral_get_detail (referral, "referred_for")));
}

static void
add_timeline (PdReferralPage *self,
              PdReferral     *referral)
{
  GPtrArray *history = pd_referral_get_history (referral);
  GtkWidget *group = pd_detail_group_add (self->content, _("Timeline"),
                                _("Each step of the referral, dated: record the next one with Record Step."));

  for (guint i = 0; i < history->len; i++)
    {
      PdStatusChange *change = g_ptr_array_index (history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = pd_format_date (change->on_date);
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_referral_status_to_label (change->status));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (*change->note != '\0' && *change->login_name != '\0')
        /* Translators: a step's date, note and who recorded it: "2 Mar 2026 — Agreed at panel (by jsmith)" */
        subtitle = g_strdup_printf (_("%s — %s (by %s)"), date, change->note, change->login_name);
      else if (*change->login_name != '\0')
        /* Translators: a step's date and who recorded it: "2 Mar 2026 (by jsmith)" */
        subtitle = g_strdup_printf (_("%s (by %s)"), date, change->login_name);
      else
        subtitle = g_steal_pointer (&date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
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
            PdDatabase     *db)
{
  g_autoptr(PdCalendar) calendar = pd_calendar_new ();
  g_autoptr(GArray) targets = pd_referral_load_local_targets (db, NULL);
  g_autoptr(GPtrArray) clocks = NULL;
  GtkWidget *group;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  if (targets == NULL)
    targets = pd_local_targets_new_defaults ();
  clocks = pd_referral_compute_clocks (referral, calendar, targets, &today);
  group = pd_detail_group_add (self->content, _("Clocks"),
                     _("Working days, counting England and Wales bank holidays; local targets are the board’s own."));

  for (guint i = 0; i < clocks->len; i++)
    {
      PdClock *clock = g_ptr_array_index (clocks, i);
      g_autofree char *value = NULL;

      if (g_date_valid (&clock->due))
        {
          g_autofree char *due = format_day (&clock->due);

          /* Translators: a clock's state and due date, e.g. "Overdue: due 7 Dec 2026" */
          value = g_strdup_printf (_("%s: due %s"), pd_clock_state_get_label (clock->state), due);
        }
      else
        value = g_strdup (pd_clock_state_get_label (clock->state));
      pd_detail_row_add (group, clock->name, value, clock_style (clock->state));
    }
}

static void
add_criteria (PdReferralPage *self,
              PdReferral     *referral)
{
  g_autoptr(PdCriteriaResult) result = pd_referral_check_criteria (referral);
  GtkWidget *group = pd_detail_group_add (self->content, _("Criteria Check"),
                                _("Decision support from the facts recorded: the panel recommends and the chair decides."));

  pd_detail_row_add (group, _("Outcome"), result->summary,
           result->outcome == PD_CRITERIA_NOT_ENOUGH_INFORMATION ? "warning" : NULL);

  for (guint i = 0; i < result->reasons->len; i++)
    {
      GtkWidget *reason = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), g_ptr_array_index (result->reasons, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reason), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (reason), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), reason);
    }
  if (result->missing->len > 0)
    {
      g_autoptr(GString) missing = g_string_new (NULL);

      for (guint i = 0; i < result->missing->len; i++)
        {
          int id = pd_criteria_fact_from_key (g_ptr_array_index (result->missing, i));

          if (id >= 0)
            g_string_append_printf (missing, "%s%s", missing->len > 0 ? "\n" : "", pd_criteria_fact_get_label (id));
        }
      pd_detail_row_add (group, _("Still to find out"), missing->str, NULL);
    }
}

static void
add_agencies (PdReferralPage *self,
              PdReferral     *referral)
{
  GPtrArray *agencies = pd_referral_get_agencies (referral);
  g_autoptr(PdCalendar) calendar = NULL;
  GtkWidget *group;
  GDate today;

  if (agencies->len == 0)
    return;
  calendar = pd_calendar_new ();
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  group = pd_detail_group_add (self->content, _("Agencies Involved"), _("Their information, as requested and received."));
  for (guint i = 0; i < agencies->len; i++)
    {
      PdReferralAgency *agency = g_ptr_array_index (agencies, i);
      g_autofree char *value = NULL;
      const char *style = NULL;

      if (*agency->received_on != '\0')
        {
          g_autofree char *received = pd_format_date (agency->received_on);

          /* Translators: when an agency's information arrived */
          value = g_strdup_printf (_("Received %s"), received);
        }
      else if (*agency->due_on != '\0')
        {
          g_autofree char *due_text = pd_format_date (agency->due_on);
          GDate due;
          PdClockState state;

          pd_calendar_parse_date (agency->due_on, &due);
          state = pd_clock_state_for_due (calendar, &due, &today, NULL);
          style = clock_style (state);
          /* Translators: an agency's request: its state and due date, "Overdue: due 19 Mar 2026" */
          value = g_strdup_printf (_("%s: due %s"), pd_clock_state_get_label (state), due_text);
        }
      else
        value = g_strdup (_("Not requested"));
      pd_detail_row_add (group, agency->agency, value, style);
    }
}

/* The form's single answers of @section that are recorded. */
static void
add_section (PdReferralPage *self,
             PdReferral     *referral,
             PdFormSection   section,
             const char     *title)
{
  const PdReferralField *fields;
  GtkWidget *group = NULL;
  guint n_fields;

  fields = pd_referral_fields_get (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *value = pd_referral_get_detail (referral, fields[i].key);

      if (fields[i].section != section || *value == '\0')
        continue;
      if (group == NULL)
        group = pd_detail_group_add (self->content, title, NULL);
      if (fields[i].kind == PD_FIELD_DATE)
        {
          g_autofree char *date = pd_format_date (value);

          pd_detail_row_add (group, _(fields[i].label), date, NULL);
        }
      else
        pd_detail_row_add (group, _(fields[i].label), pd_referral_field_value_label (&fields[i], value), NULL);
    }
}

/* Relationships only: real names stay in the form. */
static void
add_family (PdReferralPage *self,
            PdReferral     *referral)
{
  GPtrArray *members = pd_referral_get_members (referral);
  GtkWidget *group;

  if (members->len == 0)
    return;
  group = pd_detail_group_add (self->content, _("Family and Significant Others"), _("Names are in the form."));
  for (guint i = 0; i < members->len; i++)
    {
      PdReferralMember *member = g_ptr_array_index (members, i);

      pd_detail_row_add (group, *member->relationship != '\0' ? member->relationship : _("Relationship not recorded"),
               member->legal_status, NULL);
    }
}

static void
add_key_dates (PdReferralPage *self,
               PdReferral     *referral)
{
  const char *const *keys = pd_referral_date_keys ();
  GtkWidget *group = NULL;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *date = pd_referral_get_date (referral, keys[i]);
      g_autofree char *text = NULL;

      if (date == NULL)
        continue;
      if (group == NULL)
        group = pd_detail_group_add (self->content, _("Key Dates"), NULL);
      text = pd_format_date (date);
      pd_detail_row_add (group, pd_referral_date_get_label (keys[i]), text, NULL);
    }
}

static void
add_narrative (PdReferralPage *self,
               PdReferral     *referral)
{
  GtkWidget *group;
  GtkWidget *label;

  if (*pd_referral_get_narrative (referral) == '\0')
    return;
  group = pd_detail_group_add (self->content, _("Narrative"), NULL);
  label = gtk_label_new (pd_referral_get_narrative (referral));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "body");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
}

gboolean
pd_referral_page_show (PdReferralPage  *self,
                       PdDatabase      *db,
                       gint64           id,
                       GError         **error)
{
  g_autoptr(PdReferral) referral = NULL;
  GtkWidget *child;

  g_return_val_if_fail (PD_IS_REFERRAL_PAGE (self), FALSE);
  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  referral = pd_referral_load_record (db, id, error);
  if (referral == NULL)
    return FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  add_facts (self, referral);
  add_criteria (self, referral);
  add_clocks (self, referral, db);
  add_timeline (self, referral);
  add_agencies (self, referral);
  add_section (self, referral, PD_SECTION_REFERRER, _("Referrer"));
  add_section (self, referral, PD_SECTION_CHILD, _("Child"));
  add_family (self, referral);
  add_section (self, referral, PD_SECTION_CRITERIA, _("What the Referrer Believes"));
  add_section (self, referral, PD_SECTION_PROCEEDINGS, _("Parallel Proceedings"));
  add_key_dates (self, referral);
  add_narrative (self, referral);

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
