/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-problem-private.h"
#include "dossier-syntax-private.h"

typedef enum
{
  EXPECT_VALUE,
  EXPECT_MEMBER,
  AFTER_VALUE,
} State;

typedef struct
{
  const char *data;
  const char *p;
  const char *end;
  DossierProblem *problem;
} Scanner;

/* Line and column (1-based, in characters) of @at in @data, which must be
 * valid UTF-8 up to @at. */
void
dossier_syntax_locate (const char *data,
                       const char *at,
                       int        *line,
                       int        *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }

  *column = g_utf8_strlen (line_start, at - line_start) + 1;
}

static gboolean
fail_at (Scanner    *sc,
         const char *at,
         const char *message)
{
  int line, column;

  dossier_syntax_locate (sc->data, at, &line, &column);
  sc->problem = dossier_problem_new ("", message, line, column);

  return FALSE;
}

/* "unexpected X; EXPECTED" at the current position */
static gboolean
fail_unexpected (Scanner    *sc,
                 const char *expected)
{
  g_autofree char *message = NULL;

  if (sc->p >= sc->end)
    /* Translators: %s says what was expected, e.g. "expected a value" */
    message = g_strdup_printf (_("unexpected end of file; %s"), expected);
  else
    {
      g_autofree char *found = g_strndup (sc->p, g_utf8_next_char (sc->p) - sc->p);

      /* Translators: the first %s is the character found, the second
       * says what was expected, e.g. "expected a value" */
      message = g_strdup_printf (_("unexpected '%s'; %s"), found, expected);
    }

  return fail_at (sc, sc->p, message);
}

static void
skip_space (Scanner *sc)
{
  /* Called before every token: no strchr() */
  while (sc->p < sc->end && (*sc->p == ' ' || *sc->p == '\n' || *sc->p == '\t' || *sc->p == '\r'))
    sc->p++;
}

static int
hex_value (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static gboolean
scan_string (Scanner *sc)
{
  const char *start = sc->p++;

  while (sc->p < sc->end)
    {
      guchar c;
      guint64 word;

      /* Most of a string is plain text: eight bytes at a time */
      if (sc->end - sc->p >= 8)
        {
          memcpy (&word, sc->p, 8);
          if (!dossier_syntax_has_special_byte (word))
            {
              sc->p += 8;
              continue;
            }
        }

      c = *sc->p;

      if (c == '"')
        {
          sc->p++;
          return TRUE;
        }
      else if (c < 0x20)
        {
          /* Translators: a control character is a tab, a line break… */
          return fail_at (sc, sc->p, _("control character in a string; write it as an escape such as \\n or \\t"));
        }
      else if (c != '\\')
        {
          sc->p++;
        }
      else if (sc->p + 1 < sc->end && strchr ("\"\\/bfnrt", sc->p[1]) != NULL && sc->p[1] != '\0')
        {
          sc->p += 2;
        }
      else if (sc->p + 1 < sc->end && sc->p[1] == 'u')
        {
          int unit = sc->end - sc->p >= 6 ? hex_value (sc->p + 2) : -1;

          if (unit < 0)
            return fail_at (sc, sc->p, _("invalid \\u escape; expected four hexadecimal digits"));
          if (unit == 0)
            return fail_at (sc, sc->p, _("strings cannot contain the NUL character (\\u0000)"));
          if (unit >= 0xDC00 && unit <= 0xDFFF)
            return fail_at (sc, sc->p, _("invalid \\u escape: a lone low surrogate"));
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = sc->end - sc->p >= 12 && sc->p[6] == '\\' && sc->p[7] == 'u'
                        ? hex_value (sc->p + 8) : -1;

              if (low < 0xDC00 || low > 0xDFFF)
                return fail_at (sc, sc->p, _("invalid \\u escape: a high surrogate not followed by a low one"));
              sc->p += 6;
            }
          sc->p += 6;
        }
      else
        {
          return fail_at (sc, sc->p, _("invalid escape sequence in a string"));
        }
    }

  return fail_at (sc, start, _("unterminated string"));
}

