/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-mention.h"

G_BEGIN_DECLS

DossierMention *dossier_mention_new (DossierArticle *article,
                                     DossierEntity  *entity,
                                     guint           paragraph,
                                     gsize           offset,
                                     gsize           length);

G_END_DECLS
