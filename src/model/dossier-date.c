/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-date.h"
#include "dossier-util-private.h"

struct _DossierDate
{
  int year;
  int month;    /* 0 when the precision is a year */
  int day;      /* 0 unless the precision is a day */
  gboolean approximate;
};

G_DEFINE_BOXED_TYPE (DossierDate, dossier_date, dossier_date_copy, dossier_date_free)
G_DEFINE_QUARK (dossier-date-error-quark, dossier_date_error)

/**
 * dossier_date_new:
 * @year: 1 to 9999
 * @month: 1 to 12, or 0 for a date with year precision
 * @day: a day of @month, or 0 for a date with month or year precision
 * @approximate: whether the date is fuzzy
 *
 * Returns: (transfer full) (nullable): a new date, or %NULL if the parts do
 *   not make a date that exists
 */
DossierDate *
dossier_date_new (int      year,
                  int      month,
                  int      day,
                  gboolean approximate)
{
  DossierDate *date;

  if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0)
    return NULL;
  if (day != 0 && (month == 0 || !g_date_valid_dmy (day, month, year)))
    return NULL;

  date = g_new0 (DossierDate, 1);
  date->year = year;
  date->month = month;
  date->day = day;
  date->approximate = !!approximate;

  return date;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + g_ascii_digit_value (text[i]);
    }
  return TRUE;
}

/**
 * dossier_date_parse:
 * @text: "YYYY", "YYYY-MM" or "YYYY-MM-DD"
 * @approximate: whether the date is fuzzy
 * @error: return location for a %DOSSIER_DATE_ERROR
 *
 * Parses a partial ISO 8601 date strictly: exactly four digits for the
 * year, two for the month and day, nothing before or after.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL with @error set
 */
DossierDate *
dossier_date_parse (const char  *text,
                    gboolean     approximate,
                    GError     **error)
{
  int year = 0, month = 0, day = 0;
  gsize len;
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = strlen (text);
  ok = (len == 4 || len == 7 || len == 10) && parse_digits (text, 4, &year);
  if (ok && len >= 7)
    ok = text[4] == '-' && parse_digits (text + 5, 2, &month);
  if (ok && len == 10)
    ok = text[7] == '-' && parse_digits (text + 8, 2, &day);

  if (!ok)
    {
      /* Any text can be here: the message shows it short and printable */
      g_autofree char *shown = dossier_text_for_message (text);

      g_set_error (error, DOSSIER_DATE_ERROR, DOSSIER_DATE_ERROR_INVALID,
                   /* Translators: %s is the text found where a date was expected */
                   _("\"%s\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"),
                   shown);
      return NULL;
    }
  if (year == 0)
    {
      g_set_error (error, DOSSIER_DATE_ERROR, DOSSIER_DATE_ERROR_INVALID,
                   _("\"%s\" is not a valid date: there is no year 0000"), text);
      return NULL;
    }
  if (len >= 7 && (month < 1 || month > 12))
    {
      g_set_error (error, DOSSIER_DATE_ERROR, DOSSIER_DATE_ERROR_INVALID,
                   _("\"%s\" is not a valid date: the month must be 01 to 12"), text);
      return NULL;
    }
  if (len == 10 && (day < 1 || !g_date_valid_dmy (day, month, year)))
    {
      g_set_error (error, DOSSIER_DATE_ERROR, DOSSIER_DATE_ERROR_INVALID,
                   _("\"%s\" is not a valid date: that month has %d days"),
                   text, (int) g_date_get_days_in_month (month, year));
      return NULL;
    }

  return dossier_date_new (year, month, day, approximate);
}

DossierDate *
dossier_date_copy (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_memdup2 (date, sizeof *date);
}

void
dossier_date_free (DossierDate *date)
{
  g_free (date);
}

int
dossier_date_get_year (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  return date->year;
}

/* Returns: the month (1 to 12), or 0 at year precision */
int
dossier_date_get_month (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  return date->month;
}

/* Returns: the day of the month, or 0 at year or month precision */
int
dossier_date_get_day (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  return date->day;
}

DossierDatePrecision
dossier_date_get_precision (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, DOSSIER_DATE_PRECISION_YEAR);

  if (date->day != 0)
    return DOSSIER_DATE_PRECISION_DAY;
  if (date->month != 0)
    return DOSSIER_DATE_PRECISION_MONTH;
  return DOSSIER_DATE_PRECISION_YEAR;
}

gboolean
dossier_date_is_approximate (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return date->approximate;
}

/**
 * dossier_date_compare:
 *
 * Orders dates chronologically by the day they start on; at the same start
 * the coarser precision comes first ("2025" < "2025-01" < "2025-01-01"),
 * then exact dates before approximate ones.  %NULL sorts after every date,
 * so items without a date go last.
 *
 * Returns: negative, 0 or positive, like strcmp()
 */
