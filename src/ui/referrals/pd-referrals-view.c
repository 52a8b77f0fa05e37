/* pd-referrals-view.c: the referrals of the database in a table, loaded on demand */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-record-table.h"
#include "pd-referral-dialog.h"
#include "pd-referral-page.h"
#include "pd-referrals-view.h"
#include "pd-step-dialog.h"
#include "pd-window.h"

struct _PdReferralsView
{
  AdwBin         parent_instance;

  GtkStack       *pages;
  GtkLabel       *referral_title;
  GtkWidget      *back_button;
  PdReferralPage *referral_page;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown    *filter_dropdown;
  GtkDropDown    *sort_dropdown;
  GtkWidget      *new_button;
  GtkWidget      *edit_button;
  GtkWidget      *step_button;
  GtkWidget      *recommend_button;
  gint64          open_id;
  gint64          open_version;  /* as shown, to tell others' changes */
  PdRecordTable *table;
  PdDatabase    *db;
  PdRecordList  *list;      /* the referrals matching the search, newest first */
};

G_DEFINE_FINAL_TYPE (PdReferralsView, pd_referrals_view, ADW_TYPE_BIN)

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
static void
update_empty_page (PdReferralsView *self,
                   gboolean         searching)
{
  if (searching)
    g_object_set (self->table,
                  "empty-icon-name", "edit-find-symbolic",
                  "empty-title", _("No Referrals Found"),
                  "empty-description", _("Try part of a reference, a pseudonym such as “Child A”, an agency or a word of the narrative."),
                  NULL);
  else
    g_object_set (self->table,
                  "empty-icon-name", "folder-documents-symbolic",
                  "empty-title", _("No Referrals Yet"),
                  "empty-description", _("Referrals the business unit logs appear here."),
                  NULL);
}

/* The filter dropdown's choices, in order: its key for the search. */
static const char *filters[] = {
  NULL, "open", "overdue",
  "received", "information_requested", "on_agenda", "recommendation_made",
  "decision_made", "review_commissioned", "no_review", "closed",
  "england-2015", "england-2018", "wales",
};

static GListModel *
filter_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("All referrals"));
  gtk_string_list_append (list, _("Open"));
  gtk_string_list_append (list, _("Overdue"));
  for (guint i = 3; i < G_N_ELEMENTS (filters); i++)
    {
      PdFramework framework;

      if (pd_framework_from_string (filters[i], &framework))
        gtk_string_list_append (list, pd_framework_get_label (framework));
      else
        gtk_string_list_append (list, pd_referral_status_to_label (filters[i]));
    }
  return G_LIST_MODEL (list);
}

/* The sort dropdown's choices, in order: its key for the search. */
static const struct
{
  const char *key;
  const char *label;
} sorts[] = {
  { "newest",          N_("Newest first") },
  { "oldest",          N_("Oldest first") },
  { "reference",       N_("By reference") },
  { "pseudonym",       N_("By child") },
  { "status",          N_("By status") },
  { "next_deadline",   N_("By next deadline") },
  { "referrer_agency", N_("By referring agency") },
};

static GListModel *
sort_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    gtk_string_list_append (list, _(sorts[i].label));
  return G_LIST_MODEL (list);
}

static void
on_sort_changed (PdReferralsView *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);

  if (self->list == NULL || selected >= G_N_ELEMENTS (sorts))
    return;
  if (!pd_referral_search_set_sort (self->list, sorts[selected].key, &error))
    g_warning ("Could not sort the referrals: %s", error->message);
}

static const char *
current_filter (PdReferralsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  return selected < G_N_ELEMENTS (filters) ? filters[selected] : NULL;
}

static void
on_filter_changed (PdReferralsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->list == NULL)
    return;
  if (!pd_referral_search_set_filter (self->list, current_filter (self), &error))
    g_warning ("Could not filter the referrals: %s", error->message);
  update_empty_page (self, current_filter (self) != NULL ||
                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0');
}

