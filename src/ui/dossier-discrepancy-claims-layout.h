/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_DISCREPANCY_CLAIMS_LAYOUT (dossier_discrepancy_claims_layout_get_type ())

G_DECLARE_FINAL_TYPE (DossierDiscrepancyClaimsLayout, dossier_discrepancy_claims_layout,
                      DOSSIER, DISCREPANCY_CLAIMS_LAYOUT, GtkLayoutManager)

GtkLayoutManager *dossier_discrepancy_claims_layout_new                  (void);
int               dossier_discrepancy_claims_layout_get_min_column_width (DossierDiscrepancyClaimsLayout *self);
void              dossier_discrepancy_claims_layout_set_min_column_width (DossierDiscrepancyClaimsLayout *self,
                                                                          int                             width);
int               dossier_discrepancy_claims_layout_get_spacing          (DossierDiscrepancyClaimsLayout *self);
void              dossier_discrepancy_claims_layout_set_spacing          (DossierDiscrepancyClaimsLayout *self,
                                                                          int                             spacing);
gboolean          dossier_discrepancy_claims_layout_is_side_by_side      (DossierDiscrepancyClaimsLayout *self,
                                                                          GtkWidget                      *widget,
                                                                          int                             width);

G_END_DECLS
