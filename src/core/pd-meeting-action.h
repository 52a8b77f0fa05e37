/* pd-meeting-action.h: actions arising at a meeting: what, who, by when, done */
#pragma once

#include <glib.h>

#include "pd-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  meeting_id;
  gint64  agenda_item_id;  /* 0 when not tied to an item */
  int     item_position;   /* 0 when not tied to an item */
  char   *description;
  char   *owner;           /* a person or an agency */
  char   *due_on;          /* "YYYY-MM-DD" or NULL */
  char   *done_on;         /* "YYYY-MM-DD" or NULL while open */
} PdMeetingAction;

void        pd_meeting_action_free      (PdMeetingAction *action);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdMeetingAction, pd_meeting_action_free)

/* Records an action; @description and @owner are required, @due_on is
 * NULL or a real date. @agenda_item_id must be an item of the meeting or 0. */
gint64      pd_meeting_action_add       (PdTransaction  *tx,
                                         gint64          meeting_id,
                                         gint64          agenda_item_id,
                                         const char     *description,
                                         const char     *owner,
                                         const char     *due_on,
                                         GError        **error);
/* Marks it done on @done_on ("YYYY-MM-DD"), or open again with NULL. */
gboolean    pd_meeting_action_set_done  (PdTransaction  *tx,
                                         gint64          id,
                                         const char     *done_on,
                                         GError        **error);
/* The actions of a meeting in agenda order (PdMeetingAction). */
GPtrArray  *pd_meeting_action_list      (PdDatabase     *db,
                                         gint64          meeting_id,
                                         GError        **error);

G_END_DECLS
