/* pd-detail-rows.h: a record's details for reading, as titled groups of
 * "label: value" rows (the referral and decision pages) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A titled group appended to @box; @description may be NULL. */
GtkWidget *pd_detail_group_add      (GtkBox      *box,
                                     const char  *title,
                                     const char  *description);
/* A row of @title and @value ("—" when empty); the value wraps, can be
 * selected and copied, and is named for screen readers by @title;
 * @css_class ("error", "warning") may be NULL. */
GtkWidget *pd_detail_row_add        (GtkWidget   *group,
                                     const char  *title,
                                     const char  *value,
                                     const char  *css_class);
/* A row only when there is something recorded: the pages are for reading. */
void       pd_detail_row_add_if_set (GtkWidget   *group,
                                     const char  *title,
                                     const char  *value);

G_END_DECLS
