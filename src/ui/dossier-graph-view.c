/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-discrepancy-banner.h"
#include "dossier-graph-view.h"
#include "dossier-graph.h"

/* The Relationships view: the graph with its filters and search, a list
 * presentation of the same entities for keyboard and screen reader users,
 * and a detail pane for the selected entity whose sources, events and
 * articles lead to the other views through the window's actions. */

#define N_KINDS 5

struct _DossierGraphView
{
  GtkWidget parent_instance;

  DossierSelection *selection;
  DossierStore     *store;           /* the one the widgets were built for */

  GtkSearchEntry *search_entry;
  GtkBox         *kind_box;
  GtkBox         *types_box;
  GtkMenuButton  *types_button;
  GtkToggleButton *list_toggle;
  GtkStack       *main_stack;
  DossierGraph   *graph;
  GtkSpinner     *spinner;
  AdwStatusPage  *empty_status;
  GtkListBox     *entity_list;
  GtkBox         *detail_box;
  GtkScrolledWindow *detail_scroller;
  GtkWidget      *toolbar;
  GtkWidget      *toolbar_separator;
  AdwLeaflet     *leaflet;

  GtkToggleButton *kind_toggles[N_KINDS];
  GHashTable      *hidden_types;     /* relation type → TRUE */
  GListStore      *shown_entities;   /* DossierEntity */
  GListStore      *shown_relations;  /* DossierRelation */
  gboolean         list_dirty;
  gboolean         syncing;
  /* Whether the last input on the graph or list was a key: moving through
   * the entities by keyboard does not open the detail of each in a narrow
   * window, Enter does. */
  gboolean         key_nav;
  gboolean         picking;          /* setting the selection from here */
};

G_DEFINE_FINAL_TYPE (DossierGraphView, dossier_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  DossierEntityKind kind;
  const char       *css;
  const char       *label;
  const char       *tooltip;
} kinds[N_KINDS] = {
  { DOSSIER_ENTITY_KIND_COMPANY, "company", N_("Companies"), N_("Show companies (rectangles)") },
  { DOSSIER_ENTITY_KIND_PERSON, "person", N_("People"), N_("Show people (rounded ends)") },
  { DOSSIER_ENTITY_KIND_PRODUCT, "product", N_("Products"), N_("Show products (leaf shapes)") },
  { DOSSIER_ENTITY_KIND_GOVERNMENT, "government", N_("Governments"), N_("Show governments (heavy top and bottom)") },
  { DOSSIER_ENTITY_KIND_ORGANIZATION, "organization", N_("Organizations"), N_("Show organizations (double outline)") },
};

static void rebuild_graph (DossierGraphView *self);
static void update_detail (DossierGraphView *self);

static gboolean
kind_shown (DossierGraphView  *self,
            DossierEntityKind  kind)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (kinds[k].kind == kind)
      return gtk_toggle_button_get_active (self->kind_toggles[k]);

  return TRUE;
}

static char *
capitalize (const char *text)
{
  gunichar first;
  char buffer[8];
  int length;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  first = g_unichar_totitle (g_utf8_get_char (text));
  length = g_unichar_to_utf8 (first, buffer);

  return g_strdup_printf ("%.*s%s", length, buffer, g_utf8_next_char (text));
}

