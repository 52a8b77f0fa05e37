/* pd-referral-items.h: a repeating section of the referral form
 *
 * Family members or agencies, each an expandable row of its own fields,
 * added with the group's Add button and removed in place.
 */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

typedef enum
{
  PD_REFERRAL_ITEMS_MEMBERS,
  PD_REFERRAL_ITEMS_AGENCIES,
} PdReferralItemsKind;

#define PD_TYPE_REFERRAL_ITEMS (pd_referral_items_get_type ())
G_DECLARE_FINAL_TYPE (PdReferralItems, pd_referral_items, PD, REFERRAL_ITEMS, AdwPreferencesGroup)

PdReferralItems *pd_referral_items_new           (PdReferralItemsKind kind);
void             pd_referral_items_add_member    (PdReferralItems        *self,
                                                  const PdReferralMember *member);
void             pd_referral_items_add_agency    (PdReferralItems        *self,
                                                  const PdReferralAgency *agency);
/* Removes item @index (0-based), as its Remove button does. */
void             pd_referral_items_remove        (PdReferralItems        *self,
                                                  guint                   index);
guint            pd_referral_items_get_n_items   (PdReferralItems        *self);
/* Folds every item, as a form loaded for editing shows them. */
void             pd_referral_items_collapse      (PdReferralItems        *self);
/* What the rows hold now: new arrays of PdReferralMember / PdReferralAgency. */
GPtrArray       *pd_referral_items_dup_members   (PdReferralItems        *self);
GPtrArray       *pd_referral_items_dup_agencies  (PdReferralItems        *self);

G_END_DECLS
