/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-article.h"

G_BEGIN_DECLS

/* Takes the strings of @body (a %NULL-terminated array) as they are. */
DossierArticle *dossier_article_new (const char         *id,
                                     const char         *title,
                                     const char         *outlet,
                                     const char         *author,
                                     const DossierDate  *published,
                                     const char         *url,
                                     const char         *origin,
                                     const char * const *body,
                                     const char         *notes);

G_END_DECLS