/* --- detail pane ------------------------------------------------------- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
make_heading (const char *text)
{
  GtkWidget *label = make_label (text, "heading");

  gtk_widget_set_margin_top (label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  return label;
}

static void
source_clicked (GtkButton *button,
                gpointer   user_data)
{
  DossierSource *source = g_object_get_data (G_OBJECT (button), "dossier-source");
  DossierArticle *article = dossier_source_get_article (source);

  if (article == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-source", "(sutt)",
                              dossier_article_get_id (article),
                              dossier_source_get_paragraph (source),
                              (guint64) dossier_source_get_offset (source),
                              (guint64) dossier_source_get_length (source));
}

static GtkWidget *
make_source (DossierSource *source)
{
  DossierArticle *article = dossier_source_get_article (source);

  if (article != NULL)
    {
      const char *outlet = dossier_article_get_outlet (article);
      g_autofree char *quote = NULL;
      g_autofree char *origin = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      /* Translators: a quotation from an article, in typographic quotes. */
      quote = g_strdup_printf (_("“%s”"), dossier_source_get_quote (source));
      origin = outlet != NULL
        ? g_strdup_printf ("%s — %s", outlet, dossier_article_get_display_title (article))
        : g_strdup (dossier_article_get_display_title (article));
      gtk_box_append (GTK_BOX (box), make_label (quote, "graph-quote"));
      gtk_box_append (GTK_BOX (box), make_label (origin, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "graph-source");
      /* Translators: tooltip of a quote in the detail pane. */
      tooltip = g_strdup_printf (_("Open “%s” at this passage"), dossier_article_get_display_title (article));
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "dossier-source", g_object_ref (source), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (source_clicked), NULL);

      return button;
    }
  else
    {
      const char *url = dossier_source_get_url (source);
      g_autofree char *escaped = g_markup_escape_text (dossier_source_get_reference (source), -1);
      g_autofree char *markup = NULL;
      GtkWidget *label;

      if (url != NULL)
        {
          g_autofree char *escaped_url = g_markup_escape_text (url, -1);

          /* Translators: a source from the public record rather than an
           * article; %s is its description, made a link to its address. */
          markup = g_strdup_printf (_("Public record: <a href=\"%s\">%s</a>"), escaped_url, escaped);
        }
      else
        {
          /* Translators: a source from the public record rather than an article. */
          markup = g_strdup_printf (_("Public record: %s"), escaped);
        }

      label = make_label (NULL, "caption");
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_add_css_class (label, "graph-reference");

      return label;
    }
}

static void
relation_row_activated (GtkListBox       *list,
                        GtkListBoxRow    *row,
                        DossierGraphView *self)
{
  DossierEntity *other = g_object_get_data (G_OBJECT (row), "dossier-entity");

  if (other != NULL)
    dossier_selection_set_entity (self->selection, other);
}

static GtkWidget *
make_relation_row (DossierStore    *store,
                   DossierEntity   *entity,
                   DossierRelation *relation)
{
  DossierEntity *from = dossier_relation_get_from (relation);
  DossierEntity *to = dossier_relation_get_to (relation);
  DossierEntity *other = from == entity ? to : from;
  GListModel *sources = dossier_relation_get_sources (relation);
  const char *summary = dossier_relation_get_summary (relation);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *sentence, *banner;
  g_autofree char *from_name = g_markup_escape_text (dossier_entity_get_name (from), -1);
  g_autofree char *to_name = g_markup_escape_text (dossier_entity_get_name (to), -1);
  g_autofree char *type = g_markup_escape_text (dossier_relation_type_get_label (dossier_relation_get_relation_type (relation)), -1);
  g_autofree char *markup = NULL;
  g_autofree char *tooltip = NULL;

  /* Translators: a relation in the detail pane, "DeepSeek competes with
   * OpenAI"; the names are in bold. */
  markup = g_strdup_printf (C_("relation", "<b>%s</b> %s <b>%s</b>"), from_name, type, to_name);
  sentence = make_label (NULL, NULL);
  gtk_label_set_markup (GTK_LABEL (sentence), markup);
  gtk_box_append (GTK_BOX (box), sentence);

  if (summary != NULL && *summary != '\0')
    {
      gtk_box_append (GTK_BOX (box), make_label (summary, "dim-label"));
    }

  banner = dossier_discrepancy_banner_list_new (dossier_store_get_relation_discrepancies (store, relation));
  if (banner != NULL)
    gtk_box_append (GTK_BOX (box), banner);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

      gtk_box_append (GTK_BOX (box), make_source (source));
    }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "graph-relation");
  g_object_set_data_full (G_OBJECT (row), "dossier-entity", g_object_ref (other), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "dossier-relation", g_object_ref (relation), g_object_unref);
  /* Translators: tooltip of a relation in the detail pane. */
  tooltip = g_strdup_printf (_("Select %s"), dossier_entity_get_name (other));
  gtk_widget_set_tooltip_text (row, tooltip);

  return row;
}

