/* pd-render-worker.h: pages rendered on a thread of their own
 *
 * The worker thread opens its own PopplerDocument of the document's file
 * and is the only thread that ever touches it; when a processor is free, a
 * page in sight has its lower half rendered by a helper thread with a
 * document of its own (pd-band-renderer.h). Jobs run by priority (pages
 * in sight, then the pages either side, then thumbnails); jobs for pages
 * scrolled away are dropped. Results come back on the main loop, go into
 * the page cache, and "rendered" is emitted.
 */
#pragma once

#include <poppler.h>

#include "pd-page-cache.h"
#include "pd-viewer-document.h"

G_BEGIN_DECLS

typedef enum
{
  PD_RENDER_PRIORITY_IN_SIGHT,
  PD_RENDER_PRIORITY_PREFETCH,
  PD_RENDER_PRIORITY_THUMBNAIL,
} PdRenderPriority;

/* Pages either side of those in sight that are rendered ahead. */
#define PD_RENDER_PREFETCH_PAGES 2
/* The default cache budget: some twenty A4 pages at 200 % on a HiDPI screen. */
#define PD_RENDER_DEFAULT_BUDGET (192u * 1024 * 1024)

#define PD_TYPE_RENDER_WORKER (pd_render_worker_get_type ())
G_DECLARE_FINAL_TYPE (PdRenderWorker, pd_render_worker, PD, RENDER_WORKER, GObject)

/* @page's size in pixels at @scale, lowering @scale to keep within the caps
 * below; FALSE when the page has no usable size. */
gboolean         pd_render_page_get_pixel_size      (PopplerPage  *page,
                                                     double       *scale,
                                                     int          *pixel_width,
                                                     int          *pixel_height);
/* Renders @page at @scale on white into @band, whose first row is row @y of
 * the page's pixels. Any thread, for the one using @page. */
void             pd_render_page_band                (PopplerPage     *page,
                                                     double           scale,
                                                     cairo_surface_t *band,
                                                     int              y);
/* Renders @page at @scale pixels a point on white; the pixel size is capped so
 * no page asks for an absurd surface. Any thread, for the one using @page. */
cairo_surface_t *pd_render_page_to_surface          (PopplerPage  *page,
                                                     double        scale);

PdRenderWorker  *pd_render_worker_new               (PdViewerDocument *document,
                                                     gsize             cache_budget);
PdPageCache     *pd_render_worker_get_cache         (PdRenderWorker *self);

/* Queues @page unless the cache has it at @scale; a queued job for it is
 * moved to @priority. */
void             pd_render_worker_request           (PdRenderWorker   *self,
                                                     PdRenderKind      kind,
                                                     int               page,
                                                     double            scale,
                                                     PdRenderPriority  priority);
/* Pages @first..@last are in sight at @scale: they are queued first, then
 * PD_RENDER_PREFETCH_PAGES either side; other queued page jobs are dropped. */
void             pd_render_worker_show_pages        (PdRenderWorker *self,
                                                     int             first,
                                                     int             last,
                                                     double          scale,
                                                     int             n_pages);
/* Thumbnails @first..@last are in sight; other queued thumbnails are dropped. */
void             pd_render_worker_show_thumbnails   (PdRenderWorker *self,
                                                     int             first,
                                                     int             last,
                                                     double          scale);
/* Whether @page could not be rendered (the view then says so). */
gboolean         pd_render_worker_page_failed       (PdRenderWorker *self,
                                                     PdRenderKind    kind,
                                                     int             page);
/* Jobs waiting or running, for tests and benchmarks. */
guint            pd_render_worker_get_n_pending     (PdRenderWorker *self);

G_END_DECLS
