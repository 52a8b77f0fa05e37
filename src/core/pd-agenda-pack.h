/* pd-agenda-pack.h: a meeting's agenda pack, one PDF
 *
 * A cover, the contents with page numbers, then per agenda item a cover
 * page and its papers in agenda order, every page rendered as vectors
 * (poppler onto cairo's PDF surface). Page numbers run on across the pack
 * ("Page N of M" and the PDF page labels agree), every page carries the
 * meeting and the OFFICIAL-SENSITIVE marking. A paper missing from the
 * store or altered since it was attached is flagged on its item's cover
 * page, never silently dropped; a paper that is not a PDF is listed as
 * "not included, open separately".
 *
 * Built in two steps so the slow one can run on a worker thread:
 * pd_agenda_pack_new() reads the database (on the database's thread), and
 * pd_agenda_pack_write() reads the papers and writes the file (any one
 * thread, not touching the database).
 *
 * Built outside libpdcore (libpdpack, with cairo and poppler-glib), so the
 * core itself stays GLib and SQLite only: link libpdpack_dep to use it.
 */
#pragma once

#include <gio/gio.h>

#include "pd-database.h"

G_BEGIN_DECLS

/* Called on the writing thread: @fraction from 0 to 1, @message such as
 * "Item 3 of 12: page 40". */
typedef void (*PdPackProgressFunc) (double      fraction,
                                    const char *message,
                                    gpointer    user_data);

#define PD_TYPE_AGENDA_PACK (pd_agenda_pack_get_type ())
G_DECLARE_FINAL_TYPE (PdAgendaPack, pd_agenda_pack, PD, AGENDA_PACK, GObject)

/* Reads meeting @meeting_id's agenda, papers and addenda. Refuses an
 * empty agenda (PD_ERROR_INVALID). */
PdAgendaPack *pd_agenda_pack_new            (PdDatabase          *db,
                                             gint64               meeting_id,
                                             GError             **error);
/* Writes the pack to @path (through a temporary file beside it, so a
 * failed or cancelled write leaves no half-written pack). */
gboolean      pd_agenda_pack_write          (PdAgendaPack        *self,
                                             const char          *path,
                                             PdPackProgressFunc   progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* pd_agenda_pack_write() on a worker thread, for the UI. @progress is
 * called on the caller's thread-default main context, before @callback;
 * @progress_data must stay alive until then. Do not use @self otherwise
 * until @callback has run. */
void          pd_agenda_pack_write_async    (PdAgendaPack        *self,
                                             const char          *path,
                                             PdPackProgressFunc   progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      pd_agenda_pack_write_finish   (PdAgendaPack        *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Checks the papers and numbers the pages without writing anything, so
 * the app can show the pack's page numbers beside the agenda (reads every
 * paper: call it off the main thread). */
gboolean      pd_agenda_pack_plan           (PdAgendaPack        *self,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* After a plan or a write: */
guint         pd_agenda_pack_get_n_pages    (PdAgendaPack        *self);
/* The page of item @agenda_item_id's cover, 0 when it is not in the pack. */
guint         pd_agenda_pack_get_item_page  (PdAgendaPack        *self,
                                             gint64               agenda_item_id);
/* The page where document @document_id starts, 0 when not included. */
guint         pd_agenda_pack_get_paper_page (PdAgendaPack        *self,
                                             gint64               document_id);
/* What was flagged: one sentence a paper (missing, altered, unreadable,
 * not a PDF), NULL-terminated; empty when every paper went in. */
const char * const *pd_agenda_pack_get_problems (PdAgendaPack    *self);

G_END_DECLS
