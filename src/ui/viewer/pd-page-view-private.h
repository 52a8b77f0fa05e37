/* pd-page-view-private.h: what the page view's two files share
 *
 * pd-page-view.c lays the pages out and draws them; pd-page-view-input.c
 * handles zoom, keys, find highlights and selection.
 */
#pragma once

#include "pd-page-view.h"

G_BEGIN_DECLS

#define PD_PAGE_SPACING      12.0   /* pixels between pages and around them */
#define PD_POINTS_TO_PX (96.0 / 72.0)
#define PD_LINE_STEP    48.0

struct _PdPageView
{
  GtkWidget         parent_instance;

  PdViewerDocument *document;
  PdRenderWorker   *worker;
  gulong            rendered_id;

  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;

  PdZoomMode        zoom_mode;
  double            zoom;
  double           *page_top;       /* pixels, at the current zoom */
  double            total_width;
  double            total_height;
  int               page;
  int               pending_page;   /* scroll here after the next layout */
  double            pending_fraction;
  gboolean          pending_explicit; /* asked for, not just kept in place */
  int               first_in_sight;
  int               last_in_sight;
  int               n_painted;
  gboolean          painted_frame;  /* a frame was drawn since the last layout */
  gboolean          scrolling_to_page;

  GHashTable       *matches;        /* page → GArray of PopplerRectangle */
  int               match_page;
  PopplerRectangle  match_rect;

  int               selection_page;  /* -1 for none */
  PopplerRectangle  selection;       /* points */
  double            drag_x, drag_y;  /* where the drag began, in pixels */
};

enum {
  PROP_0,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_ZOOM_MODE,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

/* From pd-page-view.c */
void    _pd_page_view_notify          (PdPageView *self,
                                       int         prop);
double  _pd_page_view_pixels_per_point (PdPageView *self);
void    _pd_page_view_page_size_px    (PdPageView *self,
                                       int         page,
                                       double     *width,
                                       double     *height);
int     _pd_page_view_page_at         (PdPageView *self,
                                       double      y);
double  _pd_page_view_page_left       (PdPageView *self,
                                       int         page);
void    _pd_page_view_set_page_internal (PdPageView *self,
                                         int         page);
void    _pd_page_view_anchor_here     (PdPageView *self);
/* Scrolls to pending_page now (a jump needs no new layout), or after the
 * first layout. */
void    _pd_page_view_scroll_to_pending (PdPageView *self);

/* From pd-page-view-input.c */
void    _pd_page_view_add_bindings    (GtkWidgetClass *widget_class);
void    _pd_page_view_add_controllers (PdPageView     *self);

G_END_DECLS
