/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-canvas-util.h"
#include "dossier-graph-layout.h"
#include "dossier-graph.h"

/* Graphs up to this size are laid out at once on the main thread (a few
 * milliseconds); bigger ones in a worker thread. */
#define SYNC_LAYOUT_MAX_NODES 300

#define MIN_SCALE 0.02
#define MAX_SCALE 4.0
#define FIT_MAX_SCALE 1.25
#define FIT_MARGIN 24.0
#define ZOOM_STEP 1.25

/* Edge labels are drawn at this zoom and above, and always on the edges of
 * the selected or hovered node and on a hovered edge. */
#define EDGE_LABEL_MIN_SCALE 0.8
/* Below this zoom, node labels would be unreadable specks. */
#define NODE_LABEL_MIN_SCALE 0.3

#define NODE_PAD_X 14.0
#define NODE_PAD_Y 7.0

#define DIM_NODE_OPACITY 0.28
#define DIM_EDGE_ALPHA 0.12

#define CENTER_ANIMATION_USEC (280 * 1000)

typedef struct
{
  DossierEntity *entity;
  PangoLayout   *label;          /* at the widget's font size */
  int            label_width;
  int            label_height;
  double         pad_x;
  PangoLayout   *zoomed;         /* the label at a font size near the zoom */
  double         zoomed_scale;
} Node;

typedef struct
{
  DossierRelation   *relation;
  guint              source;
  guint              target;
  DossierGraphFamily family;
  PangoLayout       *label;   /* made when first drawn */
  PangoLayout       *zoomed;
  double             zoomed_scale;
} Edge;

typedef struct
{
  double   x, y;
  gboolean pinned;
} Saved;

struct _DossierGraph
{
  GtkWidget parent_instance;

  GArray             *nodes;        /* Node */
  GArray             *edges;        /* Edge */
  GHashTable         *node_index;   /* DossierEntity* → index + 1 */
  DossierGraphLayout *layout;       /* geometry on the main thread */
  gboolean            laid_out;
  GHashTable         *saved;        /* entity id → Saved, across rebuilds */

  DossierGraphTransform view;
  gboolean              auto_fit;   /* until the user pans or zooms */

  DossierEntity *selected_entity;   /* may be outside the graph */
  int            selected;          /* node index or -1 */
  int            hovered_node;
  int            hovered_edge;
  guint8        *node_lit;          /* neighbourhood of the selection */
  guint8        *edge_lit;
  double         pointer_x, pointer_y;

  /* Dragging a node or panning */
  int      drag_node;
  double   drag_start_x, drag_start_y;
  gboolean drag_moved;
  double   zoom_start_scale;

  /* Layout in a worker thread */
  GCancellable *cancellable;
  guint         generation;
  gboolean      busy;
  double        layout_time;

  /* Centring */
  DossierEntity *pending_center;
  guint          tick_id;
  gint64         anim_start;
  double         anim_from_dx, anim_from_dy, anim_to_dx, anim_to_dy;

  gulong dark_handler;
};

G_DEFINE_FINAL_TYPE (DossierGraph, dossier_graph, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void dossier_graph_select_node (DossierGraph *self,
                                       int           index);

/* --- styles ------------------------------------------------------------ */

DossierGraphFamily
dossier_graph_family_for_type (const char *relation_type)
{
  static const struct { const char *type; DossierGraphFamily family; } families[] = {
    { "subsidiary-of", DOSSIER_GRAPH_FAMILY_STRUCTURE },
    { "founded", DOSSIER_GRAPH_FAMILY_STRUCTURE },
    { "leads", DOSSIER_GRAPH_FAMILY_STRUCTURE },
    { "works-for", DOSSIER_GRAPH_FAMILY_STRUCTURE },
    { "invests-in", DOSSIER_GRAPH_FAMILY_MONEY },
    { "partners-with", DOSSIER_GRAPH_FAMILY_BUSINESS },
    { "supplies", DOSSIER_GRAPH_FAMILY_BUSINESS },
    { "develops", DOSSIER_GRAPH_FAMILY_BUSINESS },
    { "uses", DOSSIER_GRAPH_FAMILY_BUSINESS },
    { "competes-with", DOSSIER_GRAPH_FAMILY_RIVALRY },
    { "restricts", DOSSIER_GRAPH_FAMILY_CONFLICT },
    { "criticizes", DOSSIER_GRAPH_FAMILY_CONFLICT },
    { "accuses", DOSSIER_GRAPH_FAMILY_CONFLICT },
  };

  for (guint i = 0; relation_type != NULL && i < G_N_ELEMENTS (families); i++)
    if (g_str_equal (families[i].type, relation_type))
      return families[i].family;

  return DOSSIER_GRAPH_FAMILY_OPINION;
}

/* GNOME palette: the darker shade reads on a light background, the
 * lighter one on a dark background. */
static const char * const kind_colors[][2] = {
  [DOSSIER_ENTITY_KIND_COMPANY] = { "#1c71d8", "#62a0ea" },
  [DOSSIER_ENTITY_KIND_PERSON] = { "#1f8a53", "#57e389" },
  [DOSSIER_ENTITY_KIND_PRODUCT] = { "#c64600", "#ffa348" },
  [DOSSIER_ENTITY_KIND_GOVERNMENT] = { "#c01c28", "#f66151" },
  [DOSSIER_ENTITY_KIND_ORGANIZATION] = { "#813d9c", "#c061cb" },
};

static const char * const family_colors[][2] = {
  [DOSSIER_GRAPH_FAMILY_STRUCTURE] = { "#5e5c64", "#c0bfbc" },
  [DOSSIER_GRAPH_FAMILY_MONEY] = { "#1f8a53", "#8ff0a4" },
  [DOSSIER_GRAPH_FAMILY_BUSINESS] = { "#1a5fb4", "#99c1f1" },
  [DOSSIER_GRAPH_FAMILY_RIVALRY] = { "#c64600", "#ffa348" },
  [DOSSIER_GRAPH_FAMILY_CONFLICT] = { "#c01c28", "#ff7b63" },
  [DOSSIER_GRAPH_FAMILY_OPINION] = { "#813d9c", "#dc8add" },
};

static void
parse_color (const char *spec,
             GdkRGBA    *color)
{
  if (!gdk_rgba_parse (color, spec))
    g_assert_not_reached ();
}

static void
kind_color (DossierEntityKind kind,
            gboolean          dark,
            GdkRGBA          *color)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_colors))
    kind = DOSSIER_ENTITY_KIND_ORGANIZATION;
  parse_color (kind_colors[kind][dark ? 1 : 0], color);
}

static void
family_color (DossierGraphFamily family,
              gboolean           dark,
              GdkRGBA           *color)
{
  parse_color (family_colors[family][dark ? 1 : 0], color);
}

