/* pd-referral.c: a referral of a serious case, as the list and the form see it
 *
 * The list loads only what its columns show (pd_referral_load); the page,
 * the form and export load the whole record (pd_referral_load_record).
 * Writing is in pd-referral-write.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-referral-field.h"
#include "pd-referral.h"

struct _PdReferral
{
  GObject  parent_instance;

  gint64   id;
  gint64   version;
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

  /* The whole record only. */
  gboolean         complete;
  char            *child_name;
  GHashTable      *details;     /* field key -> value */
  GHashTable      *dates;       /* date key -> YYYY-MM-DD */
  PdCriteriaFacts  facts;
  GPtrArray       *members;
  GPtrArray       *agencies;
  GPtrArray       *history;
};

G_DEFINE_FINAL_TYPE (PdReferral, pd_referral, G_TYPE_OBJECT)

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

PdReferralMember *
pd_referral_member_new (const char *name,
                        const char *relationship,
                        const char *legal_status)
{
  PdReferralMember *member = g_new0 (PdReferralMember, 1);

  member->name = dup_or_empty (name);
  member->relationship = dup_or_empty (relationship);
  member->legal_status = dup_or_empty (legal_status);
  return member;
}

void
pd_referral_member_free (PdReferralMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->relationship);
  g_free (member->legal_status);
  g_free (member);
}

PdReferralAgency *
pd_referral_agency_new (const char *agency,
                        const char *contact)
{
  PdReferralAgency *self = g_new0 (PdReferralAgency, 1);

  self->agency = dup_or_empty (agency);
  self->contact = dup_or_empty (contact);
  self->still_involved = g_strdup ("");
  self->requested_on = g_strdup ("");
  self->due_on = g_strdup ("");
  self->received_on = g_strdup ("");
  return self;
}

PdReferralAgency *
pd_referral_agency_copy (const PdReferralAgency *agency)
{
  PdReferralAgency *copy = pd_referral_agency_new (agency->agency, agency->contact);

  g_free (copy->still_involved);
  g_free (copy->requested_on);
  g_free (copy->due_on);
  g_free (copy->received_on);
  copy->still_involved = dup_or_empty (agency->still_involved);
  copy->requested_on = dup_or_empty (agency->requested_on);
  copy->due_on = dup_or_empty (agency->due_on);
  copy->received_on = dup_or_empty (agency->received_on);
  return copy;
}

void
pd_referral_agency_free (PdReferralAgency *agency)
{
  if (agency == NULL)
    return;
  g_free (agency->agency);
  g_free (agency->contact);
  g_free (agency->still_involved);
  g_free (agency->requested_on);
  g_free (agency->due_on);
  g_free (agency->received_on);
  g_free (agency);
}

void
pd_status_change_free (PdStatusChange *change)
{
  if (change == NULL)
    return;
  g_free (change->status);
  g_free (change->on_date);
  g_free (change->note);
  g_free (change->login_name);
  g_free (change);
}

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
  g_free (self->child_name);
  g_clear_pointer (&self->details, g_hash_table_unref);
  g_clear_pointer (&self->dates, g_hash_table_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);

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
gint64 pd_referral_get_version (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), 0); return self->version; }
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
gboolean pd_referral_is_complete (PdReferral *self) { g_return_val_if_fail (PD_IS_REFERRAL (self), FALSE); return self->complete; }

#define RETURN_IF_INCOMPLETE(val) \
  g_return_val_if_fail (PD_IS_REFERRAL (self), val); \
  g_return_val_if_fail (self->complete, val)

const char *
pd_referral_get_child_name (PdReferral *self)
{
  RETURN_IF_INCOMPLETE (NULL);
  return self->child_name;
}

const char *
pd_referral_get_detail (PdReferral *self,
                        const char *key)
{
  const char *value;

  RETURN_IF_INCOMPLETE ("");
  value = g_hash_table_lookup (self->details, key);
  return value != NULL ? value : "";
}

const char *
pd_referral_get_date (PdReferral *self,
                      const char *key)
{
  RETURN_IF_INCOMPLETE (NULL);
  return g_hash_table_lookup (self->dates, key);
}

const PdCriteriaFacts *
pd_referral_get_facts (PdReferral *self)
{
  RETURN_IF_INCOMPLETE (NULL);
  return &self->facts;
}

