/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "dossier-article-filter.h"
#include "dossier-article-filter-model.h"
#include "dossier-article-sorter.h"
#include "article-text.h"
#include "dossier-article-text.h"
#include "dossier-model.h"
#include "dossier-test-utils.h"

static DossierStore *
load_small (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_SOURCE_DIR"), "tests", "data",
                                            "articles-small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The ids of the articles @model shows, in order, comma-separated. */
static char *
ids_of (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, dossier_article_get_id (article));
    }

  return g_strdup (ids->str);
}

static char *
search_ids (GListModel           *model,
            DossierArticleFilter *filter,
            const char           *search)
{
  dossier_article_filter_set_search (filter, search);
  return ids_of (model);
}

static void
test_search (void)
{
  g_autoptr(DossierStore) store = load_small ();
  g_autoptr(DossierArticleFilter) filter = dossier_article_filter_new (store);
  g_autoptr(GtkFilterListModel) model =
    gtk_filter_list_model_new (g_object_ref (dossier_store_get_articles (store)),
                               g_object_ref (GTK_FILTER (filter)));
  GListModel *m = G_LIST_MODEL (model);
  struct {
    const char *search;
    const char *ids;
  } cases[] = {
    { NULL, "month-bloomberg,day-reuters,undated-untitled,day-wired" },
    { "", "month-bloomberg,day-reuters,undated-untitled,day-wired" },
    { "   ", "month-bloomberg,day-reuters,undated-untitled,day-wired" },
    /* Body, case-insensitive. */
    { "NVIDIA", "day-reuters,day-wired" },
    /* Accents either way. */
    { "cafe", "day-reuters" },
    { "CAFÉ", "day-reuters" },
    { "resume", "undated-untitled" },
    /* Typed ASCII apostrophe finds a typographic one. */
    { "deepseek's", "day-reuters" },
    /* Title, outlet and author. */
    { "tumble", "day-reuters" },
    { "wired", "day-wired" },
    { "bloomberg", "month-bloomberg" },
    { "ann lee", "day-reuters" },
    { "lee ann", "day-reuters" },
    { "bo chen", "day-wired" },
    /* Every word must match, in any field. */
    { "reuters cafe", "day-reuters" },
    { "reuters hangzhou", "" },
    /* Non-Latin text. */
    { "深度求索", "day-wired" },
    { "deepseek", "month-bloomberg,day-reuters,undated-untitled" },
    { "deeps", "month-bloomberg,day-reuters,undated-untitled" },
    { "zzz", "" },
    /* The first sentence stands for the title of an untitled article. */
    { "released r1", "undated-untitled" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = search_ids (m, filter, cases[i].search);

      g_test_message ("search “%s”", cases[i].search ? cases[i].search : "(null)");
      g_assert_cmpstr (ids, ==, cases[i].ids);
    }

  /* An emptied search is no search. */
  dossier_article_filter_set_search (filter, "");
  g_assert_null (dossier_article_filter_get_search (filter));
  g_assert_false (dossier_article_filter_is_active (filter));
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
}

typedef struct
{
  guint n_changes;
  GtkFilterChange last;
} ChangeLog;

static void
on_changed (GtkFilter       *filter,
            GtkFilterChange  change,
            ChangeLog       *log)
{
  log->n_changes++;
  log->last = change;
}

static void
test_change_kinds (void)
{
  g_autoptr(DossierStore) store = load_small ();
  g_autoptr(DossierArticleFilter) filter = dossier_article_filter_new (store);
  ChangeLog log = { 0, 0 };

  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &log);

  dossier_article_filter_set_search (filter, "deep");
  g_assert_cmpint (log.last, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  dossier_article_filter_set_search (filter, "deepseek");
  g_assert_cmpint (log.last, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  dossier_article_filter_set_search (filter, "deepseek nvidia");
  g_assert_cmpint (log.last, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  dossier_article_filter_set_search (filter, "deepseek");
  g_assert_cmpint (log.last, ==, GTK_FILTER_CHANGE_LESS_STRICT);
  dossier_article_filter_set_search (filter, "nvidia");
  g_assert_cmpint (log.last, ==, GTK_FILTER_CHANGE_DIFFERENT);

  /* Same words, other spelling: nothing to re-check. */
  log.n_changes = 0;
  dossier_article_filter_set_search (filter, "NVIDIA");
  g_assert_cmpuint (log.n_changes, ==, 0);
  g_assert_cmpstr (dossier_article_filter_get_search (filter), ==, "NVIDIA");

  dossier_article_filter_set_search (filter, NULL);
  g_assert_cmpint (log.last, ==, GTK_FILTER_CHANGE_LESS_STRICT);

  dossier_article_filter_set_entity (filter, dossier_store_lookup_entity (store, "nvidia"));
  g_assert_cmpint (log.last, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  dossier_article_filter_set_entity (filter, dossier_store_lookup_entity (store, "openai"));
  g_assert_cmpint (log.last, ==, GTK_FILTER_CHANGE_DIFFERENT);
  dossier_article_filter_set_entity (filter, NULL);
  g_assert_cmpint (log.last, ==, GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
test_entity (void)
{
  g_autoptr(DossierStore) store = load_small ();
  g_autoptr(DossierStore) other = load_small ();
  g_autoptr(DossierArticleFilter) filter = dossier_article_filter_new (store);
  g_autoptr(GtkFilterListModel) model =
    gtk_filter_list_model_new (g_object_ref (dossier_store_get_articles (store)),
                               g_object_ref (GTK_FILTER (filter)));
  g_autofree char *nvidia = NULL, *deepseek = NULL, *nobody = NULL, *both = NULL;

  dossier_article_filter_set_entity (filter, dossier_store_lookup_entity (store, "nvidia"));
  nvidia = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (nvidia, ==, "day-reuters,day-wired");

  /* Mentioned through an alias too. */
  dossier_article_filter_set_entity (filter, dossier_store_lookup_entity (store, "deepseek"));
  deepseek = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (deepseek, ==, "month-bloomberg,day-reuters,undated-untitled,day-wired");

  /* Entity and search together. */
  dossier_article_filter_set_search (filter, "hangzhou");
  both = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (both, ==, "day-wired");
  dossier_article_filter_set_search (filter, NULL);

  dossier_article_filter_set_entity (filter, dossier_store_lookup_entity (store, "nobody"));
  nobody = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (nobody, ==, "");
  g_assert_true (dossier_article_filter_is_active (filter));

  /* A new store drops the old store's entity. */
  dossier_article_filter_set_store (filter, other);
  g_assert_null (dossier_article_filter_get_entity (filter));
  g_assert_true (dossier_article_filter_get_store (filter) == other);
}

/* The filter finds words through an index of the texts' tokens (and
 * common ones by a scan): it must match exactly what a substring scan of
 * the folded texts does, for any search.  Searches are made of pieces of
 * the texts themselves (across punctuation, inside words, at the ends of
 * fields, in accented and typographic text), and of words in none. */
static void
test_same_as_scan (void)
{
  g_autoptr(DossierStore) store = dossier_test_load_default_dossier ();
  g_autoptr(DossierArticleFilter) filter = dossier_article_filter_new (store);
  GListModel *articles = dossier_store_get_articles (store);
  guint n = g_list_model_get_n_items (articles);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) searches = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n_checked = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);

      g_ptr_array_add (texts, dossier_test_fold_article (article));
    }

  g_ptr_array_add (searches, g_strdup ("e"));
  g_ptr_array_add (searches, g_strdup ("deepseek"));
  g_ptr_array_add (searches, g_strdup ("DeepSeek’s"));
  g_ptr_array_add (searches, g_strdup ("u.s."));
  g_ptr_array_add (searches, g_strdup ("café nvidia"));
  g_ptr_array_add (searches, g_strdup ("zzzqx"));
  g_ptr_array_add (searches, g_strdup ("-"));
  for (guint k = 0; k < 400; k++)
    {
      const char *text = texts->pdata[g_rand_int_range (rand, 0, n)];
      gsize len = strlen (text);
      gsize start = g_rand_int_range (rand, 0, MAX (len, 1));
      gsize length = g_rand_int_range (rand, 1, 12);
      g_autofree char *piece = NULL;

      /* On character boundaries; white space in it makes several words */
      while (start > 0 && (text[start] & 0xc0) == 0x80)
        start--;
      piece = g_strndup (text + start, MIN (length, len - start));
      while (!g_utf8_validate (piece, -1, NULL) && piece[0] != '\0')
        piece[strlen (piece) - 1] = '\0';
      if (k % 5 == 0)
        {
          /* And a word of another article */
          const char *other = texts->pdata[g_rand_int_range (rand, 0, n)];
          gsize at = g_rand_int_range (rand, 0, MAX (strlen (other), 1));
          g_autofree char *word = NULL;

          while (at > 0 && (other[at] & 0xc0) == 0x80)
            at--;
          word = g_strndup (other + at, 4);
          while (!g_utf8_validate (word, -1, NULL) && word[0] != '\0')
            word[strlen (word) - 1] = '\0';
          g_ptr_array_add (searches, g_strconcat (piece, " ", word, NULL));
        }
      else
        g_ptr_array_add (searches, g_steal_pointer (&piece));
    }

  for (guint k = 0; k < searches->len; k++)
    {
      const char *search = searches->pdata[k];
      g_auto(GStrv) words = dossier_article_text_split_words (search);

      dossier_article_filter_set_search (filter, search);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);
          gboolean expected = dossier_article_text_matches_all (texts->pdata[i], (const char * const *) words);

          if (dossier_article_filter_matches (filter, article) != expected)
            g_error ("“%s” in %s: the filter says %d, a scan %d", search,
                     dossier_article_get_id (article), !expected, expected);
          n_checked++;
        }
    }
  g_test_message ("%u searches checked against a scan, %u articles each time in all", searches->len, n_checked);
}

/* What a view sees of a model: its items as the changes it reports make
 * them, which must be the model's items. */
static void
mirror_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
assert_same_items (GListModel *a,
                   GListModel *b,
                   GPtrArray  *mirror)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, mirror->len);
  for (guint i = 0; i < mirror->len; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      g_assert_true (x == y);
      g_assert_true (x == g_ptr_array_index (mirror, i));
    }
  g_assert_null (g_list_model_get_item (a, mirror->len));
}

