/* pd-decision-print.h: the printable record of a decision, on paper or as a PDF */
#pragma once

#include <gtk/gtk.h>

#include "pd-core.h"

G_BEGIN_DECLS

/* "abuse_or_neglect,serious_harm" as the form's questions, one a line;
 * "None found met" when empty. */
char     *pd_decision_print_format_criteria (const char  *criteria_met);
/* The record of @id as Pango markup: every field, the recommendation it
 * follows, the national panel notice, the signature as checked now with
 * the key's fingerprint, and its supersessions. */
char     *pd_decision_print_dup_markup      (PdDatabase  *db,
                                             gint64       id,
                                             GError     **error);
/* Writes the record of @id to a PDF file at @path (A4). */
gboolean  pd_decision_print_to_pdf          (PdDatabase  *db,
                                             gint64       id,
                                             const char  *path,
                                             GError     **error);
/* Opens the print dialog for the record of @id. */
gboolean  pd_decision_print_run             (GtkWindow   *parent,
                                             PdDatabase  *db,
                                             gint64       id,
                                             GError     **error);

G_END_DECLS
