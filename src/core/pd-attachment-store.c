/* pd-attachment-store.c: attaching files, opening them verified, checking
 * and copying the whole store
 *
 * The order matters on a shared drive: a file is copied and renamed into
 * place first (pd-attachment-put.c), without any lock, and only then is its
 * row committed through pd_database_write(), which holds the write lock for
 * one short insert. A row therefore never names a file that is not there;
 * a file whose row failed is removed again unless another row uses it.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pd-attachment-private.h"
#include "pd-attachment-store.h"
#include "pd-database-private.h"
#include "pd-document.h"

void
pd_attach_result_free (PdAttachResult *result)
{
  if (result == NULL)
    return;
  g_free (result->source_path);
  g_free (result->sha256);
  g_free (result->media_type);
  g_free (result->kind);
  g_free (result->unreadable);
  g_free (result->unreadable_detail);
  g_clear_error (&result->error);
  g_free (result);
}

char *
pd_attachment_store_dir (PdDatabase *db)
{
  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  return pd_document_store_dir_for (pd_database_get_path (db));
}

/* A short extension of letters and digits, lower case: never a path. */
static char *
safe_extension (const char *filename)
{
  const char *dot = filename != NULL ? strrchr (filename, '.') : NULL;
  gsize length;

  if (dot == NULL || dot == filename || strchr (dot, '/') != NULL)
    return g_strdup ("bin");
  dot++;
  length = strlen (dot);
  if (length == 0 || length > 10)
    return g_strdup ("bin");
  for (const char *p = dot; *p; p++)
    if (!g_ascii_isalnum (*p))
      return g_strdup ("bin");
  return g_ascii_strdown (dot, -1);
}

char *
pd_attachment_store_path_for (const char *store_dir,
                              const char *sha256,
                              const char *filename)
{
  g_autofree char *extension = safe_extension (filename);
  g_autofree char *digits = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (store_dir != NULL, NULL);
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64, NULL);

  /* A row written by hand could hold anything: never a path out of the store. */
  digits = g_strdup (sha256);
  g_strcanon (digits, "0123456789abcdef", '_');
  name = g_strdup_printf ("%s.%s", digits, extension);
  return g_build_filename (store_dir, (char[]) { digits[0], digits[1], '\0' }, name, NULL);
}