static void
on_search_changed (PdReferralsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_autoptr(GError) error = NULL;

  if (self->list == NULL)
    return;
  /* On failure (the share gone, say) the list keeps what it showed. */
  if (!pd_referral_search_set_text (self->list, text, &error))
    g_warning ("Could not search the referrals: %s", error->message);
  update_empty_page (self, text[0] != '\0' || current_filter (self) != NULL);
}

static void
on_stop_search (PdReferralsView *self)
{
  /* Closing the bar shows every referral again, filter and all. */
  gtk_drop_down_set_selected (self->filter_dropdown, 0);
  gtk_drop_down_set_selected (self->sort_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed (PdReferralsView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_drop_down_set_selected (self->filter_dropdown, 0);
}

static gboolean
on_find_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  PdReferralsView *self = PD_REFERRALS_VIEW (widget);

  /* The shortcut is the window's; only the view on screen answers it. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

void
pd_referrals_view_set_database (PdReferralsView *self,
                                PdDatabase      *db)
{
  g_return_if_fail (PD_IS_REFERRALS_VIEW (self));
  g_return_if_fail (db == NULL || PD_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;

  g_clear_object (&self->list);
  pd_referrals_view_show_list (self);
  gtk_drop_down_set_selected (self->filter_dropdown, 0);
  gtk_drop_down_set_selected (self->sort_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  update_empty_page (self, FALSE);

  /* Only people who may write log referrals; the banner says why not. */
  gtk_widget_set_sensitive (self->new_button, db != NULL && pd_database_user_can_write (db));
  gtk_widget_set_sensitive (self->edit_button, db != NULL && pd_database_user_can_write (db));
  gtk_widget_set_sensitive (self->step_button, db != NULL && pd_database_user_can_write (db));
  gtk_widget_set_sensitive (self->recommend_button, db != NULL && pd_database_user_can_write (db));

  /* A list of ids; each row loads when it scrolls into sight. */
  if (db != NULL)
    self->list = pd_referral_search_new (db);
  pd_record_table_set_list (self->table, self->list);
}

static void
on_record_activated (PdReferralsView *self,
                     gint64           id)
{
  g_autoptr(GError) error = NULL;

  if (!pd_referrals_view_show_referral (self, id, &error))
    {
      /* Deleted by someone else meanwhile, or the share gone: say so where the user looks. */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (PD_IS_WINDOW (root))
        pd_window_add_toast (PD_WINDOW (root), error->message);
    }
}

gboolean
pd_referrals_view_show_referral (PdReferralsView  *self,
                                 gint64            id,
                                 GError          **error)
{
  g_return_val_if_fail (PD_IS_REFERRALS_VIEW (self), FALSE);

  if (self->db == NULL || !pd_referral_page_show (self->referral_page, self->db, id, error))
    return FALSE;
  self->open_id = id;
  {
    g_autoptr(PdReferral) shown = pd_referral_load (self->db, id, NULL);

    self->open_version = shown != NULL ? pd_referral_get_version (shown) : 0;
  }
  gtk_label_set_text (self->referral_title, pd_referral_page_get_reference (self->referral_page));
  gtk_stack_set_visible_child_name (self->pages, "referral");
  /* Keyboard users land on the way back; Tab goes on into the referral. */
  gtk_widget_grab_focus (self->back_button);
  return TRUE;
}

void
pd_referrals_view_show_list (PdReferralsView *self)
{
  g_return_if_fail (PD_IS_REFERRALS_VIEW (self));

  gtk_stack_set_visible_child_name (self->pages, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

/* The referral's reference when one is open, NULL when the list shows. */
const char *
pd_referrals_view_get_open_reference (PdReferralsView *self)
{
  g_return_val_if_fail (PD_IS_REFERRALS_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "referral") != 0)
    return NULL;
  return pd_referral_page_get_reference (self->referral_page);
}

static void
on_back_clicked (PdReferralsView *self)
{
  pd_referrals_view_show_list (self);
}

static gboolean
on_back_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  PdReferralsView *self = PD_REFERRALS_VIEW (widget);

  if (!gtk_widget_get_mapped (widget) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "referral") != 0)
    return FALSE;
  pd_referrals_view_show_list (self);
  return TRUE;
}

