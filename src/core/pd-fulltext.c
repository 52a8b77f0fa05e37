/* pd-fulltext.c: extracting the text of attached PDFs and searching it
 *
 * Extraction is derived data, so it may take its time: it runs on its own
 * connection (any thread), reads a page's text with poppler, and commits a
 * batch of pages together with how far it got (document_extraction), so
 * the index and the mark of progress never disagree and an interrupted run
 * carries on where it stopped. Each batch is a short write through
 * pd_database_write(); the lock is never held while poppler reads.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "pd-attachment-store.h"
#include "pd-database-private.h"
#include "pd-document.h"
#include "pd-fulltext.h"
#include "pd-fulltext-private.h"

/* A batch is one commit, with its ledger entry and lock: large enough not
 * to flood the ledger on a share, small enough to resume close by. */
#define BATCH_PAGES   32
#define BATCH_USEC    (2 * G_USEC_PER_SEC)

static guint batch_pages = BATCH_PAGES;

void
_pd_fulltext_set_batch_pages (guint pages)
{
  batch_pages = pages > 0 ? pages : BATCH_PAGES;
}

void
pd_fulltext_hit_free (PdFulltextHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->kind);
  g_free (hit->snippet);
  g_free (hit);
}

/* ----------------------------------------------------------------- search */

static void
append_phrase (GString    *query,
               const char *start,
               gsize       length,
               gboolean    prefix)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');
  g_string_append_c (query, '"');
  for (gsize i = 0; i < length; i++)
    {
      /* Inside an FTS5 string a quote is written twice. */
      if (start[i] == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, start[i]);
    }
  g_string_append_c (query, '"');
  if (prefix)
    g_string_append_c (query, '*');
}

static gboolean
has_word (const char *start,
          gsize       length)
{
  for (const char *p = start; p < start + length; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

char *
pd_fulltext_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  const char *p = text;
  const char *last_start = NULL;
  gsize last_length = 0;

  if (text == NULL)
    return NULL;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      if (*p == '"')
        {
          /* A phrase the user quoted: matched as it is, never as a prefix. */
          start = ++p;
          while (*p != '\0' && *p != '"')
            p++;
          if (has_word (start, p - start))
            {
              if (last_start != NULL)
                append_phrase (query, last_start, last_length, FALSE);
              last_start = NULL;
              append_phrase (query, start, p - start, FALSE);
            }
          if (*p == '"')
            p++;
          continue;
        }
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p) && *p != '"')
        p++;
      if (!has_word (start, p - start))
        continue;
      if (last_start != NULL)
        append_phrase (query, last_start, last_length, FALSE);
      last_start = start;
      last_length = p - start;
    }
  /* The word being typed also matches as the start of a longer one. */
  if (last_start != NULL)
    append_phrase (query, last_start, last_length, TRUE);

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

GPtrArray *
pd_fulltext_search (PdDatabase  *db,
                    const char  *text,
                    guint        limit,
                    GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_fulltext_hit_free);
  g_autofree char *query = pd_fulltext_query_from_text (text);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  if (query == NULL)
    return g_steal_pointer (&hits);

  stmt = _pd_database_prepare (db,
                               "SELECT f.document_id, f.page_index, d.title, d.kind, "
                               "       snippet(document_pages_fts, 0, '" PD_FULLTEXT_MATCH_START "', '"
                               PD_FULLTEXT_MATCH_END "', '…', 16) "
                               "FROM document_pages_fts f JOIN documents d ON d.id = f.document_id "
                               "WHERE document_pages_fts MATCH ?1 ORDER BY rank LIMIT ?2;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdFulltextHit *hit = g_new0 (PdFulltextHit, 1);

      hit->document_id = sqlite3_column_int64 (stmt, 0);
      hit->page_index = sqlite3_column_int (stmt, 1);
      hit->title = _pd_column_dup (stmt, 2);
      hit->kind = _pd_column_dup (stmt, 3);
      hit->snippet = _pd_column_dup (stmt, 4);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}

