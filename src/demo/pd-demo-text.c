/* pd-demo-text.c: the phrase tables the demo content is made of
 *
 * Everything here is invented. The people, the places and the cases only
 * resemble what boards publish: anonymised ("Child A", "Family X"), in the
 * language of referral forms, panel minutes and overview reports. The demo
 * content is sample data, not interface text, so it is not translated.
 */
#include "pd-demo-text.h"

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const PdDemoPerson people[] = {
  { "ahartley",   "Dr Anne Hartley",      "Independent chair",                     PD_ROLE_CHAIR },
  { "mokafor",    "Michael Okafor",       "Children's social care",                PD_ROLE_MEMBER },
  { "sbrennan",   "DI Sarah Brennan",     "Police, public protection unit",        PD_ROLE_MEMBER },
  { "rpatel",     "Dr Rajesh Patel",      "Health, designated doctor",             PD_ROLE_MEMBER },
  { "jlowe",      "Julia Lowe",           "Health, designated nurse",              PD_ROLE_MEMBER },
  { "cdavies",    "Carol Davies",         "Education, safeguarding in schools",    PD_ROLE_MEMBER },
  { "tgreaves",   "Tom Greaves",          "Probation service",                     PD_ROLE_MEMBER },
  { "hnaylor",    "Helen Naylor",         "Legal services",                        PD_ROLE_MEMBER },
  { "kobrien",    "Kathleen O'Brien",     "Lay member",                            PD_ROLE_OBSERVER },
  { "lmarsh",     "Linda Marsh",          "Safeguarding business unit",            PD_ROLE_ADMINISTRATOR },
};

const PdDemoPerson *
pd_demo_text_people (guint *n_people)
{
  *n_people = G_N_ELEMENTS (people);
  return people;
}

/* ----------------------------------------------------------- pseudonyms */

static const char *pseudonym_kinds[] = {
  "Child", "Baby", "Young Person", "Sibling", "Child", "Infant", "Child", "Young Person",
};

char *
pd_demo_text_pseudonym (guint index)
{
  const char *kind = pseudonym_kinds[index % G_N_ELEMENTS (pseudonym_kinds)];
  char letter = 'A' + (index % 26);
  guint round = index / 26;

  if (round == 0)
    return g_strdup_printf ("%s %c", kind, letter);
  return g_strdup_printf ("%s %c%u", kind, letter, round + 1);
}

char *
pd_demo_text_family (guint index)
{
  char letter = 'A' + (index % 26);
  guint round = index / 26;

  if (round == 0)
    return g_strdup_printf ("Family %c", letter);
  return g_strdup_printf ("Family %c%u", letter, round + 1);
}

char *
pd_demo_text_initials (GRand *rand)
{
  static const char first[] = "ABCDEFGHJKLMNPRSTW";
  static const char last[] = "ABCDEGHJKLMNOPRSTW";

  return g_strdup_printf ("%c.%c.",
                          first[g_rand_int_range (rand, 0, sizeof first - 1)],
                          last[g_rand_int_range (rand, 0, sizeof last - 1)]);
}

/* --------------------------------------------------------- referrers */

static const char *agencies[] = {
  "Children's social care",
  "Children's social care",
  "Police",
  "Police",
  "Acute hospital trust",
  "Community health services",
  "Clinical commissioning group",
  "GP practice",
  "Health visiting service",
  "Ambulance service",
  "Primary school",
  "Secondary school",
  "Probation service",
  "Youth offending service",
  "Adult mental health services",
  "Drug and alcohol service",
  "Coroner's office",
  "Housing provider",
  "Early help service",
};

const char *
pd_demo_text_agency (GRand *rand)
{
  return PICK (rand, agencies);
}

static const char *referrer_first[] = {
  "Alison", "Ben", "Claire", "David", "Emma", "Farah", "Gareth", "Hannah", "Imran",
  "Joanne", "Kevin", "Louise", "Mark", "Nadia", "Owen", "Paula", "Rachel", "Simon",
  "Tracey", "Usha", "Victoria", "Wendy", "Yusuf", "Zoe",
};