/* Sorts the list by @key ("newest", "reference", ...), as the bar does. */
void
pd_referrals_view_sort (PdReferralsView *self,
                        const char      *key)
{
  g_return_if_fail (PD_IS_REFERRALS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (g_strcmp0 (sorts[i].key, key) == 0)
      {
        gtk_search_bar_set_search_mode (self->search_bar, TRUE);
        gtk_drop_down_set_selected (self->sort_dropdown, i);
        return;
      }
  g_return_if_reached ();
}

/* Shows only the referrals of @filter, as choosing it in the bar does. */
void
pd_referrals_view_filter (PdReferralsView *self,
                          const char      *filter)
{
  g_return_if_fail (PD_IS_REFERRALS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_strcmp0 (filters[i], filter) == 0)
      {
        gtk_search_bar_set_search_mode (self->search_bar, TRUE);
        gtk_drop_down_set_selected (self->filter_dropdown, i);
        return;
      }
  g_return_if_reached ();
}

static void
on_referral_saved (PdReferralsView *self,
                   gint64           id)
{
  g_autoptr(GError) error = NULL;

  /* The list reads the new referral in, with the search as it was. */
  on_search_changed (self);
  if (!pd_referrals_view_show_referral (self, id, &error))
    g_warning ("Could not open the new referral: %s", error->message);
}

static void
on_new_clicked (PdReferralsView *self)
{
  pd_referrals_view_new_referral (self);
}

/* Opens the form for a new referral; it is shown once saved. */
PdReferralDialog *
pd_referrals_view_new_referral (PdReferralsView *self)
{
  PdReferralDialog *dialog;

  g_return_val_if_fail (PD_IS_REFERRALS_VIEW (self), NULL);

  if (self->db == NULL || !pd_database_user_can_write (self->db))
    return NULL;
  dialog = pd_referral_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_referral_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Opens the form over the referral shown; NULL with @error when none is
 * shown, it cannot be written or it cannot be read. */
PdReferralDialog *
pd_referrals_view_edit_referral (PdReferralsView  *self,
                                 GError          **error)
{
  PdReferralDialog *dialog;

  g_return_val_if_fail (PD_IS_REFERRALS_VIEW (self), NULL);

  if (self->db == NULL || pd_referrals_view_get_open_reference (self) == NULL)
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_NO_RECORD, _("No referral is open."));
      return NULL;
    }
  if (!pd_database_user_can_write (self->db))
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_READ_ONLY, _("This database is open read-only."));
      return NULL;
    }
  dialog = pd_referral_dialog_new_for_edit (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db,
                                            self->open_id, error);
  if (dialog == NULL)
    return NULL;
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_referral_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
add_toast (PdReferralsView *self,
           const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PD_IS_WINDOW (root))
    pd_window_add_toast (PD_WINDOW (root), message);
}

/* The recommendation form lives with the decisions; the window has both views. */
static void
on_recommend_clicked (PdReferralsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PD_IS_WINDOW (root) && self->open_id != 0)
    pd_decisions_view_record_recommendation (pd_window_get_decisions_view (PD_WINDOW (root)), self->open_id);
}

static void
on_edit_clicked (PdReferralsView *self)
{
  g_autoptr(GError) error = NULL;

  if (pd_referrals_view_edit_referral (self, &error) == NULL)
    add_toast (self, error->message);
}

typedef struct
{
  gint64      id;
  const char *status;
  const char *on_date;
  const char *note;
} Step;

static gboolean
record_step (PdTransaction  *tx,
             gpointer        user_data,
             GError        **error)
{
  Step *step = user_data;

  return pd_referral_set_status (tx, step->id, step->status, step->on_date, step->note, error);
}

