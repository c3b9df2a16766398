/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "dossier-graph-layout.h"
#include "dossier-graph-quadtree.h"

/* The model is the spring–electrical one of Fruchterman and Reingold as
 * refined by Hu ("Efficient and high quality force-directed graph
 * drawing", 2005): repulsion C K² mᵢmⱼ / d between all pairs (Barnes–Hut
 * approximated), attraction d² / K along edges, an adaptive step that
 * grows while the energy keeps falling and shrinks when it does not
 * (the cooling), plus a weak linear gravity that keeps disconnected
 * components from drifting apart. Masses grow a little with the degree,
 * so hubs push a little harder and get room for their neighbours; more
 * than a little flings their leaves far away. Each connected component
 * is laid out on its own and the components are then packed in rows. */

void
dossier_graph_layout_params_init (DossierGraphLayoutParams *params)
{
  g_return_if_fail (params != NULL);

  params->seed = 42;
  params->theta = 1.0;
  params->edge_length = 160;
  params->repulsion = 0.3;
  params->gravity = 0.05;
  params->max_iterations = 600;
  params->tolerance = 0.01;
  params->padding = 12;
  params->bend_spacing = 44;
  params->n_threads = 1;
}

DossierGraphLayout *
dossier_graph_layout_new (void)
{
  DossierGraphLayout *layout = g_new0 (DossierGraphLayout, 1);

  layout->nodes = g_array_new (FALSE, TRUE, sizeof (DossierGraphNode));
  layout->edges = g_array_new (FALSE, TRUE, sizeof (DossierGraphEdge));

  return layout;
}

DossierGraphLayout *
dossier_graph_layout_copy (const DossierGraphLayout *layout)
{
  DossierGraphLayout *copy;

  g_return_val_if_fail (layout != NULL, NULL);

  copy = dossier_graph_layout_new ();
  g_array_append_vals (copy->nodes, layout->nodes->data, layout->nodes->len);
  g_array_append_vals (copy->edges, layout->edges->data, layout->edges->len);
  copy->iterations = layout->iterations;
  copy->converged = layout->converged;

  return copy;
}

void
dossier_graph_layout_free (DossierGraphLayout *layout)
{
  if (layout == NULL)
    return;

  g_array_unref (layout->nodes);
  g_array_unref (layout->edges);
  g_free (layout);
}

guint
dossier_graph_layout_add_node (DossierGraphLayout *layout,
                               double              width,
                               double              height)
{
  DossierGraphNode node = { 0, 0, MAX (width, 0), MAX (height, 0), FALSE, FALSE };

  g_return_val_if_fail (layout != NULL, 0);

  g_array_append_val (layout->nodes, node);

  return layout->nodes->len - 1;
}

guint
dossier_graph_layout_add_edge (DossierGraphLayout *layout,
                               guint               source,
                               guint               target)
{
  DossierGraphEdge edge = { source, target, 0 };

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (source < layout->nodes->len, 0);
  g_return_val_if_fail (target < layout->nodes->len, 0);

  g_array_append_val (layout->edges, edge);

  return layout->edges->len - 1;
}

void
dossier_graph_layout_set_position (DossierGraphLayout *layout,
                                   guint               node,
                                   double              x,
                                   double              y,
                                   gboolean            pinned)
{
  DossierGraphNode *n;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (node < layout->nodes->len);

  n = dossier_graph_layout_get_node (layout, node);
  n->x = x;
  n->y = y;
  n->pinned = pinned;
  n->placed = TRUE;
}

static void remove_overlaps (DossierGraphLayout *layout,
                             double              padding,
                             guint               max_passes,
                             const gboolean     *skip);

/* --- forces ------------------------------------------------------------ */

static double *
compute_masses (const DossierGraphLayout *layout)
{
  guint n = layout->nodes->len;
  double *mass = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    mass[i] = 1.0;

  for (guint e = 0; e < layout->edges->len; e++)
    {
      const DossierGraphEdge *edge = dossier_graph_layout_get_edge (layout, e);

      if (edge->source == edge->target)
        continue;
      mass[edge->source] += 0.1;
      mass[edge->target] += 0.1;
    }

  return mass;
}

static double
repulsion_strength (const DossierGraphLayoutParams *params)
{
  return params->repulsion * params->edge_length * params->edge_length;
}

typedef struct
{
  const DossierGraphQuadtree *tree;  /* NULL: exact all pairs */
  const double               *xy;
  const double               *mass;
  guint                       n;
  guint                       begin, end;
  double                      theta;
  double                      strength;
  double                      gravity;   /* per unit of mass and distance */
  double                     *forces;
} ForceJob;

static void
run_force_job (ForceJob *job)
{
  for (guint i = job->begin; i < job->end; i++)
    {
      double fx = 0, fy = 0;
      double x = job->xy[2 * i], y = job->xy[2 * i + 1];

      if (job->tree != NULL)
        {
          dossier_graph_quadtree_repulsion (job->tree, i, job->theta, job->strength, &fx, &fy);
        }
      else
        {
          double mi = job->mass[i];

          for (guint j = 0; j < job->n; j++)
            {
              double dx, dy, d2;

              if (j == i)
                continue;
              dx = x - job->xy[2 * j];
              dy = y - job->xy[2 * j + 1];
              d2 = dx * dx + dy * dy;
              if (d2 == 0)
                {
                  /* Same convention as the quadtree for coinciding points. */
                  double angle = (j < i ? 1.0 : -1.0) + 0.7 * (i % 7);

                  dx = cos (angle) * 1e-2;
                  dy = sin (angle) * 1e-2;
                  d2 = dx * dx + dy * dy;
                }
              d2 = MAX (d2, 1e-4);
              fx += job->strength * mi * job->mass[j] * dx / d2;
              fy += job->strength * mi * job->mass[j] * dy / d2;
            }
        }

      fx -= job->gravity * job->mass[i] * x;
      fy -= job->gravity * job->mass[i] * y;

      job->forces[2 * i] = fx;
      job->forces[2 * i + 1] = fy;
    }
}