/* The view's own filtered list shows what GtkFilterListModel shows, and
 * the changes it reports add up to it, through searches typed and erased,
 * an entity, a new sort and a new store. */
static void
test_filter_model (void)
{
  g_autoptr(DossierStore) store = dossier_test_load_default_dossier ();
  g_autoptr(DossierStore) small = load_small ();
  g_autoptr(DossierArticleFilter) filter = dossier_article_filter_new (store);
  g_autoptr(DossierArticleSorter) sorter = dossier_article_sorter_new (DOSSIER_ARTICLE_SORT_DATE);
  g_autoptr(GtkSortListModel) sorted = gtk_sort_list_model_new (g_object_ref (dossier_store_get_articles (store)),
                                                                g_object_ref (GTK_SORTER (sorter)));
  g_autoptr(GtkFilterListModel) expected = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (sorted)),
                                                                      g_object_ref (GTK_FILTER (filter)));
  g_autoptr(DossierArticleFilterModel) model = dossier_article_filter_model_new (G_LIST_MODEL (sorted), filter);
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  const char *searches[] = { "d", "de", "dee", "deep", "deeps", "deep", "de", "d", "", "nvidia", "r1 nvidia",
                             "nvidia", "zzz", "", "e", "openai", NULL };
  DossierEntity *entity = dossier_store_lookup_entity (store, "deepseek");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_ptr_array_add (mirror, g_list_model_get_item (G_LIST_MODEL (model), i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed), mirror);
  assert_same_items (G_LIST_MODEL (model), G_LIST_MODEL (expected), mirror);

  for (guint k = 0; searches[k] != NULL; k++)
    {
      dossier_article_filter_set_search (filter, searches[k]);
      assert_same_items (G_LIST_MODEL (model), G_LIST_MODEL (expected), mirror);
    }

  g_assert_nonnull (entity);
  dossier_article_filter_set_search (filter, "the");
  dossier_article_filter_set_entity (filter, entity);
  assert_same_items (G_LIST_MODEL (model), G_LIST_MODEL (expected), mirror);
  dossier_article_sorter_set_sort (sorter, DOSSIER_ARTICLE_SORT_TITLE);
  assert_same_items (G_LIST_MODEL (model), G_LIST_MODEL (expected), mirror);
  dossier_article_filter_set_entity (filter, NULL);
  assert_same_items (G_LIST_MODEL (model), G_LIST_MODEL (expected), mirror);

  /* Another store, as the view changes it */
  gtk_sort_list_model_set_model (sorted, NULL);
  dossier_article_filter_set_store (filter, small);
  gtk_sort_list_model_set_model (sorted, dossier_store_get_articles (small));
  assert_same_items (G_LIST_MODEL (model), G_LIST_MODEL (expected), mirror);
  dossier_article_filter_set_search (filter, "cafe");
  assert_same_items (G_LIST_MODEL (model), G_LIST_MODEL (expected), mirror);
  g_assert_cmpuint (mirror->len, ==, 1);

  dossier_article_filter_model_set_model (model, NULL);
  g_assert_cmpuint (mirror->len, ==, 0);
}

