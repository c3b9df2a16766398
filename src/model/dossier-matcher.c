/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "dossier-matcher-private.h"

/* In the offset map, a folded byte that is not where an original character's
 * folding starts: a match may not begin or end there. */
#define NOT_A_BOUNDARY G_MAXUINT32

/* Names longer than this (in bytes, case-folded) are not searched for:
 * no real name is that long, and the bound is what keeps the search
 * linear in the text whatever names a file holds. */
#define MAX_NAME_LENGTH 128

typedef struct
{
  const char *str;
  gsize len;
} Span;

typedef struct
{
  Span text;            /* the folded name, owned */
  gpointer data;
} Name;

/* The prefixes of the names, as hashes in an open-addressing table: a
 * search walks the text from a word start one byte at a time while what it
 * read is the prefix of some name, so it never reads more than
 * MAX_NAME_LENGTH bytes from one place.  A hash that collides only makes a
 * walk go on or a candidate get checked against the names themselves. */
#define PREFIX 1
#define WHOLE 2

struct _DossierMatcher
{
  GPtrArray *names;     /* Name, owned */
  GHashTable *by_text;  /* Span of a folded name → Name */

  guint64 seed;
  guint64 *keys;        /* hash | 1, or 0 for an empty slot */
  guint8 *flags;        /* PREFIX, or PREFIX | WHOLE when a name ends there */
  gsize mask;           /* size of the table - 1 */
  gboolean built;

  /* A filter before the table: the first two bytes of every name of two
   * bytes or more (a bit per pair), and the names of one byte; most
   * places in a text start no name, and these two lookups tell */
  guint8 *first_pairs;  /* 65536 bits */
  gboolean one_byte[256];

  /* Scratch space reused from one text to the next */
  GString *folded;
  GArray *map;          /* guint32: folded byte offset → original byte offset */
  GHashTable *fold_cache; /* gunichar → its case folding */
  /* The same for the characters most texts use (Latin, Greek, Cyrillic,
   * punctuation): an array lookup instead of a hash one */
  const char *fold_table[0x3000];
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

/* The hash of a prefix one byte longer */
static inline guint64
hash_step (guint64 h,
           guchar  c)
{
  h ^= c + G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  h *= G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  h ^= h >> 31;
  h *= G_GUINT64_CONSTANT (0x94D049BB133111EB);

  return h ^ (h >> 29);
}

DossierMatcher *
dossier_matcher_new (void)
{
  DossierMatcher *self = g_new0 (DossierMatcher, 1);

  self->names = g_ptr_array_new_with_free_func (name_free);
  self->by_text = g_hash_table_new (span_hash, span_equal);
  /* Unknown to whoever wrote the file, so that it cannot be made to collide */
  self->seed = ((guint64) g_random_int () << 32) | g_random_int ();
  self->folded = g_string_new (NULL);
  self->map = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->fold_cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  return self;
}

void
dossier_matcher_free (DossierMatcher *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_text);
  g_ptr_array_unref (self->names);
  g_free (self->keys);
  g_free (self->flags);
  g_free (self->first_pairs);
  g_string_free (self->folded, TRUE);
  g_array_unref (self->map);
  g_hash_table_unref (self->fold_cache);
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
  Name *name;

  if (key.len == 0 || key.len > MAX_NAME_LENGTH || g_hash_table_contains (self->by_text, &key))
    return;

  name = g_new0 (Name, 1);
  name->text = key;
  g_steal_pointer (&folded);
  name->data = data;

  g_ptr_array_add (self->names, name);
  g_hash_table_add (self->by_text, &name->text);
  self->built = FALSE;
}

/* The slot of @h: where it is, or the empty one where it would go */
static inline gsize
prefix_slot (DossierMatcher *self,
             guint64         h)
{
  guint64 key = h | 1;
  gsize i = (gsize) (h >> 7) & self->mask;

  while (self->keys[i] != 0 && self->keys[i] != key)
    i = (i + 1) & self->mask;

  return i;
}

