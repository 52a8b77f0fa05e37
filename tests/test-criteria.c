/* test-criteria.c: the criteria check against an independent oracle, for
 * every yes/no/unknown combination of the facts each framework looks at */
#include <string.h>

#include "pd-core.h"

/* ---------------------------------------------------------------- the oracle
 *
 * Written from the legal text as plain booleans, without the routes of
 * pd-criteria.c: for a complete set of answers, what does the framework
 * say? A partly answered set is then judged by trying every way its
 * unknown answers could turn out.
 */

typedef enum
{
  VERDICT_NO_REVIEW,
  VERDICT_REVIEW,      /* criteria met / notifiable */
  VERDICT_ALWAYS,      /* an always-circumstance */
  VERDICT_CONCISE,     /* Wales */
  VERDICT_EXTENDED,    /* Wales */
} Verdict;

/* Complete answers, one boolean a fact. */
typedef struct
{
  gboolean abuse, died, suicide, harm, concern, england;
  gboolean custody, remand, yoi, stc, sch, mha, dol;
  gboolean cpr, looked_after;
} Answers;

static Verdict
verdict_england_2015 (const Answers *a)
{
  /* Regulation 5(2): a death includes a suspected suicide. */
  gboolean death = a->died || a->suicide;

  /* Working Together 2015: always, for a death in these places. */
  if (death)
    {
      if (a->custody) return VERDICT_ALWAYS;
      if (a->remand) return VERDICT_ALWAYS;
      if (a->yoi) return VERDICT_ALWAYS;
      if (a->stc) return VERDICT_ALWAYS;
      if (a->sch) return VERDICT_ALWAYS;
      if (a->mha) return VERDICT_ALWAYS;
      if (a->dol) return VERDICT_ALWAYS;
    }

  if (!a->abuse)
    return VERDICT_NO_REVIEW;
  if (death)
    return VERDICT_REVIEW;            /* 5(2)(a) */
  if (a->harm && a->concern)
    return VERDICT_REVIEW;            /* 5(2)(b) */
  return VERDICT_NO_REVIEW;
}

static Verdict
verdict_england_2018 (const Answers *a)
{
  gboolean death = a->died || a->suicide;
  gboolean place = a->custody || a->remand || a->yoi || a->stc || a->sch || a->mha || a->dol;

  if (death && place)
    return VERDICT_ALWAYS;
  /* A serious incident: abuse or neglect, and death or serious harm, in England. */
  return a->abuse && (death || a->harm) && a->england ? VERDICT_REVIEW : VERDICT_NO_REVIEW;
}

static Verdict
verdict_wales (const Answers *a)
{
  if (!(a->abuse && (a->died || a->suicide || a->harm)))
    return VERDICT_NO_REVIEW;
  if (a->cpr || a->looked_after)
    return VERDICT_EXTENDED;
  return VERDICT_CONCISE;
}

/* The facts each framework's oracle reads, as fact ids; the rest are
 * irrelevant and must not change the check. */
static const PdCriteriaFactId relevant_2015[] = {
  PD_CRITERIA_FACT_ABUSE_OR_NEGLECT, PD_CRITERIA_FACT_CHILD_DIED, PD_CRITERIA_FACT_SUSPECTED_SUICIDE,
  PD_CRITERIA_FACT_SERIOUS_HARM, PD_CRITERIA_FACT_CONCERN_AGENCIES,
  PD_CRITERIA_FACT_IN_POLICE_CUSTODY, PD_CRITERIA_FACT_ON_REMAND, PD_CRITERIA_FACT_IN_YOI,
  PD_CRITERIA_FACT_IN_SECURE_TRAINING_CENTRE, PD_CRITERIA_FACT_IN_SECURE_CHILDRENS_HOME,
  PD_CRITERIA_FACT_DETAINED_MENTAL_HEALTH_ACT, PD_CRITERIA_FACT_DOL_16_17,
};
static const PdCriteriaFactId relevant_2018[] = {
  PD_CRITERIA_FACT_ABUSE_OR_NEGLECT, PD_CRITERIA_FACT_CHILD_DIED, PD_CRITERIA_FACT_SUSPECTED_SUICIDE,
  PD_CRITERIA_FACT_SERIOUS_HARM, PD_CRITERIA_FACT_IN_ENGLAND,
  PD_CRITERIA_FACT_IN_POLICE_CUSTODY, PD_CRITERIA_FACT_ON_REMAND, PD_CRITERIA_FACT_IN_YOI,
  PD_CRITERIA_FACT_IN_SECURE_TRAINING_CENTRE, PD_CRITERIA_FACT_IN_SECURE_CHILDRENS_HOME,
  PD_CRITERIA_FACT_DETAINED_MENTAL_HEALTH_ACT, PD_CRITERIA_FACT_DOL_16_17,
};
static const PdCriteriaFactId relevant_wales[] = {
  PD_CRITERIA_FACT_ABUSE_OR_NEGLECT, PD_CRITERIA_FACT_CHILD_DIED, PD_CRITERIA_FACT_SUSPECTED_SUICIDE,
  PD_CRITERIA_FACT_SERIOUS_HARM, PD_CRITERIA_FACT_ON_CP_REGISTER_6_MONTHS,
  PD_CRITERIA_FACT_LOOKED_AFTER_6_MONTHS,
};

