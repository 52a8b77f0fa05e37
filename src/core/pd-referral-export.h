/* pd-referral-export.h: what an export says about a referral beyond its record
 *
 * The criteria outcome and each clock's due date are worked out, not
 * stored: an export carries them (as of the day it is made) so a board's
 * spreadsheet or report shows them, and an import ignores them.
 */
#pragma once

#include "pd-database.h"
#include "pd-referral.h"

G_BEGIN_DECLS

typedef struct
{
  PdCalendar *calendar;
  GArray     *targets;     /* PdLocalTarget: the database's own */
  GDate       today;
  GPtrArray  *clock_ids;   /* char *: the statutory clocks', then the targets' */
} PdReferralExporter;

PdReferralExporter *pd_referral_exporter_new  (PdDatabase          *db,
                                               GError             **error);
void                pd_referral_exporter_free (PdReferralExporter  *self);

/* "met", "always", "not_met", "not_enough_information". */
const char         *pd_referral_exporter_outcome   (PdReferralExporter *self,
                                                    PdReferral         *referral);
/* Clock id -> due date "YYYY-MM-DD", for the clocks that have one. */
GHashTable         *pd_referral_exporter_due_dates (PdReferralExporter *self,
                                                    PdReferral         *referral);

/* Receives an export a piece at a time; FALSE (with @error) stops it. */
typedef gboolean (*PdExportWriteFunc) (const char  *text,
                                       gsize        length,
                                       gpointer     user_data,
                                       GError     **error);

/* Every referral, oldest reference first, as a JSON array: each its whole
 * record (pd_referral_dup_json) with "criteria" and "clocks" added. */
char               *pd_referral_json_export  (PdDatabase  *db,
                                              GError     **error);
/* The same, handed to @write in pieces, so 100,000 referrals never sit in
 * memory at once. */
gboolean            pd_referral_json_export_to (PdDatabase        *db,
                                                PdExportWriteFunc  write,
                                                gpointer           user_data,
                                                GError           **error);

/* Appends @text to the GString @user_data: a PdExportWriteFunc. */
gboolean            pd_export_write_to_string (const char  *text,
                                               gsize        length,
                                               gpointer     user_data,
                                               GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdReferralExporter, pd_referral_exporter_free)

G_END_DECLS