static GtkWidget *
make_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return list;
}

static void
item_row_activated (GtkListBox    *list,
                    GtkListBoxRow *row,
                    gpointer       user_data)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "dossier-kind");
  const char *id = g_object_get_data (G_OBJECT (row), "dossier-id");

  if (kind != NULL && id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.show-item", "(ss)", kind, id);
}

static GtkWidget *
make_item_row (const char *kind,
               const char *id,
               const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "dossier-kind", g_strdup (kind), g_free);
  g_object_set_data_full (G_OBJECT (row), "dossier-id", g_strdup (id), g_free);

  return row;
}

static void
update_detail (DossierGraphView *self)
{
  DossierEntity *entity = dossier_selection_get_entity (self->selection);
  DossierStore *store = dossier_selection_get_store (self->selection);
  const char * const *aliases;
  const char *description;
  GListModel *relations, *events, *articles;
  GtkWidget *label, *kind_row, *swatch;
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_autofree char *count = NULL;

  clear_box (self->detail_box);

  if (entity == NULL || store == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "network-workgroup-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Entity Selected"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Select a company, person or product in the graph to see "
                                         "who it is, how it relates to the others and where that is said."));
      gtk_widget_add_css_class (status, "compact");
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (self->detail_box, status);
      return;
    }

  label = make_label (dossier_entity_get_name (entity), "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (self->detail_box, label);

  kind_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (swatch, "graph-swatch");
  gtk_widget_add_css_class (swatch, dossier_entity_kind_to_string (dossier_entity_get_kind (entity)));
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (kind_row), swatch);
  gtk_box_append (GTK_BOX (kind_row), make_label (dossier_entity_kind_get_label (dossier_entity_get_kind (entity)), "dim-label"));
  gtk_box_append (self->detail_box, kind_row);

  aliases = dossier_entity_get_aliases (entity);
  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      /* Translators: the other names of an entity, separated by commas. */
      g_autofree char *text = g_strdup_printf (_("Also known as %s"), joined);

      gtk_box_append (self->detail_box, make_label (text, NULL));
    }

  description = dossier_entity_get_description (entity);
  if (description != NULL && *description != '\0')
    gtk_box_append (self->detail_box, make_label (description, NULL));

  /* Relations, grouped by type, in the order of the type list. */
  relations = dossier_store_get_entity_relations (store, entity);
  count = g_strdup_printf (ngettext ("%u Relation", "%u Relations", g_list_model_get_n_items (relations)),
                           g_list_model_get_n_items (relations));
  gtk_box_append (self->detail_box, make_heading (count));
  if (g_list_model_get_n_items (relations) == 0)
    gtk_box_append (self->detail_box, make_label (_("The dossier records no relations for this entity."), "dim-label"));

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(DossierRelation) relation = g_list_model_get_item (relations, i);
      const char *type = dossier_relation_get_relation_type (relation);
      gboolean seen = FALSE;

      for (guint t = 0; t < types->len && !seen; t++)
        seen = g_str_equal (g_ptr_array_index (types, t), type);
      if (!seen)
        g_ptr_array_add (types, (gpointer) type);
    }

  for (guint t = 0; t < types->len; t++)
    {
      const char *type = g_ptr_array_index (types, t);
      g_autofree char *title = capitalize (dossier_relation_type_get_label (type));
      GtkWidget *list = make_boxed_list ();
      GtkWidget *group_label = make_label (title, "caption-heading");

      gtk_widget_add_css_class (group_label, "dim-label");
      gtk_box_append (self->detail_box, group_label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, group_label, NULL, -1);

      for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
        {
          g_autoptr(DossierRelation) relation = g_list_model_get_item (relations, i);

          if (g_str_equal (dossier_relation_get_relation_type (relation), type))
            gtk_list_box_append (GTK_LIST_BOX (list), make_relation_row (store, entity, relation));
        }

      g_signal_connect (list, "row-activated", G_CALLBACK (relation_row_activated), self);
      gtk_box_append (self->detail_box, list);
    }

  events = dossier_store_get_entity_events (store, entity);
  if (g_list_model_get_n_items (events) > 0)
    {
      GtkWidget *list = make_boxed_list ();
      g_autofree char *heading = g_strdup_printf (ngettext ("%u Event", "%u Events", g_list_model_get_n_items (events)),
                                                  g_list_model_get_n_items (events));

      gtk_box_append (self->detail_box, make_heading (heading));
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);
          g_autofree char *date = dossier_date_format (dossier_event_get_date (event));

          gtk_list_box_append (GTK_LIST_BOX (list),
                               make_item_row ("event", dossier_event_get_id (event),
                                              dossier_event_get_title (event), date));
        }
      g_signal_connect (list, "row-activated", G_CALLBACK (item_row_activated), NULL);
      gtk_box_append (self->detail_box, list);
    }

  articles = dossier_store_get_entity_articles (store, entity);
  if (g_list_model_get_n_items (articles) > 0)
    {
      GtkWidget *list = make_boxed_list ();
      g_autofree char *heading = g_strdup_printf (ngettext ("Mentioned in %u Article", "Mentioned in %u Articles",
                                                            g_list_model_get_n_items (articles)),
                                                  g_list_model_get_n_items (articles));

      gtk_box_append (self->detail_box, make_heading (heading));
      for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
        {
          g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);
          const char *outlet = dossier_article_get_outlet (article);

          gtk_list_box_append (GTK_LIST_BOX (list),
                               make_item_row ("article", dossier_article_get_id (article),
                                              dossier_article_get_display_title (article),
                                              outlet != NULL ? outlet : _("Outlet unknown")));
        }
      g_signal_connect (list, "row-activated", G_CALLBACK (item_row_activated), NULL);
      gtk_box_append (self->detail_box, list);
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
}

