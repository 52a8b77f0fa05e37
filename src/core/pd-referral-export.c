/* pd-referral-export.c: what an export says about a referral beyond its record */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <time.h>

#include "pd-database-private.h"
#include "pd-referral-export.h"

PdReferralExporter *
pd_referral_exporter_new (PdDatabase  *db,
                          GError     **error)
{
  g_autoptr(PdReferralExporter) self = g_new0 (PdReferralExporter, 1);
  const char *const *statutory = pd_clocks_get_statutory_ids ();

  self->targets = pd_referral_load_local_targets (db, error);
  if (self->targets == NULL)
    return NULL;
  self->calendar = pd_calendar_new ();
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));

  self->clock_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; statutory[i] != NULL; i++)
    g_ptr_array_add (self->clock_ids, g_strdup (statutory[i]));
  for (guint i = 0; i < self->targets->len; i++)
    g_ptr_array_add (self->clock_ids, g_strdup (g_array_index (self->targets, PdLocalTarget, i).id));
  return g_steal_pointer (&self);
}

void
pd_referral_exporter_free (PdReferralExporter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->clock_ids, g_ptr_array_unref);
  g_free (self);
}

const char *
pd_referral_exporter_outcome (PdReferralExporter *self,
                              PdReferral         *referral)
{
  g_autoptr(PdCriteriaResult) result = pd_referral_check_criteria (referral);

  return pd_criteria_outcome_to_string (result->outcome);
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

GHashTable *
pd_referral_exporter_due_dates (PdReferralExporter *self,
                                PdReferral         *referral)
{
  GHashTable *due = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) clocks = pd_referral_compute_clocks (referral, self->calendar, self->targets,
                                                            &self->today);

  for (guint i = 0; i < clocks->len; i++)
    {
      PdClock *clock = g_ptr_array_index (clocks, i);

      if (g_date_valid (&clock->due))
        g_hash_table_insert (due, g_strdup (clock->id), format_day (&clock->due));
    }
  return due;
}

/* "criteria" and "clocks" for one referral, as a JSON object to merge. */
static char *
derived_json (PdReferralExporter *self,
              PdReferral         *referral)
{
  g_autoptr(PdCriteriaResult) result = pd_referral_check_criteria (referral);
  g_autoptr(GPtrArray) clocks = pd_referral_compute_clocks (referral, self->calendar, self->targets,
                                                            &self->today);
  g_autoptr(GString) json = g_string_new ("{\"criteria\":{\"outcome\":");

  g_string_append_printf (json, "\"%s\",\"missing\":[", pd_criteria_outcome_to_string (result->outcome));
  for (guint i = 0; i < result->missing->len; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "", (const char *) g_ptr_array_index (result->missing, i));
  g_string_append (json, "]},\"clocks\":[");
  for (guint i = 0; i < clocks->len; i++)
    {
      PdClock *clock = g_ptr_array_index (clocks, i);
      g_autofree char *due = g_date_valid (&clock->due) ? format_day (&clock->due) : NULL;

      g_string_append_printf (json, "%s{\"id\":\"%s\",\"statutory\":%s,\"state\":\"%s\",\"due\":",
                              i > 0 ? "," : "", clock->id, clock->statutory ? "true" : "false",
                              pd_clock_state_to_string (clock->state));
      if (due != NULL)
        g_string_append_printf (json, "\"%s\"}", due);
      else
        g_string_append (json, "null}");
    }
  g_string_append (json, "]}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

gboolean
pd_export_write_to_string (const char  *text,
                           gsize        length,
                           gpointer     user_data,
                           GError     **error)
{
  g_string_append_len (user_data, text, length);
  return TRUE;
}

/* Hands @out to @write once it holds enough, or at the end. */
static gboolean
flush (GString           *out,
       gboolean           force,
       PdExportWriteFunc  write,
       gpointer           user_data,
       GError           **error)
{
  if (out->len == 0 || (!force && out->len < 256 * 1024))
    return TRUE;
  if (!write (out->str, out->len, user_data, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

GArray *
_pd_referral_export_ids (PdDatabase  *db,
                         GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db, "SELECT id FROM referrals ORDER BY year, sequence;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
pd_referral_json_export_to (PdDatabase        *db,
                            PdExportWriteFunc  write,
                            gpointer           user_data,
                            GError           **error)
{
  g_autoptr(PdReferralExporter) exporter = pd_referral_exporter_new (db, error);
  g_autoptr(GString) out = g_string_new ("[");
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (exporter == NULL || (ids = _pd_referral_export_ids (db, error)) == NULL)
    return FALSE;

  /* The record's JSON comes from SQLite's own JSON functions; the derived
   * part is merged in by json_patch, so every string is escaped once, by
   * SQLite, and the result is valid JSON. */
  stmt = _pd_database_prepare (db, "SELECT json_patch (?1, ?2);", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(PdReferral) referral = pd_referral_load_record (db, id, error);
      g_autofree char *record = NULL;
      g_autofree char *derived = NULL;

      if (referral == NULL)
        return FALSE;
      record = pd_referral_dup_json (db, id, error);
      if (record == NULL)
        return FALSE;
      derived = derived_json (exporter, referral);
      sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, derived, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return _pd_database_fail (db, rc, error);
        }
      g_string_append_printf (out, "%s\n%s", i > 0 ? "," : "", (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (!flush (out, FALSE, write, user_data, error))
        return FALSE;
    }
  g_string_append (out, ids->len > 0 ? "\n]\n" : "]\n");
  return flush (out, TRUE, write, user_data, error);
}

char *
pd_referral_json_export (PdDatabase  *db,
                         GError     **error)
{
  g_autoptr(GString) all = g_string_new (NULL);

  if (!pd_referral_json_export_to (db, pd_export_write_to_string, all, error))
    return NULL;
  return g_string_free (g_steal_pointer (&all), FALSE);
}
