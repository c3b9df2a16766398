/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-article-text.h"
#include "dossier-discrepancy-marks.h"
#include "dossier-reader-page.h"

typedef struct
{
  guint paragraph;
  gsize offset;
  gsize length;
  char *entity_id;
  char *entity_name;
} Mention;

/* A passage that takes part in a discrepancy: underlined, and followed by
 * a "≠" link to the competing claims, so it is not told by colour alone. */
typedef struct
{
  guint paragraph;
  gsize offset;
  gsize length;
  char *uri;
  char *label;
} DisputedPassage;

struct _DossierReaderPage
{
  char *title;
  gboolean title_is_first_sentence;
  char *outlet;
  char *author;
  char *date;
  char *url;
  char *notes;
  char *language;
  GPtrArray *paragraphs;
  GArray *mentions;
  GArray *disputed;
  gboolean has_source;
  guint source_paragraph;
  gsize source_offset;
  gsize source_length;
  char *search;
  gboolean dark;
};

/* Everything the page may do: inline styles. No script, image, font,
 * frame, media or connection of any origin; no <base>, no form target. */
#define PAGE_CSP "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; " \
                 "font-src 'none'; media-src 'none'; frame-src 'none'; connect-src 'none'; " \
                 "base-uri 'none'; form-action 'none'"

/* The libadwaita 1.2 palette, so the page sits on the window's own
 * background in both styles. */
static const char page_css[] =
  ":root{color-scheme:light;--bg:#fafafa;--fg:rgba(0,0,0,0.8);--dim:rgba(0,0,0,0.55);"
  "--accent:#1c71d8;--rule:rgba(0,0,0,0.12);--card:rgba(0,0,0,0.04);"
  "--mark-bg:#f8e45c;--mark-fg:#000;--source-bg:rgba(53,132,228,0.22);--source-line:#3584e4;--disputed:#e5a50a;--disputed-fg:#000}"
  ":root.dark{color-scheme:dark;--bg:#242424;--fg:#ffffff;--dim:rgba(255,255,255,0.55);"
  "--accent:#78aeed;--rule:rgba(255,255,255,0.15);--card:rgba(255,255,255,0.06);"
  "--mark-bg:rgba(246,211,45,0.4);--mark-fg:#fff;--source-bg:rgba(120,174,237,0.28);"
  "--source-line:#78aeed;--disputed:#f8e45c;--disputed-fg:#000}"
  "html{background:var(--bg);color:var(--fg)}"
  "body{margin:0;line-height:1.6;-webkit-font-smoothing:antialiased;"
  "overflow-wrap:break-word;word-wrap:break-word}"
  "article{max-width:70ch;margin:0 auto;padding:2.5em 1.5em 4em}"
  "h1{font-size:1.75em;line-height:1.25;margin:0 0 .4em;font-weight:700}"
  ".kicker{margin:0 0 .3em;font-size:.8em;letter-spacing:.04em;text-transform:uppercase;"
  "color:var(--dim)}"
  ".byline{margin:0 0 2em;color:var(--dim);font-size:.92em}"
  ".byline .unknown{font-style:italic}"
  ".body p{margin:0 0 1em;white-space:pre-line}"
  "a{color:var(--accent)}"
  "a.entity{color:inherit;text-decoration:underline;text-decoration-style:dotted;"
  "text-decoration-color:var(--accent);text-underline-offset:.2em}"
  "a.entity:hover{color:var(--accent);text-decoration-style:solid}"
  "mark{background:var(--mark-bg);color:var(--mark-fg);border-radius:.15em}"
  "mark.source{background:var(--source-bg);color:inherit;"
  "box-shadow:0 .12em 0 var(--source-line);border-radius:.15em;padding:.05em 0}"
  "mark.source mark.match{box-shadow:none}"
  ".disputed{text-decoration:underline;text-decoration-style:dashed;"
  "text-decoration-color:var(--disputed);text-decoration-thickness:2px;text-underline-offset:.25em}"
  "a.disputed-sign{display:inline-block;margin-left:.15em;padding:0 .3em;border-radius:.6em;"
  "font-size:.8em;font-weight:700;line-height:1.3;text-decoration:none;"
  "color:var(--disputed-fg);background:var(--disputed);vertical-align:.1em}"
  ".notes{margin:2.5em 0 0;padding:.8em 1.1em;background:var(--card);border-radius:.6em;"
  "font-size:.92em}"
  ".notes h2{font-size:1em;margin:0 0 .3em;color:var(--dim)}"
  ".notes p{margin:0;white-space:pre-line}"
  "footer{margin-top:2.5em;padding-top:1em;border-top:1px solid var(--rule);font-size:.92em}"
  "::selection{background:rgba(53,132,228,0.35)}";

