/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-model.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_ROW (dossier_article_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticleRow, dossier_article_row, DOSSIER, ARTICLE_ROW, GtkWidget)

GtkWidget      *dossier_article_row_new         (void);
void            dossier_article_row_set_article (DossierArticleRow *self,
                                                 DossierStore      *store,
                                                 DossierArticle    *article);
DossierArticle *dossier_article_row_get_article (DossierArticleRow *self);
void            dossier_article_row_clear       (DossierArticleRow *self);

char           *dossier_article_row_format_byline (DossierArticle *article);
char           *dossier_article_row_format_counts (guint           n_entities,
                                                   guint           n_events);

G_END_DECLS
