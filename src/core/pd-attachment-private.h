/* pd-attachment-private.h: what the attachment store's files share */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef void (*PdPutProgressFunc) (guint64 bytes_done, gpointer user_data);

/* Copies @source into @store_dir under a temporary name while hashing it,
 * syncs it and renames it to STORE/ab/<sha256>.<ext>. When that content is
 * already there (and intact) the copy is dropped (*out_created FALSE). With
 * @expected_sha256, content that differs is refused (PD_ERROR_FILE_ALTERED).
 * On failure nothing is left behind. */
gboolean  _pd_attachment_put        (const char         *store_dir,
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
                                     GError            **error);

/* What a stored file is: its media type and, for a PDF, its page count or
 * why poppler could not read it ("damaged", "password"). */
typedef struct
{
  char *media_type;
  int   page_count;       /* -1 when unknown */
  char *unreadable;       /* "" when readable */
  char *unreadable_detail;
} PdAttachmentInfo;

void      _pd_attachment_inspect    (const char         *path,
                                     const char         *filename,
                                     PdAttachmentInfo   *info);
void      _pd_attachment_info_clear (PdAttachmentInfo   *info);

G_END_DECLS
