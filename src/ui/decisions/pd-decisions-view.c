/* pd-decisions-view.c: the decision log, a record's page and the chair's sign-off
 *
 * The list is the log newest first, filtered in the database (the state,
 * outcome, chair and dates, and the referral's reference or pseudonym);
 * each row's signature is verified when the row is loaded, so an altered
 * decision says so in the list itself. A record opens as a page over the
 * list, with the actions its state allows: a recommendation becomes a
 * decision, a chair signs an unsigned decision, a signed one is only ever
 * superseded. The dialogs are in pd-decisions-view-actions.c, the columns
 * and the checked loading of the rows in pd-decisions-view-rows.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-record-table.h"
#include "pd-decisions-view-private.h"

G_DEFINE_FINAL_TYPE (PdDecisionsView, pd_decisions_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_AWAITING,
  PROP_AWAITING_ATTENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The state dropdown's choices, in order. */
static const struct { const char *state; const char *label; } states[] = {
  { NULL,             N_("All records") },
  { "awaiting",       N_("Awaiting signature") },
  { "signed",         N_("Signed") },
  { "superseded",     N_("Superseded") },
  { "recommendation", N_("Recommendations") },
  { "decision",       N_("Decisions") },
};

static const char *const outcomes[] = {
  NULL, "scr", "silr", "practice_learning", "other_review", "no_review", "deferred",
};

/* Loud, above the log, for everyone: an altered decision is not something
 * to find only by scrolling to it. */
static void
show_altered (PdDecisionsView *self,
              GHashTable      *by_id)
{
  g_autoptr(GString) names = g_string_new (NULL);
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  if (by_id != NULL)
    {
      g_hash_table_iter_init (&iter, by_id);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          PdSignatureCheck *check = value;

          if (check->state != PD_SIGNATURE_ALTERED)
            continue;
          if (n++ < 3)
            {
              g_autofree char *escaped = g_markup_escape_text (check->message != NULL ? check->message
                                                               : check->reference, -1);

              g_string_append_printf (names, "\n%s", escaped);
            }
        }
    }
  self->n_altered = n;
  if (n > 0)
    {
      /* Translators: above the decision log; the messages naming each follow */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u signed decision is no longer what its chair signed:",
                                                            "%u signed decisions are no longer what their chairs signed:",
                                                            n), n);

      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_autofree char *heading = g_strdup_printf ("<b>%s</b>", escaped);

      g_string_prepend (names, heading);
      gtk_label_set_markup (self->altered_label, names->str);
    }
  gtk_revealer_set_reveal_child (self->altered_revealer, n > 0);
}

guint
pd_decisions_view_get_n_altered (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), 0);

  return self->n_altered;
}

/* ------------------------------------------------------------ filters */

static void
update_empty_page (PdDecisionsView *self,
                   gboolean         filtered)
{
  if (filtered)
    g_object_set (self->table,
                  "empty-icon-name", "edit-find-symbolic",
                  "empty-title", _("No Matching Records"),
                  "empty-description", _("No recommendation or decision matches the filters: change or clear them."),
                  NULL);
  else
    g_object_set (self->table,
                  "empty-icon-name", "emblem-ok-symbolic",
                  "empty-title", _("No Decisions Yet"),
                  "empty-description", _("The panel’s recommendations and the chair’s decisions appear here."),
                  NULL);
}

static gint64
selected_chair (PdDecisionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->chair_dropdown);

  if (self->chair_ids == NULL || selected == 0 || selected > self->chair_ids->len)
    return 0;
  return g_array_index (self->chair_ids, gint64, selected - 1);
}

void
_pd_decisions_view_apply_filters (PdDecisionsView *self)
{
  g_autoptr(GError) error = NULL;
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint outcome = gtk_drop_down_get_selected (self->outcome_dropdown);
  PdDecisionLogQuery query = {
    .state = state < G_N_ELEMENTS (states) ? states[state].state : NULL,
    .outcome = outcome < G_N_ELEMENTS (outcomes) ? outcomes[outcome] : NULL,
    .chair_id = selected_chair (self),
    .from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
    .to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry)),
    .text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
  };

  if (self->list == NULL)
    return;
  /* On a bad date or a failed read the list keeps what it showed, and says why. */
  if (!pd_decision_log_set_query (self->list, &query, &error))
    {
      gtk_label_set_text (self->filter_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_error), FALSE);
  /* The banner's button only while it would change what is shown. */
  gtk_widget_set_visible (self->awaiting_button, g_strcmp0 (query.state, "awaiting") != 0);
  update_empty_page (self, query.state != NULL || query.outcome != NULL || query.chair_id != 0 ||
                     *query.from != '\0' || *query.to != '\0' || *query.text != '\0');
}

