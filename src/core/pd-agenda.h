/* pd-agenda.h: building a meeting's agenda and recording what happens at it
 *
 * Items are numbered by position, 1, 2, 3…; every change of order
 * renumbers the whole agenda inside one transaction, so the UNIQUE
 * (meeting_id, position) rule is never broken, even half-way.
 *
 * A published agenda is frozen. While the meeting is a draft the functions
 * below change it freely (@reason may be NULL). Once it is published each
 * change needs a @reason and is recorded as an addendum (see
 * pd_agenda_list_changes()): a new item is marked as an addendum, a removed
 * item is kept as withdrawn, a move or an edit is listed with its reason.
 * Without a reason the change is refused with PD_ERROR_INVALID.
 *
 * Everything here runs inside pd_database_write() and writes audit rows.
 */
#pragma once

#include <glib-object.h>

#include "pd-database.h"
#include "pd-decision.h"

G_BEGIN_DECLS

typedef struct
{
  const char *kind;                /* required: see pd_agenda_item_get_kind() */
  const char *title;               /* required */
  gint64      referral_id;         /* required for new_referral and review_progress, else 0 */
  gint64      previous_meeting_id; /* minutes: the meeting approved; 0 = the one before this */
  int         minutes;             /* time allocated, >= 0 */
  gint64      presenter_id;        /* 0 for none */
} PdAgendaItemFields;

/* One recorded change of a published agenda. */
typedef struct
{
  gint64  id;
  gint64  agenda_item_id;  /* 0 when the item is gone */
  char   *description;     /* "Item 4 added: …", "Item 2 moved to 5" */
  char   *reason;
  char   *changed_by;      /* display name, "" when unknown */
  char   *changed_at;
} PdAgendaChange;

void          pd_agenda_change_free        (PdAgendaChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdAgendaChange, pd_agenda_change_free)

/* Appends an item; returns its id. Refuses a new_referral item whose
 * referral was deleted or already has a decision, a review_progress item
 * whose referral has no commissioned review, and the same referral twice
 * on one agenda. */
gint64        pd_agenda_add_item           (PdTransaction            *tx,
                                            gint64                    meeting_id,
                                            const PdAgendaItemFields *fields,
                                            const char               *reason,
                                            GError                  **error);
/* Adds a new_referral item for every referral awaiting a recommendation
 * (received, information requested or on an agenda, with no recommendation
 * or decision yet) that is not on this agenda already, oldest first, each
 * with @minutes_each. *@out_n_added gets how many (may be 0). */
gboolean      pd_agenda_add_awaiting_referrals (PdTransaction *tx,
                                                gint64         meeting_id,
                                                int            minutes_each,
                                                const char    *reason,
                                                guint         *out_n_added,
                                                GError       **error);
/* Moves an item @delta places up (negative) or down (positive); moving
 * past either end is refused with PD_ERROR_INVALID. */
gboolean      pd_agenda_move_item          (PdTransaction  *tx,
                                            gint64          item_id,
                                            int             delta,
                                            const char     *reason,
                                            GError        **error);
/* Moves an item to @position (1 = first); the others close up. */
gboolean      pd_agenda_move_item_to       (PdTransaction  *tx,
                                            gint64          item_id,
                                            int             position,
                                            const char     *reason,
                                            GError        **error);
/* Changes title, time and presenter (kind and links stay). */
gboolean      pd_agenda_update_item        (PdTransaction            *tx,
                                            gint64                    item_id,
                                            const PdAgendaItemFields *fields,
                                            const char               *reason,
                                            GError                  **error);
/* Deletes a draft item (its papers stay in the store, unlinked); on a
 * published agenda marks it withdrawn instead. */
gboolean      pd_agenda_remove_item        (PdTransaction  *tx,
                                            gint64          item_id,
                                            const char     *reason,
                                            GError        **error);

/* The discussion notes the minute-taker keeps for an item (any time). */
gboolean      pd_agenda_set_notes          (PdTransaction  *tx,
                                            gint64          item_id,
                                            const char     *notes,
                                            GError        **error);
/* Records the panel's recommendation at an item: a pd-decision
 * "recommendation" tied to the item's referral and meeting (@fields'
 * referral_id, meeting_id and kind are filled in). Returns its id. */
gint64        pd_agenda_record_recommendation (PdTransaction          *tx,
                                               gint64                  item_id,
                                               const PdDecisionFields *fields,
                                               GError                **error);
/* The newest recommendation recorded at the item's meeting for its
 * referral, or 0 for none. */
gint64        pd_agenda_find_recommendation (PdDatabase *db,
                                             gint64      item_id,
                                             GError    **error);

/* Minutes allocated to the items not withdrawn: the running total to show
 * against pd_meeting_get_length_minutes(). -1 on error. */
int           pd_agenda_total_minutes      (PdDatabase  *db,
                                            gint64       meeting_id,
                                            GError     **error);
/* The addendum: changes after publication, oldest first (PdAgendaChange). */
GPtrArray    *pd_agenda_list_changes       (PdDatabase  *db,
                                            gint64       meeting_id,
                                            GError     **error);

G_END_DECLS
