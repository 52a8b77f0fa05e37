/* pd-viewer-window.h: one attached document in a window of its own */
#pragma once

#include <adwaita.h>

#include "pd-document-viewer.h"

G_BEGIN_DECLS

#define PD_TYPE_VIEWER_WINDOW (pd_viewer_window_get_type ())
G_DECLARE_FINAL_TYPE (PdViewerWindow, pd_viewer_window, PD, VIEWER_WINDOW, AdwWindow)

/* The file at @path (already checked against its SHA-256 by the store),
 * titled @title, at page @page_index (0-based), with @query found and
 * highlighted when not NULL or empty. */
PdViewerWindow   *pd_viewer_window_new        (GtkWindow      *parent,
                                               gint64          document_id,
                                               const char     *path,
                                               const char     *title);
gint64            pd_viewer_window_get_document_id (PdViewerWindow *self);
/* Goes to @page_index and finds @query (NULL for none), as a search hit does. */
void              pd_viewer_window_show_page  (PdViewerWindow *self,
                                               int             page_index,
                                               const char     *query);
PdDocumentViewer *pd_viewer_window_get_viewer (PdViewerWindow *self);

G_END_DECLS
