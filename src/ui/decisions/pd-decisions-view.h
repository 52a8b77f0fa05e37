/* pd-decisions-view.h: the decision log, a record's page and the chair's sign-off */
#pragma once

#include <adwaita.h>

#include "pd-core.h"
#include "pd-decision-dialog.h"
#include "pd-decision-page.h"
#include "pd-sign-dialog.h"

G_BEGIN_DECLS

#define PD_TYPE_DECISIONS_VIEW (pd_decisions_view_get_type ())
G_DECLARE_FINAL_TYPE (PdDecisionsView, pd_decisions_view, PD, DECISIONS_VIEW, AdwBin)

/* Shows the decisions of @db, or nothing when @db is NULL. A chair with
 * decisions awaiting their signature starts on those. */
void        pd_decisions_view_set_database (PdDecisionsView *self,
                                            PdDatabase      *db);
PdDatabase *pd_decisions_view_get_database (PdDecisionsView *self);
/* Reads the log again (after a change elsewhere), keeping the filters. */
void        pd_decisions_view_reload       (PdDecisionsView *self);
/* The same, and the open record shown again, its signature checked again. */
void        pd_decisions_view_refresh      (PdDecisionsView *self);
/* How many rows the list has. */
guint       pd_decisions_view_get_n_rows   (PdDecisionsView *self);
/* The id of the row at @position, or 0. */
gint64      pd_decisions_view_get_id_at    (PdDecisionsView *self,
                                            guint            position);
/* The Signature column's text for the row at @position ("Verified", "Altered"). */
char       *pd_decisions_view_dup_signature_text_at (PdDecisionsView *self,
                                                     guint            position);
/* "list", "empty" or "decision" */
const char *pd_decisions_view_get_shown    (PdDecisionsView *self);
/* For a chair, how many decisions await a signature; 0 for others. */
guint       pd_decisions_view_get_n_awaiting (PdDecisionsView *self);

/* How many signed decisions the last reading found altered (shown in red above the log). */
guint       pd_decisions_view_get_n_altered (PdDecisionsView *self);

/* As choosing in the filter bar does: @state NULL, "awaiting", "signed",
 * "superseded", "recommendation" or "decision". */
void        pd_decisions_view_filter       (PdDecisionsView *self,
                                            const char      *state);
void        pd_decisions_view_search       (PdDecisionsView *self,
                                            const char      *text);

gboolean    pd_decisions_view_show_decision (PdDecisionsView *self,
                                             gint64           id,
                                             GError         **error);
void        pd_decisions_view_show_list    (PdDecisionsView *self);
PdDecisionPage *pd_decisions_view_get_page (PdDecisionsView *self);
/* Whether the open record's page offers signing (a chair, an unsigned decision). */
gboolean    pd_decisions_view_can_sign     (PdDecisionsView *self);
/* Whether it offers editing (an unsigned record) and making a decision
 * (a recommendation whose referral has no decision yet). */
gboolean    pd_decisions_view_can_edit     (PdDecisionsView *self);
gboolean    pd_decisions_view_can_decide   (PdDecisionsView *self);

/* The dialogs, as their buttons open them; NULL with @error when the open
 * record does not allow it (not a chair, already signed...). */
PdDecisionDialog *pd_decisions_view_record_recommendation (PdDecisionsView *self,
                                                           gint64           referral_id);
PdDecisionDialog *pd_decisions_view_make_decision (PdDecisionsView *self,
                                                   GError         **error);
/* Corrects the open record; refused when it is signed. */
PdDecisionDialog *pd_decisions_view_edit          (PdDecisionsView *self,
                                                   GError         **error);
PdSignDialog     *pd_decisions_view_sign          (PdDecisionsView *self,
                                                   GError         **error);
PdDecisionDialog *pd_decisions_view_supersede     (PdDecisionsView *self,
                                                   GError         **error);
/* England 2015: records that the national panel was told of the open
 * decision not to hold an SCR, on @notified_on ("YYYY-MM-DD"). */
gboolean          pd_decisions_view_record_notice (PdDecisionsView *self,
                                                   const char      *notified_on,
                                                   GError         **error);
/* Writes the open record's printable record to @path as a PDF. */
gboolean          pd_decisions_view_export_pdf    (PdDecisionsView *self,
                                                   const char      *path,
                                                   GError         **error);

G_END_DECLS
