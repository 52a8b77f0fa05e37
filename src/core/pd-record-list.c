/* pd-record-list.c: a GListModel of row ids backed by SQLite, items loaded on demand
 *
 * Only the ids are read up front (a 100,000-row table costs a few hundred
 * kilobytes and milliseconds); a record is loaded when a row is bound, and the
 * last few are kept so scrolling back and forth does not query again. A
 * record stays the same object for as long as anything holds it: GtkListView
 * binds a row afresh whenever the list hands it another object.
 */
#include "config.h"

#include "pd-database-private.h"
#include "pd-record-list.h"

#define CACHE_SIZE 256

struct _PdRecordList
{
  GObject           parent_instance;

  PdDatabase       *db;
  GType             item_type;
  char             *ids_sql;
  GStrv             params;             /* text bound to ?1, ?2, ... */
  PdRecordLoadFunc  load;

  GArray           *ids;                /* gint64 */
  GHashTable       *cache;              /* id -> item */
  GQueue            cache_order;        /* ids, most recent first */
  GHashTable       *live;               /* id -> LiveItem, every item still held */
  gboolean          replacing;          /* between the two halves of replace_ids() */
};

/* An item someone still holds, dropped from the table when it is freed. */
typedef struct
{
  PdRecordList *list;
  gint64        id;
  GObject      *item;
} LiveItem;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdRecordList, pd_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
pd_record_list_get_item_type (GListModel *model)
{
  return PD_RECORD_LIST (model)->item_type;
}

static guint
pd_record_list_get_n_items (GListModel *model)
{
  return PD_RECORD_LIST (model)->ids->len;
}

static void
on_live_item_finalized (gpointer  data,
                        GObject  *where_the_item_was)
{
  LiveItem *live = data;

  g_hash_table_remove (live->list->live, &live->id);
}

static void
live_add (PdRecordList *self,
          gint64        id,
          GObject      *item)
{
  LiveItem *live = g_new (LiveItem, 1);

  live->list = self;
  live->id = id;
  live->item = item;
  g_object_weak_ref (item, on_live_item_finalized, live);
  g_hash_table_insert (self->live, &live->id, live);
}

/* Forgets the items held elsewhere, so they are loaded again. */
static void
live_clear (PdRecordList *self)
{
  GHashTableIter iter;
  LiveItem *live;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &live))
    g_object_weak_unref (live->item, on_live_item_finalized, live);
  g_hash_table_remove_all (self->live);
}

static void
cache_add (PdRecordList *self,
           gint64        id,
           gpointer      item)
{
  gint64 *key = g_new (gint64, 1);

  if (g_queue_get_length (&self->cache_order) >= CACHE_SIZE)
    {
      gint64 *oldest = g_queue_pop_tail (&self->cache_order);
      g_hash_table_remove (self->cache, oldest);
    }
  *key = id;
  g_hash_table_insert (self->cache, key, g_object_ref (item));
  g_queue_push_head (&self->cache_order, key);
}

static void
cache_clear (PdRecordList *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear (&self->cache_order);
  live_clear (self);
}

static gpointer
pd_record_list_get_item (GListModel *model,
                         guint       position)
{
  PdRecordList *self = PD_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  gpointer item;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  item = g_hash_table_lookup (self->cache, &id);
  if (item != NULL)
    return g_object_ref (item);

  /* Still shown in a row, say, though no longer cached: the same object. */
  {
    LiveItem *live = g_hash_table_lookup (self->live, &id);

    if (live != NULL)
      {
        cache_add (self, id, live->item);
        return g_object_ref (live->item);
      }
  }

  item = self->load (self->db, id, &error);
  if (item == NULL)
    {
      /* Deleted by someone else since the ids were read: the next reload drops it. */
      g_debug ("Record %" G_GINT64_FORMAT " could not be loaded: %s", id, error->message);
      return NULL;
    }

  live_add (self, id, item);
  cache_add (self, id, item);
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pd_record_list_get_item_type;
  iface->get_n_items = pd_record_list_get_n_items;
  iface->get_item = pd_record_list_get_item;
}

static void
pd_record_list_finalize (GObject *object)
{
  PdRecordList *self = (PdRecordList *)object;

  g_queue_clear (&self->cache_order);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  /* Rows may hold items a little longer; they must not call back. */
  live_clear (self);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_object (&self->db);
  g_free (self->ids_sql);
  g_strfreev (self->params);

  G_OBJECT_CLASS (pd_record_list_parent_class)->finalize (object);
}

