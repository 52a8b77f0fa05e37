/* pd-decision.c: a panel recommendation or a chair's decision on a referral */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-criteria.h"
#include "pd-database-private.h"
#include "pd-decision.h"

struct _PdDecision
{
  GObject   parent_instance;

  gint64    id;
  gint64    referral_id;
  char     *referral_reference;
  char     *pseudonym;
  char     *kind;
  char     *outcome;
  char     *rationale;
  char     *made_by_name;
  char     *made_at;
  gboolean  is_signed;
  gint64    meeting_id;
  char     *alternative_review;
  char     *awaited;
  char     *awaited_by;
  char     *criteria_met;
  char     *departure_reason;
  gint64    supersedes_id;
  char     *supersede_reason;
  gint64    superseded_by;
  char     *signed_by_name;
  char     *signed_at;
  char     *key_fingerprint;
  char     *framework;
  char     *notified_on;
};

G_DEFINE_FINAL_TYPE (PdDecision, pd_decision, G_TYPE_OBJECT)

static void
pd_decision_finalize (GObject *object)
{
  PdDecision *self = (PdDecision *)object;

  g_free (self->referral_reference);
  g_free (self->pseudonym);
  g_free (self->kind);
  g_free (self->outcome);
  g_free (self->rationale);
  g_free (self->made_by_name);
  g_free (self->made_at);
  g_free (self->alternative_review);
  g_free (self->awaited);
  g_free (self->awaited_by);
  g_free (self->criteria_met);
  g_free (self->departure_reason);
  g_free (self->supersede_reason);
  g_free (self->signed_by_name);
  g_free (self->signed_at);
  g_free (self->key_fingerprint);
  g_free (self->framework);
  g_free (self->notified_on);

  G_OBJECT_CLASS (pd_decision_parent_class)->finalize (object);
}

static void
pd_decision_class_init (PdDecisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_decision_finalize;
}

static void
pd_decision_init (PdDecision *self)
{
}

gint64 pd_decision_get_id (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), 0); return self->id; }
gint64 pd_decision_get_referral_id (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), 0); return self->referral_id; }
const char *pd_decision_get_referral_reference (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->referral_reference; }
const char *pd_decision_get_pseudonym (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->pseudonym; }
const char *pd_decision_get_kind (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->kind; }
const char *pd_decision_get_outcome (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->outcome; }
const char *pd_decision_get_rationale (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->rationale; }
const char *pd_decision_get_made_by_name (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->made_by_name; }
const char *pd_decision_get_made_at (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->made_at; }
gboolean pd_decision_is_signed (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), FALSE); return self->is_signed; }
gint64 pd_decision_get_meeting_id (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), 0); return self->meeting_id; }
const char *pd_decision_get_alternative_review (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->alternative_review; }
const char *pd_decision_get_awaited (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->awaited; }
const char *pd_decision_get_awaited_by (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->awaited_by; }
const char *pd_decision_get_criteria_met (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->criteria_met; }
const char *pd_decision_get_departure_reason (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->departure_reason; }
gint64 pd_decision_get_supersedes_id (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), 0); return self->supersedes_id; }
const char *pd_decision_get_supersede_reason (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->supersede_reason; }
gint64 pd_decision_get_superseded_by (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), 0); return self->superseded_by; }
const char *pd_decision_get_signed_by_name (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->signed_by_name; }
const char *pd_decision_get_signed_at (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->signed_at; }
const char *pd_decision_get_key_fingerprint (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->key_fingerprint; }
const char *pd_decision_get_national_panel_notified_on (PdDecision *self) { g_return_val_if_fail (PD_IS_DECISION (self), NULL); return self->notified_on; }

/* England 2015: a chair's decision not to hold an SCR is notified to the
 * national panel within 14 days. */
static gboolean
is_decision_not_to_review (const char *kind,
                           const char *outcome,
                           const char *framework)
{
  return g_strcmp0 (kind, "decision") == 0 &&
         g_strcmp0 (framework, "england-2015") == 0 &&
         g_strcmp0 (outcome, "scr") != 0 && g_strcmp0 (outcome, "deferred") != 0;
}

gboolean
pd_decision_needs_national_panel_notice (PdDecision *self)
{
  g_return_val_if_fail (PD_IS_DECISION (self), FALSE);
  return is_decision_not_to_review (self->kind, self->outcome, self->framework);
}

