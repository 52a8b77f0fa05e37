/* pd-step-dialog.h: recording a referral's next step, dated */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PD_TYPE_STEP_DIALOG (pd_step_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdStepDialog, pd_step_dialog, PD, STEP_DIALOG, AdwMessageDialog)

/* Offers the step after @current_status first; responds "record" or "cancel". */
PdStepDialog *pd_step_dialog_new        (GtkWindow  *parent,
                                         const char *current_status);
/* Fills the dialog again after a failed save, with why it failed. */
void          pd_step_dialog_set_values (PdStepDialog *self,
                                         const char   *status,
                                         const char   *on_date,
                                         const char   *note,
                                         const char   *error);
const char   *pd_step_dialog_get_status (PdStepDialog *self);
const char   *pd_step_dialog_get_date   (PdStepDialog *self);
const char   *pd_step_dialog_get_note   (PdStepDialog *self);

G_END_DECLS
