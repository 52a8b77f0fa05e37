/* pd-agenda-view.h: the Meetings view: the meetings, one meeting's page,
 * and presentation mode */
#pragma once

#include <adwaita.h>

#include "pd-core.h"
#include "pd-meeting-dialog.h"
#include "pd-meeting-page.h"
#include "pd-presentation.h"

G_BEGIN_DECLS

#define PD_TYPE_AGENDA_VIEW (pd_agenda_view_get_type ())
G_DECLARE_FINAL_TYPE (PdAgendaView, pd_agenda_view, PD, AGENDA_VIEW, AdwBin)

/* Signal "open-document" (gint64 document_id, const char *path, int
 * page_index, const char *query): a paper was asked for and its file
 * checked against its fingerprint; the window shows it in the viewer.
 * Actions (group "agenda"): new-meeting, back, show-meeting (x),
 * export-year (this year's meetings as an .ics file). */

/* Shows the meetings of @db, or nothing when @db is NULL. */
void        pd_agenda_view_set_database (PdAgendaView *self,
                                     PdDatabase *db);
PdDatabase *pd_agenda_view_get_database (PdAgendaView *self);
/* How many meetings the list has. */
guint       pd_agenda_view_get_n_rows   (PdAgendaView *self);
/* "list", "empty", "meeting", "presentation" or "error" */
const char *pd_agenda_view_get_shown    (PdAgendaView *self);
/* Reads the meetings again (after a change made elsewhere). */
void        pd_agenda_view_reload       (PdAgendaView *self);
/* Opens the page of meeting @meeting_id. */
gboolean    pd_agenda_view_show_meeting (PdAgendaView *self,
                                         gint64        meeting_id,
                                         GError      **error);
/* Opens the New Meeting dialog, as its button does. */
PdMeetingDialog *pd_agenda_view_new_meeting (PdAgendaView *self);
/* The meetings starting in @year as one .ics file at @path; FALSE with
 * the reason in a toast. */
gboolean         pd_agenda_view_export_year (PdAgendaView *self,
                                             int           year,
                                             const char   *path);
PdMeetingPage   *pd_agenda_view_get_meeting_page (PdAgendaView *self);
PdPresentation  *pd_agenda_view_get_presentation (PdAgendaView *self);

G_END_DECLS
