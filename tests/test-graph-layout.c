/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-graph-layout.h"
#include "dossier-graph-quadtree.h"

/* A random graph with label-like boxes: a spanning tree (so it is
 * connected) plus extra random edges. */
static DossierGraphLayout *
make_graph (guint   n_nodes,
            guint   extra_edges,
            guint32 seed)
{
  DossierGraphLayout *layout = dossier_graph_layout_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n_nodes; i++)
    dossier_graph_layout_add_node (layout, g_rand_double_range (rand, 40, 200), 28);
  for (guint i = 1; i < n_nodes; i++)
    dossier_graph_layout_add_edge (layout, g_rand_int_range (rand, 0, i), i);
  for (guint k = 0; k < extra_edges; k++)
    {
      guint a = g_rand_int_range (rand, 0, n_nodes);
      guint b = g_rand_int_range (rand, 0, n_nodes);

      if (a != b)
        dossier_graph_layout_add_edge (layout, a, b);
    }

  return layout;
}

static void
test_determinism (void)
{
  DossierGraphLayoutParams params;
  g_autoptr(DossierGraphLayout) input = make_graph (300, 300, 7);
  g_autoptr(DossierGraphLayout) a = dossier_graph_layout_copy (input);
  g_autoptr(DossierGraphLayout) b = dossier_graph_layout_copy (input);
  g_autoptr(DossierGraphLayout) threaded = NULL;
  g_autoptr(DossierGraphLayout) other_seed = dossier_graph_layout_copy (input);
  gboolean differs = FALSE;

  dossier_graph_layout_params_init (&params);
  g_assert_true (dossier_graph_layout_run (a, &params, NULL, NULL));
  g_assert_true (dossier_graph_layout_run (b, &params, NULL, NULL));

  for (guint i = 0; i < dossier_graph_layout_get_n_nodes (a); i++)
    {
      g_assert_cmpfloat (dossier_graph_layout_get_node (a, i)->x, ==, dossier_graph_layout_get_node (b, i)->x);
      g_assert_cmpfloat (dossier_graph_layout_get_node (a, i)->y, ==, dossier_graph_layout_get_node (b, i)->y);
    }

  /* Threads split the work by node, so they change nothing either; it
   * needs enough nodes to actually use them. */
  {
    g_autoptr(DossierGraphLayout) big = make_graph (1200, 600, 3);
    g_autoptr(DossierGraphLayout) single = dossier_graph_layout_copy (big);

    params.max_iterations = 60;
    threaded = dossier_graph_layout_copy (big);
    dossier_graph_layout_run (single, &params, NULL, NULL);
    params.n_threads = 2;
    dossier_graph_layout_run (threaded, &params, NULL, NULL);
    for (guint i = 0; i < dossier_graph_layout_get_n_nodes (big); i++)
      {
        g_assert_cmpfloat (dossier_graph_layout_get_node (single, i)->x, ==, dossier_graph_layout_get_node (threaded, i)->x);
        g_assert_cmpfloat (dossier_graph_layout_get_node (single, i)->y, ==, dossier_graph_layout_get_node (threaded, i)->y);
      }
  }

  dossier_graph_layout_params_init (&params);
  params.seed = 4242;
  dossier_graph_layout_run (other_seed, &params, NULL, NULL);
  for (guint i = 0; i < dossier_graph_layout_get_n_nodes (a); i++)
    differs |= dossier_graph_layout_get_node (a, i)->x != dossier_graph_layout_get_node (other_seed, i)->x;
  g_assert_true (differs);
}

static void
test_no_overlaps (void)
{
  DossierGraphLayoutParams params;
  g_autoptr(DossierGraphLayout) layout = make_graph (400, 200, 11);
  guint loose[5];

  /* Nodes without edges go on the shelf; they must not overlap either. */
  for (guint k = 0; k < G_N_ELEMENTS (loose); k++)
    loose[k] = dossier_graph_layout_add_node (layout, 120, 28);

  dossier_graph_layout_params_init (&params);
  g_assert_true (dossier_graph_layout_run (layout, &params, NULL, NULL));
  g_assert_true (layout->converged);
  g_assert_cmpuint (dossier_graph_layout_count_overlaps (layout, 0), ==, 0);
  g_assert_cmpuint (dossier_graph_layout_count_overlaps (layout, params.padding - 0.001), ==, 0);

  for (guint i = 0; i < dossier_graph_layout_get_n_nodes (layout); i++)
    {
      g_assert_true (isfinite (dossier_graph_layout_get_node (layout, i)->x));
      g_assert_true (isfinite (dossier_graph_layout_get_node (layout, i)->y));
    }

  /* Loose nodes sit next to the rest, not flung away by the repulsion. */
  {
    DossierGraphRect bounds;
    g_autoptr(DossierGraphLayout) rest = dossier_graph_layout_copy (layout);

    g_array_set_size (rest->nodes, loose[0]);
    g_array_set_size (rest->edges, 0);
    dossier_graph_layout_get_bounds (rest, &bounds);
    for (guint k = 0; k < G_N_ELEMENTS (loose); k++)
      {
        const DossierGraphNode *node = dossier_graph_layout_get_node (layout, loose[k]);
        double outside_x = MAX (0, MAX (bounds.x - node->x, node->x - (bounds.x + bounds.width)));
        double outside_y = MAX (0, MAX (bounds.y - node->y, node->y - (bounds.y + bounds.height)));

        g_assert_cmpfloat (hypot (outside_x, outside_y), <, 6 * params.edge_length);
      }
  }
}

