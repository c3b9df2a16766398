/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierArticle: one article of the story.  The body is a list of
 * paragraphs kept verbatim from the source text; sources and mentions
 * point into it by paragraph index and byte offset.  Metadata the source
 * did not give (title, outlet, author, date) is %NULL, never guessed.
 */
#pragma once

#include <glib-object.h>

#include "dossier-date.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE (dossier_article_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticle, dossier_article, DOSSIER, ARTICLE, GObject)

const char         *dossier_article_get_id            (DossierArticle *self);
const char         *dossier_article_get_title         (DossierArticle *self);
const char         *dossier_article_get_display_title (DossierArticle *self);
gboolean            dossier_article_has_title         (DossierArticle *self);
const char         *dossier_article_get_outlet        (DossierArticle *self);
const char         *dossier_article_get_author        (DossierArticle *self);
const DossierDate  *dossier_article_get_published     (DossierArticle *self);
const char         *dossier_article_get_url           (DossierArticle *self);
const char         *dossier_article_get_origin        (DossierArticle *self);
const char         *dossier_article_get_notes         (DossierArticle *self);
const char * const *dossier_article_get_body          (DossierArticle *self,
                                                       guint          *n_paragraphs);

G_END_DECLS
