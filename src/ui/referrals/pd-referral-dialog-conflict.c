/* pd-referral-dialog-conflict.c: the form's save crossed someone else's
 *
 * Three versions meet here: the referral as the form was filled from it
 * (the base), what the form holds now (yours) and what was saved meanwhile
 * (theirs). Every field where yours and theirs differ is offered, starting
 * on yours where you changed it and on theirs where only they did; the
 * choices go back into the form, which then saves over theirs knowingly,
 * against their version, with an audit entry as any edit has.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-referral-dialog-private.h"
#include "pd-referral-values.h"

/* What the form holds, keyed as pd_referral_values_new() keys a referral. */
static GHashTable *
dup_form_values (PdReferralDialog *self)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) members = pd_referral_items_dup_members (self->members);
  g_autoptr(GPtrArray) agencies = pd_referral_items_dup_agencies (self->agencies);

  for (guint i = 0; i < self->keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->keys, i);
      g_autofree char *text = _pd_referral_dialog_input_text (self, key);

      /* As the save stores it: single answers are trimmed. */
      g_hash_table_insert (values, g_strdup (key),
                           GTK_IS_TEXT_VIEW (g_hash_table_lookup (self->inputs, key)) ? g_strdup (text)
                                                                                       : g_strdup (g_strstrip (text)));
    }
  g_hash_table_insert (values, g_strdup ("members"), pd_referral_values_members_text (members));
  g_hash_table_insert (values, g_strdup ("agencies"), pd_referral_values_agencies_text (agencies));
  return values;
}

static const char *
input_title (PdReferralDialog *self,
             const char       *key)
{
  GtkWidget *widget;

  if (g_strcmp0 (key, "members") == 0)
    return _("Family and Significant Others");
  if (g_strcmp0 (key, "agencies") == 0)
    return _("Agencies Involved");
  widget = g_hash_table_lookup (self->inputs, key);
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return g_object_get_data (G_OBJECT (widget), "pd-title");
}

/* A stored value as the form shows it: "Current plan", not "current". */
static const char *
shown_value (PdReferralDialog *self,
             const char       *key,
             const char       *text)
{
  GtkWidget *widget = g_hash_table_lookup (self->inputs, key);

  if (ADW_IS_COMBO_ROW (widget))
    {
      char **ids = g_object_get_data (G_OBJECT (widget), "pd-ids");
      GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (widget));

      for (guint i = 0; ids[i] != NULL; i++)
        if (g_strcmp0 (ids[i], text) == 0)
          return gtk_string_list_get_string (GTK_STRING_LIST (labels), i);
    }
  return text;
}

static void
replace_items (PdReferralDialog *self,
               PdReferralItems  *items,
               GPtrArray        *theirs,
               gboolean          members)
{
  while (pd_referral_items_get_n_items (items) > 0)
    pd_referral_items_remove (items, 0);
  for (guint i = 0; i < theirs->len; i++)
    {
      if (members)
        pd_referral_items_add_member (items, g_ptr_array_index (theirs, i));
      else
        pd_referral_items_add_agency (items, g_ptr_array_index (theirs, i));
    }
  pd_referral_items_collapse (items);
}

static void
on_conflict_resolved (PdReferralDialog *self,
                      PdEditConflictDialog *conflict)
{
  g_autoptr(GHashTable) theirs_values = pd_referral_values_new (self->theirs);
  const char *const *keys = pd_edit_conflict_dialog_get_keys (conflict);

  /* The conflict window closes itself after this; the form, which may
   * close on saving, must not close it a second time. */
  g_object_remove_weak_pointer (G_OBJECT (conflict), (gpointer *) &self->conflict);
  self->conflict = NULL;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (!pd_edit_conflict_dialog_takes_theirs (conflict, keys[i]))
        continue;
      if (g_strcmp0 (keys[i], "members") == 0)
        replace_items (self, self->members, pd_referral_get_members (self->theirs), TRUE);
      else if (g_strcmp0 (keys[i], "agencies") == 0)
        replace_items (self, self->agencies, pd_referral_get_agencies (self->theirs), FALSE);
      else
        _pd_referral_dialog_set_input (self, keys[i], g_hash_table_lookup (theirs_values, keys[i]));
    }
  /* From now on the form is an edit of their version. */
  self->version = pd_referral_get_version (self->theirs);
  g_clear_pointer (&self->base_values, g_hash_table_unref);
  self->base_values = g_steal_pointer (&theirs_values);
  g_clear_object (&self->theirs);
  pd_referral_dialog_save (self);
}

void
_pd_referral_dialog_show_conflict (PdReferralDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) yours = NULL, theirs_values = NULL;
  g_autofree char *who = NULL, *at = NULL, *when = NULL, *heading = NULL;
  g_autoptr(PdReferral) theirs = pd_referral_load_record (self->db, self->id, &error);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  if (theirs == NULL)
    return;   /* deleted meanwhile: the form's error already says the save failed */
  if (self->conflict != NULL)
    gtk_window_destroy (GTK_WINDOW (self->conflict));

  if (pd_referral_dup_last_change (self->db, self->id, &who, &at, NULL))
    {
      when = pd_format_date_time (at);
      /* Translators: "jsmith saved this referral on 3 Mar 2026, 10:42, while you were editing it" */
      heading = g_strdup_printf (_("%s saved this referral on %s, while you were editing it"), who, when);
    }
  else
    heading = g_strdup (_("Someone else saved this referral while you were editing it"));

  yours = dup_form_values (self);
  theirs_values = pd_referral_values_new (theirs);
  g_ptr_array_extend (keys, self->keys, NULL, NULL);
  g_ptr_array_add (keys, "members");
  g_ptr_array_add (keys, "agencies");

  self->conflict = pd_edit_conflict_dialog_new (GTK_WINDOW (self), heading);
  g_object_add_weak_pointer (G_OBJECT (self->conflict), (gpointer *) &self->conflict);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *mine = g_hash_table_lookup (yours, key);
      const char *their = g_hash_table_lookup (theirs_values, key);
      const char *base = self->base_values != NULL ? g_hash_table_lookup (self->base_values, key) : NULL;

      if (g_strcmp0 (mine, their) == 0)
        continue;
      pd_edit_conflict_dialog_add_field (self->conflict, key, input_title (self, key),
                                    shown_value (self, key, mine), shown_value (self, key, their),
                                    g_strcmp0 (mine, base) == 0);
    }
  g_set_object (&self->theirs, theirs);
  g_signal_connect_object (self->conflict, "resolved", G_CALLBACK (on_conflict_resolved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->conflict));
}

PdEditConflictDialog *
pd_referral_dialog_get_conflict (PdReferralDialog *self)
{
  g_return_val_if_fail (PD_IS_REFERRAL_DIALOG (self), NULL);

  return self->conflict;
}
