/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "dossier-loader-private.h"
#include "dossier-matcher-private.h"
#include "dossier-mention-private.h"
#include "dossier-source.h"
#include "dossier-store-private.h"
#include "dossier-list-private.h"
#include "dossier-util-private.h"

#define READ_CHUNK (1024 * 1024)

typedef enum
{
  KIND_ARTICLE,
  KIND_ENTITY,
  KIND_EVENT,
  KIND_RELATION,
  KIND_DISCREPANCY,
  KIND_MENTION,
  N_KINDS
} Kind;

#define N_COLLECTIONS KIND_MENTION

typedef enum
{
  ENTITY_EVENTS,
  ENTITY_RELATIONS,
  ENTITY_MENTIONS,
  ENTITY_ARTICLES,
  ENTITY_DISCREPANCIES,
  ARTICLE_MENTIONS,
  ARTICLE_ENTITIES,
  ARTICLE_EVENTS,
  ARTICLE_RELATIONS,
  ARTICLE_DISCREPANCIES,
  EVENT_DISCREPANCIES,
  RELATION_DISCREPANCIES,
  N_INDEXES
} Index;

/* What each index lists */
static const Kind index_kinds[N_INDEXES] = {
  [ENTITY_EVENTS] = KIND_EVENT,
  [ENTITY_RELATIONS] = KIND_RELATION,
  [ENTITY_MENTIONS] = KIND_MENTION,
  [ENTITY_ARTICLES] = KIND_ARTICLE,
  [ENTITY_DISCREPANCIES] = KIND_DISCREPANCY,
  [ARTICLE_MENTIONS] = KIND_MENTION,
  [ARTICLE_ENTITIES] = KIND_ENTITY,
  [ARTICLE_EVENTS] = KIND_EVENT,
  [ARTICLE_RELATIONS] = KIND_RELATION,
  [ARTICLE_DISCREPANCIES] = KIND_DISCREPANCY,
  [EVENT_DISCREPANCIES] = KIND_DISCREPANCY,
  [RELATION_DISCREPANCIES] = KIND_DISCREPANCY,
};

/* What each index is about */
static const Kind index_keys[N_INDEXES] = {
  [ENTITY_EVENTS] = KIND_ENTITY,
  [ENTITY_RELATIONS] = KIND_ENTITY,
  [ENTITY_MENTIONS] = KIND_ENTITY,
  [ENTITY_ARTICLES] = KIND_ENTITY,
  [ENTITY_DISCREPANCIES] = KIND_ENTITY,
  [ARTICLE_MENTIONS] = KIND_ARTICLE,
  [ARTICLE_ENTITIES] = KIND_ARTICLE,
  [ARTICLE_EVENTS] = KIND_ARTICLE,
  [ARTICLE_RELATIONS] = KIND_ARTICLE,
  [ARTICLE_DISCREPANCIES] = KIND_ARTICLE,
  [EVENT_DISCREPANCIES] = KIND_EVENT,
  [RELATION_DISCREPANCIES] = KIND_RELATION,
};

/* An index as built at load time: the entries of the item at position p
 * of its collection are values[starts[p]] to values[starts[p + 1] - 1],
 * positions in the collection listed (for ENTITY_MENTIONS, numbers of
 * mentions).  One array for all items rather than a list object each: a
 * dossier of ten thousand articles has hundreds of thousands of entries,
 * and an object, an array and a hash table node per item weighed more
 * than the entries.  The list objects are made when a view asks. */
typedef struct
{
  guint32 *starts;      /* n_keys + 1 of them; NULL when there is no entry */
  guint32 *values;      /* NULL for ARTICLE_MENTIONS: an article's mentions
                         * are consecutive, so starts says which they are */
} Links;

/* A mention as found.  Mentions are by far the largest index (63,000 in a
 * dossier of a thousand articles), and a view only ever shows those of one
 * article or one entity: they are kept packed, in article order (an
 * article's mentions one after another), and made into DossierMention
 * objects on request.  Offsets fit: a file has at most 128 MiB. */
typedef struct
{
  guint32 entity;       /* its position */
  guint32 paragraph;
  guint32 offset;
  guint32 length;
} Mention;

/* Mentions are stored in blocks of this many, filled one after another,
 * rather than in one array: an array would be copied each time it grew,
 * and at its last growth (to 16 MB for ten thousand articles) both copies
 * would be in memory, just when the load uses the most. */
#define MENTION_BLOCK_BITS 12
#define MENTION_BLOCK_SIZE (1 << MENTION_BLOCK_BITS)

struct _DossierStore
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *language;

  GListModel *lists[N_COLLECTIONS];
  /* Positions by id: for each collection, an open-addressing table (linear
   * probing, at most half full) of positions in the list + 1, told apart
   * by the ids of the items there.  A GHashTable would keep a key, a
   * value and a hash in each slot, five times the 4 bytes: 5 MB for a
   * hundred thousand events. */
  guint32 *by_id[N_COLLECTIONS];        /* NULL when the list is empty */
  guint32 by_id_mask[N_COLLECTIONS];    /* the number of slots - 1 */

  /* Not built for ENTITY_ARTICLES and ARTICLE_ENTITIES, which are read
   * off the mentions; ENTITY_MENTIONS is built on first request */
  Links links[N_INDEXES];
  Mention **mention_blocks;
  guint n_mentions;

  /* The lists (and mentions) the views asked for, each made once and kept
   * as long as the store, since they are returned (transfer none).  A
   * store is otherwise never changed after loading, so any thread may
   * read it: making them takes the lock. */
  GMutex lock;
  GHashTable *indexes[N_INDEXES];       /* item → GListModel */
  GHashTable *mention_objects;          /* number of the mention + 1 → DossierMention */
  GListModel *empty[N_KINDS];           /* returned for items without entries */
};

