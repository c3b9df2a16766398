/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-article-filter.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_FILTER_MODEL (dossier_article_filter_model_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticleFilterModel, dossier_article_filter_model, DOSSIER, ARTICLE_FILTER_MODEL, GObject)

DossierArticleFilterModel *dossier_article_filter_model_new       (GListModel                *model,
                                                                   DossierArticleFilter      *filter);
void                       dossier_article_filter_model_set_model (DossierArticleFilterModel *self,
                                                                   GListModel                *model);

G_END_DECLS
