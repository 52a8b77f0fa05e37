/* pd-test-pdf.c: PDF fixtures drawn with cairo at test time */
#include "pd-test-pdf.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#define PAGE_WIDTH   595.0   /* A4 in points */
#define PAGE_HEIGHT  842.0
#define MARGIN        64.0
#define IMAGE_DPI    150.0

static const char *body_lines[] = {
  "The panel considered the chronology supplied by each agency.",
  "Health visitors recorded missed appointments over several months.",
  "The school raised concerns about attendance and presentation.",
  "Police attended the address following a report from a neighbour.",
  "Children's social care completed an assessment within timescales.",
  "Information was not shared between agencies at the strategy meeting.",
  "The practitioners involved were invited to a learning event.",
  "Recommendations for the partnership are set out in section six.",
};

const PdTestPdfOutlineEntry pd_test_pdf_outline[] = {
  { "Introduction",          0, 0 },
  { "Background",            0, 1 },
  { "Family composition",    1, 2 },
  { "Agency involvement",    1, 3 },
  { "Analysis",              0, 4 },
  { "Disguised compliance",  1, 5 },
  { "Recommendations",       0, 7 },
};
const guint pd_test_pdf_outline_length = G_N_ELEMENTS (pd_test_pdf_outline);

char *
pd_test_pdf_page_word (int page_index)
{
  return g_strdup_printf ("pdword%04d", page_index);
}

gboolean
pd_test_pdf_page_has_phrase (int page_index)
{
  return page_index % 7 == 2;
}

static gboolean
cairo_failed (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not draw %s: %s",
               path, cairo_status_to_string (status));
  return TRUE;
}

static void
draw_text_page (cairo_t    *cr,
                int         page_index,
                int         n_pages,
                const char *heading)
{
  g_autofree char *title = NULL;
  g_autofree char *word = pd_test_pdf_page_word (page_index);
  g_autofree char *word_line = g_strdup_printf ("Reference word: %s", word);
  double y = MARGIN + 20;

  title = heading ? g_strdup (heading) : g_strdup_printf ("Page %d of %d", page_index + 1, n_pages);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 20);
  cairo_move_to (cr, MARGIN, y);
  cairo_show_text (cr, title);
  y += 36;

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  cairo_move_to (cr, MARGIN, y);
  cairo_show_text (cr, word_line);
  y += 24;

  for (guint i = 0; i < 24; i++)
    {
      cairo_move_to (cr, MARGIN, y);
      cairo_show_text (cr, body_lines[(i + page_index) % G_N_ELEMENTS (body_lines)]);
      y += 16;
      if (i == 10 && pd_test_pdf_page_has_phrase (page_index))
        {
          cairo_move_to (cr, MARGIN, y);
          cairo_show_text (cr, "Professionals did not recognise " PD_TEST_PDF_PHRASE " by the parents.");
          y += 16;
        }
    }
}

gboolean
pd_test_pdf_write_text (const char  *path,
                        int          n_pages,
                        GError     **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  for (int i = 0; i < n_pages; i++)
    {
      draw_text_page (cr, i, n_pages, NULL);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return !cairo_failed (status, path, error);
}

/* A picture like a scan: a tinted paper background with blocks of "print",
 * different on each page so nothing is shared between pages. */
static cairo_surface_t *
make_scan (int page_index)
{
  int width = (int) (PAGE_WIDTH / 72.0 * IMAGE_DPI);
  int height = (int) (PAGE_HEIGHT / 72.0 * IMAGE_DPI);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (image);
  cairo_pattern_t *paper = cairo_pattern_create_linear (0, 0, width, height);
  GRand *rand = g_rand_new_with_seed (page_index + 1);
  g_autofree char *word = pd_test_pdf_page_word (page_index);

  cairo_pattern_add_color_stop_rgb (paper, 0, 0.97, 0.96, 0.92);
  cairo_pattern_add_color_stop_rgb (paper, 1, 0.90, 0.89, 0.84);
  cairo_set_source (cr, paper);
  cairo_paint (cr);
  cairo_pattern_destroy (paper);

  /* Lines of "print" of random lengths. */
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.18);
  for (double y = 260; y < height - 200; y += 34)
    cairo_rectangle (cr, 130, y, g_rand_double_range (rand, 0.4, 1.0) * (width - 260), 14);
  cairo_fill (cr);

  /* A photograph-like block with a gradient. */
  {
    cairo_pattern_t *photo = cairo_pattern_create_radial (width * 0.7, 500, 20, width * 0.7, 500, 300);
    cairo_pattern_add_color_stop_rgb (photo, 0, g_rand_double (rand), 0.5, 0.6);
    cairo_pattern_add_color_stop_rgb (photo, 1, 0.2, 0.3, g_rand_double (rand));
    cairo_set_source (cr, photo);
    cairo_rectangle (cr, width * 0.55, 300, width * 0.35, 400);
    cairo_fill (cr);
    cairo_pattern_destroy (photo);
  }

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 64);
  cairo_move_to (cr, 130, 180);
  cairo_show_text (cr, word);

  g_rand_free (rand);
  cairo_destroy (cr);
  return image;
}

