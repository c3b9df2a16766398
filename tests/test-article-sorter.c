/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "dossier-article-sorter.h"
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

static void
test_orders (void)
{
  g_autoptr(DossierStore) store = load_small ();
  g_autoptr(DossierArticleSorter) sorter = dossier_article_sorter_new (DOSSIER_ARTICLE_SORT_DATE);
  g_autoptr(GtkSortListModel) model =
    gtk_sort_list_model_new (g_object_ref (dossier_store_get_articles (store)),
                             g_object_ref (GTK_SORTER (sorter)));
  g_autofree char *by_date = NULL, *by_title = NULL, *by_outlet = NULL, *again = NULL;

  /* Newest first; a month-precision date after the days of that month;
   * the undated article last. */
  by_date = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (by_date, ==, "day-reuters,day-wired,month-bloomberg,undated-untitled");

  /* An untitled article sorts by its first sentence. */
  dossier_article_sorter_set_sort (sorter, DOSSIER_ARTICLE_SORT_TITLE);
  by_title = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (by_title, ==, "month-bloomberg,undated-untitled,day-wired,day-reuters");

  /* Unknown outlet last. */
  dossier_article_sorter_set_sort (sorter, DOSSIER_ARTICLE_SORT_OUTLET);
  by_outlet = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (by_outlet, ==, "month-bloomberg,day-reuters,day-wired,undated-untitled");
  g_assert_cmpint (dossier_article_sorter_get_sort (sorter), ==, DOSSIER_ARTICLE_SORT_OUTLET);

  /* Forgetting the cached keys does not change the order. */
  dossier_article_sorter_forget (sorter);
  dossier_article_sorter_set_sort (sorter, DOSSIER_ARTICLE_SORT_DATE);
  again = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (again, ==, by_date);
}

static void
test_ties (void)
{
  const char *json =
    "{\"format\":\"dossier/1\",\"id\":\"t\",\"title\":\"T\",\"articles\":["
    "{\"id\":\"c\",\"title\":\"Same\",\"outlet\":\"X\",\"published\":\"2025-01-02\",\"body\":[\"c\"]},"
    "{\"id\":\"a\",\"title\":\"Same\",\"outlet\":\"X\",\"published\":\"2025-01-02\",\"body\":[\"a\"]},"
    "{\"id\":\"b\",\"title\":\"Same\",\"outlet\":\"X\",\"published\":\"2025-01-03\",\"body\":[\"b\"]},"
    "{\"id\":\"d\",\"title\":\"Other\",\"outlet\":\"X\",\"published\":\"2025-01-02\",\"body\":[\"d\"]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_load_bytes (bytes, NULL, &error);
  g_autoptr(DossierArticleSorter) sorter = NULL;
  g_autoptr(GtkSortListModel) model = NULL;
  g_autofree char *by_date = NULL, *by_title = NULL, *by_outlet = NULL;

  g_assert_no_error (error);
  sorter = dossier_article_sorter_new (DOSSIER_ARTICLE_SORT_DATE);
  model = gtk_sort_list_model_new (g_object_ref (dossier_store_get_articles (store)),
                                   g_object_ref (GTK_SORTER (sorter)));

  /* Same date: by title, then by id. */
  by_date = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (by_date, ==, "b,d,a,c");
  /* Same title: newest first, then by id. */
  dossier_article_sorter_set_sort (sorter, DOSSIER_ARTICLE_SORT_TITLE);
  by_title = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (by_title, ==, "d,b,a,c");
  /* Same outlet: by date, title, id. */
  dossier_article_sorter_set_sort (sorter, DOSSIER_ARTICLE_SORT_OUTLET);
  by_outlet = ids_of (G_LIST_MODEL (model));
  g_assert_cmpstr (by_outlet, ==, "b,d,a,c");
}

static void
test_enum (void)
{
  GEnumClass *klass = g_type_class_ref (DOSSIER_TYPE_ARTICLE_SORT);

  /* The nicks are the values of the article-sort key. */
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "date")->value, ==, DOSSIER_ARTICLE_SORT_DATE);
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "title")->value, ==, DOSSIER_ARTICLE_SORT_TITLE);
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "outlet")->value, ==, DOSSIER_ARTICLE_SORT_OUTLET);
  g_type_class_unref (klass);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-sorter/orders", test_orders);
  g_test_add_func ("/article-sorter/ties", test_ties);
  g_test_add_func ("/article-sorter/enum", test_enum);

  return g_test_run ();
}
