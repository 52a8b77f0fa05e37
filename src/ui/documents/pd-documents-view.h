/* pd-documents-view.h: the Documents view */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_DOCUMENTS_VIEW (pd_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (PdDocumentsView, pd_documents_view, PD, DOCUMENTS_VIEW, AdwBin)

/* Shows the documents of @db, or nothing when @db is NULL. */
void        pd_documents_view_set_database (PdDocumentsView *self,
                                     PdDatabase *db);
PdDatabase *pd_documents_view_get_database (PdDocumentsView *self);
/* How many rows the list has. */
guint       pd_documents_view_get_n_rows   (PdDocumentsView *self);
/* "list" or "empty" */
const char *pd_documents_view_get_shown    (PdDocumentsView *self);

G_END_DECLS
