/* pd-meeting-ics.h: panel meetings as an iCalendar (.ics) file, RFC 5545 */
#pragma once

#include <glib.h>

#include "pd-database.h"

G_BEGIN_DECLS

/* The meeting @meeting_id, or with @meeting_id 0 every meeting starting in
 * @year, as the text of an .ics file (CRLF lines folded at 75 octets).
 * An event's UID stays the same between exports, so a calendar that
 * imports the file again updates the meeting instead of adding it twice. */
char *pd_meeting_ics_export (PdDatabase  *db,
                             gint64       meeting_id,
                             int          year,
                             GError     **error);

G_END_DECLS
