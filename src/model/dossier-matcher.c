/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "dossier-matcher-private.h"

/* In the offset map, a folded byte that is not where an original character's
 * folding starts: a match may not begin or end there. */
#define NOT_A_BOUNDARY G_MAXSIZE

typedef struct
{
  const char *str;
  gsize len;
} Span;

typedef struct
{
  Span text;            /* the folded name, owned */
  Span first_word;      /* points into text */
  gboolean word_start;  /* starts with a word character */
  gboolean word_end;    /* ends with a word character */
  gpointer data;
} Name;

struct _DossierMatcher
{
  GPtrArray *names;     /* Name, owned */
  GHashTable *by_text;  /* Span of a folded name → Name */
  GHashTable *by_word;  /* Span of a first word → GArray of the lengths (gsize)
                         * of the names starting with it, longest first */
  GPtrArray *others;    /* Name not starting with a word character */
  gboolean sorted;

  /* Scratch space reused from one text to the next */
  GString *folded;
  GArray *map;          /* gsize: folded byte offset → original byte offset */
  GHashTable *fold_cache; /* gunichar → its case folding */
  GArray *found;        /* DossierMatch with folded offsets, data = Name */
};

static guint
span_hash (gconstpointer key)
{
  const Span *span = key;
  guint h = 5381;

  for (gsize i = 0; i < span->len; i++)
    h = h * 33 + (guchar) span->str[i];

  return h;
}

static gboolean
span_equal (gconstpointer a,
            gconstpointer b)
{
  const Span *sa = a, *sb = b;

  return sa->len == sb->len && memcmp (sa->str, sb->str, sa->len) == 0;
}

static void
name_free (gpointer data)
{
  Name *name = data;

  g_free ((char *) name->text.str);
  g_free (name);
}

static inline gboolean
is_word_char (const char *p)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);

  c = g_utf8_get_char (p);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

DossierMatcher *
dossier_matcher_new (void)
{
  DossierMatcher *self = g_new0 (DossierMatcher, 1);

  self->names = g_ptr_array_new_with_free_func (name_free);
  self->by_text = g_hash_table_new (span_hash, span_equal);
  self->by_word = g_hash_table_new_full (span_hash, span_equal, NULL,
                                         (GDestroyNotify) g_array_unref);
  self->others = g_ptr_array_new ();
  self->folded = g_string_new (NULL);
  self->map = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fold_cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->found = g_array_new (FALSE, FALSE, sizeof (DossierMatch));

  return self;
}

void
dossier_matcher_free (DossierMatcher *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_word);
  g_hash_table_unref (self->by_text);
  g_ptr_array_unref (self->others);
  g_ptr_array_unref (self->names);
  g_string_free (self->folded, TRUE);
  g_array_unref (self->map);
  g_hash_table_unref (self->fold_cache);
  g_array_unref (self->found);
  g_free (self);
}

/* Adds a name to look for.  When two names fold to the same text, the
 * first one added keeps it. */
void
dossier_matcher_add (DossierMatcher *self,
                     const char     *text,
                     gpointer        data)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  Span key = { folded, strlen (folded) };
  const char *end;
  Name *name;

  if (key.len == 0 || g_hash_table_contains (self->by_text, &key))
    return;

  name = g_new0 (Name, 1);
  name->text = key;
  g_steal_pointer (&folded);
  name->data = data;
  name->word_start = is_word_char (key.str);
  name->word_end = is_word_char (g_utf8_find_prev_char (key.str, key.str + key.len));

  g_ptr_array_add (self->names, name);
  g_hash_table_add (self->by_text, &name->text);

  if (name->word_start)
    {
      GArray *lengths;

      for (end = key.str; *end != '\0' && is_word_char (end); end = g_utf8_next_char (end))
        ;
      name->first_word.str = key.str;
      name->first_word.len = end - key.str;

      lengths = g_hash_table_lookup (self->by_word, &name->first_word);
      if (lengths == NULL)
        {
          lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
          g_hash_table_insert (self->by_word, &name->first_word, lengths);
        }
      for (guint i = 0; i <= lengths->len; i++)
        if (i == lengths->len)
          {
            g_array_append_val (lengths, key.len);
            break;
          }
        else if (g_array_index (lengths, gsize, i) == key.len)
          break;
    }
  else
    {
      g_ptr_array_add (self->others, name);
    }

  self->sorted = FALSE;
}

static int
compare_lengths (gconstpointer a,
                 gconstpointer b)
{
  gsize la = *(const gsize *) a, lb = *(const gsize *) b;

  return la > lb ? -1 : la < lb;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const DossierMatch *ma = a, *mb = b;

  if (ma->offset != mb->offset)
    return ma->offset < mb->offset ? -1 : 1;
  if (ma->length != mb->length)
    return ma->length > mb->length ? -1 : 1;
  return 0;
}

