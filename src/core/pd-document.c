/* pd-document.c: a document attached to a referral or a meeting */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-attachment-store.h"
#include "pd-database-private.h"
#include "pd-document.h"

#include <string.h>

struct _PdDocument
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *kind;
  char    *filename;
  gint64   size;
  int      page_count;
  char    *sha256;
  char    *attached_at;
  char    *referral_reference;
  gint64   referral_id;
  gint64   meeting_id;
  char    *media_type;
  char    *unreadable;
  char    *unreadable_detail;
  char    *attached_by_name;
  char    *publication_status;
  char    *file_path;
};

G_DEFINE_FINAL_TYPE (PdDocument, pd_document, G_TYPE_OBJECT)

static void
pd_document_finalize (GObject *object)
{
  PdDocument *self = (PdDocument *)object;

  g_free (self->title);
  g_free (self->kind);
  g_free (self->filename);
  g_free (self->sha256);
  g_free (self->attached_at);
  g_free (self->referral_reference);
  g_free (self->media_type);
  g_free (self->unreadable);
  g_free (self->unreadable_detail);
  g_free (self->attached_by_name);
  g_free (self->publication_status);
  g_free (self->file_path);

  G_OBJECT_CLASS (pd_document_parent_class)->finalize (object);
}

static void
pd_document_class_init (PdDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_document_finalize;
}

static void
pd_document_init (PdDocument *self)
{
}

gint64 pd_document_get_id (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), 0); return self->id; }
const char *pd_document_get_title (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->title; }
const char *pd_document_get_kind (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->kind; }
const char *pd_document_get_filename (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->filename; }
gint64 pd_document_get_size (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), 0); return self->size; }
int pd_document_get_page_count (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), -1); return self->page_count; }
const char *pd_document_get_sha256 (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->sha256; }
const char *pd_document_get_attached_at (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->attached_at; }
const char *pd_document_get_referral_reference (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->referral_reference; }
gint64 pd_document_get_referral_id (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), 0); return self->referral_id; }
gint64 pd_document_get_meeting_id (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), 0); return self->meeting_id; }
const char *pd_document_get_media_type (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->media_type; }
const char *pd_document_get_unreadable (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->unreadable; }
const char *pd_document_get_unreadable_detail (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->unreadable_detail; }
const char *pd_document_get_attached_by_name (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->attached_by_name; }
const char *pd_document_get_publication_status (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->publication_status; }
const char *pd_document_get_file_path (PdDocument *self) { g_return_val_if_fail (PD_IS_DOCUMENT (self), NULL); return self->file_path; }

gboolean
pd_document_is_pdf (PdDocument *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT (self), FALSE);
  return g_strcmp0 (self->media_type, "application/pdf") == 0;
}

static const struct { const char *id; const char *label; } kind_labels[] = {
  { "referral_form",     N_("Referral form") },
  { "chronology",        N_("Chronology") },
  { "agency_summary",    N_("Individual agency summary") },
  { "overview_report",   N_("Overview report") },
  { "executive_summary", N_("Executive summary") },
  { "board_response",    N_("Board response") },
  { "briefing",          N_("Briefing") },
  { "learning_bulletin", N_("Learning bulletin") },
  { "action_plan",       N_("Action plan") },
  { "minutes",           N_("Minutes") },
  { "other",             N_("Other") },
};

const char *
pd_document_kind_to_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind, kind_labels[i].id) == 0)
      return _(kind_labels[i].label);
  return kind;
}

static gboolean
is_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind, kind_labels[i].id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
pd_document_kind_is_valid (const char *kind)
{
  return is_kind (kind);
}