#define MAX_RELEVANT 12

typedef struct
{
  PdFramework             framework;
  const PdCriteriaFactId *relevant;
  guint                   n_relevant;
  Verdict               (*verdict) (const Answers *);
  /* Verdicts of every complete set of answers, indexed by a bit mask over
   * relevant[] (bit set = yes). */
  Verdict                *table;
  int                     bit_died, bit_suicide;
} Oracle;

static void
answers_set (Answers          *a,
             PdCriteriaFactId  id,
             gboolean          value)
{
  switch (id)
    {
    case PD_CRITERIA_FACT_ABUSE_OR_NEGLECT:           a->abuse = value; break;
    case PD_CRITERIA_FACT_CHILD_DIED:                 a->died = value; break;
    case PD_CRITERIA_FACT_SUSPECTED_SUICIDE:          a->suicide = value; break;
    case PD_CRITERIA_FACT_SERIOUS_HARM:               a->harm = value; break;
    case PD_CRITERIA_FACT_CONCERN_AGENCIES:           a->concern = value; break;
    case PD_CRITERIA_FACT_IN_ENGLAND:                 a->england = value; break;
    case PD_CRITERIA_FACT_IN_POLICE_CUSTODY:          a->custody = value; break;
    case PD_CRITERIA_FACT_ON_REMAND:                  a->remand = value; break;
    case PD_CRITERIA_FACT_IN_YOI:                     a->yoi = value; break;
    case PD_CRITERIA_FACT_IN_SECURE_TRAINING_CENTRE:  a->stc = value; break;
    case PD_CRITERIA_FACT_IN_SECURE_CHILDRENS_HOME:   a->sch = value; break;
    case PD_CRITERIA_FACT_DETAINED_MENTAL_HEALTH_ACT: a->mha = value; break;
    case PD_CRITERIA_FACT_DOL_16_17:                  a->dol = value; break;
    case PD_CRITERIA_FACT_ON_CP_REGISTER_6_MONTHS:    a->cpr = value; break;
    case PD_CRITERIA_FACT_LOOKED_AFTER_6_MONTHS:      a->looked_after = value; break;
    default: g_assert_not_reached ();
    }
}

static void
oracle_init (Oracle                 *o,
             PdFramework             framework,
             const PdCriteriaFactId *relevant,
             guint                   n_relevant,
             Verdict               (*verdict) (const Answers *))
{
  o->framework = framework;
  o->relevant = relevant;
  o->n_relevant = n_relevant;
  o->verdict = verdict;
  o->table = g_new (Verdict, 1u << n_relevant);
  o->bit_died = o->bit_suicide = -1;

  for (guint i = 0; i < n_relevant; i++)
    {
      if (relevant[i] == PD_CRITERIA_FACT_CHILD_DIED)
        o->bit_died = (int) i;
      if (relevant[i] == PD_CRITERIA_FACT_SUSPECTED_SUICIDE)
        o->bit_suicide = (int) i;
    }
  g_assert_cmpint (o->bit_died, >=, 0);
  g_assert_cmpint (o->bit_suicide, >=, 0);

  for (guint mask = 0; mask < (1u << n_relevant); mask++)
    {
      Answers a = { 0 };

      for (guint i = 0; i < n_relevant; i++)
        answers_set (&a, relevant[i], (mask >> i) & 1);
      o->table[mask] = verdict (&a);
    }
}

/* A suspected suicide of a child who did not die cannot be. */
static gboolean
oracle_consistent (const Oracle *o,
                   guint         mask)
{
  return !((mask >> o->bit_suicide) & 1) || ((mask >> o->bit_died) & 1);
}

