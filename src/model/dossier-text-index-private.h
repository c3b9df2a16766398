/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * DossierTextIndex finds where a quote first occurs in the paragraphs of
 * one article, verbatim and within one paragraph, as the loader must for
 * every source.  Scanning the whole article for each quote would make a
 * crafted file (thousands of sources quoting a very long article, or an
 * article of a million tiny paragraphs) take hours to load, so after a few
 * plain scans the index builds a suffix array of the article (SA-IS, linear
 * time, about six bytes of memory per byte of text while it is built, four
 * after) with a range-minimum table over it: each lookup is then
 * O(length of the quote × log(length of the article)), whatever the text.
 * Lookups of the same quote are answered from a cache.
 */

typedef struct _DossierTextIndex DossierTextIndex;

DossierTextIndex *dossier_text_index_new  (const char * const *paragraphs,
                                           guint               n_paragraphs);
DossierTextIndex *dossier_text_index_new_take (char  **paragraphs,
                                               guint   n_paragraphs);
void              dossier_text_index_free (DossierTextIndex   *self);
gboolean          dossier_text_index_find (DossierTextIndex   *self,
                                           const char         *needle,
                                           guint              *paragraph,
                                           gsize              *offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTextIndex, dossier_text_index_free)

G_END_DECLS
