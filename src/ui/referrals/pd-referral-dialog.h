/* pd-referral-dialog.h: the referral form, for a new referral or an edit */
#pragma once

#include <adwaita.h>

#include "pd-edit-conflict-dialog.h"
#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_REFERRAL_DIALOG (pd_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdReferralDialog, pd_referral_dialog, PD, REFERRAL_DIALOG, AdwWindow)

/* Emits "saved" with the referral's id and closes when saved; on a failed
 * save it stays open with everything typed, and says why. Closing it with
 * changes not saved asks first. */
PdReferralDialog *pd_referral_dialog_new          (GtkWindow   *parent,
                                                   PdDatabase  *db);
/* The form filled from referral @id, saved over it if no one else has
 * saved it meanwhile; NULL with @error when it cannot be loaded. */
PdReferralDialog *pd_referral_dialog_new_for_edit (GtkWindow   *parent,
                                                   PdDatabase  *db,
                                                   gint64       id,
                                                   GError     **error);

/* For tests and keyboard-free use: fill a field as typing or choosing it
 * does. @field is "pseudonym", "child_name", "date_received",
 * "date_of_incident", "referrer_name", "referrer_agency", "narrative",
 * "framework", a pd-referral-field.h key, "fact_KEY" (yes, no or "") or
 * "date_KEY" (a key of pd_referral_date_keys()). */
void              pd_referral_dialog_set_field    (PdReferralDialog *self,
                                                   const char       *field,
                                                   const char       *text);
/* Adds a family member or an agency as the Add buttons do. */
void              pd_referral_dialog_add_member   (PdReferralDialog *self,
                                                   const char       *name,
                                                   const char       *relationship,
                                                   const char       *legal_status);
void              pd_referral_dialog_add_agency   (PdReferralDialog *self,
                                                   const char       *agency,
                                                   const char       *contact,
                                                   const char       *requested_on);
gboolean          pd_referral_dialog_save         (PdReferralDialog *self);
/* What the dialog says is wrong, or NULL. */
const char       *pd_referral_dialog_get_error    (PdReferralDialog *self);
/* TRUE while a save that failed because the share was away or busy is to
 * be tried again by itself (every 10 s, or @seconds). */
gboolean          pd_referral_dialog_is_retrying  (PdReferralDialog *self);
void              pd_referral_dialog_set_retry_seconds (PdReferralDialog *self,
                                                        guint             seconds);
/* While a save that crossed someone else's waits for the user to choose
 * between the versions, field by field: that window; else NULL. */
PdEditConflictDialog *pd_referral_dialog_get_conflict (PdReferralDialog *self);
/* TRUE when something was changed since the form was opened or saved. */
gboolean          pd_referral_dialog_has_changes  (PdReferralDialog *self);

G_END_DECLS
