/* bench-fulltext.c: full-text search over 1,000 extracted reports
 *
 * The reports' text is inserted straight into the index (extraction is
 * not what is measured): 1,000 documents of 12 pages each, made of a
 * safeguarding vocabulary with the odd phrase such as "disguised
 * compliance". Each query goes through pd_fulltext_search() (what the
 * Documents view calls: snippets, titles, best first); the reference is
 * the same FTS5 query without the join and snippet on a bare connection,
 * and the same query through the sqlite3 shell (process start included).
 * Then extraction itself: a 300-page text PDF attached and extracted,
 * against pdftotext of the same file.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-test-pdf.h"

#define N_DOCUMENTS 1000
#define N_PAGES     12
#define N_ROUNDS    15
#define LIMIT       200

static const char *words[] = {
  "child", "mother", "father", "partner", "school", "health", "visitor", "police", "referral",
  "social", "worker", "assessment", "plan", "protection", "domestic", "abuse", "neglect",
  "injury", "bruising", "hospital", "agency", "information", "shared", "strategy", "meeting",
  "conference", "review", "panel", "learning", "practice", "recommendation", "finding",
  "housing", "attendance", "engagement", "early", "help", "threshold", "escalation", "supervision",
  "caseload", "chronology", "home", "visit", "concern", "risk", "safety", "family", "sibling",
  "infant", "emergency", "department", "general", "practitioner", "midwife", "probation",
  "substance", "misuse", "mental", "wellbeing", "voice", "lived", "experience", "curiosity",
};

static const char *queries[] = {
  "disguised compliance", "\"disguised compliance\"", "bruising infant", "domestic abuse police",
  "professional curiosity", "escalation", "supervision caseload", "housing", "voice of the child",
  "disg", "strategy meeting", "mental health", "neglect school attendance", "overview",
};

/* Ordinary words: made of syllables, so there are thousands of them. */
#define N_FILLER 3000
static char *filler[N_FILLER];

static void
make_filler (void)
{
  static const char *syllables[] = { "ta", "ren", "mo", "lis", "ka", "ver", "di", "son", "pa", "ul",
                                     "en", "gro", "bi", "at", "fe", "nor", "qui", "sal" };
  const guint n = G_N_ELEMENTS (syllables);

  for (guint i = 0; i < N_FILLER; i++)
    filler[i] = g_strconcat (syllables[i % n], syllables[(i / n) % n], syllables[(i / (n * n)) % n], NULL);
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (double *values, guint n, double p)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[MIN ((guint) (p * (n - 1) + 0.5), n - 1)];
}