static const char *referrer_last[] = {
  "Ashworth", "Bell", "Chadwick", "Dixon", "Evans", "Fletcher", "Gill", "Hussain",
  "Ingram", "Jones", "Kaur", "Lambert", "Morris", "Nolan", "Osei", "Price", "Quinn",
  "Roberts", "Shaw", "Thompson", "Walsh", "Young",
};

static const char *referrer_titles[] = {
  "Head of Service", "Detective Sergeant", "Named Nurse", "Designated Safeguarding Lead",
  "Service Manager", "Team Manager", "Named Doctor", "Senior Probation Officer",
  "Principal Social Worker", "Detective Inspector",
};

char *
pd_demo_text_referrer (GRand *rand)
{
  return g_strdup_printf ("%s %s, %s", PICK (rand, referrer_first), PICK (rand, referrer_last),
                          PICK (rand, referrer_titles));
}

static const char *places[] = {
  "Committee Room 2, Town Hall",
  "Board Room, Safeguarding Partnership offices",
  "Meeting Room 4, Civic Centre",
  "Online (Microsoft Teams)",
  "Conference Room, Police Headquarters",
};

const char *
pd_demo_text_place (GRand *rand)
{
  return PICK (rand, places);
}

/* ---------------------------------------------------------- narratives */

typedef struct
{
  const char *theme;
  const char *openings[4];   /* %s is the pseudonym */
} Theme;

static const Theme themes[] = {
  { "neglect", {
    "%s was found by police in a cold and dirty home with little food, after a neighbour raised concerns.",
    "%s was admitted to hospital severely underweight; the family had missed a series of health appointments.",
    "%s was known to early help for persistent poor school attendance and hygiene concerns before being seriously harmed.",
    "%s, aged two, was found alone at home in the early hours and was taken to hospital with dehydration.",
  } },
  { "domestic abuse", {
    "%s was present during a serious assault on their mother by her partner and was injured in the incident.",
    "Police had attended the family home on eleven occasions in two years following reports of domestic abuse before %s was harmed.",
    "%s was killed in a house fire started by the mother's former partner, who was subject to a non-molestation order.",
    "%s disclosed at school that the mother's partner hit them; the household was known to MARAC.",
  } },
  { "parental mental health", {
    "%s died in circumstances in which the mother, who had a history of post-natal depression, is suspected of causing harm.",
    "The father of %s had been discharged from a mental health ward two weeks before the incident.",
    "%s was seriously injured while in the care of a parent experiencing a psychotic episode.",
    "%s was a young carer for a parent with severe depression and was not known to children's social care.",
  } },
  { "substance misuse", {
    "%s ingested methadone prescribed to a parent and died despite resuscitation by paramedics.",
    "Both parents of %s were in treatment for heroin use; the child was subject to a child protection plan.",
    "%s was admitted with alcohol poisoning; the parents' own alcohol use was known to several agencies.",
    "%s was found in a car with an intoxicated parent after a road traffic collision.",
  } },
  { "non-accidental injury", {
    "%s, aged eleven weeks, was admitted with a skull fracture and rib fractures of different ages.",
    "%s presented at the emergency department with bruising to the face and ears not consistent with the explanation given.",
    "%s was found to have a spiral fracture of the femur; the father was arrested on suspicion of causing grievous bodily harm.",
    "%s suffered a brain injury consistent with shaking; both carers gave inconsistent accounts.",
  } },
  { "sudden unexpected death in infancy", {
    "%s died suddenly and unexpectedly at eight weeks old while co-sleeping with a parent who had been drinking.",
    "%s was found unresponsive in the morning; the home conditions raised concerns about neglect.",
    "%s died in the night; the family had been referred to children's social care before the birth.",
    "%s died aged four months; the rapid response team found unsafe sleeping arrangements and cannabis use in the home.",
  } },
  { "child sexual exploitation", {
    "%s, aged fourteen, was repeatedly reported missing and was found in the company of adults suspected of exploiting her.",
    "%s disclosed being sexually exploited by a group of older men; several agencies held pieces of information.",
    "%s was admitted after an overdose and later disclosed exploitation arranged through social media.",
    "%s was found with unexplained gifts, money and a second mobile phone; concerns about exploitation had been raised by school.",
  } },
  { "suicide", {
    "%s, aged fifteen, died by suspected suicide; there had been a referral to CAMHS that was not accepted.",
    "%s took their own life while looked after by the local authority in a residential placement.",
    "%s died by suspected suicide after a period of online bullying known to the school.",
    "%s, aged seventeen, died while awaiting an assessment by adult mental health services.",
  } },
  { "criminal exploitation", {
    "%s was stabbed in a dispute linked to county lines drug supply and had been excluded from school.",
    "%s was found in a flat in another county with drugs and cash and had been missing for nine days.",
    "%s was seriously assaulted; the youth offending service had identified a risk of criminal exploitation.",
    "%s was arrested far from home carrying class A drugs, and later disclosed threats to the family.",
  } },
};

