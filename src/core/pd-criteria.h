/* pd-criteria.h: which review criteria the recorded facts of a case meet
 *
 * Decision support, not the decision: the chair decides. The check is a
 * pure function of the framework and the recorded facts.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rules a database follows; stored as "england-2015", "england-2018" or
 * "wales" (the CHECK constraint of referrals.framework). */
typedef enum
{
  PD_FRAMEWORK_ENGLAND_2015,   /* LSCB Regulations 2006, reg. 5; Working Together 2015 */
  PD_FRAMEWORK_ENGLAND_2018,   /* Working Together 2018+: notification and rapid review */
  PD_FRAMEWORK_WALES,          /* Child Practice Reviews: concise or extended */
} PdFramework;

#define PD_N_FRAMEWORKS 3

const char  *pd_framework_to_string   (PdFramework  framework);
/* FALSE, leaving @framework alone, when @text is not one of the three. */
gboolean     pd_framework_from_string (const char  *text,
                                       PdFramework *framework);
/* "England: Working Together 2018", translated. */
const char  *pd_framework_get_label   (PdFramework  framework);

/* A recorded fact: a zeroed struct is all unknown. */
typedef enum
{
  PD_FACT_UNKNOWN = 0,
  PD_FACT_YES,
  PD_FACT_NO,
} PdFact;

/* "unknown", "yes", "no": how a fact is stored. */
const char  *pd_fact_to_string        (PdFact       value);
gboolean     pd_fact_from_string      (const char  *text,
                                       PdFact      *value);

/* The facts, by number, in the order the form asks them. */
typedef enum
{
  PD_CRITERIA_FACT_ABUSE_OR_NEGLECT,
  PD_CRITERIA_FACT_CHILD_DIED,
  PD_CRITERIA_FACT_SUSPECTED_SUICIDE,
  PD_CRITERIA_FACT_SERIOUS_HARM,
  PD_CRITERIA_FACT_CONCERN_AGENCIES,
  PD_CRITERIA_FACT_IN_ENGLAND,
  PD_CRITERIA_FACT_IN_POLICE_CUSTODY,
  PD_CRITERIA_FACT_ON_REMAND,
  PD_CRITERIA_FACT_IN_YOI,
  PD_CRITERIA_FACT_IN_SECURE_TRAINING_CENTRE,
  PD_CRITERIA_FACT_IN_SECURE_CHILDRENS_HOME,
  PD_CRITERIA_FACT_DETAINED_MENTAL_HEALTH_ACT,
  PD_CRITERIA_FACT_DOL_16_17,
  PD_CRITERIA_FACT_ON_CP_REGISTER_6_MONTHS,
  PD_CRITERIA_FACT_LOOKED_AFTER_6_MONTHS,
} PdCriteriaFactId;

#define PD_CRITERIA_N_FACTS 15

typedef struct
{
  /* Abuse or neglect of the child is known or suspected. */
  PdFact abuse_or_neglect;
  /* The child has died; a suspected suicide is a death (and implies it). */
  PdFact child_died;
  PdFact suspected_suicide;
  /* The child has been seriously harmed. */
  PdFact serious_harm;
  /* There is cause for concern as to the way the authority, its board
   * partners or others worked together to safeguard the child. */
  PdFact concern_agencies;
  /* Working Together 2018: the child died or was seriously harmed in England. */
  PdFact in_england;
  /* Where the child was when they died: a review is then always held. */
  PdFact in_police_custody;
  PdFact on_remand;                   /* on remand or following sentencing */
  PdFact in_yoi;                      /* a young offender institution */
  PdFact in_secure_training_centre;
  PdFact in_secure_childrens_home;
  PdFact detained_mental_health_act;  /* detained under the Mental Health Act 1983 */
  PdFact dol_16_17;                   /* aged 16 or 17, deprivation of liberty order (MCA 2005) */
  /* Wales: in the 6 months before the event. */
  PdFact on_cp_register_6_months;
  PdFact looked_after_6_months;
} PdCriteriaFacts;

/* The table of facts, for forms and for storing facts as key/value. */
const char  *pd_criteria_fact_get_key     (PdCriteriaFactId  id);
/* The question the form asks, translated: "Is abuse or neglect known or suspected?" */
const char  *pd_criteria_fact_get_label   (PdCriteriaFactId  id);
/* -1 when @key is not a fact. */
int          pd_criteria_fact_from_key    (const char       *key);
/* Whether the check under @framework ever looks at the fact. */
gboolean     pd_criteria_fact_applies     (PdCriteriaFactId  id,
                                           PdFramework       framework);

PdFact       pd_criteria_facts_get        (const PdCriteriaFacts *facts,
                                           PdCriteriaFactId       id);
void         pd_criteria_facts_set        (PdCriteriaFacts       *facts,
                                           PdCriteriaFactId       id,
                                           PdFact                 value);
/* Sets the fact stored as @key = @value ("yes", "no", "unknown"); FALSE,
 * changing nothing, when either is not known. */
gboolean     pd_criteria_facts_set_by_key (PdCriteriaFacts       *facts,
                                           const char            *key,
                                           const char            *value);

typedef enum
{
  PD_CRITERIA_NOT_ENOUGH_INFORMATION,
  PD_CRITERIA_MET,          /* SCR criteria / notifiable incident / CPR criteria */
  PD_CRITERIA_ALWAYS,       /* a circumstance in which a review is always held */
  PD_CRITERIA_NOT_MET,      /* the board may still commission an SCR or an alternative review */
} PdCriteriaOutcome;

/* "met", "always", "not_met", "not_enough_information": for export. */
const char  *pd_criteria_outcome_to_string (PdCriteriaOutcome outcome);
gboolean     pd_criteria_outcome_from_string (const char        *text,
                                              PdCriteriaOutcome *outcome);

/* What the outcome points to. */
typedef enum
{
  PD_CRITERIA_REVIEW_NONE,
  PD_CRITERIA_REVIEW_SCR,            /* England 2015: serious case review */
  PD_CRITERIA_REVIEW_RAPID_REVIEW,   /* England 2018: notify, rapid review, then a CSPR if appropriate */
  PD_CRITERIA_REVIEW_CONCISE_CPR,    /* Wales */
  PD_CRITERIA_REVIEW_EXTENDED_CPR,   /* Wales */
} PdCriteriaReview;

typedef struct
{
  PdFramework        framework;
  PdCriteriaOutcome  outcome;
  PdCriteriaReview   review;
  char              *summary;    /* one line, translated: "Serious case review criteria met" */
  GPtrArray         *reasons;    /* char *: sentences, translated */
  /* Not enough information: the keys of the facts that could change the
   * outcome once recorded, in table order (const char *, static). */
  GPtrArray         *missing;
  /* The keys of facts that contradict each other (a suspected suicide of a
   * child who did not die); the outcome is then not enough information. */
  GPtrArray         *conflicts;
} PdCriteriaResult;

PdCriteriaResult *pd_criteria_check        (PdFramework            framework,
                                            const PdCriteriaFacts *facts);
void              pd_criteria_result_free  (PdCriteriaResult      *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdCriteriaResult, pd_criteria_result_free)

G_END_DECLS