static gpointer
force_thread (gpointer data)
{
  run_force_job (data);
  return NULL;
}

/* Repulsion and gravity for every node. Each node's sum is computed by one
 * thread in a fixed order, so the result does not depend on n_threads. */
static void
compute_node_forces (const DossierGraphQuadtree *tree,
                     const double               *xy,
                     const double               *mass,
                     guint                       n,
                     double                      theta,
                     double                      strength,
                     double                      gravity,
                     guint                       n_threads,
                     double                     *forces)
{
  ForceJob jobs[16];
  GThread *threads[16];

  n_threads = CLAMP (n_threads, 1, G_N_ELEMENTS (jobs));
  /* Threads cost more than they save on small graphs. */
  if (n < 512)
    n_threads = 1;

  for (guint t = 0; t < n_threads; t++)
    {
      jobs[t] = (ForceJob) {
        tree, xy, mass, n,
        (guint) ((guint64) n * t / n_threads), (guint) ((guint64) n * (t + 1) / n_threads),
        theta, strength, gravity, forces,
      };
    }

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("graph-forces", force_thread, &jobs[t]);
  run_force_job (&jobs[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
}

void
dossier_graph_layout_compute_repulsion (const DossierGraphLayout       *layout,
                                        const DossierGraphLayoutParams *params,
                                        double                          theta,
                                        double                         *forces)
{
  guint n;
  g_autofree double *xy = NULL;
  g_autofree double *mass = NULL;
  g_autoptr(DossierGraphQuadtree) tree = NULL;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (params != NULL);
  g_return_if_fail (forces != NULL);

  n = layout->nodes->len;
  xy = g_new (double, 2 * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      xy[2 * i] = dossier_graph_layout_get_node (layout, i)->x;
      xy[2 * i + 1] = dossier_graph_layout_get_node (layout, i)->y;
    }
  mass = compute_masses (layout);

  if (theta > 0)
    {
      tree = dossier_graph_quadtree_new ();
      dossier_graph_quadtree_build (tree, xy, mass, n);
    }

  compute_node_forces (tree, xy, mass, n, theta, repulsion_strength (params), 0,
                       params->n_threads, forces);
}

void
dossier_graph_layout_place_unplaced (DossierGraphLayout             *layout,
                                     const DossierGraphLayoutParams *params)
{
  g_autoptr(GRand) rand = NULL;
  guint n;
  double side;
  g_autofree double *sum = NULL;
  g_autofree guint *count = NULL;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (params != NULL);

  n = layout->nodes->len;
  rand = g_rand_new_with_seed (params->seed);
  side = params->edge_length * sqrt (MAX (n, 1));

  /* A new node next to placed neighbours starts beside them, so that
   * showing one more kind of entity does not reshuffle the picture. */
  sum = g_new0 (double, 2 * MAX (n, 1));
  count = g_new0 (guint, MAX (n, 1));
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const DossierGraphEdge *edge = dossier_graph_layout_get_edge (layout, e);
      const DossierGraphNode *s = dossier_graph_layout_get_node (layout, edge->source);
      const DossierGraphNode *t = dossier_graph_layout_get_node (layout, edge->target);

      if (s->placed && !t->placed)
        {
          sum[2 * edge->target] += s->x;
          sum[2 * edge->target + 1] += s->y;
          count[edge->target]++;
        }
      if (t->placed && !s->placed)
        {
          sum[2 * edge->source] += t->x;
          sum[2 * edge->source + 1] += t->y;
          count[edge->source]++;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);
      /* Draw both numbers for every node, placed or not, so that a node's
       * start does not depend on which of the others were placed. */
      double rx = g_rand_double_range (rand, -0.5, 0.5);
      double ry = g_rand_double_range (rand, -0.5, 0.5);

      if (node->placed)
        continue;

      if (count[i] > 0)
        {
          node->x = sum[2 * i] / count[i] + rx * params->edge_length;
          node->y = sum[2 * i + 1] / count[i] + ry * params->edge_length;
        }
      else
        {
          node->x = rx * side;
          node->y = ry * side;
        }
      node->placed = TRUE;
    }
}

/* The forces on one connected graph (every node of @layout takes part).
 * Returns FALSE when cancelled. */
static gboolean
simulate (DossierGraphLayout             *layout,
          const DossierGraphLayoutParams *params,
          DossierGraphCancelFunc          cancel_func,
          gpointer                        user_data)
{
  guint n = layout->nodes->len;
  double K = params->edge_length;
  double strength = repulsion_strength (params);
  double step = K, energy0 = G_MAXDOUBLE;
  guint progress = 0;
  gboolean pinned_any = FALSE;
  g_autofree double *xy = g_new (double, 2 * MAX (n, 1));
  g_autofree double *forces = g_new (double, 2 * MAX (n, 1));
  g_autofree double *mass = compute_masses (layout);
  g_autoptr(DossierGraphQuadtree) tree = NULL;

  layout->iterations = 0;
  layout->converged = n <= 1;

  if (params->theta > 0)
    tree = dossier_graph_quadtree_new ();

  for (guint i = 0; i < n; i++)
    {
      const DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);

      xy[2 * i] = node->x;
      xy[2 * i + 1] = node->y;
      pinned_any |= node->pinned;
    }

  /* Gravity pulls towards the centre of the start positions, so that a
   * component is not dragged towards the origin. */
  {
    double cx = 0, cy = 0;

    for (guint i = 0; i < n; i++)
      {
        cx += xy[2 * i] / n;
        cy += xy[2 * i + 1] / n;
      }
    for (guint i = 0; i < n; i++)
      {
        xy[2 * i] -= cx;
        xy[2 * i + 1] -= cy;
      }

    for (guint iteration = 0; iteration < params->max_iterations && n > 1; iteration++)
      {
        double energy = 0, moved = 0;
        guint n_free = 0;

        if (cancel_func != NULL && cancel_func (user_data))
          return FALSE;

        if (tree != NULL)
          dossier_graph_quadtree_build (tree, xy, mass, n);
        compute_node_forces (tree, xy, mass, n, params->theta, strength, params->gravity,
                             params->n_threads, forces);

        for (guint e = 0; e < layout->edges->len; e++)
          {
            const DossierGraphEdge *edge = dossier_graph_layout_get_edge (layout, e);
            guint a = edge->source, b = edge->target;
            double dx, dy, d;

            if (a == b)
              continue;
            dx = xy[2 * b] - xy[2 * a];
            dy = xy[2 * b + 1] - xy[2 * a + 1];
            d = sqrt (dx * dx + dy * dy);
            /* |F| = d² / K along the unit vector: (dx, dy) * d / K. */
            forces[2 * a] += dx * d / K;
            forces[2 * a + 1] += dy * d / K;
            forces[2 * b] -= dx * d / K;
            forces[2 * b + 1] -= dy * d / K;
          }

        for (guint i = 0; i < n; i++)
          {
            double fx = forces[2 * i], fy = forces[2 * i + 1];
            double f = sqrt (fx * fx + fy * fy);
            double move;

            if (f == 0 || (pinned_any && dossier_graph_layout_get_node (layout, i)->pinned))
              continue;

            /* Nodes in near balance move by their force, the others by the
             * step: the step bounds every move, as a temperature would. */
            move = MIN (step, f);
            xy[2 * i] += fx / f * move;
            xy[2 * i + 1] += fy / f * move;
            energy += f * f;
            moved += move;
            n_free++;
          }

        layout->iterations = iteration + 1;

        if (energy < energy0)
          {
            if (++progress >= 5)
              {
                progress = 0;
                step /= 0.9;
              }
          }
        else
          {
            progress = 0;
            step *= 0.9;
          }
        energy0 = energy;

        if (n_free == 0 || moved / n_free < params->tolerance * K)
          {
            layout->converged = TRUE;
            break;
          }
      }

    for (guint i = 0; i < n; i++)
      {
        DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);

        if (node->pinned)
          continue;
        node->x = xy[2 * i] + cx;
        node->y = xy[2 * i + 1] + cy;
      }
  }

  return TRUE;
}

