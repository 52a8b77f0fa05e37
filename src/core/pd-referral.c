/* pd-referral.c: a referral of a serious case, as the list and the form see it */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-criteria.h"
#include "pd-referral.h"

struct _PdReferral
{
  GObject  parent_instance;

  gint64   id;
  char    *reference;
  char    *pseudonym;
  char    *status;
  char    *date_received;
  char    *next_deadline;
  char    *referrer_agency;
  char    *referrer_name;
  char    *date_of_incident;
  char    *framework;
  char    *narrative;
};

G_DEFINE_FINAL_TYPE (PdReferral, pd_referral, G_TYPE_OBJECT)

static void
pd_referral_finalize (GObject *object)
{
  PdReferral *self = (PdReferral *)object;

  g_free (self->reference);
  g_free (self->pseudonym);
  g_free (self->status);
  g_free (self->date_received);
  g_free (self->next_deadline);
  g_free (self->referrer_agency);
  g_free (self->referrer_name);
  g_free (self->date_of_incident);
  g_free (self->framework);
  g_free (self->narrative);

  G_OBJECT_CLASS (pd_referral_parent_class)->finalize (object);
}

static void
pd_referral_class_init (PdReferralClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_referral_finalize;
}

static void
pd_referral_init (PdReferral *self)
{
}

gint64 pd_referral_get_id (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), 0); return self->id; }
const char *pd_referral_get_reference (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->reference; }
const char *pd_referral_get_pseudonym (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->pseudonym; }
const char *pd_referral_get_status (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->status; }
const char *pd_referral_get_date_received (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->date_received; }
const char *pd_referral_get_next_deadline (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->next_deadline; }
const char *pd_referral_get_referrer_agency (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->referrer_agency; }
const char *pd_referral_get_referrer_name (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->referrer_name; }
const char *pd_referral_get_date_of_incident (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->date_of_incident; }
const char *pd_referral_get_framework (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->framework; }
const char *pd_referral_get_narrative (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), NULL); return self->narrative; }

const char *
pd_referral_status_to_label (const char *status)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "received",              N_("Received") },
    { "information_requested", N_("Information requested") },
    { "on_agenda",             N_("On a panel agenda") },
    { "recommendation_made",   N_("Recommendation made") },
    { "decision_made",         N_("Decision made") },
    { "review_commissioned",   N_("Review commissioned") },
    { "no_review",             N_("No review") },
    { "closed",                N_("Closed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (status, labels[i].id) == 0)
      return _(labels[i].label);
  return status;
}

gboolean
pd_referral_status_is_valid (const char *status)
{
  /* The label table knows every status; anything else comes back as is. */
  return status != NULL && pd_referral_status_to_label (status) != status;
}

PdReferral *
pd_referral_load (PdDatabase  *db,
                  gint64       id,
                  GError     **error)
{
  PdReferral *self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db,
                               "SELECT reference, pseudonym, status, date_received, next_deadline, referrer_agency, "
                               "       referrer_name, date_of_incident, framework, narrative "
                               "FROM referrals WHERE id = ?1;",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self = g_object_new (PD_TYPE_REFERRAL, NULL);
      self->id = id;
      self->reference = _pd_column_dup (stmt, 0);
      self->pseudonym = _pd_column_dup (stmt, 1);
      self->status = _pd_column_dup (stmt, 2);
      self->date_received = _pd_column_dup (stmt, 3);
      self->next_deadline = _pd_column_dup (stmt, 4);
      self->referrer_agency = _pd_column_dup (stmt, 5);
      self->referrer_name = _pd_column_dup (stmt, 6);
      self->date_of_incident = _pd_column_dup (stmt, 7);
      self->framework = _pd_column_dup (stmt, 8);
      self->narrative = _pd_column_dup (stmt, 9);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                 _("The referral was not found; someone may have deleted it."));
  else if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);

  return self;
}

PdRecordList *
pd_referral_list_new (PdDatabase *db)
{
  return pd_record_list_new (db, PD_TYPE_REFERRAL,
                             "SELECT id FROM referrals ORDER BY date_received DESC, id DESC;",
                             (PdRecordLoadFunc) pd_referral_load);
}

