/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-selection.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_GRAPH_VIEW (dossier_graph_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierGraphView, dossier_graph_view, DOSSIER, GRAPH_VIEW, GtkWidget)

GtkWidget        *dossier_graph_view_new           (DossierSelection *selection);
DossierSelection *dossier_graph_view_get_selection (DossierGraphView *self);
/* The graph widget inside, for tests. */
GtkWidget        *dossier_graph_view_get_graph     (DossierGraphView *self);

G_END_DECLS