static void
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t,
     GdkRGBA       *out)
{
  out->red = a->red + (b->red - a->red) * t;
  out->green = a->green + (b->green - a->green) * t;
  out->blue = a->blue + (b->blue - a->blue) * t;
  out->alpha = 1;
}

static void
background_color (gboolean dark,
                  GdkRGBA *color)
{
  /* libadwaita's @view_bg_color, which style.css gives this widget. */
  parse_color (dark ? "#1e1e1e" : "#ffffff", color);
}

/* --- nodes and edges --------------------------------------------------- */

static void
clear_node (gpointer data)
{
  Node *node = data;

  g_clear_object (&node->entity);
  g_clear_object (&node->label);
  g_clear_object (&node->zoomed);
}

static void
clear_edge (gpointer data)
{
  Edge *edge = data;

  g_clear_object (&edge->relation);
  g_clear_object (&edge->label);
  g_clear_object (&edge->zoomed);
}

static inline Node *
node_at (DossierGraph *self,
         guint         index)
{
  return &g_array_index (self->nodes, Node, index);
}

static inline Edge *
edge_at (DossierGraph *self,
         guint         index)
{
  return &g_array_index (self->edges, Edge, index);
}

static int
index_of (DossierGraph  *self,
          DossierEntity *entity)
{
  gpointer value;

  if (entity == NULL)
    return -1;
  value = g_hash_table_lookup (self->node_index, entity);

  return value != NULL ? GPOINTER_TO_INT (value) - 1 : -1;
}

static PangoLayout *
make_edge_label (DossierGraph *self,
                 Edge         *edge)
{
  PangoLayout *layout;
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *type = dossier_relation_get_relation_type (edge->relation);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), dossier_relation_type_get_label (type));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
update_highlight (DossierGraph *self)
{
  guint n = self->nodes->len, m = self->edges->len;

  g_clear_pointer (&self->node_lit, g_free);
  g_clear_pointer (&self->edge_lit, g_free);

  if (self->selected < 0)
    return;

  self->node_lit = g_new0 (guint8, MAX (n, 1));
  self->edge_lit = g_new0 (guint8, MAX (m, 1));
  self->node_lit[self->selected] = 1;
  for (guint e = 0; e < m; e++)
    {
      Edge *edge = edge_at (self, e);

      if (edge->source == (guint) self->selected || edge->target == (guint) self->selected)
        {
          self->edge_lit[e] = 1;
          self->node_lit[edge->source] = 1;
          self->node_lit[edge->target] = 1;
        }
    }
}

