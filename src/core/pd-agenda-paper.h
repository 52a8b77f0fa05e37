/* pd-agenda-paper.h: the papers of an agenda item (rows of the documents
 * table with its agenda_item_id), where their files are and whether they
 * are intact */
#pragma once

#include <gio/gio.h>

#include "pd-database.h"

G_BEGIN_DECLS

typedef enum
{
  PD_PAPER_OK,          /* the file is there and its SHA-256 matches */
  PD_PAPER_MISSING,     /* no file in the store */
  PD_PAPER_ALTERED,     /* the file's SHA-256 is not the one recorded */
} PdPaperState;

typedef struct
{
  gint64    document_id;
  gint64    agenda_item_id;
  char     *title;
  char     *filename;
  char     *media_type;
  char     *sha256;
  int       page_count;   /* -1 when unknown */
  char     *attached_at;
  gboolean  is_late;      /* put on the item after the agenda was published */
  gboolean  is_pdf;
  char     *path;         /* where the store keeps it (may not exist) */
} PdAgendaPaper;

void        pd_agenda_paper_free        (PdAgendaPaper *paper);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdAgendaPaper, pd_agenda_paper_free)

/* The papers of item @agenda_item_id, or with 0 of every item of
 * @meeting_id, in agenda order and, per item, in the order attached
 * (PdAgendaPaper). Withdrawn items' papers are left out. */
GPtrArray  *pd_agenda_paper_list        (PdDatabase  *db,
                                         gint64       meeting_id,
                                         gint64       agenda_item_id,
                                         GError     **error);

/* The path of paper @document_id of the agenda (every item of
 * @meeting_id, or item @agenda_item_id when not 0), its file checked
 * against its SHA-256 by the attachment store; NULL with PD_ERROR_NO_RECORD
 * when it is no longer on the agenda, PD_ERROR_FILE_MISSING or
 * PD_ERROR_FILE_ALTERED, each saying so. */
char       *pd_agenda_paper_open        (PdDatabase    *db,
                                         gint64         meeting_id,
                                         gint64         agenda_item_id,
                                         gint64         document_id,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* Checks the file against its recorded SHA-256, reading it once. With
 * PD_PAPER_OK and @out_contents non-NULL, the file's bytes are returned
 * too, so a caller does not read it twice. FALSE only when the check was
 * cancelled or the file could not be read for another reason. */
gboolean    pd_agenda_paper_verify      (const PdAgendaPaper  *paper,
                                         PdPaperState         *out_state,
                                         GBytes              **out_contents,
                                         GCancellable         *cancellable,
                                         GError              **error);

/* Puts document @document_id on item @agenda_item_id (its meeting too).
 * On a published agenda it becomes a late paper, recorded as such. */
gboolean    pd_agenda_paper_attach      (PdTransaction  *tx,
                                         gint64          agenda_item_id,
                                         gint64          document_id,
                                         GError        **error);
/* Takes a paper off its item; the document stays in the store. On a
 * published agenda this needs a @reason and is recorded as an addendum. */
gboolean    pd_agenda_paper_detach      (PdTransaction  *tx,
                                         gint64          document_id,
                                         const char     *reason,
                                         GError        **error);

G_END_DECLS
