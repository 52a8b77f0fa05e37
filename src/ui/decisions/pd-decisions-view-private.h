/* pd-decisions-view-private.h: what the view's two files share */
#pragma once

#include "pd-decisions-view.h"
#include "pd-record-table.h"
#include "pd-window.h"

G_BEGIN_DECLS

struct _PdDecisionsView
{
  AdwBin          parent_instance;

  GtkStack       *pages;
  PdRecordTable  *table;
  GtkRevealer    *altered_revealer;
  GtkLabel       *altered_label;
  GtkRevealer    *awaiting_revealer;
  GtkLabel       *awaiting_label;
  GtkWidget      *awaiting_button;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown    *state_dropdown;
  GtkDropDown    *outcome_dropdown;
  GtkDropDown    *chair_dropdown;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *filter_error;
  GtkWidget      *recommend_button;
  GtkWidget      *back_button;
  GtkLabel       *decision_title;
  GtkWidget      *edit_button;
  GtkWidget      *decide_button;
  GtkWidget      *sign_button;
  GtkWidget      *supersede_button;
  GtkWidget      *notice_button;
  PdDecisionPage *decision_page;

  PdDatabase     *db;
  PdRecordList   *list;       /* the log as filtered, newest first */
  GArray         *chair_ids;  /* gint64, the chair dropdown's people after "Any chair" */
  gint64          open_id;    /* the record shown, 0 on the list */
  guint           n_awaiting;
  gboolean        stale;      /* changed elsewhere while off screen */
  guint           n_altered;  /* signed decisions that are no longer what was signed */
};

/* pd-decisions-view-rows.c */
void        _pd_decisions_view_add_columns    (PdRecordTable *table);
GHashTable *_pd_decisions_view_verify_chain   (PdDatabase    *db);
gpointer    _pd_decisions_view_load_checked   (PdDatabase    *db,
                                               gint64         id,
                                               GError       **error);
char       *_pd_decisions_view_signature_text (gpointer       item);

void _pd_decisions_view_apply_filters       (PdDecisionsView       *self);
void _pd_decisions_view_update_awaiting     (PdDecisionsView       *self);
void _pd_decisions_view_toast               (PdDecisionsView       *self,
                                             const char            *message);
void _pd_decisions_view_class_init_actions  (GtkWidgetClass        *widget_class);
void _pd_decisions_view_add_action_shortcuts (GtkShortcutController *controller);

G_END_DECLS
