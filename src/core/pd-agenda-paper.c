/* pd-agenda-paper.c: the papers of an agenda item, their files and their state */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-agenda-paper.h"
#include "pd-attachment-store.h"
#include "pd-agenda-private.h"
#include "pd-database-private.h"
#include "pd-document.h"

void
pd_agenda_paper_free (PdAgendaPaper *paper)
{
  if (paper == NULL)
    return;
  g_free (paper->title);
  g_free (paper->filename);
  g_free (paper->media_type);
  g_free (paper->sha256);
  g_free (paper->attached_at);
  g_free (paper->path);
  g_free (paper);
}

static gboolean
looks_like_pdf (const char *media_type,
                const char *filename)
{
  return g_strcmp0 (media_type, "application/pdf") == 0 ||
         (filename != NULL && g_str_has_suffix (filename, ".pdf")) ||
         (filename != NULL && g_str_has_suffix (filename, ".PDF"));
}

GPtrArray *
pd_agenda_paper_list (PdDatabase  *db,
                      gint64       meeting_id,
                      gint64       agenda_item_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) papers = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_agenda_paper_free);
  g_autofree char *store_dir = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  store_dir = pd_document_store_dir_for (pd_database_get_path (db));
  stmt = _pd_database_prepare (db,
                               "SELECT d.id, d.agenda_item_id, d.title, d.filename, d.media_type, d.sha256, "
                               "       coalesce(d.page_count, -1), d.attached_at, "
                               "       m.agenda_published_at IS NOT NULL AND "
                               "         (d.attached_at > m.agenda_published_at OR "
                               "          EXISTS (SELECT 1 FROM late_papers l WHERE l.document_id = d.id)) "
                               "FROM documents d JOIN agenda_items a ON a.id = d.agenda_item_id "
                               "JOIN meetings m ON m.id = a.meeting_id "
                               "WHERE a.withdrawn_at IS NULL AND "
                               "  ((?2 > 0 AND a.id = ?2) OR (?2 <= 0 AND a.meeting_id = ?1)) "
                               "ORDER BY a.position, d.attached_at, d.id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, agenda_item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdAgendaPaper *paper = g_new0 (PdAgendaPaper, 1);

      paper->document_id = sqlite3_column_int64 (stmt, 0);
      paper->agenda_item_id = sqlite3_column_int64 (stmt, 1);
      paper->title = _pd_column_dup (stmt, 2);
      paper->filename = _pd_column_dup (stmt, 3);
      paper->media_type = _pd_column_dup (stmt, 4);
      paper->sha256 = g_ascii_strdown ((const char *) sqlite3_column_text (stmt, 5), -1);
      paper->page_count = sqlite3_column_int (stmt, 6);
      paper->attached_at = _pd_column_dup (stmt, 7);
      paper->is_late = sqlite3_column_int (stmt, 8) != 0;
      paper->is_pdf = looks_like_pdf (paper->media_type, paper->filename);
      /* Where the store put it: the same rule, never a path of its own making. */
      paper->path = pd_attachment_store_path_for (store_dir, paper->sha256, paper->filename);
      g_ptr_array_add (papers, paper);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&papers);
}

char *
pd_agenda_paper_open (PdDatabase    *db,
                      gint64         meeting_id,
                      gint64         agenda_item_id,
                      gint64         document_id,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) papers = pd_agenda_paper_list (db, meeting_id, agenda_item_id, error);

  if (papers == NULL)
    return NULL;
  for (guint i = 0; i < papers->len; i++)
    if (((PdAgendaPaper *) g_ptr_array_index (papers, i))->document_id == document_id)
      return pd_attachment_store_open (db, document_id, cancellable, error);
  g_set_error_literal (error, PD_ERROR, PD_ERROR_NO_RECORD, _("This paper is no longer on the agenda."));
  return NULL;
}

gboolean
pd_agenda_paper_verify (const PdAgendaPaper  *paper,
                        PdPaperState         *out_state,
                        GBytes              **out_contents,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  const guint8 *data;
  gsize length;

  g_return_val_if_fail (paper != NULL && out_state != NULL, FALSE);

  if (out_contents != NULL)
    *out_contents = NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  file = g_file_new_for_path (paper->path);
  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *out_state = PD_PAPER_MISSING;
          return TRUE;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The paper “%s” could not be read: %s"),
                   paper->title, local_error->message);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, data, length);
  *out_state = g_strcmp0 (g_checksum_get_string (checksum), paper->sha256) == 0 ? PD_PAPER_OK
                                                                                 : PD_PAPER_ALTERED;
  if (*out_state == PD_PAPER_OK && out_contents != NULL)
    *out_contents = g_steal_pointer (&bytes);
  return TRUE;
}

