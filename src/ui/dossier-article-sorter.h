/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-model.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_ARTICLE_SORT_DATE,
  DOSSIER_ARTICLE_SORT_TITLE,
  DOSSIER_ARTICLE_SORT_OUTLET,
} DossierArticleSort;

#define DOSSIER_TYPE_ARTICLE_SORT (dossier_article_sort_get_type ())
GType dossier_article_sort_get_type (void) G_GNUC_CONST;

#define DOSSIER_TYPE_ARTICLE_SORTER (dossier_article_sorter_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticleSorter, dossier_article_sorter, DOSSIER, ARTICLE_SORTER, GtkSorter)

DossierArticleSorter *dossier_article_sorter_new      (DossierArticleSort    sort);
DossierArticleSort    dossier_article_sorter_get_sort (DossierArticleSorter *self);
void                  dossier_article_sorter_set_sort (DossierArticleSorter *self,
                                                       DossierArticleSort    sort);
void                  dossier_article_sorter_forget   (DossierArticleSorter *self);

G_END_DECLS