DossierReaderPage *
dossier_reader_page_new (void)
{
  DossierReaderPage *page = g_new0 (DossierReaderPage, 1);

  page->paragraphs = g_ptr_array_new_with_free_func (g_free);
  page->mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  page->disputed = g_array_new (FALSE, FALSE, sizeof (DisputedPassage));
  return page;
}

static void dossier_reader_page_add_disputed_passages (DossierReaderPage *page,
                                                       DossierStore      *store,
                                                       DossierArticle    *article);

/* The page of one article of @store: its metadata, paragraphs, notes, and
 * the mentions of the dossier's entities as links. */
DossierReaderPage *
dossier_reader_page_new_for_article (DossierStore   *store,
                                     DossierArticle *article)
{
  DossierReaderPage *page;
  const DossierDate *published;
  const char * const *body;
  guint n_paragraphs = 0;

  g_return_val_if_fail (store == NULL || DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  page = dossier_reader_page_new ();
  dossier_reader_page_set_title (page, dossier_article_get_display_title (article),
                                 !dossier_article_has_title (article));
  dossier_reader_page_set_outlet (page, dossier_article_get_outlet (article));
  dossier_reader_page_set_author (page, dossier_article_get_author (article));
  published = dossier_article_get_published (article);
  if (published != NULL)
    {
      g_autofree char *date = dossier_date_format (published);

      dossier_reader_page_set_date (page, date);
    }
  dossier_reader_page_set_url (page, dossier_article_get_url (article));
  dossier_reader_page_set_notes (page, dossier_article_get_notes (article));

  body = dossier_article_get_body (article, &n_paragraphs);
  for (guint i = 0; i < n_paragraphs; i++)
    dossier_reader_page_add_paragraph (page, body[i]);

  if (store != NULL)
    {
      GListModel *mentions = dossier_store_get_article_mentions (store, article);
      guint n = mentions != NULL ? g_list_model_get_n_items (mentions) : 0;

      dossier_reader_page_set_language (page, dossier_store_get_language (store));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierMention) mention = g_list_model_get_item (mentions, i);
          DossierEntity *entity = dossier_mention_get_entity (mention);

          dossier_reader_page_add_mention (page,
                                           dossier_mention_get_paragraph (mention),
                                           dossier_mention_get_offset (mention),
                                           dossier_mention_get_length (mention),
                                           dossier_entity_get_id (entity),
                                           dossier_entity_get_name (entity));
        }
      dossier_reader_page_add_disputed_passages (page, store, article);
    }

  return page;
}

void
dossier_reader_page_free (DossierReaderPage *page)
{
  if (page == NULL)
    return;

  for (guint i = 0; i < page->mentions->len; i++)
    {
      Mention *m = &g_array_index (page->mentions, Mention, i);

      g_free (m->entity_id);
      g_free (m->entity_name);
    }
  g_array_unref (page->mentions);
  for (guint i = 0; i < page->disputed->len; i++)
    {
      DisputedPassage *d = &g_array_index (page->disputed, DisputedPassage, i);

      g_free (d->uri);
      g_free (d->label);
    }
  g_array_unref (page->disputed);
  g_ptr_array_unref (page->paragraphs);
  g_free (page->title);
  g_free (page->outlet);
  g_free (page->author);
  g_free (page->date);
  g_free (page->url);
  g_free (page->notes);
  g_free (page->language);
  g_free (page->search);
  g_free (page);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = (value != NULL && value[0] != '\0') ? g_strdup (value) : NULL;
}

void
dossier_reader_page_set_title (DossierReaderPage *page,
                               const char        *title,
                               gboolean           is_first_sentence)
{
  g_return_if_fail (page != NULL);

  set_string (&page->title, title);
  page->title_is_first_sentence = is_first_sentence;
}

void
dossier_reader_page_set_outlet (DossierReaderPage *page,
                                const char        *outlet)
{
  g_return_if_fail (page != NULL);
  set_string (&page->outlet, outlet);
}

