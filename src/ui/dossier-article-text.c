/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-article-text.h"

static void
append_folded_char (GString  *out,
                    gunichar  ch)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  /* Folds that a per-character lower-casing would miss, and quotes that
   * articles spell typographically but people type in ASCII. */
  switch (ch)
    {
    case 0x00DF: /* ß */
    case 0x1E9E: /* ẞ */
      g_string_append (out, "ss");
      return;
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
      g_string_append_c (out, '\'');
      return;
    case 0x201C:
    case 0x201D:
    case 0x201F:
    case 0x2033:
      g_string_append_c (out, '"');
      return;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
      g_string_append_c (out, '-');
      return;
    case 0x00A0:
    case 0x202F:
      g_string_append_c (out, ' ');
      return;
    default:
      break;
    }

  n = g_unichar_fully_decompose (ch, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (g_unichar_type (d) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (d < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) d));
      else
        g_string_append_unichar (out, g_unichar_tolower (d));
    }
}

/* ASCII lower-casing by table: the folding loop's inner step. */
static const char ascii_lower[128] = {
#define L(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c))
#define ROW(b) L (b), L (b + 1), L (b + 2), L (b + 3), L (b + 4), L (b + 5), L (b + 6), L (b + 7)
  ROW (0), ROW (8), ROW (16), ROW (24), ROW (32), ROW (40), ROW (48), ROW (56),
  ROW (64), ROW (72), ROW (80), ROW (88), ROW (96), ROW (104), ROW (112), ROW (120),
#undef ROW
#undef L
};

/* Appends the search form of @text to @out. When @offsets is given (an
 * array of gsize), it receives, for every byte appended, the byte offset
 * in @text of the character that byte came from: that maps a match in the
 * search form back to the original text. Invalid UTF-8 is skipped. */
void
dossier_article_text_normalize_append (GString    *out,
                                       const char *text,
                                       gssize      length,
                                       GArray     *offsets)
{
  const char *p, *end;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  if (length < 0)
    length = strlen (text);

  p = text;
  end = text + length;
  while (p < end)
    {
      guchar c = (guchar) *p;
      gsize before = out->len;
      gsize char_offset = p - text;

      if (c < 0x80 && offsets == NULL)
        {
          /* The fast path, a run of ASCII at a time: almost all text in
           * an English dossier. */
          const char *run = p;
          gsize n;
          char *dest;

          while (p < end && (guchar) *p < 0x80)
            p++;
          n = p - run;
          g_string_set_size (out, before + n);
          dest = out->str + before;
          for (gsize i = 0; i < n; i++)
            dest[i] = ascii_lower[(guchar) run[i]];
          continue;
        }
      else if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower ((char) c));
          p++;
        }
      else
        {
          gunichar ch = g_utf8_get_char_validated (p, end - p);

          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            {
              p++;
              continue;
            }
          append_folded_char (out, ch);
          p = g_utf8_next_char (p);
        }

      if (offsets != NULL)
        for (gsize i = before; i < out->len; i++)
          g_array_append_val (offsets, char_offset);
    }
}

char *
dossier_article_text_normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  dossier_article_text_normalize_append (out, text, -1, NULL);
  return g_string_free (out, FALSE);
}

/* Splits a search into normalized words; every word must match. Returns
 * an empty vector for a blank search. */
GStrv
dossier_article_text_split_words (const char *search)
{
  g_autofree char *normalized = dossier_article_text_normalize (search);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (normalized, " \t\n\r\f\v", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

gboolean
dossier_article_text_matches_all (const char        *haystack,
                                  const char *const *words)
{
  if (words == NULL)
    return TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    if (haystack == NULL || strstr (haystack, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const DossierTextRange *ra = a, *rb = b;

  if (ra->offset != rb->offset)
    return ra->offset < rb->offset ? -1 : 1;
  if (ra->length != rb->length)
    return ra->length > rb->length ? -1 : 1;
  return 0;
}

/* Finds where any of @words (already normalized) occurs in @text, and
 * returns the places as byte ranges of @text, sorted, merged where they
 * touch or overlap, always on character boundaries. */
GArray *
dossier_article_text_find_words (const char        *text,
                                 const char *const *words)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (DossierTextRange));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (DossierTextRange));
  gsize text_len;

  if (text == NULL || words == NULL || words[0] == NULL)
    return merged;

  text_len = strlen (text);
  dossier_article_text_normalize_append (folded, text, text_len, offsets);

  for (guint w = 0; words[w] != NULL; w++)
    {
      gsize word_len = strlen (words[w]);
      const char *hit = folded->str;

      if (word_len == 0)
        continue;

      while ((hit = strstr (hit, words[w])) != NULL)
        {
          gsize start = hit - folded->str;
          gsize last = start + word_len - 1;
          gsize orig_start = g_array_index (offsets, gsize, start);
          gsize orig_last = g_array_index (offsets, gsize, last);
          const char *after = g_utf8_find_next_char (text + orig_last, text + text_len);
          DossierTextRange range;

          range.offset = orig_start;
          range.length = (after != NULL ? (gsize) (after - text) : text_len) - orig_start;
          g_array_append_val (found, range);
          hit += word_len;
        }
    }

  g_array_sort (found, compare_ranges);
  for (guint i = 0; i < found->len; i++)
    {
      DossierTextRange *r = &g_array_index (found, DossierTextRange, i);

      if (merged->len > 0)
        {
          DossierTextRange *prev = &g_array_index (merged, DossierTextRange, merged->len - 1);

          if (r->offset <= prev->offset + prev->length)
            {
              prev->length = MAX (prev->offset + prev->length, r->offset + r->length) - prev->offset;
              continue;
            }
        }
      g_array_append_val (merged, *r);
    }

  return merged;
}
