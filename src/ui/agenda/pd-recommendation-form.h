/* pd-recommendation-form.h: the panel's recommendation on one agenda item,
 * recorded in the meeting (a pd-decision of kind "recommendation") */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_RECOMMENDATION_FORM (pd_recommendation_form_get_type ())
G_DECLARE_FINAL_TYPE (PdRecommendationForm, pd_recommendation_form, PD, RECOMMENDATION_FORM, GtkBox)

/* Emits "recorded" (gint64 decision id) and "message" (const char *). */
PdRecommendationForm *pd_recommendation_form_new      (void);
/* Shows item @item_id of @db: its referral's criteria, and what was
 * recommended already, if anything. */
void                  pd_recommendation_form_show     (PdRecommendationForm *self,
                                                       PdDatabase           *db,
                                                       PdAgendaItem         *item,
                                                       PdReferral           *referral);
/* Fills the form as a user would: @outcome as pd-decision's ("no_review"),
 * @criteria_met fact keys joined by ','. */
void                  pd_recommendation_form_set      (PdRecommendationForm *self,
                                                       const char           *outcome,
                                                       const char           *criteria_met,
                                                       const char           *rationale);
/* Records it, as the button does; 0 with the reason shown when refused. */
gint64                pd_recommendation_form_record   (PdRecommendationForm *self);

G_END_DECLS