G_DEFINE_FINAL_TYPE (DossierStore, dossier_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (dossier-load-error-quark, dossier_load_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
kind_get_type (Kind kind)
{
  switch (kind)
    {
    case KIND_ARTICLE:
      return DOSSIER_TYPE_ARTICLE;
    case KIND_ENTITY:
      return DOSSIER_TYPE_ENTITY;
    case KIND_EVENT:
      return DOSSIER_TYPE_EVENT;
    case KIND_RELATION:
      return DOSSIER_TYPE_RELATION;
    case KIND_DISCREPANCY:
      return DOSSIER_TYPE_DISCREPANCY;
    case KIND_MENTION:
      return DOSSIER_TYPE_MENTION;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
dossier_store_dispose (GObject *object)
{
  DossierStore *self = (DossierStore *) object;

  for (guint i = 0; i < N_INDEXES; i++)
    g_clear_pointer (&self->indexes[i], g_hash_table_unref);
  g_clear_pointer (&self->mention_objects, g_hash_table_unref);
  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      g_clear_pointer (&self->by_id[i], g_free);
      g_clear_object (&self->lists[i]);
    }
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_object (&self->empty[i]);

  G_OBJECT_CLASS (dossier_store_parent_class)->dispose (object);
}

static void
dossier_store_finalize (GObject *object)
{
  DossierStore *self = (DossierStore *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->language);
  for (guint i = 0; i < N_INDEXES; i++)
    {
      g_free (self->links[i].starts);
      g_free (self->links[i].values);
    }
  for (guint b = 0; b * MENTION_BLOCK_SIZE < self->n_mentions; b++)
    g_free (self->mention_blocks[b]);
  g_free (self->mention_blocks);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (dossier_store_parent_class)->finalize (object);
}

static void
dossier_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierStore *self = DOSSIER_STORE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_store_class_init (DossierStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = dossier_store_dispose;
  object_class->finalize = dossier_store_finalize;
  object_class->get_property = dossier_store_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_store_init (DossierStore *self)
{
  for (guint i = 0; i < N_KINDS; i++)
    self->empty[i] = dossier_list_new (kind_get_type (i), NULL);
  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      self->lists[i] = dossier_list_new (kind_get_type (i), NULL);
    }
  for (guint i = 0; i < N_INDEXES; i++)
    self->indexes[i] = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->mention_objects = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_mutex_init (&self->lock);
}

/**
 * dossier_store_new_empty:
 *
 * An empty store, for the window before anything is loaded: every list is
 * empty and the id, title, description and language are %NULL.
 *
 * Returns: (transfer full): a new store
 */
DossierStore *
dossier_store_new_empty (void)
{
  return g_object_new (DOSSIER_TYPE_STORE, NULL);
}

static const char *
item_get_id (Kind     kind,
             gpointer item)
{
  switch (kind)
    {
    case KIND_ARTICLE:
      return dossier_article_get_id (item);
    case KIND_ENTITY:
      return dossier_entity_get_id (item);
    case KIND_EVENT:
      return dossier_event_get_id (item);
    case KIND_RELATION:
      return dossier_relation_get_id (item);
    case KIND_DISCREPANCY:
      return dossier_discrepancy_get_id (item);
    case KIND_MENTION:
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static inline Mention *
mention_at (DossierStore *self,
            guint         m)
{
  return &self->mention_blocks[m >> MENTION_BLOCK_BITS][m & (MENTION_BLOCK_SIZE - 1)];
}

/* The position + 1 of the item with @id in its collection, or 0 */
static guint
find_id (DossierStore *self,
         Kind          kind,
         const char   *id)
{
  const guint32 *slots = self->by_id[kind];
  guint32 mask = self->by_id_mask[kind];

  if (slots == NULL)
    return 0;

  for (guint32 i = g_str_hash (id) & mask; slots[i] != 0; i = (i + 1) & mask)
    {
      gpointer item = dossier_list_peek_item (self->lists[kind], slots[i] - 1);

      if (g_str_equal (item_get_id (kind, item), id))
        return slots[i];
    }

  return 0;
}

/* Where @item is in its collection; %FALSE if it is not from this store */
static gboolean
find_position (DossierStore *self,
               Kind          kind,
               gpointer      item,
               guint        *position)
{
  const char *id = item_get_id (kind, item);
  guint value;

  if (id == NULL)
    return FALSE;

  value = find_id (self, kind, id);
  if (value == 0 || dossier_list_peek_item (self->lists[kind], value - 1) != item)
    return FALSE;

  *position = value - 1;
  return TRUE;
}

/* The position of an item of the store, while its indexes are built */
static guint
position_of (DossierStore *self,
             Kind          kind,
             gpointer      item)
{
  guint position = 0;

  if (!find_position (self, kind, item, &position))
    g_assert_not_reached ();

  return position;
}

/* Index building: each index is first a GArray of Link, in the order the
 * entries are found, then grouped by key (see links_build()). */
typedef struct
{
  guint32 key;          /* positions */
  guint32 value;
} Link;

static void
links_add (GArray *building,
           guint   key,
           guint   value)
{
  Link link = { key, value };

  g_array_append_val (building, link);
}

/* Groups the entries of @building by key, keeping their order within a
 * key (a counting sort).  Within one index an item is only ever added to a
 * key in a run (one event's sources, one discrepancy's claims), so leaving
 * out a value equal to the one before it in its key's list is enough to
 * keep the lists distinct. */
static void
links_build (Links  *links,
             GArray *building,
             guint   n_keys)
{
  const Link *all = (const Link *) (gpointer) building->data;
  g_autofree guint32 *ends = NULL;
  guint32 *starts;
  guint32 *values;
  guint n = 0;

  if (building->len == 0)
    return;

  starts = g_new0 (guint32, n_keys + 1);
  for (guint i = 0; i < building->len; i++)
    starts[all[i].key + 1]++;
  for (guint k = 0; k < n_keys; k++)
    starts[k + 1] += starts[k];

  /* Each key's values from its start on, without the repeats… */
  ends = g_memdup2 (starts, n_keys * sizeof (guint32));
  values = g_new (guint32, building->len);
  for (guint i = 0; i < building->len; i++)
    {
      guint32 key = all[i].key;

      if (ends[key] > starts[key] && values[ends[key] - 1] == all[i].value)
        continue;
      values[ends[key]++] = all[i].value;
    }

  /* …then without the gaps the repeats left */
  for (guint k = 0; k < n_keys; k++)
    {
      guint first = starts[k];

      starts[k] = n;
      for (guint j = first; j < ends[k]; j++)
        values[n++] = values[j];
    }
  starts[n_keys] = n;

  links->starts = starts;
  links->values = g_renew (guint32, values, n);
}

/* A quote cited by an event or relation: where it is in its article */
typedef struct
{
  gpointer item;
  guint paragraph;
  gsize offset;
  gsize length;
} Cited;

/* The quotes of one article that events (or relations) cite.  Once all are
 * known they are sorted by paragraph then offset, with a segment tree of
 * the largest end (offset + length) over them, so that those overlapping a
 * passage are found without looking at the others: a crafted file could
 * have hundreds of thousands of claims and events quoting one article. */
typedef struct
{
  GArray *entries;      /* Cited */
  gsize *max_end;       /* the tree, in heap order; NULL until sorted */
  gsize leaves;         /* a power of two, at least entries->len */
} Citations;

static void
citations_free (gpointer data)
{
  Citations *citations = data;

  g_array_unref (citations->entries);
  g_free (citations->max_end);
  g_free (citations);
}

static int
compare_cited (gconstpointer a,
               gconstpointer b)
{
  const Cited *ca = a, *cb = b;

  if (ca->paragraph != cb->paragraph)
    return ca->paragraph < cb->paragraph ? -1 : 1;
  if (ca->offset != cb->offset)
    return ca->offset < cb->offset ? -1 : 1;
  return 0;
}

static void
citations_sort (Citations *citations)
{
  GArray *entries = citations->entries;

  g_array_sort (entries, compare_cited);

  citations->leaves = 1;
  while (citations->leaves < entries->len)
    citations->leaves *= 2;
  citations->max_end = g_new0 (gsize, 2 * citations->leaves);
  for (guint i = 0; i < entries->len; i++)
    {
      Cited *entry = &g_array_index (entries, Cited, i);

      citations->max_end[citations->leaves + i] = entry->offset + entry->length;
    }
  for (gsize node = citations->leaves - 1; node >= 1; node--)
    citations->max_end[node] = MAX (citations->max_end[2 * node], citations->max_end[2 * node + 1]);
}

/* Links derived from the file rather than written in it (a discrepancy to
 * the events and relations whose quotes overlap its claims', and to their
 * entities) could number in the billions in a crafted file.  Past this many
 * steps spent deriving them, no more are derived; a real dossier needs a
 * few thousand. */
#define MAX_DERIVATION_STEPS (1 << 22)

typedef struct
{
  GHashTable *cited_by_events;          /* article → Citations */
  GHashTable *cited_by_relations;
  gsize steps_left;
} Derivation;

/* Only a quote in an article that some claim quotes can overlap a claim's
 * quote: the citations of the others (most articles, in most dossiers)
 * are not kept. */
static void
watch_claimed_articles (Derivation *derivation,
                        GPtrArray  *discrepancies)
{
  for (guint i = 0; i < discrepancies->len; i++)
    {
      GListModel *claims = dossier_discrepancy_get_claims (discrepancies->pdata[i]);

      for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
        {
          g_autoptr(DossierClaim) claim = g_list_model_get_item (claims, c);
          GListModel *sources = dossier_claim_get_sources (claim);

          for (guint j = 0; j < g_list_model_get_n_items (sources); j++)
            {
              g_autoptr(DossierSource) source = g_list_model_get_item (sources, j);
              DossierArticle *article = dossier_source_get_article (source);
              GHashTable *cited[] = { derivation->cited_by_events, derivation->cited_by_relations };

              if (article == NULL || g_hash_table_contains (cited[0], article))
                continue;
              for (guint t = 0; t < G_N_ELEMENTS (cited); t++)
                {
                  Citations *citations = g_new0 (Citations, 1);

                  citations->entries = g_array_new (FALSE, FALSE, sizeof (Cited));
                  g_hash_table_insert (cited[t], article, citations);
                }
            }
        }
    }
}

static void
index_sources (DossierStore *self,
               GArray       *building,
               GHashTable   *cited,
               gpointer      item,
               guint         position,
               GListModel   *sources)
{
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);
      DossierArticle *article = dossier_source_get_article (source);
      Cited entry = { item, dossier_source_get_paragraph (source),
                      dossier_source_get_offset (source), dossier_source_get_length (source) };
      Citations *citations;

      if (article == NULL)
        continue;

      links_add (building, position_of (self, KIND_ARTICLE, article), position);

      /* Only where a claim quotes too (see watch_claimed_articles()) */
      citations = g_hash_table_lookup (cited, article);
      if (citations != NULL)
        g_array_append_val (citations->entries, entry);
    }
}

/* Adds the items of the entries in [@first, @last) (within @node, which
 * covers [@node_first, @node_last)) that end after @start */
static void
stab (Citations  *citations,
      gsize       node,
      gsize       node_first,
      gsize       node_last,
      gsize       first,
      gsize       last,
      gsize       start,
      Derivation *derivation,
      GHashTable *seen,
      GPtrArray  *concerned)
{
  gsize middle;

  if (node_last <= first || last <= node_first || citations->max_end[node] <= start ||
      derivation->steps_left == 0)
    return;

  derivation->steps_left--;
  if (node_last - node_first == 1)
    {
      gpointer item = g_array_index (citations->entries, Cited, node_first).item;

      if (g_hash_table_add (seen, item))
        g_ptr_array_add (concerned, g_object_ref (item));
      return;
    }

  middle = node_first + (node_last - node_first) / 2;
  stab (citations, 2 * node, node_first, middle, first, last, start, derivation, seen, concerned);
  stab (citations, 2 * node + 1, middle, node_last, first, last, start, derivation, seen, concerned);
}

/* The index of the first entry at or after @offset in @paragraph */
static gsize
citations_bound (Citations *citations,
                 guint      paragraph,
                 gsize      offset)
{
  Cited key = { NULL, paragraph, offset, 0 };
  gsize lo = 0, hi = citations->entries->len;

  while (lo < hi)
    {
      gsize middle = lo + (hi - lo) / 2;

      if (compare_cited (&g_array_index (citations->entries, Cited, middle), &key) < 0)
        lo = middle + 1;
      else
        hi = middle;
    }

  return lo;
}

/* Adds to @concerned (and @seen) the items (events or relations) whose
 * sources quote a passage that overlaps the quote of @source */
static void
find_sharing (GHashTable    *cited,
              DossierSource *source,
              Derivation    *derivation,
              GHashTable    *seen,
              GPtrArray     *concerned)
{
  Citations *citations = g_hash_table_lookup (cited, dossier_source_get_article (source));
  guint paragraph = dossier_source_get_paragraph (source);
  gsize offset = dossier_source_get_offset (source);
  gsize end = offset + dossier_source_get_length (source);

  if (citations == NULL)
    return;

  /* The entries of the paragraph that start before the end of the quote,
   * then among them, those that end after its start */
  stab (citations, 1, 0, citations->leaves,
        citations_bound (citations, paragraph, 0), citations_bound (citations, paragraph, end),
        offset, derivation, seen, concerned);
}

static void
add_items (GPtrArray  *array,
           GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (array, g_list_model_get_item (list, i));
}

/* Adds @discrepancy to the list of @entity, a derived link */
static void
index_derived_entity (DossierStore *self,
                      GArray       *building,
                      Derivation   *derivation,
                      gpointer      entity,
                      guint         discrepancy)
{
  if (derivation->steps_left == 0)
    return;

  derivation->steps_left--;
  links_add (building, position_of (self, KIND_ENTITY, entity), discrepancy);
}

/* @position: that of @discrepancy */
static void
index_discrepancy (DossierStore        *self,
                   GArray             **building,
                   Derivation          *derivation,
                   DossierDiscrepancy  *discrepancy,
                   guint                position)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListModel *claims = dossier_discrepancy_get_claims (discrepancy);
  GListModel *entities = dossier_discrepancy_get_entities (discrepancy);
  guint n_claim_sources;

  /* Listed in the file, each once */
  add_items (events, dossier_discrepancy_get_events (discrepancy));
  add_items (relations, dossier_discrepancy_get_relations (discrepancy));
  for (guint i = 0; i < events->len; i++)
    g_hash_table_add (seen, events->pdata[i]);
  for (guint i = 0; i < relations->len; i++)
    g_hash_table_add (seen, relations->pdata[i]);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(DossierClaim) claim = g_list_model_get_item (claims, i);

      add_items (sources, dossier_claim_get_sources (claim));
    }
  n_claim_sources = sources->len;
  add_items (sources, dossier_discrepancy_get_resolution_sources (discrepancy));

  for (guint i = 0; i < sources->len; i++)
    {
      DossierSource *source = sources->pdata[i];
      DossierArticle *article = dossier_source_get_article (source);

      if (article == NULL)
        continue;

      links_add (building[ARTICLE_DISCREPANCIES], position_of (self, KIND_ARTICLE, article), position);
      if (i < n_claim_sources)
        {
          find_sharing (derivation->cited_by_events, source, derivation, seen, events);
          find_sharing (derivation->cited_by_relations, source, derivation, seen, relations);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);

      links_add (building[ENTITY_DISCREPANCIES], position_of (self, KIND_ENTITY, entity), position);
    }
  for (guint i = 0; i < events->len; i++)
    {
      GListModel *event_entities = dossier_event_get_entities (events->pdata[i]);

      links_add (building[EVENT_DISCREPANCIES], position_of (self, KIND_EVENT, events->pdata[i]), position);
      for (guint j = 0; j < g_list_model_get_n_items (event_entities) && derivation->steps_left > 0; j++)
        {
          g_autoptr(DossierEntity) entity = g_list_model_get_item (event_entities, j);

          index_derived_entity (self, building[ENTITY_DISCREPANCIES], derivation, entity, position);
        }
    }
  for (guint i = 0; i < relations->len; i++)
    {
      links_add (building[RELATION_DISCREPANCIES], position_of (self, KIND_RELATION, relations->pdata[i]),
                 position);
      index_derived_entity (self, building[ENTITY_DISCREPANCIES], derivation,
                            dossier_relation_get_from (relations->pdata[i]), position);
      index_derived_entity (self, building[ENTITY_DISCREPANCIES], derivation,
                            dossier_relation_get_to (relations->pdata[i]), position);
    }
}

/* Mentions are found, not written in the file: one entity named "a" in a
 * long article would have millions.  An article keeps its first 10,000
 * mentions, and the whole dossier its first million; a long real article
 * has a few hundred. */
#define MAX_ARTICLE_MENTIONS 10000
#define MAX_MENTIONS 1000000

/* Finds the mentions, in article order: each article's are then one range
 * of them (links[ARTICLE_MENTIONS]).  @articles and @entities are in the
 * order of the store's lists. */
static void
index_mentions (DossierStore         *self,
                GPtrArray            *articles,
                GPtrArray            *entities,
                DossierLoadProgress  *progress)
{
  g_autoptr(DossierMatcher) matcher = dossier_matcher_new ();
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (DossierMatch));
  GPtrArray *blocks = g_ptr_array_new ();
  guint32 *starts = g_new (guint32, articles->len + 1);
  guint n = 0;

  /* Names before aliases, so that a name wins over another entity's alias */
  for (guint i = 0; i < entities->len; i++)
    dossier_matcher_add (matcher, dossier_entity_get_name (entities->pdata[i]), GUINT_TO_POINTER (i));
  for (guint i = 0; i < entities->len; i++)
    {
      const char * const *aliases = dossier_entity_get_aliases (entities->pdata[i]);

      for (guint j = 0; aliases[j] != NULL; j++)
        dossier_matcher_add (matcher, aliases[j], GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < articles->len; i++)
    {
      guint n_paragraphs;
      const char * const *body = dossier_article_get_body (articles->pdata[i], &n_paragraphs);
      guint n_article_mentions = 0;

      starts[i] = n;
      if (n >= MAX_MENTIONS)
        continue;
      /* Finding the mentions is most of the indexing */
      if (progress != NULL && i % 64 == 0)
        dossier_load_progress_report (progress, DOSSIER_LOAD_STEP_INDEXING, 0.9 * i / articles->len);

      for (guint p = 0; p < n_paragraphs && n_article_mentions < MAX_ARTICLE_MENTIONS; p++)
        {
          g_array_set_size (matches, 0);
          dossier_matcher_find (matcher, body[p], matches, MAX_ARTICLE_MENTIONS - n_article_mentions);

          for (guint m = 0; m < matches->len && n_article_mentions < MAX_ARTICLE_MENTIONS &&
                            n < MAX_MENTIONS; m++, n_article_mentions++, n++)
            {
              const DossierMatch *match = &g_array_index (matches, DossierMatch, m);
              Mention mention = { GPOINTER_TO_UINT (match->data), p, match->offset, match->length };

              if (n % MENTION_BLOCK_SIZE == 0)
                g_ptr_array_add (blocks, g_new (Mention, MENTION_BLOCK_SIZE));
              ((Mention *) blocks->pdata[n >> MENTION_BLOCK_BITS])[n % MENTION_BLOCK_SIZE] = mention;
            }
        }
    }
  starts[articles->len] = n;

  /* The last block without the room left in it */
  if (n % MENTION_BLOCK_SIZE != 0)
    blocks->pdata[blocks->len - 1] = g_renew (Mention, blocks->pdata[blocks->len - 1], n % MENTION_BLOCK_SIZE);
  self->n_mentions = n;
  self->mention_blocks = (Mention **) g_ptr_array_free (blocks, FALSE);
  if (self->n_mentions > 0)
    self->links[ARTICLE_MENTIONS].starts = starts;
  else
    g_free (starts);
}

/* Groups the mentions by entity (a counting sort), in article order.
 * Only when first needed: not while loading, when memory use is highest,
 * and not at all for a dossier whose entities nobody looks at. */
static void
index_entity_mentions (DossierStore *self)
{
  Links *links = &self->links[ENTITY_MENTIONS];
  guint n_entities = g_list_model_get_n_items (self->lists[KIND_ENTITY]);
  g_autofree guint32 *ends = NULL;

  if (self->n_mentions == 0 || links->starts != NULL)
    return;

  links->starts = g_new0 (guint32, n_entities + 1);
  for (guint m = 0; m < self->n_mentions; m++)
    links->starts[mention_at (self, m)->entity + 1]++;
  for (guint e = 0; e < n_entities; e++)
    links->starts[e + 1] += links->starts[e];

  ends = g_memdup2 (links->starts, n_entities * sizeof (guint32));
  links->values = g_new (guint32, self->n_mentions);
  for (guint m = 0; m < self->n_mentions; m++)
    links->values[ends[mention_at (self, m)->entity]++] = m;
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  DossierEvent *ea = *(DossierEvent **) a, *eb = *(DossierEvent **) b;

  return dossier_date_compare (dossier_event_get_date (ea), dossier_event_get_date (eb));
}

static void
fill_list (DossierStore *self,
           Kind          kind,
           GPtrArray    *items)
{
  guint32 *slots;
  guint32 size;

  g_object_unref (self->lists[kind]);
  self->lists[kind] = dossier_list_new (kind_get_type (kind), items);
  if (items->len == 0)
    return;

  size = 2;
  while (size < 2 * items->len)
    size *= 2;
  slots = self->by_id[kind] = g_new0 (guint32, size);
  self->by_id_mask[kind] = size - 1;
  for (guint i = 0; i < items->len; i++)
    {
      const char *id = item_get_id (kind, items->pdata[i]);
      guint32 j = g_str_hash (id) & (size - 1);

      /* An id met again takes the slot, as with g_hash_table_insert() */
      while (slots[j] != 0 && !g_str_equal (item_get_id (kind, items->pdata[slots[j] - 1]), id))
        j = (j + 1) & (size - 1);
      slots[j] = i + 1;
    }
}

DossierStore *
dossier_store_new (const char *id,
                   const char *title,
                   const char *description,
                   const char *language,
                   GPtrArray  *articles,
                   GPtrArray  *entities,
                   GPtrArray  *events,
                   GPtrArray  *relations,
                   GPtrArray  *discrepancies,
                   DossierLoadProgress *progress)
{
  DossierStore *self = g_object_new (DOSSIER_TYPE_STORE, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (events, NULL, NULL);
  Derivation derivation = { NULL, NULL, MAX_DERIVATION_STEPS };
  GArray *building[N_INDEXES];

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->language = g_strdup (language);

  /* The copy would unref the events it does not own */
  g_ptr_array_set_free_func (sorted, NULL);
  /* Stable, so events on the same date keep the order of the file */
  g_qsort_with_data (sorted->pdata, sorted->len, sizeof (gpointer), compare_events, NULL);

  fill_list (self, KIND_ARTICLE, articles);
  fill_list (self, KIND_ENTITY, entities);
  fill_list (self, KIND_EVENT, sorted);
  fill_list (self, KIND_RELATION, relations);
  fill_list (self, KIND_DISCREPANCY, discrepancies);
  /* The list has them in that order now */
  g_clear_pointer (&sorted, g_ptr_array_unref);

  for (guint i = 0; i < N_INDEXES; i++)
    building[i] = g_array_new (FALSE, FALSE, sizeof (Link));
  derivation.cited_by_events = g_hash_table_new_full (NULL, NULL, NULL, citations_free);
  derivation.cited_by_relations = g_hash_table_new_full (NULL, NULL, NULL, citations_free);
  watch_claimed_articles (&derivation, discrepancies);

  for (guint i = 0; i < events->len; i++)
    {
      DossierEvent *event = dossier_list_peek_item (self->lists[KIND_EVENT], i);
      GListModel *event_entities = dossier_event_get_entities (event);

      for (guint j = 0; j < g_list_model_get_n_items (event_entities); j++)
        {
          g_autoptr(DossierEntity) entity = g_list_model_get_item (event_entities, j);

          links_add (building[ENTITY_EVENTS], position_of (self, KIND_ENTITY, entity), i);
        }
      index_sources (self, building[ARTICLE_EVENTS], derivation.cited_by_events, event, i,
                     dossier_event_get_sources (event));
    }

  for (guint i = 0; i < relations->len; i++)
    {
      DossierRelation *relation = relations->pdata[i];

      links_add (building[ENTITY_RELATIONS], position_of (self, KIND_ENTITY, dossier_relation_get_from (relation)), i);
      links_add (building[ENTITY_RELATIONS], position_of (self, KIND_ENTITY, dossier_relation_get_to (relation)), i);
      index_sources (self, building[ARTICLE_RELATIONS], derivation.cited_by_relations, relation, i,
                     dossier_relation_get_sources (relation));
    }

  {
    GHashTable *cited[] = { derivation.cited_by_events, derivation.cited_by_relations };

    for (guint c = 0; c < G_N_ELEMENTS (cited); c++)
      {
        GHashTableIter iter;
        gpointer citations;

        g_hash_table_iter_init (&iter, cited[c]);
        while (g_hash_table_iter_next (&iter, NULL, &citations))
          citations_sort (citations);
      }
  }
  for (guint i = 0; i < discrepancies->len; i++)
    index_discrepancy (self, building, &derivation, discrepancies->pdata[i], i);
  g_hash_table_unref (derivation.cited_by_events);
  g_hash_table_unref (derivation.cited_by_relations);

  /* Before the mentions, so that only the grouped indexes are left beside
   * them when memory use is highest */
  for (guint i = 0; i < N_INDEXES; i++)
    {
      links_build (&self->links[i], building[i], g_list_model_get_n_items (self->lists[index_keys[i]]));
      g_array_unref (building[i]);
    }

  index_mentions (self, articles, entities, progress);
  if (progress != NULL)
    dossier_load_progress_report (progress, DOSSIER_LOAD_STEP_INDEXING, 1);

  return self;
}

/* The article of mention @m: the one whose range of mentions holds it */
static guint
article_of_mention (DossierStore *self,
                    guint         m)
{
  const guint32 *starts = self->links[ARTICLE_MENTIONS].starts;
  guint lo = 0, hi = g_list_model_get_n_items (self->lists[KIND_ARTICLE]);

  /* starts[lo] <= m < starts[hi] */
  while (hi - lo > 1)
    {
      guint middle = lo + (hi - lo) / 2;

      if (starts[middle] <= m)
        lo = middle;
      else
        hi = middle;
    }

  return lo;
}

/* Mention @m as an object, made the first time a list holding it is:
 * the lists of its article and of its entity share it */
static DossierMention *
get_mention (DossierStore *self,
             guint         m)
{
  DossierMention *mention = g_hash_table_lookup (self->mention_objects, GUINT_TO_POINTER (m + 1));
  const Mention *found = mention_at (self, m);

  if (mention == NULL)
    {
      mention = dossier_mention_new (dossier_list_peek_item (self->lists[KIND_ARTICLE], article_of_mention (self, m)),
                                     dossier_list_peek_item (self->lists[KIND_ENTITY], found->entity),
                                     found->paragraph, found->offset, found->length);
      g_hash_table_insert (self->mention_objects, GUINT_TO_POINTER (m + 1), mention);
    }

  return mention;
}

/* Adds to @items (borrowed) the items @index lists for the item at
 * @position of its collection */
static void
collect_items (DossierStore *self,
               Index         index,
               guint         position,
               GPtrArray    *items)
{
  /* An entity's mentions, an article's mentions, or the index itself */
  const Links *links = &self->links[index == ENTITY_ARTICLES ? ENTITY_MENTIONS :
                                    index == ARTICLE_ENTITIES ? ARTICLE_MENTIONS : index];
  guint first, last;

  if (index == ENTITY_MENTIONS || index == ENTITY_ARTICLES)
    index_entity_mentions (self);
  if (links->starts == NULL)
    return;
  first = links->starts[position];
  last = links->starts[position + 1];

  switch (index)
    {
    case ENTITY_MENTIONS:
      for (guint i = first; i < last; i++)
        g_ptr_array_add (items, get_mention (self, links->values[i]));
      break;

    case ARTICLE_MENTIONS:
      for (guint m = first; m < last; m++)
        g_ptr_array_add (items, get_mention (self, m));
      break;

    case ENTITY_ARTICLES:
      /* The entity's mentions are in article order */
      for (guint i = first, previous = G_MAXUINT; i < last; i++)
        {
          guint article = article_of_mention (self, links->values[i]);

          if (article != previous)
            g_ptr_array_add (items, dossier_list_peek_item (self->lists[KIND_ARTICLE], article));
          previous = article;
        }
      break;

    case ARTICLE_ENTITIES:
      {
        g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

        for (guint m = first; m < last; m++)
          {
            guint entity = mention_at (self, m)->entity;

            if (g_hash_table_add (seen, GUINT_TO_POINTER (entity + 1)))
              g_ptr_array_add (items, dossier_list_peek_item (self->lists[KIND_ENTITY], entity));
          }
      }
      break;

    case ENTITY_EVENTS:
    case ENTITY_RELATIONS:
    case ENTITY_DISCREPANCIES:
    case ARTICLE_EVENTS:
    case ARTICLE_RELATIONS:
    case ARTICLE_DISCREPANCIES:
    case EVENT_DISCREPANCIES:
    case RELATION_DISCREPANCIES:
      for (guint i = first; i < last; i++)
        g_ptr_array_add (items, dossier_list_peek_item (self->lists[index_kinds[index]], links->values[i]));
      break;

    case N_INDEXES:
    default:
      g_assert_not_reached ();
    }
}

static GListModel *
get_index (DossierStore *self,
           Index         index,
           gpointer      key)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->lock);
  g_autoptr(GPtrArray) items = NULL;
  GListModel *list = g_hash_table_lookup (self->indexes[index], key);
  guint position;

  if (list != NULL)
    return list;

  if (!find_position (self, index_keys[index], key, &position))
    return self->empty[index_kinds[index]];

  items = g_ptr_array_new ();
  collect_items (self, index, position, items);
  if (items->len == 0)
    return self->empty[index_kinds[index]];

  list = dossier_list_new (kind_get_type (index_kinds[index]), items);
  g_hash_table_insert (self->indexes[index], key, list);

  return list;
}

