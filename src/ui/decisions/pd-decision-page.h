/* pd-decision-page.h: one recommendation or decision, its signature and its history */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_DECISION_PAGE (pd_decision_page_get_type ())
G_DECLARE_FINAL_TYPE (PdDecisionPage, pd_decision_page, PD, DECISION_PAGE, AdwBin)

/* Shows record @id of @db, its signature checked now; FALSE with @error
 * when it cannot be read. Emits "decision-activated" with an id when a
 * record of its supersession history is activated. */
gboolean          pd_decision_page_show                (PdDecisionPage  *self,
                                                        PdDatabase      *db,
                                                        gint64           id,
                                                        GError         **error);
/* The record shown, or NULL. */
PdDecision       *pd_decision_page_get_decision        (PdDecisionPage  *self);
/* Its signature's state, as the page shows it. */
PdSignatureState  pd_decision_page_get_signature_state (PdDecisionPage  *self);
/* The sentence the page shows about the signature ("Verified", or the
 * core's message on an altered decision). */
const char       *pd_decision_page_get_signature_text  (PdDecisionPage  *self);
/* How many lines of the audit trail it shows. */
guint             pd_decision_page_get_n_audit_entries (PdDecisionPage  *self);

G_END_DECLS
