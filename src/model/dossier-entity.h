/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierEntity: a company, person, product, government or organization
 * the articles talk about.  Its name and aliases are what the store looks
 * for in article text to find mentions.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_ENTITY_KIND_COMPANY,
  DOSSIER_ENTITY_KIND_PERSON,
  DOSSIER_ENTITY_KIND_PRODUCT,
  DOSSIER_ENTITY_KIND_GOVERNMENT,
  DOSSIER_ENTITY_KIND_ORGANIZATION,
} DossierEntityKind;

#define DOSSIER_TYPE_ENTITY_KIND (dossier_entity_kind_get_type ())
GType              dossier_entity_kind_get_type    (void) G_GNUC_CONST;

const char        *dossier_entity_kind_to_string   (DossierEntityKind  kind);
const char        *dossier_entity_kind_get_label   (DossierEntityKind  kind);
gboolean           dossier_entity_kind_from_string (const char        *str,
                                                    DossierEntityKind *kind);

#define DOSSIER_TYPE_ENTITY (dossier_entity_get_type ())

G_DECLARE_FINAL_TYPE (DossierEntity, dossier_entity, DOSSIER, ENTITY, GObject)

const char         *dossier_entity_get_id          (DossierEntity *self);
const char         *dossier_entity_get_name        (DossierEntity *self);
DossierEntityKind   dossier_entity_get_kind        (DossierEntity *self);
const char         *dossier_entity_get_description (DossierEntity *self);
const char * const *dossier_entity_get_aliases     (DossierEntity *self);

G_END_DECLS