static gboolean
fill (PdTransaction *tx, gpointer user_data, GError **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  GRand *rand = user_data;
  sqlite3 *handle = _pd_database_get_handle (db);
  sqlite3_stmt *doc = NULL, *page = NULL;
  gint64 referral_id;
  PdReferralFields fields = { .pseudonym = "Child B", .date_received = "2026-03-02" };

  referral_id = pd_referral_insert (tx, &fields, NULL, error);
  if (referral_id == 0)
    return FALSE;
  sqlite3_prepare_v2 (handle,
                      "INSERT INTO documents (referral_id, title, kind, filename, size, page_count, sha256, attached_at) "
                      "VALUES (?1, ?2, 'overview_report', ?3, 1000, ?4, printf('%064x', ?5), '2026-03-02T10:00:00Z');",
                      -1, &doc, NULL);
  sqlite3_prepare_v2 (handle, "INSERT INTO document_pages_fts (text, document_id, page_index) VALUES (?1, ?2, ?3);",
                      -1, &page, NULL);
  for (int d = 0; d < N_DOCUMENTS; d++)
    {
      g_autofree char *title = g_strdup_printf ("Overview report %d", d);
      g_autofree char *filename = g_strdup_printf ("overview-%d.pdf", d);
      gint64 id;

      sqlite3_bind_int64 (doc, 1, referral_id);
      sqlite3_bind_text (doc, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (doc, 3, filename, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (doc, 4, N_PAGES);
      sqlite3_bind_int (doc, 5, d);
      if (sqlite3_step (doc) != SQLITE_DONE)
        return _pd_database_fail (db, sqlite3_errcode (handle), error);
      sqlite3_reset (doc);
      id = sqlite3_last_insert_rowid (handle);

      for (int p = 0; p < N_PAGES; p++)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          const char *topic[6];

          /* About 450 words a page, like a typed report: a page is about a
           * few subjects, the rest is ordinary prose (common words far more
           * often than rare ones). */
          for (guint t = 0; t < G_N_ELEMENTS (topic); t++)
            topic[t] = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
          for (int w = 0; w < 450; w++)
            {
              if (g_rand_int_range (rand, 0, 8) == 0)
                g_string_append (text, topic[g_rand_int_range (rand, 0, G_N_ELEMENTS (topic))]);
              else
                g_string_append (text, filler[(guint) (N_FILLER * pow (g_rand_double (rand), 3))]);
              g_string_append_c (text, w % 15 == 14 ? '\n' : ' ');
            }
          if (g_rand_int_range (rand, 0, 20) == 0)
            g_string_append (text, "Professionals did not recognise the disguised compliance of the partner.");
          if (g_rand_int_range (rand, 0, 10) == 0)
            g_string_append (text, "The voice of the child was not heard; professional curiosity was lacking.");
          sqlite3_bind_text (page, 1, text->str, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (page, 2, id);
          sqlite3_bind_int (page, 3, p);
          if (sqlite3_step (page) != SQLITE_DONE)
            return _pd_database_fail (db, sqlite3_errcode (handle), error);
          sqlite3_reset (page);
        }
    }
  sqlite3_finalize (doc);
  sqlite3_finalize (page);
  return _pd_database_exec (db, "INSERT INTO document_pages_fts (document_pages_fts) VALUES ('optimize');", error);
}

/* The same match on a connection of its own, without join or snippet. */
static double
bare_query_ms (sqlite3 *bare, const char *fts_query)
{
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  sqlite3_prepare_v2 (bare, "SELECT document_id, page_index FROM document_pages_fts "
                            "WHERE document_pages_fts MATCH ?1 ORDER BY rank LIMIT 200;", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
shell_query_ms (const char *path, const char *fts_query)
{
  g_autofree char *sql = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(GString) escaped = g_string_new (NULL);
  const char *argv[] = { "sqlite3", path, NULL, NULL };
  gint64 start;
  int status;

  for (const char *p = fts_query; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (escaped, '\'');
      g_string_append_c (escaped, *p);
    }
  sql = g_strdup_printf ("SELECT document_id, page_index, snippet(document_pages_fts, 0, '[', ']', '…', 16) "
                         "FROM document_pages_fts WHERE document_pages_fts MATCH '%s' ORDER BY rank LIMIT 200;",
                         escaped->str);
  argv[2] = sql;
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
add_referral (PdTransaction *tx, gpointer user_data, GError **error)
{
  PdReferralFields fields = { .pseudonym = "Child C", .date_received = "2026-03-02" };

  *(gint64 *) user_data = pd_referral_insert (tx, &fields, NULL, error);
  return *(gint64 *) user_data != 0;
}

/* Extracting a 300-page report: pages a second, ours and pdftotext's. */
static gboolean
bench_extraction (const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "extract.paneldesk", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report-300.pdf", NULL);
  g_autofree char *store = g_build_filename (dir, "extract.paneldesk-files", NULL);
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const char *paths[] = { pdf, NULL };
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  PdAttachTarget target = { .kind = "overview_report" };
  gint64 start;
  double ours_s, reference_s;
  int status;

  g_unlink (path);
  if (!pd_test_pdf_write_text (pdf, 300, error))
    return FALSE;
  db = pd_database_open (path, PD_OPEN_CREATE, error);
  if (db == NULL || !pd_database_write (db, "Benchmark: referral", add_referral, &target.referral_id, NULL, error))
    return FALSE;
  results = pd_attachment_store_attach (db, &target, paths, NULL, NULL, NULL, error);
  if (results == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  if (!pd_fulltext_extract (path, NULL, NULL, NULL, error))
    return FALSE;
  ours_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, error))
    return FALSE;
  reference_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  printf ("metric fulltext_extract_pages_per_s %.0f pages/s\n", 300 / ours_s);
  printf ("metric fulltext_extract_pdftotext_pages_per_s %.0f pages/s\n", 300 / reference_s);
  printf ("metric fulltext_extract_ratio_vs_pdftotext %.2f x\n", ours_s / reference_s);

  g_clear_object (&db);
  g_unlink (path);
  g_unlink (pdf);
  {
    g_autofree char *stored = pd_attachment_store_path_for (store, ((PdAttachResult *) g_ptr_array_index (results, 0))->sha256,
                                                            "report-300.pdf");
    g_autofree char *shard = g_path_get_dirname (stored);

    g_unlink (stored);
    g_rmdir (shard);
    g_rmdir (store);
  }
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *path = NULL;
  g_autofree double *ours = g_new (double, N_ROUNDS * G_N_ELEMENTS (queries));
  g_autofree double *bare = g_new (double, N_ROUNDS * G_N_ELEMENTS (queries));
  g_autofree double *shell = g_new (double, G_N_ELEMENTS (queries));
  GRand *rand = g_rand_new_with_seed (42);
  sqlite3 *bare_db = NULL;
  guint n = 0, n_shell = 0;
  guint total_hits = 0;
  double median;

  if (argc != 2)
    {
      g_printerr ("usage: %s DIR\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);
  make_filler ();
  path = g_build_filename (argv[1], "fulltext.paneldesk", NULL);
  g_unlink (path);

  db = pd_database_open (path, PD_OPEN_CREATE, &error);
  if (db == NULL || !pd_database_write (db, "Benchmark: 1,000 extracted reports", fill, rand, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  sqlite3_open_v2 (path, &bare_db, SQLITE_OPEN_READONLY, NULL);

  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autofree char *fts_query = pd_fulltext_query_from_text (queries[q]);
        g_autoptr(GPtrArray) hits = NULL;
        gint64 start = g_get_monotonic_time ();

        hits = pd_fulltext_search (db, queries[q], LIMIT, &error);
        if (hits == NULL)
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        ours[n] = (g_get_monotonic_time () - start) / 1000.0;
        bare[n] = bare_query_ms (bare_db, fts_query);
        n++;
        if (round == 0)
          {
            total_hits += hits->len;
            shell[n_shell] = shell_query_ms (path, fts_query);
            if (shell[n_shell] >= 0)
              n_shell++;
          }
      }
  sqlite3_close (bare_db);

  median = percentile (ours, n, 0.5);
  printf ("# %d documents, %d pages, %u queries, %u hits in the first round\n",
          N_DOCUMENTS, N_DOCUMENTS * N_PAGES, n, total_hits);
  printf ("metric fulltext_search_ms %.2f ms\n", median);
  printf ("metric fulltext_search_p95_ms %.2f ms\n", percentile (ours, n, 0.95));
  printf ("metric fulltext_search_bare_fts5_ms %.2f ms\n", percentile (bare, n, 0.5));
  if (n_shell > 0)
    {
      double shell_median = percentile (shell, n_shell, 0.5);

      printf ("metric fulltext_search_sqlite3_shell_ms %.2f ms\n", shell_median);
      printf ("metric fulltext_search_ratio_vs_sqlite3_shell %.2f x\n", median / shell_median);
    }
  g_rand_free (rand);
  for (guint i = 0; i < N_FILLER; i++)
    g_free (filler[i]);
  g_clear_object (&db);
  g_unlink (path);

  if (!bench_extraction (argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