const char *
pd_decision_kind_to_label (const char *kind)
{
  if (g_strcmp0 (kind, "recommendation") == 0)
    return _("Panel recommendation");
  if (g_strcmp0 (kind, "decision") == 0)
    return _("Chair's decision");
  return kind;
}

static const struct { const char *id; const char *label; } outcome_labels[] = {
  { "scr",               N_("Serious case review / CSPR") },
  { "silr",              N_("Serious incident learning review") },
  { "practice_learning", N_("Practice learning review") },
  { "other_review",      N_("Other alternative review") },
  { "no_review",         N_("No review") },
  { "deferred",          N_("Deferred for more information") },
};

const char *
pd_decision_outcome_to_label (const char *outcome)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_labels); i++)
    if (g_strcmp0 (outcome, outcome_labels[i].id) == 0)
      return _(outcome_labels[i].label);
  return outcome;
}

static gboolean
is_outcome (const char *outcome)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_labels); i++)
    if (g_strcmp0 (outcome, outcome_labels[i].id) == 0)
      return TRUE;
  return FALSE;
}

PdDecision *
pd_decision_load (PdDatabase  *db,
                  gint64       id,
                  GError     **error)
{
  PdDecision *self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db,
                               "SELECT d.referral_id, r.reference, r.pseudonym, d.kind, d.outcome, "
                               "       d.rationale, coalesce(p.display_name, ''), d.made_at, "
                               "       d.signature IS NOT NULL, coalesce(d.meeting_id, 0), "
                               "       d.alternative_review, d.awaited, d.awaited_by, d.criteria_met, "
                               "       d.departure_reason, coalesce(d.supersedes_id, 0), d.supersede_reason, "
                               "       (SELECT max(n.id) FROM decisions n WHERE n.supersedes_id = d.id), "
                               "       s.display_name, d.signed_at, k.fingerprint, r.framework, "
                               "       (SELECT notified_on FROM national_panel_notifications WHERE decision_id = d.id) "
                               "FROM decisions d "
                               "JOIN referrals r ON r.id = d.referral_id "
                               "LEFT JOIN people p ON p.id = d.made_by "
                               "LEFT JOIN people s ON s.id = d.signed_by "
                               "LEFT JOIN signing_keys k ON k.id = d.signing_key_id "
                               "WHERE d.id = ?1;",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self = g_object_new (PD_TYPE_DECISION, NULL);
      self->id = id;
      self->referral_id = sqlite3_column_int64 (stmt, 0);
      self->referral_reference = _pd_column_dup (stmt, 1);
      self->pseudonym = _pd_column_dup (stmt, 2);
      self->kind = _pd_column_dup (stmt, 3);
      self->outcome = _pd_column_dup (stmt, 4);
      self->rationale = _pd_column_dup (stmt, 5);
      self->made_by_name = _pd_column_dup (stmt, 6);
      self->made_at = _pd_column_dup (stmt, 7);
      self->is_signed = sqlite3_column_int (stmt, 8) != 0;
      self->meeting_id = sqlite3_column_int64 (stmt, 9);
      self->alternative_review = _pd_column_dup (stmt, 10);
      self->awaited = _pd_column_dup (stmt, 11);
      self->awaited_by = _pd_column_dup (stmt, 12);
      self->criteria_met = _pd_column_dup (stmt, 13);
      self->departure_reason = _pd_column_dup (stmt, 14);
      self->supersedes_id = sqlite3_column_int64 (stmt, 15);
      self->supersede_reason = _pd_column_dup (stmt, 16);
      self->superseded_by = sqlite3_column_int64 (stmt, 17);
      self->signed_by_name = _pd_column_dup (stmt, 18);
      self->signed_at = _pd_column_dup (stmt, 19);
      self->key_fingerprint = _pd_column_dup (stmt, 20);
      self->framework = _pd_column_dup (stmt, 21);
      self->notified_on = _pd_column_dup (stmt, 22);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                 _("The decision was not found; someone may have deleted it."));
  else if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);

  return self;
}

PdRecordList *
pd_decision_list_new (PdDatabase *db)
{
  return pd_record_list_new (db, PD_TYPE_DECISION,
                             "SELECT id FROM decisions ORDER BY made_at DESC, id DESC;",
                             (PdRecordLoadFunc) pd_decision_load);
}