/* What decides the answer: in England, whether a review is due at all
 * (always or not is then known from the facts recorded); in Wales, which. */
static int
oracle_decisive (const Oracle *o,
                 Verdict       verdict)
{
  if (o->framework == PD_FRAMEWORK_WALES)
    return verdict;
  return verdict != VERDICT_NO_REVIEW;
}

typedef struct
{
  PdCriteriaOutcome outcome;
  PdCriteriaReview  review;
  guint             missing;    /* bit mask over fact ids */
  gboolean          conflict;
} Expected;

/* @yes and @unknown are bit masks over relevant[]. */
static Expected
oracle_judge (const Oracle *o,
              guint         yes,
              guint         unknown)
{
  Expected e = { PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE, 0, FALSE };
  gboolean seen[VERDICT_EXTENDED + 1] = { FALSE };
  guint n_seen = 0;
  guint sub = unknown;
  gboolean any = FALSE;

  /* Every way the unknown answers could turn out. */
  for (;;)
    {
      guint mask = yes | sub;

      if (oracle_consistent (o, mask))
        {
          Verdict v = o->table[mask];

          any = TRUE;
          if (!seen[v])
            n_seen++;
          seen[v] = TRUE;

          /* Which unknown answers, changed alone, change what decides? */
          for (guint i = 0; i < o->n_relevant; i++)
            {
              guint bit = 1u << i;
              guint other = mask ^ bit;

              if (!(unknown & bit) || !oracle_consistent (o, other))
                continue;
              if (oracle_decisive (o, v) != oracle_decisive (o, o->table[other]))
                e.missing |= 1u << o->relevant[i];
            }
        }
      if (sub == 0)
        break;
      sub = (sub - 1) & unknown;
    }

  if (!any)
    {
      e.conflict = TRUE;
      e.missing = 0;
      return e;
    }

  if (n_seen == 1 && seen[VERDICT_ALWAYS])
    e.outcome = PD_CRITERIA_ALWAYS;
  else if (o->framework != PD_FRAMEWORK_WALES && !seen[VERDICT_NO_REVIEW])
    e.outcome = PD_CRITERIA_MET;
  else if (n_seen == 1 && seen[VERDICT_NO_REVIEW])
    e.outcome = PD_CRITERIA_NOT_MET;
  else if (n_seen == 1 && seen[VERDICT_CONCISE])
    {
      e.outcome = PD_CRITERIA_MET;
      e.review = PD_CRITERIA_REVIEW_CONCISE_CPR;
    }
  else if (n_seen == 1 && seen[VERDICT_EXTENDED])
    {
      e.outcome = PD_CRITERIA_MET;
      e.review = PD_CRITERIA_REVIEW_EXTENDED_CPR;
    }

  if (e.outcome != PD_CRITERIA_NOT_ENOUGH_INFORMATION)
    e.missing = 0;
  if (e.review == PD_CRITERIA_REVIEW_NONE &&
      (e.outcome == PD_CRITERIA_MET || e.outcome == PD_CRITERIA_ALWAYS))
    e.review = o->framework == PD_FRAMEWORK_ENGLAND_2015
               ? PD_CRITERIA_REVIEW_SCR : PD_CRITERIA_REVIEW_RAPID_REVIEW;

  return e;
}

static char *
describe (const PdCriteriaFacts *facts)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      PdFact v = pd_criteria_facts_get (facts, (PdCriteriaFactId) i);
      if (v != PD_FACT_UNKNOWN)
        g_string_append_printf (s, "%s=%s ", pd_criteria_fact_get_key ((PdCriteriaFactId) i),
                                pd_fact_to_string (v));
    }
  return g_string_free (s, FALSE);
}

static guint
keys_to_mask (GPtrArray *keys)
{
  guint mask = 0;
  int previous = -1;

  for (guint i = 0; i < keys->len; i++)
    {
      int id = pd_criteria_fact_from_key (g_ptr_array_index (keys, i));

      g_assert_cmpint (id, >, previous);   /* in table order, no repeats */
      previous = id;
      mask |= 1u << id;
    }
  return mask;
}

