/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-load-progress.h"
#include "dossier-store.h"

G_BEGIN_DECLS

/* Builds a store and its indexes from checked items (the arrays are
 * referenced, not taken); events need not be sorted.  @progress may be
 * NULL. */
DossierStore *dossier_store_new (const char          *id,
                                 const char          *title,
                                 const char          *description,
                                 const char          *language,
                                 GPtrArray           *articles,
                                 GPtrArray           *entities,
                                 GPtrArray           *events,
                                 GPtrArray           *relations,
                                 GPtrArray           *discrepancies,
                                 DossierLoadProgress *progress);

G_END_DECLS
