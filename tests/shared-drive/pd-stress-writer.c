/* pd-stress-writer.c: one client writing through the real store API
 *
 * Usage: pd-stress-writer PATH N LABEL
 *
 * Makes N write transactions through the store, in turn a new referral,
 * an edit of the writer's last referral (with its version check), a panel
 * recommendation on it and a file attached to it (copied into the store
 * before its row is written), each audited with a ledger entry, and prints
 * "TOKEN KIND" for each only after its commit was acknowledged, one per
 * line, flushed: the parent counts these as the commits that must be in
 * the database afterwards (an attachment's token is "sha256:HASH", whose
 * row and file must both be there). A failed write is
 * printed to standard error and counted as not acknowledged; a SQLITE_BUSY
 * reaching this caller is reported as "busy" so the test can refuse it.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pd-core.h"
#include "pd-database-private.h"

typedef struct
{
  const char *label;
  guint       n;
  char       *token;
  gint64      referral_id;   /* the writer's last new referral */
  const char *kind;
} Write;

static gboolean
write_cb (PdTransaction  *tx,
          gpointer        user_data,
          GError        **error)
{
  Write *write = user_data;
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *pseudonym = g_strdup_printf ("%s-%u", write->label, write->n);
  PdReferralFields fields = { .pseudonym = pseudonym, .date_received = "2026-03-02",
                              .next_deadline = "2026-04-01" };
  sqlite3_stmt *stmt;

  if (write->referral_id == 0 || write->n % 4 == 0)
    {
      write->kind = "insert";
      write->referral_id = pd_referral_insert (tx, &fields, NULL, error);
      if (write->referral_id == 0)
        return FALSE;
    }
  else if (write->n % 4 == 1)
    {
      g_autoptr(PdReferral) referral = pd_referral_load (db, write->referral_id, error);
      g_autofree char *narrative = g_strdup_printf ("Edited by %s, write %u.", write->label, write->n);

      write->kind = "edit";
      fields.narrative = narrative;
      if (referral == NULL ||
          !pd_referral_update (tx, write->referral_id, pd_referral_get_version (referral), &fields, error))
        return FALSE;
    }
  else
    {
      PdDecisionFields decision = { .referral_id = write->referral_id, .kind = "recommendation",
                                    .outcome = "no_review", .rationale = "Stress: learning only." };

      write->kind = "recommendation";
      if (pd_decision_insert (tx, &decision, error) == 0)
        return FALSE;
    }

  /* Our own ledger entry, read inside our own transaction. */
  stmt = _pd_database_prepare (db, "SELECT token FROM ledger WHERE seq = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pd_transaction_get_ledger_seq (tx));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    write->token = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return write->token != NULL;
}

/* A file of its own, attached to the writer's last referral. */
static gboolean
attach (PdDatabase  *db,
        Write       *write,
        GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s/stress-%s-%u.txt", g_get_tmp_dir (), write->label, write->n);
  g_autofree char *text = g_strdup_printf ("Stress attachment by %s, write %u, pid %d.\n",
                                           write->label, write->n, (int) getpid ());
  const char *paths[] = { path, NULL };
  PdAttachTarget target = { .referral_id = write->referral_id, .kind = "chronology" };
  g_autoptr(GPtrArray) results = NULL;
  PdAttachResult *result;

  write->kind = "attachment";
  if (!g_file_set_contents (path, text, -1, error))
    return FALSE;
  results = pd_attachment_store_attach (db, &target, paths, NULL, NULL, NULL, error);
  g_unlink (path);
  if (results == NULL)
    return FALSE;
  result = g_ptr_array_index (results, 0);
  if (result->error != NULL)
    {
      g_propagate_error (error, g_error_copy (result->error));
      return FALSE;
    }
  write->token = g_strconcat ("sha256:", result->sha256, NULL);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint n, failures = 0;
  gint64 last_referral = 0;

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s PATH N LABEL\n", argv[0]);
      return 2;
    }
  n = (guint) strtoul (argv[2], NULL, 10);

  db = pd_database_open (argv[1], PD_OPEN_SKIP_QUICK_CHECK, &error);
  if (db == NULL)
    {
      fprintf (stderr, "open: %s\n", error->message);
      return 1;
    }
  /* A share under load is slow: wait as long as a patient user would. */
  pd_database_set_lock_timeout (db, 120000);

  for (guint i = 0; i < n; i++)
    {
      Write write = { argv[3], i, NULL, last_referral, NULL };

      gboolean ok = (last_referral != 0 && i % 4 == 3) ? attach (db, &write, &error)
                                                        : pd_database_write (db, "Stress", write_cb, &write, NULL, &error);

      if (ok)
        {
          printf ("%s %s\n", write.token, write.kind);
          fflush (stdout);
          last_referral = write.referral_id;
        }
      else
        {
          fprintf (stderr, "%s\n", g_error_matches (error, PD_ERROR, PD_ERROR_LOCKED) ? "busy" : error->message);
          g_clear_error (&error);
          failures++;
        }
      g_free (write.token);
    }
  return failures == 0 ? 0 : 1;
}