static const char *background[] = {
  "The family had moved between three local authorities in the preceding two years, and records did not follow them.",
  "A child protection plan under the category of neglect had ended nine months before the incident.",
  "The child was not known to children's social care, but health visitors had recorded concerns.",
  "There had been a single assessment that concluded no further action was required.",
  "An older sibling had been subject to a child protection plan some years earlier.",
  "The family's first language was not English and interpreters were not always used.",
  "The child was electively home educated and not seen by professionals for several months.",
  "The mother's partner had previous convictions for violence that were not shared with children's social care.",
  "The child had been looked after under section 20 and had returned home shortly before the incident.",
  "Several agencies were involved, but there was no multi-agency meeting in the six months before the incident.",
};

static const char *questions[] = {
  "The referrer believes the criteria for a serious case review may be met.",
  "The referrer asks the panel to consider whether agencies worked together effectively to safeguard the child.",
  "The referrer has referred the case for learning rather than for a statutory review.",
  "The referrer notes elements of good practice, particularly by the school, that the panel may wish to share.",
  "A police investigation is continuing and a criminal trial is expected.",
  "An inquest has been opened and adjourned by the coroner.",
  "Care proceedings in respect of the siblings are under way in the family court.",
  "The national panel was notified of the serious incident within five working days.",
};

char *
pd_demo_text_narrative (GRand       *rand,
                        const char  *pseudonym,
                        const char **out_theme)
{
  const Theme *theme = &PICK (rand, themes);
  const char *opening = PICK (rand, theme->openings);
  const char *b1 = PICK (rand, background);
  const char *b2 = PICK (rand, background);
  const char *q = PICK (rand, questions);
  GString *text = g_string_sized_new (512);

  if (out_theme != NULL)
    *out_theme = theme->theme;

  g_string_append_printf (text, opening, pseudonym);
  g_string_append_c (text, ' ');
  g_string_append (text, b1);
  if (b2 != b1)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, b2);
    }
  g_string_append_c (text, ' ');
  g_string_append (text, q);
  return g_string_free (text, FALSE);
}

/* ---------------------------------------------------------- rationales */

typedef struct
{
  const char *outcome;
  const char *reasons[3];  /* %s is the pseudonym */
} Rationale;

