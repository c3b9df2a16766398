/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-article-row.h"
#include "dossier-articles-view.h"
#include "dossier-model.h"
#include "dossier-reader.h"
#include "dossier-row-label.h"
#include "dossier-selection.h"
#include "dossier-test-utils.h"

typedef struct
{
  DossierSelection *selection;
  DossierStore *store;
  GtkWindow *window;
  DossierArticlesView *view;
  GSettings *settings;
} Fixture;

/* Waits for the view's reader to finish the page it is loading. */
static WebKitWebView *
wait_page_ready (Fixture *f)
{
  DossierReader *reader = dossier_articles_view_get_reader (f->view);
  WebKitWebView *web_view = dossier_test_wait_page_ready (reader);

  g_assert_true (dossier_reader_is_page_ready (reader));
  return web_view;
}

static void
fixture_set_up_with_store (Fixture      *f,
                           DossierStore *store)
{
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "article-sort");
  g_settings_reset (f->settings, "reader-zoom");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  f->store = store;
  f->selection = dossier_selection_new ();
  dossier_selection_set_store (f->selection, f->store);
  f->view = DOSSIER_ARTICLES_VIEW (dossier_articles_view_new (f->selection));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  dossier_test_spin_for (100);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_set_up_with_store (f, dossier_test_load_data ("articles-small.json"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->selection);
  g_clear_object (&f->store);
  g_clear_object (&f->settings);
  dossier_test_spin_for (50);
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

static const char *
selected_id (Fixture *f)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (dossier_articles_view_get_model (f->view));
  DossierArticle *article = gtk_single_selection_get_selected_item (selection);

  return article != NULL ? dossier_article_get_id (article) : NULL;
}