static void
check_every_combination (PdFramework             framework,
                         const PdCriteriaFactId *relevant,
                         guint                   n_relevant,
                         Verdict               (*verdict) (const Answers *))
{
  Oracle o;
  guint n_combinations = 1;
  guint counts[PD_CRITERIA_NOT_MET + 1] = { 0 };
  guint n_conflicts = 0;
  guint irrelevant_seed = 0;

  oracle_init (&o, framework, relevant, n_relevant, verdict);
  for (guint i = 0; i < n_relevant; i++)
    n_combinations *= 3;

  for (guint combination = 0; combination < n_combinations; combination++)
    {
      PdCriteriaFacts facts = { 0 };
      g_autoptr(PdCriteriaResult) result = NULL;
      guint yes = 0, unknown = 0;
      guint code = combination;
      Expected e;

      /* Facts the framework does not look at get arbitrary answers. */
      for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
        if (!pd_criteria_fact_applies ((PdCriteriaFactId) i, framework))
          pd_criteria_facts_set (&facts, (PdCriteriaFactId) i,
                                 (PdFact) ((irrelevant_seed++ * 7 + i) % 3));

      for (guint i = 0; i < n_relevant; i++, code /= 3)
        {
          PdFact value = (PdFact) (code % 3);

          pd_criteria_facts_set (&facts, relevant[i], value);
          if (value == PD_FACT_YES)
            yes |= 1u << i;
          else if (value == PD_FACT_UNKNOWN)
            unknown |= 1u << i;
        }

      e = oracle_judge (&o, yes, unknown);
      result = pd_criteria_check (framework, &facts);

      if (result->outcome != e.outcome || result->review != e.review ||
          keys_to_mask (result->missing) != e.missing ||
          (result->conflicts->len > 0) != e.conflict)
        {
          g_autofree char *text = describe (&facts);
          g_test_message ("%s: %s: got %s (review %d, missing 0x%x, %u conflicts), expected %s (review %d, missing 0x%x, conflict %d)",
                          pd_framework_to_string (framework), text,
                          pd_criteria_outcome_to_string (result->outcome), result->review,
                          keys_to_mask (result->missing), result->conflicts->len,
                          pd_criteria_outcome_to_string (e.outcome), e.review, e.missing, e.conflict);
          g_test_fail ();
          break;
        }

      g_assert_nonnull (result->summary);
      g_assert_cmpuint (result->reasons->len, >, 0);
      if (e.outcome == PD_CRITERIA_NOT_ENOUGH_INFORMATION && !e.conflict)
        g_assert_cmpuint (result->missing->len, >, 0);

      /* Answering every missing question, whichever way, settles the
       * check (tried on a sample: it is 2^missing checks each). */
      if (e.outcome == PD_CRITERIA_NOT_ENOUGH_INFORMATION && !e.conflict && combination % 61 == 0)
        {
          guint n = result->missing->len;

          for (guint answers = 0; answers < (1u << n); answers++)
            {
              PdCriteriaFacts answered = facts;
              g_autoptr(PdCriteriaResult) settled = NULL;

              for (guint k = 0; k < n; k++)
                pd_criteria_facts_set_by_key (&answered, g_ptr_array_index (result->missing, k),
                                              (answers >> k) & 1 ? "yes" : "no");
              settled = pd_criteria_check (framework, &answered);
              if (settled->outcome == PD_CRITERIA_NOT_ENOUGH_INFORMATION)
                {
                  g_autofree char *text = describe (&answered);
                  g_test_message ("still not enough information after answering: %s", text);
                  g_test_fail ();
                }
            }
        }

      counts[result->outcome]++;
      n_conflicts += result->conflicts->len > 0;
    }

  g_test_message ("%s: %u combinations of %u facts: %u met, %u always, %u not met, "
                  "%u not enough information (%u of them contradictory)",
                  pd_framework_to_string (framework), n_combinations, n_relevant,
                  counts[PD_CRITERIA_MET], counts[PD_CRITERIA_ALWAYS], counts[PD_CRITERIA_NOT_MET],
                  counts[PD_CRITERIA_NOT_ENOUGH_INFORMATION], n_conflicts);
  g_assert_cmpuint (counts[PD_CRITERIA_MET] + counts[PD_CRITERIA_ALWAYS] + counts[PD_CRITERIA_NOT_MET] +
                    counts[PD_CRITERIA_NOT_ENOUGH_INFORMATION], ==, n_combinations);
  if (framework != PD_FRAMEWORK_WALES)
    g_assert_cmpuint (counts[PD_CRITERIA_ALWAYS], >, 0);
  g_assert_cmpuint (counts[PD_CRITERIA_MET], >, 0);
  g_assert_cmpuint (counts[PD_CRITERIA_NOT_MET], >, 0);

  g_free (o.table);
}