/* --- list presentation ------------------------------------------------- */

static void
select_list_row (DossierGraphView *self)
{
  DossierEntity *entity = dossier_selection_get_entity (self->selection);
  GtkListBoxRow *row = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->entity_list));
       child != NULL && entity != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "dossier-entity") == (gpointer) entity)
      {
        row = GTK_LIST_BOX_ROW (child);
        break;
      }

  self->syncing = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->entity_list, row);
  else
    gtk_list_box_unselect_all (self->entity_list);
  self->syncing = FALSE;
}

static void
rebuild_list (DossierGraphView *self)
{
  GtkWidget *child;
  guint n_entities = g_list_model_get_n_items (G_LIST_MODEL (self->shown_entities));
  guint n_relations = g_list_model_get_n_items (G_LIST_MODEL (self->shown_relations));

  self->list_dirty = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entity_list))) != NULL)
    gtk_list_box_remove (self->entity_list, child);

  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->shown_entities), i);
      g_autoptr(GString) subtitle = g_string_new (dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));
      GtkWidget *row = adw_action_row_new ();

      /* The relations shown in the graph, as sentences. */
      for (guint r = 0; r < n_relations; r++)
        {
          g_autoptr(DossierRelation) relation = g_list_model_get_item (G_LIST_MODEL (self->shown_relations), r);
          DossierEntity *from = dossier_relation_get_from (relation);
          DossierEntity *to = dossier_relation_get_to (relation);

          if (from != entity && to != entity)
            continue;
          if (!kind_shown (self, dossier_entity_get_kind (from)) || !kind_shown (self, dossier_entity_get_kind (to)))
            continue;

          /* Translators: a relation as a sentence in the list presentation. */
          g_string_append_printf (subtitle, C_("relation sentence", "; %s %s %s"),
                                  dossier_entity_get_name (from),
                                  dossier_relation_type_get_label (dossier_relation_get_relation_type (relation)),
                                  dossier_entity_get_name (to));
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dossier_entity_get_name (entity));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "dossier-entity", g_object_ref (entity), g_object_unref);
      gtk_list_box_append (self->entity_list, row);
    }

  select_list_row (self);
}