gboolean
pd_attachment_store_verify_file (const char    *path,
                                 const char    *sha256,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, PD_ERROR, PD_ERROR_FILE_MISSING,
                     _("The file is missing from the attachments folder (it should be “%s”)."), path);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The file “%s” cannot be read: %s"),
                     path, local_error->message);
      return FALSE;
    }

  buffer = g_malloc (256 * 1024);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 256 * 1024, cancellable, &local_error);

      if (n < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The file “%s” cannot be read: %s"),
                         path, local_error->message);
          return FALSE;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, (const guchar *) buffer, n);
    }

  if (g_strcmp0 (g_checksum_get_string (checksum), sha256) != 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_FILE_ALTERED,
                   _("The file “%s” has been altered since it was attached: its checksum no longer matches."),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- attach */

typedef struct
{
  PdDocumentFields  fields;
  gint64            id;
} InsertRow;

/* The row; a readable PDF is queued for the text index with it. */
static gboolean
insert_row (PdTransaction  *tx,
            gpointer        data,
            GError        **error)
{
  InsertRow *row = data;

  row->id = pd_document_insert (tx, &row->fields, error);
  return row->id != 0;
}

/* Whether a row still names @sha256 (then its file must stay). */
static gboolean
sha_in_use (PdDatabase *db,
            const char *sha256)
{
  sqlite3_stmt *stmt = _pd_database_prepare (db, "SELECT 1 FROM documents WHERE sha256 = ?1 LIMIT 1;", NULL);
  int rc;

  if (stmt == NULL)
    return TRUE;  /* cannot tell: keep it */
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc != SQLITE_DONE;
}

typedef struct
{
  PdAttachProgressFunc  func;
  gpointer              user_data;
  guint                 index;
  guint                 n_files;
  guint64               base;
  guint64               total;
} Progress;

static void
put_progress (guint64  bytes_done,
              gpointer data)
{
  Progress *progress = data;

  if (progress->func != NULL)
    progress->func (progress->index, progress->n_files, progress->base + bytes_done,
                    MAX (progress->total, progress->base + bytes_done), progress->user_data);
}

static char *
title_from_filename (const char *filename)
{
  char *title = g_strdup (filename);
  char *dot = strrchr (title, '.');

  if (dot != NULL && dot != title)
    *dot = '\0';
  return title;
}

static void
attach_one (PdDatabase           *db,
            const char           *store_dir,
            const PdAttachTarget *target,
            gboolean              one_file,
            PdAttachResult       *result,
            Progress             *progress,
            GCancellable         *cancellable)
{
  g_autofree char *filename = g_filename_display_basename (result->source_path);
  g_autofree char *title = NULL;
  g_autofree char *stored_path = NULL;
  g_autofree char *summary = NULL;
  PdAttachmentInfo info = { 0 };
  InsertRow row = { { 0 } };
  gboolean created = FALSE;

  if (g_file_test (result->source_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (&result->error, PD_ERROR, PD_ERROR_INVALID, _("“%s” is a folder, not a file."), filename);
      return;
    }
  if (!_pd_attachment_put (store_dir, result->source_path, filename, NULL, put_progress, progress,
                           &result->sha256, &result->size, &stored_path, &created,
                           cancellable, &result->error))
    return;
  result->deduplicated = !created;

  _pd_attachment_inspect (stored_path, filename, &info);
  result->media_type = g_strdup (info.media_type);
  result->page_count = info.page_count;
  g_free (result->unreadable);
  result->unreadable = g_strdup (info.unreadable);
  g_free (result->unreadable_detail);
  result->unreadable_detail = g_strdup (info.unreadable_detail);

  title = one_file && target->title != NULL && *target->title != '\0'
          ? g_strdup (target->title) : title_from_filename (filename);
  row.fields.referral_id = target->referral_id;
  row.fields.meeting_id = target->meeting_id;
  row.fields.agenda_item_id = target->agenda_item_id;
  row.fields.title = title;
  row.fields.kind = result->kind;
  row.fields.filename = filename;
  row.fields.media_type = info.media_type;
  row.fields.size = result->size;
  row.fields.page_count = info.page_count;
  row.fields.sha256 = result->sha256;
  row.fields.unreadable = info.unreadable;
  row.fields.unreadable_detail = info.unreadable_detail;

  /* Translators: the summary of a change in the audit log; %s is a file name */
  summary = g_strdup_printf (_("Attach “%s”"), filename);
  if (g_cancellable_set_error_if_cancelled (cancellable, &result->error) ||
      !pd_database_write (db, summary, insert_row, &row, NULL, &result->error))
    {
      /* No row: a file this attach brought in goes again, unless someone
       * attached the same content meanwhile. */
      if (created && !sha_in_use (db, result->sha256))
        g_unlink (stored_path);
    }
  else
    result->document_id = row.id;
  _pd_attachment_info_clear (&info);
}

/* A copy interrupted by a crash or a power cut leaves its temporary file;
 * one untouched for a day is no copy still under way on another machine. */
#define STALE_INCOMING_USEC (24 * G_TIME_SPAN_HOUR)

static void
remove_stale_incoming (const char *store_dir)
{
  g_autoptr(GDir) dir = g_dir_open (store_dir, 0, NULL);
  gint64 now = g_get_real_time ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, ".incoming-"))
        continue;
      path = g_build_filename (store_dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) &&
          now - (gint64) st.st_mtime * G_USEC_PER_SEC > STALE_INCOMING_USEC)
        g_unlink (path);
    }
}

GPtrArray *
pd_attachment_store_attach (PdDatabase            *db,
                            const PdAttachTarget  *target,
                            const char *const     *paths,
                            PdAttachProgressFunc   progress_func,
                            gpointer               user_data,
                            GCancellable          *cancellable,
                            GError               **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_attach_result_free);
  g_autofree char *store_dir = NULL;
  const char *kind;
  Progress progress = { progress_func, user_data, 0, 0, 0, 0 };

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  kind = target->kind != NULL ? target->kind : "other";
  if (!pd_document_kind_is_valid (kind))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("“%s” is not a kind of document Panel Desk knows."), kind);
      return NULL;
    }
  if (target->referral_id <= 0 && target->meeting_id <= 0 && target->agenda_item_id <= 0)
    {
      g_set_error_literal (error, PD_ERROR, PD_ERROR_INVALID,
                           _("Choose the referral or the meeting the documents belong to."));
      return NULL;
    }
  if (!_pd_database_check_writable (db, error))
    return NULL;

  store_dir = pd_attachment_store_dir (db);
  remove_stale_incoming (store_dir);
  progress.n_files = g_strv_length ((char **) paths);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      GStatBuf st;

      if (g_stat (paths[i], &st) == 0 && S_ISREG (st.st_mode))
        progress.total += (guint64) st.st_size;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      PdAttachResult *result = g_new0 (PdAttachResult, 1);
      GStatBuf st;

      result->source_path = g_strdup (paths[i]);
      result->kind = g_strdup (kind);
      result->page_count = -1;
      result->unreadable = g_strdup ("");
      result->unreadable_detail = g_strdup ("");
      g_ptr_array_add (results, result);

      progress.index = i;
      if (!g_cancellable_set_error_if_cancelled (cancellable, &result->error))
        attach_one (db, store_dir, target, progress.n_files == 1, result, &progress, cancellable);
      if (g_stat (paths[i], &st) == 0 && S_ISREG (st.st_mode))
        progress.base += (guint64) st.st_size;
      put_progress (0, &progress);
    }
  return g_steal_pointer (&results);
}

/* ------------------------------------------------------- open and check */

