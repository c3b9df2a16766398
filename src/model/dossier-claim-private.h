/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-claim.h"

G_BEGIN_DECLS

/* @sources holds DossierSource; they are referenced, not taken. */
DossierClaim *dossier_claim_new (const char *value,
                                 GPtrArray  *sources);

G_END_DECLS
