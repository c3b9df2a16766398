/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "dossier-text-index-private.h"

/* Between paragraphs: a byte that never occurs in UTF-8, so that no quote
 * (valid UTF-8) can match across two paragraphs */
#define SEPARATOR 0xFF

#ifndef DOSSIER_FUZZING
/* Plain scans (strstr) run until they have read this many times the text:
 * building the suffix array costs about as much as a hundred scans
 * (measured: ~19 ns per byte against ~0.2 for strstr), so an article quoted
 * a few dozen times never pays for it, while a file that quotes one long
 * article thousands of times stays linear instead of quadratic */
#define PLAIN_SCAN_BUDGET 64
/* Short texts are scanned faster than any index is built */
#define MIN_INDEXED_LENGTH 1024
#else
/* The fuzzer's inputs are small: index them all after one scan, and check
 * every indexed lookup against a plain scan */
#define PLAIN_SCAN_BUDGET 0
#define MIN_INDEXED_LENGTH 2
#endif
/* Range minimum: block minima with a sparse table over them */
#define BLOCK 256

/* A needle found before */
typedef struct
{
  gsize position;
  guint32 length;
  guint32 hash;
} Found;

struct _DossierTextIndex
{
  /* The paragraphs, not copied (the caller keeps them), and where each
   * would start in the text below */
  const char * const *paragraphs;
  guint n_paragraphs;
  gsize *starts;
  gsize length;         /* of the text below, including the NUL */
  char **owned;         /* the paragraphs, when the index owns them */

  /* The needles looked for so far, so that a quote cited many times is
   * looked for once.  Those found are not copied (a copy of every quote,
   * kept as long as the loader keeps the index, weighed as much as the
   * quotes themselves): a needle's hash, length and position are enough to
   * tell it is the same one, since the text at the position is that
   * needle.  An open-addressing table (linear probing, at most half full)
   * holds their indexes + 1 into found. */
  GArray *found;        /* Found */
  guint32 *slots;
  gsize n_slots;        /* a power of two, at least twice found->len; or 0 */
  GHashTable *absent;   /* the needles not found (copies); NULL until one */
  gsize scanned;        /* bytes read by plain scans so far */

  /* NULL until built: the paragraphs, each followed by SEPARATOR, then a
   * NUL that ends the text (the only one: a paragraph has no NUL); the
   * suffix array of text and the range-minimum table over it
   * (sparse[k][i] = the smallest position among blocks i .. i + 2^k - 1) */
  guchar *text;
  gint32 *sa;
  gint32 **sparse;
  guint n_levels;
  gsize n_blocks;
};

/**
 * dossier_text_index_new:
 * @paragraphs: (array length=n_paragraphs): texts without NUL, which must
 *   stay as they are until the index is freed
 */
DossierTextIndex *
dossier_text_index_new (const char * const *paragraphs,
                        guint               n_paragraphs)
{
  DossierTextIndex *self = g_new0 (DossierTextIndex, 1);
  gsize length = 1;

  self->paragraphs = paragraphs;
  self->n_paragraphs = n_paragraphs;
  self->starts = g_new (gsize, MAX (n_paragraphs, 1));
  for (guint i = 0; i < n_paragraphs; i++)
    {
      self->starts[i] = length - 1;
      length += strlen (paragraphs[i]) + 1;
    }
  self->length = length;
  self->found = g_array_new (FALSE, FALSE, sizeof (Found));

  return self;
}

/**
 * dossier_text_index_new_take:
 * @paragraphs: (transfer full) (array length=n_paragraphs): as for
 *   dossier_text_index_new(), freed with the index
 */
DossierTextIndex *
dossier_text_index_new_take (char  **paragraphs,
                             guint   n_paragraphs)
{
  DossierTextIndex *self = dossier_text_index_new ((const char * const *) paragraphs, n_paragraphs);

  self->owned = paragraphs;

  return self;
}

/* The text the suffix array is built over */
static void
join_paragraphs (DossierTextIndex *self)
{
  guchar *p = self->text = g_malloc (self->length);

  for (guint i = 0; i < self->n_paragraphs; i++)
    {
      gsize len = strlen (self->paragraphs[i]);

      memcpy (p, self->paragraphs[i], len);
      p += len;
      *p++ = SEPARATOR;
    }
  *p = '\0';
}

