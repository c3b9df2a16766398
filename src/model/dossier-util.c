/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "dossier-util-private.h"

static gboolean
must_escape (gunichar c)
{
  /* Controls would break the one-line-per-problem output of --validate or
   * drive the terminal; bidirectional and other invisible formatting
   * characters could make a message read as something else. */
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
         g_unichar_type (c) == G_UNICODE_FORMAT;
}

/**
 * dossier_text_for_message:
 * @text: a value from a dossier file (any bytes)
 *
 * The value as a message shows it between double quotes: on one line,
 * with quotes, backslashes and invisible or control characters written as
 * JSON escapes (invalid UTF-8 as \xHH), and cut after
 * %DOSSIER_MAX_SHOWN_CHARS characters with an ellipsis, so that a message
 * stays short and printable whatever the file holds.
 *
 * Returns: (transfer full): the text to show
 */
char *
dossier_text_for_message (const char *text)
{
  gsize length = strlen (text);
  GString *out = g_string_sized_new (MIN (length, 4 * DOSSIER_MAX_SHOWN_CHARS) + 8);
  const char *end = text + length;
  guint n = 0;

  for (const char *p = text; p < end; n++)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (n == DOSSIER_MAX_SHOWN_CHARS)
        {
          g_string_append (out, "…");
          break;
        }

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (!must_escape (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else if (c <= 0xFFFF)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_printf (out, "\\u%04X\\u%04X",
                                    0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF));
        }
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}
