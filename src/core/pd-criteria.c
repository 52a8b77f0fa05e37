/* pd-criteria.c: which review criteria the recorded facts of a case meet
 *
 * Each framework is a list of routes to a review: sets of facts that,
 * all true, meet the criteria (Regulation 5(2)(a) is "abuse or neglect and
 * death") or make a review one that is always held (a death in police
 * custody). Facts are yes, no or unknown; a route is met when all its facts
 * are yes, ruled out when one is no, and open otherwise.
 *
 *  - "always" when an always-route is met;
 *  - "met" when another route is met (a review is due whatever the open
 *    facts turn out to be);
 *  - "not met" when every route is ruled out;
 *  - otherwise "not enough information", and the missing facts are those
 *    on which the answer still depends: the unknown facts of the open
 *    routes, leaving out routes that another open route makes redundant
 *    (its unknown facts are a strict superset of the other's).
 *
 * Wales has one more question once the criteria are met: concise or
 * extended, from the register and looked-after status in the 6 months
 * before. A suspected suicide is a death: it makes "the child has died" yes,
 * and contradicts a recorded no.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stddef.h>
#include <string.h>

#include "pd-criteria.h"

G_STATIC_ASSERT (PD_CRITERIA_N_FACTS == PD_CRITERIA_FACT_LOOKED_AFTER_6_MONTHS + 1);
G_STATIC_ASSERT (sizeof (PdCriteriaFacts) == PD_CRITERIA_N_FACTS * sizeof (PdFact));

/* ------------------------------------------------------------ frameworks */

static const struct
{
  const char *key;
  const char *label;
} frameworks[PD_N_FRAMEWORKS] = {
  [PD_FRAMEWORK_ENGLAND_2015] = { "england-2015", N_("England: serious case reviews (Working Together 2015)") },
  [PD_FRAMEWORK_ENGLAND_2018] = { "england-2018", N_("England: rapid reviews and child safeguarding practice reviews (Working Together 2018)") },
  [PD_FRAMEWORK_WALES]        = { "wales",        N_("Wales: child practice reviews") },
};

const char *
pd_framework_to_string (PdFramework framework)
{
  g_return_val_if_fail ((guint) framework < PD_N_FRAMEWORKS, NULL);

  return frameworks[framework].key;
}

gboolean
pd_framework_from_string (const char  *text,
                          PdFramework *framework)
{
  g_return_val_if_fail (framework != NULL, FALSE);

  for (guint i = 0; text != NULL && i < PD_N_FRAMEWORKS; i++)
    if (strcmp (text, frameworks[i].key) == 0)
      {
        *framework = (PdFramework) i;
        return TRUE;
      }

  return FALSE;
}

const char *
pd_framework_get_label (PdFramework framework)
{
  g_return_val_if_fail ((guint) framework < PD_N_FRAMEWORKS, NULL);

  return _(frameworks[framework].label);
}

/* ------------------------------------------------------------ fact values */

static const char * const fact_values[] = {
  [PD_FACT_UNKNOWN] = "unknown",
  [PD_FACT_YES]     = "yes",
  [PD_FACT_NO]      = "no",
};

const char *
pd_fact_to_string (PdFact value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (fact_values), NULL);

  return fact_values[value];
}

gboolean
pd_fact_from_string (const char *text,
                     PdFact     *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (fact_values); i++)
    if (strcmp (text, fact_values[i]) == 0)
      {
        *value = (PdFact) i;
        return TRUE;
      }

  return FALSE;
}

/* ------------------------------------------------------------ the facts */

#define IN_2015  (1u << PD_FRAMEWORK_ENGLAND_2015)
#define IN_2018  (1u << PD_FRAMEWORK_ENGLAND_2018)
#define IN_WALES (1u << PD_FRAMEWORK_WALES)
#define IN_ALL   (IN_2015 | IN_2018 | IN_WALES)

typedef struct
{
  const char *key;
  gsize       offset;
  guint       frameworks;
  const char *label;     /* the question */
  const char *no_text;   /* why a route is ruled out, when the answer is no */
} FactInfo;

