/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-model.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DISCREPANCY_CARD (dossier_discrepancy_card_get_type ())

G_DECLARE_FINAL_TYPE (DossierDiscrepancyCard, dossier_discrepancy_card, DOSSIER, DISCREPANCY_CARD, GtkWidget)

GtkWidget          *dossier_discrepancy_card_new             (DossierDiscrepancy     *discrepancy);
DossierDiscrepancy *dossier_discrepancy_card_get_discrepancy (DossierDiscrepancyCard *self);
gboolean            dossier_discrepancy_card_get_highlighted (DossierDiscrepancyCard *self);
void                dossier_discrepancy_card_set_highlighted (DossierDiscrepancyCard *self,
                                                              gboolean                highlighted);

G_END_DECLS