static const Rationale rationales[] = {
  { "scr", {
    "The criteria in Regulation 5 are met: abuse or neglect of %s is known or suspected and the child has died. There is evidence that agencies did not share information about the risks posed by the mother's partner.",
    "%s has been seriously harmed and there is cause for concern about the way agencies worked together, in particular the closure of the child protection plan without a multi-agency review.",
    "The death of %s meets the criteria for a serious case review. The panel recommends an independent lead reviewer with experience of cases involving domestic abuse.",
  } },
  { "silr", {
    "The criteria for a serious case review are not met because the harm to %s, although serious, did not reveal concerns about how agencies worked together. A serious incident learning review will capture the learning about pre-birth assessment.",
    "The panel considers that a serious incident learning review, using a systems approach with the practitioners involved, is proportionate for %s.",
    "Learning about information sharing between health visiting and GP services for %s can best be gathered through a serious incident learning review.",
  } },
  { "practice_learning", {
    "A practice learning review focused on the school's response to disclosures by %s will be quicker and more useful to practitioners than a full review.",
    "The circumstances of %s show good practice by the health visitor that the board should share; a practice learning review will record it alongside the learning.",
    "A reflective practice learning event with the agencies involved with %s is proportionate; the criteria for a statutory review are not met.",
  } },
  { "other_review", {
    "A domestic homicide review has been commissioned by the community safety partnership; the learning about %s will be gathered through that review with the board's involvement.",
    "A multi-agency audit of neglect cases, including that of %s, will address the learning more effectively than a single review.",
    "The learning for %s will be taken forward through the child death overview panel and reported to the board.",
  } },
  { "no_review", {
    "The criteria are not met: there is no evidence that abuse or neglect caused or contributed to the harm to %s, and agencies responded appropriately.",
    "The agencies involved with %s worked together well and shared information promptly. There is no further learning that a review would add; single-agency actions are already in place.",
    "The panel found no cause for concern about inter-agency working in the case of %s. The national panel will be informed of the decision not to undertake a review within 14 days.",
  } },
  { "deferred", {
    "The panel cannot decide on the information available. Individual agency summaries are requested from health and education about %s within ten working days.",
    "The decision for %s is deferred until the police have confirmed whether the investigation will proceed to charge.",
    "The chronology for %s is incomplete; the case will return to the next panel meeting once the GP records have been received.",
  } },
};

char *
pd_demo_text_rationale (GRand      *rand,
                        const char *kind,
                        const char *outcome,
                        const char *pseudonym)
{
  const Rationale *r = &rationales[0];
  const char *reason;
  GString *text;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (rationales); i++)
    if (g_strcmp0 (rationales[i].outcome, outcome) == 0)
      r = &rationales[i];

  reason = PICK (rand, r->reasons);
  text = g_string_sized_new (384);
  g_string_append_printf (text, reason, pseudonym);
  if (g_strcmp0 (kind, "decision") == 0)
    g_string_append (text, " The independent chair has considered the panel's recommendation and the views of the agencies.");
  else
    g_string_append (text, " The members present agreed the recommendation; no conflicts of interest were declared.");
  return g_string_free (text, FALSE);
}

/* ---------------------------------------------------------- chronology */

static const PdDemoChronologyRow chronology[] = {
  { 412, "Health visiting service", "New birth visit. Mother reports low mood; Edinburgh scale score 14. Referred to GP." },
  { 398, "GP practice", "Mother seen; antidepressants prescribed. No enquiry about the household or the partner." },
  { 351, "Police", "Domestic incident at the home address. Verbal argument; child asleep upstairs. DASH risk: standard." },
  { 350, "Children's social care", "Police notification received and screened. No further action; letter sent to mother." },
  { 301, "Health visiting service", "Two missed appointments. Letter sent; no follow-up visit recorded." },
  { 276, "Acute hospital trust", "Child seen in the emergency department with a bruise to the cheek. Explanation: fell against a table." },
  { 262, "Police", "Second domestic incident. Partner arrested for assault, released under investigation." },
  { 260, "Children's social care", "Strategy discussion with police and health. Section 47 enquiry begun." },
  { 231, "Children's social care", "Initial child protection conference. Child protection plan: category neglect." },
  { 204, "Primary school", "Sibling's attendance falls to 78%. Designated safeguarding lead informs social worker." },
  { 170, "Drug and alcohol service", "Partner discharged from treatment after three missed sessions; social care not told." },
  { 133, "Children's social care", "Review conference. Plan ended: progress judged sufficient. Step-down to early help." },
  { 95,  "Early help service", "Family support worker allocated; two home visits, then no contact." },
  { 41,  "Housing provider", "Complaint from neighbours about shouting and a crying child. Not shared with other agencies." },
  { 12,  "Ambulance service", "Call to the home: child unresponsive. Taken to hospital." },
  { 0,   "Acute hospital trust", "Child admitted to intensive care. Police and children's social care informed." },
};