/* Dense graphs settle with their boxes on top of one another. Scaling the
 * whole picture up until the boxes could fit keeps its shape and leaves
 * the overlap removal only local work. */
static void
spread_out (DossierGraphLayout *layout,
            double              padding)
{
  guint n = layout->nodes->len;
  double boxes = 0, cx = 0, cy = 0, area, factor;
  DossierGraphRect bounds;

  if (n < 3)
    return;

  for (guint i = 0; i < n; i++)
    {
      const DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);

      boxes += (node->width + padding) * (node->height + padding);
      cx += node->x / n;
      cy += node->y / n;
    }
  dossier_graph_layout_get_bounds (layout, &bounds);
  area = MAX (bounds.width * bounds.height, 1);

  /* Boxes may cover at most an eighth of the area: denser, and the
   * overlap removal below has to move most of them. */
  factor = sqrt (8 * boxes / area);
  if (factor <= 1)
    return;

  for (guint i = 0; i < n; i++)
    {
      DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);

      if (node->pinned)
        continue;
      node->x = cx + (node->x - cx) * factor;
      node->y = cy + (node->y - cy) * factor;
    }
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }

  return i;
}

typedef struct
{
  GArray          *members;   /* guint node indices, ascending */
  DossierGraphRect bounds;
  gboolean         pinned;    /* holds a pinned node: stays where it is */
} Component;

static void
clear_component (gpointer data)
{
  Component *component = data;

  g_array_unref (component->members);
}

static int
compare_components (gconstpointer a,
                    gconstpointer b)
{
  const Component *ca = a, *cb = b;
  guint first_a = g_array_index (ca->members, guint, 0);
  guint first_b = g_array_index (cb->members, guint, 0);

  /* Biggest first; among equals, the caller's order. */
  if (ca->members->len != cb->members->len)
    return ca->members->len > cb->members->len ? -1 : 1;

  return first_a < first_b ? -1 : (first_a > first_b ? 1 : 0);
}

/* Puts the components side by side in centred rows, biggest first, so
 * that small groups and loose nodes sit next to the main picture instead
 * of being flung away by the long-range repulsion. Components holding a
 * pinned node stay where they are. */
