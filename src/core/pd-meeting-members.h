/* pd-meeting-members.h: who is invited to a meeting, who came, and the quorum */
#pragma once

#include <glib.h>

#include "pd-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  person_id;
  char   *display_name;
  char   *agency;       /* "" when none */
  char   *role;         /* "chair", "member", ... (the people list's) */
  char   *attendance;   /* "invited", "present", "apologies" or "absent" */
  char   *arrived_at;   /* set when marked present during the meeting, else NULL */
  char   *left_at;      /* set when marked absent after being present, else NULL */
} PdMeetingMember;

void        pd_meeting_member_free        (PdMeetingMember *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdMeetingMember, pd_meeting_member_free)

const char *pd_attendance_to_label        (const char *attendance);

/* Invites someone from the people list; inviting twice changes nothing. */
gboolean    pd_meeting_invite             (PdTransaction  *tx,
                                           gint64          meeting_id,
                                           gint64          person_id,
                                           GError        **error);
/* Invites the meeting's chair and every active panel member (role
 * "member") not invited yet; *@out_n_invited gets how many (may be NULL). */
gboolean    pd_meeting_invite_panel       (PdTransaction  *tx,
                                           gint64          meeting_id,
                                           guint          *out_n_invited,
                                           GError        **error);
/* Takes an invitation back (only while nobody has recorded attendance). */
gboolean    pd_meeting_uninvite           (PdTransaction  *tx,
                                           gint64          meeting_id,
                                           gint64          person_id,
                                           GError        **error);
/* Records attendance: "present", "apologies", "absent" (or "invited").
 * Someone not invited is invited at the same time (a late attendee).
 * While the meeting is in progress, arriving and leaving are timed. */
gboolean    pd_meeting_set_attendance     (PdTransaction  *tx,
                                           gint64          meeting_id,
                                           gint64          person_id,
                                           const char     *attendance,
                                           GError        **error);
/* The invited, chair first, then by agency and name (PdMeetingMember). */
GPtrArray  *pd_meeting_list_members       (PdDatabase     *db,
                                           gint64          meeting_id,
                                           GError        **error);

/* The quorum rule of the database, kept in its settings. */
typedef struct
{
  gboolean chair_required;  /* the meeting's chair must be present */
  int      min_agencies;    /* distinct agencies of members present, chair's not counted */
} PdQuorumRule;

void        pd_quorum_rule_load           (PdDatabase         *db,
                                           PdQuorumRule       *rule);
gboolean    pd_quorum_rule_save           (PdTransaction      *tx,
                                           const PdQuorumRule *rule,
                                           GError            **error);

typedef struct
{
  gboolean  met;
  gboolean  chair_present;
  guint     n_agencies;     /* distinct agencies present */
  char     *agencies;       /* those agencies, ", "-joined */
  char     *explanation;    /* "Quorum met: the chair and 3 agencies (…) are present." */
} PdQuorum;

void        pd_quorum_clear               (PdQuorum *quorum);

/* Whether the attendance recorded now meets the rule, and why. FALSE only
 * when it cannot be read (@error set). */
gboolean    pd_meeting_check_quorum       (PdDatabase     *db,
                                           gint64          meeting_id,
                                           PdQuorum       *out_quorum,
                                           GError        **error);

G_END_DECLS