static void
build_prefixes (DossierMatcher *self)
{
  gsize n_prefixes = 0, size = 16;

  for (guint i = 0; i < self->names->len; i++)
    n_prefixes += ((Name *) self->names->pdata[i])->text.len;
  while (size < 2 * n_prefixes)
    size *= 2;

  g_free (self->keys);
  g_free (self->flags);
  g_free (self->first_pairs);
  self->keys = g_new0 (guint64, size);
  self->flags = g_new0 (guint8, size);
  self->mask = size - 1;
  self->first_pairs = g_new0 (guint8, 65536 / 8);
  memset (self->one_byte, 0, sizeof self->one_byte);

  for (guint i = 0; i < self->names->len; i++)
    {
      const Name *name = self->names->pdata[i];
      guint64 h = self->seed;

      if (name->text.len == 1)
        self->one_byte[(guchar) name->text.str[0]] = TRUE;
      else
        {
          guint pair = (guchar) name->text.str[0] << 8 | (guchar) name->text.str[1];

          self->first_pairs[pair / 8] |= 1 << (pair % 8);
        }

      for (gsize d = 0; d < name->text.len; d++)
        {
          gsize slot;

          h = hash_step (h, name->text.str[d]);
          slot = prefix_slot (self, h);
          self->keys[slot] = h | 1;
          self->flags[slot] |= PREFIX | (d + 1 == name->text.len ? WHOLE : 0);
        }
    }

  self->built = TRUE;
}

/* Branch-free, so that the compiler makes the loops over a text vector code */
static inline char
ascii_tolower (char c)
{
  return c + (((guchar) (c - 'A') < 26) << 5);
}

/* The case folding of the character from @p to @next, cached */
static const char *
fold_char (DossierMatcher *self,
           const char     *p,
           const char     *next)
{
  gunichar c = g_utf8_get_char (p);
  const char *fold = c < G_N_ELEMENTS (self->fold_table)
                     ? self->fold_table[c]
                     : g_hash_table_lookup (self->fold_cache, GUINT_TO_POINTER (c));

  if (fold == NULL)
    {
      char *new_fold = g_utf8_casefold (p, next - p);

      g_hash_table_insert (self->fold_cache, GUINT_TO_POINTER (c), new_fold);
      if (c < G_N_ELEMENTS (self->fold_table))
        self->fold_table[c] = new_fold;
      fold = new_fold;
    }

  return fold;
}

/* Folds @text into self->folded.  Returns %TRUE if the offsets are those of
 * the original (ASCII text); otherwise self->map maps them back. */
