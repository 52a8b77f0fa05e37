/* pd-band-renderer.h: a page rendered in two bands on two threads
 *
 * Most of a scanned page's time is spent in one image: poppler decoding it
 * and pixman filtering it down to the zoom. The filtering is per output
 * pixel, so the lower band of the page is rendered on a helper thread while
 * the caller renders the upper band into the same pixels. The helper opens
 * a PopplerDocument of its own and is the only thread that touches it.
 */
#pragma once

#include <poppler.h>

#include "pd-viewer-document.h"

G_BEGIN_DECLS

typedef struct _PdBandRenderer PdBandRenderer;

/* NULL when the machine has a single processor: bands would only add work. */
PdBandRenderer  *pd_band_renderer_new    (PdViewerDocument *document);
/* Waits for a band being rendered, then ends the helper thread. */
void             pd_band_renderer_free   (PdBandRenderer *self);

/* Whether a processor is free now for the second band. */
gboolean         pd_band_renderer_is_worth_it (void);

/* Renders page @page_index (@page, of the caller's own document) at @scale
 * like pd_render_page_to_surface(), the lower band on the helper thread;
 * when the helper cannot open or render the page, the caller renders it all. */
cairo_surface_t *pd_band_renderer_render (PdBandRenderer *self,
                                          PopplerPage    *page,
                                          int             page_index,
                                          double          scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdBandRenderer, pd_band_renderer_free)

G_END_DECLS
