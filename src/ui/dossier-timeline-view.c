/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-timeline.h"
#include "dossier-discrepancy-banner.h"
#include "dossier-timeline-view.h"

/* The Timeline page: the canvas or, for keyboard and screen reader users,
 * a list of the same events grouped by date; lane toggles that double as
 * the legend; and a detail pane for the selected event with its entities
 * and its sources. Everything follows the shared DossierSelection. */

struct _DossierTimelineView
{
  AdwBin parent_instance;

  DossierSelection *selection;
  DossierStore *store;
  GtkSingleSelection *list_selection;
  GtkWidget *lane_buttons[DOSSIER_N_EVENT_CATEGORIES];
  gboolean syncing;
  /* Whether the last input on the chart or list was a key: moving through
   * the events by keyboard does not open the detail of each in a narrow
   * window, Enter does. */
  gboolean key_nav;
  gboolean picking;  /* setting the selection from here */

  GtkStack *content_stack;
  GtkToggleButton *chart_button;
  GtkToggleButton *list_button;
  GtkBox *lanes_box;
  GtkWidget *toolbar;
  GtkWidget *toolbar_separator;
  AdwLeaflet *leaflet;
  GtkStack *presentation_stack;
  DossierTimeline *timeline;
  GtkListView *list_view;
  GtkBox *detail_box;
  GtkListBox *sources_list;
};

G_DEFINE_FINAL_TYPE (DossierTimelineView, dossier_timeline_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
color_dot_markup (DossierEventCategory category)
{
  GdkRGBA color;
  g_autofree char *hex = NULL;

  dossier_timeline_get_category_color (category,
                                       adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                       &color);
  hex = g_strdup_printf ("#%02x%02x%02x", (int) (color.red * 255), (int) (color.green * 255),
                         (int) (color.blue * 255));
  return g_strdup_printf ("<span foreground=\"%s\">●</span>", hex);
}

/* ---- detail pane ---------------------------------------------------------------- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  return label;
}

static void
source_row_activated (GtkListBox          *list,
                      GtkListBoxRow       *row,
                      DossierTimelineView *self)
{
  DossierSource *source = g_object_get_data (G_OBJECT (row), "dossier-source");
  DossierArticle *article;

  if (source == NULL || dossier_source_is_reference (source))
    return;
  article = dossier_source_get_article (source);
  if (article == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-source", "(sutt)",
                              dossier_article_get_id (article),
                              dossier_source_get_paragraph (source),
                              (guint64) dossier_source_get_offset (source),
                              (guint64) dossier_source_get_length (source));
}

static GtkWidget *
source_row_new (DossierSource *source)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *quote, *origin;
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "dossier-source", g_object_ref (source), g_object_unref);

  if (dossier_source_is_reference (source))
    {
      /* Translators: label of a source that is not an article but the public record */
      origin = gtk_label_new (_("Public record"));
      quote = gtk_label_new (dossier_source_get_reference (source));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      /* Translators: accessible description of a public-record source; %s is its text */
      accessible = g_strdup_printf (_("Public record: %s"), dossier_source_get_reference (source));
    }
  else
    {
      DossierArticle *article = dossier_source_get_article (source);
      /* Translators: a quoted passage; %s is the verbatim quote */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), dossier_source_get_quote (source));
      const char *title = article != NULL ? dossier_article_get_display_title (article) : "";

      quote = gtk_label_new (quoted);
      gtk_widget_add_css_class (quote, "timeline-quote");
      origin = gtk_label_new (title);
      /* Translators: accessible name of a source row; the first %s is the quote, the second the article title */
      accessible = g_strdup_printf (_("%s, from %s. Activate to open the article at this passage."), quoted, title);
      gtk_widget_set_tooltip_text (row, _("Open the article at this passage"));
    }

  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_selectable (GTK_LABEL (quote), FALSE);
  gtk_label_set_wrap (GTK_LABEL (origin), TRUE);
  gtk_label_set_xalign (GTK_LABEL (origin), 0);
  gtk_widget_add_css_class (origin, "caption");
  gtk_widget_add_css_class (origin, "dim-label");
  gtk_box_append (GTK_BOX (box), quote);
  gtk_box_append (GTK_BOX (box), origin);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
