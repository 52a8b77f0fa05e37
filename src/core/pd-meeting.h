/* pd-meeting.h: a panel meeting: when and where, its chair and its status
 *
 * The Meetings view uses, besides this file: pd-agenda.h (the agenda and
 * what is recorded per item), pd-agenda-item.h (one item), pd-meeting-members.h
 * (invitations, attendance, quorum), pd-conflict.h (declarations of interest),
 * pd-meeting-action.h (actions arising), pd-agenda-paper.h (papers per item)
 * and, outside the core, pd-agenda-pack.h / pd-minutes-pdf.h (the PDFs).
 *
 * Status moves forward only: draft → agenda_published → in_progress → held
 * → minutes_approved. Publishing freezes the agenda (see pd-agenda.h). */
#pragma once

#include <glib-object.h>

#include "pd-database.h"
#include "pd-record-list.h"

G_BEGIN_DECLS

#define PD_TYPE_MEETING (pd_meeting_get_type ())
G_DECLARE_FINAL_TYPE (PdMeeting, pd_meeting, PD, MEETING, GObject)

typedef struct
{
  const char *title;        /* required: "Practice Review Panel" */
  const char *starts_at;    /* required: "2026-03-31T10:00:00Z" */
  const char *ends_at;      /* required, not before starts_at */
  const char *place;
  const char *video_link;   /* "https://…" or NULL */
  gint64      chair_id;     /* 0 for none yet */
  const char *status;       /* insert only, "draft" by default; another status only with
                             * allow_past (see pd_meeting_set_status) */
  gboolean    allow_past;   /* a new meeting that started in the past is refused unless TRUE
                             * (recording a meeting already held) */
} PdMeetingFields;

gint64       pd_meeting_get_id           (PdMeeting *self);
const char  *pd_meeting_get_title        (PdMeeting *self);
const char  *pd_meeting_get_starts_at    (PdMeeting *self);
const char  *pd_meeting_get_ends_at      (PdMeeting *self);
const char  *pd_meeting_get_place        (PdMeeting *self);
const char  *pd_meeting_get_video_link   (PdMeeting *self);  /* "" when none */
gint64       pd_meeting_get_chair_id     (PdMeeting *self);  /* 0 when none */
/* When the agenda was published, or NULL while it is a draft. */
const char  *pd_meeting_get_agenda_published_at (PdMeeting *self);
gboolean     pd_meeting_is_agenda_frozen (PdMeeting *self);
/* The scheduled length, from start to end. */
int          pd_meeting_get_length_minutes (PdMeeting *self);
const char  *pd_meeting_get_status       (PdMeeting *self);
const char  *pd_meeting_get_chair_name   (PdMeeting *self);  /* "" when none */
guint        pd_meeting_get_n_items      (PdMeeting *self);  /* agenda items */

const char  *pd_meeting_status_to_label  (const char *status);

PdMeeting    *pd_meeting_load            (PdDatabase *db, gint64 id, GError **error);
/* All meetings, latest first. */
PdRecordList *pd_meeting_list_new        (PdDatabase *db);
/* Refuses (PD_ERROR_INVALID, saying why) a missing title, a bad or reversed
 * start and end, and a start in the past unless @fields->allow_past.
 * Overlaps are not refused: ask pd_meeting_list_overlapping() first. */
gint64        pd_meeting_insert          (PdTransaction *tx, const PdMeetingFields *fields, GError **error);
/* Changes title, times, place, video link and chair (not the status). A
 * meeting moved into the past needs @fields->allow_past too. */
gboolean      pd_meeting_update          (PdTransaction *tx, gint64 id, const PdMeetingFields *fields,
                                          GError **error);
/* Moves the status forward. Publishing the agenda needs at least one item
 * (an empty agenda is refused) and freezes it from then on. */
gboolean      pd_meeting_set_status      (PdTransaction *tx, gint64 id, const char *status, GError **error);
/* The ids (gint64) of other meetings overlapping @starts_at..@ends_at,
 * leaving out @except_id (0 for none): what the UI warns about. */
GArray       *pd_meeting_list_overlapping (PdDatabase *db, const char *starts_at, const char *ends_at,
                                           gint64 except_id, GError **error);
/* The meetings (ids, gint64) starting in @year, earliest first. */
GArray       *pd_meeting_list_in_year    (PdDatabase *db, int year, GError **error);
/* Appends an agenda item of @kind ("new_referral", ...) at the end; returns
 * its id. A shorthand for pd_agenda_add_item() with the same checks. */
gint64        pd_meeting_add_agenda_item (PdTransaction *tx, gint64 meeting_id, const char *kind,
                                          const char *title, gint64 referral_id, int minutes,
                                          GError **error);

G_END_DECLS
