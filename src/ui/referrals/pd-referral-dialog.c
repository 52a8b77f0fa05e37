/* pd-referral-dialog.c: the referral form, for a new referral or an edit
 *
 * The sections follow the boards' own referral forms (DOMAIN.md): the
 * referral, the referrer, the child, family and significant others, the
 * agencies involved, the criteria, parallel proceedings, the narrative and
 * the key dates. The single answers are built from the core's field table,
 * so the form, storage and export never disagree about what a field is.
 *
 * A failed save never loses what was typed: the dialog stays open with
 * every field as it was, marks the field at fault and says why (the core's
 * check names the field). Closing with changes not saved asks first.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-referral-dialog-private.h"
#include "pd-referral-items.h"
#include "pd-referral-values.h"


G_DEFINE_FINAL_TYPE (PdReferralDialog, pd_referral_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const fact_ids[] = { "", "yes", "no", NULL };

static void
mark_dirty (PdReferralDialog *self)
{
  if (!self->filling)
    self->dirty = TRUE;
}

/* ------------------------------------------------------------ the inputs */

static AdwPreferencesGroup *
add_group (PdReferralDialog *self,
           const char       *title,
           const char       *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_input (PdReferralDialog    *self,
           AdwPreferencesGroup *group,
           const char          *key,
           GtkWidget           *widget)
{
  g_hash_table_insert (self->inputs, g_strdup (key), widget);
  g_ptr_array_add (self->keys, g_strdup (key));
  adw_preferences_group_add (group, widget);
}

static GtkWidget *
add_entry (PdReferralDialog    *self,
           AdwPreferencesGroup *group,
           const char          *key,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  add_input (self, group, key, row);
  return row;
}

/* A choice: @ids are stored, @labels (translated) shown; the first is "not recorded". */
static GtkWidget *
add_combo (PdReferralDialog    *self,
           AdwPreferencesGroup *group,
           const char          *key,
           const char          *title,
           const char *const   *ids,
           const char *const   *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *model = gtk_string_list_new ((const char *const *) labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_unref (model);
  g_object_set_data_full (G_OBJECT (row), "pd-ids", g_strdupv ((char **) ids), (GDestroyNotify) g_strfreev);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  add_input (self, group, key, row);
  return row;
}

static GtkWidget *
add_fact (PdReferralDialog    *self,
          AdwPreferencesGroup *group,
          const char          *key,
          const char          *title)
{
  const char *labels[] = { _("Not known"), _("Yes"), _("No"), NULL };

  return add_combo (self, group, key, title, fact_ids, labels);
}

static GtkWidget *
add_text (PdReferralDialog    *self,
          AdwPreferencesGroup *group,
          const char          *key,
          const char          *title)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (view, -1, 100);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  g_hash_table_insert (self->inputs, g_strdup (key), view);
  g_ptr_array_add (self->keys, g_strdup (key));
  g_object_set_data_full (G_OBJECT (view), "pd-title", g_strdup (title), g_free);
  adw_preferences_group_add (group, box);
  return view;
}

/* The text of an input, newly allocated. */
char *
_pd_referral_dialog_input_text (PdReferralDialog *self,
            const char       *key)
{
  GtkWidget *widget = g_hash_table_lookup (self->inputs, key);

  g_return_val_if_fail (widget != NULL, g_strdup (""));

  if (ADW_IS_COMBO_ROW (widget))
    {
      char **ids = g_object_get_data (G_OBJECT (widget), "pd-ids");
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

      return g_strdup (selected < g_strv_length (ids) ? ids[selected] : "");
    }
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

void
_pd_referral_dialog_set_input (PdReferralDialog *self,
           const char       *key,
           const char       *text)
{
  GtkWidget *widget = g_hash_table_lookup (self->inputs, key);

  g_return_if_fail (widget != NULL);

  if (text == NULL)
    text = "";
  if (ADW_IS_COMBO_ROW (widget))
    {
      char **ids = g_object_get_data (G_OBJECT (widget), "pd-ids");

      for (guint i = 0; ids[i] != NULL; i++)
        if (g_strcmp0 (ids[i], text) == 0)
          {
            adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i);
            return;
          }
      g_warning ("“%s” is not a choice of %s", text, key);
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* ------------------------------------------------------------ the sections */

static void
add_detail_inputs (PdReferralDialog    *self,
                   AdwPreferencesGroup *group,
                   PdFormSection        section)
{
  const PdReferralField *fields;
  guint n_fields;

  fields = pd_referral_fields_get (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const PdReferralField *field = &fields[i];

      if (field->section != section)
        continue;
      switch (field->kind)
        {
        case PD_FIELD_FACT:
          add_fact (self, group, field->key, _(field->label));
          break;
        case PD_FIELD_CHOICE:
          {
            g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
            g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
            g_auto(GStrv) id_list = NULL, label_list = NULL;

            g_strv_builder_add (ids, "");
            g_strv_builder_add (labels, _("Not recorded"));
            for (guint c = 0; field->choices[c] != NULL; c++)
              {
                g_strv_builder_add (ids, field->choices[c]);
                g_strv_builder_add (labels, _(field->choice_labels[c]));
              }
            id_list = g_strv_builder_end (ids);
            label_list = g_strv_builder_end (labels);
            add_combo (self, group, field->key, _(field->label),
                       (const char *const *) id_list, (const char *const *) label_list);
          }
          break;
        case PD_FIELD_LONG_TEXT:
          add_text (self, group, field->key, _(field->label));
          break;
        case PD_FIELD_DATE:
          {
            /* Translators: a date field's title, e.g. "Date of birth (2026-03-31)" */
            g_autofree char *title = g_strdup_printf (_("%s (2026-03-31)"), _(field->label));

            add_entry (self, group, field->key, title);
          }
          break;
        case PD_FIELD_TEXT:
        default:
          add_entry (self, group, field->key, _(field->label));
          break;
        }
    }
}

/* The criteria facts the referral's framework looks at. */
static void
update_fact_rows (PdReferralDialog *self)
{
  g_autofree char *framework_text = _pd_referral_dialog_input_text (self, "framework");
  PdFramework framework = PD_FRAMEWORK_ENGLAND_2018;

  pd_framework_from_string (framework_text, &framework);
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      g_autofree char *key = g_strconcat ("fact_", pd_criteria_fact_get_key (i), NULL);

      gtk_widget_set_visible (g_hash_table_lookup (self->inputs, key), pd_criteria_fact_applies (i, framework));
    }
}

static void
build_form (PdReferralDialog *self)
{
  static const char *const framework_ids[] = { "england-2015", "england-2018", "wales", NULL };
  const char *framework_labels[] = {
    pd_framework_get_label (PD_FRAMEWORK_ENGLAND_2015),
    pd_framework_get_label (PD_FRAMEWORK_ENGLAND_2018),
    pd_framework_get_label (PD_FRAMEWORK_WALES),
    NULL
  };
  AdwPreferencesGroup *group;
  GtkWidget *framework;
  const char *const *date_keys;

  group = add_group (self, _("Referral"), _("Dates are written as 2026-03-31."));
  add_entry (self, group, "date_received", _("Date received"));
  framework = add_combo (self, group, "framework", _("Framework"), framework_ids, framework_labels);
  add_detail_inputs (self, group, PD_SECTION_REFERRAL);

  group = add_group (self, _("Referrer"), NULL);
  add_entry (self, group, "referrer_name", _("Referrer’s name"));
  add_entry (self, group, "referrer_agency", _("Agency"));
  add_detail_inputs (self, group, PD_SECTION_REFERRER);

  group = add_group (self, _("Child"),
                     _("The pseudonym is shown everywhere; the real name only here."));
  add_entry (self, group, "pseudonym", _("Pseudonym, such as “Child A”"));
  add_entry (self, group, "child_name", _("Name"));
  add_entry (self, group, "date_of_incident", _("Date of death or of the incident"));
  add_detail_inputs (self, group, PD_SECTION_CHILD);

  self->members = pd_referral_items_new (PD_REFERRAL_ITEMS_MEMBERS);
  self->agencies = pd_referral_items_new (PD_REFERRAL_ITEMS_AGENCIES);
  g_signal_connect_object (self->members, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agencies, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->members));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->agencies));

  group = add_group (self, _("Criteria"),
                     _("The facts the criteria check reads: the panel recommends and the chair decides."));
  add_detail_inputs (self, group, PD_SECTION_CRITERIA);
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      g_autofree char *key = g_strconcat ("fact_", pd_criteria_fact_get_key (i), NULL);

      add_fact (self, group, key, pd_criteria_fact_get_label (i));
    }
  g_signal_connect_object (framework, "notify::selected", G_CALLBACK (update_fact_rows), self, G_CONNECT_SWAPPED);

  group = add_group (self, _("Parallel Proceedings"), NULL);
  add_detail_inputs (self, group, PD_SECTION_PROCEEDINGS);

  group = add_group (self, _("Narrative"), NULL);
  add_text (self, group, "narrative", _("Narrative"));

  group = add_group (self, _("Key Dates"),
                     _("The clocks run from these; a step of the workflow dates its own."));
  date_keys = pd_referral_date_keys ();
  for (guint i = 0; date_keys[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("date_", date_keys[i], NULL);

      add_entry (self, group, key, pd_referral_date_get_label (date_keys[i]));
    }
}

