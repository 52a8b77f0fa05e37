/* pd-demo-text.h: the phrase tables the demo content is made of */
#pragma once

#include <glib.h>

#include "pd-person.h"

G_BEGIN_DECLS

typedef struct
{
  const char *login_name;
  const char *display_name;
  const char *agency;
  PdRole      role;
} PdDemoPerson;

/* The made-up people of the panel, in every role. */
const PdDemoPerson *pd_demo_text_people          (guint      *n_people);

/* "Child A", "Baby B", ... "Young Person C2" once the letters wrap. */
char               *pd_demo_text_pseudonym       (guint       index);
/* "Family A": the family of the pseudonym of @index. */
char               *pd_demo_text_family          (guint       index);
/* Initials such as "J.M." standing for the child's name. */
char               *pd_demo_text_initials        (GRand      *rand);

const char         *pd_demo_text_agency          (GRand      *rand);
char               *pd_demo_text_referrer        (GRand      *rand);
/* A referral's narrative of a few sentences; @out_theme gets its main theme. */
char               *pd_demo_text_narrative       (GRand      *rand,
                                                  const char *pseudonym,
                                                  const char **out_theme);
/* The reasons for a recommendation or decision with @outcome. */
char               *pd_demo_text_rationale       (GRand      *rand,
                                                  const char *kind,
                                                  const char *outcome,
                                                  const char *pseudonym);
const char         *pd_demo_text_place           (GRand      *rand);

/* Agency chronology rows: date offset in days before the incident, agency, entry. */
typedef struct
{
  int         days_before;
  const char *agency;
  const char *entry;
} PdDemoChronologyRow;

const PdDemoChronologyRow *pd_demo_text_chronology (guint *n_rows);

/* The paragraphs of an overview report, section by section; NULL-terminated. */
typedef struct
{
  const char  *heading;
  const char **paragraphs;  /* NULL-terminated */
} PdDemoSection;

const PdDemoSection *pd_demo_text_overview       (guint      *n_sections);

G_END_DECLS
