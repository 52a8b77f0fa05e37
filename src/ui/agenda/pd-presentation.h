/* pd-presentation.h: presentation mode: one agenda item at a time, large */
#pragma once

#include <adwaita.h>

#include "pd-core.h"
#include "pd-recommendation-form.h"

G_BEGIN_DECLS

#define PD_TYPE_PRESENTATION (pd_presentation_get_type ())
G_DECLARE_FINAL_TYPE (PdPresentation, pd_presentation, PD, PRESENTATION, AdwBin)

/* Signals: "open-document" (gint64, const char *path, int page_index,
 * const char *query) as the meeting page's; "leave" () on Escape.
 * Keys: Page Down, Right and space (when not typing) go to the next item,
 * Page Up and Left back. Actions (group "presentation"): next, previous,
 * leave, open-paper (x), save-notes, add-action. */
PdPresentation       *pd_presentation_new            (void);
gboolean              pd_presentation_start          (PdPresentation *self,
                                                      PdDatabase     *db,
                                                      gint64          meeting_id,
                                                      GError        **error);
/* The item shown, from 1 (withdrawn items are skipped). */
guint                 pd_presentation_get_position   (PdPresentation *self);
gint64                pd_presentation_get_item_id    (PdPresentation *self);
gboolean              pd_presentation_go_to          (PdPresentation *self,
                                                      guint           position);
PdRecommendationForm *pd_presentation_get_recommendation_form (PdPresentation *self);
const char           *pd_presentation_get_last_message (PdPresentation *self);

G_END_DECLS
