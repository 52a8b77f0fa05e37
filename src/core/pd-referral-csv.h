/* pd-referral-csv.h: referrals to and from a spreadsheet (CSV, RFC 4180) */
#pragma once

#include <glib.h>

#include "pd-database.h"

G_BEGIN_DECLS

/* The header line of a referrals CSV file, without a line end. */
const char *pd_referral_csv_header (void);

/* Imports every row of @csv (a header row naming the columns first, in any
 * order; pseudonym and date_received are required) in one transaction:
 * all of them, or, on the first bad row, none, with @error saying which
 * line and why ("line 14: ..."). @out_n_imported may be NULL. */
gboolean    pd_referral_csv_import (PdDatabase  *db,
                                    const char  *csv,
                                    gsize        length,
                                    guint       *out_n_imported,
                                    GError     **error);

/* Every referral, oldest reference first, as CSV text with the header line;
 * importing it into an empty database gives the same referrals back. */
char       *pd_referral_csv_export (PdDatabase  *db,
                                    GError     **error);
/* The same, handed to @write (a PdExportWriteFunc) in pieces. */
gboolean    pd_referral_csv_export_to (PdDatabase  *db,
                                       gboolean   (*write) (const char *text, gsize length,
                                                            gpointer user_data, GError **error),
                                       gpointer     user_data,
                                       GError     **error);

G_END_DECLS