GPtrArray *
pd_referral_get_members (PdReferral *self)
{
  RETURN_IF_INCOMPLETE (NULL);
  return self->members;
}

GPtrArray *
pd_referral_get_agencies (PdReferral *self)
{
  RETURN_IF_INCOMPLETE (NULL);
  return self->agencies;
}

GPtrArray *
pd_referral_get_history (PdReferral *self)
{
  RETURN_IF_INCOMPLETE (NULL);
  return self->history;
}

static PdFramework
referral_framework (PdReferral *self)
{
  PdFramework framework = PD_FRAMEWORK_ENGLAND_2018;

  pd_framework_from_string (self->framework, &framework);
  return framework;
}

PdCriteriaResult *
pd_referral_check_criteria (PdReferral *self)
{
  RETURN_IF_INCOMPLETE (NULL);
  return pd_criteria_check (referral_framework (self), &self->facts);
}

GPtrArray *
pd_referral_compute_clocks (PdReferral   *self,
                            PdCalendar   *calendar,
                            const GArray *targets,
                            const GDate  *today)
{
  g_autoptr(PdCriteriaResult) criteria = NULL;
  PdClockDates dates;
  GHashTableIter iter;
  gpointer key, value;

  RETURN_IF_INCOMPLETE (NULL);

  pd_clock_dates_init (&dates);
  pd_clock_dates_set_from_string (&dates, PD_KEY_DATE_RECEIVED, self->date_received);
  pd_clock_dates_set_from_string (&dates, PD_KEY_DATE_INCIDENT, self->date_of_incident);
  g_hash_table_iter_init (&iter, self->dates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PdKeyDate key_date;

      if (pd_key_date_from_string (key, &key_date))
        pd_clock_dates_set_from_string (&dates, key_date, value);
    }

  /* An incident that does not meet the criteria is not one to notify. */
  criteria = pd_criteria_check (referral_framework (self), &self->facts);
  if (criteria->outcome == PD_CRITERIA_MET || criteria->outcome == PD_CRITERIA_ALWAYS)
    dates.notifiable = PD_FACT_YES;
  else if (criteria->outcome == PD_CRITERIA_NOT_MET)
    dates.notifiable = PD_FACT_NO;

  if (g_strcmp0 (self->status, "review_commissioned") == 0)
    dates.review_decided = PD_FACT_YES;
  else if (g_strcmp0 (self->status, "no_review") == 0)
    dates.review_decided = PD_FACT_NO;

  return pd_clocks_compute (referral_framework (self), &dates,
                            targets != NULL ? (const PdLocalTarget *) targets->data : NULL,
                            targets != NULL ? targets->len : 0, calendar, today);
}

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

static gboolean
not_found (PdDatabase  *db,
           int          rc,
           GError     **error)
{
  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                 _("The referral was not found; someone may have deleted it."));
  else
    _pd_database_fail (db, rc, error);
  return FALSE;
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
                               "       referrer_name, date_of_incident, framework, narrative, version "
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
      self->version = sqlite3_column_int64 (stmt, 10);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    not_found (db, rc, error);
  return self;
}

/* The form's single answers: one query over the field table's columns. */
static gboolean
load_details (PdReferral  *self,
              PdDatabase  *db,
              GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT child_name");
  const PdReferralField *fields;
  sqlite3_stmt *stmt;
  guint n_fields;
  int rc;

  fields = pd_referral_fields_get (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, ", \"%s\"", fields[i].key);
  g_string_append (sql, " FROM referrals WHERE id = ?1;");

  stmt = _pd_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self->child_name = _pd_column_dup (stmt, 0);
      for (guint i = 0; i < n_fields; i++)
        g_hash_table_insert (self->details, g_strdup (fields[i].key), _pd_column_dup (stmt, i + 1));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || not_found (db, rc, error);
}

static gboolean
load_keyed (PdReferral  *self,
            PdDatabase  *db,
            const char  *sql,
            gboolean     facts,
            GError     **error)
{
  sqlite3_stmt *stmt = _pd_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (facts)
        /* A fact this version does not know is kept in the database, unread. */
        pd_criteria_facts_set_by_key (&self->facts, key, value);
      else
        g_hash_table_insert (self->dates, g_strdup (key), g_strdup (value));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _pd_database_fail (db, rc, error);
}

