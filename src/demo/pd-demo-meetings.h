/* pd-demo-meetings.h: the demo's meetings brought to life: who came, who
 * declared an interest, notes, actions, and papers on the newest agenda */
#pragma once

#include "pd-core.h"

G_BEGIN_DECLS

/* For the two newest meetings: attendance of the chair and @member_ids;
 * at the older one a declaration of interest, discussion notes and
 * actions, then its minutes approved; @paper_ids (gint64 document ids) put
 * on the newest meeting's action plan item, whose agenda is then published. */
gboolean pd_demo_meetings_fill_in (PdTransaction  *tx,
                                   gint64          chair_id,
                                   GArray         *member_ids,
                                   GArray         *paper_ids,
                                   GError        **error);

G_END_DECLS
