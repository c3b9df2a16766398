/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An article's searchable text, folded, as the article filter defines it:
 * title, outlet, author and body, a field a line.  Built here from the
 * article itself, for test-article-filter to check the filter against and
 * for bench-search's floor. */
#include "article-text.h"

char *
dossier_test_fold_article (DossierArticle *article)
{
  GString *text = g_string_new (NULL);
  const char * const *body;
  guint n_paragraphs = 0;

  dossier_article_text_normalize_append (text, dossier_article_get_display_title (article), -1, NULL);
  g_string_append_c (text, '\n');
  dossier_article_text_normalize_append (text, dossier_article_get_outlet (article), -1, NULL);
  g_string_append_c (text, '\n');
  dossier_article_text_normalize_append (text, dossier_article_get_author (article), -1, NULL);
  body = dossier_article_get_body (article, &n_paragraphs);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_string_append_c (text, '\n');
      dossier_article_text_normalize_append (text, body[i], -1, NULL);
    }

  return g_string_free (text, FALSE);
}