static void
update_accessible (DossierGraph *self)
{
  g_autofree char *description = NULL;

  if (self->selected >= 0)
    {
      Node *node = node_at (self, self->selected);
      guint n_relations = 0;

      for (guint e = 0; e < self->edges->len; e++)
        if (edge_at (self, e)->source == (guint) self->selected || edge_at (self, e)->target == (guint) self->selected)
          n_relations++;

      /* Translators: the graph's description for screen readers: the
       * selected entity, its kind and how many relations it has in view. */
      description = g_strdup_printf (ngettext ("Selected: %s, %s, %u relation shown",
                                               "Selected: %s, %s, %u relations shown", n_relations),
                                     dossier_entity_get_name (node->entity),
                                     dossier_entity_kind_get_label (dossier_entity_get_kind (node->entity)),
                                     n_relations);
    }
  else
    {
      /* Translators: the graph's description for screen readers. */
      description = g_strdup_printf (_("%u entities and %u relations; use the arrow keys to select one"),
                                     self->nodes->len, self->edges->len);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* --- view transform ---------------------------------------------------- */

static void
to_screen (DossierGraph *self,
           double        wx,
           double        wy,
           double       *sx,
           double       *sy)
{
  *sx = wx * self->view.scale + self->view.dx;
  *sy = wy * self->view.scale + self->view.dy;
}

static void
stop_animation (DossierGraph *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
fit_now (DossierGraph *self)
{
  DossierGraphRect bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->laid_out || width <= 0 || height <= 0)
    return;

  stop_animation (self);
  dossier_graph_layout_get_bounds (self->layout, &bounds);
  dossier_graph_transform_fit (&self->view, &bounds, width, height, FIT_MARGIN, MIN_SCALE, FIT_MAX_SCALE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_at (DossierGraph *self,
         double        factor,
         double        sx,
         double        sy)
{
  stop_animation (self);
  self->auto_fit = FALSE;
  dossier_graph_transform_zoom_at (&self->view, factor, sx, sy, MIN_SCALE, MAX_SCALE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
animations_enabled (DossierGraph *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);

  return enabled;
}

static gboolean
center_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  DossierGraph *self = DOSSIER_GRAPH (widget);
  double t = (double) (gdk_frame_clock_get_frame_time (clock) - self->anim_start) / CENTER_ANIMATION_USEC;
  double ease;

  t = CLAMP (t, 0, 1);
  ease = 1 - pow (1 - t, 3);
  self->view.dx = self->anim_from_dx + (self->anim_to_dx - self->anim_from_dx) * ease;
  self->view.dy = self->anim_from_dy + (self->anim_to_dy - self->anim_from_dy) * ease;
  gtk_widget_queue_draw (widget);

  if (t >= 1)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
center_on_node (DossierGraph *self,
                guint         index)
{
  const DossierGraphNode *node = dossier_graph_layout_get_node (self->layout, index);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  DossierGraphTransform target = self->view;

  if (width <= 0 || height <= 0)
    return;

  stop_animation (self);
  self->auto_fit = FALSE;
  dossier_graph_transform_center_on (&target, node->x, node->y, width / 2.0, height / 2.0);

  if (!animations_enabled (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->view = target;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  self->anim_from_dx = self->view.dx;
  self->anim_from_dy = self->view.dy;
  self->anim_to_dx = target.dx;
  self->anim_to_dy = target.dy;
  self->anim_start = g_get_monotonic_time ();
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

    if (clock != NULL)
      self->anim_start = gdk_frame_clock_get_frame_time (clock);
  }
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), center_tick, NULL, NULL);
}

/* Brings a node into view if it is near or past an edge of the widget. */
static void
reveal_node (DossierGraph *self,
             guint         index)
{
  const DossierGraphNode *node = dossier_graph_layout_get_node (self->layout, index);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double sx, sy, margin = 48;

  to_screen (self, node->x, node->y, &sx, &sy);
  if (sx < margin || sy < margin || sx > width - margin || sy > height - margin)
    center_on_node (self, index);
}

/* --- layout ------------------------------------------------------------ */

typedef struct
{
  DossierGraphLayout      *layout;
  DossierGraphLayoutParams params;
  guint                    generation;
  double                   seconds;
} LayoutJob;

static void
layout_job_free (gpointer data)
{
  LayoutJob *job = data;

  dossier_graph_layout_free (job->layout);
  g_free (job);
}

static gboolean
job_cancelled (gpointer user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LayoutJob *job = task_data;
  gint64 start = g_get_monotonic_time ();

  if (dossier_graph_layout_run (job->layout, &job->params, job_cancelled, cancellable))
    {
      job->seconds = (g_get_monotonic_time () - start) / 1e6;
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Layout cancelled");
    }
}

static void
set_busy (DossierGraph *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
layout_applied (DossierGraph *self)
{
  self->laid_out = TRUE;

  if (self->auto_fit)
    fit_now (self);

  if (self->pending_center != NULL)
    {
      int index = index_of (self, self->pending_center);

      g_clear_object (&self->pending_center);
      if (index >= 0)
        center_on_node (self, index);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
layout_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  DossierGraph *self = DOSSIER_GRAPH (source_object);
  LayoutJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || job->generation != self->generation)
    return;

  dossier_graph_layout_free (self->layout);
  self->layout = g_steal_pointer (&job->layout);
  self->layout_time = job->seconds;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  layout_applied (self);
}

static void
layout_params (DossierGraph             *self,
               DossierGraphLayoutParams *params)
{
  double total_width = 0;

  dossier_graph_layout_params_init (params);

  /* Neighbours a bit more than a label apart, so that the relation type
   * fits on the edge between them. */
  for (guint i = 0; i < self->nodes->len; i++)
    total_width += dossier_graph_layout_get_node (self->layout, i)->width;
  if (self->nodes->len > 0)
    params->edge_length = MAX (params->edge_length, 1.4 * total_width / self->nodes->len);
}

static void
start_layout (DossierGraph *self)
{
  DossierGraphLayoutParams params;

  self->generation++;
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  layout_params (self, &params);

  if (self->nodes->len <= SYNC_LAYOUT_MAX_NODES)
    {
      gint64 start = g_get_monotonic_time ();

      dossier_graph_layout_run (self->layout, &params, NULL, NULL);
      self->layout_time = (g_get_monotonic_time () - start) / 1e6;
      set_busy (self, FALSE);
      layout_applied (self);
    }
  else
    {
      g_autoptr(GTask) task = NULL;
      LayoutJob *job = g_new0 (LayoutJob, 1);

      job->layout = dossier_graph_layout_copy (self->layout);
      job->params = params;
      job->generation = self->generation;

      self->cancellable = g_cancellable_new ();
      task = g_task_new (self, self->cancellable, layout_done, NULL);
      g_task_set_source_tag (task, start_layout);
      g_task_set_task_data (task, job, layout_job_free);
      g_task_run_in_thread (task, layout_thread);

      self->laid_out = FALSE;
      set_busy (self, TRUE);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
save_positions (DossierGraph *self)
{
  if (!self->laid_out)
    return;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const DossierGraphNode *n = dossier_graph_layout_get_node (self->layout, i);
      Saved *saved = g_new (Saved, 1);

      saved->x = n->x;
      saved->y = n->y;
      saved->pinned = n->pinned;
      g_hash_table_replace (self->saved, g_strdup (dossier_entity_get_id (node_at (self, i)->entity)), saved);
    }
}

void
dossier_graph_set_graph (DossierGraph *self,
                         GListModel   *entities,
                         GListModel   *relations)
{
  guint n_entities, n_relations;
  DossierGraphLayout *layout;

  g_return_if_fail (DOSSIER_IS_GRAPH (self));
  g_return_if_fail (entities == NULL || G_IS_LIST_MODEL (entities));
  g_return_if_fail (relations == NULL || G_IS_LIST_MODEL (relations));

  save_positions (self);

  g_array_set_size (self->nodes, 0);
  g_array_set_size (self->edges, 0);
  g_hash_table_remove_all (self->node_index);
  self->hovered_node = -1;
  self->hovered_edge = -1;
  self->drag_node = -1;

  layout = dossier_graph_layout_new ();
  n_entities = entities != NULL ? g_list_model_get_n_items (entities) : 0;
  n_relations = relations != NULL ? g_list_model_get_n_items (relations) : 0;

  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
      Node node = { 0 };
      Saved *saved;
      guint index;
      double height;

      if (g_hash_table_contains (self->node_index, entity))
        continue;

      node.entity = g_object_ref (entity);
      node.label = gtk_widget_create_pango_layout (GTK_WIDGET (self), dossier_entity_get_name (entity));
      pango_layout_get_pixel_size (node.label, &node.label_width, &node.label_height);
      height = node.label_height + 2 * NODE_PAD_Y;
      /* Rounder shapes need more room on the sides for the same text. */
      switch (dossier_entity_get_kind (entity))
        {
        case DOSSIER_ENTITY_KIND_PERSON:
        case DOSSIER_ENTITY_KIND_PRODUCT:
          node.pad_x = NODE_PAD_X + height / 4;
          break;
        case DOSSIER_ENTITY_KIND_COMPANY:
        case DOSSIER_ENTITY_KIND_GOVERNMENT:
        case DOSSIER_ENTITY_KIND_ORGANIZATION:
        default:
          node.pad_x = NODE_PAD_X;
          break;
        }

      g_array_append_val (self->nodes, node);
      index = dossier_graph_layout_add_node (layout, node.label_width + 2 * node.pad_x, height);
      g_hash_table_insert (self->node_index, entity, GINT_TO_POINTER (index + 1));

      saved = g_hash_table_lookup (self->saved, dossier_entity_get_id (entity));
      if (saved != NULL)
        dossier_graph_layout_set_position (layout, index, saved->x, saved->y, saved->pinned);
    }

  for (guint i = 0; i < n_relations; i++)
    {
      g_autoptr(DossierRelation) relation = g_list_model_get_item (relations, i);
      int source = index_of (self, dossier_relation_get_from (relation));
      int target = index_of (self, dossier_relation_get_to (relation));
      Edge edge = { 0 };

      if (source < 0 || target < 0 || source == target)
        continue;

      edge.relation = g_object_ref (relation);
      edge.source = source;
      edge.target = target;
      edge.family = dossier_graph_family_for_type (dossier_relation_get_relation_type (relation));
      g_array_append_val (self->edges, edge);
      dossier_graph_layout_add_edge (layout, source, target);
    }

  dossier_graph_layout_free (self->layout);
  self->layout = layout;
  self->laid_out = FALSE;

  self->selected = index_of (self, self->selected_entity);
  update_highlight (self);
  update_accessible (self);

  start_layout (self);
}

void
dossier_graph_reset (DossierGraph *self)
{
  g_return_if_fail (DOSSIER_IS_GRAPH (self));

  g_hash_table_remove_all (self->saved);
  if (self->laid_out)
    for (guint i = 0; i < self->nodes->len; i++)
      {
        dossier_graph_layout_get_node (self->layout, i)->placed = FALSE;
        dossier_graph_layout_get_node (self->layout, i)->pinned = FALSE;
      }
  self->laid_out = FALSE;
  self->auto_fit = TRUE;
}

/* --- drawing ----------------------------------------------------------- */

static void
node_rect (DossierGraph    *self,
           guint            index,
           graphene_rect_t *rect)
{
  const DossierGraphNode *n = dossier_graph_layout_get_node (self->layout, index);
  double sx, sy;

  to_screen (self, n->x, n->y, &sx, &sy);
  /* On whole pixels, so that borders stay crisp. */
  graphene_rect_init (rect,
                      round (sx - n->width * self->view.scale / 2),
                      round (sy - n->height * self->view.scale / 2),
                      round (n->width * self->view.scale),
                      round (n->height * self->view.scale));
}

/* The outline of each kind: with the colour, the shape tells kinds apart
 * for readers who do not see the colours. */
static void
node_shape (DossierEntityKind     kind,
            const graphene_rect_t *rect,
            double                 scale,
            GskRoundedRect        *shape)
{
  double h = rect->size.height;
  graphene_size_t small, round;

  switch (kind)
    {
    case DOSSIER_ENTITY_KIND_PERSON:
      gsk_rounded_rect_init_from_rect (shape, rect, h / 2);
      break;
    case DOSSIER_ENTITY_KIND_PRODUCT:
      /* A leaf: two opposite corners round, two nearly square. */
      small = GRAPHENE_SIZE_INIT (3 * scale, 3 * scale);
      round = GRAPHENE_SIZE_INIT (h / 2, h / 2);
      gsk_rounded_rect_init (shape, rect, &round, &small, &round, &small);
      break;
    case DOSSIER_ENTITY_KIND_GOVERNMENT:
      gsk_rounded_rect_init_from_rect (shape, rect, 0);
      break;
    case DOSSIER_ENTITY_KIND_ORGANIZATION:
      gsk_rounded_rect_init_from_rect (shape, rect, MIN (10 * scale, h / 3));
      break;
    case DOSSIER_ENTITY_KIND_COMPANY:
    default:
      gsk_rounded_rect_init_from_rect (shape, rect, MIN (4 * scale, h / 4));
      break;
    }
}

/* Scaled glyphs look blurred or broken with the GL renderer of GTK 4.8,
 * so zoomed labels are laid out again at a font size close to the zoom
 * (in 5 % steps, so that zooming does not redo it every frame) and scaled
 * only by what is left. */
static PangoLayout *
zoomed_label (PangoLayout  *label,
              PangoLayout **zoomed,
              double       *zoomed_scale,
              double        scale,
              double       *font_scale)
{
  double step = round (scale * 20) / 20;

  if (fabs (scale - 1) < 0.025 || step <= 0)
    {
      *font_scale = 1;
      return label;
    }

  if (*zoomed == NULL || *zoomed_scale != step)
    {
      PangoContext *context = pango_layout_get_context (label);
      const PangoFontDescription *base = pango_context_get_font_description (context);
      PangoFontDescription *desc = pango_font_description_copy (base);
      int size = pango_font_description_get_size (base);

      if (size <= 0)
        size = 11 * PANGO_SCALE;
      if (pango_font_description_get_size_is_absolute (base))
        pango_font_description_set_absolute_size (desc, size * step);
      else
        pango_font_description_set_size (desc, (int) (size * step));

      g_clear_object (zoomed);
      *zoomed = pango_layout_copy (label);
      pango_layout_set_font_description (*zoomed, desc);
      *zoomed_scale = step;
      pango_font_description_free (desc);
    }

  *font_scale = step;

  return *zoomed;
}

static void
draw_node (DossierGraph *self,
           GtkSnapshot  *snapshot,
           guint         index,
           gboolean      dark,
           const GdkRGBA *fg,
           const GdkRGBA *bg)
{
  Node *node = node_at (self, index);
  DossierEntityKind kind = dossier_entity_get_kind (node->entity);
  double scale = self->view.scale;
  graphene_rect_t rect;
  GskRoundedRect shape;
  GdkRGBA color, fill;
  float border = round (CLAMP (1.5 * scale, 1, 2.5));
  gboolean hovered = (int) index == self->hovered_node;

  node_rect (self, index, &rect);
  kind_color (kind, dark, &color);
  mix (bg, &color, hovered ? (dark ? 0.42 : 0.26) : (dark ? 0.28 : 0.14), &fill);
  node_shape (kind, &rect, scale, &shape);

  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gtk_snapshot_pop (snapshot);

  {
    GdkRGBA colors[4] = { color, color, color, color };
    float widths[4] = { border, border, border, border };

    if (kind == DOSSIER_ENTITY_KIND_GOVERNMENT)
      {
        /* Heavy lintel and base, like a civic building. */
        widths[0] = widths[2] = CLAMP (4 * scale, 2, 6);
      }
    gtk_snapshot_append_border (snapshot, &shape, widths, colors);

    if (kind == DOSSIER_ENTITY_KIND_ORGANIZATION && scale > 0.25)
      {
        /* A double outline. */
        GskRoundedRect inner = shape;

        gsk_rounded_rect_shrink (&inner, 3 * scale, 3 * scale, 3 * scale, 3 * scale);
        gtk_snapshot_append_border (snapshot, &inner, widths, colors);
      }
  }

  if (scale >= NODE_LABEL_MIN_SCALE)
    {
      double font_scale;
      PangoLayout *label = zoomed_label (node->label, &node->zoomed, &node->zoomed_scale, scale, &font_scale);
      int lw, lh;

      pango_layout_get_pixel_size (label, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + (rect.size.width - lw * scale / font_scale) / 2,
                                                              rect.origin.y + (rect.size.height - lh * scale / font_scale) / 2));
      if (scale != font_scale)
        gtk_snapshot_scale (snapshot, scale / font_scale, scale / font_scale);
      gtk_snapshot_append_layout (snapshot, label, fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_ring (GtkSnapshot          *snapshot,
           const GskRoundedRect *shape,
           double                grow,
           float                 width,
           const GdkRGBA        *color)
{
  GskRoundedRect ring = *shape;

  gsk_rounded_rect_shrink (&ring, -grow, -grow, -grow, -grow);
  dossier_canvas_append_outline (snapshot, &ring, width, color);
}

static void
set_family_stroke (cairo_t           *cr,
                   DossierGraphFamily family,
                   double             width,
                   gboolean           patterns)
{
  static const double dashed[] = { 9, 5 };
  static const double short_dashed[] = { 4, 4 };
  static const double dotted[] = { 0.1, 5 };

  cairo_set_line_width (cr, family == DOSSIER_GRAPH_FAMILY_MONEY ? width * 1.6 : width);
  cairo_set_line_cap (cr, patterns ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  if (!patterns)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }
  switch (family)
    {
    case DOSSIER_GRAPH_FAMILY_RIVALRY:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case DOSSIER_GRAPH_FAMILY_CONFLICT:
      cairo_set_dash (cr, short_dashed, G_N_ELEMENTS (short_dashed), 0);
      break;
    case DOSSIER_GRAPH_FAMILY_OPINION:
      cairo_set_line_width (cr, width * 1.5);
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    case DOSSIER_GRAPH_FAMILY_STRUCTURE:
    case DOSSIER_GRAPH_FAMILY_MONEY:
    case DOSSIER_GRAPH_FAMILY_BUSINESS:
    case DOSSIER_GRAPH_N_FAMILIES:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

typedef struct
{
  double x0, y0, c1x, c1y, c2x, c2y, x1, y1;  /* cubic form, screen */
  double qx, qy;                               /* quadratic control point */
  double tip_x, tip_y, ux, uy;                 /* arrow tip and direction */
  double mx, my;                               /* middle, for the label */
  double length;
} ScreenCurve;

#define ARROW_LENGTH 11.0
#define ARROW_HALF_WIDTH 4.5

static gboolean
screen_curve (DossierGraph *self,
              guint         e,
              double        width,
              double        height,
              ScreenCurve  *sc)
{
  DossierGraphCurve c;
  double x0, y0, cx, cy, x1, y1, dx, dy, d;

  dossier_graph_layout_get_curve (self->layout, e, &c);
  to_screen (self, c.x0, c.y0, &x0, &y0);
  to_screen (self, c.cx, c.cy, &cx, &cy);
  to_screen (self, c.x1, c.y1, &x1, &y1);

  /* Off screen: the curve lies within the hull of its three points. */
  if (MAX (MAX (x0, x1), cx) < -8 || MIN (MIN (x0, x1), cx) > width + 8 ||
      MAX (MAX (y0, y1), cy) < -8 || MIN (MIN (y0, y1), cy) > height + 8)
    return FALSE;

  dx = x1 - cx;
  dy = y1 - cy;
  d = hypot (dx, dy);
  sc->ux = d > 0 ? dx / d : 1;
  sc->uy = d > 0 ? dy / d : 0;
  sc->tip_x = x1;
  sc->tip_y = y1;
  sc->length = hypot (x1 - x0, y1 - y0);

  /* The line stops inside the arrowhead, whose tip touches the box. */
  if (sc->length > 2 * ARROW_LENGTH)
    {
      x1 -= sc->ux * ARROW_LENGTH * 0.8;
      y1 -= sc->uy * ARROW_LENGTH * 0.8;
    }

  sc->qx = cx;
  sc->qy = cy;
  sc->x0 = x0;
  sc->y0 = y0;
  sc->x1 = x1;
  sc->y1 = y1;
  sc->c1x = x0 + 2.0 / 3.0 * (cx - x0);
  sc->c1y = y0 + 2.0 / 3.0 * (cy - y0);
  sc->c2x = x1 + 2.0 / 3.0 * (cx - x1);
  sc->c2y = y1 + 2.0 / 3.0 * (cy - y1);
  to_screen (self, c.mx, c.my, &sc->mx, &sc->my);

  return TRUE;
}

static void
draw_edges (DossierGraph *self,
            GtkSnapshot  *snapshot,
            double        width,
            double        height,
            gboolean      dark)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  double line_width = CLAMP (1.4 * sqrt (self->view.scale), 0.8, 2.2);
  /* Zoomed far out, thousands of edges are a few pixels long: dashes
   * would not show and cost much, and coarser curves look the same. */
  gboolean patterns = self->view.scale >= 0.35 || self->edges->len < 2000;

  cairo_set_tolerance (cr, 0.5);
  if (!patterns)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  /* One path per family and emphasis: a few strokes for thousands of
   * edges. Dimmed edges first, so the lit ones are on top. */
  for (guint lit = 0; lit < 2; lit++)
    for (guint family = 0; family < DOSSIER_GRAPH_N_FAMILIES; family++)
      {
        GdkRGBA color;
        gboolean any = FALSE;
        double alpha;

        cairo_new_path (cr);
        for (guint e = 0; e < self->edges->len; e++)
          {
            Edge *edge = edge_at (self, e);
            gboolean edge_is_lit = self->edge_lit == NULL || self->edge_lit[e] || (int) e == self->hovered_edge;
            ScreenCurve sc;

            if (edge->family != family || edge_is_lit != (lit == 1))
              continue;
            if (!screen_curve (self, e, width, height, &sc))
              continue;

            cairo_move_to (cr, sc.x0, sc.y0);
            if (edge_at (self, e)->source != edge_at (self, e)->target &&
                dossier_graph_layout_get_edge (self->layout, e)->bend != 0)
              cairo_curve_to (cr, sc.c1x, sc.c1y, sc.c2x, sc.c2y, sc.x1, sc.y1);
            else
              cairo_line_to (cr, sc.x1, sc.y1);
            any = TRUE;
          }

        if (!any)
          continue;

        family_color (family, dark, &color);
        alpha = lit ? 1.0 : DIM_EDGE_ALPHA;
        cairo_set_source_rgba (cr, color.red, color.green, color.blue, alpha);
        set_family_stroke (cr, family, line_width, patterns);
        cairo_stroke (cr);

        /* Arrowheads, filled, for edges long enough to show one. */
        cairo_new_path (cr);
        for (guint e = 0; e < self->edges->len; e++)
          {
            Edge *edge = edge_at (self, e);
            gboolean edge_is_lit = self->edge_lit == NULL || self->edge_lit[e] || (int) e == self->hovered_edge;
            ScreenCurve sc;
            double size;

            if (edge->family != family || edge_is_lit != (lit == 1))
              continue;
            if (!screen_curve (self, e, width, height, &sc) || sc.length < 2 * ARROW_LENGTH)
              continue;

            size = CLAMP (sqrt (self->view.scale), 0.6, 1.3);
            cairo_move_to (cr, sc.tip_x, sc.tip_y);
            cairo_line_to (cr,
                           sc.tip_x - sc.ux * ARROW_LENGTH * size - sc.uy * ARROW_HALF_WIDTH * size,
                           sc.tip_y - sc.uy * ARROW_LENGTH * size + sc.ux * ARROW_HALF_WIDTH * size);
            cairo_line_to (cr,
                           sc.tip_x - sc.ux * ARROW_LENGTH * size + sc.uy * ARROW_HALF_WIDTH * size,
                           sc.tip_y - sc.uy * ARROW_LENGTH * size - sc.ux * ARROW_HALF_WIDTH * size);
            cairo_close_path (cr);
          }
        cairo_fill (cr);
      }

  cairo_destroy (cr);
}

static gboolean
edge_label_shown (DossierGraph *self,
                  guint         e)
{
  Edge *edge = edge_at (self, e);

  if ((int) e == self->hovered_edge)
    return TRUE;
  if (self->hovered_node >= 0 &&
      (edge->source == (guint) self->hovered_node || edge->target == (guint) self->hovered_node))
    return TRUE;
  if (self->edge_lit != NULL)
    return self->edge_lit[e];

  return self->view.scale >= EDGE_LABEL_MIN_SCALE;
}

static gboolean
rect_hits_any (const graphene_rect_t *rect,
               GArray                *taken)
{
  for (guint k = 0; k < taken->len; k++)
    if (graphene_rect_intersection (rect, &g_array_index (taken, graphene_rect_t, k), NULL))
      return TRUE;

  return FALSE;
}

static void
draw_edge_labels (DossierGraph  *self,
                  GtkSnapshot   *snapshot,
                  double         width,
                  double         height,
                  gboolean       dark,
                  const GdkRGBA *fg,
                  const GdkRGBA *bg)
{
  /* Where along the curve a label may go, best first: it slides away
   * from labels and boxes already there. */
  static const double positions[] = { 0.5, 0.38, 0.62, 0.28, 0.72 };
  GdkRGBA pill = *bg;
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  gboolean any = FALSE;

  pill.alpha = 0.9;

  for (guint e = 0; e < self->edges->len && !any; e++)
    any = edge_label_shown (self, e);
  if (!any)
    return;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      graphene_rect_t rect;

      node_rect (self, i, &rect);
      if (rect.origin.x + rect.size.width >= 0 && rect.origin.x <= width &&
          rect.origin.y + rect.size.height >= 0 && rect.origin.y <= height)
        g_array_append_val (taken, rect);
    }

  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = edge_at (self, e);
      ScreenCurve sc;
      int lw, lh;
      graphene_rect_t rect;
      GskRoundedRect rounded;
      GdkRGBA color;
      double lx = 0, ly = 0, font_scale;
      PangoLayout *label;

      if (!edge_label_shown (self, e) || !screen_curve (self, e, width, height, &sc))
        continue;

      if (edge->label == NULL)
        edge->label = make_edge_label (self, edge);
      /* Edge labels grow with the zoom like the node labels, but do not
       * shrink: when shown zoomed out, they must stay readable. */
      label = zoomed_label (edge->label, &edge->zoomed, &edge->zoomed_scale,
                            CLAMP (self->view.scale, 1, 1.5), &font_scale);
      pango_layout_get_pixel_size (label, &lw, &lh);

      for (guint k = 0; k < G_N_ELEMENTS (positions); k++)
        {
          double t = positions[k], u = 1 - t;

          lx = u * u * sc.x0 + 2 * u * t * sc.qx + t * t * sc.tip_x;
          ly = u * u * sc.y0 + 2 * u * t * sc.qy + t * t * sc.tip_y;
          graphene_rect_init (&rect, round (lx - lw / 2.0 - 5), round (ly - lh / 2.0 - 1), lw + 10, lh + 2);
          if (!rect_hits_any (&rect, taken))
            break;
          /* Nowhere free: keep the middle. */
          if (k == G_N_ELEMENTS (positions) - 1)
            {
              lx = sc.mx;
              ly = sc.my;
              graphene_rect_init (&rect, round (lx - lw / 2.0 - 5), round (ly - lh / 2.0 - 1), lw + 10, lh + 2);
            }
        }
      g_array_append_val (taken, rect);

      gsk_rounded_rect_init_from_rect (&rounded, &rect, rect.size.height / 2);
      family_color (edge->family, dark, &color);

      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &pill, &rect);
      gtk_snapshot_pop (snapshot);
      dossier_canvas_append_outline (snapshot, &rounded, 1, &color);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 5, rect.origin.y + 1));
      gtk_snapshot_append_layout (snapshot, label, fg);
      gtk_snapshot_restore (snapshot);
    }
}

static gboolean
node_visible (DossierGraph *self,
              guint         index,
              double        width,
              double        height)
{
  graphene_rect_t rect;

  node_rect (self, index, &rect);

  return rect.origin.x + rect.size.width >= -8 && rect.origin.x <= width + 8 &&
         rect.origin.y + rect.size.height >= -8 && rect.origin.y <= height + 8;
}

static void
dossier_graph_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  DossierGraph *self = DOSSIER_GRAPH (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  gboolean dark = dossier_canvas_is_dark ();
  GdkRGBA fg, bg, accent;

  dossier_canvas_get_fg_color (widget, &fg);
  background_color (dark, &bg);
  dossier_canvas_get_fallback_accent (dark, &accent);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->laid_out && self->nodes->len > 0)
    {
      draw_edges (self, snapshot, width, height, dark);
      draw_edge_labels (self, snapshot, width, height, dark, &fg, &bg);

      /* Dimmed nodes below, the neighbourhood of the selection on top. */
      if (self->node_lit != NULL)
        {
          gtk_snapshot_push_opacity (snapshot, DIM_NODE_OPACITY);
          for (guint i = 0; i < self->nodes->len; i++)
            if (!self->node_lit[i] && node_visible (self, i, width, height))
              draw_node (self, snapshot, i, dark, &fg, &bg);
          gtk_snapshot_pop (snapshot);
        }
      for (guint i = 0; i < self->nodes->len; i++)
        if ((self->node_lit == NULL || self->node_lit[i]) && node_visible (self, i, width, height))
          draw_node (self, snapshot, i, dark, &fg, &bg);

      if (self->selected >= 0)
        {
          graphene_rect_t rect;
          GskRoundedRect shape;

          node_rect (self, self->selected, &rect);
          node_shape (dossier_entity_get_kind (node_at (self, self->selected)->entity),
                      &rect, self->view.scale, &shape);
          draw_ring (snapshot, &shape, 2, 3, &accent);
          if (gtk_widget_has_visible_focus (widget))
            {
              GdkRGBA focus = accent;

              focus.alpha = 0.55;
              draw_ring (snapshot, &shape, 6, 2, &focus);
            }
        }
    }

  /* Focus with nothing selected: the ring goes round the whole graph. */
  if (gtk_widget_has_visible_focus (widget) && (self->selected < 0 || !self->laid_out))
    {
      GdkRGBA focus = accent;

      focus.alpha = 0.55;
      dossier_canvas_append_focus_ring (snapshot, width, height, &focus);
    }

  gtk_snapshot_pop (snapshot);
}

/* --- input ------------------------------------------------------------- */

static void
world_point (DossierGraph *self,
             double        sx,
             double        sy,
             double       *wx,
             double       *wy)
{
  dossier_graph_transform_to_world (&self->view, sx, sy, wx, wy);
}

static int
hit_node (DossierGraph *self,
          double        sx,
          double        sy)
{
  double wx, wy;

  if (!self->laid_out)
    return -1;
  world_point (self, sx, sy, &wx, &wy);

  return dossier_graph_layout_node_at (self->layout, wx, wy);
}

static int
hit_edge (DossierGraph *self,
          double        sx,
          double        sy)
{
  double wx, wy;

  if (!self->laid_out)
    return -1;
  world_point (self, sx, sy, &wx, &wy);

  return dossier_graph_layout_edge_at (self->layout, wx, wy, 6 / self->view.scale);
}

static void
update_hover (DossierGraph *self,
              double        x,
              double        y)
{
  int node = hit_node (self, x, y);
  int edge = node < 0 ? hit_edge (self, x, y) : -1;

  self->pointer_x = x;
  self->pointer_y = y;

  if (node == self->hovered_node && edge == self->hovered_edge)
    return;

  self->hovered_node = node;
  self->hovered_edge = edge;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), node >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           DossierGraph             *self)
{
  update_hover (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          DossierGraph             *self)
{
  if (self->hovered_node >= 0 || self->hovered_edge >= 0)
    {
      self->hovered_node = -1;
      self->hovered_edge = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               DossierGraph   *self)
{
  stop_animation (self);
  self->drag_moved = FALSE;
  self->drag_node = hit_node (self, x, y);

  if (self->drag_node >= 0)
    {
      const DossierGraphNode *n = dossier_graph_layout_get_node (self->layout, self->drag_node);

      self->drag_start_x = n->x;
      self->drag_start_y = n->y;
    }
  else
    {
      self->drag_start_x = self->view.dx;
      self->drag_start_y = self->view.dy;
    }

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                DossierGraph   *self)
{
  if (!self->drag_moved && hypot (offset_x, offset_y) < 4)
    return;

  self->drag_moved = TRUE;

  if (self->drag_node >= 0 && self->laid_out)
    {
      dossier_graph_layout_set_position (self->layout, self->drag_node,
                                         self->drag_start_x + offset_x / self->view.scale,
                                         self->drag_start_y + offset_y / self->view.scale,
                                         TRUE);
    }
  else
    {
      self->auto_fit = FALSE;
      self->view.dx = self->drag_start_x + offset_x;
      self->view.dy = self->drag_start_y + offset_y;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             DossierGraph   *self)
{
  if (!self->drag_moved)
    {
      /* A click: select what is under the pointer, or nothing. */
      dossier_graph_select_node (self, self->drag_node);
    }
  else if (self->drag_node >= 0)
    {
      /* The node stays where it was dropped, across layouts too. */
      save_positions (self);
    }

  self->drag_node = -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->hovered_node >= 0 ? "pointer" : NULL);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            DossierGraph    *self)
{
  int node;

  if (n_press != 2)
    return;

  node = hit_node (self, x, y);
  if (node >= 0)
    {
      dossier_graph_select_node (self, node);
      g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, node_at (self, node)->entity);
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DossierGraph             *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double unit = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL ? 40 : 1;

  if (state & GDK_CONTROL_MASK)
    {
      zoom_at (self, pow (1.1, -dy * (unit > 1 ? 1 : 0.1)), self->pointer_x, self->pointer_y);
      return GDK_EVENT_STOP;
    }

  stop_animation (self);
  self->auto_fit = FALSE;
  self->view.dx -= dx * unit;
  self->view.dy -= dy * unit;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return GDK_EVENT_STOP;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               DossierGraph     *self)
{
  self->zoom_start_scale = self->view.scale;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       DossierGraph   *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  zoom_at (self, self->zoom_start_scale * scale / self->view.scale, x, y);
}

static gboolean
query_tooltip_cb (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  DossierGraph *self)
{
  int node, edge;

  if (keyboard)
    return FALSE;

  node = hit_node (self, x, y);
  if (node >= 0)
    {
      DossierEntity *entity = node_at (self, node)->entity;
      g_autofree char *text = g_strdup_printf ("%s — %s", dossier_entity_get_name (entity),
                                               dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));

      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  edge = hit_edge (self, x, y);
  if (edge >= 0)
    {
      DossierRelation *relation = edge_at (self, edge)->relation;
      const char *summary = dossier_relation_get_summary (relation);
      /* Translators: a relation in a tooltip: "DeepSeek competes with OpenAI". */
      g_autofree char *text = g_strdup_printf (C_("relation", "%s %s %s"),
                                               dossier_entity_get_name (dossier_relation_get_from (relation)),
                                               dossier_relation_type_get_label (dossier_relation_get_relation_type (relation)),
                                               dossier_entity_get_name (dossier_relation_get_to (relation)));

      if (summary != NULL && *summary != '\0')
        {
          g_autofree char *full = g_strdup_printf ("%s\n%s", text, summary);

          gtk_tooltip_set_text (tooltip, full);
        }
      else
        {
          gtk_tooltip_set_text (tooltip, text);
        }
      return TRUE;
    }

  return FALSE;
}

/* --- keyboard ---------------------------------------------------------- */

static gboolean
nearest_to_center (DossierGraph *self)
{
  double wx, wy, best = G_MAXDOUBLE;
  int found = -1;

  world_point (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, &wx, &wy);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const DossierGraphNode *n = dossier_graph_layout_get_node (self->layout, i);
      double d = hypot (n->x - wx, n->y - wy);

      if (d < best)
        {
          best = d;
          found = i;
        }
    }

  if (found >= 0)
    dossier_graph_select_node (self, found);

  return found >= 0;
}

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  DossierGraph *self = DOSSIER_GRAPH (widget);
  DossierGraphDirection direction = g_variant_get_int32 (args);
  int next;

  if (!self->laid_out || self->nodes->len == 0)
    return FALSE;

  if (self->selected < 0)
    return nearest_to_center (self);

  next = dossier_graph_layout_navigate (self->layout, self->selected, direction, NULL, NULL);
  if (next >= 0)
    {
      dossier_graph_select_node (self, next);
      reveal_node (self, next);
    }
  else
    {
      gtk_widget_error_bell (widget);
    }

  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  DossierGraph *self = DOSSIER_GRAPH (widget);

  if (self->selected < 0)
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, node_at (self, self->selected)->entity);

  return TRUE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  DossierGraph *self = DOSSIER_GRAPH (widget);

  if (self->selected < 0)
    return FALSE;
  dossier_graph_select_node (self, -1);

  return TRUE;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dossier_graph_zoom_in (DOSSIER_GRAPH (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dossier_graph_zoom_out (DOSSIER_GRAPH (widget));
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  dossier_graph_fit (DOSSIER_GRAPH (widget));
}

/* --- selection --------------------------------------------------------- */

static void
dossier_graph_select_node (DossierGraph *self,
                           int           index)
{
  dossier_graph_set_selected (self, index >= 0 ? node_at (self, index)->entity : NULL);
}

DossierEntity *
dossier_graph_get_selected (DossierGraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH (self), NULL);

  return self->selected_entity;
}

void
dossier_graph_set_selected (DossierGraph  *self,
                            DossierEntity *entity)
{
  g_return_if_fail (DOSSIER_IS_GRAPH (self));
  g_return_if_fail (entity == NULL || DOSSIER_IS_ENTITY (entity));

  if (!g_set_object (&self->selected_entity, entity))
    return;

  self->selected = index_of (self, entity);
  update_highlight (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

gboolean
dossier_graph_contains (DossierGraph  *self,
                        DossierEntity *entity)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH (self), FALSE);

  return index_of (self, entity) >= 0;
}

void
dossier_graph_center_on (DossierGraph  *self,
                         DossierEntity *entity)
{
  int index;

  g_return_if_fail (DOSSIER_IS_GRAPH (self));
  g_return_if_fail (DOSSIER_IS_ENTITY (entity));

  index = index_of (self, entity);
  if (index < 0)
    return;

  if (!self->laid_out || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      /* After the layout, or the first allocation. */
      g_set_object (&self->pending_center, entity);
      return;
    }

  center_on_node (self, index);
}

void
dossier_graph_zoom_in (DossierGraph *self)
{
  g_return_if_fail (DOSSIER_IS_GRAPH (self));

  zoom_at (self, ZOOM_STEP, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
dossier_graph_zoom_out (DossierGraph *self)
{
  g_return_if_fail (DOSSIER_IS_GRAPH (self));

  zoom_at (self, 1 / ZOOM_STEP, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
dossier_graph_fit (DossierGraph *self)
{
  g_return_if_fail (DOSSIER_IS_GRAPH (self));

  self->auto_fit = TRUE;
  fit_now (self);
}

double
dossier_graph_get_scale (DossierGraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH (self), 1);

  return self->view.scale;
}

gboolean
dossier_graph_get_busy (DossierGraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH (self), FALSE);

  return self->busy;
}

guint
dossier_graph_get_n_nodes (DossierGraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH (self), 0);

  return self->nodes->len;
}

guint
dossier_graph_get_n_edges (DossierGraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH (self), 0);

  return self->edges->len;
}

gboolean
dossier_graph_get_node_position (DossierGraph  *self,
                                 DossierEntity *entity,
                                 double        *x,
                                 double        *y)
{
  int index;
  const DossierGraphNode *n;

  g_return_val_if_fail (DOSSIER_IS_GRAPH (self), FALSE);

  index = index_of (self, entity);
  if (index < 0 || !self->laid_out)
    return FALSE;

  n = dossier_graph_layout_get_node (self->layout, index);
  to_screen (self, n->x, n->y, x, y);

  return TRUE;
}

double
dossier_graph_get_layout_time (DossierGraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH (self), 0);

  return self->layout_time;
}