#define FACT(id, field, where, label, no_text) \
  [id] = { #field, offsetof (PdCriteriaFacts, field), where, label, no_text }

static const FactInfo facts_table[PD_CRITERIA_N_FACTS] = {
  FACT (PD_CRITERIA_FACT_ABUSE_OR_NEGLECT, abuse_or_neglect, IN_ALL,
        N_("Is abuse or neglect of the child known or suspected?"),
        N_("Abuse or neglect of the child is neither known nor suspected.")),
  FACT (PD_CRITERIA_FACT_CHILD_DIED, child_died, IN_ALL,
        N_("Has the child died?"),
        N_("The child has not died.")),
  FACT (PD_CRITERIA_FACT_SUSPECTED_SUICIDE, suspected_suicide, IN_ALL,
        N_("Is the child’s death a suspected suicide?"),
        N_("The child’s death is not a suspected suicide.")),
  FACT (PD_CRITERIA_FACT_SERIOUS_HARM, serious_harm, IN_ALL,
        N_("Has the child been seriously harmed?"),
        N_("The child has not been seriously harmed.")),
  FACT (PD_CRITERIA_FACT_CONCERN_AGENCIES, concern_agencies, IN_2015,
        N_("Is there cause for concern about how the authority, its partners or others worked together to safeguard the child?"),
        N_("There is no cause for concern about how the agencies worked together to safeguard the child.")),
  FACT (PD_CRITERIA_FACT_IN_ENGLAND, in_england, IN_2018,
        N_("Did the child die or come to serious harm in England?"),
        N_("The child did not die or come to serious harm in England.")),
  FACT (PD_CRITERIA_FACT_IN_POLICE_CUSTODY, in_police_custody, IN_2015 | IN_2018,
        N_("Was the child in police custody when they died?"),
        N_("The child was not in police custody.")),
  FACT (PD_CRITERIA_FACT_ON_REMAND, on_remand, IN_2015 | IN_2018,
        N_("Was the child on remand or serving a sentence when they died?"),
        N_("The child was neither on remand nor serving a sentence.")),
  FACT (PD_CRITERIA_FACT_IN_YOI, in_yoi, IN_2015 | IN_2018,
        N_("Was the child in a young offender institution when they died?"),
        N_("The child was not in a young offender institution.")),
  FACT (PD_CRITERIA_FACT_IN_SECURE_TRAINING_CENTRE, in_secure_training_centre, IN_2015 | IN_2018,
        N_("Was the child in a secure training centre when they died?"),
        N_("The child was not in a secure training centre.")),
  FACT (PD_CRITERIA_FACT_IN_SECURE_CHILDRENS_HOME, in_secure_childrens_home, IN_2015 | IN_2018,
        N_("Was the child in a secure children’s home when they died?"),
        N_("The child was not in a secure children’s home.")),
  FACT (PD_CRITERIA_FACT_DETAINED_MENTAL_HEALTH_ACT, detained_mental_health_act, IN_2015 | IN_2018,
        N_("Was the child detained under the Mental Health Act 1983 when they died?"),
        N_("The child was not detained under the Mental Health Act 1983.")),
  FACT (PD_CRITERIA_FACT_DOL_16_17, dol_16_17, IN_2015 | IN_2018,
        N_("Was the child aged 16 or 17 and subject to a deprivation of liberty order under the Mental Capacity Act 2005 when they died?"),
        N_("The child was not aged 16 or 17 under a deprivation of liberty order.")),
  FACT (PD_CRITERIA_FACT_ON_CP_REGISTER_6_MONTHS, on_cp_register_6_months, IN_WALES,
        N_("Was the child on the child protection register at any time in the 6 months before the event?"),
        N_("The child was not on the child protection register in the 6 months before the event.")),
  FACT (PD_CRITERIA_FACT_LOOKED_AFTER_6_MONTHS, looked_after_6_months, IN_WALES,
        N_("Was the child looked after at any time in the 6 months before the event?"),
        N_("The child was not looked after in the 6 months before the event.")),
};

#undef FACT

const char *
pd_criteria_fact_get_key (PdCriteriaFactId id)
{
  g_return_val_if_fail ((guint) id < PD_CRITERIA_N_FACTS, NULL);

  return facts_table[id].key;
}

const char *
pd_criteria_fact_get_label (PdCriteriaFactId id)
{
  g_return_val_if_fail ((guint) id < PD_CRITERIA_N_FACTS, NULL);

  return _(facts_table[id].label);
}

int
pd_criteria_fact_from_key (const char *key)
{
  for (guint i = 0; key != NULL && i < PD_CRITERIA_N_FACTS; i++)
    if (strcmp (key, facts_table[i].key) == 0)
      return (int) i;

  return -1;
}

gboolean
pd_criteria_fact_applies (PdCriteriaFactId id,
                          PdFramework      framework)
{
  g_return_val_if_fail ((guint) id < PD_CRITERIA_N_FACTS, FALSE);
  g_return_val_if_fail ((guint) framework < PD_N_FRAMEWORKS, FALSE);

  return (facts_table[id].frameworks & (1u << framework)) != 0;
}

PdFact
pd_criteria_facts_get (const PdCriteriaFacts *facts,
                       PdCriteriaFactId       id)
{
  g_return_val_if_fail (facts != NULL, PD_FACT_UNKNOWN);
  g_return_val_if_fail ((guint) id < PD_CRITERIA_N_FACTS, PD_FACT_UNKNOWN);

  return G_STRUCT_MEMBER (PdFact, facts, facts_table[id].offset);
}

void
pd_criteria_facts_set (PdCriteriaFacts  *facts,
                       PdCriteriaFactId  id,
                       PdFact            value)
{
  g_return_if_fail (facts != NULL);
  g_return_if_fail ((guint) id < PD_CRITERIA_N_FACTS);
  g_return_if_fail ((guint) value < G_N_ELEMENTS (fact_values));

  G_STRUCT_MEMBER (PdFact, facts, facts_table[id].offset) = value;
}

gboolean
pd_criteria_facts_set_by_key (PdCriteriaFacts *facts,
                              const char      *key,
                              const char      *value)
{
  int id = pd_criteria_fact_from_key (key);
  PdFact fact;

  g_return_val_if_fail (facts != NULL, FALSE);

  if (id < 0 || !pd_fact_from_string (value, &fact))
    return FALSE;

  pd_criteria_facts_set (facts, (PdCriteriaFactId) id, fact);
  return TRUE;
}

/* ------------------------------------------------------------ outcomes */

static const char * const outcome_keys[] = {
  [PD_CRITERIA_NOT_ENOUGH_INFORMATION] = "not_enough_information",
  [PD_CRITERIA_MET]                    = "met",
  [PD_CRITERIA_ALWAYS]                 = "always",
  [PD_CRITERIA_NOT_MET]                = "not_met",
};

const char *
pd_criteria_outcome_to_string (PdCriteriaOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (outcome_keys), NULL);

  return outcome_keys[outcome];
}