/* Where @needle first occurs, by a plain scan of each paragraph */
static gboolean
find_scanning (DossierTextIndex *self,
               const char       *needle,
               gsize            *position)
{
  for (guint i = 0; i < self->n_paragraphs; i++)
    {
      const char *at = strstr (self->paragraphs[i], needle);

      if (at != NULL)
        {
          *position = self->starts[i] + (at - self->paragraphs[i]);
          self->scanned += *position + strlen (needle);
          return TRUE;
        }
    }
  self->scanned += self->length;

  return FALSE;
}

void
dossier_text_index_free (DossierTextIndex *self)
{
  if (self == NULL)
    return;

  for (guint k = 0; k < self->n_levels; k++)
    g_free (self->sparse[k]);
  g_free (self->sparse);
  g_free (self->sa);
  g_array_unref (self->found);
  g_free (self->slots);
  g_clear_pointer (&self->absent, g_hash_table_unref);
  g_free (self->starts);
  g_free (self->text);
  g_strfreev (self->owned);
  g_free (self);
}

/* SA-IS (Nong, Zhang and Chan, "Two efficient algorithms for linear time
 * suffix array construction", 2011): the suffix array of s[0..n-1], whose
 * characters are bytes (cs == 1) or gint32 (cs == 4) in 0..k, and whose
 * last character is a 0 found nowhere else.  Besides @sa it needs n/8
 * bytes and a bucket array of k + 1 integers; the reduced problem is
 * solved in @sa itself. */

#define CHR(i) (cs == sizeof (gint32) ? ((const gint32 *) s)[i] : (gint32) ((const guchar *) s)[i])
#define TGET(i) ((t[(i) / 8] >> ((i) % 8)) & 1)
#define TSET(i, b) (t[(i) / 8] = (b) ? (t[(i) / 8] | (1 << ((i) % 8))) : (t[(i) / 8] & ~(1 << ((i) % 8))))
#define IS_LMS(i) ((i) > 0 && TGET (i) && !TGET ((i) - 1))

/* The start (or with @end, the end) of each character's bucket */
static void
get_buckets (const void *s,
             gint32     *bkt,
             gint32      n,
             gint32      k,
             gsize       cs,
             gboolean    end)
{
  gint32 sum = 0;

  memset (bkt, 0, sizeof (gint32) * (k + 1));
  for (gint32 i = 0; i < n; i++)
    bkt[CHR (i)]++;
  for (gint32 i = 0; i <= k; i++)
    {
      sum += bkt[i];
      bkt[i] = end ? sum : sum - bkt[i];
    }
}

static void
induce_l (const guchar *t,
          gint32       *sa,
          const void   *s,
          gint32       *bkt,
          gint32        n,
          gint32        k,
          gsize         cs)
{
  get_buckets (s, bkt, n, k, cs, FALSE);
  for (gint32 i = 0; i < n; i++)
    {
      gint32 j = sa[i] - 1;

      if (j >= 0 && !TGET (j))
        sa[bkt[CHR (j)]++] = j;
    }
}

static void
induce_s (const guchar *t,
          gint32       *sa,
          const void   *s,
          gint32       *bkt,
          gint32        n,
          gint32        k,
          gsize         cs)
{
  get_buckets (s, bkt, n, k, cs, TRUE);
  for (gint32 i = n - 1; i >= 0; i--)
    {
      gint32 j = sa[i] - 1;

      if (j >= 0 && TGET (j))
        sa[--bkt[CHR (j)]] = j;
    }
}

