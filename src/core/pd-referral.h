/* pd-referral.h: a referral of a serious case, as the list and the form see it */
#pragma once

#include <glib-object.h>

#include "pd-database.h"
#include "pd-record-list.h"

G_BEGIN_DECLS

#define PD_TYPE_REFERRAL (pd_referral_get_type ())
G_DECLARE_FINAL_TYPE (PdReferral, pd_referral, PD, REFERRAL, GObject)

/* What a new referral is made of; NULL fields take their defaults. */
typedef struct
{
  const char *reference;          /* NULL: the next of its year; or kept as given,
                                     e.g. "PRP-2019-004" from an imported spreadsheet */
  const char *pseudonym;          /* required: "Child A" */
  const char *child_name;
  const char *date_received;      /* required: YYYY-MM-DD */
  const char *date_of_incident;
  const char *referrer_name;
  const char *referrer_agency;
  const char *status;             /* "received" by default */
  const char *framework;          /* the database's setting by default */
  const char *next_deadline;
  const char *narrative;
} PdReferralFields;

gint64       pd_referral_get_id               (PdReferral *self);
const char  *pd_referral_get_reference        (PdReferral *self);
const char  *pd_referral_get_pseudonym        (PdReferral *self);
const char  *pd_referral_get_status           (PdReferral *self);
const char  *pd_referral_get_date_received    (PdReferral *self);
const char  *pd_referral_get_next_deadline    (PdReferral *self);
const char  *pd_referral_get_referrer_agency  (PdReferral *self);
const char  *pd_referral_get_referrer_name    (PdReferral *self);
const char  *pd_referral_get_date_of_incident (PdReferral *self);  /* NULL when not known */
const char  *pd_referral_get_framework        (PdReferral *self);  /* "england-2018" */
const char  *pd_referral_get_narrative        (PdReferral *self);

/* TRUE for the statuses of the workflow: "received", ..., "closed". */
gboolean     pd_referral_status_is_valid      (const char *status);
/* "Awaiting information" for "information_requested", translated. */
const char  *pd_referral_status_to_label      (const char *status);

PdReferral  *pd_referral_load                 (PdDatabase      *db,
                                               gint64           id,
                                               GError         **error);
/* All referrals, newest received first. */
PdRecordList *pd_referral_list_new            (PdDatabase      *db);
/* Adds a referral with the next reference of its year (PRP-2026-014), or
 * the one given if it is free; returns its id, or 0 with @error set. */
gint64       pd_referral_insert               (PdTransaction   *tx,
                                               const PdReferralFields *fields,
                                               char           **out_reference,
                                               GError         **error);

/* Reads "PRP-2026-014" into its year and number; FALSE when it is not one. */
gboolean     pd_reference_parse               (const char      *reference,
                                               int             *year,
                                               gint64          *sequence);

/* TRUE when @text is a real calendar day written YYYY-MM-DD. */
gboolean     pd_date_is_valid                 (const char      *text);

G_END_DECLS