void
dossier_reader_page_set_author (DossierReaderPage *page,
                                const char        *author)
{
  g_return_if_fail (page != NULL);
  set_string (&page->author, author);
}

void
dossier_reader_page_set_date (DossierReaderPage *page,
                              const char        *date)
{
  g_return_if_fail (page != NULL);
  set_string (&page->date, date);
}

void
dossier_reader_page_set_url (DossierReaderPage *page,
                             const char        *url)
{
  g_return_if_fail (page != NULL);
  set_string (&page->url, url);
}

void
dossier_reader_page_set_notes (DossierReaderPage *page,
                               const char        *notes)
{
  g_return_if_fail (page != NULL);
  set_string (&page->notes, notes);
}

void
dossier_reader_page_set_language (DossierReaderPage *page,
                                  const char        *language)
{
  g_return_if_fail (page != NULL);
  set_string (&page->language, language);
}

void
dossier_reader_page_add_paragraph (DossierReaderPage *page,
                                   const char        *text)
{
  g_return_if_fail (page != NULL);
  g_ptr_array_add (page->paragraphs, g_strdup (text != NULL ? text : ""));
}

void
dossier_reader_page_add_mention (DossierReaderPage *page,
                                 guint              paragraph,
                                 gsize              offset,
                                 gsize              length,
                                 const char        *entity_id,
                                 const char        *entity_name)
{
  Mention m;

  g_return_if_fail (page != NULL);
  g_return_if_fail (entity_id != NULL);

  m.paragraph = paragraph;
  m.offset = offset;
  m.length = length;
  m.entity_id = g_strdup (entity_id);
  m.entity_name = g_strdup (entity_name);
  g_array_append_val (page->mentions, m);
}

void
dossier_reader_page_add_disputed (DossierReaderPage *page,
                                  guint              paragraph,
                                  gsize              offset,
                                  gsize              length,
                                  const char        *uri,
                                  const char        *label)
{
  DisputedPassage d;

  g_return_if_fail (page != NULL);
  g_return_if_fail (uri != NULL && label != NULL);

  d.paragraph = paragraph;
  d.offset = offset;
  d.length = length;
  d.uri = g_strdup (uri);
  d.label = g_strdup (label);
  g_array_append_val (page->disputed, d);
}

static void
dossier_reader_page_add_disputed_passages (DossierReaderPage *page,
                                           DossierStore      *store,
                                           DossierArticle    *article)
{
  g_autoptr(GArray) spans = dossier_discrepancy_spans_for_article (store, article);

  for (guint i = 0; i < spans->len; i++)
    {
      const DossierDiscrepancySpan *span = &g_array_index (spans, DossierDiscrepancySpan, i);
      g_autofree char *uri = dossier_discrepancy_uri (span->discrepancy_id);
      g_autofree char *label = dossier_discrepancy_describe (span->discrepancy);

      dossier_reader_page_add_disputed (page, span->paragraph, span->offset, span->length, uri, label);
    }
}

void
dossier_reader_page_set_source (DossierReaderPage *page,
                                guint              paragraph,
                                gsize              offset,
                                gsize              length)
{
  g_return_if_fail (page != NULL);

  page->has_source = length > 0;
  page->source_paragraph = paragraph;
  page->source_offset = offset;
  page->source_length = length;
}

void
dossier_reader_page_set_search (DossierReaderPage *page,
                                const char        *search)
{
  g_return_if_fail (page != NULL);
  set_string (&page->search, search);
}

void
dossier_reader_page_set_dark (DossierReaderPage *page,
                              gboolean           dark)
{
  g_return_if_fail (page != NULL);
  page->dark = !!dark;
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;

  /* Escapes & < > ' " so the result is safe both as a text node and as a
   * quoted attribute value. */
  escaped = g_markup_escape_text (text, length);
  g_string_append (out, escaped);
}

/* A span of a paragraph to wrap in an element. Spans of one level never
 * overlap; a span of a lower level is never cut by one of a higher level,
 * so the quote of a source stays one element with its id. */
typedef enum
{
  LEVEL_SOURCE,
  LEVEL_DISPUTED,
  LEVEL_MENTION,
  LEVEL_MATCH,
} SpanLevel;

typedef struct
{
  gsize start;
  gsize end;
  SpanLevel level;
  const Mention *mention;
  const DisputedPassage *disputed;
} Span;