static void
sa_is (const void *s,
       gint32     *sa,
       gint32      n,
       gint32      k,
       gsize       cs)
{
  g_autofree guchar *t = g_malloc0 (n / 8 + 1);   /* S-type (1) or L-type (0) */
  g_autofree gint32 *bkt = g_new (gint32, k + 1);
  gint32 n1 = 0, name = 0, prev = -1;
  gint32 *sa1, *s1;

  g_assert (n >= 2 && CHR (n - 1) == 0);

  /* Classify the suffixes; the sentinel is S, the one before it L */
  TSET (n - 2, 0);
  TSET (n - 1, 1);
  for (gint32 i = n - 3; i >= 0; i--)
    TSET (i, CHR (i) < CHR (i + 1) || (CHR (i) == CHR (i + 1) && TGET (i + 1)));

  /* Stage 1: sort the LMS substrings by induction */
  get_buckets (s, bkt, n, k, cs, TRUE);
  for (gint32 i = 0; i < n; i++)
    sa[i] = -1;
  for (gint32 i = 1; i < n; i++)
    if (IS_LMS (i))
      sa[--bkt[CHR (i)]] = i;
  induce_l (t, sa, s, bkt, n, k, cs);
  induce_s (t, sa, s, bkt, n, k, cs);

  /* Compact the sorted LMS substrings into the first n1 items (2 × n1 ≤ n) */
  for (gint32 i = 0; i < n; i++)
    if (IS_LMS (sa[i]))
      sa[n1++] = sa[i];

  /* Name them: equal substrings get equal names */
  for (gint32 i = n1; i < n; i++)
    sa[i] = -1;
  for (gint32 i = 0; i < n1; i++)
    {
      gint32 pos = sa[i];
      gboolean diff = FALSE;

      for (gint32 d = 0; d < n; d++)
        {
          if (prev == -1 || CHR (pos + d) != CHR (prev + d) || TGET (pos + d) != TGET (prev + d))
            {
              diff = TRUE;
              break;
            }
          if (d > 0 && (IS_LMS (pos + d) || IS_LMS (prev + d)))
            break;
        }
      if (diff)
        {
          name++;
          prev = pos;
        }
      sa[n1 + pos / 2] = name - 1;
    }
  for (gint32 i = n - 1, j = n - 1; i >= n1; i--)
    if (sa[i] >= 0)
      sa[j--] = sa[i];

  /* Stage 2: the suffix array of the reduced string s1, recursively if
   * its names are not unique yet */
  sa1 = sa;
  s1 = sa + n - n1;
  if (name < n1)
    {
      /* The buckets of the reduced problem are its own */
      g_clear_pointer (&bkt, g_free);
      sa_is (s1, sa1, n1, name - 1, sizeof (gint32));
      bkt = g_new (gint32, k + 1);
    }
  else
    for (gint32 i = 0; i < n1; i++)
      sa1[s1[i]] = i;

  /* Stage 3: induce the suffix array of s from that of s1 */
  get_buckets (s, bkt, n, k, cs, TRUE);
  for (gint32 i = 1, j = 0; i < n; i++)
    if (IS_LMS (i))
      s1[j++] = i;
  for (gint32 i = 0; i < n1; i++)
    sa1[i] = s1[sa1[i]];
  for (gint32 i = n1; i < n; i++)
    sa[i] = -1;
  for (gint32 i = n1 - 1; i >= 0; i--)
    {
      gint32 j = sa[i];

      sa[i] = -1;
      sa[--bkt[CHR (j)]] = j;
    }
  induce_l (t, sa, s, bkt, n, k, cs);
  induce_s (t, sa, s, bkt, n, k, cs);
}

#undef CHR
#undef TGET
#undef TSET
#undef IS_LMS

static void
build (DossierTextIndex *self)
{
  gint32 n = (gint32) self->length;

  join_paragraphs (self);

  self->sa = g_new (gint32, n);
  sa_is (self->text, self->sa, n, 255, 1);

  self->n_blocks = (self->length + BLOCK - 1) / BLOCK;
  self->n_levels = 1;
  while (((gsize) 1 << self->n_levels) <= self->n_blocks)
    self->n_levels++;
  self->sparse = g_new0 (gint32 *, self->n_levels);

  self->sparse[0] = g_new (gint32, self->n_blocks);
  for (gsize b = 0; b < self->n_blocks; b++)
    {
      gsize end = MIN ((b + 1) * BLOCK, self->length);
      gint32 min = G_MAXINT32;

      for (gsize i = b * BLOCK; i < end; i++)
        min = MIN (min, self->sa[i]);
      self->sparse[0][b] = min;
    }
  for (guint level = 1; level < self->n_levels; level++)
    {
      gsize half = (gsize) 1 << (level - 1);
      gsize n_entries = self->n_blocks - ((gsize) 1 << level) + 1;

      self->sparse[level] = g_new (gint32, n_entries);
      for (gsize i = 0; i < n_entries; i++)
        self->sparse[level][i] = MIN (self->sparse[level - 1][i], self->sparse[level - 1][i + half]);
    }
}

/* The smallest of sa[first .. last - 1] */
static gint32
range_min (DossierTextIndex *self,
           gsize             first,
           gsize             last)
{
  gsize first_block = first / BLOCK, last_block = (last - 1) / BLOCK;
  gint32 min = G_MAXINT32;

  if (first_block == last_block)
    {
      for (gsize i = first; i < last; i++)
        min = MIN (min, self->sa[i]);
      return min;
    }

  for (gsize i = first; i < (first_block + 1) * BLOCK; i++)
    min = MIN (min, self->sa[i]);
  for (gsize i = last_block * BLOCK; i < last; i++)
    min = MIN (min, self->sa[i]);

  if (first_block + 1 < last_block)
    {
      gsize a = first_block + 1, b = last_block - 1;
      guint level = g_bit_storage (b - a + 1) - 1;

      min = MIN (min, self->sparse[level][a]);
      min = MIN (min, self->sparse[level][b - ((gsize) 1 << level) + 1]);
    }

  return min;
}

