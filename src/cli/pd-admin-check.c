/* pd-admin-check.c: "check", what an administrator runs when in doubt
 *
 * It only reads, on a connection that skips the quick check at opening so a
 * damaged file can still be looked at: the schema version, the journal mode,
 * where the file lives, the integrity of every page, the foreign keys, how
 * many records there are and the commit ledger. Whatever SQLite says on the
 * way (a damaged page, "not a database") is a problem found, never a crash.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pd-admin-command.h"
#include "pd-core.h"
#include "pd-database-private.h"

#define MAX_LISTED 10

typedef struct
{
  sqlite3 *db;
  guint    problems;
} Check;

static void problem (Check      *check,
                     const char *format,
                     ...) G_GNUC_PRINTF (2, 3);

/* One line "problem: MESSAGE" on stdout, with the report. */
static void
problem (Check      *check,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (g_strstrip (message), "\r\n", ' ');
  /* Translators: a line of "panel-desk-admin check" reporting one problem */
  printf (_("problem: %s\n"), message);
  check->problems++;
}

typedef void (*RowFunc) (Check        *check,
                         sqlite3_stmt *stmt,
                         gpointer      data);

/* Runs @sql and hands each row to @row; FALSE when SQLite failed on the
 * way, which is reported as a problem. */
static gboolean
each_row (Check      *check,
          const char *what,
          const char *sql,
          RowFunc     row,
          gpointer    data)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (check->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      row (check, stmt, data);
  if (rc != SQLITE_DONE)
    /* Translators: the first %s is a step such as "integrity_check", the second SQLite's message */
    problem (check, _("%s failed: %s"), what, sqlite3_errmsg (check->db));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* The first column of the first row as an integer; -1 (and a problem) when
 * SQLite failed. */
static gint64
single_integer (Check      *check,
                const char *what,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (check->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else
    problem (check, _("%s failed: %s"), what, sqlite3_errmsg (check->db));
  sqlite3_finalize (stmt);
  return value;
}

/* ----------------------------------------------------------------- steps */

static void
check_settings (Check      *check,
                PdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  PdFilesystemKind kind;
  sqlite3_stmt *stmt = NULL;
  int version = pd_database_get_schema_version (db);
  int latest = pd_database_get_latest_schema_version ();

  /* Translators: the schema is the layout of the database's tables */
  printf (_("schema version: %d (this Panel Desk knows %d)\n"), version, latest);
  if (version > latest)
    problem (check, _("the database was made by a newer Panel Desk; update Panel Desk before using it"));

  if (sqlite3_prepare_v2 (check->db, "PRAGMA journal_mode;", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *mode = (const char *) sqlite3_column_text (stmt, 0);

      printf (_("journal mode: %s\n"), mode != NULL ? mode : "?");
      /* Panel Desk keeps the rollback journal: WAL needs shared memory,
       * which network shares cannot give. */
      if (mode != NULL && g_ascii_strcasecmp (mode, "delete") != 0)
        problem (check, _("the journal mode is “%s”, not “delete”; open the database once in Panel Desk to set it"),
                 mode);
    }
  else
    problem (check, _("%s failed: %s"), "journal_mode", sqlite3_errmsg (check->db));
  sqlite3_finalize (stmt);

  kind = pd_filesystem_kind_of (pd_database_get_path (db), &error);
  if (error != NULL)
    /* Translators: %s says why the kind of file system could not be found out */
    printf (_("file system: unknown (%s)\n"), error->message);
  else if (pd_filesystem_kind_is_network (kind))
    /* Translators: %s is a kind of file system, e.g. "SMB network share" */
    printf (_("file system: %s (a network share: keep the backups elsewhere)\n"),
            pd_filesystem_kind_to_label (kind));
  else
    printf (_("file system: %s\n"), pd_filesystem_kind_to_label (kind));
}

typedef struct
{
  guint    n_problems;
  gboolean ok;
} Listing;

/* A row of integrity_check may hold several problems, one a line, under a
 * heading ("*** in database main ***"). */
static void
integrity_row (Check        *check,
               sqlite3_stmt *stmt,
               gpointer      data)
{
  Listing *listing = data;
  const char *text = (const char *) sqlite3_column_text (stmt, 0);
  g_auto(GStrv) lines = NULL;

  if (g_strcmp0 (text, "ok") == 0)
    {
      listing->ok = TRUE;
      return;
    }

  lines = g_strsplit (text != NULL ? text : "?", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (line[0] == '\0' || g_str_has_prefix (line, "***"))
        continue;
      listing->n_problems++;
      if (listing->n_problems <= MAX_LISTED)
        problem (check, "integrity_check: %s", line);
      else
        check->problems++;
    }
}

static void
check_integrity (Check *check)
{
  Listing listing = { 0 };

  each_row (check, "integrity_check", "PRAGMA integrity_check(100);", integrity_row, &listing);
  if (listing.ok && listing.n_problems == 0)
    printf ("integrity_check: ok\n");
  else if (listing.n_problems > MAX_LISTED)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "integrity_check: %u more problem not listed\n",
                         "integrity_check: %u more problems not listed\n",
                         listing.n_problems - MAX_LISTED),
            listing.n_problems - MAX_LISTED);
}

static void
foreign_key_row (Check        *check,
                 sqlite3_stmt *stmt,
                 gpointer      data)
{
  Listing *listing = data;
  const char *table = (const char *) sqlite3_column_text (stmt, 0);
  const char *parent = (const char *) sqlite3_column_text (stmt, 2);

  listing->n_problems++;
  if (listing->n_problems <= MAX_LISTED)
    /* Translators: row %lld of table %s refers to a missing row of table %s */
    problem (check, _("foreign_key_check: row %lld of “%s” refers to a missing row of “%s”"),
             (long long) sqlite3_column_int64 (stmt, 1),
             table != NULL ? table : "?", parent != NULL ? parent : "?");
  else
    check->problems++;
}

static void
check_foreign_keys (Check *check)
{
  Listing listing = { 0 };

  if (!each_row (check, "foreign_key_check", "PRAGMA foreign_key_check;", foreign_key_row, &listing))
    return;
  if (listing.n_problems == 0)
    printf ("foreign_key_check: ok\n");
  else if (listing.n_problems > MAX_LISTED)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "foreign_key_check: %u more problem not listed\n",
                         "foreign_key_check: %u more problems not listed\n",
                         listing.n_problems - MAX_LISTED),
            listing.n_problems - MAX_LISTED);
}

