/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Barnes–Hut quadtree over weighted points, rebuilt once per layout
 * iteration. Building reuses the storage of the previous build, so a tree
 * kept across iterations does not allocate in steady state. */
typedef struct _DossierGraphQuadtree DossierGraphQuadtree;

DossierGraphQuadtree *dossier_graph_quadtree_new   (void);
void                  dossier_graph_quadtree_free  (DossierGraphQuadtree *tree);

/* xy holds 2 * n_points coordinates (x0, y0, x1, y1, ...), mass n_points
 * positive weights. Both must stay alive and unchanged until the next build. */
void                  dossier_graph_quadtree_build (DossierGraphQuadtree *tree,
                                                    const double         *xy,
                                                    const double         *mass,
                                                    guint                 n_points);

guint                 dossier_graph_quadtree_get_n_cells (DossierGraphQuadtree *tree);

/* Adds to *fx, *fy the repulsion that all points except @point exert on it:
 * strength * m_point * m_other / d, pointing away from the other point.
 * A cell of side s at distance d is taken as one body when s / d < theta;
 * theta = 0 opens every cell, which is exact. Read-only: threads may
 * query one tree at the same time. */
void                  dossier_graph_quadtree_repulsion (const DossierGraphQuadtree *tree,
                                                        guint                       point,
                                                        double                      theta,
                                                        double                      strength,
                                                        double                     *fx,
                                                        double                     *fy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierGraphQuadtree, dossier_graph_quadtree_free)

G_END_DECLS
