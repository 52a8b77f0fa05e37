/* pd-page-cache.c: rendered pages kept within a byte budget */
#include "config.h"

#include "pd-page-cache.h"

typedef struct
{
  GdkTexture *texture;
  double      scale;
  gsize       bytes;
} Entry;

struct _PdPageCache
{
  GObject     parent_instance;

  GHashTable *entries;    /* key: page * 2 + kind → Entry */
  gsize       budget;
  gsize       size;
  int         first[2];   /* pages in sight, by kind */
  int         last[2];
};

G_DEFINE_FINAL_TYPE (PdPageCache, pd_page_cache, G_TYPE_OBJECT)

#define KEY(kind, page) GINT_TO_POINTER ((page) * 2 + (int) (kind))

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->texture);
  g_free (entry);
}

static void
pd_page_cache_finalize (GObject *object)
{
  PdPageCache *self = PD_PAGE_CACHE (object);

  g_hash_table_unref (self->entries);
  G_OBJECT_CLASS (pd_page_cache_parent_class)->finalize (object);
}

static void
pd_page_cache_class_init (PdPageCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_page_cache_finalize;
}

static void
pd_page_cache_init (PdPageCache *self)
{
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, entry_free);
  self->first[0] = self->first[1] = 0;
  self->last[0] = self->last[1] = -1;
}

PdPageCache *
pd_page_cache_new (gsize budget)
{
  PdPageCache *self = g_object_new (PD_TYPE_PAGE_CACHE, NULL);

  self->budget = budget;
  return self;
}

gsize
pd_page_cache_get_budget (PdPageCache *self)
{
  g_return_val_if_fail (PD_IS_PAGE_CACHE (self), 0);
  return self->budget;
}

gsize
pd_page_cache_get_size (PdPageCache *self)
{
  g_return_val_if_fail (PD_IS_PAGE_CACHE (self), 0);
  return self->size;
}

guint
pd_page_cache_get_n_items (PdPageCache *self)
{
  g_return_val_if_fail (PD_IS_PAGE_CACHE (self), 0);
  return g_hash_table_size (self->entries);
}

GdkTexture *
pd_page_cache_lookup (PdPageCache  *self,
                      PdRenderKind  kind,
                      int           page,
                      double       *scale)
{
  Entry *entry;

  g_return_val_if_fail (PD_IS_PAGE_CACHE (self), NULL);

  entry = g_hash_table_lookup (self->entries, KEY (kind, page));
  if (entry == NULL)
    return NULL;
  if (scale)
    *scale = entry->scale;
  return entry->texture;
}

/* How far @page is from the pages in sight of its kind; 0 when in sight. */
static int
distance_from_sight (PdPageCache  *self,
                     PdRenderKind  kind,
                     int           page)
{
  if (page < self->first[kind])
    return self->first[kind] - page;
  if (page > self->last[kind])
    return page - self->last[kind];
  return 0;
}

static void
evict (PdPageCache *self)
{
  while (self->size > self->budget)
    {
      GHashTableIter iter;
      gpointer key, value;
      gpointer farthest = NULL;   /* NULL is a key too: page 0 */
      int farthest_distance = 0;

      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          int code = GPOINTER_TO_INT (key);
          int distance = distance_from_sight (self, code % 2, code / 2);

          if (distance > farthest_distance)
            {
              farthest_distance = distance;
              farthest = key;
            }
        }
      /* Only pages in sight are left: keep them, over budget or not. */
      if (farthest_distance == 0)
        return;
      self->size -= ((Entry *) g_hash_table_lookup (self->entries, farthest))->bytes;
      g_hash_table_remove (self->entries, farthest);
    }
}

void
pd_page_cache_insert (PdPageCache  *self,
                      PdRenderKind  kind,
                      int           page,
                      double        scale,
                      GdkTexture   *texture)
{
  Entry *entry;
  Entry *old;

  g_return_if_fail (PD_IS_PAGE_CACHE (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  old = g_hash_table_lookup (self->entries, KEY (kind, page));
  if (old != NULL)
    self->size -= old->bytes;

  entry = g_new0 (Entry, 1);
  entry->texture = g_object_ref (texture);
  entry->scale = scale;
  entry->bytes = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
  g_hash_table_replace (self->entries, KEY (kind, page), entry);
  self->size += entry->bytes;
  evict (self);
}

void
pd_page_cache_set_in_sight (PdPageCache  *self,
                            PdRenderKind  kind,
                            int           first,
                            int           last)
{
  g_return_if_fail (PD_IS_PAGE_CACHE (self));

  self->first[kind] = first;
  self->last[kind] = last;
  evict (self);
}

void
pd_page_cache_clear (PdPageCache *self)
{
  g_return_if_fail (PD_IS_PAGE_CACHE (self));

  g_hash_table_remove_all (self->entries);
  self->size = 0;
}
