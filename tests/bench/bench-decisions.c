/* bench-decisions.c: reading the decision log again, and opening a decision
 *
 * The real Decisions view on the demo database made with 1,000 referrals
 * (about 400 recommendations and decisions). Measured, five rounds each,
 * median: reading the log again as after another user's write (the chain
 * verified, the rows on screen loaded and drawn), and opening a signed
 * decision's page (its signature checked afresh, its audit trail). The
 * reference, measured in the same run, is verifying the whole chain alone,
 * which both must do.
 *
 * Usage: bench-decisions PANEL_DESK_ADMIN DIR (needs an X display)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>
#include <stdio.h>

#include "pd-core.h"
#include "pd-decisions-view.h"

#define ROUNDS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, ROUNDS, sizeof (double), compare_doubles);
  return values[ROUNDS / 2];
}

/* Until the frame after now is drawn: the rows and the page are built. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PdDatabase) db = NULL;
  double reload[ROUNDS], open[ROUNDS], verify[ROUNDS];
  PdDecisionsView *view;
  GtkWindow *window;
  gint64 signed_id;
  int status;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s PANEL_DESK_ADMIN DIR\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();
  g_mkdir_with_parents (argv[2], 0755);
  path = g_build_filename (argv[2], "bench-decisions.paneldesk", NULL);
  g_unlink (path);
  {
    const char *demo[] = { argv[1], "demo", path, "--referrals", "1000", NULL };

    if (!g_spawn_sync (NULL, (char **) demo, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                       &status, &error) || !g_spawn_check_wait_status (status, &error))
      g_error ("could not make %s: %s", path, error->message);
  }
  db = pd_database_open (path, PD_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  view = g_object_new (PD_TYPE_DECISIONS_VIEW, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  pd_decisions_view_set_database (view, db);
  pd_decisions_view_filter (view, "signed");
  drain ();
  signed_id = pd_decisions_view_get_id_at (view, 0);
  g_assert (signed_id != 0);

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(GPtrArray) checks = NULL;
      gint64 start = g_get_monotonic_time ();

      checks = pd_signing_verify_all (db, &error);
      g_assert (checks != NULL);
      verify[i] = (g_get_monotonic_time () - start) / 1000.0;

      pd_decisions_view_show_list (view);
      drain ();
      start = g_get_monotonic_time ();
      pd_decisions_view_reload (view);
      drain ();
      reload[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      if (!pd_decisions_view_show_decision (view, signed_id, &error))
        g_error ("%s", error->message);
      drain ();
      open[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  pd_decisions_view_show_list (view);
  pd_decisions_view_filter (view, NULL);
  printf ("metric decisions_records %u records\n", pd_decisions_view_get_n_rows (view));
  printf ("metric decisions_reload_median_ms %.1f ms\n", median (reload));
  printf ("metric decisions_open_median_ms %.1f ms\n", median (open));
  printf ("metric decisions_verify_chain_median_ms %.1f ms\n", median (verify));
  gtk_window_destroy (window);
  return 0;
}
