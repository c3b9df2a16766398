/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Force-directed layout of a graph whose nodes are boxes (a label drawn in
 * a shape), in plain GLib so that it runs in a worker thread on a copy of
 * its input and is tested without a display.
 *
 * World coordinates: x to the right, y downwards, like the screen. */

typedef struct
{
  double   x, y;           /* centre; the result of a run */
  double   width, height;  /* the box the caller draws, label included */
  gboolean pinned;         /* never moved by a run (dragged by the user) */
  gboolean placed;         /* x, y hold a start position (a previous run) */
} DossierGraphNode;

typedef struct
{
  guint  source;
  guint  target;
  double bend;   /* offset of the curve's control point, see update_bends */
} DossierGraphEdge;

typedef struct
{
  guint32 seed;            /* start positions of unplaced nodes */
  double  theta;           /* Barnes–Hut opening angle; 0 means exact all pairs */
  double  edge_length;     /* the natural distance between neighbours */
  double  repulsion;       /* relative strength of the repulsion */
  double  gravity;         /* pull towards the origin, keeps components close */
  guint   max_iterations;
  double  tolerance;       /* settled when the mean move < tolerance * edge_length */
  double  padding;         /* the least gap between two boxes afterwards */
  double  bend_spacing;    /* distance between parallel edges at their middle */
  guint   n_threads;       /* for the force computation; 0 means 1 */
} DossierGraphLayoutParams;

void dossier_graph_layout_params_init (DossierGraphLayoutParams *params);

typedef struct
{
  GArray  *nodes;       /* DossierGraphNode */
  GArray  *edges;       /* DossierGraphEdge */
  guint    iterations;  /* of the last run */
  gboolean converged;   /* the last run settled before max_iterations */
} DossierGraphLayout;

typedef gboolean (*DossierGraphCancelFunc) (gpointer user_data);

DossierGraphLayout *dossier_graph_layout_new      (void);
DossierGraphLayout *dossier_graph_layout_copy     (const DossierGraphLayout *layout);
void                dossier_graph_layout_free     (DossierGraphLayout       *layout);

guint               dossier_graph_layout_add_node (DossierGraphLayout *layout,
                                                   double              width,
                                                   double              height);
guint               dossier_graph_layout_add_edge (DossierGraphLayout *layout,
                                                   guint               source,
                                                   guint               target);

static inline guint
dossier_graph_layout_get_n_nodes (const DossierGraphLayout *layout)
{
  return layout->nodes->len;
}

static inline guint
dossier_graph_layout_get_n_edges (const DossierGraphLayout *layout)
{
  return layout->edges->len;
}

static inline DossierGraphNode *
dossier_graph_layout_get_node (const DossierGraphLayout *layout,
                               guint                     index)
{
  return &g_array_index (layout->nodes, DossierGraphNode, index);
}

static inline DossierGraphEdge *
dossier_graph_layout_get_edge (const DossierGraphLayout *layout,
                               guint                     index)
{
  return &g_array_index (layout->edges, DossierGraphEdge, index);
}

void     dossier_graph_layout_set_position (DossierGraphLayout *layout,
                                            guint               node,
                                            double              x,
                                            double              y,
                                            gboolean            pinned);

/* The whole pipeline: forces until settled, overlap removal, edge bends.
 * Returns FALSE when @cancel_func said stop; the positions are then those
 * reached so far. Deterministic: the same input and params give the same
 * positions, whatever n_threads. */
gboolean dossier_graph_layout_run          (DossierGraphLayout             *layout,
                                            const DossierGraphLayoutParams *params,
                                            DossierGraphCancelFunc          cancel_func,
                                            gpointer                        user_data);

/* The steps of run, exposed for tests and for callers that move nodes. */
void     dossier_graph_layout_place_unplaced (DossierGraphLayout             *layout,
                                              const DossierGraphLayoutParams *params);
/* Repulsion on every node (2 * n_nodes doubles, x then y, overwritten),
 * with the masses and strength a run uses; theta 0 is exact. */
void     dossier_graph_layout_compute_repulsion (const DossierGraphLayout       *layout,
                                                 const DossierGraphLayoutParams *params,
                                                 double                          theta,
                                                 double                         *forces);