/* Whether a mapped label or status page under @widget shows @text (in a
 * label's text, or a status page's title or description). */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  /* The rows' texts */
  if (DOSSIER_IS_ROW_LABEL (widget) && strstr (dossier_row_label_get_text (DOSSIER_ROW_LABEL (widget)), text) != NULL)
    return TRUE;
  if (ADW_IS_STATUS_PAGE (widget) &&
      (g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0 ||
       (adw_status_page_get_description (ADW_STATUS_PAGE (widget)) != NULL &&
        strstr (adw_status_page_get_description (ADW_STATUS_PAGE (widget)), text) != NULL)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static void
test_list_and_sort (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *model = dossier_articles_view_get_model (f->view);
  g_autofree char *by_date = NULL, *by_title = NULL, *by_outlet = NULL;
  g_autofree char *saved = NULL;

  /* The list is there at once, and WebKit is not. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_null (dossier_reader_get_web_view (dossier_articles_view_get_reader (f->view)));
  g_assert_true (shows_text (GTK_WIDGET (f->view), "4 articles"));
  g_assert_true (shows_text (GTK_WIDGET (f->view), "Markets tumble on cheap AI"));
  g_assert_true (shows_text (GTK_WIDGET (f->view), "Reuters · Ann Lee · 27 January 2025"));
  g_assert_true (shows_text (GTK_WIDGET (f->view), "Bloomberg · Unknown author · January 2025"));
  g_assert_true (shows_text (GTK_WIDGET (f->view), "Unknown outlet · Unknown author · Unknown date"));
  g_assert_true (shows_text (GTK_WIDGET (f->view), "No headline"));
  g_assert_true (shows_text (GTK_WIDGET (f->view), "1 event · 2 entities"));

  by_date = ids_of (model);
  g_assert_cmpstr (by_date, ==, "day-reuters,day-wired,month-bloomberg,undated-untitled");

  /* The sort menu's action changes the order and the setting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "articles.sort", "s", "title"));
  by_title = ids_of (model);
  g_assert_cmpstr (by_title, ==, "month-bloomberg,undated-untitled,day-wired,day-reuters");
  saved = g_settings_get_string (f->settings, "article-sort");
  g_assert_cmpstr (saved, ==, "title");

  /* And the setting changes the order (it is remembered). */
  g_settings_set_string (f->settings, "article-sort", "outlet");
  by_outlet = ids_of (model);
  g_assert_cmpstr (by_outlet, ==, "month-bloomberg,day-reuters,day-wired,undated-untitled");
}

static void
test_search_and_selection (Fixture       *f,
                           gconstpointer  data)
{
  GListModel *model = dossier_articles_view_get_model (f->view);
  DossierArticle *wired = dossier_store_lookup_article (f->store, "day-wired");
  DossierReader *reader = dossier_articles_view_get_reader (f->view);

  dossier_selection_set_article (f->selection, wired);
  g_assert_cmpstr (selected_id (f), ==, "day-wired");
  g_assert_true (dossier_reader_get_article (reader) == wired);

  /* Sorting keeps the selection. */
  g_settings_set_string (f->settings, "article-sort", "title");
  g_assert_cmpstr (selected_id (f), ==, "day-wired");

  /* A search that still shows it keeps it. */
  dossier_articles_view_set_search (f->view, "nvidia");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (selected_id (f), ==, "day-wired");
  g_assert_true (shows_text (GTK_WIDGET (f->view), "2 of 4 articles"));

  /* A search that hides it: no selection in the list, the reader keeps
   * the article, and the empty list says why. */
  dossier_articles_view_set_search (f->view, "zzz");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (selected_id (f));
  g_assert_true (dossier_reader_get_article (reader) == wired);
  dossier_test_spin_for (50);
  g_assert_true (shows_text (GTK_WIDGET (f->view), "No Matching Articles"));
  g_assert_true (shows_text (GTK_WIDGET (f->view), "No article matches “zzz”."));

  /* Widening again brings the selection back. */
  dossier_articles_view_set_search (f->view, "cafe");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  dossier_articles_view_set_search (f->view, "hangzhou");
  g_assert_cmpstr (selected_id (f), ==, "day-wired");
  dossier_articles_view_set_search (f->view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (selected_id (f), ==, "day-wired");
}

static void
test_entity_chip (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *model = dossier_articles_view_get_model (f->view);
  g_autofree char *ids = NULL;

  dossier_selection_set_entity (f->selection, dossier_store_lookup_entity (f->store, "nvidia"));
  ids = ids_of (model);
  g_assert_cmpstr (ids, ==, "day-reuters,day-wired");
  dossier_test_spin_for (400);
  g_assert_true (shows_text (GTK_WIDGET (f->view), "Mentioning Nvidia"));
  g_assert_true (shows_text (GTK_WIDGET (f->view), "2 of 4 articles"));

  dossier_selection_set_entity (f->selection, dossier_store_lookup_entity (f->store, "nobody"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  dossier_test_spin_for (50);
  g_assert_true (shows_text (GTK_WIDGET (f->view), "No article mentions Nobody Inc."));

  /* Dismissing the chip clears the shared selection's entity. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "articles.clear-entity", NULL));
  g_assert_null (dossier_selection_get_entity (f->selection));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

static void
test_open_renders (Fixture       *f,
                   gconstpointer  data)
{
  DossierReader *reader = dossier_articles_view_get_reader (f->view);
  WebKitWebView *web_view;
  g_autofree char *h1 = NULL, *byline = NULL, *kicker = NULL, *h1_untitled = NULL;

  g_assert_null (dossier_reader_get_web_view (reader));

  /* Selecting a row in the list opens the article. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (dossier_articles_view_get_model (f->view)), 2);
  g_assert_cmpstr (dossier_article_get_id (dossier_selection_get_article (f->selection)), ==, "month-bloomberg");
  web_view = wait_page_ready (f);
  g_assert_nonnull (web_view);

  h1 = dossier_test_run_js_string (web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (h1, ==, "Apple praises efficiency");
  byline = dossier_test_run_js_string (web_view, "document.querySelector('.byline').textContent");
  g_assert_cmpstr (byline, ==, "Bloomberg · Unknown author · January 2025");
  /* Mentions are links to the entities. */
  g_assert_true (dossier_test_run_js_bool (web_view,
                                           "document.querySelector('a.entity').getAttribute('href') === 'dossier:entity/deepseek'"));
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==,
                   dossier_reader_get_page_uri (reader));

  /* An untitled article: the first sentence, said so. */
  dossier_selection_set_article (f->selection, dossier_store_lookup_article (f->store, "undated-untitled"));
  web_view = wait_page_ready (f);
  h1_untitled = dossier_test_run_js_string (web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (h1_untitled, ==, "DeepSeek released R1 on 20 January.");
  kicker = dossier_test_run_js_string (web_view, "document.querySelector('.kicker').textContent");
  g_assert_cmpstr (kicker, ==, "No headline — first sentence");
}

static void
test_search_marks_in_reader (Fixture       *f,
                             gconstpointer  data)
{
  WebKitWebView *web_view;
  g_autofree char *marks = NULL;

  dossier_selection_set_article (f->selection, dossier_store_lookup_article (f->store, "day-reuters"));
  wait_page_ready (f);
  dossier_articles_view_set_search (f->view, "cafe");
  web_view = wait_page_ready (f);
  marks = dossier_test_run_js_string (web_view,
                                      "Array.from(document.querySelectorAll('mark.match')).map(m => m.textContent).join('|')");
  g_assert_cmpstr (marks, ==, "café");
}

static void
test_entity_link (Fixture       *f,
                  gconstpointer  data)
{
  WebKitWebView *web_view;
  DossierEntity *entity;

  dossier_selection_set_article (f->selection, dossier_store_lookup_article (f->store, "day-wired"));
  web_view = wait_page_ready (f);

  /* A click on a mention selects the entity (here without a window
   * action, straight in the shared selection), and the page stays. */
  dossier_test_run_js (web_view, "document.querySelector('a.entity[href=\"dossier:entity/nvidia\"]').click(); true");
  for (guint i = 0; i < 100 && dossier_selection_get_entity (f->selection) == NULL; i++)
    dossier_test_spin_for (20);
  entity = dossier_selection_get_entity (f->selection);
  g_assert_nonnull (entity);
  g_assert_cmpstr (dossier_entity_get_id (entity), ==, "nvidia");
  dossier_test_spin_for (200);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==,
                   dossier_reader_get_page_uri (dossier_articles_view_get_reader (f->view)));
}

static DossierStore *
make_long_store (const char **quote_out,
                 guint       *paragraph_out,
                 gsize       *offset_out)
{
  static const char *quote = "the très long quote — 引用 — sits here";
  GString *json = g_string_new ("{\"format\":\"dossier/1\",\"id\":\"long\",\"title\":\"Long\",\"articles\":["
                                "{\"id\":\"long\",\"title\":\"A long article\",\"body\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DossierStore *store;

  for (guint p = 0; p < 60; p++)
    {
      if (p == 45)
        g_string_append_printf (json, ",\"Paragraph 45 says that %s, in the middle of the text.\"", quote);
      else
        g_string_append_printf (json, "%s\"Paragraph %u is filler text that pushes the quote far down "
                                "the page, so that showing it needs a scroll.\"", p > 0 ? "," : "", p);
    }
  g_string_append (json, "]}]}");
  bytes = g_string_free_to_bytes (json);
  store = dossier_store_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  *quote_out = quote;
  *paragraph_out = 45;
  *offset_out = strlen ("Paragraph 45 says that ");
  return store;
}

static void
fixture_set_up_long (Fixture       *f,
                     gconstpointer  data)
{
  const char *quote;
  guint paragraph;
  gsize offset;

  fixture_set_up_with_store (f, make_long_store (&quote, &paragraph, &offset));
}

static void
test_show_source (Fixture       *f,
                  gconstpointer  data)
{
  const char *quote;
  guint paragraph;
  gsize offset;
  g_autoptr(DossierStore) scratch = make_long_store (&quote, &paragraph, &offset);
  DossierArticle *article = dossier_store_lookup_article (f->store, "long");
  WebKitWebView *web_view;
  g_autofree char *marked = NULL;
  double scroll_y;

  dossier_articles_view_show_source (f->view, article, paragraph, offset, strlen (quote));
  g_assert_true (dossier_selection_get_article (f->selection) == article);
  g_assert_cmpstr (selected_id (f), ==, "long");
  web_view = wait_page_ready (f);

  marked = dossier_test_run_js_string (web_view, "document.getElementById('source').textContent");
  g_assert_cmpstr (marked, ==, quote);
  g_assert_cmpint ((int) dossier_test_run_js_number (web_view, "document.querySelectorAll('mark.source').length"), ==, 1);
  scroll_y = dossier_test_run_js_number (web_view, "window.scrollY");
  g_assert_cmpfloat (scroll_y, >, 100);
  g_assert_true (dossier_test_run_js_bool (web_view,
                                           "var r = document.getElementById('source').getBoundingClientRect();"
                                           "r.top >= 0 && r.bottom <= window.innerHeight"));
  g_test_message ("quote scrolled into view at scrollY %.0f", scroll_y);

  /* Opening it plainly again drops the mark. */
  dossier_articles_view_show_source (f->view, article, 0, 0, 0);
  web_view = wait_page_ready (f);
  g_assert_false (dossier_test_run_js_bool (web_view, "document.getElementById('source') !== null"));
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  WebKitWebView *web_view;

  dossier_selection_set_article (f->selection, dossier_store_lookup_article (f->store, "day-reuters"));
  web_view = wait_page_ready (f);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 1.0, 0.001);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "articles.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "reader-zoom"), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 1.1, 0.001);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "articles.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "articles.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 0.9, 0.001);

  /* The setting drives the view, whoever changes it. */
  g_settings_set_double (f->settings, "reader-zoom", 2.0);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 2.0, 0.001);
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "articles.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 3.0, 0.001);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "articles.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 1.0, 0.001);
}

static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  WebKitWebView *web_view;
  g_autofree char *light_bg = NULL, *dark_bg = NULL;

  dossier_selection_set_article (f->selection, dossier_store_lookup_article (f->store, "day-reuters"));
  web_view = wait_page_ready (f);
  light_bg = dossier_test_run_js_string (web_view, "getComputedStyle(document.documentElement).backgroundColor");
  g_assert_cmpstr (light_bg, ==, "rgb(250, 250, 250)");

  /* Live, without reloading the page. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  dark_bg = dossier_test_run_js_string (web_view, "getComputedStyle(document.documentElement).backgroundColor");
  g_assert_cmpstr (dark_bg, ==, "rgb(36, 36, 36)");
  g_assert_true (dossier_test_run_js_bool (web_view, "document.documentElement.classList.contains('dark')"));

  /* A page made while dark starts dark. */
  dossier_selection_set_article (f->selection, dossier_store_lookup_article (f->store, "day-wired"));
  web_view = wait_page_ready (f);
  g_assert_true (dossier_test_run_js_bool (web_view, "document.documentElement.classList.contains('dark')"));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (dossier_test_run_js_bool (web_view, "document.documentElement.classList.contains('dark')"));
}

static void
test_new_store (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierStore) other = dossier_test_load_data ("articles-small.json");

  dossier_selection_set_article (f->selection, dossier_store_lookup_article (f->store, "day-wired"));
  dossier_articles_view_set_search (f->view, "nvidia");
  wait_page_ready (f);

  /* Opening another dossier leaves nothing of the old one behind. */
  dossier_selection_set_store (f->selection, other);
  g_assert_null (dossier_reader_get_article (dossier_articles_view_get_reader (f->view)));
  g_assert_null (selected_id (f));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_articles_view_get_model (f->view)), ==, 2);

  dossier_selection_set_article (f->selection, dossier_store_lookup_article (other, "day-reuters"));
  g_assert_cmpstr (selected_id (f), ==, "day-reuters");
}