gboolean
pd_criteria_outcome_from_string (const char        *text,
                                 PdCriteriaOutcome *outcome)
{
  g_return_val_if_fail (outcome != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (outcome_keys); i++)
    if (strcmp (text, outcome_keys[i]) == 0)
      {
        *outcome = (PdCriteriaOutcome) i;
        return TRUE;
      }

  return FALSE;
}

/* ------------------------------------------------------------ the routes */

#define BIT(id) (1u << (id))

#define ABUSE    BIT (PD_CRITERIA_FACT_ABUSE_OR_NEGLECT)
#define DIED     BIT (PD_CRITERIA_FACT_CHILD_DIED)
#define HARM     BIT (PD_CRITERIA_FACT_SERIOUS_HARM)
#define CONCERN  BIT (PD_CRITERIA_FACT_CONCERN_AGENCIES)
#define ENGLAND  BIT (PD_CRITERIA_FACT_IN_ENGLAND)
#define REGISTER BIT (PD_CRITERIA_FACT_ON_CP_REGISTER_6_MONTHS)
#define LOOKED   BIT (PD_CRITERIA_FACT_LOOKED_AFTER_6_MONTHS)

#define CIRCUMSTANCES (BIT (PD_CRITERIA_FACT_IN_POLICE_CUSTODY) |          \
                       BIT (PD_CRITERIA_FACT_ON_REMAND) |                  \
                       BIT (PD_CRITERIA_FACT_IN_YOI) |                     \
                       BIT (PD_CRITERIA_FACT_IN_SECURE_TRAINING_CENTRE) |  \
                       BIT (PD_CRITERIA_FACT_IN_SECURE_CHILDRENS_HOME) |   \
                       BIT (PD_CRITERIA_FACT_DETAINED_MENTAL_HEALTH_ACT) | \
                       BIT (PD_CRITERIA_FACT_DOL_16_17))

