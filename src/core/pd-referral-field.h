/* pd-referral-field.h: the single answers of the referral form, as a table
 *
 * The boards' forms ask many plain questions (the referrer's job title, the
 * child's ethnicity, whether there is an inquest): one table describes them
 * so that storing, auditing, the form and export all read the same list.
 * The reference, pseudonym, dates and narrative have typed getters of their
 * own on PdReferral; these are the rest.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PD_FIELD_TEXT,         /* one line */
  PD_FIELD_LONG_TEXT,    /* paragraphs */
  PD_FIELD_DATE,         /* YYYY-MM-DD or empty */
  PD_FIELD_FACT,         /* "", "yes" or "no" */
  PD_FIELD_CHOICE,       /* "" or one of the field's choices */
} PdFieldKind;

/* The form's sections, in the order a form reads. */
typedef enum
{
  PD_SECTION_REFERRAL,
  PD_SECTION_REFERRER,
  PD_SECTION_CHILD,
  PD_SECTION_CRITERIA,
  PD_SECTION_PROCEEDINGS,
} PdFormSection;

typedef struct
{
  const char          *key;        /* the column of referrals, and the CSV/JSON name */
  PdFormSection        section;
  PdFieldKind          kind;
  const char          *label;      /* untranslated: pass through _() */
  const char *const   *choices;    /* PD_FIELD_CHOICE: the stored values */
  const char *const   *choice_labels; /* untranslated labels of the choices */
} PdReferralField;

/* The fields in form order; @n_fields may be NULL. */
const PdReferralField *pd_referral_fields_get     (guint       *n_fields);
/* NULL when @key is not a field. */
const PdReferralField *pd_referral_field_lookup   (const char  *key);
/* NULL when @value is fine; otherwise why not, translated, naming the field. */
char                  *pd_referral_field_check    (const PdReferralField *field,
                                                   const char            *value);
/* The label of a stored value: "Yes", "Current plan"; @value itself for text. */
const char            *pd_referral_field_value_label (const PdReferralField *field,
                                                      const char            *value);

/* Key dates the form asks beyond received and the incident: those of the
 * clocks (pd-clocks.h) and the business unit's tracking dates. */
const char *const     *pd_referral_date_keys      (void);
/* "Sent to the panel chair", translated; NULL when @key is not one. */
const char            *pd_referral_date_get_label (const char  *key);

G_END_DECLS