/* --- GtkWidget --------------------------------------------------------- */

static void
dossier_graph_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
dossier_graph_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DossierGraph *self = DOSSIER_GRAPH (widget);

  if (self->auto_fit)
    fit_now (self);

  if (self->pending_center != NULL && self->laid_out && width > 0)
    {
      int index = index_of (self, self->pending_center);

      g_clear_object (&self->pending_center);
      if (index >= 0)
        center_on_node (self, index);
    }
}

static void
dossier_graph_focus_changed (DossierGraph *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dossier_graph_dispose (GObject *object)
{
  DossierGraph *self = DOSSIER_GRAPH (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_animation (self);
  g_clear_signal_handler (&self->dark_handler, adw_style_manager_get_default ());
  g_clear_object (&self->selected_entity);
  g_clear_object (&self->pending_center);
  if (self->nodes != NULL)
    g_array_set_size (self->nodes, 0);
  if (self->edges != NULL)
    g_array_set_size (self->edges, 0);
  if (self->node_index != NULL)
    g_hash_table_remove_all (self->node_index);

  G_OBJECT_CLASS (dossier_graph_parent_class)->dispose (object);
}

static void
dossier_graph_finalize (GObject *object)
{
  DossierGraph *self = DOSSIER_GRAPH (object);

  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_clear_pointer (&self->saved, g_hash_table_unref);
  g_clear_pointer (&self->layout, dossier_graph_layout_free);
  g_clear_pointer (&self->node_lit, g_free);
  g_clear_pointer (&self->edge_lit, g_free);

  G_OBJECT_CLASS (dossier_graph_parent_class)->finalize (object);
}

static void
dossier_graph_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierGraph *self = DOSSIER_GRAPH (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected_entity);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_graph_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DossierGraph *self = DOSSIER_GRAPH (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      dossier_graph_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass       *widget_class,
                  guint                 keyval,
                  guint                 kp_keyval,
                  DossierGraphDirection direction)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_cb, "i", direction);
  gtk_widget_class_add_binding (widget_class, kp_keyval, 0, move_cb, "i", direction);
}