gboolean
pd_referrals_view_record_step (PdReferralsView  *self,
                               const char       *status,
                               const char       *on_date,
                               const char       *note,
                               GError          **error)
{
  Step step = { self->open_id, status, on_date, note };

  g_return_val_if_fail (PD_IS_REFERRALS_VIEW (self), FALSE);

  if (self->db == NULL || pd_referrals_view_get_open_reference (self) == NULL)
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_NO_RECORD, _("No referral is open."));
      return FALSE;
    }
  if (!pd_database_write (self->db, "Record step", record_step, &step, NULL, error))
    return FALSE;
  /* The list's status and deadline columns, and the page's timeline, move on. */
  on_search_changed (self);
  return pd_referrals_view_show_referral (self, step.id, error);
}

static void
on_step_response (PdStepDialog    *dialog,
                  const char      *response,
                  PdReferralsView *self)
{
  g_autoptr(GError) error = NULL;
  PdStepDialog *again;

  if (g_strcmp0 (response, "record") != 0)
    return;
  if (pd_referrals_view_record_step (self, pd_step_dialog_get_status (dialog), pd_step_dialog_get_date (dialog),
                                     pd_step_dialog_get_note (dialog), &error))
    return;
  /* The dialog closes on any response: a new one keeps what was typed and says why. */
  again = pd_step_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL);
  pd_step_dialog_set_values (again, pd_step_dialog_get_status (dialog), pd_step_dialog_get_date (dialog),
                             pd_step_dialog_get_note (dialog), error->message);
  g_signal_connect_object (again, "response", G_CALLBACK (on_step_response), self, 0);
  gtk_window_present (GTK_WINDOW (again));
}

static void
on_step_clicked (PdReferralsView *self)
{
  g_autoptr(PdReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  PdStepDialog *dialog;

  if (self->db == NULL || (referral = pd_referral_load (self->db, self->open_id, &error)) == NULL)
    {
      add_toast (self, error != NULL ? error->message : _("No referral is open."));
      return;
    }
  dialog = pd_step_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               pd_referral_get_status (referral));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_step_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_edit_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  PdReferralsView *self = PD_REFERRALS_VIEW (widget);

  if (pd_referrals_view_get_open_reference (self) == NULL || !gtk_widget_get_sensitive (self->edit_button))
    return FALSE;
  on_edit_clicked (self);
  return TRUE;
}

void
pd_referrals_view_refresh (PdReferralsView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_REFERRALS_VIEW (self));

  if (self->list != NULL && !pd_referral_search_refresh (self->list, &error))
    {
      g_warning ("Could not read the referrals again: %s", error->message);
      g_clear_error (&error);
    }
  /* The referral open shows what was saved meanwhile, and who saved it,
   * or goes if deleted. */
  if (self->db != NULL && pd_referrals_view_get_open_reference (self) != NULL)
    {
      g_autoptr(PdReferral) now = pd_referral_load (self->db, self->open_id, NULL);
      g_autofree char *who = NULL, *at = NULL;

      if (now != NULL && pd_referral_get_version (now) != self->open_version &&
          pd_referral_dup_last_change (self->db, self->open_id, &who, &at, NULL))
        {
          g_autofree char *when = pd_format_date_time (at);
          /* Translators: a referral changed by someone else: "PRP-2026-014 was changed by jsmith (3 Mar 2026, 10:42)" */
          g_autofree char *message = g_strdup_printf (_("%s was changed by %s (%s)"),
                                                      pd_referral_get_reference (now), who, when);

          add_toast (self, message);
        }
      /* Shown again where it is, the focus left alone. */
      if (now == NULL || !pd_referral_page_show (self->referral_page, self->db, self->open_id, &error))
        {
          pd_referrals_view_show_list (self);
          add_toast (self, error != NULL ? error->message : _("The referral was not found; someone may have deleted it."));
        }
      else
        self->open_version = pd_referral_get_version (now);
    }
}