update_detail (DossierTimelineView *self)
{
  DossierEvent *event = self->selection != NULL ? dossier_selection_get_event (self->selection) : NULL;
  GtkWidget *label, *flow, *banner;
  GListModel *entities, *sources;
  g_autofree char *date = NULL;
  g_autofree char *dot = NULL;
  g_autofree char *category = NULL;
  const DossierDate *d;

  clear_box (self->detail_box);
  self->sources_list = NULL;

  if (event == NULL)
    {
      label = gtk_label_new (_("Select an event to see what happened and who reported it."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_vexpand (label, TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_box_append (self->detail_box, label);
      return;
    }

  label = gtk_label_new (dossier_event_get_title (event));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_set_name (label, "timeline-detail-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (self->detail_box, label);

  d = dossier_event_get_date (event);
  date = dossier_date_format (d);
  dot = color_dot_markup (dossier_event_get_category (event));
  {
    g_autofree char *date_esc = g_markup_escape_text (date, -1);
    g_autofree char *cat_esc = g_markup_escape_text (dossier_event_category_get_label (dossier_event_get_category (event)), -1);

    category = g_strdup_printf ("%s  ·  %s %s", date_esc, dot, cat_esc);
  }
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), category);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->detail_box, label);

  if (dossier_event_get_summary (event) != NULL && *dossier_event_get_summary (event) != '\0')
    {
      label = gtk_label_new (dossier_event_get_summary (event));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 6);
      gtk_box_append (self->detail_box, label);
    }

  banner = dossier_discrepancy_banner_list_new (
    dossier_store_get_event_discrepancies (dossier_selection_get_store (self->selection), event));
  if (banner != NULL)
    gtk_box_append (self->detail_box, banner);

  entities = dossier_event_get_entities (event);
  if (g_list_model_get_n_items (entities) > 0)
    {
      gtk_box_append (self->detail_box, heading (_("Involved")));
      flow = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 8);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 4);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 4);
      for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
        {
          g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
          GtkWidget *button = gtk_button_new_with_label (dossier_entity_get_name (entity));

          gtk_widget_add_css_class (button, "pill");
          gtk_widget_add_css_class (button, "small");
          gtk_widget_add_css_class (button, "timeline-entity");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select-entity");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", dossier_entity_get_id (entity));
          /* Translators: tooltip of an entity button in the event details */
          gtk_widget_set_tooltip_text (button, _("Highlight everything about it"));
          gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
          gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
        }
      gtk_box_append (self->detail_box, flow);
    }

  sources = dossier_event_get_sources (event);
  gtk_box_append (self->detail_box, heading (_("Sources")));
  self->sources_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->sources_list), "timeline-sources");
  gtk_list_box_set_selection_mode (self->sources_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->sources_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sources_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sources"), -1);
  g_signal_connect (self->sources_list, "row-activated", G_CALLBACK (source_row_activated), self);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

      gtk_list_box_append (self->sources_list, source_row_new (source));
    }
  gtk_box_append (self->detail_box, GTK_WIDGET (self->sources_list));
}

/* ---- list presentation ----------------------------------------------------------- */

static guint
find_position (GListModel *model,
               gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
list_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *category = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "timeline-list-date");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (category, "dim-label");
  gtk_widget_add_css_class (category, "caption");
  gtk_box_append (GTK_BOX (row), dot);
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (row), category);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), row);
  gtk_list_item_set_child (item, box);
}

/* GtkListView has no sections before GTK 4.12: a row shows its date as a
 * heading when it is the first event of that date. */
