/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Timeline view with the default dossier, in a window of its own: the
 * window's `win` actions are stood in for by a test action group that
 * records what the view asks for (`win.show-source`, `win.select-entity`),
 * and the quote it asks to show is checked against the article text. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dossier-event-private.h"
#include "dossier-model.h"
#include "dossier-selection.h"
#include "dossier-test-utils.h"
#include "dossier-timeline-private.h"
#include "dossier-timeline-view.h"

typedef struct
{
  GtkWindow *window;
  DossierStore *store;
  DossierSelection *selection;
  GtkWidget *view;
  GSimpleActionGroup *win_actions;

  DossierTestShownSource shown_source;
  char *selected_entity;
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
select_entity_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->selected_entity);
  f->selected_entity = g_variant_dup_string (parameter, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const GActionEntry entries[] = {
    { "show-source", show_source_cb, "(sutt)" },
    { "select-entity", select_entity_cb, "s" },
  };
  gboolean empty = GPOINTER_TO_INT (data);

  f->store = empty ? dossier_store_new_empty () : dossier_test_load_default_dossier ();
  f->selection = dossier_selection_new ();
  dossier_selection_set_store (f->selection, f->store);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1300, 800);
  f->win_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (f->win_actions), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (f->win_actions));

  f->view = dossier_timeline_view_new (f->selection);
  gtk_window_set_child (f->window, f->view);
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
  g_clear_pointer (&f->selected_entity, g_free);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

/* All the text of the labels under @root, one per line. */
static void
collect_text (GtkWidget *root,
              GString   *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      collect_text (child, text);
    }
}

static DossierTimeline *
get_timeline (Fixture *f)
{
  GtkWidget *timeline = dossier_test_find_widget (f->view, DOSSIER_TYPE_TIMELINE);

  g_assert_nonnull (timeline);
  return DOSSIER_TIMELINE (timeline);
}

/* As `win.show-item` does: pick an event in the shared selection, then
 * show the view. */
static void
test_select_event (Fixture       *f,
                   gconstpointer  data)
{
  DossierEvent *event = dossier_store_lookup_event (f->store, "deepseek-r1-release");
  GListModel *sources = dossier_event_get_sources (event);
  DossierTimeline *timeline = get_timeline (f);
  GtkWidget *title, *sources_list;
  g_autoptr(GString) detail = g_string_new (NULL);
  guint n_rows = 0, n_quotes = 0;
  double x;

  g_assert_nonnull (event);
  dossier_selection_set_event (f->selection, event);
  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  /* The canvas selected it and has its marker on screen, not in a cluster. */
  g_assert_true (dossier_timeline_get_selected (timeline) == event);
  x = dossier_timeline_get_event_x (timeline, event);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (timeline)));
  {
    DossierTimelineLayout *layout = dossier_timeline_get_layout (timeline);
    GListModel *events = dossier_store_get_events (f->store);
    const DossierTimelineElement *elements;
    guint n, index = G_MAXUINT;
    int e;

    /* The canvas was given the store's events: item i is event i. */
    for (guint i = 0; i < g_list_model_get_n_items (events) && index == G_MAXUINT; i++)
      {
        g_autoptr(DossierEvent) other = g_list_model_get_item (events, i);

        if (other == event)
          index = i;
      }
    elements = dossier_timeline_layout_get_frame (layout, &n);
    e = dossier_timeline_layout_find_element (layout, index);
    g_assert_cmpint (e, >=, 0);
    g_assert_cmpint (elements[e].kind, ==, DOSSIER_TIMELINE_ELEMENT_ITEM);
    g_assert_cmpuint (elements[e].item, ==, index);
  }

  /* The detail pane: title, date at its precision, category, sources. */
  title = find_named (f->view, "timeline-detail-title");
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, dossier_event_get_title (event));
  collect_text (f->view, detail);
  {
    g_autofree char *date = dossier_date_format (dossier_event_get_date (event));

    g_assert_nonnull (strstr (detail->str, date));
  }
  g_assert_nonnull (strstr (detail->str, dossier_event_category_get_label (dossier_event_get_category (event))));

  sources_list = find_named (f->view, "timeline-sources");
  g_assert_nonnull (sources_list);
  for (GtkWidget *row = gtk_widget_get_first_child (sources_list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n_rows++;
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (sources));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

      if (dossier_source_is_reference (source))
        {
          /* Shown as such, with its text. */
          g_assert_nonnull (strstr (detail->str, dossier_source_get_reference (source)));
          continue;
        }
      n_quotes++;
      g_assert_nonnull (strstr (detail->str, dossier_source_get_quote (source)));
      g_assert_nonnull (strstr (detail->str, dossier_article_get_display_title (dossier_source_get_article (source))));
    }
  g_assert_cmpuint (n_quotes, >, 0);
}