static void
test_every_combination_england_2015 (void)
{
  check_every_combination (PD_FRAMEWORK_ENGLAND_2015, relevant_2015,
                           G_N_ELEMENTS (relevant_2015), verdict_england_2015);
}

static void
test_every_combination_england_2018 (void)
{
  check_every_combination (PD_FRAMEWORK_ENGLAND_2018, relevant_2018,
                           G_N_ELEMENTS (relevant_2018), verdict_england_2018);
}

static void
test_every_combination_wales (void)
{
  check_every_combination (PD_FRAMEWORK_WALES, relevant_wales,
                           G_N_ELEMENTS (relevant_wales), verdict_wales);
}

/* ---------------------------------------------------------------- named cases */

typedef struct
{
  const char        *name;
  PdFramework        framework;
  const char        *facts;      /* "key=yes key=no ..." */
  PdCriteriaOutcome  outcome;
  PdCriteriaReview   review;
  const char        *missing;    /* "key key", in table order; NULL for none */
  const char        *reason;     /* a reason contains this, or NULL */
} Case;

static const Case cases[] = {
  { "death with abuse or neglect is 5(2)(a)", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=yes child_died=yes in_police_custody=no on_remand=no",
    PD_CRITERIA_MET, PD_CRITERIA_REVIEW_SCR, NULL, "Regulation 5(2)(a)" },
  { "serious harm with concern is 5(2)(b)", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=yes child_died=no serious_harm=yes concern_agencies=yes",
    PD_CRITERIA_MET, PD_CRITERIA_REVIEW_SCR, NULL, "Regulation 5(2)(b)" },
  { "serious harm without concern is not met", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=yes child_died=no serious_harm=yes concern_agencies=no",
    PD_CRITERIA_NOT_MET, PD_CRITERIA_REVIEW_NONE, NULL, "no cause for concern" },
  { "serious harm, concern not yet known", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=yes child_died=no serious_harm=yes",
    PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE, "concern_agencies", NULL },
  { "a death in a young offender institution is always reviewed", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=no child_died=yes in_yoi=yes",
    PD_CRITERIA_ALWAYS, PD_CRITERIA_REVIEW_SCR, NULL, "young offender institution" },
  { "a death under a deprivation of liberty order at 16 is always reviewed", PD_FRAMEWORK_ENGLAND_2015,
    "child_died=yes dol_16_17=yes",
    PD_CRITERIA_ALWAYS, PD_CRITERIA_REVIEW_SCR, NULL, "Mental Capacity Act 2005" },
  { "custody without a death is no always-circumstance", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=no child_died=no serious_harm=yes in_police_custody=yes",
    PD_CRITERIA_NOT_MET, PD_CRITERIA_REVIEW_NONE, NULL, "neither known nor suspected" },
  { "a death, abuse not known, places ruled out", PD_FRAMEWORK_ENGLAND_2015,
    "child_died=yes in_police_custody=no on_remand=no in_yoi=no in_secure_training_centre=no "
    "in_secure_childrens_home=no detained_mental_health_act=no dol_16_17=no",
    PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE, "abuse_or_neglect", NULL },
  { "a death, no abuse, places ruled out", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=no child_died=yes in_police_custody=no on_remand=no in_yoi=no in_secure_training_centre=no "
    "in_secure_childrens_home=no detained_mental_health_act=no dol_16_17=no",
    PD_CRITERIA_NOT_MET, PD_CRITERIA_REVIEW_NONE, NULL, "None of the circumstances" },
  { "nothing known asks every question but the suicide", PD_FRAMEWORK_ENGLAND_2015, "",
    PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE,
    "abuse_or_neglect child_died serious_harm concern_agencies in_police_custody on_remand in_yoi "
    "in_secure_training_centre in_secure_childrens_home detained_mental_health_act dol_16_17", NULL },
  { "abuse known: the places do not matter any more", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=yes serious_harm=yes",
    PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE, "child_died concern_agencies", NULL },
  { "abuse and death unknown, no harm, no places", PD_FRAMEWORK_ENGLAND_2015,
    "serious_harm=no in_police_custody=no on_remand=no in_yoi=no in_secure_training_centre=no "
    "in_secure_childrens_home=no detained_mental_health_act=no dol_16_17=no",
    PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE, "abuse_or_neglect child_died", NULL },
  { "a suspected suicide is a death", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=yes suspected_suicide=yes",
    PD_CRITERIA_MET, PD_CRITERIA_REVIEW_SCR, NULL, "suspected suicide" },
  { "criteria met and a place unknown is still met", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=yes child_died=yes",
    PD_CRITERIA_MET, PD_CRITERIA_REVIEW_SCR, NULL, "Regulation 5(2)(a)" },
  { "a death in custody is always, with abuse too", PD_FRAMEWORK_ENGLAND_2015,
    "abuse_or_neglect=yes child_died=yes in_police_custody=yes",
    PD_CRITERIA_ALWAYS, PD_CRITERIA_REVIEW_SCR, NULL, "Regulation 5(2)(a)" },
  { "England 2018: serious harm in England is notifiable, concern or not", PD_FRAMEWORK_ENGLAND_2018,
    "abuse_or_neglect=yes serious_harm=yes in_england=yes concern_agencies=no",
    PD_CRITERIA_MET, PD_CRITERIA_REVIEW_RAPID_REVIEW, NULL, "rapid review" },
  { "England 2018: harm outside England is not notifiable", PD_FRAMEWORK_ENGLAND_2018,
    "abuse_or_neglect=yes serious_harm=yes child_died=no in_england=no",
    PD_CRITERIA_NOT_MET, PD_CRITERIA_REVIEW_NONE, NULL, "England" },
  { "England 2018: where, not yet known", PD_FRAMEWORK_ENGLAND_2018,
    "abuse_or_neglect=yes serious_harm=yes child_died=no",
    PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE, "in_england", NULL },
  { "England 2018: a death in a secure children's home", PD_FRAMEWORK_ENGLAND_2018,
    "child_died=yes in_secure_childrens_home=yes",
    PD_CRITERIA_ALWAYS, PD_CRITERIA_REVIEW_RAPID_REVIEW, NULL, "secure children’s home" },
  { "Wales: neither on the register nor looked after is concise", PD_FRAMEWORK_WALES,
    "abuse_or_neglect=yes child_died=yes on_cp_register_6_months=no looked_after_6_months=no",
    PD_CRITERIA_MET, PD_CRITERIA_REVIEW_CONCISE_CPR, NULL, "concise" },
  { "Wales: on the register is extended", PD_FRAMEWORK_WALES,
    "abuse_or_neglect=yes serious_harm=yes on_cp_register_6_months=yes",
    PD_CRITERIA_MET, PD_CRITERIA_REVIEW_EXTENDED_CPR, NULL, "child protection register" },
  { "Wales: looked after is extended", PD_FRAMEWORK_WALES,
    "abuse_or_neglect=yes serious_harm=yes on_cp_register_6_months=no looked_after_6_months=yes",
    PD_CRITERIA_MET, PD_CRITERIA_REVIEW_EXTENDED_CPR, NULL, "looked after" },
  { "Wales: which review, not yet known", PD_FRAMEWORK_WALES,
    "abuse_or_neglect=yes serious_harm=yes on_cp_register_6_months=no",
    PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE, "looked_after_6_months", "concise or extended" },
  { "Wales: nothing known", PD_FRAMEWORK_WALES, "",
    PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE,
    "abuse_or_neglect child_died serious_harm on_cp_register_6_months looked_after_6_months", NULL },
  { "Wales: no always-circumstances", PD_FRAMEWORK_WALES,
    "abuse_or_neglect=no child_died=yes in_police_custody=yes",
    PD_CRITERIA_NOT_MET, PD_CRITERIA_REVIEW_NONE, NULL, "neither known nor suspected" },
  { "a suicide of a child who did not die contradicts", PD_FRAMEWORK_ENGLAND_2018,
    "abuse_or_neglect=yes child_died=no suspected_suicide=yes",
    PD_CRITERIA_NOT_ENOUGH_INFORMATION, PD_CRITERIA_REVIEW_NONE, NULL, "correct one" },
};

