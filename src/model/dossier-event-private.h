/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-event.h"

G_BEGIN_DECLS

/* @entities holds DossierEntity, @sources DossierSource; both are
 * referenced, not taken. */
DossierEvent *dossier_event_new (const char           *id,
                                 const DossierDate    *date,
                                 const char           *title,
                                 const char           *summary,
                                 DossierEventCategory  category,
                                 GPtrArray            *entities,
                                 GPtrArray            *sources);

G_END_DECLS
