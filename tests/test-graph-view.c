/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Relationships view with the default dossier, in a window of its own:
 * the window's `win` actions are stood in for by a test action group that
 * records what the view asks for (`win.show-source`, `win.show-item`), and
 * the quote a source asks to show is checked against the article text. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "dossier-application.h"
#include "dossier-graph-view.h"
#include "dossier-graph.h"
#include "dossier-model.h"
#include "dossier-selection.h"
#include "dossier-test-utils.h"
#include "dossier-window.h"

typedef struct
{
  GtkWindow          *window;
  DossierStore       *store;
  DossierSelection   *selection;
  GtkWidget          *view;
  DossierGraph       *graph;
  GSimpleActionGroup *win_actions;

  DossierTestShownSource shown_source;
  guint   n_show_item;
  char   *item_kind;
  char   *item_id;
} Fixture;

static void
show_source_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;

  dossier_test_shown_source_record (&f->shown_source, parameter);
}

static void
show_item_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  Fixture *f = user_data;

  f->n_show_item++;
  g_clear_pointer (&f->item_kind, g_free);
  g_clear_pointer (&f->item_id, g_free);
  g_variant_get (parameter, "(ss)", &f->item_kind, &f->item_id);
}

static void
wait_until_drawn (Fixture *f)
{
  /* Let the window map, allocate and draw. */
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  for (gint64 end = g_get_monotonic_time () + 200 * 1000; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GSimpleAction *action;

  f->store = dossier_test_load_default_dossier ();

  f->selection = dossier_selection_new ();
  dossier_selection_set_store (f->selection, f->store);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->win_actions = g_simple_action_group_new ();
  action = g_simple_action_new ("show-source", G_VARIANT_TYPE ("(sutt)"));
  g_signal_connect (action, "activate", G_CALLBACK (show_source_cb), f);
  g_action_map_add_action (G_ACTION_MAP (f->win_actions), G_ACTION (action));
  g_object_unref (action);
  action = g_simple_action_new ("show-item", G_VARIANT_TYPE ("(ss)"));
  g_signal_connect (action, "activate", G_CALLBACK (show_item_cb), f);
  g_action_map_add_action (G_ACTION_MAP (f->win_actions), G_ACTION (action));
  g_object_unref (action);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (f->win_actions));

  f->view = dossier_graph_view_new (f->selection);
  f->graph = DOSSIER_GRAPH (dossier_graph_view_get_graph (DOSSIER_GRAPH_VIEW (f->view)));
  gtk_window_set_child (f->window, f->view);
  gtk_window_present (f->window);
  wait_until_drawn (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->win_actions);
  g_clear_object (&f->selection);
  g_clear_object (&f->store);
  dossier_test_shown_source_clear (&f->shown_source);
  g_clear_pointer (&f->item_kind, g_free);
  g_clear_pointer (&f->item_id, g_free);
}

/* Every descendant of @root that has @css_class, in tree order. */
static void
collect (GtkWidget  *root,
         const char *css_class,
         GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, css_class))
        g_ptr_array_add (found, child);
      collect (child, css_class, found);
    }
}

static guint
count_kind (DossierStore      *store,
            DossierEntityKind  kind)
{
  GListModel *entities = dossier_store_get_entities (store);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);

      count += dossier_entity_get_kind (entity) == kind;
    }

  return count;
}

static void
test_default_companies (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *relations = dossier_store_get_relations (f->store);
  guint between_companies = 0;
  DossierEntity *deepseek = dossier_store_lookup_entity (f->store, "deepseek");
  DossierEntity *sam = dossier_store_lookup_entity (f->store, "sam-altman");
  double x, y;

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(DossierRelation) relation = g_list_model_get_item (relations, i);

      between_companies += dossier_entity_get_kind (dossier_relation_get_from (relation)) == DOSSIER_ENTITY_KIND_COMPANY &&
                           dossier_entity_get_kind (dossier_relation_get_to (relation)) == DOSSIER_ENTITY_KIND_COMPANY;
    }

  /* Companies and the relations between them, and nothing else. */
  g_assert_cmpuint (dossier_graph_get_n_nodes (f->graph), ==, count_kind (f->store, DOSSIER_ENTITY_KIND_COMPANY));
  g_assert_cmpuint (dossier_graph_get_n_edges (f->graph), ==, between_companies);
  g_assert_true (dossier_graph_contains (f->graph, deepseek));
  g_assert_false (dossier_graph_contains (f->graph, sam));

  /* Laid out and fitted: DeepSeek is on screen. */
  g_assert_false (dossier_graph_get_busy (f->graph));
  g_assert_true (dossier_graph_get_node_position (f->graph, deepseek, &x, &y));
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (f->graph)));
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (f->graph)));
}