/* ---- the rows on screen as a search changes the list ---------------------------------- */

/* 300 articles, newest first by number: "Article 000" is the newest.
 * Their bodies say "even" or "odd", and "third" for every third. */
static DossierStore *
make_many_store (void)
{
  GString *json = g_string_new ("{\"format\":\"dossier/1\",\"id\":\"many\",\"title\":\"Many\",\"articles\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DossierStore *store;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (json, "%s{\"id\":\"a%03u\",\"title\":\"Article %03u\",\"outlet\":\"Outlet\","
                            "\"published\":\"%04u-01-01\",\"body\":[\"This one is %s%s.\"]}",
                            i > 0 ? "," : "", i, i, 2300 - i, i % 2 == 0 ? "even" : "odd",
                            i % 3 == 0 ? " and third" : "");
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (json);
  store = dossier_store_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return store;
}

static void
fixture_set_up_many (Fixture       *f,
                     gconstpointer  data)
{
  fixture_set_up_with_store (f, make_many_store ());
}

typedef struct
{
  GtkWidget *row;
  double y;
} ShownRow;

static int
compare_shown_rows (gconstpointer a,
                    gconstpointer b)
{
  const ShownRow *x = a, *y = b;

  return x->y < y->y ? -1 : x->y > y->y;
}

/* The rows on screen, top to bottom (each is a list item's child) */
static GArray *
get_shown_rows (Fixture *f)
{
  GtkWidget *grid = dossier_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_GRID_VIEW);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (ShownRow));

  for (GtkWidget *item = gtk_widget_get_first_child (grid); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      graphene_rect_t bounds;

      if (row == NULL || !DOSSIER_IS_ARTICLE_ROW (row) || !gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_bounds (row, grid, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= gtk_widget_get_height (grid))
        continue;
      g_array_append_val (rows, ((ShownRow) { row, bounds.origin.y }));
    }
  g_array_sort (rows, compare_shown_rows);

  return rows;
}

