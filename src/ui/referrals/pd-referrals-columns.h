/* pd-referrals-columns.h: the referrals table's columns */
#pragma once

#include "pd-core.h"
#include "pd-record-table.h"

G_BEGIN_DECLS

/* Reference, child, status, received, next deadline (in words and colour)
 * and who referred, for a table of PdReferral records. */
void pd_referrals_columns_add (PdRecordTable *table);

G_END_DECLS