static gboolean
scan_digits (Scanner *sc)
{
  const char *start = sc->p;

  while (sc->p < sc->end && g_ascii_isdigit (*sc->p))
    sc->p++;

  return sc->p > start;
}

static gboolean
scan_number (Scanner *sc)
{
  const char *start = sc->p;
  gboolean ok = TRUE;

  if (*sc->p == '-')
    sc->p++;
  if (sc->p < sc->end && *sc->p == '0')
    sc->p++;
  else
    ok = scan_digits (sc);
  if (ok && sc->p < sc->end && *sc->p == '.')
    {
      sc->p++;
      ok = scan_digits (sc);
    }
  if (ok && sc->p < sc->end && (*sc->p == 'e' || *sc->p == 'E'))
    {
      sc->p++;
      if (sc->p < sc->end && (*sc->p == '+' || *sc->p == '-'))
        sc->p++;
      ok = scan_digits (sc);
    }
  if (ok && sc->p < sc->end && (g_ascii_isalnum (*sc->p) || *sc->p == '.'))
    ok = FALSE;

  if (!ok)
    return fail_at (sc, start, _("invalid number"));

  return TRUE;
}

static gboolean
scan_literal (Scanner *sc)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize) (sc->end - sc->p) >= len && memcmp (sc->p, literals[i], len) == 0 &&
          (sc->p + len == sc->end || !g_ascii_isalnum (sc->p[len])))
        {
          sc->p += len;
          return TRUE;
        }
    }

  return fail_unexpected (sc, _("expected a value"));
}

static void
clear_outline_member (gpointer data)
{
  DossierOutlineMember *member = data;

  g_clear_pointer (&member->elements, g_array_unref);
}

/**
 * dossier_syntax_check:
 * @data: valid UTF-8 without NUL bytes
 *
 * @outline: (out) (optional) (element-type DossierOutlineMember): where
 *   to put the members of the top-level object, when the text is valid
 *   and that value is an object; otherwise set to %NULL
 *
 * Returns: (transfer full) (nullable): the first syntax problem, or %NULL
 */
