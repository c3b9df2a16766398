/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-model.h"
#include "dossier-selection.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DISCREPANCIES_VIEW (dossier_discrepancies_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierDiscrepanciesView, dossier_discrepancies_view, DOSSIER, DISCREPANCIES_VIEW, GtkWidget)

GtkWidget        *dossier_discrepancies_view_new           (DossierSelection         *selection);
DossierSelection *dossier_discrepancies_view_get_selection (DossierDiscrepanciesView *self);
void              dossier_discrepancies_view_show          (DossierDiscrepanciesView *self,
                                                            DossierDiscrepancy       *discrepancy);
GtkWidget        *dossier_discrepancies_view_get_card      (DossierDiscrepanciesView *self,
                                                            DossierDiscrepancy       *discrepancy);
guint             dossier_discrepancies_view_get_n_shown   (DossierDiscrepanciesView *self);

G_END_DECLS
