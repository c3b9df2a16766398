/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * DossierMatcher finds many names in text at once: whole words, ignoring
 * case (Unicode case folding), reporting byte positions in the original
 * text.  It is what makes the mention index cheap: each text is folded once
 * and scanned once; from each word start it reads on while what it has read
 * is the beginning of some name (a hash table of the names' prefixes), so
 * the cost does not grow with the number of names.
 *
 * "Whole word" means the characters next to a match are not letters, digits
 * or combining marks (where the name itself starts or ends with one).  Matches
 * do not overlap: the leftmost wins, then the longest.  There is no Unicode
 * normalization: "Zürich" written with a combining diaeresis is not found
 * by a name with a precomposed ü.  Scripts written without spaces (Chinese,
 * Japanese) have no word starts inside a run of text, so names in them are
 * only found where punctuation or spaces surround them.
 *
 * Names longer than 128 bytes once case-folded are not searched for: that
 * bound keeps a search linear in the text (at most 128 steps from each
 * place) whatever names a file holds.
 */

typedef struct _DossierMatcher DossierMatcher;

typedef struct
{
  gsize offset;         /* in bytes, in the original text */
  gsize length;         /* in bytes, in the original text */
  gpointer data;        /* as given to dossier_matcher_add() */
} DossierMatch;

DossierMatcher *dossier_matcher_new  (void);
void            dossier_matcher_free (DossierMatcher *self);
void            dossier_matcher_add  (DossierMatcher *self,
                                      const char     *name,
                                      gpointer        data);
void            dossier_matcher_find (DossierMatcher *self,
                                      const char     *text,
                                      GArray         *matches,
                                      guint           max_matches);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierMatcher, dossier_matcher_free)

G_END_DECLS