char *
pd_attachment_store_open (PdDatabase    *db,
                          gint64         document_id,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(PdDocument) document = NULL;
  g_autofree char *store_dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  document = pd_document_load (db, document_id, error);
  if (document == NULL)
    return NULL;
  store_dir = pd_attachment_store_dir (db);
  path = pd_attachment_store_path_for (store_dir, pd_document_get_sha256 (document),
                                       pd_document_get_filename (document));
  if (!pd_attachment_store_verify_file (path, pd_document_get_sha256 (document), cancellable, error))
    {
      g_prefix_error (error, "“%s”: ", pd_document_get_title (document));
      return NULL;
    }
  return g_steal_pointer (&path);
}

typedef struct
{
  gint64  id;
  char   *title;
  char   *filename;
  char   *sha256;
} StoredFile;

static void
stored_file_clear (gpointer data)
{
  StoredFile *file = data;

  g_free (file->title);
  g_free (file->filename);
  g_free (file->sha256);
}

/* Every document's file, read first so no statement is held while hashing. */
static GArray *
list_stored_files (PdDatabase  *db,
                   GError     **error)
{
  g_autoptr(GArray) files = g_array_new (FALSE, TRUE, sizeof (StoredFile));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (files, stored_file_clear);
  stmt = _pd_database_prepare (db, "SELECT id, title, filename, sha256 FROM documents ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredFile file = {
        sqlite3_column_int64 (stmt, 0),
        _pd_column_dup (stmt, 1),
        _pd_column_dup (stmt, 2),
        _pd_column_dup (stmt, 3),
      };

      g_array_append_val (files, file);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&files);
}

gint64
pd_attachment_store_check (PdDatabase               *db,
                           PdAttachmentProblemFunc   func,
                           gpointer                  user_data,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(GArray) files = NULL;
  g_autofree char *store_dir = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (db), -1);

  files = list_stored_files (db, error);
  if (files == NULL)
    return -1;
  store_dir = pd_attachment_store_dir (db);
  for (guint i = 0; i < files->len; i++)
    {
      StoredFile *file = &g_array_index (files, StoredFile, i);
      g_autofree char *path = pd_attachment_store_path_for (store_dir, file->sha256, file->filename);
      g_autoptr(GError) problem = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      if (!pd_attachment_store_verify_file (path, file->sha256, cancellable, &problem))
        {
          if (g_error_matches (problem, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&problem));
              return -1;
            }
          if (func != NULL)
            func (file->id, file->title, path, problem, user_data);
        }
    }
  return files->len;
}

gboolean
pd_attachment_store_copy_between (const char    *source_db_path,
                                  const char    *dest_db_path,
                                  guint         *out_copied,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(PdDatabase) copy = NULL;
  g_autoptr(GArray) files = NULL;
  g_autoptr(GString) failed = g_string_new (NULL);
  g_autofree char *source_dir = pd_document_store_dir_for (source_db_path);
  g_autofree char *dest_dir = pd_document_store_dir_for (dest_db_path);
  int code = PD_ERROR_IO;
  guint n_failed = 0, copied = 0;

  /* The rows of the copy, not of the original: a document attached since
   * the snapshot is not in it, and every row the copy has gets its file. */
  copy = pd_database_open (dest_db_path, PD_OPEN_READ_ONLY | PD_OPEN_SKIP_QUICK_CHECK, error);
  if (copy == NULL)
    return FALSE;
  files = list_stored_files (copy, error);
  if (files == NULL)
    return FALSE;
  g_clear_object (&copy);

  for (guint i = 0; i < files->len; i++)
    {
      StoredFile *file = &g_array_index (files, StoredFile, i);
      g_autofree char *from = pd_attachment_store_path_for (source_dir, file->sha256, file->filename);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        g_set_error (&local_error, PD_ERROR, PD_ERROR_FILE_MISSING, _("missing"));
      else
        _pd_attachment_put (dest_dir, from, file->filename, file->sha256, NULL, NULL,
                            NULL, NULL, NULL, NULL, cancellable, &local_error);
      if (local_error == NULL)
        {
          copied++;
          continue;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (n_failed++ == 0)
        code = local_error->code;
      /* Translators: one document in a list of attachments that could not be copied */
      g_string_append_printf (failed, _("%s“%s” (document %" G_GINT64_FORMAT ": %s)"),
                              failed->len > 0 ? ", " : "", file->title, file->id,
                              local_error->code == PD_ERROR_FILE_ALTERED ? _("altered") :
                              local_error->code == PD_ERROR_FILE_MISSING ? _("missing") : local_error->message);
    }

  if (out_copied != NULL)
    *out_copied = copied;
  if (n_failed > 0)
    {
      if (n_failed == 1)
        g_set_error (error, PD_ERROR, code, _("One attachment could not be copied: %s"), failed->str);
      else
        g_set_error (error, PD_ERROR, code, _("%u attachments could not be copied: %s"), n_failed, failed->str);
      return FALSE;
    }
  return TRUE;
}
