/* pd-format.h: how the views write dates, and what a table cell is */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "3 Mar 2026" for "2026-03-03" or an ISO 8601 timestamp; "" for NULL/empty. */
char *pd_format_date      (const char *iso);
/* "31 Mar 2026, 10:00" for an ISO 8601 timestamp, in local time. */
char *pd_format_date_time (const char *iso);

/* Returns the text of one cell for @item, a record of the list. */
typedef char *(*PdCellTextFunc) (gpointer item);

/* Returns a style class for the cell of @item ("error", "warning"), or NULL. */
typedef const char *(*PdCellStyleFunc) (gpointer item);

G_END_DECLS