/* Pushes overlapping boxes apart (pinned ones stay); returns the number of
 * pairs still overlapping after at most max_passes sweeps. */
guint    dossier_graph_layout_remove_overlaps (DossierGraphLayout *layout,
                                               double              padding,
                                               guint               max_passes);
guint    dossier_graph_layout_count_overlaps  (const DossierGraphLayout *layout,
                                               double                    padding);
/* Gives parallel edges (either direction between the same two nodes)
 * distinct bends, symmetric around the straight line; a single edge
 * stays straight. */
void     dossier_graph_layout_update_bends    (DossierGraphLayout *layout,
                                               double              spacing);

/* Geometry of an edge: a quadratic Bézier from the boundary of the source
 * box to the boundary of the target box (where the arrowhead points). */
typedef struct
{
  double x0, y0;  /* start, on the source box */
  double cx, cy;  /* control point */
  double x1, y1;  /* end, on the target box */
  double mx, my;  /* the point of the curve halfway, for a label */
} DossierGraphCurve;

void     dossier_graph_layout_get_curve (const DossierGraphLayout *layout,
                                         guint                     edge,
                                         DossierGraphCurve        *curve);

/* Hit testing in world coordinates; -1 when nothing is there. Later nodes
 * are drawn on top, so they win. */
int      dossier_graph_layout_node_at   (const DossierGraphLayout *layout,
                                         double                    x,
                                         double                    y);
int      dossier_graph_layout_edge_at   (const DossierGraphLayout *layout,
                                         double                    x,
                                         double                    y,
                                         double                    tolerance);

typedef enum
{
  DOSSIER_GRAPH_DIRECTION_LEFT,
  DOSSIER_GRAPH_DIRECTION_RIGHT,
  DOSSIER_GRAPH_DIRECTION_UP,
  DOSSIER_GRAPH_DIRECTION_DOWN,
} DossierGraphDirection;

/* The node nearest to @from in @direction within a cone of 60° either side,
 * favouring nodes close to the axis; -1 when there is none. @skip, when not
 * NULL, is called for candidates and may exclude them (hidden nodes). */
typedef gboolean (*DossierGraphSkipFunc) (guint node, gpointer user_data);

int      dossier_graph_layout_navigate  (const DossierGraphLayout *layout,
                                         guint                     from,
                                         DossierGraphDirection     direction,
                                         DossierGraphSkipFunc      skip,
                                         gpointer                  user_data);

typedef struct
{
  double x, y, width, height;
} DossierGraphRect;

/* Bounds of all boxes; an empty layout gives a 0×0 rect at the origin. */
void     dossier_graph_layout_get_bounds (const DossierGraphLayout *layout,
                                          DossierGraphRect         *bounds);

/* screen = world * scale + (dx, dy) */
typedef struct
{
  double scale;
  double dx, dy;
} DossierGraphTransform;

/* The transform that shows @bounds centred in a viewport of @width ×
 * @height with @margin on every side, the scale clamped to
 * [min_scale, max_scale]. */
void     dossier_graph_transform_fit     (DossierGraphTransform  *transform,
                                          const DossierGraphRect *bounds,
                                          double                  width,
                                          double                  height,
                                          double                  margin,
                                          double                  min_scale,
                                          double                  max_scale);
/* Multiplies the scale by @factor (clamped) keeping the world point under
 * the screen point (@sx, @sy) where it is. */
void     dossier_graph_transform_zoom_at (DossierGraphTransform  *transform,
                                          double                  factor,
                                          double                  sx,
                                          double                  sy,
                                          double                  min_scale,
                                          double                  max_scale);
void     dossier_graph_transform_to_world (const DossierGraphTransform *transform,
                                           double                       sx,
                                           double                       sy,
                                           double                      *wx,
                                           double                      *wy);
/* Moves the view so that world point (@wx, @wy) is at screen (@sx, @sy). */
void     dossier_graph_transform_center_on (DossierGraphTransform *transform,
                                            double                 wx,
                                            double                 wy,
                                            double                 sx,
                                            double                 sy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierGraphLayout, dossier_graph_layout_free)

G_END_DECLS
