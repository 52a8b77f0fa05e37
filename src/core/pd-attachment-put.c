/* pd-attachment-put.c: putting one file into the content-addressed store
 *
 * The file is copied to ".incoming-XXXXXX" inside the store folder (so the
 * rename that follows stays on one filesystem and is atomic) while its
 * SHA-256 is computed, synced, and only then renamed to ab/<sha256>.<ext>.
 * A copy that fails half-way (an unreadable source, a full disk, a share
 * gone away, cancelled) removes its temporary file: the store never holds a
 * half file under a real name. Also what a stored file is: its media type,
 * a PDF's page count, or why poppler could not read it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

#include "pd-attachment-private.h"
#include "pd-attachment-store.h"
#include "pd-error.h"

#define BLOCK_SIZE (256 * 1024)

static int
errno_to_code (int saved)
{
  return saved == ENOSPC || saved == EDQUOT ? PD_ERROR_FULL : PD_ERROR_IO;
}

/* Makes what was written to @fd and to the names in @dir_path survive a
 * power cut; a share that cannot sync a folder says EINVAL, which is fine. */
static void
sync_dir (const char *dir_path)
{
  int fd = g_open (dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  if (fsync (fd) != 0 && errno != EINVAL)
    g_debug ("Could not sync the folder %s: %s", dir_path, g_strerror (errno));
  close (fd);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           const char  *store_dir,
           GError     **error)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, PD_ERROR, errno_to_code (saved),
                       _("Could not write into the attachments folder “%s”: %s"),
                       store_dir, g_strerror (saved));
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Copies @source into @fd, hashing it. */
static gboolean
copy_hashing (const char         *source,
              int                 fd,
              const char         *store_dir,
              GChecksum          *checksum,
              gint64             *out_size,
              PdPutProgressFunc   progress,
              gpointer            user_data,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = g_malloc (BLOCK_SIZE);
  g_autofree char *name = g_filename_display_name (source);
  gint64 size = 0;

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    goto read_failed;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, BLOCK_SIZE, cancellable, &local_error);

      if (n < 0)
        goto read_failed;
      if (n == 0)
        break;
      g_checksum_update (checksum, (const guchar *) buffer, n);
      if (!write_all (fd, buffer, n, store_dir, error))
        return FALSE;
      size += n;
      if (progress != NULL)
        progress ((guint64) size, user_data);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  *out_size = size;
  return TRUE;

read_failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, PD_ERROR, PD_ERROR_NOT_FOUND, _("“%s” does not exist."), name);
  else
    g_set_error (error, PD_ERROR, PD_ERROR_IO, _("Could not read “%s”: %s"), name, local_error->message);
  return FALSE;
}

gboolean
_pd_attachment_put (const char         *store_dir,
                    const char         *source,
                    const char         *filename,
                    const char         *expected_sha256,
                    PdPutProgressFunc   progress,
                    gpointer            user_data,
                    char              **out_sha256,
                    gint64             *out_size,
                    char              **out_path,
                    gboolean           *out_created,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *tmp_path = g_build_filename (store_dir, ".incoming-XXXXXX", NULL);
  g_autofree char *sha256 = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *shard = NULL;
  gboolean created = TRUE;
  gint64 size = 0;
  int fd;

  if (g_mkdir_with_parents (store_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, errno_to_code (saved),
                   _("The attachments folder “%s” cannot be made: %s"), store_dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, errno_to_code (saved),
                   _("Could not write into the attachments folder “%s”: %s"), store_dir, g_strerror (saved));
      return FALSE;
    }

  if (!copy_hashing (source, fd, store_dir, checksum, &size, progress, user_data, cancellable, error))
    goto failed;
  if (fsync (fd) != 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, errno_to_code (saved),
                   _("Could not write into the attachments folder “%s”: %s"), store_dir, g_strerror (saved));
      goto failed;
    }
  if (close (fd) != 0)
    {
      int saved = errno;

      fd = -1;
      g_set_error (error, PD_ERROR, errno_to_code (saved),
                   _("Could not write into the attachments folder “%s”: %s"), store_dir, g_strerror (saved));
      goto failed;
    }
  fd = -1;

  sha256 = g_strdup (g_checksum_get_string (checksum));
  if (expected_sha256 != NULL && strcmp (sha256, expected_sha256) != 0)
    {
      g_autofree char *name = g_filename_display_name (source);

      g_set_error (error, PD_ERROR, PD_ERROR_FILE_ALTERED,
                   _("“%s” has been altered since it was attached: its checksum no longer matches."), name);
      goto failed;
    }

  shard = g_build_filename (store_dir, (char[]) { sha256[0], sha256[1], '\0' }, NULL);
  final_path = pd_attachment_store_path_for (store_dir, sha256, filename);
  if (g_mkdir_with_parents (shard, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, errno_to_code (saved),
                   _("The attachments folder “%s” cannot be made: %s"), shard, g_strerror (saved));
      goto failed;
    }

  /* The same content is kept once. A copy there that no longer matches
   * its name (altered, or left truncated by something else) is replaced by
   * this good one. */
  if (g_file_test (final_path, G_FILE_TEST_EXISTS) &&
      pd_attachment_store_verify_file (final_path, sha256, cancellable, NULL))
    {
      created = FALSE;
      g_unlink (tmp_path);
    }
  else if (g_rename (tmp_path, final_path) != 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, errno_to_code (saved),
                   _("Could not put the file into the attachments folder “%s”: %s"), shard, g_strerror (saved));
      goto failed;
    }
  else
    sync_dir (shard);

  if (out_sha256 != NULL)
    *out_sha256 = g_steal_pointer (&sha256);
  if (out_size != NULL)
    *out_size = size;
  if (out_path != NULL)
    *out_path = g_steal_pointer (&final_path);
  if (out_created != NULL)
    *out_created = created;
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  return FALSE;
}