static inline char
ascii_tolower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Folds @text into self->folded.  Returns %TRUE if the offsets are those of
 * the original (ASCII text); otherwise self->map maps them back. */
static gboolean
fold_text (DossierMatcher *self,
           const char     *text)
{
  gsize length, out = 0;
  gsize *map;
  char *folded;
  const char *p;

  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  length = p - text + strlen (p);

  if (*p == '\0')
    {
      g_string_set_size (self->folded, length);
      for (gsize i = 0; i < length; i++)
        self->folded->str[i] = ascii_tolower (text[i]);
      return TRUE;
    }

  /* Case folding at most triples the length in bytes (U+0390, two bytes,
   * folds to three two-byte characters), so the buffers are sized once */
  g_string_set_size (self->folded, 3 * length);
  g_array_set_size (self->map, 3 * length + 1);
  folded = self->folded->str;
  map = (gsize *) (gpointer) self->map->data;

  for (p = text; *p != '\0';)
    {
      if ((guchar) *p < 0x80)
        {
          map[out] = p - text;
          folded[out++] = ascii_tolower (*p++);
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);
          const char *fold = g_hash_table_lookup (self->fold_cache, GUINT_TO_POINTER (c));
          gsize fold_length;

          if (fold == NULL)
            {
              char *new_fold = g_utf8_casefold (p, next - p);

              g_hash_table_insert (self->fold_cache, GUINT_TO_POINTER (c), new_fold);
              fold = new_fold;
            }

          fold_length = strlen (fold);
          g_assert (out + fold_length <= 3 * length);
          memcpy (folded + out, fold, fold_length);
          map[out] = p - text;
          for (gsize i = 1; i < fold_length; i++)
            map[out + i] = NOT_A_BOUNDARY;
          out += fold_length;
          p = next;
        }
    }
  map[out] = length;
  g_string_truncate (self->folded, out);

  return FALSE;
}

/* Whether @name (whose text is at @start) is not cut off by a word
 * character after it */
static gboolean
ends_well (DossierMatcher *self,
           const Name     *name,
           gsize           start)
{
  gsize end = start + name->text.len;

  return !name->word_end || end == self->folded->len || !is_word_char (self->folded->str + end);
}

/**
 * dossier_matcher_find:
 * @text: valid UTF-8
 * @matches: (element-type DossierMatch): where to append the matches, in
 *   the order of the text
 */
void
dossier_matcher_find (DossierMatcher *self,
                      const char     *text,
                      GArray         *matches)
{
  gboolean identity;
  const char *s, *p, *end;
  gsize last_end = 0;

  if (!self->sorted)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->by_word);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_array_sort (value, compare_lengths);
      self->sorted = TRUE;
    }

  identity = fold_text (self, text);
  s = self->folded->str;
  end = s + self->folded->len;
  g_array_set_size (self->found, 0);

  /* At each word start, the longest name beginning there */
  for (p = s; p < end;)
    {
      const char *q;
      Span word;
      GArray *lengths;

      if (!is_word_char (p))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      for (q = p; q < end && is_word_char (q); q = g_utf8_next_char (q))
        ;

      word.str = p;
      word.len = q - p;
      lengths = g_hash_table_lookup (self->by_word, &word);
      for (guint i = 0; lengths != NULL && i < lengths->len; i++)
        {
          Span candidate = { p, g_array_index (lengths, gsize, i) };
          Name *name;

          if (p + candidate.len > end)
            continue;

          name = g_hash_table_lookup (self->by_text, &candidate);
          if (name != NULL && ends_well (self, name, p - s))
            {
              DossierMatch m = { p - s, name->text.len, name };

              g_array_append_val (self->found, m);
              break;
            }
        }

      p = q;
    }

  /* Names starting with punctuation, e.g. ".NET": rare, so searched plainly */
  for (guint i = 0; i < self->others->len; i++)
    {
      Name *name = g_ptr_array_index (self->others, i);

      for (p = strstr (s, name->text.str); p != NULL; p = strstr (p + 1, name->text.str))
        {
          if (ends_well (self, name, p - s))
            {
              DossierMatch m = { p - s, name->text.len, name };

              g_array_append_val (self->found, m);
            }
        }
    }
  if (self->others->len > 0)
    g_array_sort (self->found, compare_matches);

  for (guint i = 0; i < self->found->len; i++)
    {
      DossierMatch m = g_array_index (self->found, DossierMatch, i);
      gsize start = m.offset, stop = m.offset + m.length;

      if (start < last_end)
        continue;

      if (!identity)
        {
          start = g_array_index (self->map, gsize, start);
          stop = g_array_index (self->map, gsize, stop);
          if (start == NOT_A_BOUNDARY || stop == NOT_A_BOUNDARY)
            continue;
        }

      last_end = m.offset + m.length;
      m.offset = start;
      m.length = stop - start;
      m.data = ((Name *) m.data)->data;
      g_array_append_val (matches, m);
    }
}