/* Loading */

static void
set_summary_error (GError    **error,
                   GPtrArray  *problems)
{
  const DossierProblem *first;
  const DossierProblem *last;

  g_assert (problems->len > 0);
  first = g_ptr_array_index (problems, 0);
  last = g_ptr_array_index (problems, problems->len - 1);

  if (first->line > 0)
    g_set_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_SYNTAX,
                 /* Translators: a syntax error in a dossier file */
                 _("Line %d, column %d: %s"), first->line, first->column, first->message);
  else if (last->path[0] == '\0' && problems->len > 1)    /* "too many problems, stopping" */
    g_set_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_INVALID,
                 _("The dossier has more than %u problems"), problems->len - 1);
  else
    g_set_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "The dossier has %u problem",
                              "The dossier has %u problems", problems->len),
                 problems->len);
}

static void
set_too_large_error (GError  **error,
                     guint64   size)
{
  g_autofree char *size_text = g_format_size (size);

  g_set_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_TOO_LARGE,
               /* Translators: %s is a file size, e.g. "70.2 MB" */
               _("The file is too large (%s); a dossier can have at most 128 MiB"), size_text);
}

/**
 * dossier_store_load_bytes:
 * @bytes: the text of a dossier file
 * @problems: (out) (optional) (transfer full) (element-type DossierProblem):
 *   every problem found, in the order of the file (the array frees its
 *   elements); set to an empty array on success
 * @error: a %DOSSIER_LOAD_ERROR whose message is a one-line summary
 *
 * Returns: (transfer full) (nullable): the store, or %NULL on error
 */
