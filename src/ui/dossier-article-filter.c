/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-article-filter.h"
#include "dossier-article-text.h"

/* Narrows the article list by a search and by the selected entity.
 *
 * The search matches title, outlet, author and body, ignoring case and
 * accents: every word of it must occur in the article's folded text (see
 * dossier-article-text.h).  That text is folded once per store and kept
 * with it, shared by every filter on it, along with an index of it
 * (SearchIndex); the window builds both in the thread that loads a file
 * (dossier_article_filter_prepare_store()); for a store that did not come
 * that way, the first search does.
 *
 * A search word never holds white space, so where it occurs in a text it
 * lies inside one of the text's white-space separated tokens.  The index
 * keeps each distinct token once, and the articles each is in: the
 * articles a word occurs in are those of the tokens it occurs in, found
 * by a scan of the tokens rather than of the texts.  That is exactly a
 * substring search of the texts, and it is what makes a keystroke cheap
 * when a word is in few articles: then a scan of the texts would have to
 * read most of them to the end.  A word in many tokens (one or two
 * letters) is looked for in the texts themselves, where a common word is
 * found near the start: first in a copy of the start of every text, kept
 * side by side (the texts themselves, ten thousand blocks spread over the
 * heap, cost a cache miss or two each: a millisecond or two of the
 * keystroke, which the starts, read in a row, about halve). */

/* The most articles-per-token entries a word's articles are collected
 * from, per article of the store, before it counts as common */
#define COMMON_WORD_POSTINGS_PER_ARTICLE 8

/* How much of the start of each text is kept side by side (bytes, with
 * the terminating nul): the title, often the outlet */
#define TEXT_START_SIZE 64

typedef struct
{
  guint n_articles;
  /* DossierArticle* → its index + 1 */
  GHashTable *index_of;
  /* The folded text of each article, and the start of each, one after
   * the other (TEXT_START_SIZE bytes each, nul-terminated) */
  char **texts;
  char *text_starts;

  /* Every distinct token, each followed by a newline (which no token
   * holds), and where each one starts in it */
  char *tokens;
  guint n_tokens;
  guint32 *token_starts;
  /* The articles each token is in, in order, token after token */
  guint32 *postings;
  guint32 *posting_starts;
} SearchIndex;

/* What a word of the search matches: for a rare word, the set of
 * articles it is in; for a common one, nothing yet (see above). */
typedef struct
{
  char *word;
  gboolean common;
  guint64 *articles;
} WordMatch;

struct _DossierArticleFilter
{
  GtkFilter parent_instance;

  DossierStore *store;
  char *search;
  GStrv words;
  DossierEntity *entity;

  /* The store's (see get_index()), borrowed for as long as the filter
   * holds the store, and what each word of the search matches in it */
  SearchIndex *index;
  GPtrArray *word_matches;
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
  const char *title = dossier_article_get_display_title (article);
  const char *outlet = dossier_article_get_outlet (article);
  const char *author = dossier_article_get_author (article);
  gsize size = 3;
  GString *text;
  const char * const *body;
  guint n_paragraphs = 0;

  /* Folding keeps ASCII the same length: room for it all at once. */
  body = dossier_article_get_body (article, &n_paragraphs);
  size += (title != NULL ? strlen (title) : 0) + (outlet != NULL ? strlen (outlet) : 0) +
          (author != NULL ? strlen (author) : 0);
  for (guint i = 0; i < n_paragraphs; i++)
    size += strlen (body[i]) + 1;
  text = g_string_sized_new (size);

  /* Fields are separated by a newline, which no search word contains,
   * so a match never spans two fields. */
  dossier_article_text_normalize_append (text, title, -1, NULL);
  g_string_append_c (text, '\n');
  dossier_article_text_normalize_append (text, outlet, -1, NULL);
  g_string_append_c (text, '\n');
  dossier_article_text_normalize_append (text, author, -1, NULL);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_string_append_c (text, '\n');
      dossier_article_text_normalize_append (text, body[i], -1, NULL);
    }

  return g_string_free (text, FALSE);
}

static G_DEFINE_QUARK (dossier-article-filter-index, search_index)