/* Searches as a user typing @text in the search entry would. */
void
pd_referrals_view_search (PdReferralsView *self,
                          const char      *text)
{
  g_return_if_fail (PD_IS_REFERRALS_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && text[0] != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* search-changed waits a moment for more typing; do not wait here. */
  on_search_changed (self);
}

PdDatabase *
pd_referrals_view_get_database (PdReferralsView *self)
{
  g_return_val_if_fail (PD_IS_REFERRALS_VIEW (self), NULL);

  return self->db;
}

guint
pd_referrals_view_get_n_rows (PdReferralsView *self)
{
  g_return_val_if_fail (PD_IS_REFERRALS_VIEW (self), 0);

  return pd_record_table_get_n_rows (self->table);
}

gint64
pd_referrals_view_get_id_at (PdReferralsView *self,
                             guint            position)
{
  g_return_val_if_fail (PD_IS_REFERRALS_VIEW (self), 0);

  if (self->list == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return 0;
  return pd_record_list_get_id (self->list, position);
}

const char *
pd_referrals_view_get_shown (PdReferralsView *self)
{
  g_return_val_if_fail (PD_IS_REFERRALS_VIEW (self), NULL);

  return pd_record_table_get_shown (self->table);
}

/* Typing anywhere in the window starts a search while the referrals are on
 * screen, as in Files or Settings. */
static void
pd_referrals_view_map (GtkWidget *widget)
{
  PdReferralsView *self = PD_REFERRALS_VIEW (widget);

  GTK_WIDGET_CLASS (pd_referrals_view_parent_class)->map (widget);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (gtk_widget_get_root (widget)));
}

static void
pd_referrals_view_unmap (GtkWidget *widget)
{
  PdReferralsView *self = PD_REFERRALS_VIEW (widget);

  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  GTK_WIDGET_CLASS (pd_referrals_view_parent_class)->unmap (widget);
}

static void
pd_referrals_view_dispose (GObject *object)
{
  PdReferralsView *self = PD_REFERRALS_VIEW (object);

  g_clear_object (&self->list);
  g_clear_object (&self->db);
  /* AdwBin unparents its child itself; take the table away first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_REFERRALS_VIEW);

  G_OBJECT_CLASS (pd_referrals_view_parent_class)->dispose (object);
}

static void
pd_referrals_view_class_init (PdReferralsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_referrals_view_dispose;

  g_type_ensure (PD_TYPE_RECORD_TABLE);
  g_type_ensure (PD_TYPE_REFERRAL_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/referrals/pd-referrals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, table);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, pages);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, referral_title);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, referral_page);
  gtk_widget_class_bind_template_callback (widget_class, on_record_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  /* Back from a referral with Escape too, while the focus is in it. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_back_shortcut, NULL);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, step_button);
  gtk_widget_class_bind_template_child (widget_class, PdReferralsView, recommend_button);
  gtk_widget_class_bind_template_callback (widget_class, on_recommend_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_step_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  widget_class->map = pd_referrals_view_map;
  widget_class->unmap = pd_referrals_view_unmap;
}

static void
pd_referrals_view_init (PdReferralsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  {
    g_autoptr(GListModel) model = filter_model ();

    g_autoptr(GListModel) orders = sort_model ();

    gtk_drop_down_set_model (self->filter_dropdown, model);
    gtk_drop_down_set_model (self->sort_dropdown, orders);
  }
  /* However the bar closes, the list shows every referral again. */
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode_changed), self);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    /* Ctrl+F wherever the focus is in the window, the header bar too. */
    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (on_find_shortcut, NULL, NULL)));
    /* Ctrl+E edits the referral shown, wherever the focus is. */
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_e, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (on_edit_shortcut, NULL, NULL)));
    /* Back from a referral, as in a browser or Files. */
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                            gtk_callback_action_new (on_back_shortcut, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  pd_record_table_append_column (self->table, _("Reference"), reference_text, FALSE);
  pd_record_table_append_column (self->table, _("Child"), child_text, TRUE);
  pd_record_table_append_column (self->table, _("Status"), status_text, FALSE);
  pd_record_table_append_column (self->table, _("Received"), received_text, FALSE);
  pd_record_table_append_styled_column (self->table, _("Next deadline"), deadline_text,
                                        deadline_style, FALSE);
  pd_record_table_append_column (self->table, _("Referred by"), referrer_text, TRUE);
}
