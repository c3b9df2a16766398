/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

/* Builds a store and its indexes from checked items (the arrays are
 * referenced, not taken); events need not be sorted. */
DossierStore *dossier_store_new (const char *id,
                                 const char *title,
                                 const char *description,
                                 const char *language,
                                 GPtrArray  *articles,
                                 GPtrArray  *entities,
                                 GPtrArray  *events,
                                 GPtrArray  *relations,
                                 GPtrArray  *discrepancies);

G_END_DECLS
