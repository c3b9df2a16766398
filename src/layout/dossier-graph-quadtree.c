/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "dossier-graph-quadtree.h"

/* Past this depth points that (nearly) coincide share a leaf as a linked
 * list instead of splitting the cell forever. */
#define MAX_DEPTH 24

/* Distances below this are treated as this, so that coinciding points get
 * a large but finite push. */
#define MIN_DISTANCE_SQUARED 1e-4

typedef struct
{
  double cx, cy, half;   /* the square cell */
  double mx, my, mass;   /* sum of m * position, and total mass */
  gint32 child[4];       /* -1 when absent; all -1 for a leaf */
  gint32 first;          /* a leaf's first point, -1 when empty or internal */
  guint  depth;
} Cell;

struct _DossierGraphQuadtree
{
  GArray       *cells;     /* Cell */
  gint32       *next;      /* next point in the same leaf, -1 ends */
  guint         next_size;
  const double *xy;
  const double *mass;
  guint         n_points;
};

DossierGraphQuadtree *
dossier_graph_quadtree_new (void)
{
  DossierGraphQuadtree *tree = g_new0 (DossierGraphQuadtree, 1);

  tree->cells = g_array_new (FALSE, FALSE, sizeof (Cell));

  return tree;
}

void
dossier_graph_quadtree_free (DossierGraphQuadtree *tree)
{
  if (tree == NULL)
    return;

  g_array_unref (tree->cells);
  g_free (tree->next);
  g_free (tree);
}

static gint32
add_cell (DossierGraphQuadtree *tree,
          double                cx,
          double                cy,
          double                half,
          guint                 depth)
{
  Cell cell = { cx, cy, half, 0, 0, 0, { -1, -1, -1, -1 }, -1, depth };

  g_array_append_val (tree->cells, cell);

  return (gint32) tree->cells->len - 1;
}

static inline Cell *
cell_at (const DossierGraphQuadtree *tree,
         gint32                index)
{
  return &g_array_index (tree->cells, Cell, index);
}

static inline guint
quadrant (const Cell *cell,
          double      x,
          double      y)
{
  return (x >= cell->cx ? 1 : 0) + (y >= cell->cy ? 2 : 0);
}

static gint32
ensure_child (DossierGraphQuadtree *tree,
              gint32                index,
              guint                 q)
{
  Cell *cell = cell_at (tree, index);
  double half, cx, cy;
  guint depth;
  gint32 child;

  if (cell->child[q] >= 0)
    return cell->child[q];

  half = cell->half / 2;
  cx = cell->cx + ((q & 1) ? half : -half);
  cy = cell->cy + ((q & 2) ? half : -half);
  depth = cell->depth + 1;

  /* add_cell may reallocate the array: look the parent up again after. */
  child = add_cell (tree, cx, cy, half, depth);
  cell_at (tree, index)->child[q] = child;

  return child;
}

static gboolean
is_leaf (const Cell *cell)
{
  return cell->child[0] < 0 && cell->child[1] < 0 && cell->child[2] < 0 && cell->child[3] < 0;
}

static void
insert (DossierGraphQuadtree *tree,
        guint                 point)
{
  double x = tree->xy[2 * point];
  double y = tree->xy[2 * point + 1];
  double m = tree->mass[point];
  gint32 index = 0;

  for (;;)
    {
      Cell *cell = cell_at (tree, index);

      cell->mx += m * x;
      cell->my += m * y;
      cell->mass += m;

      if (is_leaf (cell))
        {
          gint32 other = cell->first;

          if (other < 0)
            {
              cell->first = (gint32) point;
              tree->next[point] = -1;
              return;
            }

          if (cell->depth >= MAX_DEPTH)
            {
              tree->next[point] = cell->first;
              cell->first = (gint32) point;
              return;
            }

          /* Split: push the points already here one level down. Their mass
           * is already counted in this cell, so move them without adding. */
          cell->first = -1;
          while (other >= 0)
            {
              gint32 following = tree->next[other];
              double ox = tree->xy[2 * other];
              double oy = tree->xy[2 * other + 1];
              double om = tree->mass[other];
              gint32 child = ensure_child (tree, index, quadrant (cell_at (tree, index), ox, oy));
              Cell *c = cell_at (tree, child);

              c->mx += om * ox;
              c->my += om * oy;
              c->mass += om;
              tree->next[other] = c->first;
              c->first = other;
              other = following;
            }
        }

      index = ensure_child (tree, index, quadrant (cell_at (tree, index), x, y));
    }
}

