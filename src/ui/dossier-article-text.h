/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The search form of text: lower case, accents stripped, compatibility
 * forms folded ("ﬁ" → "fi", "ß" → "ss", typographic quotes → ASCII), so a
 * search is a plain substring scan over precomputed text. */

void       dossier_article_text_normalize_append (GString    *out,
                                                  const char *text,
                                                  gssize      length,
                                                  GArray     *offsets);
char      *dossier_article_text_normalize        (const char *text);
GStrv      dossier_article_text_split_words      (const char *search);
gboolean   dossier_article_text_matches_all      (const char *haystack,
                                                  const char *const *words);

typedef struct
{
  gsize offset;
  gsize length;
} DossierTextRange;

GArray    *dossier_article_text_find_words       (const char *text,
                                                  const char *const *words);

G_END_DECLS