static gboolean
fold_text (DossierMatcher *self,
           const char     *text)
{
  gsize length, out = 0;
  guint32 *map;
  char *folded;
  const char *p;
  gboolean same_length = TRUE;

  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  length = p - text + strlen (p);

  /* Offsets are kept in 32 bits: the loader caps a paragraph at 1 MiB */
  g_assert (length < NOT_A_BOUNDARY);

  /* Most characters outside ASCII in a text (’ “ — é) fold to themselves:
   * when all do, the folded text keeps the original's offsets */
  for (; *p != '\0' && same_length; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80)
      {
        const char *next = g_utf8_next_char (p);
        const char *fold = fold_char (self, p, next);

        same_length = strlen (fold) == (gsize) (next - p) && memcmp (fold, p, next - p) == 0;
      }
  if (same_length)
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
  map = (guint32 *) (gpointer) self->map->data;

  for (p = text; *p != '\0';)
    {
      if ((guchar) *p < 0x80)
        {
          map[out] = p - text;
          folded[out++] = ascii_tolower (*p++);
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          const char *fold = fold_char (self, p, next);
          gsize fold_length = strlen (fold);

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

/* The longest name at @p (a word start, or a character that is not a
 * word character) that is not cut off by a word character after it and,
 * unless @first_only, whose ends are character boundaries of the original
 * text.  Returns its length in the folded text, 0 if there is none. */
static gsize
match_at (DossierMatcher *self,
          const char     *p,
          gboolean        identity,
          gboolean        first_only,
          DossierMatch   *match)
{
  const char *s = self->folded->str;
  const char *end = s + self->folded->len;
  gsize lengths[MAX_NAME_LENGTH];
  guint n_lengths = 0;
  guint64 h = self->seed;

  for (gsize d = 1; d <= MAX_NAME_LENGTH && p + d <= end; d++)
    {
      gsize slot;

      h = hash_step (h, p[d - 1]);
      slot = prefix_slot (self, h);
      if (self->keys[slot] == 0)
        break;
      if (self->flags[slot] & WHOLE)
        lengths[n_lengths++] = d;
    }

  while (n_lengths > 0)
    {
      gsize len = lengths[--n_lengths];
      Span candidate = { p, len };
      const char *last = g_utf8_find_prev_char (p, p + len);
      gsize start = p - s, stop = start + len;
      Name *name;

      /* Whole words: a name ending with a word character may not be
       * followed by one */
      if (last == NULL || (is_word_char (last) && p + len < end && is_word_char (p + len)))
        continue;

      name = g_hash_table_lookup (self->by_text, &candidate);
      if (name == NULL)
        continue;

      if (!identity)
        {
          start = g_array_index (self->map, guint32, start);
          stop = g_array_index (self->map, guint32, stop);
          if (start == NOT_A_BOUNDARY || stop == NOT_A_BOUNDARY)
            {
              if (first_only)
                return 0;
              continue;
            }
        }

      match->offset = start;
      match->length = stop - start;
      match->data = name->data;

      return len;
    }

  return 0;
}

/* Whether some name may start at @p: a necessary condition for match_at() */
static inline gboolean
may_start (DossierMatcher *self,
           const char     *p,
           const char     *end)
{
  guint pair;

  if (self->one_byte[(guchar) p[0]])
    return TRUE;
  if (p + 1 == end)
    return FALSE;
  pair = (guchar) p[0] << 8 | (guchar) p[1];

  return (self->first_pairs[pair / 8] & (1 << (pair % 8))) != 0;
}

/* The next character, with a shortcut for ASCII */
static inline const char *
next_char (const char *p)
{
  return (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
}

/**
 * dossier_matcher_find:
 * @text: valid UTF-8
 * @matches: (element-type DossierMatch): where to append the matches, in
 *   the order of the text
 * @max_matches: stop when @matches has this many
 */
void
dossier_matcher_find (DossierMatcher *self,
                      const char     *text,
                      GArray         *matches,
                      guint           max_matches)
{
  gboolean identity;
  gboolean after_word = FALSE;
  const char *s, *p, *end;

  if (!self->built)
    build_prefixes (self);

  identity = fold_text (self, text);
  s = self->folded->str;
  end = s + self->folded->len;

  /* Left to right, the longest match wins and the next one starts after
   * it.  Names starting with a word character are tried where a word
   * starts; the others (".NET") wherever their first character is. */
  for (p = s; p < end && matches->len < max_matches;)
    {
      gboolean word = is_word_char (p);
      DossierMatch match;
      gsize len;

      if (word && after_word)
        {
          /* The rest of an ASCII word, in one go */
          p = next_char (p);
          while (p < end && (guchar) *p < 0x80 && g_ascii_isalnum (*p))
            p++;
          continue;
        }
      if (!may_start (self, p, end))
        {
          p = next_char (p);
          after_word = word;
          continue;
        }

      /* At a word start, only the longest name ending well is a candidate;
       * elsewhere a shorter one may do when the longest does not end on a
       * character boundary */
      len = match_at (self, p, identity, word, &match);
      if (len > 0)
        {
          g_array_append_val (matches, match);
          p += len;
          after_word = is_word_char (g_utf8_find_prev_char (s, p));
        }
      else
        {
          p = next_char (p);
          after_word = word;
        }
    }
}
