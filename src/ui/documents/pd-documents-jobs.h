/* pd-documents-jobs.h: the Documents view's slow work, on worker threads
 *
 * Each job opens a connection of its own to the database file, so the
 * view's connection is only ever used on the main thread; progress comes
 * back on the main thread too.
 */
#pragma once

#include <gio/gio.h>

#include "pd-core.h"

G_BEGIN_DECLS

/* Called on the main thread; @fraction is 0..1. */
typedef void (*PdJobProgressFunc) (GObject    *owner,
                                   double      fraction,
                                   const char *text);

/* pd_attachment_store_attach() of @paths; the result is its GPtrArray. */
void        pd_documents_attach_async   (const char            *database_path,
                                         const PdAttachTarget  *target,
                                         const char *const     *paths,
                                         GObject               *owner,
                                         PdJobProgressFunc      progress,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
GPtrArray  *pd_documents_attach_finish  (GAsyncResult          *result,
                                         GError               **error);

/* pd_fulltext_extract() of every PDF still waiting. */
void        pd_documents_extract_async  (const char            *database_path,
                                         GObject               *owner,
                                         PdJobProgressFunc      progress,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
gboolean    pd_documents_extract_finish (GAsyncResult          *result,
                                         GError               **error);

/* pd_attachment_store_verify_file() of @path. */
void        pd_documents_verify_async   (const char            *path,
                                         const char            *sha256,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
gboolean    pd_documents_verify_finish  (GAsyncResult          *result,
                                         GError               **error);

G_END_DECLS