static void
parse_facts (const char      *text,
             PdCriteriaFacts *facts)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  memset (facts, 0, sizeof *facts);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) pair = NULL;

      if (*words[i] == '\0')
        continue;
      pair = g_strsplit (words[i], "=", 2);
      g_assert_true (pd_criteria_facts_set_by_key (facts, pair[0], pair[1]));
    }
}

static void
test_named_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(PdCriteriaResult) result = NULL;
      g_autoptr(GString) missing = g_string_new (NULL);
      PdCriteriaFacts facts;
      gboolean found = c->reason == NULL;

      g_test_message ("case: %s", c->name);
      parse_facts (c->facts, &facts);
      result = pd_criteria_check (c->framework, &facts);

      g_assert_cmpstr (pd_criteria_outcome_to_string (result->outcome), ==,
                       pd_criteria_outcome_to_string (c->outcome));
      g_assert_cmpint (result->review, ==, c->review);
      g_assert_cmpint (result->framework, ==, c->framework);

      for (guint k = 0; k < result->missing->len; k++)
        g_string_append_printf (missing, "%s%s", k ? " " : "", (char *) g_ptr_array_index (result->missing, k));
      g_assert_cmpstr (missing->str, ==, c->missing ? c->missing : "");

      for (guint k = 0; c->reason != NULL && k < result->reasons->len; k++)
        found |= strstr (g_ptr_array_index (result->reasons, k), c->reason) != NULL;
      if (!found)
        {
          for (guint k = 0; k < result->reasons->len; k++)
            g_test_message ("reason: %s", (char *) g_ptr_array_index (result->reasons, k));
          g_error ("%s: no reason mentions “%s”", c->name, c->reason);
        }
    }
}

