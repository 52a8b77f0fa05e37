/* bench-search-ui.c: keystroke to painted frame, searching 100,000 referrals
 *
 * The real window from the UI library, on the 100k demo database: for each
 * query the search text is set as typing it does, and the time is taken to
 * the frame clock's next "after-paint", the moment the user sees the result.
 * The reference is the same search in the sqlite3 shell, run in the same
 * benchmark, so the ratio holds on a noisy machine. Memory: resident size
 * with the 100k list shown, minus the same window on an empty database.
 *
 * Usage: bench-search-ui PANEL_DESK_ADMIN CACHE_DIR (needs an X display)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pd-application.h"
#include "pd-core.h"
#include "pd-window.h"

#define ROUNDS     5
#define TIMEOUT_US (30 * G_USEC_PER_SEC)

static const char *queries[][5] = {
  { "c", "b", "y", "p", "s" },
  { "ch", "ba", "yo", "po", "se" },
  { "chi", "bab", "you", "pol", "sec" },
};

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

/* Iterates until the window has painted a frame after now. */
static gboolean
wait_for_paint (GtkWidget *window)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return painted;
}

/* Lets pending work (loading rows, the integrity check) settle. */
static void
settle (GtkWidget *window)
{
  for (int i = 0; i < 5; i++)
    wait_for_paint (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Resident memory now. Memory the allocator holds freed (opening the big
 * database frees as much as it keeps) is given back first, so the figure
 * is what the list needs rather than where glibc's arenas happen to stand:
 * without it the same binary measured anywhere from 2 to 24 MB. */
static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  long pages_total = 0, pages_resident = 0;

  malloc_trim (0);
  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld", &pages_total, &pages_resident) != 2)
    return 0;
  return pages_resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) ((values->len - 1) * p + 0.5));
}

static void
make_database (const char *admin,
               const char *path,
               const char *command,
               const char *referrals)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { admin, command, path, referrals ? "--referrals" : NULL, referrals, NULL };
  int status;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("could not make %s: %s", path, error->message);
}

/* The same search in the sqlite3 shell, process start included. */
static double
shell_ms (const char *database,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sqlite3", database, sql, NULL };
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3 failed: %s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
open_and_show (PdWindow   *window,
               const char *path)
{
  pd_window_open_path (window, path);
  while (pd_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *big = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shell = g_array_new (FALSE, FALSE, sizeof (double));
  PdApplication *app;
  PdWindow *window;
  PdReferralsView *view;
  GdkFrameClock *clock;
  double rss_empty, rss_big, app_median, shell_median;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s PANEL_DESK_ADMIN CACHE_DIR\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[2], 0755);
  empty = g_build_filename (argv[2], "bench-empty.paneldesk", NULL);
  big = g_build_filename (argv[2], "bench-100k.paneldesk", NULL);
  make_database (argv[1], empty, "init", NULL);
  make_database (argv[1], big, "demo", "100000");

  gtk_init ();
  app = pd_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  window = pd_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  open_and_show (window, empty);
  rss_empty = rss_mb ();
  open_and_show (window, big);
  view = pd_window_get_referrals_view (window);
  rss_big = rss_mb ();
  printf ("# %u referrals shown; RSS %.1f MB (empty database: %.1f MB)\n",
          pd_referrals_view_get_n_rows (view), rss_big, rss_empty);

  for (guint length = 0; length < G_N_ELEMENTS (queries); length++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      for (int round = 0; round < ROUNDS; round++)
        for (guint q = 0; q < G_N_ELEMENTS (queries[length]); q++)
          {
            gint64 start;
            double ms;

            pd_referrals_view_search (view, "");
            settle (GTK_WIDGET (window));

            start = g_get_monotonic_time ();
            pd_referrals_view_search (view, queries[length][q]);
            if (!wait_for_paint (GTK_WIDGET (window)))
              g_error ("no frame painted after searching “%s”", queries[length][q]);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (times, ms);
            g_array_append_val (all, ms);

            if (round == 0)
              {
                g_autofree char *sql = pd_referral_search_dup_sql (queries[length][q]);
                double reference = shell_ms (big, sql);

                g_array_append_val (shell, reference);
              }
          }
      printf ("# %u-letter queries: median %.1f ms, p95 %.1f ms\n", length + 1,
              percentile (times, 0.5), percentile (times, 0.95));
    }

  app_median = percentile (all, 0.5);
  shell_median = percentile (shell, 0.5);
  printf ("metric search_keystroke_median_ms %.1f ms\n", app_median);
  printf ("metric search_keystroke_p95_ms %.1f ms\n", percentile (all, 0.95));
  printf ("metric search_sqlite3_shell_ms %.1f ms\n", shell_median);
  printf ("metric search_ratio_vs_sqlite3 %.2f x\n", app_median / shell_median);
  printf ("metric list_100k_rss_delta_mb %.1f MB\n", rss_big - rss_empty);

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return 0;
}
