/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-article-filter-model.h"

/* The articles of a list model that a DossierArticleFilter lets through,
 * in their order: what GtkFilterListModel does, for a search typed over
 * ten thousand articles.  GtkFilterListModel asks the model below for
 * each item it checks (a reference taken and dropped, a position looked
 * up in a bitset) and for each item it is asked for: per keystroke, more
 * work than the filter's own.  This model keeps the articles in an array
 * and which of them are shown in another, so checking an article and
 * giving one out are array lookups (with the article's key in the filter
 * looked up once, not its object read at each check, which for ten
 * thousand objects spread in memory is most of the time); as
 * GtkFilterListModel does, it checks
 * only the articles shown when the filter became stricter, and only the
 * others when it became looser, and reports a change as one range, from
 * the first article that changed to the last. */
struct _DossierArticleFilterModel
{
  GObject parent_instance;

  GListModel *model;
  DossierArticleFilter *filter;

  /* Every article of @model, in its order; its key in the filter (see
   * dossier_article_filter_get_key(), once one is needed); whether each is
   * shown; and the positions of those shown */
  GPtrArray *items;
  GArray *keys;
  gboolean keys_valid;
  /* The store they are keys in (not a reference: only compared) */
  gpointer keys_store;
  GByteArray *is_shown;
  GArray *shown;
};

static void dossier_article_filter_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierArticleFilterModel, dossier_article_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dossier_article_filter_model_list_model_init))

static GType
dossier_article_filter_model_get_item_type (GListModel *list)
{
  return DOSSIER_TYPE_ARTICLE;
}

static guint
dossier_article_filter_model_get_n_items (GListModel *list)
{
  return DOSSIER_ARTICLE_FILTER_MODEL (list)->shown->len;
}

static gpointer
dossier_article_filter_model_get_item (GListModel *list,
                                       guint       position)
{
  DossierArticleFilterModel *self = DOSSIER_ARTICLE_FILTER_MODEL (list);

  if (position >= self->shown->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, g_array_index (self->shown, guint, position)));
}

static void
dossier_article_filter_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dossier_article_filter_model_get_item_type;
  iface->get_n_items = dossier_article_filter_model_get_n_items;
  iface->get_item = dossier_article_filter_model_get_item;
}

/* Works out which articles are shown after @change of the filter; with
 * @reset, the articles themselves changed: everything is reported as
 * removed and added again. */
static void
refilter (DossierArticleFilterModel *self,
          GtkFilterChange            change,
          gboolean                   reset)
{
  GtkFilterMatch strictness = self->filter != NULL ? gtk_filter_get_strictness (GTK_FILTER (self->filter))
                                                   : GTK_FILTER_MATCH_ALL;
  g_autoptr(GArray) old = self->shown;
  guint n = self->items->len;
  guint first = 0, last = 0;

  self->shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), old->len);
  if (self->keys_store != dossier_article_filter_get_store (self->filter))
    {
      self->keys_valid = FALSE;
      self->keys_store = dossier_article_filter_get_store (self->filter);
    }
  if (strictness == GTK_FILTER_MATCH_SOME && !self->keys_valid)
    {
      g_array_set_size (self->keys, n);
      for (guint p = 0; p < n; p++)
        g_array_index (self->keys, guint, p) = dossier_article_filter_get_key (self->filter, g_ptr_array_index (self->items, p));
      self->keys_valid = TRUE;
    }
  for (guint p = 0; p < n; p++)
    {
      gboolean was = self->is_shown->data[p] && !reset;
      gboolean now;

      if (strictness == GTK_FILTER_MATCH_ALL)
        now = TRUE;
      else if (strictness == GTK_FILTER_MATCH_NONE)
        now = FALSE;
      else if (!reset && change == GTK_FILTER_CHANGE_MORE_STRICT && !was)
        now = FALSE;
      else if (!reset && change == GTK_FILTER_CHANGE_LESS_STRICT && was)
        now = TRUE;
      else
        now = dossier_article_filter_matches_key (self->filter, g_array_index (self->keys, guint, p),
                                                  g_ptr_array_index (self->items, p));

      self->is_shown->data[p] = now;
      if (now)
        g_array_append_val (self->shown, p);
    }

  if (!reset)
    {
      /* What did not change at either end */
      while (first < old->len && first < self->shown->len &&
             g_array_index (old, guint, first) == g_array_index (self->shown, guint, first))
        first++;
      while (last < old->len - first && last < self->shown->len - first &&
             g_array_index (old, guint, old->len - 1 - last) ==
             g_array_index (self->shown, guint, self->shown->len - 1 - last))
        last++;
    }

  if (old->len - first - last > 0 || self->shown->len - first - last > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first,
                                old->len - first - last, self->shown->len - first - last);
}

static void
on_filter_changed (GtkFilter                 *filter,
                   GtkFilterChange            change,
                   DossierArticleFilterModel *self)
{
  refilter (self, change, FALSE);
}

static void
on_items_changed (GListModel                *model,
                  guint                      position,
                  guint                      removed,
                  guint                      added,
                  DossierArticleFilterModel *self)
{
  guint n = self->items->len;
  GPtrArray *items = g_ptr_array_new_full (n - removed + added, g_object_unref);

  /* Spliced into new arrays: no shifting of the tail per item */
  for (guint i = 0; i < position; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->items, i)));
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, position + i));
  for (guint i = position + removed; i < n; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->items, i)));
  g_ptr_array_unref (self->items);
  self->items = items;
  self->keys_valid = FALSE;
  g_byte_array_set_size (self->is_shown, items->len);

  /* The positions of all that follow moved: start again. */
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT, TRUE);
}

static void
dossier_article_filter_model_dispose (GObject *object)
{
  DossierArticleFilterModel *self = DOSSIER_ARTICLE_FILTER_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (dossier_article_filter_model_parent_class)->dispose (object);
}

static void
dossier_article_filter_model_finalize (GObject *object)
{
  DossierArticleFilterModel *self = DOSSIER_ARTICLE_FILTER_MODEL (object);

  g_ptr_array_unref (self->items);
  g_byte_array_unref (self->is_shown);
  g_array_unref (self->shown);
  g_array_unref (self->keys);

  G_OBJECT_CLASS (dossier_article_filter_model_parent_class)->finalize (object);
}

static void
dossier_article_filter_model_class_init (DossierArticleFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_article_filter_model_dispose;
  object_class->finalize = dossier_article_filter_model_finalize;
}

static void
dossier_article_filter_model_init (DossierArticleFilterModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->is_shown = g_byte_array_new ();
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->keys = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* The articles of @model (a list of DossierArticle) that @filter lets
 * through. */
DossierArticleFilterModel *
dossier_article_filter_model_new (GListModel           *model,
                                  DossierArticleFilter *filter)
{
  DossierArticleFilterModel *self;

  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_FILTER (filter), NULL);

  self = g_object_new (DOSSIER_TYPE_ARTICLE_FILTER_MODEL, NULL);
  self->filter = g_object_ref (filter);
  g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed), self);
  dossier_article_filter_model_set_model (self, model);

  return self;
}

void
dossier_article_filter_model_set_model (DossierArticleFilterModel *self,
                                        GListModel                *model)
{
  guint n;

  g_return_if_fail (DOSSIER_IS_ARTICLE_FILTER_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);

  n = self->items->len;
  on_items_changed (model, 0, n, model != NULL ? g_list_model_get_n_items (model) : 0, self);
}
