/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-relation.h"

G_BEGIN_DECLS

/* @sources holds DossierSource; they are referenced, not taken. */
DossierRelation *dossier_relation_new (const char        *id,
                                       DossierEntity     *from,
                                       DossierEntity     *to,
                                       const char        *type,
                                       const char        *summary,
                                       const DossierDate *since,
                                       const DossierDate *until,
                                       GPtrArray         *sources);

G_END_DECLS