static gboolean
load_members (PdReferral  *self,
              PdDatabase  *db,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT name, relationship, legal_status FROM referral_members "
                               "WHERE referral_id = ?1 ORDER BY position;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (self->members,
                     pd_referral_member_new ((const char *) sqlite3_column_text (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _pd_database_fail (db, rc, error);
}

static gboolean
load_agencies (PdReferral  *self,
               PdDatabase  *db,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT agency, contact, still_involved, requested_on, due_on, received_on "
                               "FROM referral_agencies WHERE referral_id = ?1 ORDER BY position;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdReferralAgency *agency = g_new0 (PdReferralAgency, 1);

      agency->agency = _pd_column_dup (stmt, 0);
      agency->contact = _pd_column_dup (stmt, 1);
      agency->still_involved = _pd_column_dup (stmt, 2);
      agency->requested_on = _pd_column_dup (stmt, 3);
      agency->due_on = _pd_column_dup (stmt, 4);
      agency->received_on = _pd_column_dup (stmt, 5);
      g_ptr_array_add (self->agencies, agency);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _pd_database_fail (db, rc, error);
}

static gboolean
load_history (PdReferral  *self,
              PdDatabase  *db,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT status, on_date, note, login_name FROM referral_status_history "
                               "WHERE referral_id = ?1 ORDER BY on_date, id;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdStatusChange *change = g_new0 (PdStatusChange, 1);

      change->status = _pd_column_dup (stmt, 0);
      change->on_date = _pd_column_dup (stmt, 1);
      change->note = _pd_column_dup (stmt, 2);
      change->login_name = _pd_column_dup (stmt, 3);
      g_ptr_array_add (self->history, change);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _pd_database_fail (db, rc, error);
}

PdReferral *
pd_referral_load_record (PdDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(PdReferral) self = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  self = pd_referral_load (db, id, error);
  if (self == NULL)
    return NULL;

  self->complete = TRUE;
  self->details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_member_free);
  self->agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_agency_free);
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_status_change_free);

  if (!load_details (self, db, error) ||
      !load_keyed (self, db, "SELECT key, value FROM referral_facts WHERE referral_id = ?1;", TRUE, error) ||
      !load_keyed (self, db, "SELECT key, date FROM referral_dates WHERE referral_id = ?1;", FALSE, error) ||
      !load_members (self, db, error) ||
      !load_agencies (self, db, error) ||
      !load_history (self, db, error))
    return NULL;

  return g_steal_pointer (&self);
}

GArray *
pd_referral_load_local_targets (PdDatabase  *db,
                                GError     **error)
{
  g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (PdLocalTarget));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (targets, (GDestroyNotify) pd_local_target_clear);
  stmt = _pd_database_prepare (db,
                               "SELECT substr(key, 14), value FROM settings "
                               "WHERE key GLOB 'local_target.*' ORDER BY key;",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdLocalTarget target = { 0 };

      /* A target this version cannot read is left out, not fatal: the
       * statutory clocks still show. */
      if (pd_local_target_parse ((const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1), &target, NULL))
        g_array_append_val (targets, target);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }

  if (targets->len == 0)
    return pd_local_targets_new_defaults ();
  return g_steal_pointer (&targets);
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

gboolean
pd_referral_dup_last_change (PdDatabase  *db,
                             gint64       id,
                             char       **out_login_name,
                             char       **out_at,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  stmt = _pd_database_prepare (db,
                               "SELECT login_name, at FROM audit_log WHERE entity = 'referral' AND entity_id = ?1 "
                               "ORDER BY id DESC LIMIT 1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_login_name = _pd_column_dup (stmt, 0);
      *out_at = _pd_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return not_found (db, rc, error);
  return TRUE;
}

gint64
pd_referral_find_by_reference (PdDatabase  *db,
                               const char  *reference,
                               GError     **error)
{
  g_autofree char *wanted = g_ascii_strup (reference != NULL ? reference : "", -1);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), 0);

  /* References are written in capitals (PRP-2026-014); the unique index finds them. */
  g_strstrip (wanted);
  stmt = _pd_database_prepare (db, "SELECT id FROM referrals WHERE reference = ?1;", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD, _("There is no referral “%s”."), wanted);
  else if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);
  return id;
}
