/* pd-referrals-view.h: the Referrals view */
#pragma once

#include <adwaita.h>

#include "pd-core.h"
#include "pd-referral-dialog.h"

G_BEGIN_DECLS

#define PD_TYPE_REFERRALS_VIEW (pd_referrals_view_get_type ())
G_DECLARE_FINAL_TYPE (PdReferralsView, pd_referrals_view, PD, REFERRALS_VIEW, AdwBin)

/* Shows the referrals of @db, or nothing when @db is NULL. */
void        pd_referrals_view_set_database (PdReferralsView *self,
                                     PdDatabase *db);
PdDatabase *pd_referrals_view_get_database (PdReferralsView *self);
/* Shows the referrals matching @text, as typing it in the search bar does. */
void        pd_referrals_view_search       (PdReferralsView *self,
                                            const char      *text);
/* Sorts by "newest", "oldest", "reference", "pseudonym", "status",
 * "next_deadline" or "referrer_agency". */
void        pd_referrals_view_sort         (PdReferralsView *self,
                                            const char      *key);
/* Shows only "open", "overdue" or one status's referrals; NULL for all. */
void        pd_referrals_view_filter       (PdReferralsView *self,
                                            const char      *filter);
/* Opens the form for a new referral (NULL when the user may not write). */
PdReferralDialog *pd_referrals_view_new_referral (PdReferralsView *self);
/* Opens the referral @id in place of the list, as activating its row does. */
/* Opens the form over the referral shown (Edit…). */
PdReferralDialog *pd_referrals_view_edit_referral (PdReferralsView  *self,
                                                   GError          **error);
/* Records the next step of the referral shown, as Record Step… does. */
gboolean    pd_referrals_view_record_step  (PdReferralsView  *self,
                                            const char       *status,
                                            const char       *on_date,
                                            const char       *note,
                                            GError          **error);
/* Reads the list (and the referral open) again after someone else changed
 * the database; the rows stay where they are. */
void        pd_referrals_view_refresh      (PdReferralsView  *self);
gboolean    pd_referrals_view_show_referral (PdReferralsView  *self,
                                             gint64            id,
                                             GError          **error);
void        pd_referrals_view_show_list    (PdReferralsView *self);
/* The reference of the referral open, or NULL when the list shows. */
const char *pd_referrals_view_get_open_reference (PdReferralsView *self);
/* How many rows the list has. */
guint       pd_referrals_view_get_n_rows   (PdReferralsView *self);
/* The id of the referral shown at @position, or 0. */
gint64      pd_referrals_view_get_id_at    (PdReferralsView *self,
                                            guint            position);
/* "list" or "empty" */
const char *pd_referrals_view_get_shown    (PdReferralsView *self);

G_END_DECLS
