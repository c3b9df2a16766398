/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-model.h"

G_BEGIN_DECLS

/* The relationship graph: entities as labelled shapes, relations as
 * directed, typed edges, laid out by force (src/layout) — off the main
 * thread when the graph is big. Pan, zoom, drag nodes to pin them, and
 * move the selection with the arrow keys. */

#define DOSSIER_TYPE_GRAPH (dossier_graph_get_type ())

G_DECLARE_FINAL_TYPE (DossierGraph, dossier_graph, DOSSIER, GRAPH, GtkWidget)

/* A relation type's family decides how its edges are drawn. */
typedef enum
{
  DOSSIER_GRAPH_FAMILY_STRUCTURE,   /* subsidiary-of, founded, leads, works-for */
  DOSSIER_GRAPH_FAMILY_MONEY,       /* invests-in */
  DOSSIER_GRAPH_FAMILY_BUSINESS,    /* partners-with, supplies, develops, uses */
  DOSSIER_GRAPH_FAMILY_RIVALRY,     /* competes-with */
  DOSSIER_GRAPH_FAMILY_CONFLICT,    /* restricts, criticizes, accuses */
  DOSSIER_GRAPH_FAMILY_OPINION,     /* praises, replicates, studies, anything else */
  DOSSIER_GRAPH_N_FAMILIES
} DossierGraphFamily;

DossierGraphFamily dossier_graph_family_for_type (const char *relation_type);

GtkWidget     *dossier_graph_new              (void);

/* Shows @entities (DossierEntity) and those of @relations (DossierRelation)
 * whose both ends are among them. Positions of entities already shown are
 * kept as start positions, so changing the filters does not reshuffle the
 * picture; pinned entities stay where they were put. */
void           dossier_graph_set_graph        (DossierGraph    *self,
                                               GListModel      *entities,
                                               GListModel      *relations);
/* Forget positions and pins (a new dossier). */
void           dossier_graph_reset            (DossierGraph    *self);

DossierEntity *dossier_graph_get_selected     (DossierGraph    *self);
void           dossier_graph_set_selected     (DossierGraph    *self,
                                               DossierEntity   *entity);
gboolean       dossier_graph_contains         (DossierGraph    *self,
                                               DossierEntity   *entity);
/* Scrolls @entity to the middle of the view (animated unless animations
 * are off). Waits for a running layout. */
void           dossier_graph_center_on        (DossierGraph    *self,
                                               DossierEntity   *entity);

void           dossier_graph_zoom_in          (DossierGraph    *self);
void           dossier_graph_zoom_out         (DossierGraph    *self);
void           dossier_graph_fit              (DossierGraph    *self);
double         dossier_graph_get_scale        (DossierGraph    *self);

gboolean       dossier_graph_get_busy         (DossierGraph    *self);
guint          dossier_graph_get_n_nodes      (DossierGraph    *self);
guint          dossier_graph_get_n_edges      (DossierGraph    *self);

/* For tests and the benchmark: the screen position of an entity's node
 * centre; FALSE when it is not shown or not laid out yet. */
gboolean       dossier_graph_get_node_position (DossierGraph   *self,
                                                DossierEntity  *entity,
                                                double         *x,
                                                double         *y);
/* Seconds the last layout took, and its iteration count. */
double         dossier_graph_get_layout_time  (DossierGraph    *self);

G_END_DECLS
