/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-model.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_FILTER (dossier_article_filter_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticleFilter, dossier_article_filter, DOSSIER, ARTICLE_FILTER, GtkFilter)

DossierArticleFilter *dossier_article_filter_new         (DossierStore         *store);
DossierStore         *dossier_article_filter_get_store   (DossierArticleFilter *self);
void                  dossier_article_filter_set_store   (DossierArticleFilter *self,
                                                          DossierStore         *store);
const char           *dossier_article_filter_get_search  (DossierArticleFilter *self);
void                  dossier_article_filter_set_search  (DossierArticleFilter *self,
                                                          const char           *search);
DossierEntity        *dossier_article_filter_get_entity  (DossierArticleFilter *self);
void                  dossier_article_filter_set_entity  (DossierArticleFilter *self,
                                                          DossierEntity        *entity);
gboolean              dossier_article_filter_is_active   (DossierArticleFilter *self);
gboolean              dossier_article_filter_matches     (DossierArticleFilter *self,
                                                          DossierArticle       *article);

void                  dossier_article_filter_prepare_store (DossierStore       *store);

guint                 dossier_article_filter_get_key     (DossierArticleFilter *self,
                                                          DossierArticle       *article);
gboolean              dossier_article_filter_matches_key (DossierArticleFilter *self,
                                                          guint                 key,
                                                          DossierArticle       *article);

G_END_DECLS
