/* pd-ledger-receipts.c: this client's own record of the commits it was told succeeded */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pd-database-private.h"
#include "pd-ledger-receipts.h"

/* Enough to cover months of one person's work; older receipts are dropped. */
#define MAX_RECEIPTS 5000

void
pd_missing_commit_free (PdMissingCommit *missing)
{
  if (missing == NULL)
    return;
  g_free (missing->token);
  g_free (missing->at);
  g_free (missing->what);
  g_free (missing);
}

char *
pd_missing_commit_describe (const PdMissingCommit *missing)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (missing->at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  /* Translators: when a lost change was saved, e.g. "10:42 on 3 Mar 2026" */
  g_autofree char *when = local != NULL ? g_date_time_format (local, _("%H:%M on %-d %b %Y")) : g_strdup (missing->at);

  /* Translators: the change and when it was saved */
  return g_strdup_printf (_("Your change “%s” saved at %s is missing from the database."), missing->what, when);
}

char *
pd_ledger_receipts_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "panel-desk", "receipts", NULL);
}

void
pd_database_set_receipts_dir (PdDatabase *db,
                              const char *dir)
{
  g_return_if_fail (PD_IS_DATABASE (db));

  g_free (db->receipts_dir);
  db->receipts_dir = g_strdup (dir);
}

const char *
pd_database_get_receipts_dir (PdDatabase *db)
{
  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  return db->receipts_dir;
}

/* One file per database, named by its path, in the client's own folder. */
static char *
receipts_path (PdDatabase *db)
{
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, db->path, -1);
  g_autofree char *file = g_strconcat (name, ".receipts", NULL);

  return g_build_filename (db->receipts_dir, file, NULL);
}

/* What the change was, for the person who made it: the summary and the
 * first record it touched ("New referral: referral PRP-2026-014"). */
char *
_pd_ledger_receipts_describe (PdTransaction *tx,
                              const char    *summary)
{
  PdDatabase *db = tx->db;
  sqlite3_stmt *stmt;
  char *what = NULL;

  stmt = _pd_database_prepare (db,
                               "SELECT a.entity, a.entity_id, r.reference FROM audit_log a "
                               "LEFT JOIN referrals r ON a.entity = 'referral' AND r.id = a.entity_id "
                               "WHERE a.ledger_seq = ?1 AND a.entity IS NOT NULL ORDER BY a.id LIMIT 1;",
                               NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, tx->ledger_seq);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *entity = (const char *) sqlite3_column_text (stmt, 0);
          const char *reference = (const char *) sqlite3_column_text (stmt, 2);

          if (reference != NULL)
            what = g_strdup_printf ("%s: %s %s", summary, entity, reference);
          else
            what = g_strdup_printf ("%s: %s %" G_GINT64_FORMAT, summary, entity,
                                    (gint64) sqlite3_column_int64 (stmt, 1));
        }
      sqlite3_reset (stmt);
    }
  return what != NULL ? what : g_strdup (summary);
}

void
_pd_ledger_receipts_record (PdDatabase *db,
                            const char *token,
                            const char *at,
                            const char *what)
{
  g_autofree char *path = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *line = NULL;
  int fd;

  if (db->receipts_dir == NULL)
    return;

  if (g_mkdir_with_parents (db->receipts_dir, 0700) != 0)
    {
      g_warning ("Could not keep a receipt in %s: %s", db->receipts_dir, g_strerror (errno));
      return;
    }
  clean = g_strdup (what);
  g_strdelimit (clean, "\t\n\r", ' ');
  line = g_strdup_printf ("%s\t%s\t%s\n", token, at, clean);
  path = receipts_path (db);
  /* The commit has happened: a receipt that cannot be kept only costs the
   * check, so it is a warning, not a failed save. */
  fd = g_open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || write (fd, line, strlen (line)) != (ssize_t) strlen (line))
    g_warning ("Could not keep a receipt in %s: %s", path, g_strerror (errno));
  if (fd >= 0)
    close (fd);
}

/* Keeps the newest MAX_RECEIPTS lines; the rest were checked many times over. */
static void
prune (const char *path,
       char      **lines,
       guint       n_lines)
{
  g_autofree char *kept = NULL;

  if (n_lines <= MAX_RECEIPTS)
    return;
  kept = g_strjoinv ("\n", lines + (n_lines - MAX_RECEIPTS));
  g_file_set_contents_full (path, kept, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

GPtrArray *
pd_database_find_missing_commits (PdDatabase  *db,
                                  GError     **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_missing_commit_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  sqlite3_stmt *stmt;
  guint n_lines;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  if (db->receipts_dir == NULL)
    return g_steal_pointer (&missing);
  path = receipts_path (db);
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&missing);
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("Your receipts of saved changes cannot be read: %s"),
                   local_error->message);
      return NULL;
    }

  stmt = _pd_database_prepare (db, "SELECT 1 FROM ledger WHERE token = ?1;", error);
  if (stmt == NULL)
    return NULL;
  g_strchomp (contents);
  lines = g_strsplit (contents, "\n", -1);
  n_lines = g_strv_length (lines);
  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      int rc;

      if (g_strv_length (fields) != 3)
        continue;
      sqlite3_bind_text (stmt, 1, fields[0], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          PdMissingCommit *lost = g_new0 (PdMissingCommit, 1);

          lost->token = g_strdup (fields[0]);
          lost->at = g_strdup (fields[1]);
          lost->what = g_strdup (fields[2]);
          g_ptr_array_add (missing, lost);
        }
      else if (rc != SQLITE_ROW)
        {
          _pd_database_fail (db, rc, error);
          return NULL;
        }
    }
  prune (path, lines, n_lines);
  return g_steal_pointer (&missing);
}
