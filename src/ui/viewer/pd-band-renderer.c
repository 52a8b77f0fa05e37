/* pd-band-renderer.c: a page rendered in two bands on two threads */
#include "config.h"

#include <string.h>

#include "pd-band-renderer.h"
#include "pd-render-worker.h"

/* Below this many rows a page renders too fast for a second thread to pay. */
#define MIN_BAND_ROWS 256

struct _PdBandRenderer
{
  PdViewerDocument *document;  /* only its file and password, from the helper */
  GThread          *thread;

  GMutex            lock;
  GCond             cond;
  gboolean          quit;
  /* The band asked for: */
  gboolean          has_band;
  int               page_index;
  double            scale;
  cairo_surface_t  *band;
  int               y;
  /* and its outcome. */
  gboolean          done;
  gboolean          rendered;
};

static gpointer
helper_thread (gpointer data)
{
  PdBandRenderer *self = data;
  PopplerDocument *document = NULL;
  gboolean opened = FALSE;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      gboolean rendered = FALSE;

      while (!self->quit && !self->has_band)
        g_cond_wait (&self->cond, &self->lock);
      if (self->quit)
        break;
      g_mutex_unlock (&self->lock);

      if (!opened)
        {
          /* Opened here, used only here. */
          document = pd_viewer_document_open_poppler (self->document, NULL);
          opened = TRUE;
        }
      if (document != NULL && self->page_index < poppler_document_get_n_pages (document))
        {
          PopplerPage *page = poppler_document_get_page (document, self->page_index);

          if (page != NULL)
            {
              pd_render_page_band (page, self->scale, self->band, self->y);
              g_object_unref (page);
              rendered = TRUE;
            }
        }

      g_mutex_lock (&self->lock);
      self->has_band = FALSE;
      self->rendered = rendered;
      self->done = TRUE;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);

  g_clear_object (&document);
  return NULL;
}

PdBandRenderer *
pd_band_renderer_new (PdViewerDocument *document)
{
  PdBandRenderer *self;

  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (document), NULL);

  if (g_get_num_processors () < 2)
    return NULL;
  self = g_new0 (PdBandRenderer, 1);
  self->document = g_object_ref (document);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->thread = g_thread_new ("pd-render-band", helper_thread, self);
  return self;
}

void
pd_band_renderer_free (PdBandRenderer *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->quit = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);
  g_clear_object (&self->document);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

gboolean
pd_band_renderer_is_worth_it (void)
{
  g_autofree char *stat = NULL;
  const char *line;
  gint64 running;

  /* A snapshot of the threads running now, this one among them: with
   * every processor taken, a second band only slows down the first. */
  if (!g_file_get_contents ("/proc/stat", &stat, NULL, NULL))
    return FALSE;
  line = strstr (stat, "\nprocs_running ");
  if (line == NULL)
    return FALSE;
  running = g_ascii_strtoll (line + strlen ("\nprocs_running "), NULL, 10);
  return running > 0 && running < g_get_num_processors ();
}

/* The rows @y..@y+@height of @surface as a surface of their own. */
static cairo_surface_t *
band_of (cairo_surface_t *surface,
         int              y,
         int              height)
{
  int stride = cairo_image_surface_get_stride (surface);

  return cairo_image_surface_create_for_data (cairo_image_surface_get_data (surface) + (gsize) y * stride,
                                              CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (surface),
                                              height, stride);
}

cairo_surface_t *
pd_band_renderer_render (PdBandRenderer *self,
                         PopplerPage    *page,
                         int             page_index,
                         double          scale)
{
  int width, height, split;
  cairo_surface_t *surface, *top, *bottom;
  gboolean rendered;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  if (!pd_render_page_get_pixel_size (page, &scale, &width, &height))
    return NULL;
  if (height < MIN_BAND_ROWS)
    return pd_render_page_to_surface (page, scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_flush (surface);
  split = height / 2;
  top = band_of (surface, 0, split);
  bottom = band_of (surface, split, height - split);

  g_mutex_lock (&self->lock);
  self->page_index = page_index;
  self->scale = scale;
  self->band = bottom;
  self->y = split;
  self->done = FALSE;
  self->has_band = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  pd_render_page_band (page, scale, top, 0);

  g_mutex_lock (&self->lock);
  while (!self->done)
    g_cond_wait (&self->cond, &self->lock);
  rendered = self->rendered;
  self->band = NULL;
  g_mutex_unlock (&self->lock);

  /* The helper could not: the page is still shown whole. */
  if (!rendered)
    pd_render_page_band (page, scale, bottom, split);

  cairo_surface_destroy (top);
  cairo_surface_destroy (bottom);
  cairo_surface_mark_dirty (surface);
  return surface;
}
