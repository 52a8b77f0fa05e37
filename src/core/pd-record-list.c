/* pd-record-list.c: a GListModel of row ids backed by SQLite, items loaded on demand
 *
 * Only the ids are read up front (a 100,000-row table costs a few hundred
 * kilobytes and milliseconds); a record is loaded when a row is bound, and the
 * last few are kept so scrolling back and forth does not query again. A
 * record stays the same object for as long as anything holds it: GtkListView
 * binds a row afresh whenever the list hands it another object.
 */
#include "config.h"

#include <string.h>

#include "pd-database-private.h"
#include "pd-record-list.h"

#define CACHE_SIZE 256

/* The items handed out, by id: the last few loaded, and every one still
 * held somewhere (by a weak reference), so that an id gives one object. */
typedef struct
{
  GHashTable *cache;          /* id -> item */
  GQueue      cache_order;    /* ids, most recent first */
  GHashTable *live;           /* id -> LiveItem */
} Records;

typedef struct
{
  Records *records;
  gint64   id;
  GObject *item;
} LiveItem;

struct _PdRecordList
{
  GObject           parent_instance;

  PdDatabase       *db;
  GType             item_type;
  char             *ids_sql;
  GStrv             params;             /* text bound to ?1, ?2, ... */
  PdRecordLoadFunc  load;

  GArray           *ids;                /* gint64 */
  Records          *records;
  gboolean          replacing;          /* in replace_ids(), between its two changes */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdRecordList, pd_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static Records *
records_new (void)
{
  Records *records = g_new0 (Records, 1);

  /* The queue owns nothing: keys are freed by the table. */
  records->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_queue_init (&records->cache_order);
  records->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  return records;
}

static void
on_live_item_finalized (gpointer  data,
                        GObject  *where_the_item_was)
{
  LiveItem *live = data;

  g_hash_table_remove (live->records->live, &live->id);
}

static void
records_free (Records *records)
{
  GHashTableIter iter;
  LiveItem *live;

  /* Rows may hold items a while longer; they must not call back. */
  g_hash_table_iter_init (&iter, records->live);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &live))
    g_object_weak_unref (live->item, on_live_item_finalized, live);
  g_hash_table_unref (records->live);
  g_queue_clear (&records->cache_order);
  g_hash_table_unref (records->cache);
  g_free (records);
}

static void
records_cache (Records  *records,
               gint64    id,
               gpointer  item)
{
  gint64 *key = g_new (gint64, 1);

  if (g_queue_get_length (&records->cache_order) >= CACHE_SIZE)
    {
      gint64 *oldest = g_queue_pop_tail (&records->cache_order);
      g_hash_table_remove (records->cache, oldest);
    }
  *key = id;
  g_hash_table_insert (records->cache, key, g_object_ref (item));
  g_queue_push_head (&records->cache_order, key);
}

/* The item of @id handed out before and not yet freed, or NULL. */
static gpointer
records_lookup (Records *records,
                gint64   id)
{
  gpointer item = g_hash_table_lookup (records->cache, &id);
  LiveItem *live;

  if (item != NULL)
    return g_object_ref (item);

  /* Still shown in a row, say, though no longer cached. */
  live = g_hash_table_lookup (records->live, &id);
  if (live == NULL)
    return NULL;
  records_cache (records, id, live->item);
  return g_object_ref (live->item);
}

static void
records_add (Records  *records,
             gint64    id,
             gpointer  item)
{
  LiveItem *live = g_new (LiveItem, 1);

  live->records = records;
  live->id = id;
  live->item = item;
  g_object_weak_ref (item, on_live_item_finalized, live);
  g_hash_table_insert (records->live, &live->id, live);
  records_cache (records, id, item);
}

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

static gpointer
pd_record_list_get_item (GListModel *model,
                         guint       position)
{
  PdRecordList *self = PD_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  Records *records = self->records;
  gpointer item;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  item = records_lookup (records, id);
  if (item != NULL)
    return item;

  item = self->load (self->db, id, &error);
  if (item == NULL)
    {
      /* Deleted by someone else since the ids were read: the next reload drops it. */
      g_debug ("Record %" G_GINT64_FORMAT " could not be loaded: %s", id, error->message);
      return NULL;
    }
  records_add (records, id, item);
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

  g_clear_pointer (&self->records, records_free);
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
  self->records = records_new ();
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
 * half of a keystroke's time, searching 100k rows). So the new ids come after
 * the old ones first; a view told the list is replacing its rows scrolls its
 * rows onto the new ones, which makes GTK bind them to the new records; and
 * only then do the old ids go. (New ids in front of the old would leave GTK
 * 4.8 removing the old from the middle of a stretch of unbuilt rows, which
 * it gets wrong.) */
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

  /* A copy: the old array may be shared (pd_record_list_set_ids()). */
  {
    GArray *both = g_array_sized_new (FALSE, FALSE, sizeof (gint64), removed + ids->len);

    g_array_append_vals (both, self->ids->data, removed);
    g_array_append_vals (both, ids->data, ids->len);
    g_array_unref (self->ids);
    self->ids = both;
  }
  self->replacing = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), removed, 0, ids->len);

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  self->replacing = FALSE;
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
  records_free (self->records);
  self->records = records_new ();
  replace_ids (self, ids);
  return TRUE;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  /* An empty GArray's data may be NULL, which memcmp must not be given. */
  return a->len == b->len && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

void
pd_record_list_refresh_ids (PdRecordList *self,
                            GArray       *ids)
{
  Records *old;
  g_autoptr(GHashTable) live_ids = NULL;
  g_autoptr(GArray) positions = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (PD_IS_RECORD_LIST (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));

  if (!same_ids (self->ids, ids))
    {
      /* Others added or removed records: the records change too. */
      records_free (self->records);
      self->records = records_new ();
      replace_ids (self, ids);
      return;
    }

  /* The same records in the same places: only those handed out (on screen,
   * mostly) are loaded again, each its own small change, so the rows stay
   * where they are and keep their selection. */
  old = self->records;
  live_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_hash_table_iter_init (&iter, old->live);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (live_ids, key);
  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->ids->len && g_hash_table_size (live_ids) > positions->len; i++)
    if (g_hash_table_contains (live_ids, &g_array_index (self->ids, gint64, i)))
      g_array_append_val (positions, i);
  g_clear_pointer (&live_ids, g_hash_table_unref);
  self->records = records_new ();
  records_free (old);
  for (guint i = 0; i < positions->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (positions, guint, i), 1, 1);
}

gboolean
pd_record_list_refresh (PdRecordList  *self,
                        GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PD_IS_RECORD_LIST (self), FALSE);

  if (!read_ids (self, ids, error))
    return FALSE;
  pd_record_list_refresh_ids (self, ids);
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
