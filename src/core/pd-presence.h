/* pd-presence.h: who else has the database open, and what they are editing
 *
 * Each client keeps a small file of its own in a folder beside the
 * database ("panel.paneldesk.presence/CLIENT-ID"), renewed every half
 * minute: who, on which machine, since when, and the record it is editing.
 * Files, not rows: being present is not a change to the record, so it
 * takes no lock, leaves no ledger entry and wakes no one's refresh. A file
 * not renewed for 90 seconds is a client that went away.
 */
#pragma once

#include <glib.h>

#include "pd-database.h"

G_BEGIN_DECLS

#define PD_PRESENCE_RENEW_SECONDS 30
#define PD_PRESENCE_GONE_SECONDS  90

typedef struct
{
  char   *login_name;
  char   *display_name;
  char   *machine;
  char   *since;            /* ISO 8601, UTC */
  char   *editing_entity;   /* "referral", or NULL */
  gint64  editing_id;
  char   *editing_since;    /* ISO 8601, UTC, or NULL */
} PdPresence;

void        pd_presence_free          (PdPresence *presence);

/* Says this client is here (and editing @entity @id, or nothing when
 * @entity is NULL); renew it every PD_PRESENCE_RENEW_SECONDS. */
gboolean    pd_presence_announce      (PdDatabase  *db,
                                       const char  *entity,
                                       gint64       id,
                                       GError     **error);
/* Says the same again: what the last announce said (a renewal). */
gboolean    pd_presence_renew         (PdDatabase  *db);
/* This client is gone: its file is removed. */
void        pd_presence_leave         (PdDatabase  *db);
/* The other clients here now: a new array of PdPresence. */
GPtrArray  *pd_presence_list_others   (PdDatabase  *db,
                                       GError     **error);
/* The first other client editing @entity @id, or NULL; free it. */
PdPresence *pd_presence_find_editor   (PdDatabase  *db,
                                       const char  *entity,
                                       gint64       id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPresence, pd_presence_free)

G_END_DECLS