typedef struct
{
  PdCriteriaOutcome  outcome;   /* MET or ALWAYS */
  guint32            facts;     /* all must be yes */
  const char        *reason;
} Route;

/* The circumstances in which a review is always held (Working Together
 * 2015, chapter 4), kept for the notification duty of 2018 onwards. */
#define ALWAYS_ROUTES                                                                       \
  { PD_CRITERIA_ALWAYS, DIED | BIT (PD_CRITERIA_FACT_IN_POLICE_CUSTODY),                    \
    N_("The child died in police custody: a review is always held.") },                     \
  { PD_CRITERIA_ALWAYS, DIED | BIT (PD_CRITERIA_FACT_ON_REMAND),                            \
    N_("The child died on remand or following sentencing: a review is always held.") },     \
  { PD_CRITERIA_ALWAYS, DIED | BIT (PD_CRITERIA_FACT_IN_YOI),                               \
    N_("The child died in a young offender institution: a review is always held.") },       \
  { PD_CRITERIA_ALWAYS, DIED | BIT (PD_CRITERIA_FACT_IN_SECURE_TRAINING_CENTRE),            \
    N_("The child died in a secure training centre: a review is always held.") },           \
  { PD_CRITERIA_ALWAYS, DIED | BIT (PD_CRITERIA_FACT_IN_SECURE_CHILDRENS_HOME),             \
    N_("The child died in a secure children’s home: a review is always held.") },           \
  { PD_CRITERIA_ALWAYS, DIED | BIT (PD_CRITERIA_FACT_DETAINED_MENTAL_HEALTH_ACT),           \
    N_("The child died while detained under the Mental Health Act 1983: a review is always held.") }, \
  { PD_CRITERIA_ALWAYS, DIED | BIT (PD_CRITERIA_FACT_DOL_16_17),                            \
    N_("The child died aged 16 or 17 while subject to a deprivation of liberty order under the Mental Capacity Act 2005: a review is always held.") }

static const Route routes_england_2015[] = {
  ALWAYS_ROUTES,
  { PD_CRITERIA_MET, ABUSE | DIED,
    N_("Abuse or neglect is known or suspected and the child has died (Regulation 5(2)(a)).") },
  { PD_CRITERIA_MET, ABUSE | HARM | CONCERN,
    N_("Abuse or neglect is known or suspected, the child has been seriously harmed and there is cause for concern about how the agencies worked together (Regulation 5(2)(b)).") },
};

static const Route routes_england_2018[] = {
  ALWAYS_ROUTES,
  { PD_CRITERIA_MET, ABUSE | DIED | ENGLAND,
    N_("Abuse or neglect is known or suspected and the child has died in England: a serious incident to notify.") },
  { PD_CRITERIA_MET, ABUSE | HARM | ENGLAND,
    N_("Abuse or neglect is known or suspected and the child has been seriously harmed in England: a serious incident to notify.") },
};

static const Route routes_wales[] = {
  { PD_CRITERIA_MET, ABUSE | DIED,
    N_("Abuse or neglect is known or suspected and the child has died.") },
  { PD_CRITERIA_MET, ABUSE | HARM,
    N_("Abuse or neglect is known or suspected and the child has been seriously harmed.") },
};

/* Wales, once the criteria are met: extended when either is yes. */
static const guint32 extended_terms[] = { REGISTER, LOOKED };

typedef enum
{
  OPEN,
  YES,
  NO,
} Truth;

/* The facts as the routes see them: masks of the yes and no facts. */
typedef struct
{
  guint32 yes;
  guint32 no;
} Known;

