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
  _pd_referral_dialog_update_fact_rows (self);
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
  _pd_referral_dialog_update_fact_rows (self);
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
  _pd_referral_dialog_build_form (self);
}
