/* pd-meeting-members-group.h: who is invited, who came, and whether the quorum is met */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_MEETING_MEMBERS_GROUP (pd_meeting_members_group_get_type ())
G_DECLARE_FINAL_TYPE (PdMeetingMembersGroup, pd_meeting_members_group, PD, MEETING_MEMBERS_GROUP, GtkBox)

/* Emits "changed" after it recorded attendance or an invitation, and
 * "message" (const char *) with an error to show. */
PdMeetingMembersGroup *pd_meeting_members_group_new  (void);
void                   pd_meeting_members_group_show (PdMeetingMembersGroup *self,
                                                      PdDatabase            *db,
                                                      gint64                 meeting_id);
/* Records @attendance for @person_id as the row's drop-down does. */
gboolean               pd_meeting_members_group_set_attendance (PdMeetingMembersGroup *self,
                                                                gint64                 person_id,
                                                                const char            *attendance);
/* The quorum line as shown: "Quorum met: …" or "Quorum not met: …". */
const char            *pd_meeting_members_group_get_quorum_text (PdMeetingMembersGroup *self);

G_END_DECLS
