/* pd-referral-page.h: one referral, its clocks and its criteria check */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_REFERRAL_PAGE (pd_referral_page_get_type ())
G_DECLARE_FINAL_TYPE (PdReferralPage, pd_referral_page, PD, REFERRAL_PAGE, AdwBin)

PdReferralPage *pd_referral_page_new  (void);
/* Shows the referral @id of @db as of today; FALSE with @error set when it
 * cannot be read (deleted meanwhile, the share gone). */
gboolean        pd_referral_page_show (PdReferralPage  *self,
                                       PdDatabase      *db,
                                       gint64           id,
                                       GError         **error);
/* The reference shown, or NULL. */
const char     *pd_referral_page_get_reference (PdReferralPage *self);

G_END_DECLS