const char *const *
pd_document_kinds (void)
{
  static const char *kinds[G_N_ELEMENTS (kind_labels) + 1];

  if (kinds[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
      kinds[i] = kind_labels[i].id;
  return kinds;
}

const char *
pd_document_unreadable_to_label (const char *unreadable)
{
  if (g_strcmp0 (unreadable, "password") == 0)
    return _("password-protected");
  if (g_strcmp0 (unreadable, "damaged") == 0)
    return _("damaged");
  return "";
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

PdDocument *
pd_document_load (PdDatabase  *db,
                  gint64       id,
                  GError     **error)
{
  PdDocument *self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db,
                               "SELECT d.title, d.kind, d.filename, d.size, coalesce(d.page_count, -1), "
                               "       d.sha256, d.attached_at, coalesce(r.reference, ''), "
                               "       coalesce(d.referral_id, 0), coalesce(d.meeting_id, 0), d.media_type, "
                               "       d.unreadable, d.unreadable_detail, coalesce(p.display_name, ''), "
                               "       coalesce(pub.status, '') "
                               "FROM documents d LEFT JOIN referrals r ON r.id = d.referral_id "
                               "  LEFT JOIN people p ON p.id = d.attached_by "
                               "  LEFT JOIN publications pub ON pub.document_id = d.id "
                               "WHERE d.id = ?1;",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self = g_object_new (PD_TYPE_DOCUMENT, NULL);
      self->id = id;
      self->title = _pd_column_dup (stmt, 0);
      self->kind = _pd_column_dup (stmt, 1);
      self->filename = _pd_column_dup (stmt, 2);
      self->size = sqlite3_column_int64 (stmt, 3);
      self->page_count = sqlite3_column_int (stmt, 4);
      self->sha256 = _pd_column_dup (stmt, 5);
      self->attached_at = _pd_column_dup (stmt, 6);
      self->referral_reference = _pd_column_dup (stmt, 7);
      self->referral_id = sqlite3_column_int64 (stmt, 8);
      self->meeting_id = sqlite3_column_int64 (stmt, 9);
      self->media_type = _pd_column_dup (stmt, 10);
      self->unreadable = _pd_column_dup (stmt, 11);
      self->unreadable_detail = _pd_column_dup (stmt, 12);
      self->attached_by_name = _pd_column_dup (stmt, 13);
      self->publication_status = _pd_column_dup (stmt, 14);
      if (self->sha256 != NULL && strlen (self->sha256) == 64)
        {
          g_autofree char *store_dir = pd_document_store_dir_for (pd_database_get_path (db));

          self->file_path = pd_attachment_store_path_for (store_dir, self->sha256, self->filename);
        }
      else
        self->file_path = g_strdup ("");
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                 _("The document was not found; someone may have deleted it."));
  else if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);

  return self;
}

PdRecordList *
pd_document_list_new (PdDatabase *db)
{
  return pd_record_list_new (db, PD_TYPE_DOCUMENT,
                             "SELECT id FROM documents ORDER BY attached_at DESC, id DESC;",
                             (PdRecordLoadFunc) pd_document_load);
}

PdRecordList *
pd_document_list_new_for_kind (PdDatabase *db,
                               const char *kind)
{
  g_autofree char *sql = NULL;

  if (kind == NULL || *kind == '\0')
    return pd_document_list_new (db);
  /* Only a known kind (letters and "_") is ever put into the statement. */
  g_return_val_if_fail (is_kind (kind), NULL);
  sql = g_strdup_printf ("SELECT id FROM documents WHERE kind = '%s' ORDER BY attached_at DESC, id DESC;", kind);
  return pd_record_list_new (db, PD_TYPE_DOCUMENT, sql, (PdRecordLoadFunc) pd_document_load);
}

gint64
pd_document_insert (PdTransaction           *tx,
                    const PdDocumentFields  *fields,
                    GError                 **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 meeting_id;
  int rc;

  g_return_val_if_fail (fields != NULL, 0);
  meeting_id = fields->meeting_id;

  if (_pd_is_blank (fields->title) || _pd_is_blank (fields->filename))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("A document needs a title and a file name."));
      return 0;
    }
  if (!is_kind (fields->kind))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("“%s” is not a kind of document Panel Desk knows."), fields->kind ? fields->kind : "");
      return 0;
    }
  if (!is_sha256 (fields->sha256) || fields->size < 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The document's checksum or size is not valid."));
      return 0;
    }

  /* A paper of an agenda item belongs to that item's meeting. */
  if (fields->agenda_item_id > 0)
    {
      stmt = _pd_database_prepare (db, "SELECT meeting_id FROM agenda_items WHERE id = ?1;", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, fields->agenda_item_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        meeting_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE || (rc == SQLITE_ROW && fields->meeting_id > 0 && fields->meeting_id != meeting_id))
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       rc == SQLITE_DONE ? _("The agenda item this document belongs to no longer exists.")
                                         : _("The agenda item is not on the meeting the document is attached to."));
          return 0;
        }
      if (rc != SQLITE_ROW)
        {
          _pd_database_fail (db, rc, error);
          return 0;
        }
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO documents (referral_id, meeting_id, title, kind, filename, "
                               "  media_type, size, page_count, sha256, attached_by, attached_at, "
                               "  agenda_item_id, unreadable, unreadable_detail) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                               "        (SELECT id FROM people WHERE login_name = ?10), ?11, ?12, "
                               "        coalesce(?13, ''), coalesce(?14, ''));",
                               error);
  if (stmt == NULL)
    return 0;
  if (fields->referral_id > 0)
    sqlite3_bind_int64 (stmt, 1, fields->referral_id);
  if (meeting_id > 0)
    sqlite3_bind_int64 (stmt, 2, meeting_id);
  sqlite3_bind_text (stmt, 3, fields->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, fields->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields->filename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, fields->media_type ? fields->media_type : "application/pdf", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, fields->size);
  if (fields->page_count >= 0)
    sqlite3_bind_int (stmt, 8, fields->page_count);
  sqlite3_bind_text (stmt, 9, fields->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, pd_database_get_login_name (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);
  if (fields->agenda_item_id > 0)
    sqlite3_bind_int64 (stmt, 12, fields->agenda_item_id);
  _pd_bind_text (stmt, 13, fields->unreadable);
  _pd_bind_text (stmt, 14, fields->unreadable_detail);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                     _("The referral or meeting this document belongs to no longer exists."));
      else
        _pd_database_fail (db, rc, error);
      return 0;
    }

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));

  /* A readable PDF waits for its text to be extracted (pd-fulltext.c). */
  if ((fields->media_type == NULL || g_str_equal (fields->media_type, "application/pdf")) &&
      (fields->unreadable == NULL || *fields->unreadable == '\0'))
    {
      stmt = _pd_database_prepare (db, "INSERT INTO document_extraction (document_id, page_count) VALUES (?1, ?2);",
                                   error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, MAX (fields->page_count, 0));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _pd_database_fail (db, rc, error);
          return 0;
        }
    }

  after = pd_transaction_row_json (tx, "documents", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "document", id, "create", NULL, after, error))
    return 0;

  return id;
}

char *
pd_document_store_dir_for (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);
  g_autofree char *base = g_path_get_basename (database_path);
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');

  /* "panel.sqlite" keeps "panel"; a name without an extension is kept whole. */
  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".paneldesk-files", NULL);
  return g_build_filename (dir, name, NULL);
}