/* ------------------------------------------------------------ errors */

static void
show_error (PdReferralDialog *self,
            GtkWidget        *at_fault,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);

  if (self->marked != NULL)
    gtk_widget_remove_css_class (self->marked, "error");
  g_set_object (&self->marked, at_fault);
  if (at_fault != NULL)
    {
      gtk_widget_add_css_class (at_fault, "error");
      gtk_widget_grab_focus (at_fault);
    }
}

static GtkWidget *
widget_for_key (PdReferralDialog *self,
                const char       *key)
{
  g_autofree char *date_key = NULL;
  GtkWidget *widget;

  if (key == NULL)
    return NULL;
  if (g_strcmp0 (key, "members") == 0)
    return GTK_WIDGET (self->members);
  if (g_strcmp0 (key, "agencies") == 0)
    return GTK_WIDGET (self->agencies);
  widget = g_hash_table_lookup (self->inputs, key);
  if (widget == NULL)
    {
      date_key = g_strconcat ("date_", key, NULL);
      widget = g_hash_table_lookup (self->inputs, date_key);
    }
  return widget;
}

/* ------------------------------------------------------------ saving */

typedef struct
{
  PdReferralDialog *self;
  PdReferralFields  fields;
  gint64            id;
} Save;

static gboolean
save_referral (PdTransaction  *tx,
               gpointer        user_data,
               GError        **error)
{
  Save *save = user_data;

  if (save->self->id == 0)
    {
      save->id = pd_referral_insert (tx, &save->fields, NULL, error);
      return save->id != 0;
    }
  save->id = save->self->id;
  return pd_referral_update (tx, save->id, save->self->version, &save->fields, error);
}

