/* pd-decision-dialog.h: the form of a recommendation, a decision or a superseding decision */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_DECISION_DIALOG (pd_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdDecisionDialog, pd_decision_dialog, PD, DECISION_DIALOG, AdwWindow)

/* Emits "saved" with the new record's id and closes when saved; on a failed
 * save it stays open with everything typed, and says why. */

/* A panel recommendation on @referral_id (0: the form asks which referral). */
PdDecisionDialog *pd_decision_dialog_new_recommendation (GtkWindow   *parent,
                                                         PdDatabase  *db,
                                                         gint64       referral_id);
/* The chair's decision on recommendation @recommendation_id's referral,
 * filled from the recommendation. */
PdDecisionDialog *pd_decision_dialog_new_decision       (GtkWindow   *parent,
                                                         PdDatabase  *db,
                                                         gint64       recommendation_id,
                                                         GError     **error);
/* A new decision superseding the signed decision @decision_id, filled from
 * it; the reason is required. */
PdDecisionDialog *pd_decision_dialog_new_supersede      (GtkWindow   *parent,
                                                         PdDatabase  *db,
                                                         gint64       decision_id,
                                                         GError     **error);

/* Corrects record @id, which must not be signed (PD_ERROR_INVALID): a
 * signed decision is never edited, only superseded. */
PdDecisionDialog *pd_decision_dialog_new_edit           (GtkWindow   *parent,
                                                         PdDatabase  *db,
                                                         gint64       id,
                                                         GError     **error);

/* For tests and keyboard-free use: fill a field as typing or choosing it
 * does. @field is "referral" (a reference), "outcome" (an outcome id),
 * "alternative_review", "awaited", "awaited_by", "criteria_met" (fact keys
 * joined by ','), "departure_reason", "rationale" or "reason". */
void              pd_decision_dialog_set_field          (PdDecisionDialog *self,
                                                         const char       *field,
                                                         const char       *text);
/* The text of a field, newly allocated; the same names. */
char             *pd_decision_dialog_dup_field          (PdDecisionDialog *self,
                                                         const char       *field);
gboolean          pd_decision_dialog_save               (PdDecisionDialog *self);
/* What the dialog says is wrong, or NULL. */
const char       *pd_decision_dialog_get_error          (PdDecisionDialog *self);

G_END_DECLS