static Truth
term_truth (const Known *known,
            guint32      term)
{
  if ((term & known->no) != 0)
    return NO;
  if ((term & ~known->yes) == 0)
    return YES;
  return OPEN;
}

/* A monotone "any of these terms": its truth, and in @relevant the unknown
 * facts it still depends on (those of its prime implicants). */
static Truth
terms_truth (const Known   *known,
             const guint32 *terms,
             guint          n_terms,
             guint32       *relevant)
{
  guint32 open[16];
  guint n_open = 0;

  g_assert (n_terms <= G_N_ELEMENTS (open));

  *relevant = 0;
  for (guint i = 0; i < n_terms; i++)
    switch (term_truth (known, terms[i]))
      {
      case YES:
        return YES;
      case NO:
        break;
      case OPEN:
        open[n_open++] = terms[i] & ~known->yes;
        break;
      default:
        g_assert_not_reached ();
      }

  if (n_open == 0)
    return NO;

  for (guint i = 0; i < n_open; i++)
    {
      gboolean redundant = FALSE;

      for (guint j = 0; j < n_open && !redundant; j++)
        redundant = open[j] != open[i] && (open[j] & open[i]) == open[j];

      if (!redundant)
        *relevant |= open[i];
    }

  return OPEN;
}

/* ------------------------------------------------------------ the check */

void
pd_criteria_result_free (PdCriteriaResult *result)
{
  if (result == NULL)
    return;

  g_free (result->summary);
  g_ptr_array_unref (result->reasons);
  g_ptr_array_unref (result->missing);
  g_ptr_array_unref (result->conflicts);
  g_free (result);
}

static void
add_reason (PdCriteriaResult *result,
            const char       *untranslated)
{
  g_ptr_array_add (result->reasons, g_strdup (_(untranslated)));
}

static void
add_keys (GPtrArray *array,
          guint32    mask)
{
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    if (mask & BIT (i))
      g_ptr_array_add (array, (gpointer) facts_table[i].key);
}

/* Why nothing is met: the "no" answers that rule the routes out. The
 * circumstances of a death are summed up in one sentence, and not at all
 * when the child did not die. */
static void
add_ruling_out_reasons (PdCriteriaResult *result,
                        const Known      *known,
                        const Route      *routes,
                        guint             n_routes)
{
  guint32 used = 0;

  for (guint i = 0; i < n_routes; i++)
    used |= routes[i].facts;

  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      guint32 bit = BIT (i);

      if ((used & known->no & bit) == 0 || (bit & CIRCUMSTANCES) != 0)
        continue;

      add_reason (result, facts_table[i].no_text);
    }

  if ((used & CIRCUMSTANCES) != 0 && (known->no & DIED) == 0 &&
      (known->no & CIRCUMSTANCES) == CIRCUMSTANCES)
    add_reason (result, N_("None of the circumstances in which a review is always held applies."));
}

static PdCriteriaResult *
result_new (PdFramework framework)
{
  PdCriteriaResult *result = g_new0 (PdCriteriaResult, 1);

  result->framework = framework;
  result->outcome = PD_CRITERIA_NOT_ENOUGH_INFORMATION;
  result->review = PD_CRITERIA_REVIEW_NONE;
  result->reasons = g_ptr_array_new_with_free_func (g_free);
  result->missing = g_ptr_array_new ();
  result->conflicts = g_ptr_array_new ();

  return result;
}

static void
set_not_enough_information (PdCriteriaResult *result,
                            guint32           missing)
{
  result->outcome = PD_CRITERIA_NOT_ENOUGH_INFORMATION;
  result->review = PD_CRITERIA_REVIEW_NONE;
  add_keys (result->missing, missing);

  result->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Not enough information: %u question to answer",
                                                  "Not enough information: %u questions to answer",
                                                  result->missing->len),
                                     result->missing->len);
  add_reason (result, N_("The recorded facts are not enough to check the criteria. Answer these questions:"));
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    if (missing & BIT (i))
      add_reason (result, facts_table[i].label);
}

