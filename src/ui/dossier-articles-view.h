/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-model.h"
#include "dossier-reader.h"
#include "dossier-selection.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLES_VIEW (dossier_articles_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticlesView, dossier_articles_view, DOSSIER, ARTICLES_VIEW, GtkWidget)

GtkWidget        *dossier_articles_view_new           (DossierSelection    *selection);
DossierSelection *dossier_articles_view_get_selection (DossierArticlesView *self);
void              dossier_articles_view_show_source   (DossierArticlesView *self,
                                                       DossierArticle      *article,
                                                       guint                paragraph,
                                                       gsize                offset,
                                                       gsize                length);
void              dossier_articles_view_set_search    (DossierArticlesView *self,
                                                       const char          *search);
DossierReader    *dossier_articles_view_get_reader    (DossierArticlesView *self);
GListModel       *dossier_articles_view_get_model     (DossierArticlesView *self);

G_END_DECLS
