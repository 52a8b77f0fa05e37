/* pd-agenda-private.h: what the agenda's neighbours (papers) share with it */
#pragma once

#include "pd-database.h"

G_BEGIN_DECLS

/* Whether @meeting_id's agenda is published (frozen); FALSE with @error
 * when the meeting is not there. */
gboolean _pd_agenda_meeting_is_frozen (PdDatabase     *db,
                                       gint64          meeting_id,
                                       gboolean       *out_frozen,
                                       GError        **error);
/* Once the minutes are approved, what was recorded at the meeting (notes,
 * recommendations, attendance, declarations) is fixed: PD_ERROR_INVALID. */
gboolean _pd_agenda_check_open_record (PdDatabase     *db,
                                       gint64          meeting_id,
                                       GError        **error);
/* A frozen agenda changes only with a reason, recorded as an addendum. */
gboolean _pd_agenda_check_reason      (gboolean        frozen,
                                       const char     *reason,
                                       GError        **error);
/* Adds a line to the addendum (agenda_changes), audited. */
gboolean _pd_agenda_record_change     (PdTransaction  *tx,
                                       gint64          meeting_id,
                                       gint64          item_id,
                                       const char     *description,
                                       const char     *reason,
                                       GError        **error);

G_END_DECLS
