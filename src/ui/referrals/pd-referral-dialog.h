/* pd-referral-dialog.h: logging a new referral */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_REFERRAL_DIALOG (pd_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdReferralDialog, pd_referral_dialog, PD, REFERRAL_DIALOG, AdwWindow)

/* Emits "saved" with the new referral's id and closes when saved; on a
 * failed save it stays open with everything typed, and says why. */
PdReferralDialog *pd_referral_dialog_new  (GtkWindow   *parent,
                                           PdDatabase  *db);

/* For tests and keyboard-free use: fill a field ("pseudonym", "child_name",
 * "date_received", "date_of_incident", "referrer_name", "referrer_agency",
 * "narrative") and save, as the Save button does. */
void              pd_referral_dialog_set_field (PdReferralDialog *self,
                                                const char       *field,
                                                const char       *text);
gboolean          pd_referral_dialog_save      (PdReferralDialog *self);
/* What the dialog says is wrong, or NULL. */
const char       *pd_referral_dialog_get_error (PdReferralDialog *self);

G_END_DECLS