static void
pack_components (DossierGraphLayout             *layout,
                 const DossierGraphLayoutParams *params,
                 GArray                         *components)
{
  double gap = MAX (params->edge_length / 2, params->padding);
  double area = 0, widest = 0, row_width, y = 0;
  guint k = 0;

  for (guint c = 0; c < components->len; c++)
    {
      Component *component = &g_array_index (components, Component, c);

      if (component->pinned)
        continue;
      area += (component->bounds.width + gap) * (component->bounds.height + gap);
      widest = MAX (widest, component->bounds.width);
    }
  row_width = MAX (widest, sqrt (area) * 1.3);

  while (k < components->len)
    {
      guint row_start = k, row_end;
      double used = 0, row_height = 0, x;

      /* Fill a row. */
      for (row_end = k; row_end < components->len; row_end++)
        {
          Component *component = &g_array_index (components, Component, row_end);

          if (component->pinned)
            continue;
          if (used > 0 && used + component->bounds.width > row_width)
            break;
          used += component->bounds.width + gap;
          row_height = MAX (row_height, component->bounds.height);
        }
      used -= gap;

      x = -used / 2;
      for (guint c = row_start; c < row_end; c++)
        {
          Component *component = &g_array_index (components, Component, c);
          double dx, dy;

          if (component->pinned)
            continue;
          dx = x - component->bounds.x;
          dy = y + (row_height - component->bounds.height) / 2 - component->bounds.y;
          for (guint m = 0; m < component->members->len; m++)
            {
              DossierGraphNode *node = dossier_graph_layout_get_node (layout, g_array_index (component->members, guint, m));

              node->x += dx;
              node->y += dy;
            }
          x += component->bounds.width + gap;
        }

      y += row_height + gap;
      k = MAX (row_end, row_start + 1);
    }
}

gboolean
dossier_graph_layout_run (DossierGraphLayout             *layout,
                          const DossierGraphLayoutParams *params,
                          DossierGraphCancelFunc          cancel_func,
                          gpointer                        user_data)
{
  guint n;
  g_autofree guint *parent = NULL;
  g_autofree gint *component_of = NULL;
  g_autofree guint *local = NULL;
  g_autoptr(GArray) components = NULL;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (params->edge_length > 0, FALSE);

  n = layout->nodes->len;
  layout->iterations = 0;
  layout->converged = TRUE;

  dossier_graph_layout_place_unplaced (layout, params);

  /* Connected components, numbered in the order of their first node. */
  parent = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const DossierGraphEdge *edge = dossier_graph_layout_get_edge (layout, e);
      guint a = find_root (parent, edge->source), b = find_root (parent, edge->target);

      if (a != b)
        parent[MAX (a, b)] = MIN (a, b);
    }

  components = g_array_new (FALSE, TRUE, sizeof (Component));
  g_array_set_clear_func (components, clear_component);
  component_of = g_new (gint, MAX (n, 1));
  local = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint root = find_root (parent, i);
      Component *component;

      if (root == i)
        {
          Component fresh = { g_array_new (FALSE, FALSE, sizeof (guint)), { 0, 0, 0, 0 }, FALSE };

          component_of[i] = components->len;
          g_array_append_val (components, fresh);
        }
      else
        {
          component_of[i] = component_of[root];
        }
      component = &g_array_index (components, Component, component_of[i]);
      local[i] = component->members->len;
      g_array_append_val (component->members, i);
      component->pinned |= dossier_graph_layout_get_node (layout, i)->pinned;
    }

  /* Each component on its own, on a copy that holds just that part. */
  for (guint c = 0; c < components->len; c++)
    {
      Component *component = &g_array_index (components, Component, c);
      g_autoptr(DossierGraphLayout) part = dossier_graph_layout_new ();

      for (guint m = 0; m < component->members->len; m++)
        g_array_append_val (part->nodes, *dossier_graph_layout_get_node (layout, g_array_index (component->members, guint, m)));

      if (component->members->len > 1)
        {
          for (guint e = 0; e < layout->edges->len; e++)
            {
              const DossierGraphEdge *edge = dossier_graph_layout_get_edge (layout, e);

              if ((guint) component_of[edge->source] == c)
                dossier_graph_layout_add_edge (part, local[edge->source], local[edge->target]);
            }

          if (!simulate (part, params, cancel_func, user_data))
            return FALSE;
          spread_out (part, params->padding);
          remove_overlaps (part, params->padding, 100, NULL);

          layout->iterations = MAX (layout->iterations, part->iterations);
          layout->converged &= part->converged;

          for (guint m = 0; m < component->members->len; m++)
            *dossier_graph_layout_get_node (layout, g_array_index (component->members, guint, m)) =
              *dossier_graph_layout_get_node (part, m);
        }

      dossier_graph_layout_get_bounds (part, &component->bounds);
    }

  if (cancel_func != NULL && cancel_func (user_data))
    return FALSE;

  g_array_sort (components, compare_components);
  pack_components (layout, params, components);

  /* Pinned components may be in the way of packed ones. */
  remove_overlaps (layout, params->padding, 100, NULL);
  dossier_graph_layout_update_bends (layout, params->bend_spacing);

  return TRUE;
}

/* --- overlap removal --------------------------------------------------- */

typedef struct
{
  double left;
  guint  index;
} SweepItem;

