/* pd-meeting.h: a panel meeting */
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
  gint64      chair_id;     /* 0 for none yet */
  const char *status;       /* "draft" by default */
} PdMeetingFields;

gint64       pd_meeting_get_id           (PdMeeting *self);
const char  *pd_meeting_get_title        (PdMeeting *self);
const char  *pd_meeting_get_starts_at    (PdMeeting *self);
const char  *pd_meeting_get_ends_at      (PdMeeting *self);
const char  *pd_meeting_get_place        (PdMeeting *self);
const char  *pd_meeting_get_status       (PdMeeting *self);
const char  *pd_meeting_get_chair_name   (PdMeeting *self);  /* "" when none */
guint        pd_meeting_get_n_items      (PdMeeting *self);  /* agenda items */

const char  *pd_meeting_status_to_label  (const char *status);

PdMeeting    *pd_meeting_load            (PdDatabase *db, gint64 id, GError **error);
/* All meetings, latest first. */
PdRecordList *pd_meeting_list_new        (PdDatabase *db);
gint64        pd_meeting_insert          (PdTransaction *tx, const PdMeetingFields *fields, GError **error);
/* Appends an agenda item of @kind ("new_referral", ...) at the end; returns its id. */
gint64        pd_meeting_add_agenda_item (PdTransaction *tx, gint64 meeting_id, const char *kind,
                                          const char *title, gint64 referral_id, int minutes,
                                          GError **error);

G_END_DECLS
