/* pd-render-worker.c: pages rendered on a thread of their own */
#include "config.h"

#include <math.h>

#include "pd-band-renderer.h"
#include "pd-render-worker.h"

/* No page surface larger than this many pixels (about 400 % of A3). */
#define MAX_PIXELS (48 * 1000 * 1000)
#define MAX_SIDE   16000

typedef struct
{
  PdRenderKind      kind;
  int               page;
  double            scale;
  PdRenderPriority  priority;
  gboolean          dropped;   /* set while running: throw the result away */
  cairo_surface_t  *surface;   /* the result, NULL when it failed */
} Job;

struct _PdRenderWorker
{
  GObject      parent_instance;

  PdPageCache *cache;
  GHashTable  *failed;         /* page * 2 + kind of pages that failed */
  GMainContext *context;

  /* Shared with the thread, under lock. */
  GMutex       lock;
  GCond        wake;
  GList       *queue;          /* Job, by priority then age */
  Job         *running;
  GList       *results;        /* Job, done */
  GSource     *deliver_source;
  gboolean     quit;

  /* The thread's own. */
  GThread     *thread;
  PdViewerDocument *document;  /* only its file and password, from the thread */
};

G_DEFINE_FINAL_TYPE (PdRenderWorker, pd_render_worker, G_TYPE_OBJECT)

enum { RENDERED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
job_free (Job *job)
{
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

gboolean
pd_render_page_get_pixel_size (PopplerPage *page,
                               double      *scale,
                               int         *pixel_width,
                               int         *pixel_height)
{
  double width = 0, height = 0;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), FALSE);

  poppler_page_get_size (page, &width, &height);
  if (!(width >= 1 && width < 20000) || !(height >= 1 && height < 20000) || !(*scale > 0))
    return FALSE;
  if (width * *scale * height * *scale > MAX_PIXELS)
    *scale = sqrt (MAX_PIXELS / (width * height));
  *pixel_width = MIN ((int) ceil (width * *scale), MAX_SIDE);
  *pixel_height = MIN ((int) ceil (height * *scale), MAX_SIDE);
  return TRUE;
}

void
pd_render_page_band (PopplerPage     *page,
                     double           scale,
                     cairo_surface_t *band,
                     int              y)
{
  cairo_t *cr = cairo_create (band);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* A whole number of rows up: the pixels are those of the whole page. */
  cairo_translate (cr, 0, -y);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (band);
}

cairo_surface_t *
pd_render_page_to_surface (PopplerPage *page,
                           double       scale)
{
  int pixel_width, pixel_height;
  cairo_surface_t *surface;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  if (!pd_render_page_get_pixel_size (page, &scale, &pixel_width, &pixel_height))
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  pd_render_page_band (page, scale, surface, 0);
  return surface;
}

/* Main thread: hand finished jobs to the cache. */
static gboolean
deliver_results (gpointer data)
{
  PdRenderWorker *self = data;
  GList *results;

  /* A "rendered" handler may drop the last other reference. */
  g_object_ref (self);
  g_mutex_lock (&self->lock);
  results = g_list_reverse (self->results);
  self->results = NULL;
  g_clear_pointer (&self->deliver_source, g_source_unref);
  g_mutex_unlock (&self->lock);

  for (GList *l = results; l != NULL; l = l->next)
    {
      Job *job = l->data;

      if (job->surface != NULL)
        {
          cairo_surface_t *surface = g_steal_pointer (&job->surface);
          /* The texture wraps the surface's pixels: no copy. */
          g_autoptr(GBytes) pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                                 (gsize) cairo_image_surface_get_stride (surface)
                                                                 * cairo_image_surface_get_height (surface),
                                                                 (GDestroyNotify) cairo_surface_destroy,
                                                                 surface);
          g_autoptr(GdkTexture) texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                                                  cairo_image_surface_get_height (surface),
                                                                  GDK_MEMORY_DEFAULT, pixels,
                                                                  cairo_image_surface_get_stride (surface));

          pd_page_cache_insert (self->cache, job->kind, job->page, job->scale, texture);
          g_hash_table_remove (self->failed, GINT_TO_POINTER (job->page * 2 + job->kind));
        }
      else
        g_hash_table_add (self->failed, GINT_TO_POINTER (job->page * 2 + job->kind));
      g_signal_emit (self, signals[RENDERED], 0, (int) job->kind, job->page);
    }
  g_list_free_full (results, (GDestroyNotify) job_free);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static gpointer
