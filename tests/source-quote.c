/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by test-default-dossier and the loader's fuzzer */
#include <string.h>

#include "source-quote.h"

void
dossier_assert_quote_in_article (DossierSource *source)
{
  const char *quote = dossier_source_get_quote (source);
  guint n_paragraphs;
  const char * const *body = dossier_article_get_body (dossier_source_get_article (source), &n_paragraphs);
  const char *paragraph;

  g_assert_nonnull (quote);
  g_assert_cmpuint (dossier_source_get_paragraph (source), <, n_paragraphs);
  paragraph = body[dossier_source_get_paragraph (source)];
  g_assert_cmpuint (dossier_source_get_length (source), ==, strlen (quote));
  g_assert_cmpuint (dossier_source_get_offset (source) + dossier_source_get_length (source), <=,
                    strlen (paragraph));
  g_assert_cmpmem (paragraph + dossier_source_get_offset (source), dossier_source_get_length (source),
                   quote, strlen (quote));
}
