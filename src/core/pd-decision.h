/* pd-decision.h: a panel recommendation or a chair's decision on a referral */
#pragma once

#include <glib-object.h>

#include "pd-database.h"
#include "pd-record-list.h"

G_BEGIN_DECLS

#define PD_TYPE_DECISION (pd_decision_get_type ())
G_DECLARE_FINAL_TYPE (PdDecision, pd_decision, PD, DECISION, GObject)

typedef struct
{
  gint64      referral_id;    /* required */
  gint64      meeting_id;     /* 0 when not made at a meeting */
  const char *kind;           /* required: "recommendation" or "decision" */
  const char *outcome;        /* required: "scr", "silr", "practice_learning", "other_review", "no_review", "deferred" */
  const char *rationale;      /* required, not blank */
  const char *made_at;        /* now by default */
  gint64      supersedes_id;  /* 0 for none */
} PdDecisionFields;

gint64       pd_decision_get_id                (PdDecision *self);
gint64       pd_decision_get_referral_id       (PdDecision *self);
const char  *pd_decision_get_referral_reference (PdDecision *self);
const char  *pd_decision_get_pseudonym         (PdDecision *self);
const char  *pd_decision_get_kind              (PdDecision *self);
const char  *pd_decision_get_outcome           (PdDecision *self);
const char  *pd_decision_get_rationale         (PdDecision *self);
const char  *pd_decision_get_made_by_name      (PdDecision *self);
const char  *pd_decision_get_made_at           (PdDecision *self);
gboolean     pd_decision_is_signed             (PdDecision *self);

const char  *pd_decision_kind_to_label         (const char *kind);
const char  *pd_decision_outcome_to_label      (const char *outcome);

PdDecision   *pd_decision_load                 (PdDatabase *db, gint64 id, GError **error);
/* All recommendations and decisions, newest first. */
PdRecordList *pd_decision_list_new             (PdDatabase *db);
/* Records it as made by the current user; returns its id, or 0 with @error set. */
gint64        pd_decision_insert               (PdTransaction *tx, const PdDecisionFields *fields, GError **error);

G_END_DECLS
