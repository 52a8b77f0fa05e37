/* pd-documents-view.h: the Documents view */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_DOCUMENTS_VIEW (pd_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (PdDocumentsView, pd_documents_view, PD, DOCUMENTS_VIEW, AdwBin)

/* Shows the documents of @db, or nothing when @db is NULL; extracts the
 * text of PDFs still waiting, in the background. */
void        pd_documents_view_set_database (PdDocumentsView *self,
                                     PdDatabase *db);
PdDatabase *pd_documents_view_get_database (PdDocumentsView *self);
/* How many rows the list has. */
guint       pd_documents_view_get_n_rows   (PdDocumentsView *self);
/* "list", "empty", "search" (hits) or "no-matches" */
const char *pd_documents_view_get_shown    (PdDocumentsView *self);

/* The referral new files go to, as its reference ("PRP-2026-014"), and their kind. */
void        pd_documents_view_set_attach_target (PdDocumentsView *self,
                                                 const char      *reference,
                                                 const char      *kind);
/* Attaches @paths in the background, with progress and a toast at the
 * end: what the file chooser and a drop of files do. */
void        pd_documents_view_attach_files (PdDocumentsView   *self,
                                            const char *const *paths);
/* Whether files are being attached or text extracted. */
gboolean    pd_documents_view_is_busy      (PdDocumentsView *self);

/* Searches the text of the documents, as typing into the search entry does. */
void        pd_documents_view_search       (PdDocumentsView *self,
                                            const char      *text);
guint       pd_documents_view_get_n_hits   (PdDocumentsView *self);
/* Opens hit @index of the search, as activating its row does. */
void        pd_documents_view_activate_hit (PdDocumentsView *self,
                                            guint            index);

/* Checks document @document_id's file, then emits "open-document" for a
 * PDF or opens another file in the system's application; a missing or
 * altered file is said in a message instead. */
void        pd_documents_view_open_document (PdDocumentsView *self,
                                             gint64           document_id,
                                             int              page_index,
                                             const char      *query);

/* The last message the view showed (a toast or an error), for the tests. */
const char *pd_documents_view_get_last_message (PdDocumentsView *self);

G_END_DECLS