static void
test_overlap_removal (void)
{
  g_autoptr(DossierGraphLayout) layout = dossier_graph_layout_new ();

  /* Everything on the same spot, one of them pinned. */
  for (guint i = 0; i < 50; i++)
    dossier_graph_layout_set_position (layout, dossier_graph_layout_add_node (layout, 100, 30),
                                       5, 5, i == 10);

  g_assert_cmpuint (dossier_graph_layout_count_overlaps (layout, 4), ==, 50 * 49 / 2);
  g_assert_cmpuint (dossier_graph_layout_remove_overlaps (layout, 4, 1000), ==, 0);
  g_assert_cmpfloat (dossier_graph_layout_get_node (layout, 10)->x, ==, 5);
  g_assert_cmpfloat (dossier_graph_layout_get_node (layout, 10)->y, ==, 5);
}

static void
test_pinned (void)
{
  DossierGraphLayoutParams params;
  g_autoptr(DossierGraphLayout) layout = make_graph (60, 30, 5);

  dossier_graph_layout_set_position (layout, 3, 1000, -500, TRUE);
  dossier_graph_layout_params_init (&params);
  dossier_graph_layout_run (layout, &params, NULL, NULL);
  g_assert_cmpfloat (dossier_graph_layout_get_node (layout, 3)->x, ==, 1000);
  g_assert_cmpfloat (dossier_graph_layout_get_node (layout, 3)->y, ==, -500);
}

static double
distance (const DossierGraphLayout *layout,
          guint                     a,
          guint                     b)
{
  const DossierGraphNode *na = dossier_graph_layout_get_node (layout, a);
  const DossierGraphNode *nb = dossier_graph_layout_get_node (layout, b);

  return hypot (na->x - nb->x, na->y - nb->y);
}

static void
test_clusters (void)
{
  DossierGraphLayoutParams params;
  g_autoptr(DossierGraphLayout) layout = dossier_graph_layout_new ();
  double inside = 0, across = 0;
  guint n_inside = 0, n_across = 0;

  /* Two cliques of 8 joined by one edge: each clique stays together. */
  for (guint i = 0; i < 16; i++)
    dossier_graph_layout_add_node (layout, 80, 28);
  for (guint i = 0; i < 16; i++)
    for (guint j = i + 1; j < 16; j++)
      if (i / 8 == j / 8)
        dossier_graph_layout_add_edge (layout, i, j);
  dossier_graph_layout_add_edge (layout, 0, 8);

  dossier_graph_layout_params_init (&params);
  dossier_graph_layout_run (layout, &params, NULL, NULL);

  for (guint i = 0; i < 16; i++)
    for (guint j = i + 1; j < 16; j++)
      {
        if (i / 8 == j / 8)
          inside += distance (layout, i, j), n_inside++;
        else
          across += distance (layout, i, j), n_across++;
      }
  g_assert_cmpfloat (inside / n_inside * 1.5, <, across / n_across);
}

static gboolean
cancel_at_once (gpointer user_data)
{
  return TRUE;
}

static void
test_cancel (void)
{
  DossierGraphLayoutParams params;
  g_autoptr(DossierGraphLayout) layout = make_graph (100, 50, 1);

  dossier_graph_layout_params_init (&params);
  g_assert_false (dossier_graph_layout_run (layout, &params, cancel_at_once, NULL));
}