static int
compare_sweep_items (const void *a,
                     const void *b)
{
  const SweepItem *ia = a, *ib = b;

  if (ia->left < ib->left)
    return -1;
  if (ia->left > ib->left)
    return 1;
  return ia->index < ib->index ? -1 : (ia->index > ib->index ? 1 : 0);
}

/* The nodes not skipped, sorted by the left edge of their padded box. */
static SweepItem *
sort_by_left (const DossierGraphLayout *layout,
              double                    padding,
              const gboolean           *skip,
              guint                    *n_items)
{
  guint n = layout->nodes->len, k = 0;
  SweepItem *items = g_new (SweepItem, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);

      if (skip != NULL && skip[i])
        continue;
      items[k].left = node->x - (node->width + padding) / 2;
      items[k].index = i;
      k++;
    }
  qsort (items, k, sizeof (SweepItem), compare_sweep_items);
  *n_items = k;

  return items;
}

/* The overlap of the padded boxes of a and b along x and y; both positive
 * when they overlap. */
static inline void
overlap (const DossierGraphNode *a,
         const DossierGraphNode *b,
         double                  padding,
         double                 *ox,
         double                 *oy)
{
  *ox = (a->width + b->width) / 2 + padding - fabs (a->x - b->x);
  *oy = (a->height + b->height) / 2 + padding - fabs (a->y - b->y);
}

static guint
count_overlaps (const DossierGraphLayout *layout,
                double                    padding,
                const gboolean           *skip)
{
  g_autofree SweepItem *items = NULL;
  guint n, count = 0;

  items = sort_by_left (layout, padding, skip, &n);

  for (guint a = 0; a < n; a++)
    {
      const DossierGraphNode *na = dossier_graph_layout_get_node (layout, items[a].index);
      double right = na->x + (na->width + padding) / 2;

      for (guint b = a + 1; b < n && items[b].left < right; b++)
        {
          const DossierGraphNode *nb = dossier_graph_layout_get_node (layout, items[b].index);
          double ox, oy;

          overlap (na, nb, padding, &ox, &oy);
          if (ox > 1e-6 && oy > 1e-6 && !(na->pinned && nb->pinned))
            count++;
        }
    }

  return count;
}

guint
dossier_graph_layout_count_overlaps (const DossierGraphLayout *layout,
                                     double                    padding)
{
  g_return_val_if_fail (layout != NULL, 0);

  return count_overlaps (layout, padding, NULL);
}

/* A uniform grid over the accepted boxes, for the greedy placement. */
typedef struct
{
  double      cell;
  GHashTable *cells;   /* packed cell coordinates → GArray of guint */
} Grid;

static inline gint64
grid_key (gint64 cx,
          gint64 cy)
{
  /* Unsigned: shifting a negative signed value is undefined */
  return (gint64) (((guint64) cx << 32) ^ ((guint64) cy & 0xffffffff));
}

static void
grid_cell_range (const Grid *grid,
                 double      x,
                 double      y,
                 double      hw,
                 double      hh,
                 gint64     *cx0,
                 gint64     *cy0,
                 gint64     *cx1,
                 gint64     *cy1)
{
  *cx0 = (gint64) floor ((x - hw) / grid->cell);
  *cx1 = (gint64) floor ((x + hw) / grid->cell);
  *cy0 = (gint64) floor ((y - hh) / grid->cell);
  *cy1 = (gint64) floor ((y + hh) / grid->cell);
}

static void
grid_insert (Grid                   *grid,
             const DossierGraphNode *node,
             guint                   index,
             double                  padding)
{
  gint64 cx0, cy0, cx1, cy1;

  grid_cell_range (grid, node->x, node->y, (node->width + padding) / 2, (node->height + padding) / 2,
                   &cx0, &cy0, &cx1, &cy1);
  for (gint64 cx = cx0; cx <= cx1; cx++)
    for (gint64 cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = grid_key (cx, cy);
        GArray *list = g_hash_table_lookup (grid->cells, &key);

        if (list == NULL)
          {
            list = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (grid->cells, g_memdup2 (&key, sizeof key), list);
          }
        g_array_append_val (list, index);
      }
}

/* Appends to @conflicts the accepted boxes that a box of @node's size at
 * (x, y) would overlap; returns how many. */
static guint
grid_query (const Grid               *grid,
            const DossierGraphLayout *layout,
            const DossierGraphNode   *node,
            double                    x,
            double                    y,
            double                    padding,
            GArray                   *conflicts)
{
  gint64 cx0, cy0, cx1, cy1;
  guint before = conflicts->len;

  grid_cell_range (grid, x, y, (node->width + padding) / 2, (node->height + padding) / 2,
                   &cx0, &cy0, &cx1, &cy1);
  for (gint64 cx = cx0; cx <= cx1; cx++)
    for (gint64 cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = grid_key (cx, cy);
        GArray *list = g_hash_table_lookup (grid->cells, &key);

        for (guint k = 0; list != NULL && k < list->len; k++)
          {
            guint other = g_array_index (list, guint, k);
            const DossierGraphNode *o = dossier_graph_layout_get_node (layout, other);
            gboolean seen = FALSE;

            if ((node->width + o->width) / 2 + padding - fabs (x - o->x) <= 1e-6 ||
                (node->height + o->height) / 2 + padding - fabs (y - o->y) <= 1e-6)
              continue;
            for (guint c = before; c < conflicts->len && !seen; c++)
              seen = g_array_index (conflicts, guint, c) == other;
            if (!seen)
              g_array_append_val (conflicts, other);
          }
      }

  return conflicts->len - before;
}

