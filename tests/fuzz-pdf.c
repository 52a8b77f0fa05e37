/* fuzz-pdf.c: 500 damaged copies of the fixtures through the viewer's loading and rendering
 *
 * Byte flips, truncations, inserted junk and repeated chunks of the text,
 * image, outlined and encrypted fixtures, from a fixed seed so a failure can
 * be replayed (FUZZ_PDF_ONLY=N runs case N alone). Each copy is opened as
 * the viewer opens a file; when it opens, its outline is read, a word is
 * searched for and its first pages are rendered, on this thread and, for
 * every tenth, through a render worker on its own thread. Nothing may crash
 * or hang, and every refusal must be a PD_PDF_ERROR with a message. Meant
 * for the AddressSanitizer build.
 */
#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pd-band-renderer.h"
#include "pd-render-worker.h"
#include "pd-test-pdf.h"
#include "pd-viewer-document.h"

#define N_CASES      500
#define SEED         20261123
#define RENDER_SCALE 0.75
#define WORKER_EVERY 10
#define TIMEOUT_USEC (60 * G_USEC_PER_SEC)

static GBytes *
mutate (GBytes *source,
        GRand  *rand)
{
  gsize length = 0;
  const guchar *data = g_bytes_get_data (source, &length);
  GByteArray *out = g_byte_array_sized_new (length + 64);
  int n_changes = g_rand_int_range (rand, 1, 4);

  g_byte_array_append (out, data, length);
  for (int c = 0; c < n_changes; c++)
    {
      guint len = out->len;

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0: /* flip a few bytes */
          for (int i = g_rand_int_range (rand, 1, 32); i > 0 && len > 0; i--)
            out->data[g_rand_int_range (rand, 0, len)] ^= (guchar) g_rand_int_range (rand, 1, 256);
          break;
        case 1: /* cut the end off */
          if (len > 1)
            g_byte_array_set_size (out, g_rand_int_range (rand, 0, len));
          break;
        case 2: /* insert junk */
          {
            guchar junk[256];
            guint n = g_rand_int_range (rand, 1, sizeof junk);

            for (guint i = 0; i < n; i++)
              junk[i] = (guchar) g_rand_int_range (rand, 0, 256);
            if (len > 0)
              {
                guint at = g_rand_int_range (rand, 0, len);
                GByteArray *tail = g_byte_array_new ();

                g_byte_array_append (tail, out->data + at, len - at);
                g_byte_array_set_size (out, at);
                g_byte_array_append (out, junk, n);
                g_byte_array_append (out, tail->data, tail->len);
                g_byte_array_unref (tail);
              }
          }
          break;
        case 3: /* repeat a chunk elsewhere, as a bad copy might */
          if (len > 16)
            {
              guint from = g_rand_int_range (rand, 0, len - 8);
              guint n = MIN ((guint) g_rand_int_range (rand, 8, 4096), len - from);
              g_autofree guchar *chunk = g_memdup2 (out->data + from, n);
              guint at = g_rand_int_range (rand, 0, len);

              memcpy (out->data + at, chunk, MIN (n, len - at));
            }
          break;
        default: /* overwrite keywords poppler leans on */
          {
            static const char *words[] = { "obj", "endobj", "stream", "/Length", "xref", "trailer",
                                           "/Pages", "/Kids", "/Count", "/Root", "/Filter" };
            const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
            guchar *hit = len ? memmem (out->data + g_rand_int_range (rand, 0, len / 2 + 1), len / 2,
                                        word, strlen (word)) : NULL;

            if (hit != NULL)
              hit[g_rand_int_range (rand, 0, strlen (word))] = (guchar) g_rand_int_range (rand, 0, 256);
          }
          break;
        }
    }
  return g_byte_array_free_to_bytes (out);
}

typedef struct
{
  int      waiting;
  gboolean timed_out;
} WorkerWait;

static void
rendered (PdRenderWorker *worker,
          int             kind,
          int             page,
          WorkerWait     *wait)
{
  wait->waiting--;
}

