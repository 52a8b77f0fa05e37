/* pd-conflict.h: declarations of conflict of interest, per member per agenda item */
#pragma once

#include <glib.h>

#include "pd-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  agenda_item_id;
  int     item_position;   /* the item's number on the agenda */
  char   *item_title;
  gint64  person_id;
  char   *person_name;
  char   *agency;
  char   *nature;          /* what the interest is, in the member's words */
  char   *declared_at;
} PdConflict;

void        pd_conflict_free             (PdConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdConflict, pd_conflict_free)

/* Records that @person_id declared an interest in item @agenda_item_id;
 * @nature must not be blank. A second declaration by the same member on
 * the same item replaces the wording. Returns the declaration's id. */
gint64      pd_conflict_declare          (PdTransaction  *tx,
                                          gint64          agenda_item_id,
                                          gint64          person_id,
                                          const char     *nature,
                                          GError        **error);
/* Removes a declaration recorded by mistake (audited). */
gboolean    pd_conflict_remove           (PdTransaction  *tx,
                                          gint64          id,
                                          GError        **error);
/* The declarations on one item, or with @agenda_item_id 0 on the whole
 * meeting @meeting_id, in agenda order (PdConflict). */
GPtrArray  *pd_conflict_list             (PdDatabase     *db,
                                          gint64          meeting_id,
                                          gint64          agenda_item_id,
                                          GError        **error);

G_END_DECLS
