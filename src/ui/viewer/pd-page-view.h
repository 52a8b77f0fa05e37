/* pd-page-view.h: every page of a PDF in one continuous vertical scroll
 *
 * A GtkScrollable for a GtkScrolledWindow. Page sizes are known up front, so
 * the whole document is laid out at once; only the pages in sight are drawn,
 * from the render worker's cache, with a blank page where a render has not
 * arrived yet. Zoom, keys, find highlights and text selection live here.
 */
#pragma once

#include <gtk/gtk.h>

#include "pd-render-worker.h"
#include "pd-viewer-document.h"

G_BEGIN_DECLS

typedef enum
{
  PD_ZOOM_FIT_WIDTH,
  PD_ZOOM_FIT_PAGE,
  PD_ZOOM_FREE,
} PdZoomMode;

#define PD_ZOOM_MIN 0.5
#define PD_ZOOM_MAX 4.0

#define PD_TYPE_PAGE_VIEW (pd_page_view_get_type ())
G_DECLARE_FINAL_TYPE (PdPageView, pd_page_view, PD, PAGE_VIEW, GtkWidget)

GtkWidget  *pd_page_view_new               (void);
void        pd_page_view_set_document      (PdPageView       *self,
                                            PdViewerDocument *document,
                                            PdRenderWorker   *worker);

PdRenderWorker *pd_page_view_get_worker    (PdPageView *self);

int         pd_page_view_get_page          (PdPageView *self);
/* Scrolls page @page (0-based) to the top. */
void        pd_page_view_set_page          (PdPageView *self,
                                            int         page);

/* 1.0 is 100 %: a page at 96 dots an inch. */
double      pd_page_view_get_zoom          (PdPageView *self);
void        pd_page_view_set_zoom          (PdPageView *self,
                                            double      zoom);
PdZoomMode  pd_page_view_get_zoom_mode     (PdPageView *self);
void        pd_page_view_set_zoom_mode     (PdPageView *self,
                                            PdZoomMode  mode);
void        pd_page_view_zoom_in           (PdPageView *self);
void        pd_page_view_zoom_out          (PdPageView *self);

/* Find results: page index → GArray of PopplerRectangle (points from the
 * top left); the current match is drawn stronger and scrolled into sight. */
void        pd_page_view_set_matches       (PdPageView *self,
                                            GHashTable *matches);
void        pd_page_view_set_current_match (PdPageView             *self,
                                            int                     page,
                                            const PopplerRectangle *rect);

/* The text selected with the mouse, or NULL; copy puts it on the clipboard. */
char       *pd_page_view_get_selected_text (PdPageView *self);
gboolean    pd_page_view_copy_selection    (PdPageView *self);
/* Selects the text within @rect (points) of @page, as a drag would. */
void        pd_page_view_select            (PdPageView             *self,
                                            int                     page,
                                            const PopplerRectangle *rect);

/* Pages drawn from a rendered texture in the last frame (tests, benchmarks). */
int         pd_page_view_get_n_painted     (PdPageView *self);
/* No jump waits for a layout, and the last frame drew every page in sight
 * from a render (tests, benchmarks). */
gboolean    pd_page_view_is_settled        (PdPageView *self);

G_END_DECLS
