/* pd-record-table.h: a table of records loaded on demand, or a status page when empty */
#pragma once

#include <adwaita.h>

#include "pd-core.h"
#include "pd-format.h"

G_BEGIN_DECLS

#define PD_TYPE_RECORD_TABLE (pd_record_table_get_type ())
G_DECLARE_FINAL_TYPE (PdRecordTable, pd_record_table, PD, RECORD_TABLE, AdwBin)

/* Shows the records of @list (NULL: none, the empty page). */
void        pd_record_table_set_list          (PdRecordTable  *self,
                                               PdRecordList   *list);
PdRecordList *pd_record_table_get_list        (PdRecordTable  *self);
/* Appends a column of text cells; @expand makes it take spare width. */
void        pd_record_table_append_column     (PdRecordTable  *self,
                                               const char     *title,
                                               PdCellTextFunc  text_func,
                                               gboolean        expand);
/* The same, with the cells styled by @style_func ("error", "warning"). */
void        pd_record_table_append_styled_column (PdRecordTable   *self,
                                                  const char      *title,
                                                  PdCellTextFunc   text_func,
                                                  PdCellStyleFunc  style_func,
                                                  gboolean         expand);
/* How many rows the list has. */
guint       pd_record_table_get_n_rows        (PdRecordTable  *self);
/* The id of the selected row's record, or 0 when none is selected. */
gint64      pd_record_table_get_selected_id   (PdRecordTable  *self);
/* "list" or "empty" */
const char *pd_record_table_get_shown         (PdRecordTable  *self);

G_END_DECLS
