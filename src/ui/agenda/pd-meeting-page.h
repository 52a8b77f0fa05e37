/* pd-meeting-page.h: one meeting: details, status, attendance, the agenda builder */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_MEETING_PAGE (pd_meeting_page_get_type ())
G_DECLARE_FINAL_TYPE (PdMeetingPage, pd_meeting_page, PD, MEETING_PAGE, AdwBin)

/* Signals: "open-document" (gint64 document_id, const char *path, int
 * page_index, const char *query) after the paper's file was checked;
 * "present" () when presentation mode is asked for; "changed" () after
 * every write, so the meetings list refreshes. Actions (group "meeting"):
 * add-item, add-awaiting, move-focused (i: delta; Alt+Up/Down), move-item
 * ((xi) item id and delta), move-item-to ((xi) item id and position),
 * remove-item (x), undo-remove (the toast's Undo), declare-interest ((xxs)
 * item, person, nature), open-paper (x document
 * id), next-status, agenda-pack, minutes, export-calendar, present. */
PdMeetingPage *pd_meeting_page_new          (void);
gboolean       pd_meeting_page_show         (PdMeetingPage *self,
                                             PdDatabase    *db,
                                             gint64         meeting_id,
                                             GError       **error);
gint64         pd_meeting_page_get_meeting_id (PdMeetingPage *self);
/* Reloads after a write made elsewhere (presentation mode). */
void           pd_meeting_page_reload       (PdMeetingPage *self);
/* The agenda as shown: "1. Title" per row, withdrawn ones included. */
GStrv          pd_meeting_page_dup_item_titles (PdMeetingPage *self);
gint64         pd_meeting_page_get_item_id  (PdMeetingPage *self,
                                             guint          position);
/* Focuses agenda row @position (from 1), as Tab would. */
void           pd_meeting_page_focus_item   (PdMeetingPage *self,
                                             guint          position);
/* "Total 45 of 120 minutes", and whether it is over. */
const char    *pd_meeting_page_get_total_text (PdMeetingPage *self,
                                               gboolean      *over);
/* Papers found missing or altered by the last check, -1 while it runs. */
int            pd_meeting_page_get_n_flagged_papers (PdMeetingPage *self);
/* Builds the agenda pack into @path on a worker thread, with progress. */
void           pd_meeting_page_build_pack   (PdMeetingPage *self,
                                             const char    *path);
gboolean       pd_meeting_page_is_building  (PdMeetingPage *self);
/* The minutes PDF into @path, on a worker thread; then a toast. */
void           pd_meeting_page_write_minutes (PdMeetingPage *self,
                                              const char    *path);
gboolean       pd_meeting_page_is_writing_minutes (PdMeetingPage *self);
/* The meeting as an .ics file at @path; FALSE with the reason shown. */
gboolean       pd_meeting_page_export_calendar (PdMeetingPage *self,
                                                const char    *path);
/* The last error or message shown in a toast, or NULL. */
/* Copies @paths into the store on a worker thread and puts them on agenda
 * item @item_id (late papers once the agenda is published); says how many
 * in a toast. */
void           pd_meeting_page_attach_papers (PdMeetingPage     *self,
                                              gint64             item_id,
                                              const char *const *paths);
gboolean       pd_meeting_page_is_attaching (PdMeetingPage *self);
const char    *pd_meeting_page_get_last_message (PdMeetingPage *self);

G_END_DECLS
