/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "dossier-article-filter.h"
#include "dossier-model.h"

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

/* A dossier of @n articles of about 2 KB each. */
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
  /* Generous bounds for a loaded CI machine; typically far below. */
  g_assert_cmpint (worst, <, 100 * 1000);
  g_assert_cmpint (index_time, <, 2000 * 1000);
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

  return g_test_run ();
}