/* The rules every record keeps, whoever writes it. */
static gboolean
validate_fields (const PdDecisionFields  *fields,
                 GError                 **error)
{
  GDate date;

  if (g_strcmp0 (fields->kind, "recommendation") != 0 && g_strcmp0 (fields->kind, "decision") != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A record must be a panel recommendation or a chair's decision."));
      return FALSE;
    }
  if (!is_outcome (fields->outcome))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("Choose the outcome: which review, if any."));
      return FALSE;
    }
  if (_pd_is_blank (fields->rationale))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Write the reasons: a recommendation or decision without a rationale cannot be saved."));
      return FALSE;
    }
  if (g_strcmp0 (fields->outcome, "other_review") == 0 && _pd_is_blank (fields->alternative_review))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Name the alternative review, for example “reflective review”."));
      return FALSE;
    }
  if (g_strcmp0 (fields->outcome, "deferred") == 0 && _pd_is_blank (fields->awaited))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Say what information the deferred decision waits for."));
      return FALSE;
    }
  g_date_clear (&date, 1);
  if (g_strcmp0 (fields->outcome, "deferred") == 0 && !pd_calendar_parse_date (fields->awaited_by, &date))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Give the date the awaited information is due by, as YYYY-MM-DD."));
      return FALSE;
    }
  if (!_pd_is_blank (fields->criteria_met))
    {
      g_auto(GStrv) keys = g_strsplit (fields->criteria_met, ",", -1);

      for (guint i = 0; keys[i] != NULL; i++)
        if (pd_criteria_fact_from_key (keys[i]) < 0)
          {
            g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                         _("“%s” is not one of the criteria; the criteria found met are fact keys "
                           "joined by commas."), keys[i]);
            return FALSE;
          }
    }
  return TRUE;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Binds the fields shared by INSERT and UPDATE, as ?3 to ?13. */
static void
bind_fields (sqlite3_stmt           *stmt,
             const PdDecisionFields *fields,
             const char             *now)
{
  if (fields->meeting_id > 0)
    sqlite3_bind_int64 (stmt, 2, fields->meeting_id);
  sqlite3_bind_text (stmt, 3, fields->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, fields->outcome, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields->rationale, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, fields->made_at ? fields->made_at : now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, g_strcmp0 (fields->outcome, "other_review") == 0 ? or_empty (fields->alternative_review) : "",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, g_strcmp0 (fields->outcome, "deferred") == 0 ? or_empty (fields->awaited) : "",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, g_strcmp0 (fields->outcome, "deferred") == 0 ? or_empty (fields->awaited_by) : "",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, or_empty (fields->criteria_met), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, or_empty (fields->departure_reason), -1, SQLITE_STATIC);
  if (fields->supersedes_id > 0)
    sqlite3_bind_int64 (stmt, 12, fields->supersedes_id);
  sqlite3_bind_text (stmt, 13, or_empty (fields->supersede_reason), -1, SQLITE_STATIC);
}

static gboolean
step_write (PdDatabase    *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CONSTRAINT && strstr (sqlite3_errmsg (_pd_database_get_handle (db)), "signed") != NULL)
    g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                 _("This decision is signed: it cannot be changed or deleted. "
                   "Record a new decision that supersedes it, with the reason."));
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                 _("The referral or meeting this record belongs to no longer exists."));
  else
    _pd_database_fail (db, rc, error);
  return FALSE;
}

