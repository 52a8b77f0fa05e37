/* pd-window.h: the main window: a database's four views, or the welcome page */
#pragma once

#include <adwaita.h>

#include "pd-core.h"
#include "pd-agenda-view.h"
#include "pd-backup-scheduler.h"
#include "pd-decisions-view.h"
#include "pd-documents-view.h"
#include "pd-referrals-view.h"
#include "pd-viewer-window.h"

G_BEGIN_DECLS

#define PD_TYPE_WINDOW (pd_window_get_type ())
G_DECLARE_FINAL_TYPE (PdWindow, pd_window, PD, WINDOW, AdwApplicationWindow)

PdWindow        *pd_window_new                  (GtkApplication *application);

/* Shows @db in the views (NULL: the welcome page). */
void             pd_window_set_database         (PdWindow       *self,
                                                 PdDatabase     *db);
PdDatabase      *pd_window_get_database         (PdWindow       *self);
/* Opens @path at once, shows it, then checks it for damage on a worker
 * thread; failures show the error page. */
void             pd_window_open_path            (PdWindow       *self,
                                                 const char     *path);
/* Makes the demo database at @path on a worker thread, then opens it. */
void             pd_window_create_demo          (PdWindow       *self,
                                                 const char     *path);
void             pd_window_show_welcome         (PdWindow       *self);

/* Makes @path what "Try Again" and the next start open. */
void             pd_window_remember_database    (PdWindow       *self,
                                                 const char     *path);

/* Ask for a file with the desktop's file chooser (pd-window-choosers.c). */
void             pd_window_choose_database      (PdWindow       *self);
void             pd_window_choose_new_database  (PdWindow       *self);

/* Shows a short message at the bottom of the window. */
/* What the last toast said, or NULL. */
const char      *pd_window_get_last_toast       (PdWindow       *self);
void             pd_window_add_toast            (PdWindow       *self,
                                                 const char     *message);

/* "welcome", "loading", "main" or "error". */
const char      *pd_window_get_page             (PdWindow       *self);
/* "referrals", "meetings", "decisions" or "documents". */
const char      *pd_window_get_view             (PdWindow       *self);
/* The error page's message, when it shows. */
const char      *pd_window_get_error_message    (PdWindow       *self);
/* The banner's message (read-only database, no write role), or NULL when hidden. */
const char      *pd_window_get_banner_message   (PdWindow       *self);
/* TRUE while the integrity check or the demo creation runs. */
gboolean         pd_window_is_busy              (PdWindow       *self);

PdReferralsView *pd_window_get_referrals_view   (PdWindow       *self);
/* Looks for others' changes to the database and shows them (the window
 * does so every two seconds by itself). */
void             pd_window_poll                 (PdWindow       *self);
/* "Also here: Jane Smith" when others have the database open, else NULL. */
const char      *pd_window_get_presence_text    (PdWindow       *self);
/* This computer's scheduled backups, or NULL without the installed schema. */
PdBackupScheduler *pd_window_get_backup_scheduler (PdWindow     *self);
PdAgendaView    *pd_window_get_agenda_view      (PdWindow       *self);
PdDecisionsView *pd_window_get_decisions_view   (PdWindow       *self);
PdDocumentsView *pd_window_get_documents_view   (PdWindow       *self);

/* Opens an attached document (its file already verified) at @page_index,
 * finding @query (NULL for none); a document already open comes forward. */
PdViewerWindow  *pd_window_open_document      (PdWindow   *self,
                                               gint64      document_id,
                                               const char *path,
                                               int         page_index,
                                               const char *query);

G_END_DECLS
