/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierDiscrepancy: a point on which the sources disagree (an amount, a
 * date, a name): at least two competing claims, optionally what the public
 * record settles, and the entities, events and relations it is about.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-claim.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DISCREPANCY (dossier_discrepancy_get_type ())

G_DECLARE_FINAL_TYPE (DossierDiscrepancy, dossier_discrepancy, DOSSIER, DISCREPANCY, GObject)

const char *dossier_discrepancy_get_id                 (DossierDiscrepancy *self);
const char *dossier_discrepancy_get_topic              (DossierDiscrepancy *self);
GListModel *dossier_discrepancy_get_claims             (DossierDiscrepancy *self);
const char *dossier_discrepancy_get_resolution_summary (DossierDiscrepancy *self);
GListModel *dossier_discrepancy_get_resolution_sources (DossierDiscrepancy *self);
GListModel *dossier_discrepancy_get_entities           (DossierDiscrepancy *self);
GListModel *dossier_discrepancy_get_events             (DossierDiscrepancy *self);
GListModel *dossier_discrepancy_get_relations          (DossierDiscrepancy *self);

G_END_DECLS
