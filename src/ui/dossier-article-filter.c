/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-article-filter.h"
#include "dossier-article-text.h"

/* Narrows the article list by a search and by the selected entity.
 *
 * The search matches title, outlet, author and body, ignoring case and
 * accents. Each article's searchable text is folded once per store, the
 * first time a search needs it, so a keystroke is only a substring scan
 * per article. */
struct _DossierArticleFilter
{
  GtkFilter parent_instance;

  DossierStore *store;
  char *search;
  GStrv words;
  DossierEntity *entity;

  /* DossierArticle* → folded text; built on demand, per store. */
  GHashTable *haystacks;
  /* DossierArticle* set: the articles that mention the entity. */
  GHashTable *entity_articles;
};

G_DEFINE_FINAL_TYPE (DossierArticleFilter, dossier_article_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_ENTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
build_haystack (DossierArticle *article)
{
  GString *text = g_string_new (NULL);
  const char * const *body;
  guint n_paragraphs = 0;

  /* Fields are separated by a newline, which no search word contains,
   * so a match never spans two fields. */
  dossier_article_text_normalize_append (text, dossier_article_get_display_title (article), -1, NULL);
  g_string_append_c (text, '\n');
  dossier_article_text_normalize_append (text, dossier_article_get_outlet (article), -1, NULL);
  g_string_append_c (text, '\n');
  dossier_article_text_normalize_append (text, dossier_article_get_author (article), -1, NULL);
  body = dossier_article_get_body (article, &n_paragraphs);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_string_append_c (text, '\n');
      dossier_article_text_normalize_append (text, body[i], -1, NULL);
    }

  return g_string_free (text, FALSE);
}

static void
ensure_haystacks (DossierArticleFilter *self)
{
  GListModel *articles;
  guint n;

  if (self->haystacks != NULL || self->store == NULL)
    return;

  articles = dossier_store_get_articles (self->store);
  n = g_list_model_get_n_items (articles);
  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);

      /* The store owns the articles for as long as this table lives. */
      g_hash_table_insert (self->haystacks, article, build_haystack (article));
    }
}

gboolean
dossier_article_filter_matches (DossierArticleFilter *self,
                                DossierArticle       *article)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_FILTER (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), FALSE);

  if (self->entity_articles != NULL && !g_hash_table_contains (self->entity_articles, article))
    return FALSE;

  if (self->words != NULL && self->words[0] != NULL)
    {
      const char *haystack;

      ensure_haystacks (self);
      haystack = self->haystacks != NULL ? g_hash_table_lookup (self->haystacks, article) : NULL;
      /* An article from elsewhere (not in this store): fold it now. */
      if (haystack == NULL)
        {
          g_autofree char *own = build_haystack (article);

          return dossier_article_text_matches_all (own, (const char * const *) self->words);
        }
      return dossier_article_text_matches_all (haystack, (const char * const *) self->words);
    }

  return TRUE;
}

static gboolean
dossier_article_filter_match (GtkFilter *filter,
                              gpointer   item)
{
  if (!DOSSIER_IS_ARTICLE (item))
    return FALSE;

  return dossier_article_filter_matches (DOSSIER_ARTICLE_FILTER (filter), item);
}

gboolean
dossier_article_filter_is_active (DossierArticleFilter *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_FILTER (self), FALSE);

  return self->entity_articles != NULL || (self->words != NULL && self->words[0] != NULL);
}