/* The share gone, the disk full, another user holding the lock: worth
 * trying again by itself, unlike a rule broken or someone else's edit. */
static gboolean
is_transient (const GError *error)
{
  return error->domain == PD_ERROR &&
         (error->code == PD_ERROR_IO || error->code == PD_ERROR_NOT_FOUND ||
          error->code == PD_ERROR_LOCKED || error->code == PD_ERROR_FULL);
}

static gboolean
retry_save (gpointer user_data)
{
  PdReferralDialog *self = user_data;

  self->retry_id = 0;
  pd_referral_dialog_save (self);
  return G_SOURCE_REMOVE;
}

gboolean
pd_referral_dialog_save (PdReferralDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) details = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) dates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) members = pd_referral_items_dup_members (self->members);
  g_autoptr(GPtrArray) agencies = pd_referral_items_dup_agencies (self->agencies);
  g_autofree char *pseudonym = NULL, *child_name = NULL, *received = NULL, *incident = NULL;
  g_autofree char *referrer_name = NULL, *referrer_agency = NULL, *narrative = NULL, *framework = NULL;
  const PdReferralField *fields;
  const char *const *date_keys;
  const char *at_fault = NULL;
  PdCriteriaFacts facts = { 0 };
  guint n_fields;
  Save save = { self };

  g_return_val_if_fail (PD_IS_REFERRAL_DIALOG (self), FALSE);

  show_error (self, NULL, NULL);
  pseudonym = g_strstrip (_pd_referral_dialog_input_text (self, "pseudonym"));
  child_name = _pd_referral_dialog_input_text (self, "child_name");
  received = g_strstrip (_pd_referral_dialog_input_text (self, "date_received"));
  incident = g_strstrip (_pd_referral_dialog_input_text (self, "date_of_incident"));
  referrer_name = _pd_referral_dialog_input_text (self, "referrer_name");
  referrer_agency = _pd_referral_dialog_input_text (self, "referrer_agency");
  narrative = _pd_referral_dialog_input_text (self, "narrative");
  framework = _pd_referral_dialog_input_text (self, "framework");

  fields = pd_referral_fields_get (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    g_hash_table_insert (details, (gpointer) fields[i].key, g_strstrip (_pd_referral_dialog_input_text (self, fields[i].key)));
  date_keys = pd_referral_date_keys ();
  for (guint i = 0; date_keys[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("date_", date_keys[i], NULL);

      g_hash_table_insert (dates, (gpointer) date_keys[i], g_strstrip (_pd_referral_dialog_input_text (self, key)));
    }
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      g_autofree char *key = g_strconcat ("fact_", pd_criteria_fact_get_key (i), NULL);
      g_autofree char *value = _pd_referral_dialog_input_text (self, key);
      PdFact fact = PD_FACT_UNKNOWN;

      pd_fact_from_string (*value != '\0' ? value : "unknown", &fact);
      pd_criteria_facts_set (&facts, i, fact);
    }

  save.fields = (PdReferralFields) {
    .pseudonym = pseudonym, .child_name = child_name, .date_received = received,
    .date_of_incident = incident, .referrer_name = referrer_name, .referrer_agency = referrer_agency,
    .narrative = narrative, .framework = framework, .details = details, .facts = &facts,
    .dates = dates, .members = members, .agencies = agencies,
  };

  /* The core's check points at the field; the write checks again. */
  if (!pd_referral_fields_validate (&save.fields, &at_fault, &error))
    {
      show_error (self, widget_for_key (self, at_fault), error->message);
      return FALSE;
    }
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (!pd_database_write (self->db, self->id == 0 ? "New referral" : "Edit referral",
                          save_referral, &save, NULL, &error))
    {
      /* Locked by another user, saved by someone else, the share gone: all typed stays. */
      if (is_transient (error))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is why the save failed */
          message = g_strdup_printf (_("The shared drive can’t be reached or is busy; your changes are kept "
                                       "here and will be saved as soon as it is back. (%s)"), error->message);
          show_error (self, NULL, message);
          self->retry_id = g_timeout_add_seconds (self->retry_seconds, retry_save, self);
        }
      else
        {
          show_error (self, NULL, error->message);
          if (g_error_matches (error, PD_ERROR, PD_ERROR_CONFLICT))
            _pd_referral_dialog_show_conflict (self);
        }
      return FALSE;
    }

  self->dirty = FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, save.id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (PdReferralDialog *self)
{
  pd_referral_dialog_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pd_referral_dialog_save (PD_REFERRAL_DIALOG (widget));
}

