/* pd-documents-view-private.h: what the Documents view's files share */
#pragma once

#include "pd-documents-view.h"
#include "pd-record-table.h"

G_BEGIN_DECLS

struct _PdDocumentsView
{
  AdwBin           parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *kind_filter;
  GtkEntry        *referral_entry;
  GtkDropDown     *attach_kind;
  GtkRevealer     *progress_revealer;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkStack        *stack;
  PdRecordTable   *table;
  GtkListBox      *hits_list;

  PdDatabase      *db;
  GPtrArray       *hits;          /* PdFulltextHit of the search shown */
  char            *query;         /* what was searched for */
  char            *last_message;
  GCancellable    *cancellable;   /* the jobs of this database */
  guint            n_attaching;
  gboolean         extracting;
  gboolean         extract_again; /* files came in while extracting */
};

/* pd-documents-view.c */
void        _pd_documents_view_show_message    (PdDocumentsView *self,
                                                const char      *message);
void        _pd_documents_view_reload_list     (PdDocumentsView *self);
/* The kind chosen in @drop_down; NULL for the filter's "All Kinds" when
 * @first_is_all. */
const char *_pd_documents_view_chosen_kind     (GtkDropDown     *drop_down,
                                                gboolean         first_is_all);

/* pd-documents-view-attach.c */
void        _pd_documents_view_update_progress (PdDocumentsView *self);
/* Extracts the text of PDFs still waiting, unless it is under way. */
void        _pd_documents_view_start_extraction (PdDocumentsView *self);
void        _pd_documents_view_attach_action   (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);
void        _pd_documents_view_add_drop_target (PdDocumentsView *self);

G_END_DECLS