static void
pd_record_list_class_init (PdRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_record_list_finalize;
}

static void
pd_record_list_init (PdRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* The queue owns nothing: keys are freed by the table. */
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_queue_init (&self->cache_order);
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
}

static gboolean
read_ids (PdRecordList  *self,
          GArray        *into,
          GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pd_database_prepare (self->db, self->ids_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; self->params != NULL && self->params[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, self->params[i], -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (into, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _pd_database_fail (self->db, rc, error);
  return TRUE;
}

PdRecordList *
pd_record_list_new (PdDatabase       *db,
                    GType             item_type,
                    const char       *ids_sql,
                    PdRecordLoadFunc  load)
{
  PdRecordList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (ids_sql != NULL, NULL);
  g_return_val_if_fail (load != NULL, NULL);

  self = g_object_new (PD_TYPE_RECORD_LIST, NULL);
  self->db = g_object_ref (db);
  self->item_type = item_type;
  self->ids_sql = g_strdup (ids_sql);
  self->load = load;

  if (!read_ids (self, self->ids, &error))
    g_warning ("Could not list records: %s", error->message);

  return self;
}

/* Puts @ids in place of the list's ids. GTK 4.8's list view frees the row
 * widget of every record removed and builds one for every record added (over
 * half of a keystroke's time, searching 100k rows). So the new ids come in
 * front of the old ones first; a view told the list is replacing its rows
 * shows the top, which makes GTK bind the rows it has to the new records;
 * and only then do the old ids go. */
static void
replace_ids (PdRecordList *self,
             GArray       *ids)
{
  guint removed = self->ids->len;

  if (removed == 0 || ids->len == 0)
    {
      g_array_unref (self->ids);
      self->ids = g_array_ref (ids);
      if (removed > 0 || ids->len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, ids->len);
      return;
    }

  {
    GArray *both = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len + removed);

    g_array_append_vals (both, ids->data, ids->len);
    g_array_append_vals (both, self->ids->data, removed);
    g_array_unref (self->ids);
    self->ids = both;
  }
  self->replacing = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, ids->len);
  self->replacing = FALSE;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_list_model_items_changed (G_LIST_MODEL (self), ids->len, removed, 0);
}

gboolean
pd_record_list_reload (PdRecordList  *self,
                       GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PD_IS_RECORD_LIST (self), FALSE);

  if (!read_ids (self, ids, error))
    return FALSE;

  /* The records may have changed too: load them afresh. */
  cache_clear (self);
  replace_ids (self, ids);
  return TRUE;
}

void
pd_record_list_set_ids (PdRecordList *self,
                        GArray       *ids)
{
  g_return_if_fail (PD_IS_RECORD_LIST (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));

  replace_ids (self, ids);
}

PdDatabase *
pd_record_list_get_database (PdRecordList *self)
{
  g_return_val_if_fail (PD_IS_RECORD_LIST (self), NULL);

  return self->db;
}

gboolean
pd_record_list_set_query (PdRecordList        *self,
                          const char          *ids_sql,
                          const char * const  *params,
                          GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *old_sql = NULL;
  g_auto(GStrv) old_params = NULL;

  g_return_val_if_fail (PD_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (ids_sql != NULL, FALSE);

  old_sql = g_steal_pointer (&self->ids_sql);
  old_params = g_steal_pointer (&self->params);
  self->ids_sql = g_strdup (ids_sql);
  self->params = g_strdupv ((char **) params);

  if (!read_ids (self, ids, error))
    {
      /* Keep showing what was shown. */
      g_free (self->ids_sql);
      g_strfreev (self->params);
      self->ids_sql = g_steal_pointer (&old_sql);
      self->params = g_steal_pointer (&old_params);
      return FALSE;
    }

  /* Same records, other rows: the loaded ones stay valid. */
  replace_ids (self, ids);
  return TRUE;
}

gboolean
pd_record_list_is_replacing (PdRecordList *self)
{
  g_return_val_if_fail (PD_IS_RECORD_LIST (self), FALSE);

  return self->replacing;
}

guint
pd_record_list_find (PdRecordList *self,
                     gint64        id)
{
  g_return_val_if_fail (PD_IS_RECORD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

gint64
pd_record_list_get_id (PdRecordList *self,
                       guint         position)
{
  g_return_val_if_fail (PD_IS_RECORD_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}