/* dossier_store_load_bytes() with a progress report and a way to stop,
 * which is then a %G_IO_ERROR_CANCELLED error */
static DossierStore *
load_bytes_full (GBytes               *bytes,
                 DossierLoadProgress  *progress,
                 GCancellable         *cancellable,
                 GPtrArray           **problems,
                 GError              **error)
{
  g_autoptr(GPtrArray) found = NULL;
  DossierStore *store = NULL;

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);

  if (g_bytes_get_size (bytes) > DOSSIER_MAX_FILE_SIZE)
    set_too_large_error (error, g_bytes_get_size (bytes));
  else if (!(store = dossier_loader_load_full (bytes, found, progress, cancellable)))
    {
      if (found->len == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ;
      else
        set_summary_error (error, found);
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return store;
}

DossierStore *
dossier_store_load_bytes (GBytes     *bytes,
                          GPtrArray **problems,
                          GError    **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes_full (bytes, NULL, NULL, problems, error);
}

static gboolean
propagate_io_error (GError **error,
                    GError  *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, io_error);
  else
    {
      g_set_error_literal (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_IO, io_error->message);
      g_error_free (io_error);
    }

  return FALSE;
}

/* Reads the whole file, refusing it as soon as it is known to be too large
 * (whatever its size claims, so special files cannot make it read forever) */