static void
test_detail_sources (Fixture       *f,
                     gconstpointer  data)
{
  DossierEntity *deepseek = dossier_store_lookup_entity (f->store, "deepseek");
  GListModel *relations = dossier_store_get_entity_relations (f->store, deepseek);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n_article_sources = 0;
  DossierSource *source;

  dossier_selection_set_entity (f->selection, deepseek);
  wait_until_drawn (f);

  /* The graph follows the shared selection. */
  g_assert_true (dossier_graph_get_selected (f->graph) == deepseek);

  /* One row per relation, in both directions, each with its sources. */
  collect (f->view, "graph-relation", rows);
  g_assert_cmpuint (g_list_model_get_n_items (relations), >, 5);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (relations));

  for (guint i = 0; i < rows->len; i++)
    {
      DossierRelation *relation = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "dossier-relation");
      GListModel *sources = dossier_relation_get_sources (relation);
      g_autoptr(GPtrArray) in_row = g_ptr_array_new ();
      g_autoptr(GPtrArray) refs = g_ptr_array_new ();

      g_assert_true (dossier_relation_get_from (relation) == deepseek || dossier_relation_get_to (relation) == deepseek);
      collect (g_ptr_array_index (rows, i), "graph-source", in_row);
      collect (g_ptr_array_index (rows, i), "graph-reference", refs);
      g_assert_cmpuint (in_row->len + refs->len, ==, g_list_model_get_n_items (sources));
      g_assert_cmpuint (g_list_model_get_n_items (sources), >, 0);

      for (guint s = 0; s < g_list_model_get_n_items (sources); s++)
        {
          g_autoptr(DossierSource) item = g_list_model_get_item (sources, s);

          n_article_sources += !dossier_source_is_reference (item);
        }
    }

  collect (f->view, "graph-source", buttons);
  g_assert_cmpuint (buttons->len, ==, n_article_sources);
  g_assert_cmpuint (buttons->len, >, 0);

  /* Activating a source opens its article at the quote. */
  source = g_object_get_data (G_OBJECT (g_ptr_array_index (buttons, 0)), "dossier-source");
  g_assert_true (DOSSIER_IS_SOURCE (source));
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  g_assert_cmpuint (f->shown_source.n_shown, ==, 1);
  dossier_test_assert_shown_source (&f->shown_source, source);
}

static void
activate_row_of_kind (Fixture    *f,
                      const char *kind)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect (f->view, "boxed-list", lists);
  for (guint i = 0; i < lists->len; i++)
    for (GtkWidget *row = gtk_widget_get_first_child (g_ptr_array_index (lists, i)); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "dossier-kind"), kind) == 0)
        {
          g_signal_emit_by_name (g_ptr_array_index (lists, i), "row-activated", row);
          return;
        }

  g_assert_not_reached ();
}

static void
test_detail_events_articles (Fixture       *f,
                             gconstpointer  data)
{
  DossierEntity *deepseek = dossier_store_lookup_entity (f->store, "deepseek");
  GListModel *events = dossier_store_get_entity_events (f->store, deepseek);
  GListModel *articles = dossier_store_get_entity_articles (f->store, deepseek);

  dossier_selection_set_entity (f->selection, deepseek);
  wait_until_drawn (f);

  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  activate_row_of_kind (f, "event");
  g_assert_cmpuint (f->n_show_item, ==, 1);
  g_assert_cmpstr (f->item_kind, ==, "event");
  {
    g_autoptr(DossierEvent) first = g_list_model_get_item (events, 0);

    g_assert_cmpstr (f->item_id, ==, dossier_event_get_id (first));
  }

  g_assert_cmpuint (g_list_model_get_n_items (articles), >, 0);
  activate_row_of_kind (f, "article");
  g_assert_cmpuint (f->n_show_item, ==, 2);
  g_assert_cmpstr (f->item_kind, ==, "article");
  g_assert_nonnull (dossier_store_lookup_article (f->store, f->item_id));
}