typedef struct
{
  double x, y, cost;
} Candidate;

/* Accepts nodes one by one (pinned first) where they are when they fit;
 * a node that does not goes to the nearest free spot found by stepping
 * just past the sides of the boxes in its way. Always ends overlap-free
 * (pinned nodes among themselves aside). */
static void
place_greedily (DossierGraphLayout *layout,
                double              padding,
                const gboolean     *skip)
{
  guint n = layout->nodes->len;
  double biggest = 1, lowest = -G_MAXDOUBLE;
  Grid grid;
  g_autoptr(GArray) conflicts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      const DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);

      if (skip != NULL && skip[i])
        continue;
      biggest = MAX (biggest, MAX (node->width, node->height) + padding);
    }

  grid.cell = biggest;
  grid.cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) g_array_unref);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      if ((skip == NULL || !skip[i]) && dossier_graph_layout_get_node (layout, i)->pinned == (pass == 0))
        g_array_append_val (order, i);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);
      gboolean found = node->pinned;

      g_array_set_size (candidates, 0);
      g_array_append_vals (candidates, &(Candidate) { node->x, node->y, 0 }, 1);

      for (guint tries = 0; !found && candidates->len > 0 && tries < 400; tries++)
        {
          guint best = 0;
          Candidate c;

          for (guint m = 1; m < candidates->len; m++)
            if (g_array_index (candidates, Candidate, m).cost < g_array_index (candidates, Candidate, best).cost)
              best = m;
          c = g_array_index (candidates, Candidate, best);
          g_array_remove_index_fast (candidates, best);

          g_array_set_size (conflicts, 0);
          if (grid_query (&grid, layout, node, c.x, c.y, padding, conflicts) == 0)
            {
              node->x = c.x;
              node->y = c.y;
              found = TRUE;
              break;
            }

          for (guint m = 0; m < conflicts->len; m++)
            {
              const DossierGraphNode *o = dossier_graph_layout_get_node (layout, g_array_index (conflicts, guint, m));
              double gx = (o->width + node->width) / 2 + padding + 0.01;
              double gy = (o->height + node->height) / 2 + padding + 0.01;
              Candidate next[4] = {
                { o->x - gx, c.y, 0 }, { o->x + gx, c.y, 0 },
                { c.x, o->y - gy, 0 }, { c.x, o->y + gy, 0 },
              };

              for (guint d = 0; d < 4; d++)
                {
                  next[d].cost = hypot (next[d].x - node->x, next[d].y - node->y);
                  g_array_append_val (candidates, next[d]);
                }
            }
        }

      if (!found)
        {
          /* Out of patience: under everything accepted so far is free. */
          node->y = lowest + padding + node->height / 2 + 0.01;
        }

      grid_insert (&grid, node, i, padding);
      lowest = MAX (lowest, node->y + node->height / 2);
    }

  g_hash_table_unref (grid.cells);
}

static void
remove_overlaps (DossierGraphLayout *layout,
                 double              padding,
                 guint               max_passes,
                 const gboolean     *skip)
{
  for (guint pass = 0; pass < max_passes; pass++)
    {
      guint n;
      g_autofree SweepItem *items = sort_by_left (layout, padding, skip, &n);
      gboolean moved = FALSE;

      for (guint a = 0; a < n; a++)
        {
          DossierGraphNode *na = dossier_graph_layout_get_node (layout, items[a].index);

          for (guint b = a + 1; b < n; b++)
            {
              DossierGraphNode *nb = dossier_graph_layout_get_node (layout, items[b].index);
              double ox, oy, sign, share_a, share_b;
              gboolean along_x;

              /* Positions move during the pass, so this sweep may miss a
               * pair; a pass that moves nothing is exact, and only such a
               * pass ends the loop. */
              if (items[b].left >= na->x + (na->width + padding) / 2)
                break;

              overlap (na, nb, padding, &ox, &oy);
              if (ox <= 1e-6 || oy <= 1e-6)
                continue;
              if (na->pinned && nb->pinned)
                continue;

              /* Separate along the axis that needs the shorter move, a
               * hair further than needed so rounding cannot undo it. */
              along_x = ox < oy;
              if (along_x)
                sign = nb->x > na->x ? 1 : (nb->x < na->x ? -1 : (items[b].index > items[a].index ? 1 : -1));
              else
                sign = nb->y > na->y ? 1 : (nb->y < na->y ? -1 : (items[b].index > items[a].index ? 1 : -1));

              share_a = na->pinned ? 0 : (nb->pinned ? 1 : 0.5);
              share_b = 1 - share_a;
              if (along_x)
                {
                  na->x -= sign * share_a * (ox + 0.01);
                  nb->x += sign * share_b * (ox + 0.01);
                }
              else
                {
                  na->y -= sign * share_a * (oy + 0.01);
                  nb->y += sign * share_b * (oy + 0.01);
                }
              moved = TRUE;
            }
        }

      if (!moved)
        return;
    }

  /* Pushing pairs apart converges slowly in a dense pile; place what is
   * still in conflict greedily instead. */
  if (count_overlaps (layout, padding, skip) > 0)
    place_greedily (layout, padding, skip);
}

