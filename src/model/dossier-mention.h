/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierMention: one place where an article's body names an entity (by its
 * name or an alias, whole-word, ignoring case).  Offset and length are in
 * bytes of the original paragraph, so the reading pane can cut the text
 * there.
 */
#pragma once

#include <glib-object.h>

#include "dossier-article.h"
#include "dossier-entity.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MENTION (dossier_mention_get_type ())

G_DECLARE_FINAL_TYPE (DossierMention, dossier_mention, DOSSIER, MENTION, GObject)

DossierArticle *dossier_mention_get_article   (DossierMention *self);
DossierEntity  *dossier_mention_get_entity    (DossierMention *self);
guint           dossier_mention_get_paragraph (DossierMention *self);
gsize           dossier_mention_get_offset    (DossierMention *self);
gsize           dossier_mention_get_length    (DossierMention *self);

G_END_DECLS
