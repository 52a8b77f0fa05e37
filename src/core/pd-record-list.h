/* pd-record-list.h: a GListModel of row ids backed by SQLite, items loaded on demand */
#pragma once

#include <gio/gio.h>

#include "pd-database.h"

G_BEGIN_DECLS

/* Loads the record with @id as a new object, or NULL with @error set. */
typedef gpointer (*PdRecordLoadFunc) (PdDatabase  *db,
                                      gint64       id,
                                      GError     **error);

#define PD_TYPE_RECORD_LIST (pd_record_list_get_type ())
G_DECLARE_FINAL_TYPE (PdRecordList, pd_record_list, PD, RECORD_LIST, GObject)

/* @ids_sql selects one integer column, the ids, in display order. */
PdRecordList *pd_record_list_new      (PdDatabase        *db,
                                       GType              item_type,
                                       const char        *ids_sql,
                                       PdRecordLoadFunc   load);
/* Runs the query again. Whenever the ids are replaced, the list signals
 * an addition of the new ones after the old ones, then the removal of the
 * old ones, which GtkListView handles much faster than one combined change
 * or a removal first (see pd_record_list_is_replacing()). */
gboolean      pd_record_list_reload   (PdRecordList      *self,
                                       GError           **error);
/* Shows the ids of another query, with @params (NULL-terminated, may be
 * NULL) bound to ?1, ?2, ...; records already loaded are kept. On failure
 * the list stays as it was. */
gboolean      pd_record_list_set_query (PdRecordList       *self,
                                        const char         *ids_sql,
                                        const char * const *params,
                                        GError            **error);
/* Shows @ids (gint64, in display order) as they are, for a caller that
 * worked them out itself; records already loaded are kept. */
void          pd_record_list_set_ids   (PdRecordList       *self,
                                        GArray             *ids);
/* Shows what the database holds now after someone else changed it: with
 * the same ids in the same order, the records handed out are loaded again
 * in place (the rows stay where they are); otherwise the ids are replaced. */
gboolean      pd_record_list_refresh   (PdRecordList       *self,
                                        GError            **error);
void          pd_record_list_refresh_ids (PdRecordList     *self,
                                          GArray           *ids);
PdDatabase   *pd_record_list_get_database (PdRecordList    *self);
/* TRUE while the list signals the addition of new ids after the old ones
 * and then the old ones' removal: on the addition a view should scroll to
 * the new ids, so that it binds the rows it has to the new records (GTK 4.8
 * reuses the row widgets that scroll out of sight) rather than build new
 * ones; on the removal, to the top. */
gboolean      pd_record_list_is_replacing (PdRecordList    *self);
/* The position of @id, or G_MAXUINT. */
guint         pd_record_list_find     (PdRecordList      *self,
                                       gint64             id);
gint64        pd_record_list_get_id   (PdRecordList      *self,
                                       guint              position);

G_END_DECLS
