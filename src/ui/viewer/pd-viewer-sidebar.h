/* pd-viewer-sidebar.h: page thumbnails and the document's outline
 *
 * Thumbnails are rendered lazily, only those the list shows, by the same
 * render worker as the pages at a lower priority. The outline tab appears
 * when the PDF has bookmarks. Both say which page to go to with
 * "page-activated".
 */
#pragma once

#include <adwaita.h>

#include "pd-render-worker.h"
#include "pd-viewer-document.h"

G_BEGIN_DECLS

#define PD_TYPE_VIEWER_SIDEBAR (pd_viewer_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (PdViewerSidebar, pd_viewer_sidebar, PD, VIEWER_SIDEBAR, AdwBin)

GtkWidget *pd_viewer_sidebar_new              (void);
void       pd_viewer_sidebar_set_document     (PdViewerSidebar  *self,
                                               PdViewerDocument *document,
                                               PdRenderWorker   *worker);
/* Marks @page as the current one in the thumbnails, scrolling to it. */
void       pd_viewer_sidebar_set_page         (PdViewerSidebar  *self,
                                               int               page);
gboolean   pd_viewer_sidebar_has_outline      (PdViewerSidebar  *self);
/* Shows the outline (TRUE) or the thumbnails. */
void       pd_viewer_sidebar_show_outline     (PdViewerSidebar  *self,
                                               gboolean          outline);

G_END_DECLS