/* The text of the first of @row's labels: the title */
static const char *
row_title (GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (DOSSIER_IS_ROW_LABEL (child))
      return dossier_row_label_get_text (DOSSIER_ROW_LABEL (child));
  return NULL;
}

/* What is on screen is the list: articles that follow each other in it,
 * each with its own title, and the selected one, and only it, shown
 * selected.  Returns the position of the first. */
static guint
assert_rows_show_list (Fixture *f)
{
  GListModel *model = dossier_articles_view_get_model (f->view);
  gpointer selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
  g_autoptr(GArray) rows = NULL;
  guint first = GTK_INVALID_LIST_POSITION;

  dossier_test_spin_for (50);
  rows = get_shown_rows (f);
  g_assert_cmpuint (rows->len, >=, MIN (3, g_list_model_get_n_items (model)));

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_array_index (rows, ShownRow, i).row;
      DossierArticle *article = dossier_article_row_get_article (DOSSIER_ARTICLE_ROW (row));
      g_autoptr(DossierArticle) expected = NULL;
      gboolean shown_selected = (gtk_widget_get_state_flags (gtk_widget_get_parent (row)) & GTK_STATE_FLAG_SELECTED) != 0;

      g_assert_nonnull (article);
      if (i == 0)
        for (guint p = 0; p < g_list_model_get_n_items (model) && first == GTK_INVALID_LIST_POSITION; p++)
          {
            g_autoptr(DossierArticle) item = g_list_model_get_item (model, p);

            if (item == article)
              first = p;
          }
      g_assert_cmpuint (first, !=, GTK_INVALID_LIST_POSITION);
      expected = g_list_model_get_item (model, first + i);
      g_assert_true (article == expected);
      g_assert_cmpstr (row_title (row), ==, dossier_article_get_display_title (article));
      g_assert_cmpint (shown_selected, ==, (gpointer) article == selected);
    }

  return first;
}

