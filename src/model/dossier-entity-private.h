/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-entity.h"

G_BEGIN_DECLS

DossierEntity *dossier_entity_new (const char         *id,
                                   const char         *name,
                                   DossierEntityKind   kind,
                                   const char * const *aliases,
                                   const char         *description);

G_END_DECLS