static void
test_activate_source (Fixture       *f,
                      gconstpointer  data)
{
  DossierEvent *event = dossier_store_lookup_event (f->store, "nvidia-premarket-drop");
  GListModel *sources = dossier_event_get_sources (event);
  GtkWidget *sources_list;
  guint index = 0;

  dossier_selection_set_event (f->selection, event);
  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  sources_list = find_named (f->view, "timeline-sources");
  g_assert_nonnull (sources_list);

  for (GtkWidget *row = gtk_widget_get_first_child (sources_list); row != NULL; row = gtk_widget_get_next_sibling (row), index++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, index);
      guint before = f->shown_source.n_shown;

      g_assert_true (GTK_IS_LIST_BOX_ROW (row));
      g_signal_emit_by_name (sources_list, "row-activated", row);

      if (dossier_source_is_reference (source))
        {
          g_assert_cmpuint (f->shown_source.n_shown, ==, before);
          continue;
        }

      /* `win.show-source` with the article and the place of the quote,
       * which is where the quote is in that article's text. */
      g_assert_cmpuint (f->shown_source.n_shown, ==, before + 1);
      dossier_test_assert_shown_source (&f->shown_source, source);
    }
  g_assert_cmpuint (f->shown_source.n_shown, >, 0);
}

static void
test_entities (Fixture       *f,
               gconstpointer  data)
{
  DossierEvent *event = dossier_store_lookup_event (f->store, "deepseek-r1-release");
  DossierEntity *entity = dossier_store_lookup_entity (f->store, "deepseek");
  DossierTimeline *timeline = get_timeline (f);
  DossierTimelineLayout *layout = dossier_timeline_get_layout (timeline);
  GListModel *events = dossier_store_get_events (f->store);
  GListModel *entity_events = dossier_store_get_entity_events (f->store, entity);
  GtkWidget *button = NULL;
  guint n_emphasized = 0;

  dossier_selection_set_event (f->selection, event);
  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  /* An entity button of the detail pane selects the entity app-wide. */
  for (GtkWidget *w = dossier_test_find_widget (f->view, GTK_TYPE_FLOW_BOX); w != NULL && button == NULL; w = NULL)
    button = dossier_test_find_widget (w, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_nonnull (f->selected_entity);
  g_assert_nonnull (dossier_store_lookup_entity (f->store, f->selected_entity));

  /* With an entity selected, its events stand out. */
  dossier_selection_set_entity (f->selection, entity);
  g_assert_true (dossier_timeline_layout_has_emphasis (layout));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    n_emphasized += dossier_timeline_layout_is_emphasized (layout, i);
  g_assert_cmpuint (n_emphasized, ==, g_list_model_get_n_items (entity_events));
  g_assert_cmpuint (n_emphasized, >, 0);

  dossier_selection_set_entity (f->selection, NULL);
  g_assert_false (dossier_timeline_layout_has_emphasis (layout));
}

/* Keyboard order and the accessible announcement of the selection. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  DossierTimeline *timeline = get_timeline (f);
  GListModel *events = dossier_store_get_events (f->store);
  g_autoptr(DossierEvent) first = g_list_model_get_item (events, 0);

  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (timeline)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (timeline)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (timeline)), ==, GTK_ACCESSIBLE_ROLE_GROUP);

  /* Enter with nothing selected picks the first event, which the shared
   * selection follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom-fit", NULL));
  dossier_timeline_set_selected (timeline, first);
  g_assert_true (dossier_selection_get_event (f->selection) == first);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *status;

  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  status = dossier_test_find_widget (f->view, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
}

/* The whole way, in the real window: what `dossier --event=ID` does
 * (win.show-item), the detail pane, then a source followed into the
 * Articles view, which marks the quote. */
static void
test_window (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  DossierWindow *window = dossier_test_new_window (app);
  DossierSelection *selection = dossier_window_get_selection (window);
  DossierEvent *event;
  GListModel *sources;
  GtkWidget *title, *sources_list, *row;
  guint index = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "(ss)",
                                             "event", "deepseek-r1-release"));
  dossier_test_wait_until_drawn (GTK_WIDGET (window));

  event = dossier_store_lookup_event (dossier_selection_get_store (selection), "deepseek-r1-release");
  g_assert_nonnull (event);
  g_assert_cmpstr (dossier_window_get_view (window), ==, "timeline");
  g_assert_true (dossier_selection_get_event (selection) == event);

  title = find_named (GTK_WIDGET (window), "timeline-detail-title");
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, dossier_event_get_title (event));

  /* The first source that quotes an article, not the public record. */
  sources = dossier_event_get_sources (event);
  sources_list = find_named (GTK_WIDGET (window), "timeline-sources");
  g_assert_nonnull (sources_list);
  for (row = gtk_widget_get_first_child (sources_list); row != NULL; row = gtk_widget_get_next_sibling (row), index++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, index);

      if (dossier_source_is_reference (source))
        continue;

      g_signal_emit_by_name (sources_list, "row-activated", row);
      dossier_test_spin_for (100);
      g_assert_true (dossier_selection_get_article (selection) == dossier_source_get_article (source));
      dossier_test_assert_reader_shows_quote (window, dossier_source_get_quote (source));
      break;
    }
  g_assert_nonnull (row);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the canvas alone, with events made here ------------------------------- */

