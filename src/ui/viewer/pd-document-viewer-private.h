/* pd-document-viewer-private.h: what the viewer's two files share
 *
 * pd-document-viewer.c loads documents and runs the toolbar and actions;
 * pd-document-viewer-find.c runs the find bar.
 */
#pragma once

#include "pd-document-search.h"
#include "pd-document-viewer.h"
#include "pd-page-view.h"
#include "pd-viewer-document.h"
#include "pd-viewer-sidebar.h"

G_BEGIN_DECLS

struct _PdDocumentViewer
{
  AdwBin            parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  GtkSpinner       *spinner;
  AdwStatusPage    *password_page;
  GtkPasswordEntry *password_entry;
  GtkLabel         *password_error;
  AdwStatusPage    *error_page;
  GtkEntry         *page_entry;
  GtkLabel         *page_count;
  GtkLabel         *title_label;
  GtkMenuButton    *zoom_button;
  GtkToggleButton  *find_button;
  GtkSearchBar     *search_bar;
  GtkSearchEntry   *find_entry;
  GtkLabel         *find_status;
  AdwFlap          *flap;
  PdViewerSidebar  *sidebar;
  PdPageView       *page_view;

  PdDocumentViewerState state;
  GFile            *file;
  char             *title;
  GCancellable     *cancellable;
  PdViewerDocument *document;
  PdRenderWorker   *worker;

  PdDocumentSearch *search;
  int               match_index;   /* -1 for none */
  int               match_page;
  gboolean          land_on_match; /* go to the first match when it is found */
  guint             sync_id;

  /* Asked for while the document was still opening: done once it is. */
  int               pending_page;  /* -1 for none */
  char             *pending_find;
};

/* From pd-document-viewer-find.c */
void     _pd_document_viewer_clear_search        (PdDocumentViewer *self);
void     _pd_document_viewer_step_match          (PdDocumentViewer *self,
                                                  int               step);
gboolean _pd_document_viewer_find_key_pressed    (GtkEventControllerKey *controller,
                                                  guint                  keyval,
                                                  guint                  keycode,
                                                  GdkModifierType        state,
                                                  PdDocumentViewer      *self);
void     _pd_document_viewer_search_mode_changed (PdDocumentViewer *self);
/* Template callbacks of the find bar. */
void     _pd_document_viewer_on_find_changed     (PdDocumentViewer *self);
void     _pd_document_viewer_on_find_activate    (PdDocumentViewer *self);
void     _pd_document_viewer_on_find_next        (PdDocumentViewer *self);
void     _pd_document_viewer_on_find_previous    (PdDocumentViewer *self);
void     _pd_document_viewer_on_find_stop        (PdDocumentViewer *self);

G_END_DECLS