static void
test_selection_elsewhere (Fixture       *f,
                          gconstpointer  data)
{
  DossierEntity *sam = dossier_store_lookup_entity (f->store, "sam-altman");
  DossierEntity *openai = dossier_store_lookup_entity (f->store, "openai");
  double x, y;

  /* A person, hidden by default: choosing it elsewhere shows people. */
  dossier_selection_set_entity (f->selection, sam);
  wait_until_drawn (f);
  g_assert_true (dossier_graph_contains (f->graph, sam));
  g_assert_true (dossier_graph_get_selected (f->graph) == sam);
  g_assert_cmpuint (dossier_graph_get_n_nodes (f->graph), ==,
                    count_kind (f->store, DOSSIER_ENTITY_KIND_COMPANY) + count_kind (f->store, DOSSIER_ENTITY_KIND_PERSON));

  /* ...and centres it. */
  g_assert_true (dossier_graph_get_node_position (f->graph, sam, &x, &y));
  g_assert_cmpfloat (fabs (x - gtk_widget_get_width (GTK_WIDGET (f->graph)) / 2.0), <, 2);
  g_assert_cmpfloat (fabs (y - gtk_widget_get_height (GTK_WIDGET (f->graph)) / 2.0), <, 2);

  /* Selecting in the graph sets the shared selection. */
  dossier_graph_set_selected (f->graph, openai);
  g_assert_true (dossier_selection_get_entity (f->selection) == openai);

  dossier_selection_set_entity (f->selection, NULL);
  g_assert_null (dossier_graph_get_selected (f->graph));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = NULL;

  /* The search entry is the first GtkSearchEntry of the view. */
  for (GtkWidget *w = gtk_widget_get_first_child (f->view); w != NULL;)
    {
      if (GTK_IS_SEARCH_ENTRY (w))
        {
          entry = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (entry);

  /* By alias. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "High-Flyer Capital");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (dossier_selection_get_entity (f->selection) == dossier_store_lookup_entity (f->store, "high-flyer"));

  /* By name, ignoring case; a product, so products get shown. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "chatgpt");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (dossier_selection_get_entity (f->selection) == dossier_store_lookup_entity (f->store, "chatgpt"));
  g_assert_true (dossier_graph_contains (f->graph, dossier_store_lookup_entity (f->store, "chatgpt")));

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such thing at all");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
}

static void
test_store_change (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DossierStore) empty = dossier_store_new_empty ();

  dossier_selection_set_entity (f->selection, dossier_store_lookup_entity (f->store, "deepseek"));
  dossier_selection_set_store (f->selection, empty);
  wait_until_drawn (f);
  g_assert_cmpuint (dossier_graph_get_n_nodes (f->graph), ==, 0);
  g_assert_null (dossier_graph_get_selected (f->graph));

  dossier_selection_set_store (f->selection, f->store);
  wait_until_drawn (f);
  g_assert_cmpuint (dossier_graph_get_n_nodes (f->graph), ==, count_kind (f->store, DOSSIER_ENTITY_KIND_COMPANY));
}

/* The whole way, in the real window: what `dossier --entity=deepseek`
 * does (win.show-item), then a source followed into the Articles view. */
static void
test_window (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  DossierWindow *window;
  DossierSelection *selection;
  GtkWidget *view;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  DossierSource *source;
  DossierEntity *deepseek;

  window = dossier_test_new_window (app);
  selection = dossier_window_get_selection (window);

  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       dossier_store_lookup_entity (dossier_selection_get_store (selection), "deepseek") == NULL &&
       g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);

  /* The window makes a view the first time it is shown. */
  dossier_window_show_view (window, "relationships");
  view = dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_GRAPH_VIEW);
  if (view == NULL)
    {
      g_test_skip ("The Relationships view is not in the window yet");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "(ss)", "entity", "deepseek"));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  deepseek = dossier_store_lookup_entity (dossier_selection_get_store (selection), "deepseek");
  g_assert_nonnull (deepseek);
  g_assert_cmpstr (dossier_window_get_view (window), ==, "relationships");
  g_assert_true (dossier_graph_get_selected (DOSSIER_GRAPH (dossier_graph_view_get_graph (DOSSIER_GRAPH_VIEW (view)))) == deepseek);

  collect (view, "graph-source", buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  source = g_object_get_data (G_OBJECT (g_ptr_array_index (buttons, 0)), "dossier-source");
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpstr (dossier_window_get_view (window), ==, "articles");
  g_assert_true (dossier_selection_get_article (selection) == dossier_source_get_article (source));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/graph-view/default-companies", Fixture, NULL, fixture_set_up, test_default_companies, fixture_tear_down);
  g_test_add ("/graph-view/detail-sources", Fixture, NULL, fixture_set_up, test_detail_sources, fixture_tear_down);
  g_test_add ("/graph-view/detail-events-articles", Fixture, NULL, fixture_set_up, test_detail_events_articles, fixture_tear_down);
  g_test_add ("/graph-view/selection-elsewhere", Fixture, NULL, fixture_set_up, test_selection_elsewhere, fixture_tear_down);
  g_test_add ("/graph-view/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/graph-view/store-change", Fixture, NULL, fixture_set_up, test_store_change, fixture_tear_down);
  g_test_add_func ("/graph-view/window", test_window);

  return g_test_run ();
}