static GBytes *
make_big_dossier (guint n)
{
  GString *json = g_string_new ("{\"format\":\"dossier/1\",\"id\":\"big\",\"title\":\"Big\",\"articles\":[");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (json,
                              "%s{\"id\":\"a%u\",\"title\":\"Article number %u about markets\","
                              "\"outlet\":\"Outlet %u\",\"author\":\"Author %u\",\"published\":\"2025-01-%02u\","
                              "\"body\":[",
                              i > 0 ? "," : "", i, i, i % 50, i % 300, 1 + i % 28);
      for (guint p = 0; p < 6; p++)
        g_string_append_printf (json,
                                "%s\"Paragraph %u of article %u. Investors weighed the news on Monday "
                                "as shares of chip makers fell and analysts at the café debated "
                                "whether the sell-off was overdone; token%u-%u ends here.\"",
                                p > 0 ? "," : "", p, i, i, p);
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}");

  return g_string_free_to_bytes (json);
}

static void
test_ten_thousand (void)
{
  g_autoptr(GBytes) bytes = make_big_dossier (10000);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_load_bytes (bytes, NULL, &error);
  g_autoptr(DossierArticleFilter) filter = NULL;
  g_autoptr(GtkFilterListModel) model = NULL;
  const char *typed = "token9999-5";
  gint64 start, index_time, worst = 0;
  char prefix[32];

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_articles (store)), ==, 10000);

  filter = dossier_article_filter_new (store);
  model = gtk_filter_list_model_new (g_object_ref (dossier_store_get_articles (store)),
                                     g_object_ref (GTK_FILTER (filter)));

  /* The first search folds every article once... */
  start = g_get_monotonic_time ();
  dossier_article_filter_set_search (filter, "c");
  index_time = g_get_monotonic_time () - start;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10000);

  /* ...then every keystroke is a scan. */
  dossier_article_filter_set_search (filter, NULL);
  for (gsize len = 1; len <= strlen (typed); len++)
    {
      gint64 t;

      g_strlcpy (prefix, typed, len + 1);
      t = g_get_monotonic_time ();
      dossier_article_filter_set_search (filter, prefix);
      t = g_get_monotonic_time () - t;
      worst = MAX (worst, t);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Accent-insensitive on the big one, too. */
  start = g_get_monotonic_time ();
  dossier_article_filter_set_search (filter, "CAFE");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10000);
  dossier_article_filter_set_search (filter, "cafe zzz");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  g_test_message ("10,000 articles: folding %.1f ms once, slowest keystroke %.1f ms",
                  index_time / 1000.0, worst / 1000.0);
  g_printerr ("# 10,000 articles: folding %.1f ms once, slowest keystroke %.1f ms\n",
              index_time / 1000.0, worst / 1000.0);
  /* Times are printed, not asserted: the target is bench-search's */
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-filter/search", test_search);
  g_test_add_func ("/article-filter/change-kinds", test_change_kinds);
  g_test_add_func ("/article-filter/entity", test_entity);
  g_test_add_func ("/article-filter/ten-thousand", test_ten_thousand);
  g_test_add_func ("/article-filter/same-as-scan", test_same_as_scan);
  g_test_add_func ("/article-filter/filter-model", test_filter_model);

  return g_test_run ();
}
