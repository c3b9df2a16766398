/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-article-sorter.h"

/* Orders articles by date (newest first, unknown dates last), by title or
 * by outlet (unknown outlets last). Ties fall back to the other keys and
 * finally to the id, so the order is total and stable across runs.
 * Collation keys are computed once per article and kept. */
struct _DossierArticleSorter
{
  GtkSorter parent_instance;

  DossierArticleSort sort;

  /* DossierArticle* (ref) → CollateKeys* */
  GHashTable *keys;
};

typedef struct
{
  char *title;
  char *outlet; /* NULL when unknown */
} CollateKeys;

G_DEFINE_ENUM_TYPE (DossierArticleSort, dossier_article_sort,
                    G_DEFINE_ENUM_VALUE (DOSSIER_ARTICLE_SORT_DATE, "date"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_ARTICLE_SORT_TITLE, "title"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_ARTICLE_SORT_OUTLET, "outlet"))

G_DEFINE_FINAL_TYPE (DossierArticleSorter, dossier_article_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
collate_keys_free (gpointer data)
{
  CollateKeys *keys = data;

  g_free (keys->title);
  g_free (keys->outlet);
  g_free (keys);
}

static CollateKeys *
get_keys (DossierArticleSorter *self,
          DossierArticle       *article)
{
  CollateKeys *keys = g_hash_table_lookup (self->keys, article);

  if (keys == NULL)
    {
      const char *outlet = dossier_article_get_outlet (article);

      keys = g_new0 (CollateKeys, 1);
      keys->title = g_utf8_collate_key (dossier_article_get_display_title (article), -1);
      keys->outlet = outlet != NULL ? g_utf8_collate_key (outlet, -1) : NULL;
      g_hash_table_insert (self->keys, g_object_ref (article), keys);
    }

  return keys;
}

/* Newest first; an unknown date after every known one. */
static int
compare_dates (DossierArticle *a,
               DossierArticle *b)
{
  const DossierDate *da = dossier_article_get_published (a);
  const DossierDate *db = dossier_article_get_published (b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);

  return dossier_date_compare (db, da);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  int cmp;

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  cmp = strcmp (a, b);
  return (cmp > 0) - (cmp < 0);
}

static GtkOrdering
dossier_article_sorter_compare (GtkSorter *sorter,
                                gpointer   item1,
                                gpointer   item2)
{
  DossierArticleSorter *self = DOSSIER_ARTICLE_SORTER (sorter);
  DossierArticle *a = item1, *b = item2;
  CollateKeys *ka, *kb;
  int cmp = 0;

  if (a == b)
    return GTK_ORDERING_EQUAL;

  ka = get_keys (self, a);
  kb = get_keys (self, b);

  switch (self->sort)
    {
    case DOSSIER_ARTICLE_SORT_DATE:
      cmp = compare_dates (a, b);
      if (cmp == 0)
        cmp = compare_strings (ka->title, kb->title);
      break;

    case DOSSIER_ARTICLE_SORT_TITLE:
      cmp = compare_strings (ka->title, kb->title);
      if (cmp == 0)
        cmp = compare_dates (a, b);
      break;

    case DOSSIER_ARTICLE_SORT_OUTLET:
      cmp = compare_strings (ka->outlet, kb->outlet);
      if (cmp == 0)
        cmp = compare_dates (a, b);
      if (cmp == 0)
        cmp = compare_strings (ka->title, kb->title);
      break;

    default:
      g_assert_not_reached ();
    }

  if (cmp == 0)
    cmp = compare_strings (dossier_article_get_id (a), dossier_article_get_id (b));

  return gtk_ordering_from_cmpfunc (cmp);
}

static GtkSorterOrder
dossier_article_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
dossier_article_sorter_finalize (GObject *object)
{
  DossierArticleSorter *self = DOSSIER_ARTICLE_SORTER (object);

  g_hash_table_unref (self->keys);

  G_OBJECT_CLASS (dossier_article_sorter_parent_class)->finalize (object);
}

static void
dossier_article_sorter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierArticleSorter *self = DOSSIER_ARTICLE_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_sorter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierArticleSorter *self = DOSSIER_ARTICLE_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORT:
      dossier_article_sorter_set_sort (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_sorter_class_init (DossierArticleSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = dossier_article_sorter_finalize;
  object_class->get_property = dossier_article_sorter_get_property;
  object_class->set_property = dossier_article_sorter_set_property;

  sorter_class->compare = dossier_article_sorter_compare;
  sorter_class->get_order = dossier_article_sorter_get_order;

  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       DOSSIER_TYPE_ARTICLE_SORT,
                       DOSSIER_ARTICLE_SORT_DATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_article_sorter_init (DossierArticleSorter *self)
{
  self->keys = g_hash_table_new_full (NULL, NULL, g_object_unref, collate_keys_free);
}

DossierArticleSorter *
dossier_article_sorter_new (DossierArticleSort sort)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE_SORTER, "sort", sort, NULL);
}

DossierArticleSort
dossier_article_sorter_get_sort (DossierArticleSorter *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_SORTER (self), DOSSIER_ARTICLE_SORT_DATE);

  return self->sort;
}

void
dossier_article_sorter_set_sort (DossierArticleSorter *self,
                                 DossierArticleSort    sort)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_SORTER (self));
  g_return_if_fail (sort <= DOSSIER_ARTICLE_SORT_OUTLET);

  if (self->sort == sort)
    return;

  self->sort = sort;
  gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

/* Drops the cached collation keys, for when the articles they belong to
 * go away with their store. The order does not change. */
void
dossier_article_sorter_forget (DossierArticleSorter *self)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_SORTER (self));

  g_hash_table_remove_all (self->keys);
}
