/* bench-agenda-pack.c: time to build the agenda pack of 12 items with 600
 * pages of papers, against concatenating the same papers with qpdf (and
 * pdfunite) in the same run, on the same machine
 *
 * The papers are drawn with cairo: full pages of text with a table's rules,
 * as the agencies' chronologies and reports are. */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "pd-agenda-pack.h"
#include "pd-core.h"

#define N_ITEMS          12
#define PAPERS_PER_ITEM  2
#define PAGES_PER_PAPER  25   /* 12 × 2 × 25 = 600 pages */

typedef struct
{
  PdDatabase *db;
  gint64      meeting_id;
  GPtrArray  *files;     /* the papers' paths, in agenda order */
  const char *store;
} Bench;

static void
draw_paper (const char *path,
            guint       item,
            guint       paper)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (guint page = 1; page <= PAGES_PER_PAPER; page++)
    {
      cairo_select_font_face (cr, "Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 14);
      cairo_move_to (cr, 60, 70);
      {
        g_autofree char *title = g_strdup_printf ("Chronology %u.%u — page %u", item, paper, page);

        cairo_show_text (cr, title);
      }
      cairo_select_font_face (cr, "Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 10);
      for (guint line = 0; line < 48; line++)
        {
          g_autofree char *text = g_strdup_printf ("%02u/%02u/2025  Health visitor  Home visit; mother "
                                                   "reported low mood, referred to GP; no concerns noted "
                                                   "about the baby (entry %u).", 1 + line % 28, 1 + page % 12,
                                                   line);

          cairo_move_to (cr, 60, 100 + line * 14.5);
          cairo_show_text (cr, text);
          cairo_move_to (cr, 60, 103 + line * 14.5);
          cairo_line_to (cr, 535, 103 + line * 14.5);
        }
      cairo_set_line_width (cr, 0.3);
      cairo_stroke (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef struct
{
  Bench      *bench;
  const char *dir;
} Setup;

static gboolean
setup_cb (PdTransaction  *tx,
          gpointer        user_data,
          GError        **error)
{
  Setup *setup = user_data;
  Bench *bench = setup->bench;
  PdMeetingFields meeting = { .title = "Practice Review Panel", .starts_at = "2030-03-31T10:00:00Z",
                              .ends_at = "2030-03-31T16:00:00Z", .place = "Committee Room 1" };

  bench->meeting_id = pd_meeting_insert (tx, &meeting, error);
  if (bench->meeting_id == 0)
    return FALSE;
  for (guint item = 1; item <= N_ITEMS; item++)
    {
      g_autofree char *title = g_strdup_printf ("Review progress and papers, part %u", item);
      PdAgendaItemFields fields = { .kind = "other", .title = title, .minutes = 15 };
      gint64 item_id = pd_agenda_add_item (tx, bench->meeting_id, &fields, NULL, error);

      if (item_id == 0)
        return FALSE;
      for (guint paper = 1; paper <= PAPERS_PER_ITEM; paper++)
        {
          g_autofree char *drawn = g_strdup_printf ("%s/paper-%02u-%u.pdf", setup->dir, item, paper);
          g_autofree char *contents = NULL;
          g_autofree char *sha = NULL;
          g_autofree char *shard = NULL;
          g_autofree char *stored = NULL;
          g_autofree char *paper_title = g_strdup_printf ("Chronology %u.%u", item, paper);
          gsize length;
          PdDocumentFields document = { .meeting_id = bench->meeting_id, .kind = "chronology",
                                        .title = paper_title, .filename = "chronology.pdf",
                                        .page_count = PAGES_PER_PAPER };
          gint64 document_id;

          draw_paper (drawn, item, paper);
          if (!g_file_get_contents (drawn, &contents, &length, error))
            return FALSE;
          sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
          shard = g_build_filename (bench->store, (char[]) { sha[0], sha[1], 0 }, NULL);
          stored = g_strdup_printf ("%s/%s.pdf", shard, sha);
          g_mkdir_with_parents (shard, 0755);
          if (!g_file_set_contents (stored, contents, length, error))
            return FALSE;
          document.sha256 = sha;
          document.size = (gint64) length;
          document_id = pd_document_insert (tx, &document, error);
          if (document_id == 0 || !pd_agenda_paper_attach (tx, item_id, document_id, error))
            return FALSE;
          g_ptr_array_add (bench->files, g_steal_pointer (&stored));
        }
    }
  return TRUE;
}

/* Runs @argv and returns how long it took, in seconds, or -1 when it failed. */
static double
time_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
median (double *values,
        guint   n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double swap = values[j];

        values[j] = values[j - 1];
        values[j - 1] = swap;
      }
  return values[n / 2];
}

static void
progress_cb (double      fraction,
             const char *message,
             gpointer    user_data)
{
  (*(guint *) user_data)++;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *store = NULL;
  g_autofree char *out = NULL;
  g_autofree char *reference = NULL;
  Bench bench = { 0 };
  Setup setup;
  double pack_runs[3], qpdf_runs[3], unite_runs[3];
  const guint n_runs = G_N_ELEMENTS (pack_runs);
  guint n_pages = 0, n_progress = 0;

  dir = g_dir_make_tmp ("panel-desk-bench-pack-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "bench.paneldesk", NULL);
  store = pd_document_store_dir_for (db_path);
  out = g_build_filename (dir, "pack.pdf", NULL);
  reference = g_build_filename (dir, "reference.pdf", NULL);
  bench.store = store;
  bench.files = g_ptr_array_new_with_free_func (g_free);
  bench.db = pd_database_open (db_path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  setup = (Setup) { &bench, dir };
  pd_database_write (bench.db, "Benchmark papers", setup_cb, &setup, NULL, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(GPtrArray) qpdf = g_ptr_array_new ();
      g_autoptr(GPtrArray) unite = g_ptr_array_new ();
      g_autoptr(PdAgendaPack) pack = NULL;
      gint64 start = g_get_monotonic_time ();

      /* The whole job as the app and the command do it: read, check, draw, write. */
      pack = pd_agenda_pack_new (bench.db, bench.meeting_id, &error);
      g_assert_no_error (error);
      pd_agenda_pack_write (pack, out, progress_cb, &n_progress, NULL, &error);
      g_assert_no_error (error);
      pack_runs[run] = (g_get_monotonic_time () - start) / 1e6;
      n_pages = pd_agenda_pack_get_n_pages (pack);

      g_ptr_array_add (qpdf, (gpointer) "qpdf");
      g_ptr_array_add (qpdf, (gpointer) "--empty");
      g_ptr_array_add (qpdf, (gpointer) "--pages");
      g_ptr_array_add (unite, (gpointer) "pdfunite");
      for (guint i = 0; i < bench.files->len; i++)
        {
          g_ptr_array_add (qpdf, bench.files->pdata[i]);
          g_ptr_array_add (unite, bench.files->pdata[i]);
        }
      g_ptr_array_add (qpdf, (gpointer) "--");
      g_ptr_array_add (qpdf, reference);
      g_ptr_array_add (qpdf, NULL);
      g_ptr_array_add (unite, reference);
      g_ptr_array_add (unite, NULL);
      qpdf_runs[run] = time_tool ((const char * const *) qpdf->pdata);
      unite_runs[run] = time_tool ((const char * const *) unite->pdata);
    }

  printf ("metric agenda_pack_600_pages_s %.2f s\n", median (pack_runs, n_runs));
  printf ("metric agenda_pack_pages %u pages\n", n_pages);
  if (qpdf_runs[0] >= 0)
    printf ("metric agenda_pack_reference_qpdf_concat_s %.2f s\n", median (qpdf_runs, n_runs));
  if (unite_runs[0] >= 0)
    printf ("metric agenda_pack_reference_pdfunite_s %.2f s\n", median (unite_runs, n_runs));
  printf ("metric agenda_pack_progress_calls %u calls\n", n_progress / n_runs);
  {
    GStatBuf pack_stat, reference_stat;

    if (g_stat (out, &pack_stat) == 0)
      printf ("metric agenda_pack_size_mb %.1f MB\n", pack_stat.st_size / 1e6);
    if (qpdf_runs[0] >= 0 && g_stat (reference, &reference_stat) == 0)
      printf ("metric agenda_pack_reference_size_mb %.1f MB\n", reference_stat.st_size / 1e6);
  }

  g_ptr_array_unref (bench.files);
  g_clear_object (&bench.db);
  {
    const char *rm[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