render_thread (gpointer data)
{
  PdRenderWorker *self = data;
  PopplerDocument *document = NULL;
  PdBandRenderer *bands = NULL;
  gboolean opened = FALSE;

  for (;;)
    {
      Job *job;

      g_mutex_lock (&self->lock);
      while (!self->quit && self->queue == NULL)
        g_cond_wait (&self->wake, &self->lock);
      if (self->quit)
        {
          g_mutex_unlock (&self->lock);
          break;
        }
      job = self->queue->data;
      self->queue = g_list_delete_link (self->queue, self->queue);
      self->running = job;
      g_mutex_unlock (&self->lock);

      if (!opened)
        {
          /* Opened here, used only here. */
          document = pd_viewer_document_open_poppler (self->document, NULL);
          opened = TRUE;
          if (document != NULL)
            bands = pd_band_renderer_new (self->document);
        }
      if (document != NULL && job->page >= 0 && job->page < poppler_document_get_n_pages (document))
        {
          PopplerPage *page = poppler_document_get_page (document, job->page);

          if (page != NULL)
            {
              /* A page waited for is rendered in two halves at once when
               * a processor is free; the others leave it to the rest of
               * the machine. */
              if (bands != NULL && job->priority == PD_RENDER_PRIORITY_IN_SIGHT
                  && job->kind == PD_RENDER_PAGE && pd_band_renderer_is_worth_it ())
                job->surface = pd_band_renderer_render (bands, page, job->page, job->scale);
              else
                job->surface = pd_render_page_to_surface (page, job->scale);
              g_object_unref (page);
            }
        }

      g_mutex_lock (&self->lock);
      self->running = NULL;
      if (job->dropped)
        job_free (job);
      else
        {
          self->results = g_list_prepend (self->results, job);
          if (self->deliver_source == NULL)
            {
              self->deliver_source = g_idle_source_new ();
              g_source_set_priority (self->deliver_source, G_PRIORITY_DEFAULT);
              g_source_set_callback (self->deliver_source, deliver_results, self, NULL);
              g_source_set_static_name (self->deliver_source, "[panel-desk] render results");
              g_source_attach (self->deliver_source, self->context);
            }
        }
      g_mutex_unlock (&self->lock);
    }

  g_clear_pointer (&bands, pd_band_renderer_free);
  g_clear_object (&document);
  return NULL;
}

static void
pd_render_worker_dispose (GObject *object)
{
  PdRenderWorker *self = PD_RENDER_WORKER (object);

  if (self->thread != NULL)
    {
      g_mutex_lock (&self->lock);
      self->quit = TRUE;
      if (self->running)
        self->running->dropped = TRUE;
      g_cond_signal (&self->wake);
      g_mutex_unlock (&self->lock);
      /* At most the page being rendered is waited for. */
      g_thread_join (g_steal_pointer (&self->thread));
    }
  if (self->deliver_source != NULL)
    {
      g_source_destroy (self->deliver_source);
      g_clear_pointer (&self->deliver_source, g_source_unref);
    }
  g_list_free_full (g_steal_pointer (&self->queue), (GDestroyNotify) job_free);
  g_list_free_full (g_steal_pointer (&self->results), (GDestroyNotify) job_free);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (pd_render_worker_parent_class)->dispose (object);
}

static void
pd_render_worker_finalize (GObject *object)
{
  PdRenderWorker *self = PD_RENDER_WORKER (object);

  g_hash_table_unref (self->failed);
  g_clear_object (&self->document);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake);

  G_OBJECT_CLASS (pd_render_worker_parent_class)->finalize (object);
}

static void
pd_render_worker_class_init (PdRenderWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_render_worker_dispose;
  object_class->finalize = pd_render_worker_finalize;

  /* (kind, page): a page is in the cache now, or failed to render. */
  signals[RENDERED] = g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
}

static void
pd_render_worker_init (PdRenderWorker *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  self->failed = g_hash_table_new (NULL, NULL);
  self->context = g_main_context_ref_thread_default ();
}

PdRenderWorker *
pd_render_worker_new (PdViewerDocument *document,
                      gsize             cache_budget)
{
  PdRenderWorker *self;

  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (document), NULL);

  self = g_object_new (PD_TYPE_RENDER_WORKER, NULL);
  self->document = g_object_ref (document);
  self->cache = pd_page_cache_new (cache_budget);
  self->thread = g_thread_new ("pd-render", render_thread, self);
  return self;
}

PdPageCache *
pd_render_worker_get_cache (PdRenderWorker *self)
{
  g_return_val_if_fail (PD_IS_RENDER_WORKER (self), NULL);
  return self->cache;
}

static gint
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  return (int) ((const Job *) a)->priority - (int) ((const Job *) b)->priority;
}

