/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierRelation: a directed, typed, sourced edge between two entities,
 * read "FROM TYPE TO" ("OpenAI competes-with DeepSeek"), optionally
 * bounded in time by since/until.
 *
 * The relation types the format knows are listed by dossier_relation_types();
 * dossier_relation_type_get_label() gives the translated verb phrase.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-date.h"
#include "dossier-entity.h"

G_BEGIN_DECLS

const char * const *dossier_relation_types         (void);
gboolean            dossier_relation_type_is_known (const char *type);
const char         *dossier_relation_type_get_label (const char *type);

#define DOSSIER_TYPE_RELATION (dossier_relation_get_type ())

G_DECLARE_FINAL_TYPE (DossierRelation, dossier_relation, DOSSIER, RELATION, GObject)

const char        *dossier_relation_get_id            (DossierRelation *self);
DossierEntity     *dossier_relation_get_from          (DossierRelation *self);
DossierEntity     *dossier_relation_get_to            (DossierRelation *self);
const char        *dossier_relation_get_relation_type (DossierRelation *self);
const char        *dossier_relation_get_summary       (DossierRelation *self);
const DossierDate *dossier_relation_get_since         (DossierRelation *self);
const DossierDate *dossier_relation_get_until         (DossierRelation *self);
GListModel        *dossier_relation_get_sources       (DossierRelation *self);

G_END_DECLS