static GBytes *
read_file (GFile                *file,
           DossierLoadProgress  *progress,
           GCancellable         *cancellable,
           GError              **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  GError *local_error = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    return propagate_io_error (error, local_error), NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_IO,
                   _("\"%s\" is not a regular file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > DOSSIER_MAX_FILE_SIZE)
    {
      set_too_large_error (error, g_file_info_get_size (info));
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    return propagate_io_error (error, local_error), NULL;

  buffer = g_byte_array_sized_new (MIN (g_file_info_get_size (info), DOSSIER_MAX_FILE_SIZE) + 1);
  for (;;)
    {
      gssize n;

      g_byte_array_set_size (buffer, length + READ_CHUNK);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + length, READ_CHUNK,
                               cancellable, &local_error);
      if (n < 0)
        return propagate_io_error (error, local_error), NULL;
      if (n == 0)
        break;

      length += n;
      if (progress != NULL)
        dossier_load_progress_report (progress, DOSSIER_LOAD_STEP_READING,
                                      (double) length / MAX (g_file_info_get_size (info), 1));
      if (length > DOSSIER_MAX_FILE_SIZE)
        {
          set_too_large_error (error, length);
          return NULL;
        }
    }

  g_byte_array_set_size (buffer, length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * dossier_store_load_file:
 * @problems: (out) (optional) (transfer full) (element-type DossierProblem):
 *   as for dossier_store_load_bytes(); empty after an I/O error
 *
 * Reads and loads a dossier file.  I/O errors are %DOSSIER_LOAD_ERROR_IO
 * with GIO's message, except cancellation, which stays
 * %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL on error
 */
static DossierStore *
load_file_full (GFile                *file,
                DossierLoadProgress  *progress,
                GCancellable         *cancellable,
                GPtrArray           **problems,
                GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = read_file (file, progress, cancellable, error);
  if (bytes == NULL)
    {
      if (problems != NULL)
        *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);
      return NULL;
    }

  return load_bytes_full (bytes, progress, cancellable, problems, error);
}

DossierStore *
dossier_store_load_file (GFile         *file,
                         GCancellable  *cancellable,
                         GPtrArray    **problems,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file_full (file, NULL, cancellable, problems, error);
}

typedef struct
{
  GFile *file;
  DossierLoadProgress *progress;
  GPtrArray *problems;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->file);
  g_clear_pointer (&load->progress, dossier_load_progress_unref);
  g_clear_pointer (&load->problems, g_ptr_array_unref);
  g_free (load);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  DossierStore *store = load_file_full (load->file, load->progress, cancellable, &load->problems, &error);

  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * dossier_store_load_file_async:
 * @progress: (nullable): where the worker thread reports how far it is
 * @cancellable: (nullable): also stops the loader between batches of items
 *
 * Loads a file in a worker thread; see dossier_store_load_file().
 */
void
dossier_store_load_file_async (GFile               *file,
                               DossierLoadProgress *progress,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  load->progress = progress ? dossier_load_progress_ref (progress) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_store_load_file_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * dossier_store_load_file_finish:
 * @problems: (out) (optional) (transfer full) (element-type DossierProblem):
 *   as for dossier_store_load_file()
 *
 * Returns: (transfer full) (nullable): the store, or %NULL on error
 */
DossierStore *
dossier_store_load_file_finish (GAsyncResult  *result,
                                GPtrArray    **problems,
                                GError       **error)
{
  LoadData *load;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_store_load_file_async, NULL);

  load = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = load->problems ? g_steal_pointer (&load->problems)
                               : g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Loads a dossier from the GResource, e.g. the embedded default */
DossierStore *
dossier_store_load_resource (const char  *resource_path,
                             GPtrArray  **problems,
                             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      if (problems != NULL)
        *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);
      propagate_io_error (error, local_error);
      return NULL;
    }

  return dossier_store_load_bytes (bytes, problems, error);
}

/* Properties and collections */

/* Returns: (nullable): the dossier's id; %NULL for an empty store */
const char *
dossier_store_get_id (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return self->id;
}

/* Returns: (nullable): the dossier's title; %NULL for an empty store */
const char *
dossier_store_get_title (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return self->title;
}

/* Returns: (nullable): the description, if the dossier has one */
const char *
dossier_store_get_description (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return self->description;
}

/* Returns: (nullable): the language tag of the content, e.g. "en" */
const char *
dossier_store_get_language (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return self->language;
}

/* Returns: (transfer none): the DossierArticle items, in file order */
GListModel *
dossier_store_get_articles (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_ARTICLE]);
}