static void
list_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DossierTimelineView      *self)
{
  DossierEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *header = gtk_widget_get_first_child (box);
  GtkWidget *row = gtk_widget_get_next_sibling (header);
  GtkWidget *dot = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_next_sibling (dot);
  GtkWidget *category = gtk_widget_get_next_sibling (title);
  guint position = gtk_list_item_get_position (item);
  g_autofree char *date = dossier_date_format (dossier_event_get_date (event));
  g_autofree char *markup = color_dot_markup (dossier_event_get_category (event));
  g_autofree char *accessible = NULL;
  gboolean first = TRUE;

  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(DossierEvent) previous = g_list_model_get_item (G_LIST_MODEL (self->list_selection), position - 1);

      first = previous == NULL ||
              !dossier_date_equal (dossier_event_get_date (previous), dossier_event_get_date (event));
    }

  gtk_label_set_text (GTK_LABEL (header), date);
  gtk_widget_set_visible (header, first);
  gtk_label_set_markup (GTK_LABEL (dot), markup);
  gtk_label_set_text (GTK_LABEL (title), dossier_event_get_title (event));
  gtk_label_set_text (GTK_LABEL (category), dossier_event_category_get_label (dossier_event_get_category (event)));

  /* Translators: how an event row of the list is read out: title, date, category */
  accessible = g_strdup_printf (_("%s, %s, %s"), dossier_event_get_title (event), date,
                                dossier_event_category_get_label (dossier_event_get_category (event)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* ---- narrow windows: one pane at a time ------------------------------------------- */

static void
show_detail (DossierTimelineView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
folding_changed (DossierTimelineView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  const char *page = adw_leaflet_get_visible_child_name (self->leaflet);
  gboolean on_detail = folded && g_strcmp0 (page, "detail") == 0;

  /* The toolbar acts on the chart and list, not on the detail. */
  gtk_widget_set_visible (self->toolbar, !on_detail);
  gtk_widget_set_visible (self->toolbar_separator, !on_detail);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.back", on_detail);
}

static gboolean
presentation_event (GtkEventControllerLegacy *controller,
                    GdkEvent                 *event,
                    DossierTimelineView      *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
      self->key_nav = TRUE;
      break;
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      self->key_nav = FALSE;
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);
  gboolean list = gtk_toggle_button_get_active (self->list_button);

  adw_leaflet_set_visible_child_name (self->leaflet, "presentation");
  gtk_widget_grab_focus (list ? GTK_WIDGET (self->list_view) : GTK_WIDGET (self->timeline));
}

static void
list_activated (GtkListView         *list_view,
                guint                position,
                DossierTimelineView *self)
{
  show_detail (self);
}

static void
list_selection_changed (GtkSelectionModel   *model,
                        guint                position,
                        guint                n_items,
                        DossierTimelineView *self)
{
  DossierEvent *event = gtk_single_selection_get_selected_item (self->list_selection);

  if (self->syncing || self->selection == NULL || event == NULL)
    return;
  self->picking = TRUE;
  dossier_selection_set_event (self->selection, event);
  self->picking = FALSE;
  if (!self->key_nav)
    show_detail (self);
}

/* ---- following the selection ------------------------------------------------------ */

static void
sync_event (DossierTimelineView *self)
{
  DossierEvent *event = dossier_selection_get_event (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  self->syncing = TRUE;
  dossier_timeline_set_selected (self->timeline, event);
  if (event != NULL && self->store != NULL)
    position = find_position (dossier_store_get_events (self->store), event);
  gtk_single_selection_set_selected (self->list_selection, position);
  if (position != GTK_INVALID_LIST_POSITION &&
      g_str_equal (gtk_stack_get_visible_child_name (self->presentation_stack), "list"))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  self->syncing = FALSE;

  /* Picked elsewhere (`win.show-item`): a narrow window opens on its
   * detail; with nothing picked, there is no detail to stay on. */
  if (event != NULL && !self->picking)
    show_detail (self);
  else if (event == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "presentation");

  update_detail (self);
}

static void
sync_entity (DossierTimelineView *self)
{
  DossierEntity *entity = dossier_selection_get_entity (self->selection);

  if (entity != NULL && self->store != NULL)
    dossier_timeline_set_emphasized (self->timeline, dossier_store_get_entity_events (self->store, entity));
  else
    dossier_timeline_set_emphasized (self->timeline, NULL);
}

static void
sync_store (DossierTimelineView *self)
{
  DossierStore *store = dossier_selection_get_store (self->selection);
  GListModel *events = store != NULL ? dossier_store_get_events (store) : NULL;

  g_set_object (&self->store, store);
  self->syncing = TRUE;
  dossier_timeline_set_events (self->timeline, events);
  gtk_single_selection_set_model (self->list_selection, events);
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;

  gtk_stack_set_visible_child_name (self->content_stack,
                                    events != NULL && g_list_model_get_n_items (events) > 0 ? "timeline" : "empty");
  sync_entity (self);
  sync_event (self);
}

static void
selection_notify (DossierSelection    *selection,
                  GParamSpec          *pspec,
                  DossierTimelineView *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "store"))
    sync_store (self);
  else if (g_str_equal (name, "entity"))
    sync_entity (self);
  else if (g_str_equal (name, "event"))
    sync_event (self);
}

static void
timeline_selected (DossierTimeline     *timeline,
                   GParamSpec          *pspec,
                   DossierTimelineView *self)
{
  if (self->syncing || self->selection == NULL)
    return;
  self->picking = TRUE;
  dossier_selection_set_event (self->selection, dossier_timeline_get_selected (timeline));
  self->picking = FALSE;
  if (!self->key_nav && dossier_timeline_get_selected (timeline) != NULL)
    show_detail (self);
}

static void
timeline_event_activated (DossierTimeline     *timeline,
                          DossierEvent        *event,
                          DossierTimelineView *self)
{
  /* Enter on an event: on to its sources. */
  show_detail (self);
  if (self->sources_list != NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->sources_list), GTK_DIR_TAB_FORWARD);
}

static void
presentation_toggled (GtkToggleButton     *button,
                      DossierTimelineView *self)
{
  /* Read off the chart button, whose signal this is: when the list button
   * is pressed, the chart button is let go before the list button counts
   * as active. */
  gboolean list = !gtk_toggle_button_get_active (self->chart_button);

  gtk_stack_set_visible_child_name (self->presentation_stack, list ? "list" : "chart");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in", !list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out", !list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-fit", !list);
  sync_event (self);
}

static void
lane_toggled (GtkToggleButton     *button,
              DossierTimelineView *self)
{
  DossierEventCategory category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "category"));

  dossier_timeline_set_lane_visible (self->timeline, category, gtk_toggle_button_get_active (button));
}