static void
test_rows_follow_search (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *model = dossier_articles_view_get_model (f->view);
  static const char * const typed[] = { "o", "od", "odd", "od", "o", "", "t", "th", "third", "thi", "even third", "third", NULL };

  dossier_test_wait_until_drawn (GTK_WIDGET (f->view));
  g_assert_cmpuint (assert_rows_show_list (f), ==, 0);

  /* The list's head changes as a search is typed and erased. */
  dossier_selection_set_article (f->selection, dossier_store_lookup_article (f->store, "a006"));
  for (guint i = 0; typed[i] != NULL; i++)
    {
      dossier_articles_view_set_search (f->view, typed[i]);
      g_test_message ("\"%s\": %u articles", typed[i], g_list_model_get_n_items (model));
      g_assert_cmpuint (assert_rows_show_list (f), ==, 0);
    }
  g_assert_cmpstr (selected_id (f), ==, "a006");

  /* Picked in the list, as a click or the keyboard does: the list's
   * selection, and the reader, follow. */
  {
    GtkWidget *grid = dossier_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_GRID_VIEW);
    g_autoptr(DossierArticle) third = g_list_model_get_item (model, 3);

    g_assert_true (gtk_widget_activate_action (grid, "list.select-item", "(ubb)", 3, FALSE, FALSE));
    g_assert_cmpstr (selected_id (f), ==, dossier_article_get_id (third));
    g_assert_true (dossier_reader_get_article (dossier_articles_view_get_reader (f->view)) == third);
    assert_rows_show_list (f);
  }
}