gint64
pd_decision_insert (PdTransaction           *tx,
                    const PdDecisionFields  *fields,
                    GError                 **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (fields != NULL, 0);

  if (!validate_fields (fields, error))
    return 0;
  if (fields->supersedes_id > 0 && _pd_is_blank (fields->supersede_reason))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Say why the new decision supersedes the earlier one."));
      return 0;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO decisions (referral_id, meeting_id, kind, outcome, rationale, "
                               "                       made_by, made_at, alternative_review, awaited, awaited_by, "
                               "                       criteria_met, departure_reason, supersedes_id, "
                               "                       supersede_reason, created_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM people WHERE login_name = ?14), ?6, "
                               "        ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, fields->referral_id);
  bind_fields (stmt, fields, now);
  sqlite3_bind_text (stmt, 14, pd_database_get_login_name (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, now, -1, SQLITE_STATIC);
  if (!step_write (db, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));
  after = pd_transaction_row_json (tx, "decisions", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "decision", id, "create", NULL, after, error))
    return 0;

  return id;
}

/* Refuses a signed decision before the trigger has to. */
static gboolean
check_unsigned (PdDatabase  *db,
                gint64       id,
                GError     **error)
{
  g_autoptr(PdDecision) decision = pd_decision_load (db, id, error);

  if (decision == NULL)
    return FALSE;
  if (decision->is_signed)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Decision %" G_GINT64_FORMAT " (%s) is signed: it cannot be changed or deleted. "
                     "Record a new decision that supersedes it, with the reason."),
                   id, decision->referral_reference);
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_decision_update (PdTransaction           *tx,
                    gint64                   id,
                    const PdDecisionFields  *fields,
                    GError                 **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (fields != NULL, FALSE);

  if (!check_unsigned (db, id, error) || !validate_fields (fields, error))
    return FALSE;
  before = pd_transaction_row_json (tx, "decisions", id, error);
  if (before == NULL)
    return FALSE;

  stmt = _pd_database_prepare (db,
                               "UPDATE decisions SET meeting_id = ?2, kind = ?3, outcome = ?4, rationale = ?5, "
                               "  made_at = ?6, alternative_review = ?7, awaited = ?8, awaited_by = ?9, "
                               "  criteria_met = ?10, departure_reason = ?11, supersedes_id = ?12, "
                               "  supersede_reason = ?13 "
                               "WHERE id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_fields (stmt, fields, now);
  if (!step_write (db, stmt, error))
    return FALSE;

  after = pd_transaction_row_json (tx, "decisions", id, error);
  return after != NULL &&
         pd_transaction_audit (tx, "decision", id, "update", before, after, error);
}

gboolean
pd_decision_delete (PdTransaction  *tx,
                    gint64          id,
                    GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;

  if (!check_unsigned (db, id, error))
    return FALSE;
  before = pd_transaction_row_json (tx, "decisions", id, error);
  if (before == NULL)
    return FALSE;

  stmt = _pd_database_prepare (db, "DELETE FROM decisions WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_write (db, stmt, error))
    return FALSE;

  return pd_transaction_audit (tx, "decision", id, "delete", before, NULL, error);
}

gint64
pd_decision_supersede (PdTransaction           *tx,
                       gint64                   old_id,
                       const PdDecisionFields  *fields,
                       const char              *reason,
                       GError                 **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdDecision) old = NULL;
  PdDecisionFields copy;

  g_return_val_if_fail (fields != NULL, 0);

  old = pd_decision_load (db, old_id, error);
  if (old == NULL)
    return 0;
  if (g_strcmp0 (old->kind, "decision") != 0 || !old->is_signed)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Only a signed decision is superseded; an unsigned one can still be edited."));
      return 0;
    }
  if (old->superseded_by != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Decision %" G_GINT64_FORMAT " is already superseded by decision %" G_GINT64_FORMAT
                     "; supersede that one instead."),
                   old_id, old->superseded_by);
      return 0;
    }
  if (fields->referral_id != old->referral_id || g_strcmp0 (fields->kind, "decision") != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A decision is superseded by a new decision on the same referral."));
      return 0;
    }
  if (_pd_is_blank (reason))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Say why the new decision supersedes the earlier one."));
      return 0;
    }

  copy = *fields;
  copy.supersedes_id = old_id;
  copy.supersede_reason = reason;
  return pd_decision_insert (tx, &copy, error);
}

gboolean
pd_decision_record_national_panel_notice (PdTransaction  *tx,
                                          gint64          id,
                                          const char     *notified_on,
                                          GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdDecision) decision = NULL;
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  GDate date;

  g_date_clear (&date, 1);
  if (!pd_calendar_parse_date (notified_on, &date))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Give the day the national panel was told, as YYYY-MM-DD."));
      return FALSE;
    }
  decision = pd_decision_load (db, id, error);
  if (decision == NULL)
    return FALSE;
  if (!pd_decision_needs_national_panel_notice (decision))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Only a chair's decision not to hold a serious case review under the England 2015 "
                     "rules is notified to the national panel."));
      return FALSE;
    }
  if (decision->notified_on != NULL)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The notice to the national panel was already recorded, for %s."), decision->notified_on);
      return FALSE;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO national_panel_notifications (decision_id, notified_on, recorded_by, recorded_at) "
                               "VALUES (?1, ?2, (SELECT id FROM people WHERE login_name = ?3), ?4);",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, notified_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pd_database_get_login_name (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (!step_write (db, stmt, error))
    return FALSE;

  after = g_strdup_printf ("{\"decision_id\":%" G_GINT64_FORMAT ",\"notified_on\":\"%s\"}", id, notified_on);
  return pd_transaction_audit (tx, "national_panel_notification", id, "create", NULL, after, error);
}