gboolean
pd_test_pdf_write_images (const char  *path,
                          int          n_pages,
                          GError     **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  for (int i = 0; i < n_pages; i++)
    {
      cairo_surface_t *scan = make_scan (i);

      cairo_save (cr);
      cairo_scale (cr, 72.0 / IMAGE_DPI, 72.0 / IMAGE_DPI);
      cairo_set_source_surface (cr, scan, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      /* Finishing the picture lets cairo write it out now, not keep 300. */
      cairo_surface_finish (scan);
      cairo_surface_destroy (scan);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return !cairo_failed (status, path, error);
}

gboolean
pd_test_pdf_write_outlined (const char  *path,
                            GError     **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0 };

  for (guint i = 0; i < pd_test_pdf_outline_length; i++)
    {
      const PdTestPdfOutlineEntry *entry = &pd_test_pdf_outline[i];
      g_autofree char *link = g_strdup_printf ("page=%d pos=[0 0]", entry->page_index + 1);

      parents[entry->depth + 1] = cairo_pdf_surface_add_outline (surface, parents[entry->depth],
                                                                 entry->title, link,
                                                                 CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }

  for (int page = 0; page < PD_TEST_PDF_OUTLINED_PAGES; page++)
    {
      const char *heading = NULL;

      for (guint i = 0; i < pd_test_pdf_outline_length; i++)
        if (pd_test_pdf_outline[i].page_index == page)
          heading = pd_test_pdf_outline[i].title;
      draw_text_page (cr, page, PD_TEST_PDF_OUTLINED_PAGES, heading);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return !cairo_failed (status, path, error);
}

gboolean
pd_test_pdf_write_encrypted (const char  *path,
                             const char  *source,
                             const char  *user_password,
                             const char  *owner_password,
                             GError     **error)
{
  const char *argv[] = { "qpdf", "--encrypt", user_password, owner_password, "256", "--",
                         source, path, NULL };
  g_autofree char *errors = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &errors, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "qpdf could not encrypt %s: %s",
                   source, errors);
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_test_pdf_write_truncated (const char  *path,
                             const char  *source,
                             double       fraction,
                             GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (source, &data, &length, error))
    return FALSE;
  return g_file_set_contents (path, data, (gssize) (length * CLAMP (fraction, 0.0, 1.0)), error);
}

gboolean
pd_test_pdf_write_flipped (const char  *path,
                           const char  *source,
                           guint32      seed,
                           GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const char *catalog;
  gsize from;

  if (!g_file_get_contents (source, &data, &length, error))
    return FALSE;
  /* Cairo writes the page tree and the catalog last, before the xref:
   * scramble from the page tree on, so even a repair finds no pages. */
  catalog = g_strstr_len (data, length, "/Type /Pages");
  from = catalog ? (gsize) (catalog - data) : length / 2;
  for (gsize i = from; i < length; i++)
    if (g_rand_int_range (rand, 0, 3) == 0)
      data[i] ^= (char) g_rand_int_range (rand, 1, 256);
  return g_file_set_contents (path, data, length, error);
}

gboolean
pd_test_pdf_write_empty (const char  *path,
                         GError     **error)
{
  return g_file_set_contents (path, "", 0, error);
}

gboolean
pd_test_pdf_write_png (const char  *path,
                       GError     **error)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 48);
  cairo_t *cr = cairo_create (image);
  cairo_status_t status;

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (image, path);
  cairo_surface_destroy (image);
  return !cairo_failed (status, path, error);
}

PdTestPdfFixtures *
pd_test_pdf_fixtures_new (void)
{
  PdTestPdfFixtures *fixtures = g_new0 (PdTestPdfFixtures, 1);
  g_autoptr(GError) error = NULL;

  fixtures->dir = g_dir_make_tmp ("pd-test-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  fixtures->text = g_build_filename (fixtures->dir, "text.pdf", NULL);
  fixtures->images = g_build_filename (fixtures->dir, "images.pdf", NULL);
  fixtures->outlined = g_build_filename (fixtures->dir, "outlined.pdf", NULL);
  fixtures->encrypted = g_build_filename (fixtures->dir, "encrypted.pdf", NULL);
  fixtures->truncated = g_build_filename (fixtures->dir, "truncated.pdf", NULL);
  fixtures->flipped = g_build_filename (fixtures->dir, "flipped.pdf", NULL);
  fixtures->empty = g_build_filename (fixtures->dir, "empty.pdf", NULL);
  fixtures->png = g_build_filename (fixtures->dir, "picture.pdf", NULL);

  pd_test_pdf_write_text (fixtures->text, PD_TEST_PDF_TEXT_PAGES, &error);
  g_assert_no_error (error);
  pd_test_pdf_write_images (fixtures->images, PD_TEST_PDF_IMAGE_PAGES, &error);
  g_assert_no_error (error);
  pd_test_pdf_write_outlined (fixtures->outlined, &error);
  g_assert_no_error (error);
  pd_test_pdf_write_encrypted (fixtures->encrypted, fixtures->text, PD_TEST_PDF_USER_PASSWORD,
                               PD_TEST_PDF_OWNER_PASSWORD, &error);
  g_assert_no_error (error);
  pd_test_pdf_write_truncated (fixtures->truncated, fixtures->text, 0.5, &error);
  g_assert_no_error (error);
  pd_test_pdf_write_flipped (fixtures->flipped, fixtures->text, 4, &error);
  g_assert_no_error (error);
  pd_test_pdf_write_empty (fixtures->empty, &error);
  g_assert_no_error (error);
  pd_test_pdf_write_png (fixtures->png, &error);
  g_assert_no_error (error);
  return fixtures;
}

void
pd_test_pdf_fixtures_free (PdTestPdfFixtures *fixtures)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixtures == NULL)
    return;
  dir = g_dir_open (fixtures->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixtures->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixtures->dir);
  g_free (fixtures->dir);
  g_free (fixtures->text);
  g_free (fixtures->images);
  g_free (fixtures->outlined);
  g_free (fixtures->encrypted);
  g_free (fixtures->truncated);
  g_free (fixtures->flipped);
  g_free (fixtures->empty);
  g_free (fixtures->png);
  g_free (fixtures);
}
