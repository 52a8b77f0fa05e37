/* pd-document-viewer.h: a PDF document, ready to read
 *
 * A self-contained widget: give it a file and a title. It opens the file off
 * the main thread, asks for a password when the PDF has one, shows a status
 * page saying why when a file cannot be opened, and otherwise shows every
 * page with a toolbar (page number, zoom, find, print) and a sidebar of
 * thumbnails and the outline.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  PD_DOCUMENT_VIEWER_EMPTY,      /* nothing loaded yet */
  PD_DOCUMENT_VIEWER_LOADING,
  PD_DOCUMENT_VIEWER_PASSWORD,   /* waiting for the document's password */
  PD_DOCUMENT_VIEWER_ERROR,      /* a status page says why */
  PD_DOCUMENT_VIEWER_READY,
} PdDocumentViewerState;

#define PD_TYPE_DOCUMENT_VIEWER (pd_document_viewer_get_type ())
G_DECLARE_FINAL_TYPE (PdDocumentViewer, pd_document_viewer, PD, DOCUMENT_VIEWER, AdwBin)

PdDocumentViewer     *pd_document_viewer_new            (void);
void                  pd_document_viewer_load           (PdDocumentViewer *self,
                                                         GFile            *file,
                                                         const char       *title);
/* For a file the store reports missing or altered: shows @title and
 * @description on the error page instead of a document. */
void                  pd_document_viewer_show_error     (PdDocumentViewer *self,
                                                         const char       *title,
                                                         const char       *description);
void                  pd_document_viewer_go_to_page     (PdDocumentViewer *self,
                                                         int               page_index);
/* Opens the find bar with @text, searches, and lands on the first match at
 * or after the current page. */
void                  pd_document_viewer_find           (PdDocumentViewer *self,
                                                         const char       *text);
/* What the password prompt's Open button does. */
void                  pd_document_viewer_submit_password (PdDocumentViewer *self,
                                                          const char       *password);

PdDocumentViewerState pd_document_viewer_get_state      (PdDocumentViewer *self);
int                   pd_document_viewer_get_page       (PdDocumentViewer *self);
int                   pd_document_viewer_get_n_pages    (PdDocumentViewer *self);
/* 1.0 is 100 %. */
double                pd_document_viewer_get_zoom       (PdDocumentViewer *self);
/* The error page's title and description, or the password prompt's error. */
const char           *pd_document_viewer_get_error_title (PdDocumentViewer *self);
const char           *pd_document_viewer_get_error_text (PdDocumentViewer *self);
/* "No matches", "3 of 12", "Searching…"; NULL when no search. */
const char           *pd_document_viewer_get_find_status (PdDocumentViewer *self);
/* The current match's page, or -1. */
int                   pd_document_viewer_get_match_page (PdDocumentViewer *self);

G_END_DECLS