static void
dossier_graph_class_init (DossierGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_graph_dispose;
  object_class->finalize = dossier_graph_finalize;
  object_class->get_property = dossier_graph_get_property;
  object_class->set_property = dossier_graph_set_property;

  widget_class->measure = dossier_graph_measure;
  widget_class->size_allocate = dossier_graph_size_allocate;
  widget_class->snapshot = dossier_graph_snapshot;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         DOSSIER_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted on Enter or a double click: show the node's details. */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ENTITY);

  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "graph.fit", NULL, fit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "graph.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "graph.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "graph.fit", NULL);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, DOSSIER_GRAPH_DIRECTION_LEFT);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, DOSSIER_GRAPH_DIRECTION_RIGHT);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, DOSSIER_GRAPH_DIRECTION_UP);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, DOSSIER_GRAPH_DIRECTION_DOWN);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "dossiergraph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_graph_init (DossierGraph *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *click, *zoom;
  GtkEventController *motion, *scroll, *focus;

  self->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (self->nodes, clear_node);
  self->edges = g_array_new (FALSE, TRUE, sizeof (Edge));
  g_array_set_clear_func (self->edges, clear_edge);
  self->node_index = g_hash_table_new (NULL, NULL);
  self->saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->layout = dossier_graph_layout_new ();
  self->view.scale = 1;
  self->auto_fit = TRUE;
  self->selected = -1;
  self->hovered_node = -1;
  self->hovered_edge = -1;
  self->drag_node = -1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (dossier_graph_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (dossier_graph_focus_changed), self);
  gtk_widget_add_controller (widget, focus);

  self->dark_handler = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                                 G_CALLBACK (gtk_widget_queue_draw), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship graph"),
                                  -1);
  update_accessible (self);
}

GtkWidget *
dossier_graph_new (void)
{
  return g_object_new (DOSSIER_TYPE_GRAPH, NULL);
}
