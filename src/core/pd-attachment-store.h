/* pd-attachment-store.h: files attached to referrals and meetings, kept
 * once each under their SHA-256 in a folder beside the database */
#pragma once

#include <gio/gio.h>

#include "pd-database.h"

G_BEGIN_DECLS

/* Where a set of files goes, and as what. */
typedef struct
{
  gint64      referral_id;     /* 0 for none */
  gint64      meeting_id;      /* 0 for none */
  gint64      agenda_item_id;  /* 0 for none; with @meeting_id */
  const char *kind;            /* NULL: "other" */
  const char *title;           /* NULL: each file's name without its extension */
} PdAttachTarget;

/* What became of one file. */
typedef struct
{
  char    *source_path;
  gint64   document_id;        /* 0 when the file was not stored */
  char    *sha256;
  char    *media_type;
  char    *kind;
  gint64   size;
  int      page_count;         /* -1 when unknown (not a PDF, or unreadable) */
  char    *unreadable;         /* "" or "damaged" / "password": kept, but marked */
  char    *unreadable_detail;
  gboolean deduplicated;       /* the same content was already in the store */
  GError  *error;              /* why it was not stored, or NULL */
} PdAttachResult;

void pd_attach_result_free (PdAttachResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdAttachResult, pd_attach_result_free)

/* Called as the copying goes on, in the thread that attaches. */
typedef void (*PdAttachProgressFunc) (guint       file_index,   /* 0-based */
                                      guint       n_files,
                                      guint64     bytes_done,   /* of all files */
                                      guint64     bytes_total,
                                      gpointer    user_data);

/* Attaches each of @paths: copies it into the store under a temporary name
 * while hashing it, syncs and renames it into place (keeping one copy of
 * identical content), reads a PDF's page count, and only then commits its
 * row through pd_database_write(), so the write lock is never held while a
 * file is copied. A file that fails leaves neither a row nor a half file,
 * and the others go on; cancelling stops at the next block. Returns one
 * PdAttachResult per path (in order), or NULL with @error set when nothing
 * could be tried (the target is not valid, the store cannot be made). */
GPtrArray  *pd_attachment_store_attach        (PdDatabase            *db,
                                               const PdAttachTarget  *target,
                                               const char *const     *paths,
                                               PdAttachProgressFunc   progress,
                                               gpointer               user_data,
                                               GCancellable          *cancellable,
                                               GError               **error);

/* The store folder of @db: "NAME.paneldesk-files" beside it. */
char       *pd_attachment_store_dir           (PdDatabase            *db);
/* Where the content @sha256 of a file once called @filename is kept:
 * STORE/ab/<sha256>.<ext>, the extension from @filename ("bin" if none). */
char       *pd_attachment_store_path_for      (const char            *store_dir,
                                               const char            *sha256,
                                               const char            *filename);

/* The path of document @document_id's file, after checking that it is
 * there (else PD_ERROR_FILE_MISSING) and that its SHA-256 is the one
 * recorded (else PD_ERROR_FILE_ALTERED). Call it off the main thread for
 * large files. */
char       *pd_attachment_store_open          (PdDatabase            *db,
                                               gint64                 document_id,
                                               GCancellable          *cancellable,
                                               GError               **error);
/* Whether the file at @path has the SHA-256 @sha256 (errors as above). */
gboolean    pd_attachment_store_verify_file   (const char            *path,
                                               const char            *sha256,
                                               GCancellable          *cancellable,
                                               GError               **error);

/* Called for each document whose file is missing or altered. */
typedef void (*PdAttachmentProblemFunc) (gint64        document_id,
                                         const char   *title,
                                         const char   *path,
                                         const GError *problem,
                                         gpointer      user_data);

/* Verifies every attachment's file; returns how many documents were
 * checked (problems go to @func), or -1 with @error when the database
 * could not be read. */
gint64      pd_attachment_store_check         (PdDatabase             *db,
                                               PdAttachmentProblemFunc  func,
                                               gpointer                 user_data,
                                               GCancellable            *cancellable,
                                               GError                 **error);

/* Copies the files that the database at @dest_db_path (a new backup, or
 * a restored database) names from the store beside @source_db_path into
 * its own store, each checked against its SHA-256 and written as attach
 * does. All that can be
 * copied is; FALSE with @error naming the documents that could not be.
 * @out_copied receives how many files were copied or already there. */
gboolean    pd_attachment_store_copy_between  (const char            *source_db_path,
                                               const char            *dest_db_path,
                                               guint                 *out_copied,
                                               GCancellable          *cancellable,
                                               GError               **error);

G_END_DECLS