/* Returns: (transfer none): the DossierEntity items, in file order */
GListModel *
dossier_store_get_entities (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_ENTITY]);
}

/* Returns: (transfer none): the DossierEvent items, sorted by date
 * (dossier_date_compare()), in file order on the same date */
GListModel *
dossier_store_get_events (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_EVENT]);
}

/* Returns: (transfer none): the DossierRelation items, in file order */
GListModel *
dossier_store_get_relations (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_RELATION]);
}

/* Returns: (transfer none): the DossierDiscrepancy items, in file order */
GListModel *
dossier_store_get_discrepancies (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_DISCREPANCY]);
}

/* Lookups by id, in constant time.  Each returns (transfer none)
 * (nullable): the item, or %NULL if there is none with @id. */

static gpointer
lookup (DossierStore *self,
        Kind          kind,
        const char   *id)
{
  guint position = find_id (self, kind, id);

  return position > 0 ? dossier_list_peek_item (self->lists[kind], position - 1) : NULL;
}

DossierArticle *
dossier_store_lookup_article (DossierStore *self,
                              const char   *id)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, KIND_ARTICLE, id);
}

DossierEntity *
dossier_store_lookup_entity (DossierStore *self,
                             const char   *id)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, KIND_ENTITY, id);
}

DossierEvent *
dossier_store_lookup_event (DossierStore *self,
                            const char   *id)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, KIND_EVENT, id);
}