/* --- narrow windows: one pane at a time -------------------------------- */

static void
show_detail (DossierGraphView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
folding_changed (DossierGraphView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  const char *page = adw_leaflet_get_visible_child_name (self->leaflet);
  gboolean on_detail = folded && g_strcmp0 (page, "detail") == 0;

  /* The toolbar acts on the graph and list, not on the detail. */
  gtk_widget_set_visible (self->toolbar, !on_detail);
  gtk_widget_set_visible (self->toolbar_separator, !on_detail);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph-view.back", on_detail);
}

static gboolean
main_stack_event (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  DossierGraphView         *self)
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
show_main (DossierGraphView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "graph");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);

  show_main (self);
  gtk_widget_grab_focus (gtk_toggle_button_get_active (self->list_toggle)
                         ? GTK_WIDGET (self->entity_list) : GTK_WIDGET (self->graph));
}

static void
entity_list_row_activated (GtkListBox       *list,
                           GtkListBoxRow    *row,
                           DossierGraphView *self)
{
  show_detail (self);
}

static void
entity_list_row_selected (GtkListBox       *list,
                          GtkListBoxRow    *row,
                          DossierGraphView *self)
{
  DossierEntity *entity;

  if (self->syncing || row == NULL)
    return;

  entity = g_object_get_data (G_OBJECT (row), "dossier-entity");
  self->picking = TRUE;
  dossier_selection_set_entity (self->selection, entity);
  self->picking = FALSE;
  if (entity != NULL && !self->key_nav)
    show_detail (self);
}

static void
list_toggled (GtkToggleButton  *toggle,
              DossierGraphView *self)
{
  gboolean list = gtk_toggle_button_get_active (toggle);

  if (list && self->list_dirty)
    rebuild_list (self);
  gtk_stack_set_visible_child_name (self->main_stack, list ? "list" : "graph");
  if (list)
    gtk_widget_grab_focus (GTK_WIDGET (self->entity_list));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->graph));
}

/* --- filters and the graph --------------------------------------------- */

static void
update_empty_state (DossierGraphView *self)
{
  DossierStore *store = dossier_selection_get_store (self->selection);
  gboolean no_entities = store == NULL || g_list_model_get_n_items (dossier_store_get_entities (store)) == 0;
  gboolean nothing_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown_entities)) == 0;

  if (no_entities)
    {
      adw_status_page_set_title (self->empty_status, _("No Entities"));
      adw_status_page_set_description (self->empty_status,
                                       _("This dossier names no companies, people or products."));
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("Nothing to Show"));
      adw_status_page_set_description (self->empty_status,
                                       _("Turn on more kinds of entities in the toolbar above."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_status), nothing_shown);
}

static void
rebuild_graph (DossierGraphView *self)
{
  DossierStore *store = dossier_selection_get_store (self->selection);
  GListModel *entities, *relations;

  g_list_store_remove_all (self->shown_entities);
  g_list_store_remove_all (self->shown_relations);

  if (store != NULL)
    {
      entities = dossier_store_get_entities (store);
      relations = dossier_store_get_relations (store);

      for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
        {
          g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);

          if (kind_shown (self, dossier_entity_get_kind (entity)))
            g_list_store_append (self->shown_entities, entity);
        }

      for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
        {
          g_autoptr(DossierRelation) relation = g_list_model_get_item (relations, i);

          if (!g_hash_table_contains (self->hidden_types, dossier_relation_get_relation_type (relation)))
            g_list_store_append (self->shown_relations, relation);
        }
    }

  dossier_graph_set_graph (self->graph, G_LIST_MODEL (self->shown_entities), G_LIST_MODEL (self->shown_relations));
  update_empty_state (self);

  self->list_dirty = TRUE;
  if (gtk_toggle_button_get_active (self->list_toggle))
    rebuild_list (self);
}

static void
kind_toggled (GtkToggleButton  *toggle,
              DossierGraphView *self)
{
  rebuild_graph (self);
}