static gboolean
is_char_boundary (const char *text,
                  gsize       text_len,
                  gsize       offset)
{
  return offset == text_len || (offset < text_len && ((guchar) text[offset] & 0xC0) != 0x80);
}

static gboolean
range_is_valid (const char *text,
                gsize       text_len,
                gsize       offset,
                gsize       length)
{
  return length > 0 &&
         offset < text_len &&
         length <= text_len - offset &&
         is_char_boundary (text, text_len, offset) &&
         is_char_boundary (text, text_len, offset + length);
}

static int
compare_span_start (gconstpointer a,
                    gconstpointer b)
{
  const Span *sa = a, *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  return 0;
}

static int
compare_gsize (gconstpointer a,
               gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static void
open_span (GString    *out,
           const Span *span)
{
  switch (span->level)
    {
    case LEVEL_SOURCE:
      g_string_append (out, "<mark id=\"source\" class=\"source\">");
      break;

    case LEVEL_MENTION:
      {
        g_autofree char *uri = dossier_reader_page_entity_uri (span->mention->entity_id);

        g_string_append (out, "<a class=\"entity\" href=\"");
        append_escaped (out, uri, -1);
        g_string_append_c (out, '"');
        if (span->mention->entity_name != NULL)
          {
            g_string_append (out, " title=\"");
            append_escaped (out, span->mention->entity_name, -1);
            g_string_append_c (out, '"');
          }
        g_string_append_c (out, '>');
      }
      break;

    case LEVEL_MATCH:
      g_string_append (out, "<mark class=\"match\">");
      break;

    case LEVEL_DISPUTED:
      g_string_append (out, "<span class=\"disputed\">");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
close_span (GString    *out,
            const Span *span)
{
  switch (span->level)
    {
    case LEVEL_MENTION:
      g_string_append (out, "</a>");
      break;
    case LEVEL_DISPUTED:
      g_string_append (out, "</span>");
      break;
    default:
      g_string_append (out, "</mark>");
    }
}

/* The "≠" after a disputed passage, outside every link so links never nest. */
static void
append_disputed_signs (GString    *out,
                       GArray     *spans,
                       gsize       position)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);

      if (s->level != LEVEL_DISPUTED || s->end != position)
        continue;
      g_string_append (out, "<a class=\"disputed-sign\" href=\"");
      append_escaped (out, s->disputed->uri, -1);
      g_string_append (out, "\" title=\"");
      append_escaped (out, s->disputed->label, -1);
      g_string_append (out, "\" aria-label=\"");
      append_escaped (out, s->disputed->label, -1);
      g_string_append (out, "\">≠</a>");
    }
}