static void
test_rows_follow_search_scrolled (Fixture       *f,
                                  gconstpointer  data)
{
  GListModel *model = dossier_articles_view_get_model (f->view);
  GtkWidget *grid = dossier_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_GRID_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  g_autoptr(GArray) rows = NULL;
  DossierArticle *kept;
  gboolean kept_shown = FALSE;
  guint first;

  /* Scrolled a good way down, to an odd article on screen */
  dossier_test_wait_until_drawn (GTK_WIDGET (f->view));
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) * 0.6);
  first = assert_rows_show_list (f);
  g_assert_cmpuint (first, >, 100);
  rows = get_shown_rows (f);
  kept = dossier_article_row_get_article (DOSSIER_ARTICLE_ROW (g_array_index (rows, ShownRow, 1).row));
  if (atoi (dossier_article_get_id (kept) + 1) % 2 == 0)
    kept = dossier_article_row_get_article (DOSSIER_ARTICLE_ROW (g_array_index (rows, ShownRow, 2).row));
  g_assert_cmpint (atoi (dossier_article_get_id (kept) + 1) % 2, ==, 1);
  g_clear_pointer (&rows, g_array_unref);

  /* A search that keeps it keeps it on screen: the list does not jump. */
  dossier_articles_view_set_search (f->view, "odd");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 150);
  assert_rows_show_list (f);
  rows = get_shown_rows (f);
  for (guint i = 0; i < rows->len; i++)
    kept_shown |= dossier_article_row_get_article (DOSSIER_ARTICLE_ROW (g_array_index (rows, ShownRow, i).row)) == kept;
  g_assert_true (kept_shown);
  g_clear_pointer (&rows, g_array_unref);

  /* Fewer articles than the place it was at: still a list on screen. */
  dossier_articles_view_set_search (f->view, "odd third");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);
  assert_rows_show_list (f);
  dossier_articles_view_set_search (f->view, NULL);
  assert_rows_show_list (f);
}

/* The height of @label at 200 pixels wide */
static int
label_height (DossierRowLabel *label)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, 200, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return natural;
}

/* Labels that trade texts trade layouts (see dossier-row-label.c): each is
 * still the height of its own text. */
static void
test_row_labels_trade_texts (void)
{
  static const char *short_text = "A short title";
  static const char *long_text = "A title long enough to wrap onto more lines than one at the narrow width "
                                 "these labels are given, and to be cut short after the third of them";
  DossierRowLabel *labels[2];
  int short_height, long_height;

  for (guint i = 0; i < 2; i++)
    {
      labels[i] = DOSSIER_ROW_LABEL (g_object_ref_sink (dossier_row_label_new ()));
      dossier_row_label_set_lines (labels[i], 3);
    }
  dossier_row_label_set_text (labels[0], short_text);
  dossier_row_label_set_text (labels[1], long_text);
  short_height = label_height (labels[0]);
  long_height = label_height (labels[1]);
  g_assert_cmpint (long_height, >, short_height);

  for (guint round = 0; round < 4; round++)
    {
      /* Let go of both, then trade, as the rows of the list do */
      dossier_row_label_set_text (labels[round % 2], NULL);
      dossier_row_label_set_text (labels[1 - round % 2], NULL);
      dossier_row_label_set_text (labels[0], round % 2 == 0 ? long_text : short_text);
      dossier_row_label_set_text (labels[1], round % 2 == 0 ? short_text : long_text);
      g_assert_cmpint (label_height (labels[0]), ==, round % 2 == 0 ? long_height : short_height);
      g_assert_cmpint (label_height (labels[1]), ==, round % 2 == 0 ? short_height : long_height);
    }

  g_object_unref (labels[0]);
  g_object_unref (labels[1]);
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_init (&argc, &argv);
  adw_init ();

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/articles-view/list-and-sort", test_list_and_sort);
  ADD ("/articles-view/search-and-selection", test_search_and_selection);
  ADD ("/articles-view/entity-chip", test_entity_chip);
  ADD ("/articles-view/open-renders", test_open_renders);
  ADD ("/articles-view/search-marks", test_search_marks_in_reader);
  ADD ("/articles-view/entity-link", test_entity_link);
  ADD ("/articles-view/zoom", test_zoom);
  ADD ("/articles-view/dark", test_dark);
  ADD ("/articles-view/new-store", test_new_store);
#undef ADD
  g_test_add ("/articles-view/show-source", Fixture, NULL, fixture_set_up_long, test_show_source, fixture_tear_down);
  g_test_add_func ("/articles-view/row-labels-trade-texts", test_row_labels_trade_texts);
  g_test_add ("/articles-view/rows-follow-search", Fixture, NULL, fixture_set_up_many, test_rows_follow_search,
              fixture_tear_down);
  g_test_add ("/articles-view/rows-follow-search-scrolled", Fixture, NULL, fixture_set_up_many,
              test_rows_follow_search_scrolled, fixture_tear_down);

  return g_test_run ();
}