static void
test_contradiction (void)
{
  PdCriteriaFacts facts = { .child_died = PD_FACT_NO, .suspected_suicide = PD_FACT_YES,
                            .abuse_or_neglect = PD_FACT_YES };
  g_autoptr(PdCriteriaResult) result = pd_criteria_check (PD_FRAMEWORK_ENGLAND_2015, &facts);

  g_assert_cmpint (result->outcome, ==, PD_CRITERIA_NOT_ENOUGH_INFORMATION);
  g_assert_cmpuint (result->conflicts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (result->conflicts, 0), ==, "child_died");
  g_assert_cmpstr (g_ptr_array_index (result->conflicts, 1), ==, "suspected_suicide");
  g_assert_cmpuint (result->missing->len, ==, 0);
  g_assert_nonnull (strstr (result->summary, "contradict"));
}

static void
test_not_enough_information_lists_questions (void)
{
  PdCriteriaFacts facts = { .abuse_or_neglect = PD_FACT_YES, .serious_harm = PD_FACT_YES };
  g_autoptr(PdCriteriaResult) result = pd_criteria_check (PD_FRAMEWORK_ENGLAND_2015, &facts);

  /* An introduction, then the question of each missing fact. */
  g_assert_cmpuint (result->missing->len, ==, 2);
  g_assert_cmpuint (result->reasons->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (result->reasons, 1), ==,
                   pd_criteria_fact_get_label (PD_CRITERIA_FACT_CHILD_DIED));
  g_assert_cmpstr (g_ptr_array_index (result->reasons, 2), ==,
                   pd_criteria_fact_get_label (PD_CRITERIA_FACT_CONCERN_AGENCIES));
  g_assert_cmpstr (result->summary, ==, "Not enough information: 2 questions to answer");
}

/* ---------------------------------------------------------------- tables */

static void
test_frameworks (void)
{
  static const char * const names[] = { "england-2015", "england-2018", "wales" };
  PdFramework framework = PD_FRAMEWORK_WALES;

  for (guint i = 0; i < PD_N_FRAMEWORKS; i++)
    {
      PdFramework parsed;

      g_assert_cmpstr (pd_framework_to_string ((PdFramework) i), ==, names[i]);
      g_assert_true (pd_framework_from_string (names[i], &parsed));
      g_assert_cmpint (parsed, ==, i);
      g_assert_cmpuint (strlen (pd_framework_get_label ((PdFramework) i)), >, 0);
    }

  g_assert_false (pd_framework_from_string ("England-2015", &framework));
  g_assert_false (pd_framework_from_string ("scotland", &framework));
  g_assert_false (pd_framework_from_string ("", &framework));
  g_assert_false (pd_framework_from_string (NULL, &framework));
  g_assert_cmpint (framework, ==, PD_FRAMEWORK_WALES);
}