int
dossier_date_compare (const DossierDate *a,
                      const DossierDate *b)
{
  int ka[5], kb[5];

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  ka[0] = a->year, ka[1] = MAX (a->month, 1), ka[2] = MAX (a->day, 1);
  kb[0] = b->year, kb[1] = MAX (b->month, 1), kb[2] = MAX (b->day, 1);
  ka[3] = dossier_date_get_precision (a), kb[3] = dossier_date_get_precision (b);
  ka[4] = a->approximate, kb[4] = b->approximate;

  for (guint i = 0; i < G_N_ELEMENTS (ka); i++)
    if (ka[i] != kb[i])
      return ka[i] < kb[i] ? -1 : 1;

  return 0;
}

gboolean
dossier_date_equal (const DossierDate *a,
                    const DossierDate *b)
{
  return dossier_date_compare (a, b) == 0;
}

/**
 * dossier_date_get_start:
 *
 * Returns: (transfer full): midnight UTC of the first day the date covers
 */
GDateTime *
dossier_date_get_start (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_new_utc (date->year, MAX (date->month, 1), MAX (date->day, 1),
                              0, 0, 0);
}

/**
 * dossier_date_get_end:
 *
 * The end is exclusive: the start of the next year, month or day.  GDateTime
 * stops at 9999-12-31, so for dates ending there the end is the last
 * representable microsecond of that day.
 *
 * Returns: (transfer full): the end of the span the date covers, in UTC
 */
GDateTime *
dossier_date_get_end (const DossierDate *date)
{
  g_autoptr(GDateTime) start = NULL;
  GDateTime *end;

  g_return_val_if_fail (date != NULL, NULL);

  start = dossier_date_get_start (date);
  switch (dossier_date_get_precision (date))
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      end = g_date_time_add_years (start, 1);
      break;
    case DOSSIER_DATE_PRECISION_MONTH:
      end = g_date_time_add_months (start, 1);
      break;
    case DOSSIER_DATE_PRECISION_DAY:
    default:
      end = g_date_time_add_days (start, 1);
      break;
    }

  if (end == NULL)
    end = g_date_time_new_utc (9999, 12, 31, 23, 59, 59.999999);

  return end;
}

/**
 * dossier_date_format:
 *
 * Formats the date for display in the current locale, at its precision:
 * "2025", "January 2025", "20 January 2025"; approximate dates get a marker
 * ("about January 2025").
 *
 * Returns: (transfer full): the text
 */
char *
dossier_date_format (const DossierDate *date)
{
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *text = NULL;
  const char *format;

  g_return_val_if_fail (date != NULL, NULL);

  switch (dossier_date_get_precision (date))
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      /* Translators: a g_date_time_format() string for a date known only to
       * the year, e.g. "2025" (Chinese and Japanese "%Y年" gives "2025年") */
      format = C_("date with year precision", "%Y");
      break;
    case DOSSIER_DATE_PRECISION_MONTH:
      /* Translators: a g_date_time_format() string for a date known only to
       * the month, e.g. "January 2025" (German "%OB %Y" gives "Januar 2025",
       * Chinese "%Y年%-m月" gives "2025年1月").  Use %OB for the stand-alone
       * (nominative) month name where your language has one. */
      format = C_("date with month precision", "%B %Y");
      break;
    case DOSSIER_DATE_PRECISION_DAY:
    default:
      /* Translators: a g_date_time_format() string for a full date, e.g.
       * "20 January 2025"; %-d is the day and %-m the month number without
       * padding, %B the month name of the LC_TIME locale.  German would use
       * "%-d. %B %Y", Chinese "%Y年%-m月%-d日".  Check the result: a format
       * that g_date_time_format() rejects falls back to "2025-01-20". */
      format = C_("date with day precision", "%-d %B %Y");
      break;
    }

  start = dossier_date_get_start (date);
  text = g_date_time_format (start, format);
  if (text == NULL)     /* a broken translation: fall back to ISO */
    text = dossier_date_to_iso (date);

  if (date->approximate)
    /* Translators: a date that is only approximately known; %s is the
     * date, e.g. "about January 2025" */
    return g_strdup_printf (C_("approximate date", "about %s"), text);

  return g_steal_pointer (&text);
}

/**
 * dossier_date_to_iso:
 *
 * Returns: (transfer full): the date as the format writes it: "2025",
 *   "2025-01" or "2025-01-20" (the approximate flag is not part of it)
 */
char *
dossier_date_to_iso (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (dossier_date_get_precision (date))
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case DOSSIER_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case DOSSIER_DATE_PRECISION_DAY:
    default:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    }
}