static char *
snippet_convert (const char *snippet,
                 gboolean    markup)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;

  if (snippet == NULL)
    return g_strdup ("");
  /* Page text keeps its line breaks; a snippet reads as one line. */
  parts = g_strsplit_set (snippet, "\x02\x03", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = markup ? g_markup_escape_text (parts[i], -1) : g_strdup (parts[i]);

      g_strdelimit (escaped, "\r\n\t", ' ');
      /* Odd parts lie between a start and an end mark. */
      if (markup && i % 2 == 1)
        g_string_append_printf (out, "<b>%s</b>", escaped);
      else
        g_string_append (out, escaped);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
pd_fulltext_snippet_to_markup (const char *snippet)
{
  return snippet_convert (snippet, TRUE);
}

char *
pd_fulltext_snippet_to_plain (const char *snippet)
{
  return snippet_convert (snippet, FALSE);
}

gboolean
pd_fulltext_get_progress (PdDatabase  *db,
                          gint64      *out_pages_done,
                          gint64      *out_pages_total,
                          guint       *out_documents_pending,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  stmt = _pd_database_prepare (db,
                               "SELECT coalesce(sum(CASE WHEN state = 'pending' THEN pages_done ELSE page_count END), 0), "
                               "       coalesce(sum(page_count), 0), "
                               "       count(*) FILTER (WHERE state = 'pending') "
                               "FROM document_extraction;",
                               error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_pages_done != NULL)
        *out_pages_done = sqlite3_column_int64 (stmt, 0);
      if (out_pages_total != NULL)
        *out_pages_total = sqlite3_column_int64 (stmt, 1);
      if (out_documents_pending != NULL)
        *out_documents_pending = (guint) sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _pd_database_fail (db, rc, error);
  return TRUE;
}

/* ------------------------------------------------------------- extraction */

typedef struct
{
  gint64      document_id;
  int         first_page;   /* pages_done when the batch began */
  GPtrArray  *texts;        /* of the pages first_page, first_page + 1, ... */
  int         page_count;
  const char *state;        /* NULL: still pending; "done" or "failed" */
  const char *error;
} Batch;

static gboolean
write_batch (PdTransaction  *tx,
             gpointer        data,
             GError        **error)
{
  Batch *batch = data;
  PdDatabase *db = pd_transaction_get_database (tx);
  sqlite3_stmt *stmt;
  int rc;

  /* Only where this run left it: a second extractor (another machine)
   * that got there first wins, and this batch adds nothing twice. */
  stmt = _pd_database_prepare (db,
                               "UPDATE document_extraction "
                               "SET pages_done = ?2, page_count = ?3, state = coalesce(?4, state), error = coalesce(?5, error) "
                               "WHERE document_id = ?1 AND pages_done = ?6 AND state = 'pending';",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->document_id);
  sqlite3_bind_int (stmt, 2, batch->first_page + (int) batch->texts->len);
  sqlite3_bind_int (stmt, 3, batch->page_count);
  _pd_bind_text (stmt, 4, batch->state);
  _pd_bind_text (stmt, 5, batch->error);
  sqlite3_bind_int (stmt, 6, batch->first_page);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  if (sqlite3_changes (_pd_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_CONFLICT,
                           _("Another copy of Panel Desk is already indexing this document."));
      return FALSE;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO document_pages_fts (text, document_id, page_index) VALUES (?1, ?2, ?3);",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < batch->texts->len; i++)
    {
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (batch->texts, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, batch->document_id);
      sqlite3_bind_int (stmt, 3, batch->first_page + (int) i);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _pd_database_fail (db, rc, error);
    }
  return TRUE;
}

static gboolean
commit_batch (PdDatabase  *db,
              Batch       *batch,
              GError     **error)
{
  gboolean ok = pd_database_write (db, _("Index the text of a document"), write_batch, batch, NULL, error);

  batch->first_page += (int) batch->texts->len;
  g_ptr_array_set_size (batch->texts, 0);
  return ok;
}

typedef struct
{
  gint64  id;
  int     pages_done;
  char   *sha256;
  char   *filename;
} Pending;

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  g_free (pending->sha256);
  g_free (pending->filename);
}

static GArray *
list_pending (PdDatabase  *db,
              GError     **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (Pending));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (list, pending_clear);
  stmt = _pd_database_prepare (db,
                               "SELECT e.document_id, e.pages_done, d.sha256, d.filename "
                               "FROM document_extraction e JOIN documents d ON d.id = e.document_id "
                               "WHERE e.state = 'pending' ORDER BY e.document_id;",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Pending pending = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int (stmt, 1),
        _pd_column_dup (stmt, 2),
        _pd_column_dup (stmt, 3),
      };

      g_array_append_val (list, pending);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static void
report_progress (PdDatabase             *db,
                 PdFulltextProgressFunc  progress,
                 gpointer                user_data)
{
  gint64 done = 0, total = 0;

  if (progress != NULL && pd_fulltext_get_progress (db, &done, &total, NULL, NULL))
    progress (done, total, user_data);
}

/* One document, from where it stopped. FALSE only for what should stop the
 * whole run (cancelled, the database failing); a bad file is marked. */
static gboolean
extract_document (PdDatabase             *db,
                  const char             *store_dir,
                  Pending                *pending,
                  PdFulltextProgressFunc  progress,
                  gpointer                user_data,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = pd_attachment_store_path_for (store_dir, pending->sha256, pending->filename);
  g_autoptr(GObject) document_ref = NULL;  /* poppler 22.12 has no autoptr of its own */
  PopplerDocument *document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) problem = NULL;
  g_autoptr(GError) local_error = NULL;
  Batch batch = { pending->id, pending->pages_done, texts, 0, NULL, NULL };
  gint64 batch_start;

  /* Text from an altered file must not be found as if it were the report. */
  if (pd_attachment_store_verify_file (path, pending->sha256, cancellable, &problem))
    {
      file = g_file_new_for_path (path);
      document = poppler_document_new_from_gfile (file, NULL, cancellable, &problem);
      document_ref = (GObject *) document;
    }
  if (g_error_matches (problem, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&problem));
      return FALSE;
    }
  if (document == NULL)
    {
      batch.state = "failed";
      batch.error = problem->message;
      if (!commit_batch (db, &batch, &local_error) &&
          !g_error_matches (local_error, PD_ERROR, PD_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  batch.page_count = poppler_document_get_n_pages (document);
  batch_start = g_get_monotonic_time ();
  for (int i = pending->pages_done; i < batch.page_count; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      char *text = page != NULL ? poppler_page_get_text (page) : NULL;

      g_clear_object (&page);

      g_ptr_array_add (texts, text != NULL ? text : g_strdup (""));
      if (i + 1 == batch.page_count)
        batch.state = "done";
      if (i + 1 == batch.page_count || texts->len >= batch_pages ||
          g_get_monotonic_time () - batch_start > BATCH_USEC)
        {
          if (!commit_batch (db, &batch, &local_error))
            {
              /* Someone else is indexing it: leave it to them. */
              if (g_error_matches (local_error, PD_ERROR, PD_ERROR_CONFLICT))
                return TRUE;
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          report_progress (db, progress, user_data);
          batch_start = g_get_monotonic_time ();
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (batch.page_count == 0)
    {
      batch.state = "done";
      if (!commit_batch (db, &batch, &local_error) &&
          !g_error_matches (local_error, PD_ERROR, PD_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
pd_fulltext_extract (const char             *database_path,
                     PdFulltextProgressFunc  progress,
                     gpointer                user_data,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GArray) pending = NULL;
  g_autofree char *store_dir = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);

  db = pd_database_open (database_path, PD_OPEN_SKIP_QUICK_CHECK, error);
  if (db == NULL)
    return FALSE;
  pending = list_pending (db, error);
  if (pending == NULL)
    return FALSE;
  store_dir = pd_attachment_store_dir (db);
  report_progress (db, progress, user_data);
  for (guint i = 0; i < pending->len; i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
        !extract_document (db, store_dir, &g_array_index (pending, Pending, i),
                           progress, user_data, cancellable, error))
      return FALSE;
  return TRUE;
}