static void
type_toggled (GtkCheckButton   *check,
              DossierGraphView *self)
{
  const char *type = g_object_get_data (G_OBJECT (check), "dossier-type");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->hidden_types, type);
  else
    g_hash_table_add (self->hidden_types, g_strdup (type));

  rebuild_graph (self);
}

static void
rebuild_type_filters (DossierGraphView *self)
{
  DossierStore *store = dossier_selection_get_store (self->selection);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *known = dossier_relation_types ();
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GtkWidget *heading;

  clear_box (self->types_box);
  g_hash_table_remove_all (self->hidden_types);

  if (store != NULL)
    {
      GListModel *relations = dossier_store_get_relations (store);

      for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
        {
          g_autoptr(DossierRelation) relation = g_list_model_get_item (relations, i);

          g_hash_table_add (present, (gpointer) dossier_relation_get_relation_type (relation));
        }
    }

  /* Known types in their documented order, then any others. */
  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    if (g_hash_table_contains (present, known[i]))
      g_ptr_array_add (order, (gpointer) known[i]);
  {
    GHashTableIter iter;
    gpointer key;
    g_autoptr(GPtrArray) others = g_ptr_array_new ();

    g_hash_table_iter_init (&iter, present);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!dossier_relation_type_is_known (key))
        g_ptr_array_add (others, key);
    g_ptr_array_sort (others, (GCompareFunc) g_strcmp0);
    for (guint i = 0; i < others->len; i++)
      g_ptr_array_add (order, g_ptr_array_index (others, i));
  }

  heading = make_label (_("Relations Shown"), "heading");
  gtk_widget_set_margin_bottom (heading, 6);
  gtk_box_append (self->types_box, heading);

  if (order->len == 0)
    gtk_box_append (self->types_box, make_label (_("This dossier has no relations."), "dim-label"));

  for (guint i = 0; i < order->len; i++)
    {
      const char *type = g_ptr_array_index (order, i);
      GtkWidget *check = gtk_check_button_new_with_label (dossier_relation_type_get_label (type));
      g_autofree char *css = g_strdup_printf ("family-%d", dossier_graph_family_for_type (type));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_add_css_class (check, "graph-type-check");
      gtk_widget_add_css_class (check, css);
      g_object_set_data_full (G_OBJECT (check), "dossier-type", g_strdup (type), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (type_toggled), self);
      gtk_box_append (self->types_box, check);
    }
}

/* --- selection --------------------------------------------------------- */

static void
graph_selected_changed (DossierGraph     *graph,
                        GParamSpec       *pspec,
                        DossierGraphView *self)
{
  if (self->syncing)
    return;

  self->picking = TRUE;
  dossier_selection_set_entity (self->selection, dossier_graph_get_selected (graph));
  self->picking = FALSE;
  if (dossier_graph_get_selected (graph) != NULL && !self->key_nav)
    show_detail (self);
}

static void
graph_activated (DossierGraph     *graph,
                 DossierEntity    *entity,
                 DossierGraphView *self)
{
  /* Enter on a node: move into its details. */
  show_detail (self);
  gtk_widget_child_focus (GTK_WIDGET (self->detail_box), GTK_DIR_TAB_FORWARD);
}

static void
selection_entity_changed (DossierGraphView *self)
{
  DossierEntity *entity = dossier_selection_get_entity (self->selection);

  /* Chosen elsewhere, of a kind hidden here: show that kind. */
  if (entity != NULL && !kind_shown (self, dossier_entity_get_kind (entity)))
    {
      for (guint k = 0; k < N_KINDS; k++)
        if (kinds[k].kind == dossier_entity_get_kind (entity))
          gtk_toggle_button_set_active (self->kind_toggles[k], TRUE);
    }

  if (dossier_graph_get_selected (self->graph) != entity)
    {
      self->syncing = TRUE;
      dossier_graph_set_selected (self->graph, entity);
      self->syncing = FALSE;
      if (entity != NULL)
        dossier_graph_center_on (self->graph, entity);
    }

  /* Picked elsewhere (`win.show-item`, a link of the detail): a narrow
   * window opens on its detail; with nothing picked, there is no detail to
   * stay on. */
  if (entity != NULL && !self->picking)
    show_detail (self);
  else if (entity == NULL)
    show_main (self);

  update_detail (self);
  select_list_row (self);
}

