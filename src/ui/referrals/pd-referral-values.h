/* pd-referral-values.h: a referral as the form's inputs hold it, as text
 *
 * Keyed as the form keys its inputs ("pseudonym", "fact_child_died",
 * "date_sent_to_chair", a pd-referral-field.h key), with the family and
 * the agencies as "members" and "agencies", one line an entry. Filling the
 * form and comparing two versions of a referral read the same table.
 */
#pragma once

#include "pd-core.h"

G_BEGIN_DECLS

/* A new table: form key -> text ("" for nothing recorded). */
GHashTable *pd_referral_values_new            (PdReferral *referral);
/* The family or the agencies, one line an entry, for comparing and showing. */
char       *pd_referral_values_members_text   (GPtrArray  *members);   /* PdReferralMember */
char       *pd_referral_values_agencies_text  (GPtrArray  *agencies);  /* PdReferralAgency */

G_END_DECLS
