/* pd-agenda-item-row.h: one agenda item in the builder: number, title,
 * kind, time, papers and declarations; dragged to reorder */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_AGENDA_ITEM_ROW (pd_agenda_item_row_get_type ())
G_DECLARE_FINAL_TYPE (PdAgendaItemRow, pd_agenda_item_row, PD, AGENDA_ITEM_ROW, AdwExpanderRow)

/* @papers: the item's PdAgendaPaper; @conflicts: the meeting's PdConflict
 * (those of this item are shown); @members: the meeting's PdMeetingMember,
 * who may declare an interest. Its buttons activate meeting.open-paper,
 * meeting.remove-item, meeting.declare-interest ((xxs) item, person,
 * nature) and, on a drop, meeting.move-item-to. */
PdAgendaItemRow *pd_agenda_item_row_new         (PdAgendaItem *item,
                                                 GPtrArray    *papers,
                                                 GPtrArray    *conflicts,
                                                 GPtrArray    *members);
gint64           pd_agenda_item_row_get_item_id (PdAgendaItemRow *self);
/* Flags a paper found missing or altered by the check off the main thread. */
void             pd_agenda_item_row_set_paper_state (PdAgendaItemRow *self,
                                                     gint64           document_id,
                                                     PdPaperState     state);

G_END_DECLS
