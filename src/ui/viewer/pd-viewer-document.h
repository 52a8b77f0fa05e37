/* pd-viewer-document.h: a PDF opened for the viewer, and why one cannot be
 *
 * Holds the file (read lazily by poppler, only the parts a page needs) or
 * bytes in memory, and the main thread's own PopplerDocument, used for page
 * sizes, text, find, outline and printing. The render worker opens its own
 * instance of the same source: a poppler document is never used by two
 * threads at once.
 */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

/* poppler-glib 22.12 declares no autoptr cleanup of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define PD_PDF_ERROR (pd_pdf_error_quark ())

typedef enum
{
  PD_PDF_ERROR_EMPTY,           /* the file has no bytes at all */
  PD_PDF_ERROR_NOT_PDF,         /* no PDF header: another kind of file */
  PD_PDF_ERROR_DAMAGED,         /* a PDF header, but poppler cannot read it */
  PD_PDF_ERROR_NEEDS_PASSWORD,  /* encrypted, no password given */
  PD_PDF_ERROR_WRONG_PASSWORD,  /* encrypted, the password given does not open it */
  PD_PDF_ERROR_UNREADABLE,      /* the file itself cannot be read */
} PdPdfError;

GQuark pd_pdf_error_quark (void);

typedef struct
{
  char *title;
  int   depth;       /* 0 for a top-level entry */
  int   page_index;  /* -1 when the entry points nowhere in this file */
} PdOutlineEntry;

#define PD_TYPE_VIEWER_DOCUMENT (pd_viewer_document_get_type ())
G_DECLARE_FINAL_TYPE (PdViewerDocument, pd_viewer_document, PD, VIEWER_DOCUMENT, GObject)

/* Opens @bytes or @file (any thread; the result then belongs to the
 * caller's thread). */
PdViewerDocument *pd_viewer_document_new_from_bytes (GBytes      *bytes,
                                                     const char  *password,
                                                     GError     **error);
PdViewerDocument *pd_viewer_document_new_for_file   (GFile         *file,
                                                     const char    *password,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
/* Reads @file and opens it on a worker thread. */
void              pd_viewer_document_load_async     (GFile               *file,
                                                     const char          *password,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
PdViewerDocument *pd_viewer_document_load_finish    (GAsyncResult  *result,
                                                     GError       **error);

/* Another PopplerDocument of the same file and password, for the calling
 * thread alone (the render worker's). Safe from any thread. */
PopplerDocument  *pd_viewer_document_open_poppler   (PdViewerDocument  *self,
                                                     GError           **error);
const char       *pd_viewer_document_get_password   (PdViewerDocument *self);
PopplerDocument  *pd_viewer_document_get_poppler    (PdViewerDocument *self);
int               pd_viewer_document_get_n_pages    (PdViewerDocument *self);
/* In points; every page's size is known once the document is open. */
void              pd_viewer_document_get_page_size  (PdViewerDocument *self,
                                                     int               page_index,
                                                     double           *width,
                                                     double           *height);
void              pd_viewer_document_get_max_page_size (PdViewerDocument *self,
                                                        double           *width,
                                                        double           *height);
/* The bookmarks in reading order (PdOutlineEntry), empty when it has none. */
GPtrArray        *pd_viewer_document_get_outline    (PdViewerDocument *self);
/* Where @text occurs on the page, as PopplerRectangles in points from the
 * page's top left (case-insensitive); an empty array when nowhere. */
GArray           *pd_viewer_document_find_on_page   (PdViewerDocument *self,
                                                     int               page_index,
                                                     const char       *text);

G_END_DECLS
