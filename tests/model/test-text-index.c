/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text index that finds quotes in article bodies: every answer, from
 * its plain scans and from its suffix array once enough scans have run,
 * equals what strstr finds in the paragraphs. */
#include <string.h>

#include "dossier-text-index-private.h"

/* Checks one lookup against a scan of each paragraph in turn */
static void
check_find (DossierTextIndex   *index,
            const char * const *paragraphs,
            guint               n_paragraphs,
            const char         *needle)
{
  guint paragraph = G_MAXUINT;
  gsize offset = G_MAXSIZE;
  gboolean found = dossier_text_index_find (index, needle, &paragraph, &offset);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      const char *at = strstr (paragraphs[i], needle);

      if (at != NULL)
        {
          g_assert_true (found);
          g_assert_cmpuint (paragraph, ==, i);
          g_assert_cmpuint (offset, ==, at - paragraphs[i]);
          return;
        }
    }
  g_assert_false (found);
}

static void
test_matches_strstr (void)
{
  /* Three paragraphs of a small alphabet, so that needles repeat and
   * overlap, long enough for the index to build its suffix array */
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  char *paragraphs[3];
  DossierTextIndex *index;

  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      gsize length = 2000 + 500 * i;

      paragraphs[i] = g_malloc (length + 1);
      for (gsize j = 0; j < length; j++)
        paragraphs[i][j] = "abcd"[g_rand_int_range (rand, 0, 4)];
      paragraphs[i][length] = '\0';
    }
  index = dossier_text_index_new ((const char * const *) paragraphs, G_N_ELEMENTS (paragraphs));

  /* Enough lookups, most of them absent (each scans the whole text), that
   * the later ones go through the suffix array */
  for (guint k = 0; k < 3000; k++)
    {
      guint p = g_rand_int_range (rand, 0, G_N_ELEMENTS (paragraphs));
      gsize length = strlen (paragraphs[p]);
      gsize n = g_rand_int_range (rand, 1, 14);
      gsize start = g_rand_int_range (rand, 0, length - n);
      g_autofree char *needle = g_strndup (paragraphs[p] + start, n);

      if (k % 3 != 0)
        needle[n - 1] = 'e';  /* absent: no paragraph has an 'e' */
      check_find (index, (const char * const *) paragraphs, G_N_ELEMENTS (paragraphs), needle);
    }

  /* The end of one paragraph and the start of the next are not one text */
  {
    g_autofree char *across = g_strconcat (paragraphs[0] + strlen (paragraphs[0]) - 3, "", NULL);
    g_autofree char *joined = g_strdup_printf ("%s%.3s", across, paragraphs[1]);

    if (strstr (paragraphs[0], joined) == NULL && strstr (paragraphs[1], joined) == NULL &&
        strstr (paragraphs[2], joined) == NULL)
      {
        guint paragraph;
        gsize offset;

        g_assert_false (dossier_text_index_find (index, joined, &paragraph, &offset));
      }
  }

  dossier_text_index_free (index);
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    g_free (paragraphs[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-index/matches-strstr", test_matches_strstr);
  return g_test_run ();
}