static gboolean
set_link (PdTransaction  *tx,
          gint64          document_id,
          gint64          agenda_item_id,
          gint64          meeting_id,
          const char     *action,
          GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  int rc;

  before = pd_transaction_row_json (tx, "documents", document_id, error);
  if (before == NULL)
    return FALSE;
  stmt = _pd_database_prepare (db,
                               "UPDATE documents SET agenda_item_id = ?2, "
                               "  meeting_id = CASE WHEN ?3 > 0 THEN ?3 ELSE meeting_id END WHERE id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (agenda_item_id > 0)
    sqlite3_bind_int64 (stmt, 2, agenda_item_id);
  sqlite3_bind_int64 (stmt, 3, meeting_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  after = pd_transaction_row_json (tx, "documents", document_id, error);
  return after != NULL && pd_transaction_audit (tx, "document", document_id, action, before, after, error);
}

static gboolean
item_of_document (PdDatabase  *db,
                  gint64       document_id,
                  gint64      *out_item_id,
                  gint64      *out_meeting_id,
                  char       **out_title,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (db,
                               "SELECT coalesce(d.agenda_item_id, 0), coalesce(a.meeting_id, 0), d.title "
                               "FROM documents d LEFT JOIN agenda_items a ON a.id = d.agenda_item_id "
                               "WHERE d.id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_item_id = sqlite3_column_int64 (stmt, 0);
      *out_meeting_id = sqlite3_column_int64 (stmt, 1);
      *out_title = _pd_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("The document was not found; someone may have deleted it."));
      return FALSE;
    }
  return rc == SQLITE_ROW || _pd_database_fail (db, rc, error);
}

gboolean
pd_agenda_paper_attach (PdTransaction  *tx,
                        gint64          agenda_item_id,
                        gint64          document_id,
                        GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *title = NULL;
  g_autofree char *now = _pd_now_iso8601 ();
  gint64 old_item = 0, old_meeting = 0, meeting_id = 0;
  gboolean frozen = FALSE, withdrawn = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  if (!item_of_document (db, document_id, &old_item, &old_meeting, &title, error))
    return FALSE;
  if (old_item == agenda_item_id)
    return TRUE;

  stmt = _pd_database_prepare (db,
                               "SELECT meeting_id, withdrawn_at IS NOT NULL FROM agenda_items WHERE id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agenda_item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      meeting_id = sqlite3_column_int64 (stmt, 0);
      withdrawn = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || withdrawn)
    {
      g_set_error (error, PD_ERROR, rc == SQLITE_DONE ? PD_ERROR_NO_RECORD : PD_ERROR_INVALID,
                   rc == SQLITE_DONE ? _("The agenda item was not found; someone may have removed it.")
                                     : _("The item was withdrawn from the agenda; papers cannot be added to it."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _pd_database_fail (db, rc, error);
  if (old_item > 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("“%s” is already a paper for another agenda item; take it off that item first."),
                   title);
      return FALSE;
    }

  if (!_pd_agenda_meeting_is_frozen (db, meeting_id, &frozen, error) ||
      !set_link (tx, document_id, agenda_item_id, meeting_id, "attach_to_item", error))
    return FALSE;
  if (frozen)
    {
      g_autofree char *what = g_strdup_printf (_("Late paper added: %s"), title);

      stmt = _pd_database_prepare (db,
                                   "INSERT OR REPLACE INTO late_papers (document_id, agenda_item_id, marked_at) "
                                   "VALUES (?1, ?2, ?3);",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, agenda_item_id);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _pd_database_fail (db, rc, error);
      return _pd_agenda_record_change (tx, meeting_id, agenda_item_id, what, _("Late paper"), error);
    }
  return TRUE;
}

gboolean
pd_agenda_paper_detach (PdTransaction  *tx,
                        gint64          document_id,
                        const char     *reason,
                        GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *title = NULL;
  gint64 item_id = 0, meeting_id = 0;
  gboolean frozen = FALSE;

  if (!item_of_document (db, document_id, &item_id, &meeting_id, &title, error))
    return FALSE;
  if (item_id == 0)
    return TRUE;
  if (!_pd_agenda_meeting_is_frozen (db, meeting_id, &frozen, error) ||
      !_pd_agenda_check_reason (frozen, reason, error) ||
      !set_link (tx, document_id, 0, 0, "detach_from_item", error))
    return FALSE;
  if (frozen)
    {
      g_autofree char *what = g_strdup_printf (_("Paper withdrawn: %s"), title);

      return _pd_agenda_record_change (tx, meeting_id, item_id, what, reason, error);
    }
  return TRUE;
}
