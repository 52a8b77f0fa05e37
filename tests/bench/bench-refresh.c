/* bench-refresh.c: how soon another program's change appears in the open list
 *
 * The real window on a database another process writes to with the sqlite3
 * shell; the time is taken from the shell's exit to the list showing the
 * new referral, with the window's own polling (nothing is called by hand).
 * Five rounds, median and worst. The reference is the shell's write itself,
 * process start included, measured in the same run.
 *
 * Usage: bench-refresh PANEL_DESK_ADMIN DIR (needs an X display)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

#include "pd-application.h"
#include "pd-core.h"
#include "pd-window.h"

#define ROUNDS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  double latency[ROUNDS], shell[ROUNDS];
  PdApplication *app;
  PdWindow *window;
  PdReferralsView *view;
  int status;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s PANEL_DESK_ADMIN DIR\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[2], 0755);
  path = g_build_filename (argv[2], "bench-refresh.paneldesk", NULL);
  g_unlink (path);
  {
    const char *init[] = { argv[1], "init", path, NULL };

    if (!g_spawn_sync (NULL, (char **) init, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                       &status, &error) || !g_spawn_check_wait_status (status, &error))
      g_error ("could not make %s: %s", path, error->message);
  }

  gtk_init ();
  app = pd_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = pd_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  pd_window_open_path (window, path);
  while (pd_window_is_busy (window) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  view = pd_window_get_referrals_view (window);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO referrals (reference, year, sequence, pseudonym, "
                                              "date_received, created_at, updated_at) VALUES "
                                              "('PRP-2026-%03u', 2026, %u, 'Child %u', '2026-03-01', "
                                              "'2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z');",
                                              round + 1, round + 1, round + 1);
      const char *shell_argv[] = { "sqlite3", path, sql, NULL };
      guint before = pd_referrals_view_get_n_rows (view);
      gint64 start = g_get_monotonic_time (), written, deadline;

      /* Wait a random part of a poll, as a user's moment would fall. */
      deadline = start + g_random_int_range (0, 2000) * 1000;
      while (g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE), g_usleep (1000);

      start = g_get_monotonic_time ();
      if (!g_spawn_sync (NULL, (char **) shell_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                         &status, &error) || !g_spawn_check_wait_status (status, &error))
        g_error ("sqlite3 failed: %s", error->message);
      written = g_get_monotonic_time ();
      deadline = written + 30 * G_USEC_PER_SEC;
      while (pd_referrals_view_get_n_rows (view) == before && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      latency[round] = (g_get_monotonic_time () - written) / 1e6;
      shell[round] = (written - start) / 1e6;
      printf ("# round %u: appeared after %.2f s (the write took %.3f s)\n", round, latency[round], shell[round]);
    }

  qsort (latency, ROUNDS, sizeof (double), (GCompareFunc) compare_doubles);
  qsort (shell, ROUNDS, sizeof (double), (GCompareFunc) compare_doubles);
  printf ("metric refresh_latency_s %.2f s\n", latency[ROUNDS / 2]);
  printf ("metric refresh_latency_max_s %.2f s\n", latency[ROUNDS - 1]);
  printf ("metric refresh_sqlite3_shell_s %.3f s\n", shell[ROUNDS / 2]);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