static GtkFilterMatch
dossier_article_filter_get_strictness (GtkFilter *filter)
{
  return dossier_article_filter_is_active (DOSSIER_ARTICLE_FILTER (filter))
         ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

/* TRUE when every article matching @narrow also matches @wide: each word
 * of @wide is found inside some word of @narrow. */
static gboolean
words_narrow (const char * const *narrow,
              const char * const *wide)
{
  for (guint i = 0; wide != NULL && wide[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; narrow != NULL && narrow[j] != NULL && !found; j++)
        found = strstr (narrow[j], wide[i]) != NULL;
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static void
dossier_article_filter_dispose (GObject *object)
{
  DossierArticleFilter *self = DOSSIER_ARTICLE_FILTER (object);

  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_clear_pointer (&self->entity_articles, g_hash_table_unref);
  g_clear_object (&self->entity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_article_filter_parent_class)->dispose (object);
}

static void
dossier_article_filter_finalize (GObject *object)
{
  DossierArticleFilter *self = DOSSIER_ARTICLE_FILTER (object);

  g_free (self->search);
  g_strfreev (self->words);

  G_OBJECT_CLASS (dossier_article_filter_parent_class)->finalize (object);
}

static void
dossier_article_filter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierArticleFilter *self = DOSSIER_ARTICLE_FILTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_filter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierArticleFilter *self = DOSSIER_ARTICLE_FILTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      dossier_article_filter_set_store (self, g_value_get_object (value));
      break;
    case PROP_SEARCH:
      dossier_article_filter_set_search (self, g_value_get_string (value));
      break;
    case PROP_ENTITY:
      dossier_article_filter_set_entity (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_filter_class_init (DossierArticleFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = dossier_article_filter_dispose;
  object_class->finalize = dossier_article_filter_finalize;
  object_class->get_property = dossier_article_filter_get_property;
  object_class->set_property = dossier_article_filter_set_property;

  filter_class->match = dossier_article_filter_match;
  filter_class->get_strictness = dossier_article_filter_get_strictness;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DOSSIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL,
                         DOSSIER_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_article_filter_init (DossierArticleFilter *self)
{
}

DossierArticleFilter *
dossier_article_filter_new (DossierStore *store)
{
  g_return_val_if_fail (store == NULL || DOSSIER_IS_STORE (store), NULL);

  return g_object_new (DOSSIER_TYPE_ARTICLE_FILTER, "store", store, NULL);
}

DossierStore *
dossier_article_filter_get_store (DossierArticleFilter *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_FILTER (self), NULL);

  return self->store;
}

static void
rebuild_entity_articles (DossierArticleFilter *self)
{
  GListModel *articles;
  guint n;

  g_clear_pointer (&self->entity_articles, g_hash_table_unref);
  if (self->entity == NULL)
    return;

  self->entity_articles = g_hash_table_new (NULL, NULL);
  if (self->store == NULL)
    return;

  articles = dossier_store_get_entity_articles (self->store, self->entity);
  n = articles != NULL ? g_list_model_get_n_items (articles) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);

      g_hash_table_add (self->entity_articles, article);
    }
}

/* Replacing the store drops the folded text and the entity, which belong
 * to the old one. */
void
dossier_article_filter_set_store (DossierArticleFilter *self,
                                  DossierStore         *store)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_FILTER (self));
  g_return_if_fail (store == NULL || DOSSIER_IS_STORE (store));

  if (self->store == store)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_set_object (&self->store, store);
  if (self->entity != NULL)
    {
      g_clear_object (&self->entity);
      g_clear_pointer (&self->entity_articles, g_hash_table_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);

  g_object_thaw_notify (G_OBJECT (self));
}

const char *
dossier_article_filter_get_search (DossierArticleFilter *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_FILTER (self), NULL);

  return self->search;
}

void
dossier_article_filter_set_search (DossierArticleFilter *self,
                                   const char           *search)
{
  g_auto(GStrv) old_words = NULL;
  gboolean stricter, looser;

  g_return_if_fail (DOSSIER_IS_ARTICLE_FILTER (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  old_words = g_steal_pointer (&self->words);
  self->words = dossier_article_text_split_words (search);

  /* Let the list re-check only what can change: typing more narrows,
   * deleting widens. */
  stricter = words_narrow ((const char * const *) self->words, (const char * const *) old_words);
  looser = words_narrow ((const char * const *) old_words, (const char * const *) self->words);
  if (stricter && looser)
    ; /* Same words, spelled differently ("Café" and "cafe"). */
  else if (stricter)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (looser)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
  else
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

DossierEntity *
dossier_article_filter_get_entity (DossierArticleFilter *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_FILTER (self), NULL);

  return self->entity;
}

void
dossier_article_filter_set_entity (DossierArticleFilter *self,
                                   DossierEntity        *entity)
{
  gboolean had_entity;

  g_return_if_fail (DOSSIER_IS_ARTICLE_FILTER (self));
  g_return_if_fail (entity == NULL || DOSSIER_IS_ENTITY (entity));

  if (self->entity == entity)
    return;

  had_entity = self->entity != NULL;
  g_set_object (&self->entity, entity);
  rebuild_entity_articles (self);

  if (!had_entity)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (entity == NULL)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
  else
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
}
