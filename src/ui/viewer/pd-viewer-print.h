/* pd-viewer-print.h: printing a document with GtkPrintOperation */
#pragma once

#include <gtk/gtk.h>

#include "pd-viewer-document.h"

G_BEGIN_DECLS

/* Shows the print dialog for @document over @parent and prints it with
 * poppler's printing renderer, each page scaled to fit the paper. */
GtkPrintOperationResult pd_viewer_print (PdViewerDocument  *document,
                                         const char        *title,
                                         GtkWindow         *parent,
                                         GError           **error);

/* The same pages, printed into a PDF file at @path without a dialog
 * (GtkPrintOperation's export), for tests and for saving a copy. */
gboolean                pd_viewer_print_to_file (PdViewerDocument  *document,
                                                 const char        *path,
                                                 GError           **error);

G_END_DECLS