guint
dossier_graph_layout_remove_overlaps (DossierGraphLayout *layout,
                                      double              padding,
                                      guint               max_passes)
{
  g_return_val_if_fail (layout != NULL, 0);

  remove_overlaps (layout, padding, max_passes, NULL);

  return dossier_graph_layout_count_overlaps (layout, padding);
}

/* --- edges ------------------------------------------------------------- */

void
dossier_graph_layout_update_bends (DossierGraphLayout *layout,
                                   double              spacing)
{
  g_autoptr(GHashTable) groups = NULL;   /* pair key → GArray of edge indices */
  g_autoptr(GPtrArray) order = NULL;     /* the groups in order of first edge */

  g_return_if_fail (layout != NULL);

  groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint e = 0; e < layout->edges->len; e++)
    {
      DossierGraphEdge *edge = dossier_graph_layout_get_edge (layout, e);
      gint64 key = ((gint64) MIN (edge->source, edge->target) << 32) | MAX (edge->source, edge->target);
      GArray *group = g_hash_table_lookup (groups, &key);

      edge->bend = 0;
      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, g_memdup2 (&key, sizeof key), group);
          g_ptr_array_add (order, group);
        }
      g_array_append_val (group, e);
    }

  for (guint g = 0; g < order->len; g++)
    {
      GArray *group = g_ptr_array_index (order, g);

      if (group->len < 2)
        continue;

      for (guint k = 0; k < group->len; k++)
        {
          DossierGraphEdge *edge = dossier_graph_layout_get_edge (layout, g_array_index (group, guint, k));
          double offset = (k - (group->len - 1) / 2.0) * spacing;

          /* Offsets are measured in the frame of the lower node index, so
           * that A→B and B→A land on different sides. */
          edge->bend = edge->source < edge->target ? offset : -offset;
        }
    }
}

/* Where the ray from the centre of @node towards (tx, ty) leaves its box. */
static void
clip_to_box (const DossierGraphNode *node,
             double                  tx,
             double                  ty,
             double                 *x,
             double                 *y)
{
  double dx = tx - node->x, dy = ty - node->y;
  double hw = node->width / 2, hh = node->height / 2;
  double t = G_MAXDOUBLE;

  if (fabs (dx) < 1e-9 && fabs (dy) < 1e-9)
    {
      *x = node->x;
      *y = node->y;
      return;
    }

  if (fabs (dx) > 1e-9)
    t = MIN (t, hw / fabs (dx));
  if (fabs (dy) > 1e-9)
    t = MIN (t, hh / fabs (dy));
  t = MIN (t, 1.0);

  *x = node->x + dx * t;
  *y = node->y + dy * t;
}

void
dossier_graph_layout_get_curve (const DossierGraphLayout *layout,
                                guint                     edge,
                                DossierGraphCurve        *curve)
{
  const DossierGraphEdge *e;
  const DossierGraphNode *s, *t;
  double dx, dy, d, nx, ny;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (edge < layout->edges->len);
  g_return_if_fail (curve != NULL);

  e = dossier_graph_layout_get_edge (layout, edge);
  s = dossier_graph_layout_get_node (layout, e->source);
  t = dossier_graph_layout_get_node (layout, e->target);

  dx = t->x - s->x;
  dy = t->y - s->y;
  d = sqrt (dx * dx + dy * dy);
  nx = d > 0 ? -dy / d : 0;
  ny = d > 0 ? dx / d : 0;

  /* The middle of a quadratic Bézier lies halfway between the chord's
   * middle and the control point: twice the bend puts it at the bend. */
  curve->cx = (s->x + t->x) / 2 + nx * 2 * e->bend;
  curve->cy = (s->y + t->y) / 2 + ny * 2 * e->bend;

  clip_to_box (s, curve->cx, curve->cy, &curve->x0, &curve->y0);
  clip_to_box (t, curve->cx, curve->cy, &curve->x1, &curve->y1);

  curve->mx = (curve->x0 + 2 * curve->cx + curve->x1) / 4;
  curve->my = (curve->y0 + 2 * curve->cy + curve->y1) / 4;
}

/* --- hit testing and navigation ---------------------------------------- */

int
dossier_graph_layout_node_at (const DossierGraphLayout *layout,
                              double                    x,
                              double                    y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = layout->nodes->len; i-- > 0;)
    {
      const DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);

      if (fabs (x - node->x) <= node->width / 2 && fabs (y - node->y) <= node->height / 2)
        return (int) i;
    }

  return -1;
}

static double
distance_to_segment (double px,
                     double py,
                     double ax,
                     double ay,
                     double bx,
                     double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  dx = ax + t * dx - px;
  dy = ay + t * dy - py;

  return sqrt (dx * dx + dy * dy);
}

int
dossier_graph_layout_edge_at (const DossierGraphLayout *layout,
                              double                    x,
                              double                    y,
                              double                    tolerance)
{
  const guint n_segments = 16;
  int best = -1;
  double best_distance = tolerance;

  g_return_val_if_fail (layout != NULL, -1);

  for (guint e = 0; e < layout->edges->len; e++)
    {
      DossierGraphCurve c;
      double px, py;

      dossier_graph_layout_get_curve (layout, e, &c);

      /* The curve lies within the hull of its three points. */
      if (x < MIN (MIN (c.x0, c.x1), c.cx) - tolerance || x > MAX (MAX (c.x0, c.x1), c.cx) + tolerance ||
          y < MIN (MIN (c.y0, c.y1), c.cy) - tolerance || y > MAX (MAX (c.y0, c.y1), c.cy) + tolerance)
        continue;

      px = c.x0;
      py = c.y0;
      for (guint k = 1; k <= n_segments; k++)
        {
          double t = (double) k / n_segments, u = 1 - t;
          double qx = u * u * c.x0 + 2 * u * t * c.cx + t * t * c.x1;
          double qy = u * u * c.y0 + 2 * u * t * c.cy + t * t * c.y1;
          double d = distance_to_segment (x, y, px, py, qx, qy);

          if (d <= best_distance)
            {
              best_distance = d;
              best = (int) e;
            }
          px = qx;
          py = qy;
        }
    }

  return best;
}