static GListModel *
make_events (const char * const *titles,
             guint               n_titles,
             guint               n)
{
  GListStore *store = g_list_store_new (DOSSIER_TYPE_EVENT);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDate) date = NULL;
      g_autoptr(DossierEvent) event = NULL;
      g_autofree char *id = g_strdup_printf ("event-%u", i);

      /* In date order, so event 0 is the earliest, over four years. */
      date = dossier_date_new (2020 + i * 4 / n, 1 + (i * 48 / n) % 12, 1 + g_rand_int_range (rand, 0, 28),
                               FALSE);
      event = dossier_event_new (id, date, titles[i % n_titles], NULL,
                                 i % DOSSIER_N_EVENT_CATEGORIES, none, none);
      g_list_store_append (store, event);
    }
  return G_LIST_MODEL (store);
}

static GskRenderNode *
render (DossierTimeline *timeline)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  dossier_timeline_render (timeline, snapshot, 1000, 560);
  return gtk_snapshot_free_to_node (snapshot);
}

/* What the transform nodes of a frame place: its elements. */
static void
collect_placed (GskRenderNode *node,
                GHashTable    *placed)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_placed (gsk_container_node_get_child (node, i), placed);
      break;
    case GSK_TRANSFORM_NODE:
      g_hash_table_add (placed, gsk_transform_node_get_child (node));
      collect_placed (gsk_transform_node_get_child (node), placed);
      break;
    case GSK_CLIP_NODE:
      collect_placed (gsk_clip_node_get_child (node), placed);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_placed (gsk_rounded_clip_node_get_child (node), placed);
      break;
    default:
      break;
    }
}

/* A title is shortened to the room it has, with an ellipsis, whichever
 * way its script runs; Pango does not lay an LTR one out again for that. */
static void
test_label_fit (void)
{
  static const char * const titles[] = {
    "DeepSeek releases R1, an open reasoning model that rivals the best",
    "إطلاق نموذج جديد للذكاء الاصطناعي من شركة ديب سيك",
    "DeepSeek يطلق نموذج R1 مفتوح المصدر",
  };
  g_autoptr(GListModel) events = make_events (titles, G_N_ELEMENTS (titles), G_N_ELEMENTS (titles));
  GtkWidget *timeline = g_object_ref_sink (dossier_timeline_new ());

  dossier_timeline_set_events (DOSSIER_TIMELINE (timeline), events);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);
      int natural = dossier_timeline_get_label_width (DOSSIER_TIMELINE (timeline), event, -1);
      int previous = natural;

      g_assert_cmpint (natural, >, 100);
      g_assert_cmpint (dossier_timeline_get_label_width (DOSSIER_TIMELINE (timeline), event, natural), ==, natural);
      g_assert_cmpint (dossier_timeline_get_label_width (DOSSIER_TIMELINE (timeline), event, natural + 50), ==, natural);
      for (int room = natural - 1; room >= 30; room -= 7)
        {
          int width = dossier_timeline_get_label_width (DOSSIER_TIMELINE (timeline), event, room);

          g_assert_cmpint (width, >, 0);
          g_assert_cmpint (width, <=, room);
          g_assert_cmpint (width, <=, previous);
          previous = width;
        }
    }

  g_object_unref (timeline);
}

/* Panning draws no element anew: the frame after a pan places the same
 * nodes, each drawn once, at new places. */