/* Under lock. */
static Job *
find_queued (PdRenderWorker *self,
             PdRenderKind    kind,
             int             page)
{
  for (GList *l = self->queue; l != NULL; l = l->next)
    {
      Job *job = l->data;

      if (job->kind == kind && job->page == page)
        return job;
    }
  return NULL;
}

void
pd_render_worker_request (PdRenderWorker   *self,
                          PdRenderKind      kind,
                          int               page,
                          double            scale,
                          PdRenderPriority  priority)
{
  double cached_scale = 0;
  Job *job;

  g_return_if_fail (PD_IS_RENDER_WORKER (self));

  if (pd_page_cache_lookup (self->cache, kind, page, &cached_scale) != NULL && cached_scale == scale)
    return;
  if (g_hash_table_contains (self->failed, GINT_TO_POINTER (page * 2 + kind)))
    return;

  g_mutex_lock (&self->lock);
  if (self->running != NULL && self->running->kind == kind && self->running->page == page
      && self->running->scale == scale && !self->running->dropped)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  job = find_queued (self, kind, page);
  if (job != NULL)
    self->queue = g_list_remove (self->queue, job);
  else
    {
      job = g_new0 (Job, 1);
      job->kind = kind;
      job->page = page;
    }
  job->scale = scale;
  job->priority = priority;
  /* Stable: after the jobs of the same priority already waiting. */
  self->queue = g_list_insert_sorted (self->queue, job, compare_priority);
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
}

/* Drops queued jobs of @kind outside @first..@last, and a running one. */
static void
drop_outside (PdRenderWorker *self,
              PdRenderKind    kind,
              int             first,
              int             last)
{
  g_mutex_lock (&self->lock);
  for (GList *l = self->queue; l != NULL;)
    {
      GList *next = l->next;
      Job *job = l->data;

      if (job->kind == kind && (job->page < first || job->page > last))
        {
          job_free (job);
          self->queue = g_list_delete_link (self->queue, l);
        }
      l = next;
    }
  if (self->running != NULL && self->running->kind == kind
      && (self->running->page < first || self->running->page > last))
    self->running->dropped = TRUE;
  g_mutex_unlock (&self->lock);
}

void
pd_render_worker_show_pages (PdRenderWorker *self,
                             int             first,
                             int             last,
                             double          scale,
                             int             n_pages)
{
  int from, to;

  g_return_if_fail (PD_IS_RENDER_WORKER (self));

  from = MAX (first - PD_RENDER_PREFETCH_PAGES, 0);
  to = MIN (last + PD_RENDER_PREFETCH_PAGES, n_pages - 1);
  drop_outside (self, PD_RENDER_PAGE, from, to);
  pd_page_cache_set_in_sight (self->cache, PD_RENDER_PAGE, first, last);

  for (int page = first; page <= last; page++)
    pd_render_worker_request (self, PD_RENDER_PAGE, page, scale, PD_RENDER_PRIORITY_IN_SIGHT);
  /* Then the pages either side, nearest first: below is likelier. */
  for (int step = 1; step <= PD_RENDER_PREFETCH_PAGES; step++)
    {
      if (last + step <= to)
        pd_render_worker_request (self, PD_RENDER_PAGE, last + step, scale, PD_RENDER_PRIORITY_PREFETCH);
      if (first - step >= from)
        pd_render_worker_request (self, PD_RENDER_PAGE, first - step, scale, PD_RENDER_PRIORITY_PREFETCH);
    }
}

void
pd_render_worker_show_thumbnails (PdRenderWorker *self,
                                  int             first,
                                  int             last,
                                  double          scale)
{
  g_return_if_fail (PD_IS_RENDER_WORKER (self));

  drop_outside (self, PD_RENDER_THUMBNAIL, first, last);
  pd_page_cache_set_in_sight (self->cache, PD_RENDER_THUMBNAIL, first, last);
  for (int page = first; page <= last; page++)
    pd_render_worker_request (self, PD_RENDER_THUMBNAIL, page, scale, PD_RENDER_PRIORITY_THUMBNAIL);
}

gboolean
pd_render_worker_page_failed (PdRenderWorker *self,
                              PdRenderKind    kind,
                              int             page)
{
  g_return_val_if_fail (PD_IS_RENDER_WORKER (self), FALSE);
  return g_hash_table_contains (self->failed, GINT_TO_POINTER (page * 2 + kind));
}

guint
pd_render_worker_get_n_pending (PdRenderWorker *self)
{
  guint n;

  g_return_val_if_fail (PD_IS_RENDER_WORKER (self), 0);

  g_mutex_lock (&self->lock);
  n = g_list_length (self->queue) + (self->running ? 1 : 0) + g_list_length (self->results);
  g_mutex_unlock (&self->lock);
  return n;
}