static void
apply_filters (PdDecisionsView *self)
{
  _pd_decisions_view_apply_filters (self);
}

static void
fill_chairs (PdDecisionsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = NULL;

  g_clear_pointer (&self->chair_ids, g_array_unref);
  self->chair_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("Any chair"));
  if (self->db != NULL && (people = pd_person_list_all (self->db, NULL)) != NULL)
    for (guint i = 0; i < people->len; i++)
      {
        PdPerson *person = g_ptr_array_index (people, i);
        gint64 id = pd_person_get_id (person);

        if (pd_person_get_role (person) != PD_ROLE_CHAIR)
          continue;
        g_array_append_val (self->chair_ids, id);
        gtk_string_list_append (names, pd_person_get_display_name (person));
      }
  gtk_drop_down_set_model (self->chair_dropdown, G_LIST_MODEL (names));
}

void
pd_decisions_view_filter (PdDecisionsView *self,
                          const char      *state)
{
  g_return_if_fail (PD_IS_DECISIONS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i].state, state) == 0)
      {
        gtk_search_bar_set_search_mode (self->search_bar, TRUE);
        gtk_drop_down_set_selected (self->state_dropdown, i);
        return;
      }
  g_return_if_reached ();
}

void
pd_decisions_view_search (PdDecisionsView *self,
                          const char      *text)
{
  g_return_if_fail (PD_IS_DECISIONS_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* search-changed waits for typing to pause; a caller asking means now. */
  _pd_decisions_view_apply_filters (self);
}

static void
on_show_awaiting_clicked (PdDecisionsView *self)
{
  pd_decisions_view_filter (self, "awaiting");
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

/* ------------------------------------------------------------ the awaiting count */

void
_pd_decisions_view_update_awaiting (PdDecisionsView *self)
{
  guint n = 0;

  /* Prominent for the one who can sign; others are not asked to act. */
  if (self->db != NULL && pd_database_get_user_role (self->db) == PD_ROLE_CHAIR)
    {
      gint64 count = pd_decision_log_count_awaiting (self->db, NULL);

      n = count > 0 ? (guint) count : 0;
    }
  if (n > 0)
    {
      /* Translators: shown to a chair above the decision log */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision awaits your signature.",
                                                            "%u decisions await your signature.", n), n);

      gtk_label_set_text (self->awaiting_label, text);
    }
  gtk_revealer_set_reveal_child (self->awaiting_revealer, n > 0);
  if (n != self->n_awaiting)
    {
      self->n_awaiting = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_AWAITING]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWAITING_ATTENTION]);
    }
}

guint
pd_decisions_view_get_n_awaiting (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), 0);

  return self->n_awaiting;
}

/* ------------------------------------------------------------ the database */

void
pd_decisions_view_set_database (PdDecisionsView *self,
                                PdDatabase      *db)
{
  g_return_if_fail (PD_IS_DECISIONS_VIEW (self));
  g_return_if_fail (db == NULL || PD_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;

  g_clear_object (&self->list);
  pd_decisions_view_show_list (self);
  fill_chairs (self);
  gtk_widget_set_sensitive (self->recommend_button, db != NULL && pd_database_user_can_write (db));
  show_altered (self, db != NULL ? _pd_decisions_view_verify_chain (db) : NULL);
  if (db != NULL)
    self->list = pd_record_list_new (db, PD_TYPE_DECISION,
                                     "SELECT id FROM decisions ORDER BY made_at DESC, id DESC;",
                                     _pd_decisions_view_load_checked);
  pd_record_table_set_list (self->table, self->list);

  _pd_decisions_view_update_awaiting (self);
  /* A chair starts on what waits for them; everyone else on the whole log. */
  g_signal_handlers_block_by_func (self->state_dropdown, apply_filters, self);
  gtk_drop_down_set_selected (self->state_dropdown, self->n_awaiting > 0 ? 1 : 0);
  gtk_drop_down_set_selected (self->outcome_dropdown, 0);
  gtk_drop_down_set_selected (self->chair_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->state_dropdown, apply_filters, self);
  _pd_decisions_view_apply_filters (self);
}

PdDatabase *
pd_decisions_view_get_database (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  return self->db;
}

void
pd_decisions_view_reload (PdDecisionsView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_DECISIONS_VIEW (self));

  if (self->list == NULL)
    return;
  /* The same query again; every record is loaded and checked afresh, and
   * with the same ids the rows stay where they are (a double-click or the
   * scroll position survives another user's write). */
  show_altered (self, _pd_decisions_view_verify_chain (self->db));
  if (!pd_record_list_refresh (self->list, &error))
    _pd_decisions_view_toast (self, error->message);
  _pd_decisions_view_update_awaiting (self);
}