/* ------------------------------------------------------------ closing */

static void
on_discard_response (PdReferralDialog *self,
                     const char       *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
ask_to_discard (PdReferralDialog *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                              _("The referral has changes that are not saved. "
                                                "Discarded changes cannot be recovered."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_close_request (GtkWindow *window)
{
  PdReferralDialog *self = PD_REFERRAL_DIALOG (window);

  if (!self->dirty || self->discard_confirmed)
    return FALSE;
  ask_to_discard (self);
  return TRUE;
}

/* The main window closing must not take unsaved typing with it. */
static gboolean
on_parent_close_request (GtkWindow        *parent,
                         PdReferralDialog *self)
{
  if (!self->dirty || self->discard_confirmed)
    return FALSE;
  gtk_window_present (GTK_WINDOW (self));
  ask_to_discard (self);
  return TRUE;
}

/* ------------------------------------------------------------ filling */

void
pd_referral_dialog_set_field (PdReferralDialog *self,
                              const char       *field,
                              const char       *text)
{
  g_return_if_fail (PD_IS_REFERRAL_DIALOG (self));

  _pd_referral_dialog_set_input (self, field, text);
}

void
pd_referral_dialog_add_member (PdReferralDialog *self,
                               const char       *name,
                               const char       *relationship,
                               const char       *legal_status)
{
  g_autoptr(PdReferralMember) member = pd_referral_member_new (name, relationship, legal_status);

  g_return_if_fail (PD_IS_REFERRAL_DIALOG (self));

  pd_referral_items_add_member (self->members, member);
}

void
pd_referral_dialog_add_agency (PdReferralDialog *self,
                               const char       *agency,
                               const char       *contact,
                               const char       *requested_on)
{
  g_autoptr(PdReferralAgency) item = pd_referral_agency_new (agency, contact);

  g_return_if_fail (PD_IS_REFERRAL_DIALOG (self));

  g_free (item->requested_on);
  item->requested_on = g_strdup (requested_on != NULL ? requested_on : "");
  pd_referral_items_add_agency (self->agencies, item);
}

static void
fill_from (PdReferralDialog *self,
           PdReferral       *referral)
{
  GPtrArray *members = pd_referral_get_members (referral);
  GPtrArray *agencies = pd_referral_get_agencies (referral);

  g_clear_pointer (&self->base_values, g_hash_table_unref);
  self->base_values = pd_referral_values_new (referral);
  self->filling = TRUE;
  for (guint i = 0; i < self->keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->keys, i);

      _pd_referral_dialog_set_input (self, key, g_hash_table_lookup (self->base_values, key));
    }
  for (guint i = 0; i < members->len; i++)
    pd_referral_items_add_member (self->members, g_ptr_array_index (members, i));
  for (guint i = 0; i < agencies->len; i++)
    pd_referral_items_add_agency (self->agencies, g_ptr_array_index (agencies, i));
  pd_referral_items_collapse (self->members);
  pd_referral_items_collapse (self->agencies);
  self->filling = FALSE;
  self->dirty = FALSE;
}

const char *
pd_referral_dialog_get_error (PdReferralDialog *self)
{
  g_return_val_if_fail (PD_IS_REFERRAL_DIALOG (self), NULL);

  return self->error;
}

gboolean
pd_referral_dialog_is_retrying (PdReferralDialog *self)
{
  g_return_val_if_fail (PD_IS_REFERRAL_DIALOG (self), FALSE);

  return self->retry_id != 0;
}

void
pd_referral_dialog_set_retry_seconds (PdReferralDialog *self,
                                      guint             seconds)
{
  g_return_if_fail (PD_IS_REFERRAL_DIALOG (self));

  self->retry_seconds = MAX (seconds, 1);
}

gboolean
pd_referral_dialog_has_changes (PdReferralDialog *self)
{
  g_return_val_if_fail (PD_IS_REFERRAL_DIALOG (self), FALSE);

  return self->dirty;
}

/* Others see this referral is being edited, and this form says if someone
 * else already is: their save or ours may then be refused, never lost. */
static void
announce_editing (PdReferralDialog *self)
{
  g_autoptr(PdPresence) editor = pd_presence_find_editor (self->db, "referral", self->id);

  pd_presence_announce (self->db, "referral", self->id, NULL);
  if (editor != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (editor->editing_since, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("?");
      g_autofree char *message = NULL;

      /* Translators: someone else's name and since when they have been editing */
      message = g_strdup_printf (_("%s has been editing this referral since %s. If they save first, "
                                   "your save will be refused and what you typed kept here."),
                                 editor->display_name, when);
      show_error (self, NULL, message);
    }
}

static PdReferralDialog *
dialog_new (GtkWindow  *parent,
            PdDatabase *db)
{
  PdReferralDialog *self = g_object_new (PD_TYPE_REFERRAL_DIALOG, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  if (parent != NULL)
    g_signal_connect_object (parent, "close-request", G_CALLBACK (on_parent_close_request), self, 0);
  return self;
}

PdReferralDialog *
pd_referral_dialog_new (GtkWindow  *parent,
                        PdDatabase *db)
{
  PdReferralDialog *self = dialog_new (parent, db);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *framework = pd_database_dup_setting (db, "framework", "england-2018");

  self->filling = TRUE;
  /* Most referrals are logged the day they arrive, under the board's framework. */
  _pd_referral_dialog_set_input (self, "date_received", today);
  _pd_referral_dialog_set_input (self, "framework", framework);
  self->filling = FALSE;
  update_fact_rows (self);
  gtk_widget_grab_focus (g_hash_table_lookup (self->inputs, "pseudonym"));
  return self;
}

PdReferralDialog *
pd_referral_dialog_new_for_edit (GtkWindow   *parent,
                                 PdDatabase  *db,
                                 gint64       id,
                                 GError     **error)
{
  g_autoptr(PdReferral) referral = pd_referral_load_record (db, id, error);
  PdReferralDialog *self;
  g_autofree char *title = NULL;

  if (referral == NULL)
    return NULL;

  self = dialog_new (parent, db);
  self->id = id;
  self->version = pd_referral_get_version (referral);
  /* Translators: the title of the form editing a referral, e.g. "Edit PRP-2026-014" */
  title = g_strdup_printf (_("Edit %s"), pd_referral_get_reference (referral));
  gtk_window_set_title (GTK_WINDOW (self), title);
  fill_from (self, referral);
  announce_editing (self);
  update_fact_rows (self);
  gtk_widget_grab_focus (g_hash_table_lookup (self->inputs, "pseudonym"));
  return self;
}

static void
pd_referral_dialog_dispose (GObject *object)
{
  PdReferralDialog *self = PD_REFERRAL_DIALOG (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->db != NULL && self->id != 0)
    pd_presence_announce (self->db, NULL, 0, NULL);
  g_clear_object (&self->db);
  g_clear_object (&self->marked);
  g_clear_object (&self->theirs);
  if (self->conflict != NULL)
    gtk_window_destroy (GTK_WINDOW (self->conflict));
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_REFERRAL_DIALOG);

  G_OBJECT_CLASS (pd_referral_dialog_parent_class)->dispose (object);
}

static void
pd_referral_dialog_finalize (GObject *object)
{
  PdReferralDialog *self = PD_REFERRAL_DIALOG (object);

  g_free (self->error);
  g_hash_table_unref (self->inputs);
  g_ptr_array_unref (self->keys);
  g_clear_pointer (&self->base_values, g_hash_table_unref);

  G_OBJECT_CLASS (pd_referral_dialog_parent_class)->finalize (object);
}

static void
pd_referral_dialog_class_init (PdReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pd_referral_dialog_dispose;
  object_class->finalize = pd_referral_dialog_finalize;
  window_class->close_request = on_close_request;

  /* The saved referral's id. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/referrals/pd-referral-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdReferralDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  /* Ctrl+S saves, as in every editor; Escape cancels, as in a dialog. */
  gtk_widget_class_install_action (widget_class, "referral.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "referral.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_referral_dialog_init (PdReferralDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->retry_seconds = 10;
  build_form (self);
}