static void
append_paragraph (DossierReaderPage *page,
                  GString           *out,
                  guint              index,
                  const char        *text,
                  const char *const *search_words)
{
  gsize text_len = strlen (text);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  guint n_mention_spans = 0;

  if (page->has_source && page->source_paragraph == index &&
      range_is_valid (text, text_len, page->source_offset, page->source_length))
    {
      Span s = { page->source_offset, page->source_offset + page->source_length, LEVEL_SOURCE, NULL };

      g_array_append_val (spans, s);
    }

  for (guint i = 0; i < page->disputed->len; i++)
    {
      const DisputedPassage *d = &g_array_index (page->disputed, DisputedPassage, i);

      if (d->paragraph == index && range_is_valid (text, text_len, d->offset, d->length))
        {
          Span s = { d->offset, d->offset + d->length, LEVEL_DISPUTED, NULL, d };

          g_array_append_val (spans, s);
        }
    }

  /* Mentions come from the dossier's own index, but a bad one must not
   * break the page: drop any that is out of range or overlaps another. */
  {
    g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (Span));
    gsize last_end = 0;

    for (guint i = 0; i < page->mentions->len; i++)
      {
        const Mention *m = &g_array_index (page->mentions, Mention, i);

        if (m->paragraph == index && range_is_valid (text, text_len, m->offset, m->length))
          {
            Span s = { m->offset, m->offset + m->length, LEVEL_MENTION, m };

            g_array_append_val (mentions, s);
          }
      }
    g_array_sort (mentions, compare_span_start);
    for (guint i = 0; i < mentions->len; i++)
      {
        Span *s = &g_array_index (mentions, Span, i);

        if (n_mention_spans > 0 && s->start < last_end)
          continue;
        g_array_append_val (spans, *s);
        last_end = s->end;
        n_mention_spans++;
      }
  }

  if (search_words != NULL && search_words[0] != NULL)
    {
      g_autoptr(GArray) matches = dossier_article_text_find_words (text, search_words);

      for (guint i = 0; i < matches->len; i++)
        {
          DossierTextRange *r = &g_array_index (matches, DossierTextRange, i);
          Span s = { r->offset, r->offset + r->length, LEVEL_MATCH, NULL };

          g_array_append_val (spans, s);
        }
    }

  g_string_append_printf (out, "<p data-paragraph=\"%u\">", index);

  if (spans->len == 0)
    {
      append_escaped (out, text, text_len);
      g_string_append (out, "</p>\n");
      return;
    }

  /* Cut the paragraph at every span edge; for each piece, keep open the
   * spans that cover it, outermost level first, closing and reopening
   * only what changes. */
  {
    gsize zero = 0;

    g_array_append_val (bounds, zero);
    g_array_append_val (bounds, text_len);
  }
  for (guint i = 0; i < spans->len; i++)
    {
      Span *s = &g_array_index (spans, Span, i);

      g_array_append_val (bounds, s->start);
      g_array_append_val (bounds, s->end);
    }
  g_array_sort (bounds, compare_gsize);

  for (guint b = 0; b + 1 < bounds->len; b++)
    {
      gsize start = g_array_index (bounds, gsize, b);
      gsize end = g_array_index (bounds, gsize, b + 1);
      guint common = 0;

      if (start == end)
        continue;

      g_ptr_array_set_size (wanted, 0);
      for (SpanLevel level = LEVEL_SOURCE; level <= LEVEL_MATCH; level++)
        for (guint i = 0; i < spans->len; i++)
          {
            Span *s = &g_array_index (spans, Span, i);

            if (s->level == level && s->start <= start && end <= s->end)
              {
                g_ptr_array_add (wanted, s);
                break;
              }
          }

      while (common < open->len && common < wanted->len &&
             g_ptr_array_index (open, common) == g_ptr_array_index (wanted, common))
        common++;
      while (open->len > common)
        {
          close_span (out, g_ptr_array_index (open, open->len - 1));
          g_ptr_array_remove_index (open, open->len - 1);
        }
      append_disputed_signs (out, spans, start);
      for (guint i = common; i < wanted->len; i++)
        {
          open_span (out, g_ptr_array_index (wanted, i));
          g_ptr_array_add (open, g_ptr_array_index (wanted, i));
        }

      append_escaped (out, text + start, end - start);
    }

  while (open->len > 0)
    {
      close_span (out, g_ptr_array_index (open, open->len - 1));
      g_ptr_array_remove_index (open, open->len - 1);
    }
  append_disputed_signs (out, spans, text_len);

  g_string_append (out, "</p>\n");
}

static void
append_byline_part (GString    *out,
                    const char *class_name,
                    const char *value,
                    const char *unknown)
{
  g_string_append_printf (out, "<span class=\"%s%s\">", class_name, value != NULL ? "" : " unknown");
  append_escaped (out, value != NULL ? value : unknown, -1);
  g_string_append (out, "</span>");
}

