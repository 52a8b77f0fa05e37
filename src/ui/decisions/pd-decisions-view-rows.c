/* pd-decisions-view-rows.c: the Decisions view's rows, their signatures verified
 *
 * The columns of the log, and the loading of its rows with each decision's
 * signature checked: the whole chain verified once per reading of the log
 * (one decision cannot be verified without its chain), the results handed
 * to the rows as they scroll into sight.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-decisions-view-private.h"

#define CHECK_KEY "pd-signature-check"

/* ------------------------------------------------------------ the columns */

static char *
date_text (gpointer item)
{
  return pd_format_date (pd_decision_get_made_at (item));
}

static char *
referral_text (gpointer item)
{
  return g_strdup (pd_decision_get_referral_reference (item));
}

static char *
child_text (gpointer item)
{
  return g_strdup (pd_decision_get_pseudonym (item));
}

static char *
record_text (gpointer item)
{
  return g_strdup (pd_decision_kind_to_label (pd_decision_get_kind (item)));
}

static char *
outcome_text (gpointer item)
{
  return g_strdup (pd_decision_outcome_to_label (pd_decision_get_outcome (item)));
}

static char *
by_text (gpointer item)
{
  return g_strdup (pd_decision_get_made_by_name (item));
}

char *
_pd_decisions_view_signature_text (gpointer item)
{
  PdSignatureCheck *check = g_object_get_data (item, CHECK_KEY);
  const char *label;

  if (g_strcmp0 (pd_decision_get_kind (item), "decision") != 0)
    return g_strdup ("—");
  if (check == NULL)
    return g_strdup (_("Not checked"));
  if (check->state == PD_SIGNATURE_ALTERED)
    /* Loud on purpose: the one thing an inspector must not miss. */
    return g_strdup (_("ALTERED after signing"));
  if (check->state == PD_SIGNATURE_UNSIGNED)
    label = _("Awaiting signature");
  else
    label = pd_signature_state_to_label (check->state);
  if (pd_decision_get_superseded_by (item) != 0)
    /* Translators: a signature state of a superseded decision, e.g. "Verified, superseded" */
    return g_strdup_printf (_("%s, superseded"), label);
  return g_strdup (label);
}

static const char *
signature_style (gpointer item)
{
  PdSignatureCheck *check = g_object_get_data (item, CHECK_KEY);

  if (check == NULL || g_strcmp0 (pd_decision_get_kind (item), "decision") != 0)
    return NULL;
  switch (check->state)
    {
    case PD_SIGNATURE_ALTERED:
      return "error";
    case PD_SIGNATURE_UNSIGNED:
    case PD_SIGNATURE_KEY_UNCONFIRMED:
      return "warning";
    case PD_SIGNATURE_VERIFIED:
    default:
      return "success";
    }
}

/* The whole chain is verified at once (one decision cannot be verified
 * without its chain): the results, by id, wait on the database for the
 * rows to load. Read again at each (re)load of the list. */
#define CHECKS_KEY "pd-decisions-view-checks"

GHashTable *
_pd_decisions_view_verify_chain (PdDatabase *db)
{
  g_autoptr(GPtrArray) checks = pd_signing_verify_all (db, NULL);
  GHashTable *by_id = NULL;

  if (checks != NULL)
    {
      by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                     (GDestroyNotify) pd_signature_check_free);
      for (guint i = 0; i < checks->len; i++)
        {
          PdSignatureCheck *check = g_ptr_array_index (checks, i);

          g_hash_table_insert (by_id, &check->decision_id, check);
        }
      g_ptr_array_set_free_func (checks, NULL);
    }
  /* NULL on failure: each row then tries alone and says why it could not. */
  g_object_set_data_full (G_OBJECT (db), CHECKS_KEY, by_id, (GDestroyNotify) g_hash_table_unref);
  return by_id;
}

static PdSignatureCheck *
dup_check (PdDatabase  *db,
           gint64       id,
           GError     **error)
{
  GHashTable *by_id = g_object_get_data (G_OBJECT (db), CHECKS_KEY);
  PdSignatureCheck *found = by_id != NULL ? g_hash_table_lookup (by_id, &id) : NULL;
  PdSignatureCheck *check;

  if (found == NULL)
    return pd_signing_verify_decision (db, id, error);
  check = g_memdup2 (found, sizeof *found);
  check->reference = g_strdup (found->reference);
  check->message = g_strdup (found->message);
  check->fingerprint = g_strdup (found->fingerprint);
  return check;
}

/* Each row's record with its signature verified as it loads: the list
 * shows an altered decision without anyone opening it. */
gpointer
_pd_decisions_view_load_checked (PdDatabase  *db,
              gint64       id,
              GError     **error)
{
  PdDecision *decision = pd_decision_load (db, id, error);
  g_autoptr(GError) check_error = NULL;
  PdSignatureCheck *check;

  if (decision == NULL || g_strcmp0 (pd_decision_get_kind (decision), "decision") != 0)
    return decision;
  check = dup_check (db, id, &check_error);
  if (check == NULL)
    {
      /* Could not be checked is not verified. */
      check = g_new0 (PdSignatureCheck, 1);
      check->decision_id = id;
      check->state = PD_SIGNATURE_ALTERED;
      check->message = g_strdup (check_error->message);
    }
  g_object_set_data_full (G_OBJECT (decision), CHECK_KEY, check, (GDestroyNotify) pd_signature_check_free);
  return decision;
}

void
_pd_decisions_view_add_columns (PdRecordTable *table)
{
  pd_record_table_append_column (table, _("Date"), date_text, FALSE);
  pd_record_table_append_column (table, _("Referral"), referral_text, FALSE);
  pd_record_table_append_column (table, _("Child"), child_text, TRUE);
  pd_record_table_append_column (table, _("Record"), record_text, FALSE);
  pd_record_table_append_column (table, _("Outcome"), outcome_text, TRUE);
  pd_record_table_append_column (table, _("By"), by_text, FALSE);
  pd_record_table_append_styled_column (table, _("Signature"), _pd_decisions_view_signature_text,
                                        signature_style, TRUE);
}