guint
pd_decisions_view_get_n_rows (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), 0);

  return pd_record_table_get_n_rows (self->table);
}

gint64
pd_decisions_view_get_id_at (PdDecisionsView *self,
                             guint            position)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), 0);

  if (self->list == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return 0;
  return pd_record_list_get_id (self->list, position);
}

char *
pd_decisions_view_dup_signature_text_at (PdDecisionsView *self,
                                         guint            position)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  if (self->list == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  return item != NULL ? _pd_decisions_view_signature_text (item) : NULL;
}

const char *
pd_decisions_view_get_shown (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "decision") == 0)
    return "decision";
  return pd_record_table_get_shown (self->table);
}

/* ------------------------------------------------------------ the page */

/* Fills the page and its header's buttons, leaving the focus where it is. */
static gboolean
show_record (PdDecisionsView  *self,
             gint64            id,
             GError          **error)
{
  PdDecision *decision;
  gboolean is_decision, is_signed, is_chair, can_write;
  g_autofree char *title = NULL;

  if (self->db == NULL)
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_NO_RECORD, _("No database is open."));
      return FALSE;
    }
  if (!pd_decision_page_show (self->decision_page, self->db, id, error))
    return FALSE;
  self->open_id = id;
  decision = pd_decision_page_get_decision (self->decision_page);
  is_decision = g_strcmp0 (pd_decision_get_kind (decision), "decision") == 0;
  is_signed = pd_decision_is_signed (decision);
  is_chair = pd_database_get_user_role (self->db) == PD_ROLE_CHAIR;
  can_write = pd_database_user_can_write (self->db);

  /* Translators: the page's title, e.g. "Decision 12 · PRP-2026-014 · Child A" */
  title = g_strdup_printf (_("%s %" G_GINT64_FORMAT " · %s · %s"),
                           pd_decision_kind_to_label (pd_decision_get_kind (decision)), id,
                           pd_decision_get_referral_reference (decision), pd_decision_get_pseudonym (decision));
  gtk_label_set_text (self->decision_title, title);
  /* Only what this record and this person allow is offered; the core
   * refuses the rest too. A signed decision has no edit at all. */
  gtk_widget_set_visible (self->edit_button, !is_signed && can_write);
  /* One decision a referral; a later change supersedes it. */
  {
    g_autoptr(GArray) decisions = is_decision ? NULL
                                  : pd_decision_log_list_for_referral (self->db, pd_decision_get_referral_id (decision),
                                                                       "decision", NULL);

    gtk_widget_set_visible (self->decide_button, !is_decision && can_write && decisions != NULL &&
                            decisions->len == 0);
  }
  gtk_widget_set_visible (self->sign_button, is_decision && !is_signed && is_chair);
  gtk_widget_set_visible (self->supersede_button, is_decision && is_signed && is_chair &&
                          pd_decision_get_superseded_by (decision) == 0);
  /* England 2015: once, after the decision not to hold an SCR is signed. */
  gtk_widget_set_visible (self->notice_button, is_signed && can_write &&
                          pd_decision_needs_national_panel_notice (decision) &&
                          pd_decision_get_national_panel_notified_on (decision) == NULL);
  return TRUE;
}

gboolean
pd_decisions_view_show_decision (PdDecisionsView  *self,
                                 gint64            id,
                                 GError          **error)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), FALSE);

  if (!show_record (self, id, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->pages, "decision");
  /* Keyboard users land on the way back; Tab goes on into the record. */
  gtk_widget_grab_focus (self->back_button);
  return TRUE;
}

/* Someone changed the database: the log, the count and the open record
 * are read again, the open record's signature checked again. */
