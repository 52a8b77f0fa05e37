/* pd-minutes-pdf.h: a meeting's minutes as a PDF: attendance and quorum,
 * declarations of interest, per item the notes, the panel's
 * recommendation and the actions arising, then the addendum
 *
 * Like the agenda pack (and in libpdpack with it): pd_minutes_pdf_new()
 * reads the database, pd_minutes_pdf_write() only writes, so it may run on
 * a worker thread. Every page has the marking and "Page N of M", and the
 * PDF's page labels agree.
 */
#pragma once

#include <gio/gio.h>

#include "pd-database.h"

G_BEGIN_DECLS

#define PD_TYPE_MINUTES_PDF (pd_minutes_pdf_get_type ())
G_DECLARE_FINAL_TYPE (PdMinutesPdf, pd_minutes_pdf, PD, MINUTES_PDF, GObject)

/* Reads what the minutes say; refuses an empty agenda (PD_ERROR_INVALID). */
PdMinutesPdf *pd_minutes_pdf_new         (PdDatabase     *db,
                                          gint64          meeting_id,
                                          GError        **error);
/* The minutes as plain text, paragraph by paragraph (what the PDF shows). */
char         *pd_minutes_pdf_dup_text    (PdMinutesPdf   *self);
gboolean      pd_minutes_pdf_write       (PdMinutesPdf   *self,
                                          const char     *path,
                                          GCancellable   *cancellable,
                                          GError        **error);
guint         pd_minutes_pdf_get_n_pages (PdMinutesPdf   *self);

G_END_DECLS