const PdDemoChronologyRow *
pd_demo_text_chronology (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (chronology);
  return chronology;
}

/* ----------------------------------------------------- overview report */

static const char *intro_paragraphs[] = {
  "This overview report was commissioned by the Local Safeguarding Children Board after the panel recommended, and the independent chair decided, that the criteria for a serious case review were met in respect of Child A.",
  "The purpose of the review is not to apportion blame but to establish what lessons can be learned about the way in which professionals and organisations work individually and together to safeguard and promote the welfare of children.",
  "The review used a systems approach. Practitioners and their managers took part in a learning event, and each agency provided an individual management review and a chronology of its involvement.",
  NULL,
};

static const char *family_paragraphs[] = {
  "Child A lived with the mother, the mother's partner and an older sibling (Sibling B). The family is referred to as Family X throughout this report to protect the children's identity.",
  "The mother had experienced post-natal depression after the birth of Sibling B. The partner had previous convictions for violence against a former partner, which were not known to children's social care until after the incident.",
  "The family's views were sought by the lead reviewer. The mother contributed to the review; her account is reflected in the findings.",
  NULL,
};

static const char *findings_paragraphs[] = {
  "Finding 1. Information about domestic abuse was held by the police, the housing provider and the health visiting service, but was not brought together. Each agency saw a part of the picture; nobody saw all of it.",
  "Finding 2. The child protection plan ended on the basis of improved school attendance and engagement with early help, without evidence that the risk posed by the partner had reduced. The partner's apparent cooperation was taken at face value: this disguised compliance was not recognised or challenged.",
  "Finding 3. The injury seen in the emergency department was not considered against the child's age and mobility. Bruising in a non-mobile infant should always prompt a safeguarding referral.",
  "Finding 4. Practitioners described high caseloads and frequent changes of social worker. The family had four social workers in eleven months.",
  "Finding 5. There was good practice: the designated safeguarding lead at the primary school recorded concerns carefully and shared them promptly.",
  NULL,
};

static const char *recommendation_paragraphs[] = {
  "Recommendation 1. The Board should seek assurance that the multi-agency safeguarding hub routinely checks housing and health records when screening police notifications of domestic abuse.",
  "Recommendation 2. Children's social care should ensure that a decision to end a child protection plan is informed by the views of all agencies in the core group, recorded in writing.",
  "Recommendation 3. The acute hospital trust and community health services should audit compliance with the bruising in non-mobile infants protocol and report to the Board within six months.",
  "Recommendation 4. The Board should publish a seven-minute briefing on the learning from this review and monitor the action plan at each panel meeting until every action is complete.",
  NULL,
};

static const char *conclusion_paragraphs[] = {
  "The death of Child A could not have been predicted, but with better information sharing it may have been prevented. The Board accepts the findings and recommendations of this review in full.",
  "The Board's response and the multi-agency action plan are published alongside this report. Progress will be reported to the Board every quarter.",
  NULL,
};

static const PdDemoSection overview[] = {
  { "1. Introduction", intro_paragraphs },
  { "2. The family", family_paragraphs },
  { "3. Findings", findings_paragraphs },
  { "4. Recommendations", recommendation_paragraphs },
  { "5. Conclusion", conclusion_paragraphs },
};

const PdDemoSection *
pd_demo_text_overview (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (overview);
  return overview;
}