static void
selection_store_changed (DossierGraphView *self)
{
  DossierStore *store = dossier_selection_get_store (self->selection);

  if (store == self->store)
    return;
  g_set_object (&self->store, store);

  dossier_graph_reset (self->graph);
  rebuild_type_filters (self);
  rebuild_graph (self);
  selection_entity_changed (self);
}

/* --- search ------------------------------------------------------------ */

/* 0 is no match; higher is better. */
static int
match_score (const char *casefolded_query,
             const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return 0;
  folded = g_utf8_casefold (text, -1);

  if (g_str_equal (folded, casefolded_query))
    return 4;
  if (g_str_has_prefix (folded, casefolded_query))
    return 3;
  if (g_str_match_string (casefolded_query, text, TRUE))
    return 2;
  if (strstr (folded, casefolded_query) != NULL)
    return 1;

  return 0;
}

static DossierEntity *
find_entity (DossierGraphView *self,
             const char       *query)
{
  DossierStore *store = dossier_selection_get_store (self->selection);
  g_autofree char *folded = NULL;
  GListModel *entities;
  DossierEntity *best = NULL;
  int best_score = 0;

  if (store == NULL || query == NULL || *query == '\0')
    return NULL;

  folded = g_utf8_casefold (query, -1);
  entities = dossier_store_get_entities (store);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
      const char * const *aliases = dossier_entity_get_aliases (entity);
      /* The name counts a little more than an alias. */
      int score = 2 * match_score (folded, dossier_entity_get_name (entity));

      for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
        score = MAX (score, 2 * match_score (folded, aliases[a]) - 1);

      if (score > best_score)
        {
          best_score = score;
          best = entity;
        }
    }

  return best;
}

static void
search_changed (GtkSearchEntry   *entry,
                DossierGraphView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  DossierEntity *entity;

  if (text == NULL || *text == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  entity = find_entity (self, text);
  if (entity == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  self->picking = TRUE;
  dossier_selection_set_entity (self->selection, entity);
  self->picking = FALSE;
  if (dossier_graph_contains (self->graph, entity))
    dossier_graph_center_on (self->graph, entity);
}

static void
search_activated (GtkSearchEntry   *entry,
                  DossierGraphView *self)
{
  search_changed (entry, self);
  if (dossier_selection_get_entity (self->selection) != NULL)
    gtk_widget_grab_focus (gtk_toggle_button_get_active (self->list_toggle)
                           ? GTK_WIDGET (self->entity_list) : GTK_WIDGET (self->graph));
}

static void
search_stopped (GtkSearchEntry   *entry,
                DossierGraphView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->graph));
}

/* --- actions ----------------------------------------------------------- */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dossier_graph_zoom_in (DOSSIER_GRAPH_VIEW (widget)->graph);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dossier_graph_zoom_out (DOSSIER_GRAPH_VIEW (widget)->graph);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  dossier_graph_fit (DOSSIER_GRAPH_VIEW (widget)->graph);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);

  show_main (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
busy_changed (DossierGraphView *self)
{
  gboolean busy = dossier_graph_get_busy (self->graph);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* --- GObject ----------------------------------------------------------- */

static void
dossier_graph_view_map (GtkWidget *widget)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);
  DossierEntity *entity = dossier_selection_get_entity (self->selection);

  GTK_WIDGET_CLASS (dossier_graph_view_parent_class)->map (widget);

  /* Switched to from another view: show the entity chosen there. */
  if (entity != NULL && dossier_graph_contains (self->graph, entity))
    dossier_graph_center_on (self->graph, entity);
}

