/* pd-record-row.h: one row of a PdRecordTable, its cells drawn as one widget */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PD_TYPE_RECORD_ROW (pd_record_row_get_type ())
G_DECLARE_FINAL_TYPE (PdRecordRow, pd_record_row, PD, RECORD_ROW, GtkWidget)

/* Where each column starts and how wide it is, for a row @width wide. */
typedef void (*PdRecordRowGeometryFunc) (gpointer  user_data,
                                         int       width,
                                         guint     n_columns,
                                         int      *x,
                                         int      *column_width);

PdRecordRow *pd_record_row_new        (guint                    n_columns,
                                       PdRecordRowGeometryFunc  geometry,
                                       gpointer                 user_data);
/* Takes @texts (n_columns strings); @css_classes may be NULL or hold a
 * class per cell ("error", "warning") or NULL. */
void         pd_record_row_set_cells  (PdRecordRow  *self,
                                       char        **texts,
                                       const char  **css_classes);
/* Clears the cells and the item. */
void         pd_record_row_clear      (PdRecordRow  *self);
/* The record the row shows (its table's business), or NULL. */
void         pd_record_row_set_item   (PdRecordRow  *self,
                                       gpointer      item);
gpointer     pd_record_row_get_item   (PdRecordRow  *self);
/* How wide the text of cell @column is unshortened, in pixels; 0 when empty.
 * Lays the text out the first time, for drawing too. */
int          pd_record_row_get_text_width (PdRecordRow *self,
                                           guint        column);
/* The text of cell @column, or NULL. */
const char  *pd_record_row_get_text   (PdRecordRow  *self,
                                       guint         column);

G_END_DECLS
