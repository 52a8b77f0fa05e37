/* bench-pdf.c: how soon the viewer shows a first page, and its memory while scrolling
 *
 * First page: from nothing (the file not yet read) to the first page's
 * texture in the cache on the main loop, through the viewer's own path:
 * the file read and opened off the main thread with every page size, the
 * render worker opening its own instance and rendering page 1 at 96 dpi.
 * The reference is `pdftoppm -r 96 -f 1 -l 1` of the same file, run in the
 * same process run so the ratio holds on a noisy machine. Medians of RUNS.
 *
 * Scrolling: the 300-page image PDF shown a pair of pages at a time from
 * the first to the last through the render worker and its page cache, at
 * the zoom of a 900-pixel-wide window at fit width; peak RSS (VmHWM) is
 * printed with the cache budget and the RSS before scrolling.
 *
 * Usage: bench-pdf DIR   (the fixtures are made there once and kept)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pd-render-worker.h"
#include "pd-test-pdf.h"
#include "pd-viewer-document.h"

#define N_PAGES 300
#define RUNS    7
#define DPI_96  (96.0 / 72.0)

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static void
ensure_fixture (const char *path,
                gboolean    images)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *partial = g_strconcat (path, ".part", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (images)
    pd_test_pdf_write_images (partial, N_PAGES, &error);
  else
    pd_test_pdf_write_text (partial, N_PAGES, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (partial, path), ==, 0);
}

typedef struct
{
  PdViewerDocument *document;
  PdRenderWorker   *worker;
  gboolean          done;
  int               page;
} Open;

static void
rendered (PdRenderWorker *worker,
          int             kind,
          int             page,
          Open           *open)
{
  if (kind == PD_RENDER_PAGE && page == open->page)
    open->done = TRUE;
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  Open *open = data;
  g_autoptr(GError) error = NULL;

  open->document = pd_viewer_document_load_finish (result, &error);
  g_assert_no_error (error);
  open->worker = pd_render_worker_new (open->document, PD_RENDER_DEFAULT_BUDGET);
  g_signal_connect (open->worker, "rendered", G_CALLBACK (rendered), open);
  pd_render_worker_show_pages (open->worker, 0, 0, DPI_96, pd_viewer_document_get_n_pages (open->document));
}

/* Milliseconds from nothing to page 1's texture. */
static double
time_first_page (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Open open = { 0 };
  gint64 start = g_get_monotonic_time ();
  double ms;

  pd_viewer_document_load_async (file, NULL, NULL, loaded, &open);
  while (!open.done)
    g_main_context_iteration (NULL, TRUE);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_nonnull (pd_page_cache_lookup (pd_render_worker_get_cache (open.worker), PD_RENDER_PAGE, 0, NULL));
  g_object_unref (open.worker);
  g_object_unref (open.document);
  return ms;
}

static double
time_pdftoppm (const char *path,
               const char *dir)
{
  g_autofree char *prefix = g_build_filename (dir, "pdftoppm-out", NULL);
  const char *argv[] = { "pdftoppm", "-r", "96", "-f", "1", "-l", "1", path, prefix, NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  g_autoptr(GError) error = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
first_page (const char *path,
            const char *dir,
            double     *ours,
            double     *reference)
{
  double mine[RUNS], theirs[RUNS];

  /* Once each to warm the page cache and the fonts, not counted. */
  time_first_page (path);
  time_pdftoppm (path, dir);
  for (int i = 0; i < RUNS; i++)
    {
      mine[i] = time_first_page (path);
      theirs[i] = time_pdftoppm (path, dir);
    }
  *ours = median (mine, RUNS);
  *reference = median (theirs, RUNS);
}

static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line ? g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0 : -1;
}

static double
file_mb (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size / 1048576.0 : -1;
}

static void
scroll_end_to_end (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Open open = { 0 };
  double before, width, scale;
  gint64 start;

  pd_viewer_document_load_async (file, NULL, NULL, loaded, &open);
  while (!open.done)
    g_main_context_iteration (NULL, TRUE);

  /* Fit width in a 900-pixel-wide view, less its margins. */
  pd_viewer_document_get_page_size (open.document, 0, &width, NULL);
  scale = (900 - 24) / width;
  before = status_mb ("VmRSS:");
  start = g_get_monotonic_time ();
  for (int page = 0; page < N_PAGES - 1; page++)
    {
      open.page = page + 1;
      open.done = FALSE;
      pd_render_worker_show_pages (open.worker, page, page + 1, scale, N_PAGES);
      while (!open.done && pd_render_worker_get_n_pending (open.worker) > 0)
        g_main_context_iteration (NULL, TRUE);
    }
  printf ("metric pdf_scroll_peak_rss_mb %.0f MB\n", status_mb ("VmHWM:"));
  printf ("metric pdf_scroll_rss_before_mb %.0f MB\n", before);
  printf ("metric pdf_scroll_cache_budget_mb %.0f MB\n",
          pd_page_cache_get_budget (pd_render_worker_get_cache (open.worker)) / 1048576.0);
  printf ("metric pdf_scroll_cache_held_mb %.0f MB\n",
          pd_page_cache_get_size (pd_render_worker_get_cache (open.worker)) / 1048576.0);
  printf ("metric pdf_scroll_document_mb %.0f MB\n", file_mb (path));
  printf ("metric pdf_scroll_pages_per_s %.1f pages/s\n",
          N_PAGES / ((g_get_monotonic_time () - start) / 1e6));
  g_object_unref (open.worker);
  g_object_unref (open.document);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_autofree char *images = NULL;
  double text_ms, text_ref, image_ms, image_ref;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s DIR\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);
  text = g_build_filename (argv[1], "text-300.pdf", NULL);
  images = g_build_filename (argv[1], "images-300.pdf", NULL);
  ensure_fixture (text, FALSE);
  ensure_fixture (images, TRUE);

  first_page (text, argv[1], &text_ms, &text_ref);
  first_page (images, argv[1], &image_ms, &image_ref);
  printf ("metric pdf_first_page_text_ms %.1f ms\n", text_ms);
  printf ("metric pdf_first_page_image_ms %.1f ms\n", image_ms);
  printf ("metric pdf_first_page_text_pdftoppm_ms %.1f ms\n", text_ref);
  printf ("metric pdf_first_page_image_pdftoppm_ms %.1f ms\n", image_ref);
  printf ("metric pdf_first_page_ratio_vs_pdftoppm %.2f x\n", MAX (text_ms / text_ref, image_ms / image_ref));
  fflush (stdout);

  /* Last: it raises the peak RSS for good. */
  scroll_end_to_end (images);
  return 0;
}