DossierRelation *
dossier_store_lookup_relation (DossierStore *self,
                               const char   *id)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, KIND_RELATION, id);
}

DossierDiscrepancy *
dossier_store_lookup_discrepancy (DossierStore *self,
                                  const char   *id)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, KIND_DISCREPANCY, id);
}

/* Questions about an item.  Each returns (transfer none) a list owned by
 * the store, empty for an item without entries or not from this store. */

/* Returns: the DossierEvent items involving @entity, sorted by date */
GListModel *
dossier_store_get_entity_events (DossierStore  *self,
                                 DossierEntity *entity)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);

  return get_index (self, ENTITY_EVENTS, entity);
}

/* Returns: the DossierRelation items from or to @entity, in file order */
GListModel *
dossier_store_get_entity_relations (DossierStore  *self,
                                    DossierEntity *entity)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);

  return get_index (self, ENTITY_RELATIONS, entity);
}

/* Returns: the DossierMention items of @entity, in article order, then
 * paragraph and offset */
GListModel *
dossier_store_get_entity_mentions (DossierStore  *self,
                                   DossierEntity *entity)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);

  return get_index (self, ENTITY_MENTIONS, entity);
}

/* Returns: the distinct DossierArticle items that mention @entity, in
 * article order */
GListModel *
dossier_store_get_entity_articles (DossierStore  *self,
                                   DossierEntity *entity)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);

  return get_index (self, ENTITY_ARTICLES, entity);
}

