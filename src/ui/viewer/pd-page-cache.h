/* pd-page-cache.h: rendered pages kept within a byte budget
 *
 * Main thread only. One texture per page and kind (page or thumbnail), at
 * the last scale rendered. When over budget, the pages farthest from those
 * in sight go first; pages in sight are never evicted.
 */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

typedef enum
{
  PD_RENDER_PAGE,
  PD_RENDER_THUMBNAIL,
} PdRenderKind;

#define PD_TYPE_PAGE_CACHE (pd_page_cache_get_type ())
G_DECLARE_FINAL_TYPE (PdPageCache, pd_page_cache, PD, PAGE_CACHE, GObject)

PdPageCache *pd_page_cache_new          (gsize         budget);
gsize        pd_page_cache_get_budget   (PdPageCache  *self);
/* Bytes of pixels held now. */
gsize        pd_page_cache_get_size     (PdPageCache  *self);
guint        pd_page_cache_get_n_items  (PdPageCache  *self);

/* The texture of @page, or NULL; @scale (may be NULL) gets its scale. */
GdkTexture  *pd_page_cache_lookup       (PdPageCache  *self,
                                         PdRenderKind  kind,
                                         int           page,
                                         double       *scale);
void         pd_page_cache_insert       (PdPageCache  *self,
                                         PdRenderKind  kind,
                                         int           page,
                                         double        scale,
                                         GdkTexture   *texture);
/* The pages in sight for @kind: kept, and eviction starts far from them. */
void         pd_page_cache_set_in_sight (PdPageCache  *self,
                                         PdRenderKind  kind,
                                         int           first,
                                         int           last);
void         pd_page_cache_clear        (PdPageCache  *self);

G_END_DECLS