int
dossier_graph_layout_navigate (const DossierGraphLayout *layout,
                               guint                     from,
                               DossierGraphDirection     direction,
                               DossierGraphSkipFunc      skip,
                               gpointer                  user_data)
{
  const DossierGraphNode *origin;
  double ux = 0, uy = 0, best_score = G_MAXDOUBLE;
  int best = -1;

  g_return_val_if_fail (layout != NULL, -1);
  g_return_val_if_fail (from < layout->nodes->len, -1);

  switch (direction)
    {
    case DOSSIER_GRAPH_DIRECTION_LEFT: ux = -1; break;
    case DOSSIER_GRAPH_DIRECTION_RIGHT: ux = 1; break;
    case DOSSIER_GRAPH_DIRECTION_UP: uy = -1; break;
    case DOSSIER_GRAPH_DIRECTION_DOWN: uy = 1; break;
    default: g_return_val_if_reached (-1);
    }

  origin = dossier_graph_layout_get_node (layout, from);

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);
      double dx, dy, along, across, distance, score;

      if (i == from || (skip != NULL && skip (i, user_data)))
        continue;

      dx = node->x - origin->x;
      dy = node->y - origin->y;
      along = dx * ux + dy * uy;
      across = fabs (dx * uy - dy * ux);
      distance = sqrt (dx * dx + dy * dy);

      /* Inside the cone: cos (angle) >= cos (60°). */
      if (along <= 0 || along < 0.5 * distance)
        continue;

      /* Sideways distance costs more than distance ahead, so the node
       * straight ahead wins over a nearer one off to the side. */
      score = along + 2 * across;
      if (score < best_score)
        {
          best_score = score;
          best = (int) i;
        }
    }

  return best;
}

/* --- view transforms --------------------------------------------------- */

void
dossier_graph_layout_get_bounds (const DossierGraphLayout *layout,
                                 DossierGraphRect         *bounds)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (bounds != NULL);

  if (layout->nodes->len == 0)
    {
      *bounds = (DossierGraphRect) { 0, 0, 0, 0 };
      return;
    }

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierGraphNode *node = dossier_graph_layout_get_node (layout, i);

      x0 = MIN (x0, node->x - node->width / 2);
      y0 = MIN (y0, node->y - node->height / 2);
      x1 = MAX (x1, node->x + node->width / 2);
      y1 = MAX (y1, node->y + node->height / 2);
    }

  *bounds = (DossierGraphRect) { x0, y0, x1 - x0, y1 - y0 };
}

void
dossier_graph_transform_fit (DossierGraphTransform  *transform,
                             const DossierGraphRect *bounds,
                             double                  width,
                             double                  height,
                             double                  margin,
                             double                  min_scale,
                             double                  max_scale)
{
  double available_w, available_h, scale;

  g_return_if_fail (transform != NULL);
  g_return_if_fail (bounds != NULL);

  available_w = MAX (width - 2 * margin, 1);
  available_h = MAX (height - 2 * margin, 1);

  scale = max_scale;
  if (bounds->width > 0)
    scale = MIN (scale, available_w / bounds->width);
  if (bounds->height > 0)
    scale = MIN (scale, available_h / bounds->height);
  scale = CLAMP (scale, min_scale, max_scale);

  transform->scale = scale;
  transform->dx = width / 2 - (bounds->x + bounds->width / 2) * scale;
  transform->dy = height / 2 - (bounds->y + bounds->height / 2) * scale;
}

void
dossier_graph_transform_zoom_at (DossierGraphTransform *transform,
                                 double                 factor,
                                 double                 sx,
                                 double                 sy,
                                 double                 min_scale,
                                 double                 max_scale)
{
  double wx, wy, scale;

  g_return_if_fail (transform != NULL);

  dossier_graph_transform_to_world (transform, sx, sy, &wx, &wy);
  scale = CLAMP (transform->scale * factor, min_scale, max_scale);
  transform->scale = scale;
  dossier_graph_transform_center_on (transform, wx, wy, sx, sy);
}

void
dossier_graph_transform_to_world (const DossierGraphTransform *transform,
                                  double                       sx,
                                  double                       sy,
                                  double                      *wx,
                                  double                      *wy)
{
  g_return_if_fail (transform != NULL);
  g_return_if_fail (transform->scale > 0);

  *wx = (sx - transform->dx) / transform->scale;
  *wy = (sy - transform->dy) / transform->scale;
}

void
dossier_graph_transform_center_on (DossierGraphTransform *transform,
                                   double                 wx,
                                   double                 wy,
                                   double                 sx,
                                   double                 sy)
{
  g_return_if_fail (transform != NULL);

  transform->dx = sx - wx * transform->scale;
  transform->dy = sy - wy * transform->scale;
}