/* Returns: the DossierDiscrepancy items about @entity, in file order: those
 * that list it, and those about an event or relation of it (as
 * dossier_store_get_event_discrepancies() and
 * dossier_store_get_relation_discrepancies() find them) */
GListModel *
dossier_store_get_entity_discrepancies (DossierStore  *self,
                                        DossierEntity *entity)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);

  return get_index (self, ENTITY_DISCREPANCIES, entity);
}

/* Returns: the DossierMention items in @article, ordered by paragraph then
 * offset, not overlapping */
GListModel *
dossier_store_get_article_mentions (DossierStore   *self,
                                    DossierArticle *article)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  return get_index (self, ARTICLE_MENTIONS, article);
}

/* Returns: the distinct DossierEntity items @article mentions, in the
 * order of their first mention */
GListModel *
dossier_store_get_article_entities (DossierStore   *self,
                                    DossierArticle *article)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  return get_index (self, ARTICLE_ENTITIES, article);
}

/* Returns: the DossierEvent items whose sources quote @article, by date */
GListModel *
dossier_store_get_article_events (DossierStore   *self,
                                  DossierArticle *article)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  return get_index (self, ARTICLE_EVENTS, article);
}

/* Returns: the DossierRelation items whose sources quote @article */
GListModel *
dossier_store_get_article_relations (DossierStore   *self,
                                     DossierArticle *article)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  return get_index (self, ARTICLE_RELATIONS, article);
}

/* Returns: the DossierDiscrepancy items with a claim or resolution source
 * quoting @article */
GListModel *
dossier_store_get_article_discrepancies (DossierStore   *self,
                                         DossierArticle *article)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  return get_index (self, ARTICLE_DISCREPANCIES, article);
}

/* Returns: the DossierDiscrepancy items that list @event, or one of whose
 * claims quotes a passage overlapping a quote among @event's sources */
GListModel *
dossier_store_get_event_discrepancies (DossierStore *self,
                                       DossierEvent *event)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_EVENT (event), NULL);

  return get_index (self, EVENT_DISCREPANCIES, event);
}

/* Returns: the DossierDiscrepancy items that list @relation, or one of
 * whose claims quotes a passage overlapping a quote among its sources */
GListModel *
dossier_store_get_relation_discrepancies (DossierStore    *self,
                                          DossierRelation *relation)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_RELATION (relation), NULL);

  return get_index (self, RELATION_DISCREPANCIES, relation);
}