static gboolean
find_indexed (DossierTextIndex *self,
              const char       *needle,
              gsize            *position)
{
  gsize m = strlen (needle);
  gsize lo = 0, hi = self->length, first;

  /* The suffixes that start with @needle are a range of the array.  The
   * text ends with its only NUL and @needle has none, so strncmp() stops
   * within the text. */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (strncmp ((const char *) self->text + self->sa[mid], needle, m) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  first = lo;

  hi = self->length;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (strncmp ((const char *) self->text + self->sa[mid], needle, m) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (first == lo)
    return FALSE;

  *position = range_min (self, first, lo);
  return TRUE;
}

/* The paragraph that holds @position: the last starting at or before it */
static guint
paragraph_at (DossierTextIndex *self,
              gsize             position)
{
  guint lo = 0, hi = self->n_paragraphs;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->starts[mid] <= position)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static void
found_insert (DossierTextIndex *self,
              guint             index)
{
  gsize mask = self->n_slots - 1;
  gsize i = g_array_index (self->found, Found, index).hash & mask;

  while (self->slots[i] != 0)
    i = (i + 1) & mask;
  self->slots[i] = index + 1;
}

static void
remember_found (DossierTextIndex *self,
                const char       *needle,
                guint             hash,
                gsize             position)
{
  gsize length = strlen (needle);
  Found found = { position, (guint32) length, hash };

  if (length > G_MAXUINT32)
    return;

  g_array_append_val (self->found, found);
  if (2 * (gsize) self->found->len > self->n_slots)
    {
      g_free (self->slots);
      self->n_slots = MAX (16, 2 * self->n_slots);
      self->slots = g_new0 (guint32, self->n_slots);
      for (guint k = 0; k < self->found->len; k++)
        found_insert (self, k);
    }
  else
    {
      found_insert (self, self->found->len - 1);
    }
}

/* Where @needle was found before, if it was */
static gboolean
recall_found (DossierTextIndex *self,
              const char       *needle,
              guint             hash,
              gsize            *position)
{
  gsize mask = self->n_slots - 1;
  gsize length;

  if (self->n_slots == 0)
    return FALSE;

  length = strlen (needle);
  for (gsize i = hash & mask; self->slots[i] != 0; i = (i + 1) & mask)
    {
      const Found *found = &g_array_index (self->found, Found, self->slots[i] - 1);
      guint p;

      if (found->hash != hash || found->length != length)
        continue;

      /* The text there is the needle found, which is within a paragraph */
      p = paragraph_at (self, found->position);
      if (memcmp (self->paragraphs[p] + (found->position - self->starts[p]), needle, length) == 0)
        {
          *position = found->position;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * dossier_text_index_find:
 * @needle: non-empty valid UTF-8
 * @paragraph: (out): the paragraph of the first occurrence
 * @offset: (out): its byte offset in that paragraph
 *
 * Returns: whether @needle occurs in one of the paragraphs
 */
gboolean
dossier_text_index_find (DossierTextIndex *self,
                         const char       *needle,
                         guint            *paragraph,
                         gsize            *offset)
{
  guint hash = g_str_hash (needle);
  gsize position = 0;

  g_assert (needle[0] != '\0');

  if (self->absent != NULL && g_hash_table_contains (self->absent, needle))
    return FALSE;

  if (!recall_found (self, needle, hash, &position))
    {
      gboolean found;

      if (self->sa == NULL && self->scanned >= PLAIN_SCAN_BUDGET * self->length &&
          self->length >= MIN_INDEXED_LENGTH && self->length <= G_MAXINT32)
        build (self);

      if (self->sa != NULL)
        {
          found = find_indexed (self, needle, &position);
#ifdef DOSSIER_FUZZING
          {
            gsize scanned_position = 0;

            g_assert (found == find_scanning (self, needle, &scanned_position));
            g_assert (!found || position == scanned_position);
          }
#endif
        }
      else
        {
          found = find_scanning (self, needle, &position);
        }

      if (!found)
        {
          if (self->absent == NULL)
            self->absent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_add (self->absent, g_strdup (needle));
          return FALSE;
        }
      remember_found (self, needle, hash, position);
    }

  *paragraph = paragraph_at (self, position);
  *offset = position - self->starts[*paragraph];

  return TRUE;
}