static const char *
summary_for (PdFramework       framework,
             PdCriteriaOutcome outcome,
             PdCriteriaReview  review)
{
  switch (framework)
    {
    case PD_FRAMEWORK_ENGLAND_2015:
      if (outcome == PD_CRITERIA_ALWAYS)
        return N_("A serious case review is always held in these circumstances");
      if (outcome == PD_CRITERIA_MET)
        return N_("Serious case review criteria met");
      return N_("Serious case review criteria not met: an alternative review is possible");

    case PD_FRAMEWORK_ENGLAND_2018:
      if (outcome == PD_CRITERIA_ALWAYS)
        return N_("Always notify the national panel and hold a rapid review in these circumstances");
      if (outcome == PD_CRITERIA_MET)
        return N_("Serious incident: notify the national panel and hold a rapid review");
      return N_("Not a serious incident to notify: a local review is possible");

    case PD_FRAMEWORK_WALES:
      if (review == PD_CRITERIA_REVIEW_EXTENDED_CPR)
        return N_("Extended child practice review criteria met");
      if (review == PD_CRITERIA_REVIEW_CONCISE_CPR)
        return N_("Concise child practice review criteria met");
      return N_("Child practice review criteria not met: an alternative review is possible");

    default:
      g_assert_not_reached ();
    }
}

static const char *
consequence_for (PdFramework framework)
{
  switch (framework)
    {
    case PD_FRAMEWORK_ENGLAND_2015:
      return N_("The board must undertake a serious case review; the chair decides.");
    case PD_FRAMEWORK_ENGLAND_2018:
      return N_("Notify the national panel within 5 working days, then hold a rapid review within 15 working days of the notification; the rapid review decides whether a child safeguarding practice review is appropriate.");
    case PD_FRAMEWORK_WALES:
      return N_("The board must undertake a child practice review; the chair decides.");
    default:
      g_assert_not_reached ();
    }
}

static const char *
alternative_for (PdFramework framework)
{
  switch (framework)
    {
    case PD_FRAMEWORK_ENGLAND_2015:
      return N_("The board may still commission a serious case review, or an alternative such as a serious incident learning review or a practice learning review.");
    case PD_FRAMEWORK_ENGLAND_2018:
      return N_("The safeguarding partners may still commission a local child safeguarding practice review or another learning review.");
    case PD_FRAMEWORK_WALES:
      return N_("The board may still hold a multi-agency professional forum or another learning review.");
    default:
      g_assert_not_reached ();
    }
}