static void
test_pan_reuses_nodes (void)
{
  static const char * const titles[] = { "Short", "A somewhat longer title", "Model", "Shares fall as investors question spending" };
  g_autoptr(GListModel) events = make_events (titles, G_N_ELEMENTS (titles), 3000);
  GtkWidget *timeline = g_object_ref_sink (dossier_timeline_new ());
  g_autoptr(GHashTable) before = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) after = g_hash_table_new (NULL, NULL);
  DossierTimelineViewport vp;
  GskRenderNode *first, *second;
  GHashTableIter iter;
  gpointer node;
  guint kept = 0;

  dossier_timeline_set_events (DOSSIER_TIMELINE (timeline), events);
  dossier_timeline_get_viewport (DOSSIER_TIMELINE (timeline), &vp);
  vp.width = 1000;
  vp.scale = vp.width / (60.0 * DOSSIER_TIMELINE_DAY);
  vp.start = dossier_timeline_time_from_civil (2022, 3, 1);
  dossier_timeline_set_viewport (DOSSIER_TIMELINE (timeline), &vp);

  first = render (DOSSIER_TIMELINE (timeline));
  dossier_timeline_viewport_pan (&vp, -5);
  dossier_timeline_set_viewport (DOSSIER_TIMELINE (timeline), &vp);
  second = render (DOSSIER_TIMELINE (timeline));
  g_assert_nonnull (first);
  g_assert_nonnull (second);

  collect_placed (first, before);
  collect_placed (second, after);
  g_assert_cmpuint (g_hash_table_size (after), >, 50);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &node, NULL))
    kept += g_hash_table_contains (before, node);
  /* All but what came into view at the edges. */
  g_assert_cmpuint (kept, >=, g_hash_table_size (after) * 9 / 10);
  gsk_render_node_unref (first);
  gsk_render_node_unref (second);

  /* Sweeps over all four years show more events than the widget keeps:
   * what went out of view makes way, and the frames go on. */
  vp.start = dossier_timeline_time_from_civil (2020, 1, 1);
  for (guint i = 0; i < 360; i++)
    {
      GskRenderNode *frame;

      dossier_timeline_viewport_pan (&vp, (i / 60) % 2 == 0 ? -400 : 400);
      dossier_timeline_set_viewport (DOSSIER_TIMELINE (timeline), &vp);
      frame = render (DOSSIER_TIMELINE (timeline));
      g_assert_nonnull (frame);
      gsk_render_node_unref (frame);
    }

  g_object_unref (timeline);
}

/* In a right-to-left locale time runs from the right: the same frame,
 * mirrored, with the earliest event rightmost. */
static void
test_rtl (void)
{
  static const char * const titles[] = { "Release", "Market reaction" };
  g_autoptr(GListModel) events = make_events (titles, G_N_ELEMENTS (titles), 40);
  GtkWidget *timeline = g_object_ref_sink (dossier_timeline_new ());
  g_autoptr(DossierEvent) earliest = g_list_model_get_item (events, 0);
  g_autoptr(DossierEvent) latest = g_list_model_get_item (events, 39);
  DossierTimelineViewport vp;
  GskRenderNode *node;
  double ltr[40];

  dossier_timeline_set_events (DOSSIER_TIMELINE (timeline), events);
  dossier_timeline_get_viewport (DOSSIER_TIMELINE (timeline), &vp);
  gtk_widget_set_direction (timeline, GTK_TEXT_DIR_LTR);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);

      ltr[i] = dossier_timeline_get_event_x (DOSSIER_TIMELINE (timeline), event);
    }
  g_assert_cmpfloat (dossier_timeline_get_event_x (DOSSIER_TIMELINE (timeline), earliest), <,
                     dossier_timeline_get_event_x (DOSSIER_TIMELINE (timeline), latest));

  gtk_widget_set_direction (timeline, GTK_TEXT_DIR_RTL);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);
      double x = dossier_timeline_get_event_x (DOSSIER_TIMELINE (timeline), event);

      if (ltr[i] >= 0)
        g_assert_cmpfloat_with_epsilon (x, vp.width - ltr[i], 1e-6);
      else
        g_assert_cmpfloat (x, <, 0);
    }
  g_assert_cmpfloat (dossier_timeline_get_event_x (DOSSIER_TIMELINE (timeline), earliest), >,
                     dossier_timeline_get_event_x (DOSSIER_TIMELINE (timeline), latest));

  /* It draws, every look mirrored, and the view onto time is the same. */
  node = render (DOSSIER_TIMELINE (timeline));
  g_assert_nonnull (node);
  gsk_render_node_unref (node);
  {
    DossierTimelineViewport now;

    dossier_timeline_get_viewport (DOSSIER_TIMELINE (timeline), &now);
    g_assert_cmpfloat (now.start, ==, vp.start);
    g_assert_cmpfloat (now.scale, ==, vp.scale);
  }

  g_object_unref (timeline);
}

int
main (int argc, char *argv[])
{
  dossier_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/timeline-view/select-event", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_select_event, fixture_tear_down);
  g_test_add ("/timeline-view/activate-source", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_activate_source, fixture_tear_down);
  g_test_add ("/timeline-view/entities", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_entities, fixture_tear_down);
  g_test_add ("/timeline-view/keyboard", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/timeline-view/empty", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_empty, fixture_tear_down);

  g_test_add_func ("/timeline-view/window", test_window);
  g_test_add_func ("/timeline-view/label-fit", test_label_fit);
  g_test_add_func ("/timeline-view/pan-reuses-nodes", test_pan_reuses_nodes);
  g_test_add_func ("/timeline-view/rtl", test_rtl);

  return g_test_run ();
}