static void
dossier_graph_view_constructed (GObject *object)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (object);

  G_OBJECT_CLASS (dossier_graph_view_parent_class)->constructed (object);

  if (self->selection == NULL)
    self->selection = dossier_selection_new ();

  g_signal_connect_object (self->selection, "notify::store",
                           G_CALLBACK (selection_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::entity",
                           G_CALLBACK (selection_entity_changed), self, G_CONNECT_SWAPPED);

  selection_store_changed (self);
  update_detail (self);
}

static void
dossier_graph_view_dispose (GObject *object)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_GRAPH_VIEW);
  /* The template's top box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->shown_entities);
  g_clear_object (&self->shown_relations);
  g_clear_pointer (&self->hidden_types, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_graph_view_parent_class)->dispose (object);
}

static void
dossier_graph_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (object);

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
dossier_graph_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (object);

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
dossier_graph_view_class_init (DossierGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_graph_view_constructed;
  object_class->dispose = dossier_graph_view_dispose;
  object_class->get_property = dossier_graph_view_get_property;
  object_class->set_property = dossier_graph_view_set_property;
  widget_class->map = dossier_graph_view_map;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         DOSSIER_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_GRAPH);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dossier-graph-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, kind_box);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, types_box);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, types_button);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, graph);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, empty_status);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, entity_list);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, detail_box);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, DossierGraphView, leaflet);

  gtk_widget_class_install_action (widget_class, "graph-view.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "graph-view.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "graph-view.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "graph-view.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "graph-view.find", NULL);
  gtk_widget_class_install_action (widget_class, "graph-view.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "graph-view.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "graph-view.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "graph-view.back", NULL);

  gtk_widget_class_set_css_name (widget_class, "dossiergraphview");
}

static void
dossier_graph_view_init (DossierGraphView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->hidden_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown_entities = g_list_store_new (DOSSIER_TYPE_ENTITY);
  self->shown_relations = g_list_store_new (DOSSIER_TYPE_RELATION);

  for (guint k = 0; k < N_KINDS; k++)
    {
      GtkWidget *toggle = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (swatch, "graph-swatch");
      gtk_widget_add_css_class (swatch, kinds[k].css);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), gtk_label_new (_(kinds[k].label)));
      gtk_button_set_child (GTK_BUTTON (toggle), box);
      gtk_widget_set_tooltip_text (toggle, _(kinds[k].tooltip));
      gtk_widget_add_css_class (toggle, "graph-kind-toggle");
      /* The story is about companies: they alone are shown at first. */
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), kinds[k].kind == DOSSIER_ENTITY_KIND_COMPANY);
      g_signal_connect (toggle, "toggled", G_CALLBACK (kind_toggled), self);
      gtk_box_append (self->kind_box, toggle);
      self->kind_toggles[k] = GTK_TOGGLE_BUTTON (toggle);
    }

  g_signal_connect (self->graph, "notify::selected", G_CALLBACK (graph_selected_changed), self);
  g_signal_connect (self->graph, "activate", G_CALLBACK (graph_activated), self);
  g_signal_connect_swapped (self->graph, "notify::busy", G_CALLBACK (busy_changed), self);
  g_signal_connect (self->entity_list, "row-selected", G_CALLBACK (entity_list_row_selected), self);
  g_signal_connect (self->entity_list, "row-activated", G_CALLBACK (entity_list_row_activated), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folding_changed), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (folding_changed), self);
  {
    GtkEventController *controller = gtk_event_controller_legacy_new ();

    gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    g_signal_connect (controller, "event", G_CALLBACK (main_stack_event), self);
    gtk_widget_add_controller (GTK_WIDGET (self->main_stack), controller);
  }
  folding_changed (self);
  g_signal_connect (self->list_toggle, "toggled", G_CALLBACK (list_toggled), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activated), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stopped), self);
}

GtkWidget *
dossier_graph_view_new (DossierSelection *selection)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (selection), NULL);

  return g_object_new (DOSSIER_TYPE_GRAPH_VIEW, "selection", selection, NULL);
}

DossierSelection *
dossier_graph_view_get_selection (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), NULL);

  return self->selection;
}

GtkWidget *
dossier_graph_view_get_graph (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), NULL);

  return GTK_WIDGET (self->graph);
}