static gboolean
is_space (char c)
{
  /* The separators of dossier_article_text_split_words() */
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void
search_index_free (gpointer data)
{
  SearchIndex *index = data;

  g_hash_table_unref (index->index_of);
  for (guint i = 0; i < index->n_articles; i++)
    g_free (index->texts[i]);
  g_free (index->texts);
  g_free (index->text_starts);
  g_free (index->tokens);
  g_free (index->token_starts);
  g_free (index->postings);
  g_free (index->posting_starts);
  g_free (index);
}

static SearchIndex *
search_index_new (DossierStore *store)
{
  GListModel *articles = dossier_store_get_articles (store);
  SearchIndex *index = g_new0 (SearchIndex, 1);
  g_autoptr(GHashTable) token_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) last_article = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  g_autoptr(GString) tokens = g_string_new (NULL);
  g_autoptr(GArray) token_starts = g_array_new (FALSE, FALSE, sizeof (guint32));

  index->n_articles = g_list_model_get_n_items (articles);
  index->index_of = g_hash_table_new (NULL, NULL);
  index->texts = g_new0 (char *, MAX (index->n_articles, 1));
  index->text_starts = g_new0 (char, (gsize) MAX (index->n_articles, 1) * TEXT_START_SIZE);

  for (guint i = 0; i < index->n_articles; i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);
      char *text = build_haystack (article);

      /* The store owns the articles for as long as the index lives. */
      index->texts[i] = text;
      strncpy (index->text_starts + (gsize) i * TEXT_START_SIZE, text, TEXT_START_SIZE - 1);
      g_hash_table_insert (index->index_of, article, GUINT_TO_POINTER (i + 1));

      /* Its tokens, each once */
      for (char *p = text; *p != '\0';)
        {
          char *start, saved;
          gpointer value;
          guint32 id;

          while (*p != '\0' && is_space (*p))
            p++;
          if (*p == '\0')
            break;
          start = p;
          while (*p != '\0' && !is_space (*p))
            p++;

          /* Looked up in place, ended for a moment */
          saved = *p;
          *p = '\0';
          if (g_hash_table_lookup_extended (token_ids, start, NULL, &value))
            id = GPOINTER_TO_UINT (value);
          else
            {
              guint32 none = G_MAXUINT32, zero = 0, offset = (guint32) tokens->len;

              id = g_hash_table_size (token_ids);
              g_hash_table_insert (token_ids, g_strdup (start), GUINT_TO_POINTER (id));
              g_array_append_val (token_starts, offset);
              g_string_append (tokens, start);
              g_string_append_c (tokens, '\n');
              g_array_append_val (last_article, none);
              g_array_append_val (counts, zero);
            }
          *p = saved;

          if (g_array_index (last_article, guint32, id) != i)
            {
              guint32 pair[2] = { id, i };

              g_array_index (last_article, guint32, id) = i;
              g_array_index (counts, guint32, id)++;
              g_array_append_vals (pairs, pair, 1);
            }
        }
    }

  /* The postings, token after token; the articles come in order. */
  index->n_tokens = token_starts->len;
  {
    guint32 end = tokens->len;

    g_array_append_val (token_starts, end);
  }
  index->token_starts = (guint32 *) g_array_free (g_steal_pointer (&token_starts), FALSE);
  index->tokens = g_string_free (g_steal_pointer (&tokens), FALSE);
  index->posting_starts = g_new (guint32, index->n_tokens + 1);
  index->posting_starts[0] = 0;
  for (guint t = 0; t < index->n_tokens; t++)
    index->posting_starts[t + 1] = index->posting_starts[t] + g_array_index (counts, guint32, t);
  index->postings = g_new (guint32, MAX (pairs->len, 1));
  for (guint t = 0; t < index->n_tokens; t++)
    g_array_index (counts, guint32, t) = index->posting_starts[t];
  for (guint k = 0; k < pairs->len; k++)
    {
      const guint32 *pair = &g_array_index (pairs, guint32, k * 2);

      index->postings[g_array_index (counts, guint32, pair[0])++] = pair[1];
    }

  return index;
}

/* The search index of @store, made if it is not yet. */
static SearchIndex *
get_index (DossierStore *store)
{
  SearchIndex *index = g_object_get_qdata (G_OBJECT (store), search_index_quark ());

  if (index == NULL)
    {
      index = search_index_new (store);
      g_object_set_qdata_full (G_OBJECT (store), search_index_quark (), index, search_index_free);
    }

  return index;
}

/**
 * dossier_article_filter_prepare_store:
 * @store: a store no other thread uses yet
 *
 * Folds and indexes the searchable text of every article of @store now,
 * rather than on the first search: for the thread that loads a dossier,
 * so that no keystroke pays for it.  Every filter on @store then uses it.
 */
void
dossier_article_filter_prepare_store (DossierStore *store)
{
  g_return_if_fail (DOSSIER_IS_STORE (store));

  get_index (store);
}

static void
word_match_free (gpointer data)
{
  WordMatch *match = data;

  g_free (match->word);
  g_free (match->articles);
  g_free (match);
}

/* The token whose text holds the byte at @offset of the tokens */
static guint
find_token (SearchIndex *index,
            guint32      offset)
{
  guint low = 0, high = index->n_tokens;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (index->token_starts[middle] <= offset)
        low = middle;
      else
        high = middle;
    }

  return low;
}

