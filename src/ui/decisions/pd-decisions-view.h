/* pd-decisions-view.h: the Decisions view */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_DECISIONS_VIEW (pd_decisions_view_get_type ())
G_DECLARE_FINAL_TYPE (PdDecisionsView, pd_decisions_view, PD, DECISIONS_VIEW, AdwBin)

/* Shows the decisions of @db, or nothing when @db is NULL. */
void        pd_decisions_view_set_database (PdDecisionsView *self,
                                     PdDatabase *db);
PdDatabase *pd_decisions_view_get_database (PdDecisionsView *self);
/* How many rows the list has. */
guint       pd_decisions_view_get_n_rows   (PdDecisionsView *self);
/* "list" or "empty" */
const char *pd_decisions_view_get_shown    (PdDecisionsView *self);

G_END_DECLS
