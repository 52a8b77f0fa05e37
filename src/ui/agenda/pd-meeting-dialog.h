/* pd-meeting-dialog.h: scheduling a new meeting */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_MEETING_DIALOG (pd_meeting_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdMeetingDialog, pd_meeting_dialog, PD, MEETING_DIALOG, AdwWindow)

/* Emits "meeting-created" (gint64 id) once the meeting is saved. */
PdMeetingDialog *pd_meeting_dialog_new      (GtkWindow  *parent,
                                             PdDatabase *db);
/* Fills the form: what a user types, for tests and for copying a meeting.
 * @date "YYYY-MM-DD", @start and @end "HH:MM" local time. */
void             pd_meeting_dialog_set_form (PdMeetingDialog *self,
                                             const char      *title,
                                             const char      *date,
                                             const char      *start,
                                             const char      *end,
                                             const char      *place);
/* Saves as the Create button does; an overlap asks first. */
void             pd_meeting_dialog_save     (PdMeetingDialog *self);
/* The message shown for the last failed save, or NULL. */
const char      *pd_meeting_dialog_get_error (PdMeetingDialog *self);

G_END_DECLS
