/* pd-decision-log.h: finding records in the decision log, and a referral's audit trail */
#pragma once

#include "pd-database.h"
#include "pd-record-list.h"

G_BEGIN_DECLS

/* Shows the recommendations and decisions of @filter whose referral's
 * reference or pseudonym contains @text (all when blank), newest first.
 * @filter: NULL for all, "awaiting" (a decision not yet signed), "signed",
 * "superseded", "recommendation", "decision" or "outcome:ID" ("outcome:scr").
 * On failure the list stays as it was. */
gboolean     pd_decision_log_set_filter          (PdRecordList  *list,
                                                  const char    *filter,
                                                  const char    *text,
                                                  GError       **error);
/* What the log's filters ask for; NULL or 0 for "any". */
typedef struct
{
  const char *state;    /* "awaiting", "signed", "superseded", "recommendation", "decision" */
  const char *outcome;  /* "scr", "no_review", ... */
  gint64      chair_id; /* decisions made by this person (recommendations drop out) */
  const char *from;     /* made on or after this day, "YYYY-MM-DD" */
  const char *to;       /* made on or before this day, "YYYY-MM-DD" */
  const char *text;     /* part of the referral's reference or pseudonym */
} PdDecisionLogQuery;

/* Shows the records matching every part of @query, newest first. A date
 * that is not YYYY-MM-DD or a state that is not one of the above is
 * refused (PD_ERROR_INVALID); on failure the list stays as it was. */
gboolean     pd_decision_log_set_query           (PdRecordList             *list,
                                                  const PdDecisionLogQuery *query,
                                                  GError                  **error);
/* How many decisions await the chair's signature. */
gint64       pd_decision_log_count_awaiting      (PdDatabase    *db,
                                                  GError       **error);
/* The records of referral @referral_id of @kind ("recommendation",
 * "decision"), newest first, as ids (gint64). */
GArray      *pd_decision_log_list_for_referral   (PdDatabase    *db,
                                                  gint64         referral_id,
                                                  const char    *kind,
                                                  GError       **error);

/* One line of the audit trail. */
typedef struct
{
  char   *at;           /* "2026-11-22T10:42:00Z" */
  char   *who;          /* the person's name, else their login */
  char   *machine;
  char   *entity;       /* "referral", "decision", ... */
  gint64  entity_id;
  char   *action;       /* "create", "update", "sign", ... */
  char   *before_json;  /* NULL when none */
  char   *after_json;
} PdAuditEntry;

void         pd_audit_entry_free                 (PdAuditEntry  *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdAuditEntry, pd_audit_entry_free)

/* Who changed referral @referral_id, its recommendations and decisions
 * (and their national panel notices), what and when: PdAuditEntry, oldest
 * first. */
GPtrArray   *pd_decision_log_audit_trail         (PdDatabase    *db,
                                                  gint64         referral_id,
                                                  GError       **error);

G_END_DECLS
