/* pd-decision-export.c: the decision log as CSV or JSON, for inspectors and spreadsheets */
#include "config.h"

#include <string.h>

#include "pd-database-private.h"
#include "pd-decision-export.h"
#include "pd-signing.h"

/* The columns, in order; ids are numbers in JSON. */
static const struct { const char *name; gboolean is_id; } columns[] = {
  { "id", TRUE }, { "referral_reference", FALSE }, { "pseudonym", FALSE }, { "kind", FALSE },
  { "outcome", FALSE }, { "alternative_review", FALSE }, { "awaited", FALSE }, { "awaited_by", FALSE },
  { "criteria_met", FALSE }, { "departure_reason", FALSE }, { "rationale", FALSE },
  { "made_by", FALSE }, { "made_at", FALSE }, { "meeting_id", TRUE }, { "supersedes_id", TRUE },
  { "supersede_reason", FALSE }, { "superseded_by", TRUE }, { "signed_by", FALSE },
  { "signed_at", FALSE }, { "key_fingerprint", FALSE }, { "chain_seq", TRUE },
  { "signed_hash", FALSE }, { "previous_hash", FALSE }, { "national_panel_notified_on", FALSE },
  { "signature_state", FALSE },
};

#define N_SQL_COLUMNS (G_N_ELEMENTS (columns) - 1)

static const char *
state_to_string (PdSignatureState state)
{
  switch (state)
    {
    case PD_SIGNATURE_VERIFIED:        return "verified";
    case PD_SIGNATURE_KEY_UNCONFIRMED: return "key_unconfirmed";
    case PD_SIGNATURE_ALTERED:         return "altered";
    case PD_SIGNATURE_UNSIGNED:
    default:                           return "unsigned";
    }
}

static void
csv_field (GString    *out,
           const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
json_field (GString    *out,
            const char *text,
            gboolean    is_id)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  if (is_id)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
pd_decision_export (PdDatabase              *db,
                    PdDecisionExportFormat   format,
                    GError                 **error)
{
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GHashTable) states = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean first = TRUE;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  checks = pd_signing_verify_all (db, error);
  if (checks == NULL)
    return NULL;
  for (guint i = 0; i < checks->len; i++)
    {
      PdSignatureCheck *check = g_ptr_array_index (checks, i);
      g_hash_table_insert (states, &check->decision_id, check);
    }

  stmt = _pd_database_prepare (db,
                               "SELECT d.id, r.reference, r.pseudonym, d.kind, d.outcome, d.alternative_review, "
                               "  d.awaited, d.awaited_by, d.criteria_met, d.departure_reason, d.rationale, "
                               "  m.display_name, d.made_at, d.meeting_id, d.supersedes_id, d.supersede_reason, "
                               "  (SELECT max(n.id) FROM decisions n WHERE n.supersedes_id = d.id), "
                               "  s.display_name, d.signed_at, k.fingerprint, d.chain_seq, d.signed_hash, "
                               "  d.previous_hash, "
                               "  (SELECT notified_on FROM national_panel_notifications WHERE decision_id = d.id) "
                               "FROM decisions d JOIN referrals r ON r.id = d.referral_id "
                               "LEFT JOIN people m ON m.id = d.made_by LEFT JOIN people s ON s.id = d.signed_by "
                               "LEFT JOIN signing_keys k ON k.id = d.signing_key_id "
                               "ORDER BY d.made_at, d.id;",
                               error);
  if (stmt == NULL)
    return NULL;

  if (format == PD_DECISION_EXPORT_CSV)
    {
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        g_string_append_printf (out, "%s%s", c > 0 ? "," : "", columns[c].name);
      g_string_append (out, "\r\n");
    }
  else
    g_string_append (out, "[");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      PdSignatureCheck *check = g_hash_table_lookup (states, &id);
      const char *state = state_to_string (check != NULL ? check->state : PD_SIGNATURE_UNSIGNED);

      if (format == PD_DECISION_EXPORT_JSON)
        g_string_append (out, first ? "\n  {" : ",\n  {");
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const char *text = c < N_SQL_COLUMNS ? (const char *) sqlite3_column_text (stmt, c) : state;

          if (format == PD_DECISION_EXPORT_CSV)
            {
              if (c > 0)
                g_string_append_c (out, ',');
              csv_field (out, text);
            }
          else
            {
              g_string_append_printf (out, "%s\"%s\": ", c > 0 ? ", " : "", columns[c].name);
              json_field (out, text, columns[c].is_id);
            }
        }
      g_string_append (out, format == PD_DECISION_EXPORT_CSV ? "\r\n" : "}");
      first = FALSE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }

  if (format == PD_DECISION_EXPORT_JSON)
    g_string_append (out, first ? "]\n" : "\n]\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
