/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * For detail panes (an event, a relation, an article): a line saying the
 * sources disagree on a topic, with a button that shows the discrepancy
 * (activates `win.show-discrepancy` with its id).
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-model.h"

G_BEGIN_DECLS

GtkWidget *dossier_discrepancy_banner_new      (DossierDiscrepancy *discrepancy);
GtkWidget *dossier_discrepancy_banner_list_new (GListModel         *discrepancies);

G_END_DECLS