gboolean
pd_date_is_valid (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

gboolean
pd_reference_parse (const char *reference,
                    int        *year,
                    gint64     *sequence)
{
  g_autofree char *again = NULL;
  int y;
  gint64 n;

  if (reference == NULL || sscanf (reference, "PRP-%4d-%" G_GINT64_MODIFIER "d", &y, &n) != 2 ||
      y < 1900 || y > 9999 || n <= 0)
    return FALSE;
  /* Written exactly as the app writes it: no spaces, signs or stray zeros. */
  again = g_strdup_printf ("PRP-%04d-%03" G_GINT64_FORMAT, y, n);
  if (strcmp (again, reference) != 0)
    return FALSE;
  *year = y;
  *sequence = n;
  return TRUE;
}

/* Takes @sequence of @year as given: free, and the counter moves past it. */
static gboolean
claim_sequence (PdDatabase  *db,
                const char  *reference,
                int          year,
                gint64       sequence,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db, "SELECT 1 FROM referrals WHERE year = ?1 AND sequence = ?2;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, sequence);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The reference %s is already in the database."), reference);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  stmt = _pd_database_prepare (db,
                               "INSERT INTO reference_counters (year, last) VALUES (?1, ?2) "
                               "ON CONFLICT (year) DO UPDATE SET last = max (last, excluded.last);",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, sequence);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  return TRUE;
}

/* The next number of @year; counters only grow, so a number is never reused. */
static gint64
next_sequence (PdDatabase  *db,
               int          year,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 sequence = 0;
  int rc;

  stmt = _pd_database_prepare (db,
                               "INSERT INTO reference_counters (year, last) VALUES (?1, 1) "
                               "ON CONFLICT (year) DO UPDATE SET last = last + 1 "
                               "RETURNING last;",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sequence = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);
  return sequence;
}

gint64
pd_referral_insert (PdTransaction           *tx,
                    const PdReferralFields  *fields,
                    char                   **out_reference,
                    GError                 **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *framework = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  PdFramework framework_id;
  gint64 sequence, id;
  int year, rc;

  g_return_val_if_fail (fields != NULL, 0);

  if (_pd_is_blank (fields->pseudonym))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A referral needs a pseudonym for the child, such as “Child A”."));
      return 0;
    }
  if (!pd_date_is_valid (fields->date_received))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The date received must be a real date, written as 2026-03-31."));
      return 0;
    }
  if (fields->date_of_incident != NULL && *fields->date_of_incident != '\0' &&
      !pd_date_is_valid (fields->date_of_incident))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The date of the incident must be a real date, written as 2026-03-31."));
      return 0;
    }
  if (fields->status != NULL && !pd_referral_status_is_valid (fields->status))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("“%s” is not a status of a referral, such as “received” or “closed”."),
                   fields->status);
      return 0;
    }
  if (fields->framework != NULL && !pd_framework_from_string (fields->framework, &framework_id))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("“%s” is not a framework; use england-2015, england-2018 or wales."),
                   fields->framework);
      return 0;
    }
  if (fields->next_deadline != NULL && *fields->next_deadline != '\0' &&
      !pd_date_is_valid (fields->next_deadline))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The next deadline must be a real date, written as 2026-03-31."));
      return 0;
    }
  if (fields->date_of_incident != NULL && *fields->date_of_incident != '\0' &&
      g_strcmp0 (fields->date_of_incident, fields->date_received) > 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The date of the incident is after the date the referral was received."));
      return 0;
    }

  if (fields->reference != NULL && *fields->reference != '\0')
    {
      if (!pd_reference_parse (fields->reference, &year, &sequence))
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("“%s” is not a reference; references are written like PRP-2026-014."),
                       fields->reference);
          return 0;
        }
      if (!claim_sequence (db, fields->reference, year, sequence, error))
        return 0;
    }
  else
    {
      year = g_ascii_strtoll (fields->date_received, NULL, 10);
      sequence = next_sequence (db, year, error);
      if (sequence == 0)
        return 0;
    }
  reference = g_strdup_printf ("PRP-%04d-%03" G_GINT64_FORMAT, year, sequence);
  framework = fields->framework ? g_strdup (fields->framework)
                                : pd_database_dup_setting (db, "framework", "england-2018");

  stmt = _pd_database_prepare (db,
                               "INSERT INTO referrals (reference, year, sequence, pseudonym, child_name, "
                               "  date_received, date_of_incident, referrer_name, referrer_agency, status, "
                               "  framework, next_deadline, narrative, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, sequence);
  sqlite3_bind_text (stmt, 4, fields->pseudonym, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields->child_name ? fields->child_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, fields->date_received, -1, SQLITE_STATIC);
  _pd_bind_text (stmt, 7, fields->date_of_incident && *fields->date_of_incident ? fields->date_of_incident : NULL);
  sqlite3_bind_text (stmt, 8, fields->referrer_name ? fields->referrer_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, fields->referrer_agency ? fields->referrer_agency : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, fields->status ? fields->status : "received", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, framework, -1, SQLITE_STATIC);
  _pd_bind_text (stmt, 12, fields->next_deadline && *fields->next_deadline ? fields->next_deadline : NULL);
  sqlite3_bind_text (stmt, 13, fields->narrative ? fields->narrative : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return 0;
    }

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));
  after = pd_transaction_row_json (tx, "referrals", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "referral", id, "create", NULL, after, error))
    return 0;

  if (out_reference != NULL)
    *out_reference = g_steal_pointer (&reference);
  return id;
}
