/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-source.h"

G_BEGIN_DECLS

DossierSource *dossier_source_new_quote     (DossierArticle *article,
                                             const char     *quote,
                                             guint           paragraph,
                                             gsize           offset);
DossierSource *dossier_source_new_reference (const char     *reference,
                                             const char     *url);

G_END_DECLS