static void
test_trivial (void)
{
  DossierGraphLayoutParams params;
  g_autoptr(DossierGraphLayout) empty = dossier_graph_layout_new ();
  g_autoptr(DossierGraphLayout) one = dossier_graph_layout_new ();
  DossierGraphRect bounds;

  dossier_graph_layout_params_init (&params);
  g_assert_true (dossier_graph_layout_run (empty, &params, NULL, NULL));
  dossier_graph_layout_get_bounds (empty, &bounds);
  g_assert_cmpfloat (bounds.width, ==, 0);

  dossier_graph_layout_add_node (one, 50, 20);
  g_assert_true (dossier_graph_layout_run (one, &params, NULL, NULL));
  g_assert_true (isfinite (dossier_graph_layout_get_node (one, 0)->x));
  g_assert_cmpint (dossier_graph_layout_node_at (one, dossier_graph_layout_get_node (one, 0)->x,
                                                 dossier_graph_layout_get_node (one, 0)->y), ==, 0);
}

static void
test_barnes_hut (void)
{
  DossierGraphLayoutParams params;
  g_autoptr(DossierGraphLayout) layout = make_graph (3000, 3000, 13);
  g_autofree double *exact = g_new (double, 2 * 3000);
  g_autofree double *approx = g_new (double, 2 * 3000);
  g_autofree double *loose = g_new (double, 2 * 3000);
  g_autofree double *zero = g_new (double, 2 * 3000);
  double err = 0, err_loose = 0, norm = 0, worst = 0;

  /* Forces on a settled layout and on a random cloud. */
  dossier_graph_layout_params_init (&params);
  params.max_iterations = 50;
  dossier_graph_layout_run (layout, &params, NULL, NULL);

  for (guint round = 0; round < 2; round++)
    {
      if (round == 1)
        {
          g_autoptr(GRand) rand = g_rand_new_with_seed (99);

          for (guint i = 0; i < 3000; i++)
            dossier_graph_layout_set_position (layout, i, g_rand_double_range (rand, -3000, 3000),
                                               g_rand_double_range (rand, -3000, 3000), FALSE);
        }

      dossier_graph_layout_compute_repulsion (layout, &params, 0, exact);
      dossier_graph_layout_compute_repulsion (layout, &params, 0.5, approx);
      dossier_graph_layout_compute_repulsion (layout, &params, 1.0, loose);

      for (guint i = 0; i < 3000; i++)
        {
          double e = hypot (exact[2 * i], exact[2 * i + 1]);
          double d = hypot (approx[2 * i] - exact[2 * i], approx[2 * i + 1] - exact[2 * i + 1]);

          norm += e;
          err += d;
          err_loose += hypot (loose[2 * i] - exact[2 * i], loose[2 * i + 1] - exact[2 * i + 1]);
          worst = MAX (worst, d);
        }
    }

  /* Relative to the mean force: where a node's forces nearly cancel out,
   * its own relative error means nothing. */
  worst /= norm / (2 * 3000);
  g_test_message ("Barnes-Hut mean relative error: theta 0.5 %.4f, theta 1.0 %.4f; "
                  "worst node at theta 0.5 %.4f of the mean force", err / norm, err_loose / norm, worst);
  g_assert_cmpfloat (err / norm, <, 0.01);
  g_assert_cmpfloat (err_loose / norm, <, 0.05);
  g_assert_cmpfloat (worst, <, 0.1);

  /* With every cell opened, the tree sums the same pairs as the exact loop. */
  {
    g_autoptr(DossierGraphQuadtree) tree = dossier_graph_quadtree_new ();
    double xy[] = { 0, 0, 1, 0, 0, 2, 5, 5 };
    double mass[] = { 1, 2, 1, 3 };
    double fx = 0, fy = 0;

    dossier_graph_quadtree_build (tree, xy, mass, 4);
    dossier_graph_quadtree_repulsion (tree, 0, 0, 1, &fx, &fy);
    /* From (1,0) m2: -2/1 in x; from (0,2) m1: -1/2 in y; from (5,5) m3:
     * 3 * (-5,-5) / 50. */
    g_assert_cmpfloat_with_epsilon (fx, -2 - 0.3, 1e-9);
    g_assert_cmpfloat_with_epsilon (fy, -0.5 - 0.3, 1e-9);
  }

  /* Coinciding points: finite forces, no endless splitting. */
  {
    g_autoptr(DossierGraphQuadtree) tree = dossier_graph_quadtree_new ();
    double xy[2 * 100];
    double mass[100];

    for (guint i = 0; i < 100; i++)
      {
        xy[2 * i] = 7;
        xy[2 * i + 1] = 7;
        mass[i] = 1;
      }
    dossier_graph_quadtree_build (tree, xy, mass, 100);
    memset (zero, 0, sizeof (double) * 2);
    dossier_graph_quadtree_repulsion (tree, 42, 0.8, 1, &zero[0], &zero[1]);
    g_assert_true (isfinite (zero[0]) && isfinite (zero[1]));
    g_assert_cmpfloat (hypot (zero[0], zero[1]), >, 0);
  }
}