/* "referrals: 30": the table names, so scripts can read them. */
static void
check_counts (Check *check)
{
  static const char *tables[] = { "people", "referrals", "meetings", "agenda_items",
                                  "decisions", "documents", "audit_log" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *what = g_strdup_printf ("count(%s)", tables[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s;", tables[i]);
      gint64 n = single_integer (check, what, sql);

      if (n >= 0)
        printf ("%s: %" G_GINT64_FORMAT "\n", tables[i], n);
    }
}

/* Every write transaction adds one ledger entry with a unique token and at
 * least one audit row, in the same transaction; the sequence has no holes,
 * since a rolled-back write takes its number back with it. */
static void
check_ledger (Check *check)
{
  gint64 n, first, last, counter, duplicates, without_audit, orphans;

  n = single_integer (check, "ledger", "SELECT count(*) FROM ledger;");
  first = single_integer (check, "ledger", "SELECT coalesce(min(seq), 0) FROM ledger;");
  last = single_integer (check, "ledger", "SELECT coalesce(max(seq), 0) FROM ledger;");
  if (n < 0 || first < 0 || last < 0)
    return;

  /* Translators: "ledger: 7 entries, seq 1..7"; the ledger holds one entry per saved change */
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "ledger: %" G_GINT64_FORMAT " entry, seq %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT "\n",
                       "ledger: %" G_GINT64_FORMAT " entries, seq %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT "\n",
                       (gulong) n),
          n, first, last);

  if (n > 0 && last - first + 1 != n)
    problem (check, _("ledger: %" G_GINT64_FORMAT " entries between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT " are missing"),
             last - first + 1 - n, first, last);

  counter = single_integer (check, "ledger",
                            "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'ledger'), 0);");
  if (counter >= 0 && counter != last)
    problem (check, _("ledger: the last entry is %" G_GINT64_FORMAT " but SQLite counted to %" G_GINT64_FORMAT
                      " (entries were lost or removed)"),
             last, counter);

  /* Read from the table itself, not from the index that should keep them unique. */
  duplicates = single_integer (check, "ledger",
                               "SELECT count(*) FROM (SELECT token FROM ledger NOT INDEXED "
                               "GROUP BY token HAVING count(*) > 1);");
  if (duplicates > 0)
    problem (check, g_dngettext (GETTEXT_PACKAGE,
                                 "ledger: %" G_GINT64_FORMAT " token is used by more than one entry",
                                 "ledger: %" G_GINT64_FORMAT " tokens are used by more than one entry",
                                 (gulong) duplicates),
             duplicates);

  orphans = single_integer (check, "audit_log",
                            "SELECT count(*) FROM audit_log a WHERE NOT EXISTS "
                            "(SELECT 1 FROM ledger l WHERE l.seq = a.ledger_seq);");
  if (orphans > 0)
    problem (check, g_dngettext (GETTEXT_PACKAGE,
                                 "audit_log: %" G_GINT64_FORMAT " record belongs to no ledger entry",
                                 "audit_log: %" G_GINT64_FORMAT " records belong to no ledger entry",
                                 (gulong) orphans),
             orphans);

  without_audit = single_integer (check, "ledger",
                                  "SELECT count(*) FROM ledger l WHERE NOT EXISTS "
                                  "(SELECT 1 FROM audit_log a WHERE a.ledger_seq = l.seq);");
  if (without_audit > 0)
    problem (check, g_dngettext (GETTEXT_PACKAGE,
                                 "ledger: %" G_GINT64_FORMAT " entry has no audit record",
                                 "ledger: %" G_GINT64_FORMAT " entries have no audit record",
                                 (gulong) without_audit),
             without_audit);
}

/* The receipts this user's Panel Desk kept of the commits it made: each
 * one the ledger no longer has is a change the share lost. */
static void
check_receipts (Check      *check,
                PdDatabase *db)
{
  g_autofree char *dir = pd_ledger_receipts_default_dir ();
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;

  pd_database_set_receipts_dir (db, dir);
  missing = pd_database_find_missing_commits (db, &error);
  if (missing == NULL)
    {
      problem (check, "%s", error->message);
      return;
    }
  /* Translators: "receipts: 0 of your saved changes missing"; a receipt is kept for each change saved */
  printf (_("receipts: %u of your saved changes missing\n"), missing->len);
  for (guint i = 0; i < missing->len; i++)
    {
      g_autofree char *message = pd_missing_commit_describe (g_ptr_array_index (missing, i));

      problem (check, "%s", message);
    }
}

/* Every signed decision's content, signature and place in the hash chain;
 * with --receipts, the chair's receipts too. */
static void
check_signatures (Check       *check,
                  PdDatabase  *db,
                  const char  *receipts_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  guint n[PD_SIGNATURE_ALTERED + 1] = { 0 };

  if (pd_database_get_schema_version (db) < 4)
    return;

  checks = pd_signing_verify_all (db, &error);
  if (checks == NULL)
    {
      problem (check, _("%s failed: %s"), "signatures", error->message);
      return;
    }
  for (guint i = 0; i < checks->len; i++)
    {
      PdSignatureCheck *result = g_ptr_array_index (checks, i);

      n[result->state]++;
      if (result->state == PD_SIGNATURE_ALTERED)
        problem (check, "%s", result->message);
      else if (result->state == PD_SIGNATURE_KEY_UNCONFIRMED)
        /* Translators: a line of "check" that is not a problem, e.g. a key awaiting confirmation */
        printf (_("note: %s\n"), result->message);
    }
  /* Translators: "signatures: 27 verified, 0 with a key awaiting confirmation, 31 not signed, 0 altered" */
  printf (_("signatures: %u verified, %u with a key awaiting confirmation, %u not signed, %u altered\n"),
          n[PD_SIGNATURE_VERIFIED], n[PD_SIGNATURE_KEY_UNCONFIRMED], n[PD_SIGNATURE_UNSIGNED],
          n[PD_SIGNATURE_ALTERED]);

  if (receipts_dir != NULL)
    {
      g_autoptr(GPtrArray) mismatches = NULL;
      guint n_receipts = 0;

      mismatches = pd_signature_receipts_check (db, receipts_dir, &n_receipts, &error);
      if (mismatches == NULL)
        {
          problem (check, _("%s failed: %s"), "receipts", error->message);
          return;
        }
      for (guint i = 0; i < mismatches->len; i++)
        problem (check, "%s", ((PdSignatureCheck *) g_ptr_array_index (mismatches, i))->message);
      printf (_("receipts: %u compared, %u no longer matching\n"), n_receipts, mismatches->len);
    }
}

static void
attachment_problem (gint64        document_id,
                    const char   *title,
                    const char   *path,
                    const GError *error,
                    gpointer      data)
{
  Check *check = data;

  if (error->code == PD_ERROR_FILE_ALTERED)
    /* Translators: "check" found an attachment changed since it was attached */
    problem (check, _("document %" G_GINT64_FORMAT " “%s”: its file has been altered (%s)"),
             document_id, title, path);
  else if (error->code == PD_ERROR_FILE_MISSING)
    problem (check, _("document %" G_GINT64_FORMAT " “%s”: its file is missing (%s)"),
             document_id, title, path);
  else
    problem (check, _("document %" G_GINT64_FORMAT " “%s”: %s"), document_id, title, error->message);
}

/* Every attachment's file is there and still has its SHA-256. */
static void
check_attachments (Check      *check,
                   PdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  guint before = check->problems;
  gint64 n;

  n = pd_attachment_store_check (db, attachment_problem, check, NULL, &error);
  if (n < 0)
    {
      problem (check, _("%s failed: %s"), "attachments", error->message);
      return;
    }
  /* Translators: "attachments: 12 checked, 1 missing or altered" */
  printf (_("attachments: %" G_GINT64_FORMAT " checked, %u missing or altered\n"), n, check->problems - before);

  /* The text index is derived data: how far it got is worth knowing, not a problem. */
  if (pd_database_get_schema_version (db) >= 5)
    {
      gint64 done = 0, total = 0;
      guint pending = 0;
      gint64 failed = single_integer (check, "document_extraction",
                                      "SELECT count(*) FROM document_extraction WHERE state = 'failed';");

      if (pd_fulltext_get_progress (db, &done, &total, &pending, NULL))
        /* Translators: "text index: 120 of 130 pages extracted, 1 document waiting, 0 unreadable" */
        printf (_("text index: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " pages extracted, %u documents waiting "
                  "(panel-desk-admin index), %" G_GINT64_FORMAT " could not be read\n"),
                done, total, pending, MAX (failed, 0));
    }
}

static int
report (Check *check)
{
  if (check->problems == 0)
    {
      printf (_("All is well.\n"));
      return PD_ADMIN_EXIT_OK;
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "%u problem found.\n", "%u problems found.\n", check->problems),
          check->problems);
  return PD_ADMIN_EXIT_FAILED;
}

int
pd_admin_check (int    argc,
                char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *receipts_dir = NULL;
  Check check = { 0 };
  int code;
  const GOptionEntry entries[] = {
    { "receipts", 0, 0, G_OPTION_ARG_FILENAME, &receipts_dir,
      N_("Also compare the signature receipts a chair's Panel Desk keeps in DIR (their key folder)"), N_("DIR") },
    { NULL }
  };

  if (!pd_admin_parse ("check", entries, &argc, &argv, 1, &code))
    return code;

  /* Translators: %s is a database file */
  printf (_("Checking “%s”\n"), argv[1]);

  /* Read-only; the full integrity check below replaces the quick one. */
  db = pd_database_open (argv[1], PD_OPEN_READ_ONLY | PD_OPEN_SKIP_QUICK_CHECK, &error);
  if (db == NULL)
    {
      problem (&check, "%s", error->message);
      return report (&check);
    }
  check.db = _pd_database_get_handle (db);

  check_settings (&check, db);
  check_integrity (&check);
  check_foreign_keys (&check);
  check_counts (&check);
  check_ledger (&check);
  check_receipts (&check, db);
  check_signatures (&check, db, receipts_dir);
  check_attachments (&check, db);

  return report (&check);
}
