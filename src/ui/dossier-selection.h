/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-model.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SELECTION (dossier_selection_get_type ())

G_DECLARE_FINAL_TYPE (DossierSelection, dossier_selection, DOSSIER, SELECTION, GObject)

DossierSelection *dossier_selection_new         (void);
DossierStore     *dossier_selection_get_store   (DossierSelection *self);
void              dossier_selection_set_store   (DossierSelection *self,
                                                 DossierStore     *store);
DossierEntity    *dossier_selection_get_entity  (DossierSelection *self);
void              dossier_selection_set_entity  (DossierSelection *self,
                                                 DossierEntity    *entity);
DossierEvent     *dossier_selection_get_event   (DossierSelection *self);
void              dossier_selection_set_event   (DossierSelection *self,
                                                 DossierEvent     *event);
DossierArticle   *dossier_selection_get_article (DossierSelection *self);
void              dossier_selection_set_article (DossierSelection *self,
                                                 DossierArticle   *article);

G_END_DECLS