static void
test_fact_table (void)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  PdCriteriaFacts facts = { 0 };
  PdFact value;

  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      const char *key = pd_criteria_fact_get_key ((PdCriteriaFactId) i);
      gboolean applies_somewhere = FALSE;

      g_assert_nonnull (key);
      g_assert_false (g_hash_table_contains (keys, key));
      g_hash_table_add (keys, (gpointer) key);
      g_assert_cmpint (pd_criteria_fact_from_key (key), ==, i);
      g_assert_true (g_str_has_suffix (pd_criteria_fact_get_label ((PdCriteriaFactId) i), "?"));

      for (guint f = 0; f < PD_N_FRAMEWORKS; f++)
        applies_somewhere |= pd_criteria_fact_applies ((PdCriteriaFactId) i, (PdFramework) f);
      g_assert_true (applies_somewhere);

      /* Each key sets its own field, and only that one. */
      g_assert_true (pd_criteria_facts_set_by_key (&facts, key, "yes"));
      for (guint j = 0; j < PD_CRITERIA_N_FACTS; j++)
        g_assert_cmpint (pd_criteria_facts_get (&facts, (PdCriteriaFactId) j), ==,
                         j == i ? PD_FACT_YES : PD_FACT_UNKNOWN);
      g_assert_true (pd_criteria_facts_set_by_key (&facts, key, "unknown"));
    }

  /* The struct's fields, by name, are the table's. */
  facts.dol_16_17 = PD_FACT_NO;
  g_assert_cmpint (pd_criteria_facts_get (&facts, PD_CRITERIA_FACT_DOL_16_17), ==, PD_FACT_NO);
  facts.looked_after_6_months = PD_FACT_YES;
  g_assert_cmpint (pd_criteria_facts_get (&facts, PD_CRITERIA_FACT_LOOKED_AFTER_6_MONTHS), ==, PD_FACT_YES);

  g_assert_cmpint (pd_criteria_fact_from_key ("child_name"), ==, -1);
  g_assert_cmpint (pd_criteria_fact_from_key (NULL), ==, -1);
  g_assert_false (pd_criteria_facts_set_by_key (&facts, "dol_16_17", "maybe"));
  g_assert_false (pd_criteria_facts_set_by_key (&facts, "no_such_fact", "yes"));
  g_assert_cmpint (facts.dol_16_17, ==, PD_FACT_NO);

  g_assert_true (pd_fact_from_string ("no", &value));
  g_assert_cmpint (value, ==, PD_FACT_NO);
  g_assert_false (pd_fact_from_string ("Yes", &value));
  g_assert_cmpstr (pd_fact_to_string (PD_FACT_UNKNOWN), ==, "unknown");

  /* Which facts each framework asks. */
  g_assert_true (pd_criteria_fact_applies (PD_CRITERIA_FACT_CONCERN_AGENCIES, PD_FRAMEWORK_ENGLAND_2015));
  g_assert_false (pd_criteria_fact_applies (PD_CRITERIA_FACT_CONCERN_AGENCIES, PD_FRAMEWORK_ENGLAND_2018));
  g_assert_true (pd_criteria_fact_applies (PD_CRITERIA_FACT_IN_ENGLAND, PD_FRAMEWORK_ENGLAND_2018));
  g_assert_false (pd_criteria_fact_applies (PD_CRITERIA_FACT_IN_YOI, PD_FRAMEWORK_WALES));
  g_assert_true (pd_criteria_fact_applies (PD_CRITERIA_FACT_LOOKED_AFTER_6_MONTHS, PD_FRAMEWORK_WALES));
}

static void
test_outcome_strings (void)
{
  static const char * const names[] = { "not_enough_information", "met", "always", "not_met" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      PdCriteriaOutcome outcome;

      g_assert_cmpstr (pd_criteria_outcome_to_string ((PdCriteriaOutcome) i), ==, names[i]);
      g_assert_true (pd_criteria_outcome_from_string (names[i], &outcome));
      g_assert_cmpint (outcome, ==, i);
    }
  {
    PdCriteriaOutcome outcome = PD_CRITERIA_MET;
    g_assert_false (pd_criteria_outcome_from_string ("Met", &outcome));
    g_assert_cmpint (outcome, ==, PD_CRITERIA_MET);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/criteria/every-combination/england-2015", test_every_combination_england_2015);
  g_test_add_func ("/criteria/every-combination/england-2018", test_every_combination_england_2018);
  g_test_add_func ("/criteria/every-combination/wales", test_every_combination_wales);
  g_test_add_func ("/criteria/named-cases", test_named_cases);
  g_test_add_func ("/criteria/contradiction", test_contradiction);
  g_test_add_func ("/criteria/not-enough-information-lists-questions", test_not_enough_information_lists_questions);
  g_test_add_func ("/criteria/frameworks", test_frameworks);
  g_test_add_func ("/criteria/fact-table", test_fact_table);
  g_test_add_func ("/criteria/outcome-strings", test_outcome_strings);

  return g_test_run ();
}
