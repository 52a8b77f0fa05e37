/* pd-decision-export.h: the decision log as CSV or JSON, for inspectors and spreadsheets */
#pragma once

#include <glib.h>

#include "pd-database.h"

G_BEGIN_DECLS

typedef enum
{
  PD_DECISION_EXPORT_CSV,    /* RFC 4180, a header line first */
  PD_DECISION_EXPORT_JSON,   /* one array of objects, one a record */
} PdDecisionExportFormat;

/* Every recommendation and decision, oldest first, with its signature's
 * state as verified now (verified, key_unconfirmed, unsigned, altered). */
char *pd_decision_export (PdDatabase              *db,
                          PdDecisionExportFormat   format,
                          GError                 **error);

G_END_DECLS
