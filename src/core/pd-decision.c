/* pd-decision.c: a panel recommendation or a chair's decision on a referral */
#include "config.h"

#include <glib/gi18n-lib.h>

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
                               "       d.signature IS NOT NULL "
                               "FROM decisions d "
                               "JOIN referrals r ON r.id = d.referral_id "
                               "LEFT JOIN people p ON p.id = d.made_by "
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
  int rc;

  g_return_val_if_fail (fields != NULL, 0);

  if (g_strcmp0 (fields->kind, "recommendation") != 0 && g_strcmp0 (fields->kind, "decision") != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A record must be a panel recommendation or a chair's decision."));
      return 0;
    }
  if (!is_outcome (fields->outcome))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("Choose the outcome: which review, if any."));
      return 0;
    }
  if (_pd_is_blank (fields->rationale))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("Write the reasons: a recommendation or decision without a rationale cannot be saved."));
      return 0;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO decisions (referral_id, meeting_id, kind, outcome, rationale, "
                               "                       made_by, made_at, supersedes_id, created_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, "
                               "        (SELECT id FROM people WHERE login_name = ?6), ?7, ?8, ?9);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, fields->referral_id);
  if (fields->meeting_id > 0)
    sqlite3_bind_int64 (stmt, 2, fields->meeting_id);
  sqlite3_bind_text (stmt, 3, fields->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, fields->outcome, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields->rationale, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, pd_database_get_login_name (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, fields->made_at ? fields->made_at : now, -1, SQLITE_STATIC);
  if (fields->supersedes_id > 0)
    sqlite3_bind_int64 (stmt, 8, fields->supersedes_id);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                     _("The referral or meeting this record belongs to no longer exists."));
      else
        _pd_database_fail (db, rc, error);
      return 0;
    }

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));
  after = pd_transaction_row_json (tx, "decisions", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "decision", id, "create", NULL, after, error))
    return 0;

  return id;
}
