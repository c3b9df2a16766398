/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierSource: what an event, relation or claim rests on.  Either a
 * verbatim quote from an article, located by the loader (paragraph index,
 * byte offset and byte length of its first occurrence in the body), or a
 * reference to the public record: a text naming the publication, with an
 * optional URL.
 */
#pragma once

#include <glib-object.h>

#include "dossier-article.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SOURCE (dossier_source_get_type ())

G_DECLARE_FINAL_TYPE (DossierSource, dossier_source, DOSSIER, SOURCE, GObject)

gboolean        dossier_source_is_reference  (DossierSource *self);
DossierArticle *dossier_source_get_article   (DossierSource *self);
const char     *dossier_source_get_quote     (DossierSource *self);
guint           dossier_source_get_paragraph (DossierSource *self);
gsize           dossier_source_get_offset    (DossierSource *self);
gsize           dossier_source_get_length    (DossierSource *self);
const char     *dossier_source_get_reference (DossierSource *self);
const char     *dossier_source_get_url       (DossierSource *self);

G_END_DECLS