void
pd_decisions_view_refresh (PdDecisionsView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_DECISIONS_VIEW (self));

  if (self->db == NULL)
    return;
  /* Off screen, only the count a chair sees on the view switcher; the
   * chain is verified again when the view is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      _pd_decisions_view_update_awaiting (self);
      return;
    }
  self->stale = FALSE;
  pd_decisions_view_reload (self);
  if (self->open_id != 0 && !show_record (self, self->open_id, &error))
    {
      pd_decisions_view_show_list (self);
      _pd_decisions_view_toast (self, error->message);
    }
}

static void
pd_decisions_view_map (GtkWidget *widget)
{
  PdDecisionsView *self = PD_DECISIONS_VIEW (widget);

  GTK_WIDGET_CLASS (pd_decisions_view_parent_class)->map (widget);
  if (self->stale)
    pd_decisions_view_refresh (self);
}


void
pd_decisions_view_show_list (PdDecisionsView *self)
{
  g_return_if_fail (PD_IS_DECISIONS_VIEW (self));

  self->open_id = 0;
  gtk_stack_set_visible_child_name (self->pages, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

PdDecisionPage *
pd_decisions_view_get_page (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  return self->decision_page;
}

gboolean
pd_decisions_view_can_edit (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), FALSE);

  return self->open_id != 0 && gtk_widget_get_visible (self->edit_button);
}

gboolean
pd_decisions_view_can_decide (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), FALSE);

  return self->open_id != 0 && gtk_widget_get_visible (self->decide_button);
}

gboolean
pd_decisions_view_can_sign (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), FALSE);

  return self->open_id != 0 && gtk_widget_get_visible (self->sign_button);
}

void
_pd_decisions_view_toast (PdDecisionsView *self,
                          const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PD_IS_WINDOW (root))
    pd_window_add_toast (PD_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static void
on_record_activated (PdDecisionsView *self,
                     gint64           id)
{
  g_autoptr(GError) error = NULL;

  if (!pd_decisions_view_show_decision (self, id, &error))
    _pd_decisions_view_toast (self, error->message);
}

static void
on_history_activated (PdDecisionsView *self,
                      gint64           id)
{
  on_record_activated (self, id);
}

static gboolean
on_back_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  PdDecisionsView *self = PD_DECISIONS_VIEW (widget);

  if (!gtk_widget_get_mapped (widget) || self->open_id == 0)
    return FALSE;
  pd_decisions_view_show_list (self);
  return TRUE;
}

static gboolean
on_find_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  PdDecisionsView *self = PD_DECISIONS_VIEW (widget);

  if (!gtk_widget_get_mapped (widget) || self->open_id != 0)
    return FALSE;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/* ------------------------------------------------------------ the class */

static void
pd_decisions_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdDecisionsView *self = PD_DECISIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_AWAITING:
      g_value_set_uint (value, self->n_awaiting);
      break;
    case PROP_AWAITING_ATTENTION:
      g_value_set_boolean (value, self->n_awaiting > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_decisions_view_dispose (GObject *object)
{
  PdDecisionsView *self = PD_DECISIONS_VIEW (object);

  g_clear_object (&self->list);
  g_clear_object (&self->db);
  g_clear_pointer (&self->chair_ids, g_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_DECISIONS_VIEW);

  G_OBJECT_CLASS (pd_decisions_view_parent_class)->dispose (object);
}

static void
add_shortcut (GtkShortcutController   *controller,
              guint                    key,
              GdkModifierType          modifiers,
              GtkShortcutFunc          callback)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_callback_action_new (callback, NULL, NULL)));
}

static void
pd_decisions_view_class_init (PdDecisionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_decisions_view_dispose;
  object_class->get_property = pd_decisions_view_get_property;
  widget_class->map = pd_decisions_view_map;

  /* For a chair, the decisions awaiting signature; the view switcher's badge. */
  properties[PROP_N_AWAITING] =
    g_param_spec_uint ("n-awaiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AWAITING_ATTENTION] =
    g_param_spec_boolean ("awaiting-attention", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PD_TYPE_RECORD_TABLE);
  g_type_ensure (PD_TYPE_DECISION_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/decisions/pd-decisions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, pages);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, table);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, altered_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, altered_label);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, awaiting_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, awaiting_label);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, awaiting_button);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, chair_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, filter_error);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, recommend_button);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, decision_title);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, decide_button);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, sign_button);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, supersede_button);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, notice_button);
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, decision_page);
  gtk_widget_class_bind_template_callback (widget_class, apply_filters);
  gtk_widget_class_bind_template_callback (widget_class, on_show_awaiting_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_record_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_history_activated);
  gtk_widget_class_bind_template_callback (widget_class, pd_decisions_view_show_list);
  _pd_decisions_view_class_init_actions (widget_class);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_back_shortcut, NULL);
}

static void
pd_decisions_view_init (PdDecisionsView *self)
{
  g_autoptr(GtkStringList) state_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) outcome_labels = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    gtk_string_list_append (state_labels, _(states[i].label));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (state_labels));
  gtk_string_list_append (outcome_labels, _("Any outcome"));
  for (guint i = 1; i < G_N_ELEMENTS (outcomes); i++)
    gtk_string_list_append (outcome_labels, pd_decision_outcome_to_label (outcomes[i]));
  gtk_drop_down_set_model (self->outcome_dropdown, G_LIST_MODEL (outcome_labels));
  fill_chairs (self);

  /* The window's shortcuts; only the view on screen answers them. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_f, GDK_CONTROL_MASK, on_find_shortcut);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, GDK_ALT_MASK, on_back_shortcut);
  _pd_decisions_view_add_action_shortcuts (GTK_SHORTCUT_CONTROLLER (shortcuts));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  _pd_decisions_view_add_columns (self->table);
}
