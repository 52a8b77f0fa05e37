/* pd-referral.h: a referral of a serious case, as the list and the form see it */
#pragma once

#include <glib-object.h>

#include "pd-clocks.h"
#include "pd-criteria.h"
#include "pd-database.h"
#include "pd-record-list.h"

G_BEGIN_DECLS

#define PD_TYPE_REFERRAL (pd_referral_get_type ())
G_DECLARE_FINAL_TYPE (PdReferral, pd_referral, PD, REFERRAL, GObject)

/* A family member or significant other (real names: shown only in the form). */
typedef struct
{
  char *name;
  char *relationship;     /* "Mother", "Mother's partner" */
  char *legal_status;     /* "Parental responsibility" */
} PdReferralMember;

/* An agency involved, and the panel's request for its information. */
typedef struct
{
  char *agency;
  char *contact;
  char *still_involved;   /* "", "yes", "no" */
  char *requested_on;     /* YYYY-MM-DD or "" */
  char *due_on;           /* "" on a request: 10 working days (the local target) */
  char *received_on;
} PdReferralAgency;

/* One dated step of the workflow. */
typedef struct
{
  char *status;
  char *on_date;
  char *note;
  char *login_name;
} PdStatusChange;

PdReferralMember *pd_referral_member_new  (const char *name,
                                           const char *relationship,
                                           const char *legal_status);
void              pd_referral_member_free (PdReferralMember *member);
PdReferralAgency *pd_referral_agency_new  (const char *agency,
                                           const char *contact);
PdReferralAgency *pd_referral_agency_copy (const PdReferralAgency *agency);
void              pd_referral_agency_free (PdReferralAgency *agency);
void              pd_status_change_free   (PdStatusChange   *change);

/* What a referral is made of; NULL fields take their defaults. */
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
  /* The rest of the form; NULL is none on insert and unchanged on update. */
  GHashTable *details;             /* pd-referral-field.h key -> value */
  const PdCriteriaFacts *facts;    /* the criteria facts, all of them */
  GHashTable *dates;               /* pd_referral_date_keys() key -> YYYY-MM-DD; "" clears */
  GPtrArray  *members;             /* PdReferralMember */
  GPtrArray  *agencies;            /* PdReferralAgency */
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
gint64       pd_referral_get_version          (PdReferral *self);

/* The whole record: only a referral from pd_referral_load_record() has it. */
gboolean     pd_referral_is_complete          (PdReferral *self);
const char  *pd_referral_get_child_name       (PdReferral *self);
/* The value of a field of pd-referral-field.h; "" when not recorded. */
const char  *pd_referral_get_detail           (PdReferral *self,
                                               const char *key);
/* A key date or tracking date ("decision", "sent_to_chair"); NULL when not recorded. */
const char  *pd_referral_get_date             (PdReferral *self,
                                               const char *key);
const PdCriteriaFacts *pd_referral_get_facts  (PdReferral *self);
GPtrArray   *pd_referral_get_members          (PdReferral *self);   /* PdReferralMember */
GPtrArray   *pd_referral_get_agencies         (PdReferral *self);   /* PdReferralAgency */
GPtrArray   *pd_referral_get_history          (PdReferral *self);   /* PdStatusChange, oldest first */
/* The criteria check of the recorded facts under the referral's framework. */
PdCriteriaResult *pd_referral_check_criteria  (PdReferral *self);
/* The referral's clocks on @today: statutory ones, then @targets. */
GPtrArray   *pd_referral_compute_clocks       (PdReferral          *self,
                                               PdCalendar          *calendar,
                                               const GArray        *targets,
                                               const GDate         *today);

/* TRUE for the statuses of the workflow: "received", ..., "closed". */
gboolean     pd_referral_status_is_valid      (const char *status);
/* "Awaiting information" for "information_requested", translated. */
const char  *pd_referral_status_to_label      (const char *status);

/* What the list shows of a referral (pd_referral_is_complete() is FALSE). */
PdReferral  *pd_referral_load                 (PdDatabase      *db,
                                               gint64           id,
                                               GError         **error);
/* The whole record, for the page, the form and export. */
PdReferral  *pd_referral_load_record          (PdDatabase      *db,
                                               gint64           id,
                                               GError         **error);
/* The database's local targets (settings "local_target.ID"), or the usual
 * ones when it has none: an array of PdLocalTarget. */
GArray      *pd_referral_load_local_targets   (PdDatabase      *db,
                                               GError         **error);
/* All referrals, newest received first. */
PdRecordList *pd_referral_list_new            (PdDatabase      *db);
/* The id of the referral "PRP-2026-014" (spaces and case forgiven), or 0
 * with PD_ERROR_NO_RECORD when there is none. */
gint64       pd_referral_find_by_reference    (PdDatabase      *db,
                                               const char      *reference,
                                               GError         **error);
/* Adds a referral with the next reference of its year (PRP-2026-014), or
 * the one given if it is free; returns its id, or 0 with @error set. */
gint64       pd_referral_insert               (PdTransaction   *tx,
                                               const PdReferralFields *fields,
                                               char           **out_reference,
                                               GError         **error);

/* Checks a whole form: FALSE with @error saying what is wrong and
 * @out_key (may be NULL) naming the field at fault ("pseudonym",
 * "date_of_incident", a pd-referral-field.h key, "agencies", ...). */
gboolean     pd_referral_fields_validate      (const PdReferralFields *fields,
                                               const char     **out_key,
                                               GError         **error);
/* Saves the form over referral @id, which must still be at
 * @expected_version: otherwise someone else saved it meanwhile, and the
 * error is PD_ERROR_CONFLICT with nothing written. The reference and the
 * status are not changed here; the audit entry holds before and after. */
gboolean     pd_referral_update               (PdTransaction   *tx,
                                               gint64           id,
                                               gint64           expected_version,
                                               const PdReferralFields *fields,
                                               GError         **error);
/* Moves the referral to @status on @on_date (YYYY-MM-DD), a step of its
 * timeline; a request for information or a decision dates the key date too. */
gboolean     pd_referral_set_status           (PdTransaction   *tx,
                                               gint64           id,
                                               const char      *status,
                                               const char      *on_date,
                                               const char      *note,
                                               GError         **error);
/* Who changed referral @id last, and when (ISO 8601, UTC), from the audit log. */
gboolean     pd_referral_dup_last_change      (PdDatabase      *db,
                                               gint64           id,
                                               char           **out_login_name,
                                               char           **out_at,
                                               GError         **error);
/* The referral as one JSON object: its columns, facts, dates, family,
 * agencies and timeline (the audit trail's before and after). */
char        *pd_referral_dup_json             (PdDatabase      *db,
                                               gint64           id,
                                               GError         **error);

/* Reads "PRP-2026-014" into its year and number; FALSE when it is not one. */
gboolean     pd_reference_parse               (const char      *reference,
                                               int             *year,
                                               gint64          *sequence);

/* TRUE when @text is a real calendar day written YYYY-MM-DD. */
gboolean     pd_date_is_valid                 (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdReferralMember, pd_referral_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdReferralAgency, pd_referral_agency_free)

G_END_DECLS
