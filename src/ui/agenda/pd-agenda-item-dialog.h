/* pd-agenda-item-dialog.h: adding an item to a meeting's agenda */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_AGENDA_ITEM_DIALOG (pd_agenda_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdAgendaItemDialog, pd_agenda_item_dialog, PD, AGENDA_ITEM_DIALOG, AdwWindow)

/* Emits "item-added" (gint64 item id) once saved. On a published agenda
 * the form asks for the reason, recorded with the addendum. */
PdAgendaItemDialog *pd_agenda_item_dialog_new  (GtkWindow  *parent,
                                                PdDatabase *db,
                                                PdMeeting  *meeting);
/* Fills the form as a user would: @kind as in pd_agenda_item_get_kind(). */
void                pd_agenda_item_dialog_set_form (PdAgendaItemDialog *self,
                                                    const char         *kind,
                                                    const char         *title,
                                                    int                 minutes);
void                pd_agenda_item_dialog_save (PdAgendaItemDialog *self);
const char         *pd_agenda_item_dialog_get_error (PdAgendaItemDialog *self);

G_END_DECLS
