/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "dossier-article-text.h"
#include "dossier-reader-page.h"

static char *
body_of (const char *html)
{
  const char *start = strstr (html, "<body>");
  const char *end = strstr (html, "</body>");

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return strstr (haystack, needle) != NULL;
}

static void
test_escaping (void)
{
  g_autoptr(DossierReaderPage) page = dossier_reader_page_new ();
  g_autofree char *html = NULL;
  g_autofree char *body = NULL;

  dossier_reader_page_set_title (page, "<script>alert(1)</script>", FALSE);
  dossier_reader_page_set_outlet (page, "\"><img src=x onerror=alert(1)>");
  dossier_reader_page_set_author (page, "O'Brien & Sons");
  dossier_reader_page_add_paragraph (page, "<meta http-equiv=\"refresh\" content=\"0;url=file:///etc/passwd\">");
  dossier_reader_page_add_paragraph (page, "<a href='javascript:alert(1)'>x</a> <style>body{background:url(http://127.0.0.1/)}</style>");
  dossier_reader_page_set_notes (page, "</aside><iframe src=\"http://127.0.0.1/\"></iframe>");
  dossier_reader_page_set_language (page, "en\"><script>");
  html = dossier_reader_page_to_html (page);
  body = body_of (html);

  /* Nothing from the dossier becomes markup. */
  g_assert_false (contains (body, "<script"));
  g_assert_false (contains (body, "<img"));
  g_assert_false (contains (body, "<meta"));
  g_assert_false (contains (body, "<iframe"));
  g_assert_false (contains (body, "<style"));
  g_assert_false (contains (body, "<a href='javascript"));
  g_assert_false (contains (html, "lang=\"en\"><script>"));
  g_assert_true (contains (body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_true (contains (body, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
  g_assert_true (contains (body, "O&apos;Brien &amp; Sons") || contains (body, "O&#39;Brien &amp; Sons"));
  g_assert_true (contains (html, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));

  /* The one <script>, <style> and <meta> set the page has are its own. */
  g_assert_false (contains (html, "<script"));
  g_assert_true (contains (html, "Content-Security-Policy"));
  g_assert_true (contains (html, "default-src 'none'"));
  g_assert_true (contains (html, "<h1>&lt;script&gt;"));
}

static void
test_unknown_metadata (void)
{
  g_autoptr(DossierReaderPage) page = dossier_reader_page_new ();
  g_autofree char *html = NULL;

  dossier_reader_page_set_title (page, "It was a cold day.", TRUE);
  dossier_reader_page_add_paragraph (page, "It was a cold day. Then it got colder.");
  html = dossier_reader_page_to_html (page);

  g_assert_true (contains (html, "<span class=\"outlet unknown\">Unknown outlet</span>"));
  g_assert_true (contains (html, "<span class=\"author unknown\">Unknown author</span>"));
  g_assert_true (contains (html, "<span class=\"date unknown\">Unknown date</span>"));
  /* The first sentence, as the headline, under a kicker that says so */
  g_assert_true (contains (html, "No headline — first sentence</p>\n<h1>It was a cold day.</h1>"));
  g_assert_false (contains (html, "class=\"notes\""));
  g_assert_false (contains (html, "<footer"));
  g_assert_false (contains (html, "class=\"dark\""));
}

static void
test_known_metadata (void)
{
  g_autoptr(DossierReaderPage) page = dossier_reader_page_new ();
  g_autofree char *html = NULL;

  dossier_reader_page_set_title (page, "Headline", FALSE);
  dossier_reader_page_set_outlet (page, "The Outlet");
  dossier_reader_page_set_author (page, "A. Writer");
  dossier_reader_page_set_date (page, "January 2025");
  dossier_reader_page_set_url (page, "https://example.com/a?b=1&c=2");
  dossier_reader_page_set_notes (page, "Left out the ads.");
  dossier_reader_page_set_dark (page, TRUE);
  dossier_reader_page_add_paragraph (page, "Text.");
  html = dossier_reader_page_to_html (page);

  g_assert_true (contains (html, "<span class=\"outlet\">The Outlet</span> · "
                                 "<span class=\"author\">A. Writer</span> · "
                                 "<span class=\"date\">January 2025</span>"));
  g_assert_true (contains (html, "<h1>Headline</h1>"));
  g_assert_false (contains (html, "kicker\""));
  g_assert_true (contains (html, "<p>Left out the ads.</p>"));
  g_assert_true (contains (html, "href=\"https://example.com/a?b=1&amp;c=2\""));
  g_assert_true (contains (html, "<html class=\"dark\">"));
  g_assert_true (contains (html, "<p data-paragraph=\"0\">Text.</p>"));
}

static void
test_url_not_web (void)
{
  g_autoptr(DossierReaderPage) page = dossier_reader_page_new ();
  g_autofree char *html = NULL;

  dossier_reader_page_set_url (page, "javascript:alert(1)");
  dossier_reader_page_add_paragraph (page, "Text.");
  html = dossier_reader_page_to_html (page);

  g_assert_false (contains (html, "href=\"javascript"));
  g_assert_true (contains (html, "<footer>javascript:alert(1)</footer>"));
}

static void
test_mentions (void)
{
  g_autoptr(DossierReaderPage) page = dossier_reader_page_new ();
  g_autofree char *html = NULL;
  /* "Nvidia" at 0, "DeepSeek" at 19 */
  const char *text = "Nvidia fell after DeepSeek <b> shipped.";

  dossier_reader_page_add_paragraph (page, "Nothing here.");
  dossier_reader_page_add_paragraph (page, text);
  dossier_reader_page_add_mention (page, 1, 18, 8, "deepseek", "DeepSeek \"AI\"");
  dossier_reader_page_add_mention (page, 1, 0, 6, "nvidia", NULL);
  /* Out of range, overlapping, and inside a character: all dropped. */
  dossier_reader_page_add_mention (page, 1, 30, 100, "bad", NULL);
  dossier_reader_page_add_mention (page, 1, 2, 6, "overlap", NULL);
  dossier_reader_page_add_mention (page, 7, 0, 1, "nowhere", NULL);
  html = dossier_reader_page_to_html (page);

  g_assert_true (contains (html, "<p data-paragraph=\"1\"><a class=\"entity\" href=\"dossier:entity/nvidia\">Nvidia</a> fell after "
                                 "<a class=\"entity\" href=\"dossier:entity/deepseek\" title=\"DeepSeek &quot;AI&quot;\">DeepSeek</a>"
                                 " &lt;b&gt; shipped.</p>"));
  g_assert_true (contains (html, "<p data-paragraph=\"0\">Nothing here.</p>"));
  g_assert_false (contains (html, "entity/bad"));
  g_assert_false (contains (html, "entity/overlap"));
  g_assert_false (contains (html, "entity/nowhere"));
}

/* A disputed passage is underlined and followed by a "≠" link; an entity
 * link that crosses its end is cut there, so links never nest. */
static void
test_disputed (void)
{
  g_autoptr(DossierReaderPage) page = dossier_reader_page_new ();
  g_autofree char *html = NULL;
  const char *text = "It cost $6 million said OpenAI staff.";

  dossier_reader_page_add_paragraph (page, text);
  /* "It cost $6 million said Open" is disputed; "OpenAI" straddles its end. */
  dossier_reader_page_add_disputed (page, 0, 0, 28, "dossier:discrepancy/cost", "Cost <of> R1");
  dossier_reader_page_add_mention (page, 0, 24, 6, "openai", NULL);
  html = dossier_reader_page_to_html (page);

  g_assert_true (contains (html, "<p data-paragraph=\"0\"><span class=\"disputed\">It cost $6 million said "
                                 "<a class=\"entity\" href=\"dossier:entity/openai\">Open</a></span>"
                                 "<a class=\"disputed-sign\" href=\"dossier:discrepancy/cost\" "
                                 "title=\"Cost &lt;of&gt; R1\" aria-label=\"Cost &lt;of&gt; R1\">≠</a>"
                                 "<a class=\"entity\" href=\"dossier:entity/openai\">AI</a> staff.</p>"));
  g_assert_cmpint (dossier_reader_page_classify_link ("dossier:discrepancy/cost", NULL), ==,
                   DOSSIER_READER_LINK_DISCREPANCY);
}

static void
test_source_multibyte (void)
{
  g_autoptr(DossierReaderPage) page = dossier_reader_page_new ();
  g_autofree char *html = NULL;
  const char *text = "Der Preis für „R1“ lag bei 5,6 Mio. $ — sagt 深度求索.";
  const char *quote = "„R1“ lag bei 5,6 Mio. $ — sagt 深度求索";
  gsize offset = strstr (text, quote) - text;
  g_autofree char *expected = NULL;

  dossier_reader_page_add_paragraph (page, text);
  dossier_reader_page_set_source (page, 0, offset, strlen (quote));
  /* A mention straddling the end of the quote is cut, the quote is not. */
  dossier_reader_page_add_mention (page, 0, strstr (text, "深度求索") - text, strlen ("深度求索."), "ds", NULL);
  html = dossier_reader_page_to_html (page);

  expected = g_strdup_printf ("<p data-paragraph=\"0\">Der Preis für <mark id=\"source\" class=\"source\">"
                              "„R1“ lag bei 5,6 Mio. $ — sagt <a class=\"entity\" href=\"dossier:entity/ds\">深度求索</a></mark>"
                              "<a class=\"entity\" href=\"dossier:entity/ds\">.</a></p>");
  g_assert_cmpstr (strstr (html, "<p data-paragraph=\"0\">"), ==, strstr (html, "<p data-paragraph=\"0\">"));
  g_assert_true (contains (html, expected));
  g_assert_true (g_utf8_validate (html, -1, NULL));
}

static void
test_source_invalid (void)
{
  const char *text = "Über";
  g_autoptr(DossierReaderPage) page = dossier_reader_page_new ();
  g_autofree char *html = NULL;

  dossier_reader_page_add_paragraph (page, text);
  /* Offset 1 is inside "Ü": no mark, and the text is intact. */
  dossier_reader_page_set_source (page, 0, 1, 2);
  html = dossier_reader_page_to_html (page);
  g_assert_false (contains (html, "id=\"source\""));
  g_assert_true (contains (html, "<p data-paragraph=\"0\">Über</p>"));
  g_assert_true (g_utf8_validate (html, -1, NULL));

  dossier_reader_page_set_source (page, 0, 2, 0);
  g_clear_pointer (&html, g_free);
  html = dossier_reader_page_to_html (page);
  g_assert_false (contains (html, "id=\"source\""));

  dossier_reader_page_set_source (page, 0, 0, strlen (text));
  g_clear_pointer (&html, g_free);
  html = dossier_reader_page_to_html (page);
  g_assert_true (contains (html, "<mark id=\"source\" class=\"source\">Über</mark>"));
}

static void
test_search_marks (void)
{
  g_autoptr(DossierReaderPage) page = dossier_reader_page_new ();
  g_autofree char *html = NULL;

  dossier_reader_page_set_title (page, "Résumé", FALSE);
  dossier_reader_page_add_paragraph (page, "The RÉSUMÉ of Nvidia’s resume.");
  dossier_reader_page_add_mention (page, 0, strlen ("The RÉSUMÉ of "), strlen ("Nvidia"), "nvidia", NULL);
  dossier_reader_page_set_search (page, "resume nvidia's");
  html = dossier_reader_page_to_html (page);

  g_assert_true (contains (html, "The <mark class=\"match\">RÉSUMÉ</mark> of "
                                 "<a class=\"entity\" href=\"dossier:entity/nvidia\"><mark class=\"match\">Nvidia</mark></a>"
                                 "<mark class=\"match\">’s</mark> <mark class=\"match\">resume</mark>."));
  /* The headline is not marked (it is the page's title too). */
  g_assert_true (contains (html, "<h1>Résumé</h1>"));
}

static void
test_links (void)
{
  g_autofree char *id = NULL;
  g_autofree char *uri = dossier_reader_page_entity_uri ("deep-seek.ai_1");

  g_assert_cmpstr (uri, ==, "dossier:entity/deep-seek.ai_1");
  g_assert_cmpint (dossier_reader_page_classify_link (uri, &id), ==, DOSSIER_READER_LINK_ENTITY);
  g_assert_cmpstr (id, ==, "deep-seek.ai_1");
  g_clear_pointer (&id, g_free);

  g_assert_cmpint (dossier_reader_page_classify_link ("https://example.com/x", &id), ==, DOSSIER_READER_LINK_EXTERNAL);
  g_assert_null (id);
  g_assert_cmpint (dossier_reader_page_classify_link ("HTTP://example.com", NULL), ==, DOSSIER_READER_LINK_EXTERNAL);
  g_assert_cmpint (dossier_reader_page_classify_link ("javascript:alert(1)", NULL), ==, DOSSIER_READER_LINK_OTHER);
  g_assert_cmpint (dossier_reader_page_classify_link ("file:///etc/passwd", NULL), ==, DOSSIER_READER_LINK_OTHER);
  g_assert_cmpint (dossier_reader_page_classify_link ("data:text/html,<script>", NULL), ==, DOSSIER_READER_LINK_OTHER);
  g_assert_cmpint (dossier_reader_page_classify_link ("about:blank", NULL), ==, DOSSIER_READER_LINK_OTHER);
  g_assert_cmpint (dossier_reader_page_classify_link ("http://", NULL), ==, DOSSIER_READER_LINK_OTHER);
  g_assert_cmpint (dossier_reader_page_classify_link ("dossier:entity/", NULL), ==, DOSSIER_READER_LINK_OTHER);
  g_assert_cmpint (dossier_reader_page_classify_link ("dossier:entity/a/b", NULL), ==, DOSSIER_READER_LINK_OTHER);
  g_assert_cmpint (dossier_reader_page_classify_link (DOSSIER_READER_PAGE_URI, NULL), ==, DOSSIER_READER_LINK_OTHER);
  g_assert_cmpint (dossier_reader_page_classify_link (NULL, NULL), ==, DOSSIER_READER_LINK_OTHER);
}

static void
test_normalize (void)
{
  g_autofree char *a = dossier_article_text_normalize ("Émile Zola’s STRAẞE ﬁle naïve Ǆ");
  g_auto(GStrv) words = dossier_article_text_split_words ("  Éco\tZOLA  ");
  g_autoptr(GArray) found = NULL;
  const char *text = "Ünïcödé and unicode; UNICODE!";
  const char *w[] = { "unicode", NULL };

  g_assert_cmpstr (a, ==, "emile zola's strasse file naive dz");
  g_assert_cmpuint (g_strv_length (words), ==, 2);
  g_assert_cmpstr (words[0], ==, "eco");
  g_assert_cmpstr (words[1], ==, "zola");
  g_assert_true (dossier_article_text_matches_all ("a zola eco b", (const char * const *) words));
  g_assert_false (dossier_article_text_matches_all ("a zola b", (const char * const *) words));

  found = dossier_article_text_find_words (text, w);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpuint (g_array_index (found, DossierTextRange, 0).offset, ==, 0);
  g_assert_cmpuint (g_array_index (found, DossierTextRange, 0).length, ==, strlen ("Ünïcödé"));
  g_assert_cmpuint (g_array_index (found, DossierTextRange, 1).offset, ==, strlen ("Ünïcödé and "));
  g_assert_cmpuint (g_array_index (found, DossierTextRange, 2).offset, ==, strlen ("Ünïcödé and unicode; "));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader-page/escaping", test_escaping);
  g_test_add_func ("/reader-page/unknown-metadata", test_unknown_metadata);
  g_test_add_func ("/reader-page/known-metadata", test_known_metadata);
  g_test_add_func ("/reader-page/url-not-web", test_url_not_web);
  g_test_add_func ("/reader-page/mentions", test_mentions);
  g_test_add_func ("/reader-page/disputed", test_disputed);
  g_test_add_func ("/reader-page/source-multibyte", test_source_multibyte);
  g_test_add_func ("/reader-page/source-invalid", test_source_invalid);
  g_test_add_func ("/reader-page/search-marks", test_search_marks);
  g_test_add_func ("/reader-page/links", test_links);
  g_test_add_func ("/reader-page/normalize", test_normalize);

  return g_test_run ();
}