/* ------------------------------------------------------------- inspecting */

static gboolean
starts_like_pdf (const char *path)
{
  char head[1024];
  gssize n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head);
  close (fd);
  /* PDF readers accept the header anywhere in the first kilobyte. */
  return n > 5 && g_strstr_len (head, n, "%PDF-") != NULL;
}

static char *
guess_media_type (const char *path,
                  const char *filename)
{
  g_autofree char *content_type = NULL;
  guchar head[4096];
  gssize n = 0;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      n = read (fd, head, sizeof head);
      close (fd);
    }
  content_type = g_content_type_guess (filename, n > 0 ? head : NULL, n > 0 ? (gsize) n : 0, NULL);
  if (content_type == NULL)
    return g_strdup ("application/octet-stream");
  return g_content_type_get_mime_type (content_type);
}

void
_pd_attachment_inspect (const char       *path,
                        const char       *filename,
                        PdAttachmentInfo *info)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  g_autofree char *lower = filename != NULL ? g_ascii_strdown (filename, -1) : NULL;
  gboolean named_pdf = lower != NULL && g_str_has_suffix (lower, ".pdf");

  info->page_count = -1;
  info->unreadable = g_strdup ("");
  info->unreadable_detail = g_strdup ("");

  if (!starts_like_pdf (path))
    {
      /* A file called ".pdf" that is not one: what its bytes say it is. */
      g_autofree char *guessed = guess_media_type (path, named_pdf ? NULL : filename);

      /* Called ".pdf" but not one: a PDF that cannot be read, so the viewer
       * is not handed a picture or a Word file by another name. */
      if (!named_pdf && g_strcmp0 (guessed, "application/pdf") != 0)
        {
          info->media_type = g_steal_pointer (&guessed);
          return;
        }
      info->media_type = g_strdup ("application/pdf");
      g_free (info->unreadable);
      g_free (info->unreadable_detail);
      info->unreadable = g_strdup ("damaged");
      info->unreadable_detail = g_strdup_printf (_("It is not a PDF file (it looks like %s)."), guessed);
      return;
    }

  info->media_type = g_strdup ("application/pdf");
  file = g_file_new_for_path (path);
  document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  if (document != NULL)
    {
      info->page_count = poppler_document_get_n_pages (document);
      g_object_unref (document);
      return;
    }

  g_free (info->unreadable);
  g_free (info->unreadable_detail);
  if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      info->unreadable = g_strdup ("password");
      info->unreadable_detail = g_strdup (_("The PDF is protected by a password."));
    }
  else
    {
      info->unreadable = g_strdup ("damaged");
      info->unreadable_detail = g_strdup_printf (_("The PDF is damaged: %s"), error->message);
    }
}

void
_pd_attachment_info_clear (PdAttachmentInfo *info)
{
  g_clear_pointer (&info->media_type, g_free);
  g_clear_pointer (&info->unreadable, g_free);
  g_clear_pointer (&info->unreadable_detail, g_free);
}
