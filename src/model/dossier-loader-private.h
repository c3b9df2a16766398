/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-load-progress.h"
#include "dossier-store.h"

G_BEGIN_DECLS

/* Loads a dossier from the text in @bytes (any bytes, any size), checking
 * everything the format promises.  Appends every problem found (up to the
 * cap) to @problems and returns %NULL if there is any; never returns a
 * partly-filled store. */
DossierStore *dossier_loader_load      (GBytes              *bytes,
                                        GPtrArray           *problems);
DossierStore *dossier_loader_load_full (GBytes              *bytes,
                                        GPtrArray           *problems,
                                        DossierLoadProgress *progress,
                                        GCancellable        *cancellable);

G_END_DECLS