PdCriteriaResult *
pd_criteria_check (PdFramework            framework,
                   const PdCriteriaFacts *facts)
{
  g_autoptr(PdCriteriaResult) result = NULL;
  const Route *routes;
  guint n_routes;
  guint32 terms[16];
  guint32 relevant = 0;
  Known known = { 0, 0 };
  gboolean any_always = FALSE;
  gboolean any_met = FALSE;
  Truth review_due;

  g_return_val_if_fail ((guint) framework < PD_N_FRAMEWORKS, NULL);
  g_return_val_if_fail (facts != NULL, NULL);

  result = result_new (framework);

  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      PdFact value = pd_criteria_facts_get (facts, (PdCriteriaFactId) i);

      if (!(facts_table[i].frameworks & (1u << framework)))
        continue;
      if (value == PD_FACT_YES)
        known.yes |= BIT (i);
      else if (value == PD_FACT_NO)
        known.no |= BIT (i);
    }

  /* A suspected suicide is a death. */
  if (facts->suspected_suicide == PD_FACT_YES)
    {
      if (known.no & DIED)
        {
          g_ptr_array_add (result->conflicts, (gpointer) facts_table[PD_CRITERIA_FACT_CHILD_DIED].key);
          g_ptr_array_add (result->conflicts, (gpointer) facts_table[PD_CRITERIA_FACT_SUSPECTED_SUICIDE].key);
          result->summary = g_strdup (_("Not enough information: the recorded facts contradict each other"));
          add_reason (result, N_("The child is recorded as not having died, and their death as a suspected suicide: correct one of the two."));
          return g_steal_pointer (&result);
        }
      known.yes |= DIED;
    }

  switch (framework)
    {
    case PD_FRAMEWORK_ENGLAND_2015:
      routes = routes_england_2015;
      n_routes = G_N_ELEMENTS (routes_england_2015);
      break;
    case PD_FRAMEWORK_ENGLAND_2018:
      routes = routes_england_2018;
      n_routes = G_N_ELEMENTS (routes_england_2018);
      break;
    case PD_FRAMEWORK_WALES:
      routes = routes_wales;
      n_routes = G_N_ELEMENTS (routes_wales);
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert (n_routes <= G_N_ELEMENTS (terms));
  for (guint i = 0; i < n_routes; i++)
    {
      terms[i] = routes[i].facts;
      if (term_truth (&known, routes[i].facts) == YES)
        {
          any_always |= routes[i].outcome == PD_CRITERIA_ALWAYS;
          any_met |= routes[i].outcome == PD_CRITERIA_MET;
        }
    }

  review_due = terms_truth (&known, terms, n_routes, &relevant);

  if (review_due == OPEN)
    {
      /* In Wales, which review it would be is a question too. */
      if (framework == PD_FRAMEWORK_WALES)
        {
          guint32 kind_relevant = 0;

          if (terms_truth (&known, extended_terms, G_N_ELEMENTS (extended_terms), &kind_relevant) == OPEN)
            relevant |= kind_relevant;
        }
      set_not_enough_information (result, relevant);
      return g_steal_pointer (&result);
    }

  if (review_due == NO)
    {
      result->outcome = PD_CRITERIA_NOT_MET;
      result->summary = g_strdup (_(summary_for (framework, result->outcome, result->review)));
      add_ruling_out_reasons (result, &known, routes, n_routes);
      add_reason (result, alternative_for (framework));
      return g_steal_pointer (&result);
    }

  /* A review is due: say which routes lead there. */
  result->outcome = any_always ? PD_CRITERIA_ALWAYS : PD_CRITERIA_MET;
  g_assert (any_always || any_met);

  if (framework == PD_FRAMEWORK_WALES)
    {
      guint32 kind_relevant = 0;

      switch (terms_truth (&known, extended_terms, G_N_ELEMENTS (extended_terms), &kind_relevant))
        {
        case YES:
          result->review = PD_CRITERIA_REVIEW_EXTENDED_CPR;
          break;
        case NO:
          result->review = PD_CRITERIA_REVIEW_CONCISE_CPR;
          break;
        case OPEN:
          set_not_enough_information (result, kind_relevant);
          g_ptr_array_remove_range (result->reasons, 0, 1);
          g_ptr_array_insert (result->reasons, 0,
                              g_strdup (_("The criteria for a child practice review are met. Whether it is concise or extended depends on the child’s status in the 6 months before the event:")));
          return g_steal_pointer (&result);
        default:
          g_assert_not_reached ();
        }
    }
  else
    result->review = framework == PD_FRAMEWORK_ENGLAND_2015
                     ? PD_CRITERIA_REVIEW_SCR
                     : PD_CRITERIA_REVIEW_RAPID_REVIEW;

  result->summary = g_strdup (_(summary_for (framework, result->outcome, result->review)));

  for (guint i = 0; i < n_routes; i++)
    if (term_truth (&known, routes[i].facts) == YES)
      add_reason (result, routes[i].reason);

  if (facts->suspected_suicide == PD_FACT_YES)
    add_reason (result, N_("The death is a suspected suicide, which counts as a death."));

  if (result->review == PD_CRITERIA_REVIEW_EXTENDED_CPR)
    {
      if (known.yes & REGISTER)
        add_reason (result, N_("The child was on the child protection register in the 6 months before the event: the review is an extended child practice review."));
      if (known.yes & LOOKED)
        add_reason (result, N_("The child was looked after in the 6 months before the event: the review is an extended child practice review."));
    }
  else if (result->review == PD_CRITERIA_REVIEW_CONCISE_CPR)
    add_reason (result, N_("The child was neither on the child protection register nor looked after in the 6 months before the event: the review is a concise child practice review."));

  add_reason (result, consequence_for (framework));

  return g_steal_pointer (&result);
}
