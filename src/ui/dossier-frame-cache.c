/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "dossier-frame-cache.h"

void
dossier_frame_cache_init (DossierFrameCache *cache,
                          GHashFunc          hash,
                          GEqualFunc         equal,
                          GDestroyNotify     key_free,
                          GDestroyNotify     entry_free,
                          guint              max)
{
  cache->table = g_hash_table_new_full (hash, equal, key_free, entry_free);
  g_queue_init (&cache->order);
  cache->max = max;
}

void
dossier_frame_cache_clear (DossierFrameCache *cache)
{
  if (cache->table != NULL)
    g_hash_table_remove_all (cache->table);
  g_queue_init (&cache->order);
}

void
dossier_frame_cache_destroy (DossierFrameCache *cache)
{
  dossier_frame_cache_clear (cache);
  g_clear_pointer (&cache->table, g_hash_table_unref);
}

/* The entry under @key, now the most recently used, or %NULL */
gpointer
dossier_frame_cache_lookup (DossierFrameCache *cache,
                            guint64            frame,
                            gconstpointer      key)
{
  DossierFrameCacheEntry *entry = g_hash_table_lookup (cache->table, key);

  if (entry != NULL)
    {
      g_queue_unlink (&cache->order, &entry->link);
      g_queue_push_head_link (&cache->order, &entry->link);
      entry->used = frame;
    }
  return entry;
}

/* Takes @key and @entry. Only an entry not used in this frame or the one
 * before makes way, so a cache can hold more than its maximum for a
 * while. */
gpointer
dossier_frame_cache_insert (DossierFrameCache      *cache,
                            guint64                 frame,
                            gpointer                key,
                            DossierFrameCacheEntry *entry)
{
  if (g_hash_table_size (cache->table) >= cache->max)
    {
      DossierFrameCacheEntry *oldest = cache->order.tail->data;

      if (oldest->used + 1 < frame)
        {
          g_queue_unlink (&cache->order, &oldest->link);
          g_hash_table_remove (cache->table, oldest->key);
        }
    }

  entry->link.data = entry;
  entry->key = key;
  entry->used = frame;
  g_hash_table_insert (cache->table, key, entry);
  g_queue_push_head_link (&cache->order, &entry->link);
  return entry;
}