static void
test_hit_nodes (void)
{
  g_autoptr(DossierGraphLayout) layout = dossier_graph_layout_new ();

  dossier_graph_layout_set_position (layout, dossier_graph_layout_add_node (layout, 100, 30), 0, 0, FALSE);
  dossier_graph_layout_set_position (layout, dossier_graph_layout_add_node (layout, 100, 30), 300, 0, FALSE);
  dossier_graph_layout_set_position (layout, dossier_graph_layout_add_node (layout, 100, 30), 40, 10, FALSE);

  g_assert_cmpint (dossier_graph_layout_node_at (layout, -45, -10), ==, 0);
  g_assert_cmpint (dossier_graph_layout_node_at (layout, 349, 14), ==, 1);
  g_assert_cmpint (dossier_graph_layout_node_at (layout, 351, 0), ==, -1);
  g_assert_cmpint (dossier_graph_layout_node_at (layout, 150, 0), ==, -1);
  g_assert_cmpint (dossier_graph_layout_node_at (layout, 0, -20), ==, -1);
  /* Node 2 covers part of node 0 and is drawn on top. */
  g_assert_cmpint (dossier_graph_layout_node_at (layout, 30, 5), ==, 2);
}

static void
test_hit_edges (void)
{
  g_autoptr(DossierGraphLayout) layout = dossier_graph_layout_new ();
  DossierGraphCurve c0, c1, c2;

  dossier_graph_layout_set_position (layout, dossier_graph_layout_add_node (layout, 100, 30), 0, 0, FALSE);
  dossier_graph_layout_set_position (layout, dossier_graph_layout_add_node (layout, 100, 30), 400, 0, FALSE);
  dossier_graph_layout_set_position (layout, dossier_graph_layout_add_node (layout, 100, 30), 0, 400, FALSE);
  dossier_graph_layout_add_edge (layout, 0, 1);
  dossier_graph_layout_add_edge (layout, 1, 0);
  dossier_graph_layout_add_edge (layout, 0, 2);
  dossier_graph_layout_update_bends (layout, 30);

  /* Parallel edges bend apart, on opposite sides; the lone edge is straight. */
  g_assert_cmpfloat (dossier_graph_layout_get_edge (layout, 2)->bend, ==, 0);
  dossier_graph_layout_get_curve (layout, 0, &c0);
  dossier_graph_layout_get_curve (layout, 1, &c1);
  dossier_graph_layout_get_curve (layout, 2, &c2);
  g_assert_cmpfloat (c0.my * c1.my, <, 0);
  g_assert_cmpfloat (fabs (c0.my - c1.my), >=, 30);
  g_assert_cmpfloat_with_epsilon (c0.mx, 200, 1e-9);

  /* Ends sit on the box borders, the arrow end on the target's. */
  g_assert_cmpfloat_with_epsilon (c2.x0, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c2.y0, 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (c2.y1, 385, 1e-9);
  g_assert_cmpfloat (c0.x0, >=, 50 - 1e-9);
  g_assert_cmpfloat (c0.x1, <=, 350 + 1e-9);

  g_assert_cmpint (dossier_graph_layout_edge_at (layout, c0.mx, c0.my, 4), ==, 0);
  g_assert_cmpint (dossier_graph_layout_edge_at (layout, c1.mx, c1.my + 2, 4), ==, 1);
  g_assert_cmpint (dossier_graph_layout_edge_at (layout, 3, 200, 4), ==, 2);
  g_assert_cmpint (dossier_graph_layout_edge_at (layout, 10, 200, 4), ==, -1);
  g_assert_cmpint (dossier_graph_layout_edge_at (layout, 200, 200, 10), ==, -1);
}

static gboolean
skip_node (guint    node,
           gpointer user_data)
{
  return node == GPOINTER_TO_UINT (user_data);
}

static void
test_navigate (void)
{
  g_autoptr(DossierGraphLayout) layout = dossier_graph_layout_new ();
  /*        1
   *   4    0    2     5 (far right)
   *        3
   * 6 is up-right at 70° off the horizontal: above, not right. */
  double pos[][2] = { { 0, 0 }, { 0, -100 }, { 150, 10 }, { 20, 120 }, { -130, 0 }, { 400, 0 }, { 40, -110 } };

  for (guint i = 0; i < G_N_ELEMENTS (pos); i++)
    dossier_graph_layout_set_position (layout, dossier_graph_layout_add_node (layout, 60, 20),
                                       pos[i][0], pos[i][1], FALSE);

  g_assert_cmpint (dossier_graph_layout_navigate (layout, 0, DOSSIER_GRAPH_DIRECTION_RIGHT, NULL, NULL), ==, 2);
  g_assert_cmpint (dossier_graph_layout_navigate (layout, 0, DOSSIER_GRAPH_DIRECTION_LEFT, NULL, NULL), ==, 4);
  g_assert_cmpint (dossier_graph_layout_navigate (layout, 0, DOSSIER_GRAPH_DIRECTION_UP, NULL, NULL), ==, 1);
  g_assert_cmpint (dossier_graph_layout_navigate (layout, 0, DOSSIER_GRAPH_DIRECTION_DOWN, NULL, NULL), ==, 3);
  g_assert_cmpint (dossier_graph_layout_navigate (layout, 2, DOSSIER_GRAPH_DIRECTION_RIGHT, NULL, NULL), ==, 5);
  g_assert_cmpint (dossier_graph_layout_navigate (layout, 5, DOSSIER_GRAPH_DIRECTION_RIGHT, NULL, NULL), ==, -1);
  g_assert_cmpint (dossier_graph_layout_navigate (layout, 4, DOSSIER_GRAPH_DIRECTION_LEFT, NULL, NULL), ==, -1);
  /* Hidden nodes are skipped: the next one in that direction is taken. */
  g_assert_cmpint (dossier_graph_layout_navigate (layout, 0, DOSSIER_GRAPH_DIRECTION_RIGHT, skip_node,
                                                  GUINT_TO_POINTER (2)), ==, 5);
  /* Outside the cone: nothing straight up from 3 but 0 and 1. */
  g_assert_cmpint (dossier_graph_layout_navigate (layout, 3, DOSSIER_GRAPH_DIRECTION_UP, NULL, NULL), ==, 0);
}

static void
test_transform (void)
{
  DossierGraphRect bounds = { -100, -50, 200, 100 };
  DossierGraphTransform t;
  double wx, wy;

  dossier_graph_transform_fit (&t, &bounds, 800, 300, 50, 0.05, 4);
  g_assert_cmpfloat_with_epsilon (t.scale, 2, 1e-9);   /* height-bound: 200 / 100 */
  g_assert_cmpfloat_with_epsilon (t.dx, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.dy, 150, 1e-9);

  dossier_graph_transform_fit (&t, &bounds, 800, 300, 50, 0.05, 1);
  g_assert_cmpfloat_with_epsilon (t.scale, 1, 1e-9);

  dossier_graph_transform_to_world (&t, 400 + 30, 150 - 20, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, -20, 1e-9);

  /* Zooming keeps the point under the pointer in place. */
  dossier_graph_transform_zoom_at (&t, 2.5, 123, 77, 0.05, 4);
  g_assert_cmpfloat_with_epsilon (t.scale, 2.5, 1e-9);
  {
    double bx, by;

    dossier_graph_transform_to_world (&t, 123, 77, &bx, &by);
    g_assert_cmpfloat_with_epsilon (bx, 123 - 400, 1e-9);
    g_assert_cmpfloat_with_epsilon (by, 77 - 150, 1e-9);
  }
  dossier_graph_transform_zoom_at (&t, 100, 0, 0, 0.05, 4);
  g_assert_cmpfloat_with_epsilon (t.scale, 4, 1e-9);

  dossier_graph_transform_center_on (&t, 10, 10, 400, 150);
  dossier_graph_transform_to_world (&t, 400, 150, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 10, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph-layout/determinism", test_determinism);
  g_test_add_func ("/graph-layout/no-overlaps", test_no_overlaps);
  g_test_add_func ("/graph-layout/overlap-removal", test_overlap_removal);
  g_test_add_func ("/graph-layout/pinned", test_pinned);
  g_test_add_func ("/graph-layout/clusters", test_clusters);
  g_test_add_func ("/graph-layout/cancel", test_cancel);
  g_test_add_func ("/graph-layout/trivial", test_trivial);
  g_test_add_func ("/graph-layout/barnes-hut", test_barnes_hut);
  g_test_add_func ("/graph-layout/hit-nodes", test_hit_nodes);
  g_test_add_func ("/graph-layout/hit-edges", test_hit_edges);
  g_test_add_func ("/graph-layout/navigate", test_navigate);
  g_test_add_func ("/graph-layout/transform", test_transform);

  return g_test_run ();
}
