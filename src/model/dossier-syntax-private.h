/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-problem.h"

G_BEGIN_DECLS

/*
 * A strict check of JSON syntax (RFC 8259) run before json-glib parses the
 * text.  json-glib 1.6 accepts more than JSON (comments, single quotes,
 * hexadecimal numbers, text after the root value), parses recursively
 * without a depth limit and builds every value in memory, so this pass also
 * enforces the limits that keep any input from crashing or exhausting the
 * loader.  It reports the first problem with its line and column.
 */

/* Deeper nesting is refused; the format itself needs fewer than 10 levels. */
#define DOSSIER_MAX_DEPTH 64
/* At most this many elements in any one array */
#define DOSSIER_MAX_ARRAY_LENGTH 1000000
/* At most this many values in the whole file (about 80 bytes each once
 * parsed), enough for 100,000 events with their sources */
#define DOSSIER_MAX_VALUES 4000000

/* Where something is in the text, in bytes from its start */
typedef struct
{
  gsize start;
  gsize end;
} DossierSpan;

/* One member of the top-level object, as the syntax check found it: the
 * loader parses each element of a top-level array on its own, so that the
 * whole file never has to be one tree in memory. */
typedef struct
{
  DossierSpan key;      /* the member name with its quotes, as written */
  DossierSpan value;
  GArray *elements;     /* DossierSpan of each element when the value is an
                         * array, otherwise NULL */
} DossierOutlineMember;

DossierProblem *dossier_syntax_check (const char  *data,
                                      gsize        length,
                                      GArray     **outline);

void            dossier_syntax_locate (const char *data,
                                       const char *at,
                                       int        *line,
                                       int        *column);

/* Whether one of the eight bytes of @word is a quote, a backslash or a
 * control character: what ends the plain run of a string */
static inline gboolean
dossier_syntax_has_special_byte (guint64 word)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quotes = word ^ (ones * '"');
  guint64 backslashes = word ^ (ones * '\\');

  /* A byte is zero in x when (x - 1) borrows into its high bit while x's
   * own high bit is clear; below 0x20 likewise with x - 0x20 */
  return ((((quotes - ones) & ~quotes) |
           ((backslashes - ones) & ~backslashes) |
           ((word - ones * 0x20) & ~word)) & highs) != 0;
}

G_END_DECLS
