/* pd-publication.c: the publication register of reports
 *
 * Boards publish overview reports and their responses and keep them on
 * their website for at least twelve months; some are delayed by parallel
 * proceedings (a trial) or withheld to protect a child's identity. One row
 * a document, changed through pd_database_write() with before and after in
 * the audit log.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-document.h"
#include "pd-publication.h"

static const struct { const char *id; const char *label; } statuses[] = {
  { "not_published",       N_("Not published") },
  { "published",           N_("Published") },
  { "taken_down",          N_("Taken down") },
  { "on_request",          N_("Available on request") },
  { "delayed_proceedings", N_("Delayed by parallel proceedings") },
  { "withheld_identity",   N_("Withheld to protect identity") },
};

static const char *published_kinds[] = {
  "overview_report", "executive_summary", "board_response", "learning_bulletin",
};

void
pd_publication_free (PdPublication *publication)
{
  if (publication == NULL)
    return;
  g_free (publication->status);
  g_free (publication->published_on);
  g_free (publication->website_until);
  g_free (publication->note);
  g_free (publication->updated_at);
  g_free (publication);
}

const char *const *
pd_publication_statuses (void)
{
  static const char *ids[G_N_ELEMENTS (statuses) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
      ids[i] = statuses[i].id;
  return ids;
}

const char *
pd_publication_status_to_label (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (status, statuses[i].id) == 0)
      return _(statuses[i].label);
  return status;
}

gboolean
pd_publication_status_is_valid (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (status, statuses[i].id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
pd_publication_kind_is_published (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (published_kinds); i++)
    if (g_strcmp0 (kind, published_kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

static GDate *
parse_date (const char *text)
{
  int y, m, d;
  char end;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

static char *
format_date (GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
pd_publication_window_end (const char *published_on)
{
  GDate *date = parse_date (published_on);
  char *end;

  if (date == NULL)
    return NULL;
  /* 29 February moves to 28 February: the window is never shorter. */
  g_date_add_months (date, PD_PUBLICATION_WINDOW_MONTHS);
  end = format_date (date);
  g_date_free (date);
  return end;
}

PdPublication *
pd_publication_load (PdDatabase  *db,
                     gint64       document_id,
                     GError     **error)
{
  g_autoptr(PdDocument) document = NULL;
  PdPublication *publication;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  document = pd_document_load (db, document_id, error);
  if (document == NULL)
    return NULL;
  if (!pd_publication_kind_is_published (pd_document_get_kind (document)))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("A %s is not published, so it has no publication details."),
                   pd_document_kind_to_label (pd_document_get_kind (document)));
      return NULL;
    }

  stmt = _pd_database_prepare (db,
                               "SELECT status, published_on, website_until, note, updated_at "
                               "FROM publications WHERE document_id = ?1;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  publication = g_new0 (PdPublication, 1);
  publication->document_id = document_id;
  if (rc == SQLITE_ROW)
    {
      publication->status = _pd_column_dup (stmt, 0);
      publication->published_on = _pd_column_dup (stmt, 1);
      publication->website_until = _pd_column_dup (stmt, 2);
      publication->note = _pd_column_dup (stmt, 3);
      publication->updated_at = _pd_column_dup (stmt, 4);
    }
  else
    {
      publication->status = g_strdup ("not_published");
      publication->published_on = g_strdup ("");
      publication->website_until = g_strdup ("");
      publication->note = g_strdup ("");
      publication->updated_at = g_strdup ("");
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      pd_publication_free (publication);
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return publication;
}

typedef struct
{
  gint64      document_id;
  const char *status;
  const char *published_on;
  const char *website_until;
  const char *note;
} Save;

static gboolean
save_row (PdTransaction  *tx,
          gpointer        data,
          GError        **error)
{
  Save *save = data;
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _pd_database_prepare (db, "SELECT id FROM publications WHERE document_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, save->document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0)
    {
      before = pd_transaction_row_json (tx, "publications", id, error);
      if (before == NULL)
        return FALSE;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO publications (document_id, status, published_on, website_until, note, "
                               "  updated_by, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM people WHERE login_name = ?6), ?7) "
                               "ON CONFLICT (document_id) DO UPDATE SET status = excluded.status, "
                               "  published_on = excluded.published_on, website_until = excluded.website_until, "
                               "  note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at "
                               "RETURNING id;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, save->document_id);
  sqlite3_bind_text (stmt, 2, save->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, save->published_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, save->website_until, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, save->note, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, pd_database_get_login_name (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  after = pd_transaction_row_json (tx, "publications", id, error);
  return after != NULL &&
         pd_transaction_audit (tx, "publication", id, before != NULL ? "update" : "create", before, after, error);
}

gboolean
pd_publication_save (PdDatabase  *db,
                     gint64       document_id,
                     const char  *status,
                     const char  *published_on,
                     const char  *website_until,
                     const char  *note,
                     GError     **error)
{
  g_autoptr(PdPublication) current = NULL;
  g_autofree char *window_end = NULL;
  g_autofree char *until = NULL;
  g_autofree char *summary = NULL;
  gboolean needs_date;
  Save save;

  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  if (!pd_publication_status_is_valid (status))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("“%s” is not a publication status."), status ? status : "");
      return FALSE;
    }
  /* Checks the document is a report, and that it is still there. */
  current = pd_publication_load (db, document_id, error);
  if (current == NULL)
    return FALSE;

  published_on = published_on != NULL ? published_on : "";
  website_until = website_until != NULL ? website_until : "";
  needs_date = g_str_equal (status, "published") || g_str_equal (status, "taken_down") ||
               g_str_equal (status, "on_request");
  if (*published_on != '\0')
    {
      window_end = pd_publication_window_end (published_on);
      if (window_end == NULL)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("The publication date “%s” is not a date; write it as YYYY-MM-DD."), published_on);
          return FALSE;
        }
    }
  else if (needs_date)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("A report that is “%s” needs its publication date."),
                   pd_publication_status_to_label (status));
      return FALSE;
    }

  if (*website_until != '\0')
    {
      GDate *date = parse_date (website_until);

      if (date == NULL)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("The end of the website window “%s” is not a date; write it as YYYY-MM-DD."), website_until);
          return FALSE;
        }
      g_date_free (date);
      if (*published_on == '\0')
        {
          g_set_error_literal (error, PD_ERROR, PD_ERROR_INVALID,
                               _("The end of the website window needs a publication date."));
          return FALSE;
        }
      /* Dates as YYYY-MM-DD compare as text. */
      if (strcmp (website_until, window_end) < 0 && !g_str_equal (status, "taken_down"))
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("A report stays on the website for at least twelve months: until %s or later."), window_end);
          return FALSE;
        }
      until = g_strdup (website_until);
    }
  else
    until = g_strdup (window_end != NULL ? window_end : "");

  save = (Save) { document_id, status, published_on, until, note != NULL ? note : "" };
  /* Translators: the summary of a change in the audit log */
  summary = g_strdup_printf (_("Record the publication of document %" G_GINT64_FORMAT), document_id);
  return pd_database_write (db, summary, save_row, &save, NULL, error);
}
