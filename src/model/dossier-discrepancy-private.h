/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-discrepancy.h"

G_BEGIN_DECLS

/* The arrays (any may be %NULL) are referenced, not taken. */
DossierDiscrepancy *dossier_discrepancy_new (const char *id,
                                             const char *topic,
                                             GPtrArray  *claims,
                                             const char *resolution_summary,
                                             GPtrArray  *resolution_sources,
                                             GPtrArray  *entities,
                                             GPtrArray  *events,
                                             GPtrArray  *relations);

G_END_DECLS
