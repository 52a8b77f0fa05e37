/* pd-window-private.h: the window's parts, shared by pd-window.c, pd-window-open.c and pd-window-watch.c */
#pragma once

#include "pd-backup-scheduler.h"
#include "pd-core.h"
#include "pd-welcome-page.h"
#include "pd-window.h"

G_BEGIN_DECLS

struct _PdWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkSpinner           *check_spinner;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkStack             *main_stack;
  PdWelcomePage        *welcome_page;
  GtkSpinner           *loading_spinner;
  GtkLabel             *loading_label;
  GtkProgressBar       *loading_progress;
  GtkWidget            *loading_cancel_button;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  GtkWidget            *error_open_button;
  PdReferralsView      *referrals_view;
  PdAgendaView         *agenda_view;
  PdDecisionsView      *decisions_view;
  PdDocumentsView      *documents_view;

  GSettings            *settings;
  PdBackupScheduler    *backups;      /* NULL without the installed schema */
  guint                 poll_id;
  guint                 polls;        /* since presence was last renewed */
  GtkLabel             *presence_label;
  char                 *change_mark;  /* the database as last read */
  char                 *last_toast;
  gboolean              share_away;   /* the last poll could not reach the file */
  PdDatabase           *db;
  GCancellable         *cancellable;      /* the running check or demo creation */
  char                 *retry_path;       /* what "Try Again" opens */
  gboolean              retry_is_demo;
  guint                 busy : 1;
};

/* The window's pages ("welcome", "loading", "main", "error") and its state. */
void  _pd_window_show_page  (PdWindow   *self,
                             const char *name);
void  _pd_window_set_busy   (PdWindow   *self,
                             gboolean    busy);
void  _pd_window_show_error (PdWindow   *self,
                             const char *title,
                             const char *message);
/* Stops the running check or demo creation. */
void  _pd_window_cancel_work (PdWindow  *self);

/* The banner's news, most serious first; NULL when there is none. */
char *_pd_window_describe_missing_commits    (PdDatabase  *db);
char *_pd_window_describe_altered_signatures (PdDatabase  *db);
/* "Also here: Jane Smith"; NULL when no one else has the database open. */
char *_pd_window_describe_presence           (PdDatabase  *db,
                                              char       **out_details);

G_END_DECLS
