/* pd-document-search.h: finding text in every page of a document
 *
 * Runs on the main thread's document in short slices from an idle source,
 * starting at a given page and wrapping round, so the first match after the
 * reader's page is found first and the window stays responsive.
 */
#pragma once

#include "pd-viewer-document.h"

G_BEGIN_DECLS

#define PD_TYPE_DOCUMENT_SEARCH (pd_document_search_get_type ())
G_DECLARE_FINAL_TYPE (PdDocumentSearch, pd_document_search, PD, DOCUMENT_SEARCH, GObject)

/* Starts at once; "page-searched" (page, n_found) is emitted for each page,
 * "finished" once every page has been. */
PdDocumentSearch *pd_document_search_new         (PdViewerDocument *document,
                                                  const char       *text,
                                                  int               start_page);
const char       *pd_document_search_get_text    (PdDocumentSearch *self);
gboolean          pd_document_search_is_finished (PdDocumentSearch *self);
/* page → GArray of PopplerRectangle (points from the top left). */
GHashTable       *pd_document_search_get_matches (PdDocumentSearch *self);
guint             pd_document_search_get_n_matches (PdDocumentSearch *self);
/* Match @index in reading order over the pages searched so far. */
gboolean          pd_document_search_get_match   (PdDocumentSearch *self,
                                                  guint             index,
                                                  int              *page,
                                                  PopplerRectangle *rect);
/* The first match on @page or after it (wrapping), or -1 when none yet. */
int               pd_document_search_find_from   (PdDocumentSearch *self,
                                                  int               page);

G_END_DECLS
