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
  gint64      supersedes_id;  /* 0 for none; see pd_decision_supersede() */
  const char *alternative_review; /* other_review: the review's name (required then) */
  const char *awaited;        /* deferred: what information is awaited (required then) */
  const char *awaited_by;     /* deferred: by when, "YYYY-MM-DD" (required then) */
  const char *criteria_met;   /* criteria ids found met, joined by ',' ("" for none) */
  const char *departure_reason; /* why the decision departs from the criteria check, or NULL */
  const char *supersede_reason; /* set by pd_decision_supersede() */
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
gint64       pd_decision_get_meeting_id        (PdDecision *self);  /* 0 for none */
const char  *pd_decision_get_alternative_review (PdDecision *self);
const char  *pd_decision_get_awaited           (PdDecision *self);
const char  *pd_decision_get_awaited_by        (PdDecision *self);
const char  *pd_decision_get_criteria_met      (PdDecision *self);
const char  *pd_decision_get_departure_reason  (PdDecision *self);
gint64       pd_decision_get_supersedes_id     (PdDecision *self);  /* 0 for none */
const char  *pd_decision_get_supersede_reason  (PdDecision *self);
gint64       pd_decision_get_superseded_by     (PdDecision *self);  /* the newest decision replacing it, or 0 */
const char  *pd_decision_get_signed_by_name    (PdDecision *self);  /* NULL when unsigned */
const char  *pd_decision_get_signed_at         (PdDecision *self);  /* NULL when unsigned */
const char  *pd_decision_get_key_fingerprint   (PdDecision *self);  /* the signing key's, or NULL */
/* England 2015: the day the national panel was told of a decision not to
 * hold an SCR, or NULL; and whether the rule applies to this decision. */
const char  *pd_decision_get_national_panel_notified_on (PdDecision *self);
gboolean     pd_decision_needs_national_panel_notice    (PdDecision *self);

const char  *pd_decision_kind_to_label         (const char *kind);
const char  *pd_decision_outcome_to_label      (const char *outcome);

PdDecision   *pd_decision_load                 (PdDatabase *db, gint64 id, GError **error);
/* All recommendations and decisions, newest first. */
PdRecordList *pd_decision_list_new             (PdDatabase *db);
/* Records it as made by the current user; returns its id, or 0 with @error set. */
gint64        pd_decision_insert               (PdTransaction *tx, const PdDecisionFields *fields, GError **error);
/* Replaces the fields of an unsigned record (its referral stays); a signed
 * decision is refused (PD_ERROR_INVALID): supersede it instead. */
gboolean      pd_decision_update               (PdTransaction *tx, gint64 id, const PdDecisionFields *fields, GError **error);
/* Deletes an unsigned record; a signed decision is refused. */
gboolean      pd_decision_delete               (PdTransaction *tx, gint64 id, GError **error);
/* Records a new decision superseding the signed decision @old_id (same
 * referral), with @reason (required). The new decision is unsigned: sign
 * it with pd_decision_sign(). Returns its id. */
gint64        pd_decision_supersede            (PdTransaction *tx, gint64 old_id, const PdDecisionFields *fields,
                                                const char *reason, GError **error);
/* England 2015: records the day the national panel was told of the signed
 * decision @id not to hold an SCR; once only. */
gboolean      pd_decision_record_national_panel_notice (PdTransaction *tx, gint64 id, const char *notified_on,
                                                        GError **error);

G_END_DECLS