void
dossier_graph_quadtree_build (DossierGraphQuadtree *tree,
                              const double         *xy,
                              const double         *mass,
                              guint                 n_points)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE;
  double max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double half;

  g_return_if_fail (tree != NULL);
  g_return_if_fail (n_points == 0 || (xy != NULL && mass != NULL));

  tree->xy = xy;
  tree->mass = mass;
  tree->n_points = n_points;
  g_array_set_size (tree->cells, 0);

  if (tree->next_size < n_points)
    {
      tree->next = g_renew (gint32, tree->next, n_points);
      tree->next_size = n_points;
    }

  if (n_points == 0)
    return;

  for (guint i = 0; i < n_points; i++)
    {
      min_x = MIN (min_x, xy[2 * i]);
      max_x = MAX (max_x, xy[2 * i]);
      min_y = MIN (min_y, xy[2 * i + 1]);
      max_y = MAX (max_y, xy[2 * i + 1]);
    }

  /* A little slack so the points on the far edges fall inside. */
  half = MAX (max_x - min_x, max_y - min_y) / 2 * 1.0001 + 1e-6;
  add_cell (tree, (min_x + max_x) / 2, (min_y + max_y) / 2, half, 0);

  for (guint i = 0; i < n_points; i++)
    insert (tree, i);
}

guint
dossier_graph_quadtree_get_n_cells (DossierGraphQuadtree *tree)
{
  g_return_val_if_fail (tree != NULL, 0);

  return tree->cells->len;
}

static inline void
push_away (double  dx,
           double  dy,
           double  factor,
           double *fx,
           double *fy)
{
  double d2 = dx * dx + dy * dy;

  if (d2 < MIN_DISTANCE_SQUARED)
    d2 = MIN_DISTANCE_SQUARED;

  /* |F| = factor / d along the unit vector (dx, dy) / d. */
  *fx += factor * dx / d2;
  *fy += factor * dy / d2;
}

void
dossier_graph_quadtree_repulsion (const DossierGraphQuadtree *tree,
                                  guint                 point,
                                  double                theta,
                                  double                strength,
                                  double               *fx,
                                  double               *fy)
{
  /* A depth-first walk keeps at most 3 pending siblings per level plus
   * the children of the deepest one; a local stack makes the walk
   * read-only, so threads may share one tree. */
  gint32 stack[3 * (MAX_DEPTH + 2) + 4];
  guint top = 0;
  double x, y, m, theta2;
  double sum_x = 0, sum_y = 0;

  g_return_if_fail (tree != NULL);
  g_return_if_fail (point < tree->n_points);

  x = tree->xy[2 * point];
  y = tree->xy[2 * point + 1];
  m = tree->mass[point];
  theta2 = theta * theta;

  if (tree->cells->len > 0)
    stack[top++] = 0;

  while (top > 0)
    {
      const Cell *cell = cell_at (tree, stack[--top]);

      if (cell->mass <= 0)
        continue;

      if (is_leaf (cell))
        {
          for (gint32 other = cell->first; other >= 0; other = tree->next[other])
            {
              double dx, dy;

              if ((guint) other == point)
                continue;

              dx = x - tree->xy[2 * other];
              dy = y - tree->xy[2 * other + 1];
              if (dx == 0 && dy == 0)
                {
                  /* Coinciding points: separate them in a direction that
                   * depends only on the indices, to stay deterministic. */
                  double angle = ((guint) other < point ? 1.0 : -1.0) + 0.7 * (point % 7);

                  dx = cos (angle) * 1e-2;
                  dy = sin (angle) * 1e-2;
                }
              push_away (dx, dy, strength * m * tree->mass[other], &sum_x, &sum_y);
            }
          continue;
        }

      {
        double cmx = cell->mx / cell->mass;
        double cmy = cell->my / cell->mass;
        double dx = x - cmx;
        double dy = y - cmy;
        double d2 = dx * dx + dy * dy;
        double side = 2 * cell->half;
        gboolean inside = fabs (x - cell->cx) <= cell->half && fabs (y - cell->cy) <= cell->half;

        /* A cell that contains the point itself is always opened: its
         * centre of mass would include the point. */
        if (!inside && side * side < theta2 * d2)
          {
            push_away (dx, dy, strength * m * cell->mass, &sum_x, &sum_y);
            continue;
          }

        for (guint q = 0; q < 4; q++)
          if (cell->child[q] >= 0)
            {
              g_assert (top < G_N_ELEMENTS (stack));
              stack[top++] = cell->child[q];
            }
      }
    }

  *fx += sum_x;
  *fy += sum_y;
}