static void
render_through_worker (PdViewerDocument *document,
                       int               n_pages)
{
  g_autoptr(PdRenderWorker) worker = pd_render_worker_new (document, 64 * 1024 * 1024);
  WorkerWait wait = { 0 };
  gint64 end = g_get_monotonic_time () + TIMEOUT_USEC;

  g_signal_connect (worker, "rendered", G_CALLBACK (rendered), &wait);
  wait.waiting = MIN (n_pages, 3);
  pd_render_worker_show_pages (worker, 0, wait.waiting - 1, RENDER_SCALE, n_pages);
  while (wait.waiting > 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (wait.waiting, <=, 0);
}

static const char *
run_case (GBytes     *bytes,
          const char *password,
          gboolean    with_worker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdViewerDocument) document = pd_viewer_document_new_from_bytes (bytes, password, &error);
  PopplerDocument *poppler;
  int n_pages;

  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PD_PDF_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      switch (error->code)
        {
        case PD_PDF_ERROR_EMPTY: return "empty";
        case PD_PDF_ERROR_NOT_PDF: return "not a PDF";
        case PD_PDF_ERROR_DAMAGED: return "damaged";
        case PD_PDF_ERROR_NEEDS_PASSWORD: return "needs a password";
        case PD_PDF_ERROR_WRONG_PASSWORD: return "wrong password";
        default: g_assert_not_reached ();
        }
    }

  poppler = pd_viewer_document_get_poppler (document);
  n_pages = pd_viewer_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >, 0);
  pd_viewer_document_get_outline (document);
  g_array_unref (pd_viewer_document_find_on_page (document, 0, "the"));
  for (int i = 0; i < MIN (n_pages, 3); i++)
    {
      PopplerPage *page = poppler_document_get_page (poppler, i);
      cairo_surface_t *surface;

      if (page == NULL)
        continue;
      surface = pd_render_page_to_surface (page, RENDER_SCALE);
      g_clear_pointer (&surface, cairo_surface_destroy);
      /* The first page also in two bands, the lower one on a helper
       * thread with a document of its own, as the worker may render it. */
      if (i == 0)
        {
          g_autoptr(PdBandRenderer) bands = pd_band_renderer_new (document);

          if (bands != NULL)
            surface = pd_band_renderer_render (bands, page, i, RENDER_SCALE);
          g_clear_pointer (&surface, cairo_surface_destroy);
        }
      g_object_unref (page);
    }
  if (with_worker)
    render_through_worker (document, n_pages);
  return "opened";
}

static void
test_fuzz (void)
{
  g_autoptr(PdTestPdfFixtures) fixtures = pd_test_pdf_fixtures_new ();
  const char *sources[] = { fixtures->text, fixtures->images, fixtures->outlined, fixtures->encrypted };
  GBytes *originals[G_N_ELEMENTS (sources)];
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GHashTable) outcomes = g_hash_table_new (g_str_hash, g_str_equal);
  const char *only = g_getenv ("FUZZ_PDF_ONLY");
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (sources[i]);

      originals[i] = g_file_load_bytes (file, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  for (int n = 0; n < N_CASES; n++)
    {
      guint source = g_rand_int_range (rand, 0, G_N_ELEMENTS (sources));
      g_autoptr(GBytes) bytes = mutate (originals[source], rand);
      /* The encrypted one: half the time with its password. */
      const char *password = source == 3 && g_rand_boolean (rand) ? PD_TEST_PDF_USER_PASSWORD : NULL;
      const char *outcome;
      gint64 case_start;

      if (only != NULL && atoi (only) != n)
        continue;
      case_start = g_get_monotonic_time ();
      outcome = run_case (bytes, password, n % WORKER_EVERY == 0);
      g_hash_table_insert (outcomes, (gpointer) outcome,
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (outcomes, outcome)) + 1));
      if (g_get_monotonic_time () - case_start > 5 * G_USEC_PER_SEC)
        g_test_message ("case %d took %.1f s", n, (g_get_monotonic_time () - case_start) / 1e6);
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, outcomes);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_test_message ("%s: %d", (const char *) key, GPOINTER_TO_INT (value));
    g_test_message ("%d cases in %.1f s", only ? 1 : N_CASES, (g_get_monotonic_time () - start) / 1e6);
  }
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_bytes_unref (originals[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fuzz/pdf", test_fuzz);
  return g_test_run ();
}