static WordMatch *
word_match_new (SearchIndex *index,
                const char  *word)
{
  WordMatch *match = g_new0 (WordMatch, 1);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize limit = (gsize) COMMON_WORD_POSTINGS_PER_ARTICLE * MAX (index->n_articles, 1);
  gsize n_postings = 0;

  match->word = g_strdup (word);

  /* The tokens the word is in */
  for (const char *hit = strstr (index->tokens, word); hit != NULL && !match->common;)
    {
      guint token = find_token (index, hit - index->tokens);

      g_array_append_val (found, token);
      n_postings += index->posting_starts[token + 1] - index->posting_starts[token];
      match->common = n_postings > limit;
      hit = strstr (index->tokens + index->token_starts[token + 1], word);
    }
  if (match->common)
    return match;

  /* The articles they are in */
  match->articles = g_new0 (guint64, (index->n_articles + 63) / 64);
  for (guint k = 0; k < found->len; k++)
    {
      guint token = g_array_index (found, guint, k);

      for (guint32 j = index->posting_starts[token]; j < index->posting_starts[token + 1]; j++)
        match->articles[index->postings[j] / 64] |= G_GUINT64_CONSTANT (1) << (index->postings[j] % 64);
    }

  return match;
}

/* What the words of the search match in the store, worked out again only
 * for the words that changed. */
static void
update_word_matches (DossierArticleFilter *self)
{
  g_autoptr(GPtrArray) matches = NULL;

  if (self->index == NULL || self->words == NULL)
    {
      g_clear_pointer (&self->word_matches, g_ptr_array_unref);
      return;
    }

  matches = g_ptr_array_new_with_free_func (word_match_free);
  for (guint i = 0; self->words[i] != NULL; i++)
    {
      WordMatch *match = NULL;

      for (guint j = 0; self->word_matches != NULL && j < self->word_matches->len && match == NULL; j++)
        if (g_str_equal (((WordMatch *) g_ptr_array_index (self->word_matches, j))->word, self->words[i]))
          match = g_ptr_array_steal_index_fast (self->word_matches, j);

      g_ptr_array_add (matches, match != NULL ? match : word_match_new (self->index, self->words[i]));
    }

  g_clear_pointer (&self->word_matches, g_ptr_array_unref);
  self->word_matches = g_steal_pointer (&matches);
}

static void
ensure_index (DossierArticleFilter *self)
{
  if (self->index != NULL || self->store == NULL)
    return;

  self->index = get_index (self->store);
  update_word_matches (self);
}

/* Whether the article with @key (see dossier_article_filter_get_key())
 * has every word of the search */
static gboolean
matches_words (DossierArticleFilter *self,
               guint                 key,
               DossierArticle       *article)
{
  guint position;

  /* An article from elsewhere (not in this store): fold it now. */
  if (key == 0 || self->index == NULL)
    {
      g_autofree char *own = build_haystack (article);

      return dossier_article_text_matches_all (own, (const char * const *) self->words);
    }

  position = key - 1;
  for (guint i = 0; i < self->word_matches->len; i++)
    {
      WordMatch *match = g_ptr_array_index (self->word_matches, i);

      if (match->common
          ? strstr (self->index->text_starts + (gsize) position * TEXT_START_SIZE, match->word) == NULL &&
            strstr (self->index->texts[position], match->word) == NULL
          : (match->articles[position / 64] & (G_GUINT64_CONSTANT (1) << (position % 64))) == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * dossier_article_filter_get_key:
 * @article: an article
 *
 * For a model that checks thousands of articles per keystroke
 * (DossierArticleFilterModel): a key for @article, to check it by with
 * dossier_article_filter_matches_key() without looking it up each time.
 * The key is good until the filter's store changes.
 *
 * Returns: the key, 0 for an article that is not in the store
 */
guint
dossier_article_filter_get_key (DossierArticleFilter *self,
                                DossierArticle       *article)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_FILTER (self), 0);

  ensure_index (self);
  return self->index != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->index->index_of, article)) : 0;
}

/* dossier_article_filter_matches() for @article, whose key is @key: no
 * checks, and @article itself is not read (an article from another store
 * is, to fold its text). */
gboolean
dossier_article_filter_matches_key (DossierArticleFilter *self,
                                    guint                 key,
                                    DossierArticle       *article)
{
  if (self->entity_articles != NULL && !g_hash_table_contains (self->entity_articles, article))
    return FALSE;

  if (self->words != NULL && self->words[0] != NULL)
    {
      ensure_index (self);
      return matches_words (self, key, article);
    }

  return TRUE;
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
    return matches_words (self, dossier_article_filter_get_key (self, article), article);

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

  self->index = NULL;
  g_clear_pointer (&self->word_matches, g_ptr_array_unref);
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

  self->index = NULL;
  g_clear_pointer (&self->word_matches, g_ptr_array_unref);
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
  update_word_matches (self);

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