static void
update_lane_buttons (DossierTimelineView *self)
{
  for (guint c = 0; c < DOSSIER_N_EVENT_CATEGORIES; c++)
    {
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (self->lane_buttons[c]));
      g_autofree char *dot = color_dot_markup (c);
      g_autofree char *name = g_markup_escape_text (dossier_event_category_get_label (c), -1);
      g_autofree char *markup = g_strdup_printf ("%s %s", dot, name);

      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
}

static void
dark_changed (AdwStyleManager     *manager,
              GParamSpec          *pspec,
              DossierTimelineView *self)
{
  update_lane_buttons (self);
  update_detail (self);
  if (self->list_selection != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->list_view));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    dossier_timeline_zoom_in (self->timeline);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    dossier_timeline_zoom_out (self->timeline);
  else
    dossier_timeline_zoom_fit (self->timeline);
}

static void
list_toggle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);
  gboolean list = !gtk_toggle_button_get_active (self->list_button);

  gtk_toggle_button_set_active (list ? self->list_button : self->chart_button, TRUE);
  gtk_widget_grab_focus (list ? GTK_WIDGET (self->list_view) : GTK_WIDGET (self->timeline));
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
dossier_timeline_view_map (GtkWidget *widget)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (dossier_timeline_view_parent_class)->map (widget);

  /* Shown after `win.show-item` picked an event: bring it into view. */
  dossier_timeline_scroll_to_selected (self->timeline);
}

static void
dossier_timeline_view_constructed (GObject *object)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  G_OBJECT_CLASS (dossier_timeline_view_parent_class)->constructed (object);

  if (self->selection == NULL)
    self->selection = dossier_selection_new ();
  g_signal_connect_object (self->selection, "notify", G_CALLBACK (selection_notify), self, 0);
  sync_store (self);
}

static void
dossier_timeline_view_dispose (GObject *object)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  /* AdwBin owns the template's top widget: let it go before the template
   * pointers are cleared, or AdwBin would unparent a disposed child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TIMELINE_VIEW);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_timeline_view_parent_class)->dispose (object);
}

static void
dossier_timeline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      self->selection = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_view_class_init (DossierTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_timeline_view_constructed;
  object_class->dispose = dossier_timeline_view_dispose;
  object_class->get_property = dossier_timeline_view_get_property;
  object_class->set_property = dossier_timeline_view_set_property;
  widget_class->map = dossier_timeline_view_map;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, DOSSIER_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dossier-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, chart_button);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, list_button);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, lanes_box);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, presentation_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, timeline);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, detail_box);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.toggle-list", NULL, list_toggle_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "timeline.toggle-list", NULL);
  gtk_widget_class_install_action (widget_class, "timeline.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "timeline.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "timeline.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.back", NULL);
}

static void
dossier_timeline_view_init (DossierTimelineView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint c = 0; c < DOSSIER_N_EVENT_CATEGORIES; c++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (NULL);
      /* Translators: tooltip of a lane toggle; %s is an event category such as "Market" */
      g_autofree char *tooltip = g_strdup_printf (_("Show or hide the “%s” lane"),
                                                  dossier_event_category_get_label (c));

      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "timeline-lane-toggle");
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data (G_OBJECT (button), "category", GUINT_TO_POINTER (c));
      g_signal_connect (button, "toggled", G_CALLBACK (lane_toggled), self);
      gtk_box_append (self->lanes_box, button);
      self->lane_buttons[c] = button;
    }
  update_lane_buttons (self);

  g_signal_connect (self->chart_button, "toggled", G_CALLBACK (presentation_toggled), self);
  g_signal_connect (self->timeline, "notify::selected", G_CALLBACK (timeline_selected), self);
  g_signal_connect (self->timeline, "event-activated", G_CALLBACK (timeline_event_activated), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folding_changed), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (folding_changed), self);
  {
    GtkEventController *controller = gtk_event_controller_legacy_new ();

    gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    g_signal_connect (controller, "event", G_CALLBACK (presentation_event), self);
    gtk_widget_add_controller (GTK_WIDGET (self->presentation_stack), controller);
  }
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activated), self);
  folding_changed (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed), self, 0);

  self->list_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  g_signal_connect (self->list_selection, "selection-changed", G_CALLBACK (list_selection_changed), self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));
}

GtkWidget *
dossier_timeline_view_new (DossierSelection *selection)
{
  g_return_val_if_fail (selection == NULL || DOSSIER_IS_SELECTION (selection), NULL);

  return g_object_new (DOSSIER_TYPE_TIMELINE_VIEW, "selection", selection, NULL);
}

DossierSelection *
dossier_timeline_view_get_selection (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);
  return self->selection;
}