char *
dossier_reader_page_to_html (DossierReaderPage *page)
{
  GString *out;
  g_auto(GStrv) search_words = NULL;
  const char *title;

  g_return_val_if_fail (page != NULL, NULL);

  out = g_string_sized_new (4096);
  if (page->search != NULL)
    search_words = dossier_article_text_split_words (page->search);

  /* An article without a headline and without text is still shown. */
  title = page->title != NULL ? page->title : _("Untitled article");

  g_string_append (out, "<!DOCTYPE html>\n<html");
  if (page->language != NULL)
    {
      g_string_append (out, " lang=\"");
      append_escaped (out, page->language, -1);
      g_string_append_c (out, '"');
    }
  if (page->dark)
    g_string_append (out, " class=\"dark\"");
  g_string_append (out, ">\n<head>\n<meta charset=\"utf-8\">\n");
  g_string_append (out, "<meta http-equiv=\"Content-Security-Policy\" content=\"" PAGE_CSP "\">\n");
  g_string_append (out, "<meta name=\"referrer\" content=\"no-referrer\">\n");
  g_string_append (out, "<title>");
  append_escaped (out, title, -1);
  g_string_append (out, "</title>\n<style>");
  g_string_append (out, page_css);
  g_string_append (out, "</style>\n</head>\n<body>\n<article>\n<header>\n");

  if (page->title_is_first_sentence)
    {
      g_string_append (out, "<p class=\"kicker\">");
      /* Translators: shown above the first sentence of an article that has no headline */
      append_escaped (out, _("No headline — first sentence"), -1);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<h1>");
  append_escaped (out, title, -1);
  g_string_append (out, "</h1>\n<p class=\"byline\">");
  append_byline_part (out, "outlet", page->outlet, _("Unknown outlet"));
  g_string_append (out, " · ");
  append_byline_part (out, "author", page->author, _("Unknown author"));
  g_string_append (out, " · ");
  append_byline_part (out, "date", page->date, _("Unknown date"));
  g_string_append (out, "</p>\n</header>\n<div class=\"body\">\n");

  for (guint i = 0; i < page->paragraphs->len; i++)
    append_paragraph (page, out, i, g_ptr_array_index (page->paragraphs, i),
                      (const char * const *) search_words);

  g_string_append (out, "</div>\n");

  if (page->notes != NULL)
    {
      g_string_append (out, "<aside class=\"notes\">\n<h2>");
      /* Translators: heading of the editorial notes under an article */
      append_escaped (out, _("Notes"), -1);
      g_string_append (out, "</h2>\n<p>");
      append_escaped (out, page->notes, -1);
      g_string_append (out, "</p>\n</aside>\n");
    }

  /* Only a web address becomes a link; anything else is shown as text. */
  if (page->url != NULL)
    {
      g_string_append (out, "<footer>");
      if (dossier_reader_page_classify_link (page->url, NULL) == DOSSIER_READER_LINK_EXTERNAL)
        {
          g_string_append (out, "<a class=\"original\" href=\"");
          append_escaped (out, page->url, -1);
          g_string_append (out, "\">");
          append_escaped (out, _("Read the original article"), -1);
          g_string_append (out, "</a>");
        }
      else
        append_escaped (out, page->url, -1);
      g_string_append (out, "</footer>\n");
    }

  g_string_append (out, "</article>\n</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

char *
dossier_reader_page_entity_uri (const char *entity_id)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (entity_id != NULL, NULL);

  escaped = g_uri_escape_string (entity_id, NULL, FALSE);
  return g_strconcat ("dossier:entity/", escaped, NULL);
}

/* Sorts a URI the view was asked to navigate to: an entity of the
 * dossier, a web page for the browser, or anything else (refused). */
DossierReaderLink
dossier_reader_page_classify_link (const char  *uri,
                                   char       **entity_id)
{
  g_autofree char *scheme = NULL;

  if (entity_id != NULL)
    *entity_id = NULL;
  if (uri == NULL)
    return DOSSIER_READER_LINK_OTHER;

  {
    g_autofree char *discrepancy_id = dossier_discrepancy_uri_parse (uri);

    if (discrepancy_id != NULL)
      return DOSSIER_READER_LINK_DISCREPANCY;
  }

  if (g_str_has_prefix (uri, "dossier:entity/"))
    {
      g_autofree char *id = g_uri_unescape_string (uri + strlen ("dossier:entity/"), NULL);

      if (id == NULL || id[0] == '\0' || !g_utf8_validate (id, -1, NULL) || strchr (id, '/') != NULL)
        return DOSSIER_READER_LINK_OTHER;
      if (entity_id != NULL)
        *entity_id = g_steal_pointer (&id);
      return DOSSIER_READER_LINK_ENTITY;
    }

  scheme = g_uri_parse_scheme (uri);
  if (scheme != NULL &&
      (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0))
    {
      g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

      if (parsed != NULL && g_uri_get_host (parsed) != NULL && g_uri_get_host (parsed)[0] != '\0')
        return DOSSIER_READER_LINK_EXTERNAL;
    }

  return DOSSIER_READER_LINK_OTHER;
}

/* The app's own script to follow the light or dark style without
 * reloading the page. */
char *
dossier_reader_page_dark_script (gboolean dark)
{
  return g_strdup_printf ("document.documentElement.classList.toggle('dark', %s);",
                          dark ? "true" : "false");
}