DossierProblem *
dossier_syntax_check (const char  *data,
                      gsize        length,
                      GArray     **outline)
{
  g_autoptr(GArray) members = NULL;
  DossierOutlineMember *member = NULL;  /* the one being read */
  DossierSpan *element = NULL;          /* its array's element being read */
  Scanner sc = { data, data, data + length, NULL };
  gboolean in_object[DOSSIER_MAX_DEPTH];
  guint n_elements[DOSSIER_MAX_DEPTH];
  guint depth = 0;
  guint n_values = 0;
  State state = EXPECT_VALUE;
  gboolean ok = TRUE;

  if (outline != NULL)
    *outline = NULL;

  skip_space (&sc);
  if (sc.p == sc.end)
    {
      fail_at (&sc, sc.p, _("the file is empty"));
      return sc.problem;
    }

  while (ok)
    {
      skip_space (&sc);

      if (state == EXPECT_VALUE)
        {
          /* The value of a member of the top-level object, or an element
           * of one that is an array */
          if (members != NULL && depth == 1 && sc.p < sc.end)
            {
              member->value.start = sc.p - data;
              if (*sc.p == '[')
                member->elements = g_array_new (FALSE, FALSE, sizeof (DossierSpan));
            }
          else if (members != NULL && depth == 2 && member->elements != NULL)
            {
              g_array_set_size (member->elements, member->elements->len + 1);
              element = &g_array_index (member->elements, DossierSpan, member->elements->len - 1);
              element->start = sc.p - data;
            }

          if (++n_values > DOSSIER_MAX_VALUES)
            {
              g_autofree char *message =
                g_strdup_printf (_("the file has more than %d values"), DOSSIER_MAX_VALUES);
              ok = fail_at (&sc, sc.p, message);
            }
          else if (sc.p == sc.end)
            ok = fail_unexpected (&sc, _("expected a value"));
          else if (*sc.p == '{' || *sc.p == '[')
            {
              if (depth == DOSSIER_MAX_DEPTH)
                {
                  g_autofree char *message =
                    g_strdup_printf (_("values are nested more than %d levels deep"), DOSSIER_MAX_DEPTH);
                  ok = fail_at (&sc, sc.p, message);
                  continue;
                }
              in_object[depth] = *sc.p == '{';
              if (depth == 0 && in_object[0] && outline != NULL)
                {
                  members = g_array_new (FALSE, TRUE, sizeof (DossierOutlineMember));
                  g_array_set_clear_func (members, clear_outline_member);
                }
              n_elements[depth++] = 1;
              sc.p++;
              skip_space (&sc);
              if (sc.p < sc.end && *sc.p == (in_object[depth - 1] ? '}' : ']'))
                {
                  sc.p++;
                  depth--;
                  state = AFTER_VALUE;
                }
              else
                state = in_object[depth - 1] ? EXPECT_MEMBER : EXPECT_VALUE;
            }
          else
            {
              if (*sc.p == '"')
                ok = scan_string (&sc);
              else if (*sc.p == '-' || g_ascii_isdigit (*sc.p))
                ok = scan_number (&sc);
              else
                ok = scan_literal (&sc);
              state = AFTER_VALUE;
            }
        }
      else if (state == EXPECT_MEMBER)
        {
          const char *name = sc.p;

          if (sc.p == sc.end || *sc.p != '"')
            ok = fail_unexpected (&sc, _("expected a member name in double quotes"));
          else if (scan_string (&sc))
            {
              if (members != NULL && depth == 1)
                {
                  g_array_set_size (members, members->len + 1);
                  member = &g_array_index (members, DossierOutlineMember, members->len - 1);
                  member->key.start = name - data;
                  member->key.end = sc.p - data;
                }
              skip_space (&sc);
              if (sc.p < sc.end && *sc.p == ':')
                {
                  sc.p++;
                  state = EXPECT_VALUE;
                }
              else
                ok = fail_unexpected (&sc, _("expected ':' after the member name"));
            }
          else
            ok = FALSE;
        }
      else if (depth == 0)
        {
          if (sc.p == sc.end)
            break;
          ok = fail_unexpected (&sc, _("expected the end of the file after the JSON value"));
        }
      else if (in_object[depth - 1])
        {
          if (members != NULL && depth == 1 && sc.p < sc.end)
            member->value.end = sc.p - data;

          if (sc.p < sc.end && *sc.p == ',')
            {
              sc.p++;
              state = EXPECT_MEMBER;
            }
          else if (sc.p < sc.end && *sc.p == '}')
            {
              sc.p++;
              depth--;
            }
          else
            ok = fail_unexpected (&sc, _("expected ',' or '}'"));
        }
      else
        {
          if (members != NULL && depth == 2 && member->elements != NULL && sc.p < sc.end)
            element->end = sc.p - data;

          if (sc.p < sc.end && *sc.p == ',')
            {
              if (++n_elements[depth - 1] > DOSSIER_MAX_ARRAY_LENGTH)
                {
                  g_autofree char *message =
                    g_strdup_printf (_("an array has more than %d elements"), DOSSIER_MAX_ARRAY_LENGTH);
                  ok = fail_at (&sc, sc.p, message);
                }
              sc.p++;
              state = EXPECT_VALUE;
            }
          else if (sc.p < sc.end && *sc.p == ']')
            {
              sc.p++;
              depth--;
            }
          else
            ok = fail_unexpected (&sc, _("expected ',' or ']'"));
        }
    }

  if (outline != NULL)
    *outline = sc.problem == NULL ? g_steal_pointer (&members) : NULL;

  return sc.problem;
}
