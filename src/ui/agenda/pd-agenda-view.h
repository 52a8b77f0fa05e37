/* pd-agenda-view.h: the Meetings view */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_AGENDA_VIEW (pd_agenda_view_get_type ())
G_DECLARE_FINAL_TYPE (PdAgendaView, pd_agenda_view, PD, AGENDA_VIEW, AdwBin)

/* Shows the meetings of @db, or nothing when @db is NULL. */
void        pd_agenda_view_set_database (PdAgendaView *self,
                                     PdDatabase *db);
PdDatabase *pd_agenda_view_get_database (PdAgendaView *self);
/* How many rows the list has. */
guint       pd_agenda_view_get_n_rows   (PdAgendaView *self);
/* "list" or "empty" */
const char *pd_agenda_view_get_shown    (PdAgendaView *self);

G_END_DECLS
