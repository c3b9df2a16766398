/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A bounded cache of what a canvas draws (texts, render nodes), dropping
 * the least recently used entry when full, but never one used in the
 * frame being drawn or the one before: a frame never evicts what it is
 * drawing.  What it holds starts with a DossierFrameCacheEntry.
 */

typedef struct
{
  GList link;               /* in its cache's order of use; data is the entry */
  gpointer key;             /* owned by its cache's table */
  guint64 used;             /* the frame that last asked for it */
} DossierFrameCacheEntry;

typedef struct
{
  GHashTable *table;        /* key → entry */
  GQueue order;             /* most recently used first */
  guint max;
} DossierFrameCache;

void     dossier_frame_cache_init    (DossierFrameCache      *cache,
                                      GHashFunc               hash,
                                      GEqualFunc              equal,
                                      GDestroyNotify          key_free,
                                      GDestroyNotify          entry_free,
                                      guint                   max);
void     dossier_frame_cache_clear   (DossierFrameCache      *cache);
void     dossier_frame_cache_destroy (DossierFrameCache      *cache);
gpointer dossier_frame_cache_lookup  (DossierFrameCache      *cache,
                                      guint64                 frame,
                                      gconstpointer           key);
gpointer dossier_frame_cache_insert  (DossierFrameCache      *cache,
                                      guint64                 frame,
                                      gpointer                key,
                                      DossierFrameCacheEntry *entry);

G_END_DECLS
