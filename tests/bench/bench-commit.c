/* bench-commit.c: how long saving a referral takes, against a bare SQLite commit
 *
 * A referral saved through the real store API (the lock file, the ledger
 * entry, the audit rows, the clocks) on a local disk, 200 times; the
 * reference is a bare SQLite commit of one row, synchronous=FULL, rollback
 * journal, in a file of its own, measured in the same run so the ratio
 * holds on a noisy machine.
 *
 * Usage: bench-commit DIR
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pd-core.h"

#define N_COMMITS 200

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[MIN ((guint) (p * n), n - 1)];
}

static gboolean
insert_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  PdReferralFields fields = { .pseudonym = "Child B", .date_received = "2026-03-02",
                              .narrative = "Benchmark referral." };

  return pd_referral_insert (tx, &fields, NULL, error) != 0;
}

static void
bare_sqlite (const char *dir,
             double     *ms)
{
  g_autofree char *path = g_build_filename (dir, "bare.sqlite", NULL);
  sqlite3 *db;

  g_unlink (path);
  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;"
                    "CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT);", NULL, NULL, NULL);
  for (guint i = 0; i < N_COMMITS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO t (text) VALUES ('Benchmark referral.'); COMMIT;",
                    NULL, NULL, NULL);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *path = NULL;
  double ours[N_COMMITS], bare[N_COMMITS];
  double median, p99, bare_median;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DIR\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0700);
  path = g_build_filename (argv[1], "commit.paneldesk", NULL);
  g_unlink (path);
  db = pd_database_open (path, PD_OPEN_CREATE, &error);
  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < N_COMMITS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!pd_database_write (db, "New referral", insert_cb, NULL, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      ours[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  bare_sqlite (argv[1], bare);

  median = percentile (ours, N_COMMITS, 0.5);
  p99 = percentile (ours, N_COMMITS, 0.99);
  bare_median = percentile (bare, N_COMMITS, 0.5);
  printf ("metric commit_median_ms %.2f ms\n", median);
  printf ("metric commit_p99_ms %.2f ms\n", p99);
  printf ("metric commit_sqlite_median_ms %.2f ms\n", bare_median);
  printf ("metric commit_ratio_vs_sqlite %.2f x\n", median / bare_median);
  return 0;
}
