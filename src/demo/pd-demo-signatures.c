/* pd-demo-signatures.c: the demo chair's key, signed decisions and a supersession
 *
 * Signed as the chair's own client signs: with her key, opened with the
 * passphrase the README gives, a receipt kept for each signature.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-database-private.h"
#include "pd-demo-private.h"
#include "pd-demo-text.h"

/* The demo chair's key, in the key folder (pd_signing_default_key_dir())
 * under the chair's login; made on the first demo, reused after. */
gboolean
_pd_demo_open_chair_key (Demo        *demo,
                         const char  *chair_login,
                         GError     **error)
{
  g_autofree char *path = NULL;

  demo->key_dir = pd_signing_default_key_dir ();
  path = pd_signing_key_path (demo->key_dir, chair_login);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *fingerprint = pd_signing_key_create (demo->key_dir, chair_login,
                                                            PD_DEMO_CHAIR_PASSPHRASE, error);
      if (fingerprint == NULL)
        return FALSE;
    }
  demo->chair_key = _pd_signing_key_open (demo->key_dir, chair_login, PD_DEMO_CHAIR_PASSPHRASE, error);
  return demo->chair_key != NULL;
}

static gboolean
sign_as_chair (PdTransaction  *tx,
               Demo           *demo,
               gint64          decision_id,
               gint64          key_id,
               const char     *signed_at,
               GError        **error)
{
  PdSignatureReceipt *receipt = _pd_signing_sign_in_tx (tx, decision_id, demo->chair_id, key_id,
                                                        demo->chair_key, signed_at, error);

  if (receipt == NULL)
    return FALSE;
  g_ptr_array_add (demo->receipts, receipt);
  return TRUE;
}

/* The chair's key, registered and confirmed by the administrator; every
 * decision older than four weeks signed, in the order they were made; the
 * last of them superseded by a decision signed a fortnight later. */
gboolean
_pd_demo_write_signatures (PdTransaction  *tx,
                           gpointer        user_data,
                           GError        **error)
{
  Demo *demo = user_data;
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cutoff = _pd_demo_moment_text (demo, AWAITING_SIGNATURE_DAYS, "00:00:00");
  g_autoptr(PdDecision) last = NULL;
  sqlite3_stmt *stmt;
  gint64 key_id;
  int rc;

  key_id = _pd_signing_key_register_for (tx, demo->chair_id, demo->chair_key, error);
  if (key_id == 0 || !pd_signing_key_confirm (tx, key_id, error))
    return FALSE;

  stmt = _pd_database_prepare (db,
                               "SELECT id, made_at FROM decisions WHERE kind = 'decision' AND made_at < ?1 "
                               "ORDER BY made_at, id;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (made, _pd_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  for (guint i = 0; i < ids->len; i++)
    if (!sign_as_chair (tx, demo, g_array_index (ids, gint64, i), key_id, g_ptr_array_index (made, i), error))
      return FALSE;

  if (ids->len == 0)
    return TRUE;

  /* New information after the inquest: the last decision is superseded. */
  last = pd_decision_load (db, g_array_index (ids, gint64, ids->len - 1), error);
  if (last == NULL)
    return FALSE;
  {
    g_autofree char *day = g_strndup (pd_decision_get_made_at (last), 10);
    g_autofree char *made_at = NULL;
    g_autofree char *rationale = NULL;
    PdDecisionFields fields = { 0 };
    GDate date;
    gint64 id;

    g_date_clear (&date, 1);
    pd_calendar_parse_date (day, &date);
    g_date_add_days (&date, 14);
    made_at = g_strdup_printf ("%04d-%02d-%02dT15:00:00Z", g_date_get_year (&date),
                               g_date_get_month (&date), g_date_get_day (&date));
    fields.referral_id = pd_decision_get_referral_id (last);
    fields.kind = "decision";
    fields.outcome = g_strcmp0 (pd_decision_get_outcome (last), "practice_learning") == 0 ? "silr" : "practice_learning";
    rationale = pd_demo_text_rationale (demo->rand, "decision", fields.outcome, pd_decision_get_pseudonym (last));
    fields.rationale = rationale;
    fields.made_at = made_at;
    id = pd_decision_supersede (tx, pd_decision_get_id (last), &fields,
                                "The inquest heard new evidence of how the agencies worked together; "
                                "the chair revisited the decision with the panel's advice.",
                                error);
    if (id == 0 || !_pd_demo_set_made_by (tx, id, demo->chair_id, error) ||
        !sign_as_chair (tx, demo, id, key_id, made_at, error))
      return FALSE;
  }
  return TRUE;
}
