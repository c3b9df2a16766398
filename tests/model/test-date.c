/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "dossier-model.h"

static void
test_parse_valid (void)
{
  static const struct {
    const char *text;
    int year, month, day;
    DossierDatePrecision precision;
  } cases[] = {
    { "2025", 2025, 0, 0, DOSSIER_DATE_PRECISION_YEAR },
    { "2025-01", 2025, 1, 0, DOSSIER_DATE_PRECISION_MONTH },
    { "2025-01-20", 2025, 1, 20, DOSSIER_DATE_PRECISION_DAY },
    { "2024-02-29", 2024, 2, 29, DOSSIER_DATE_PRECISION_DAY },
    { "2000-02-29", 2000, 2, 29, DOSSIER_DATE_PRECISION_DAY },
    { "0001", 1, 0, 0, DOSSIER_DATE_PRECISION_YEAR },
    { "9999-12-31", 9999, 12, 31, DOSSIER_DATE_PRECISION_DAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDate) date = dossier_date_parse (cases[i].text, FALSE, &error);
      g_autofree char *iso = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (date);
      g_assert_cmpint (dossier_date_get_year (date), ==, cases[i].year);
      g_assert_cmpint (dossier_date_get_month (date), ==, cases[i].month);
      g_assert_cmpint (dossier_date_get_day (date), ==, cases[i].day);
      g_assert_cmpint (dossier_date_get_precision (date), ==, cases[i].precision);
      g_assert_false (dossier_date_is_approximate (date));

      iso = dossier_date_to_iso (date);
      g_assert_cmpstr (iso, ==, cases[i].text);
    }
}

static void
test_parse_invalid (void)
{
  static const char * const cases[] = {
    "2025-02-30", "2023-02-29", "1900-02-29", "2025-04-31", "2025-1", "25",
    "2025-13", "2025-00", "2025-01-00", "2025-01-32", "0000", "2025-01-20x",
    "2025x", " 2025", "2025 ", "2025-01-20T09:00", "", "20250120", "2025/01/20",
    "2025-1-20", "+2025", "-2025", "２０２５", "2025-01-2", "20 January 2025",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDate) date = dossier_date_parse (cases[i], FALSE, &error);

      if (date != NULL)
        g_error ("\"%s\" parsed as a date", cases[i]);
      g_assert_error (error, DOSSIER_DATE_ERROR, DOSSIER_DATE_ERROR_INVALID);
      /* The message names what was wrong */
      g_assert_nonnull (strstr (error->message, cases[i]));
    }
}

static void
test_parse_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDate) date = dossier_date_parse ("2025-02-30", FALSE, &error);

  g_assert_null (date);
  g_assert_cmpstr (error->message, ==, "\"2025-02-30\" is not a valid date: that month has 28 days");
  g_clear_error (&error);

  date = dossier_date_parse ("2025-13", FALSE, &error);
  g_assert_null (date);
  g_assert_cmpstr (error->message, ==, "\"2025-13\" is not a valid date: the month must be 01 to 12");
}

static void
test_new (void)
{
  g_autoptr(DossierDate) day = dossier_date_new (2025, 1, 20, TRUE);
  g_autoptr(DossierDate) copy = NULL;

  g_assert_nonnull (day);
  g_assert_true (dossier_date_is_approximate (day));
  copy = dossier_date_copy (day);
  g_assert_true (dossier_date_equal (day, copy));
  g_assert_true (copy != day);

  g_assert_null (dossier_date_new (2025, 2, 30, FALSE));
  g_assert_null (dossier_date_new (2023, 2, 29, FALSE));
  g_assert_null (dossier_date_new (2025, 0, 5, FALSE));
  g_assert_null (dossier_date_new (2025, 13, 0, FALSE));
  g_assert_null (dossier_date_new (0, 0, 0, FALSE));
  g_assert_null (dossier_date_new (10000, 0, 0, FALSE));
  g_assert_null (dossier_date_new (2025, -1, 0, FALSE));
  g_assert_null (dossier_date_new (2025, 1, -1, FALSE));
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return dossier_date_compare (*(DossierDate **) a, *(DossierDate **) b);
}

static void
test_compare (void)
{
  /* In the order they must sort */
  static const char * const sorted[] = {
    "2024", "2024-12", "2024-12-31", "2025", "2025-01", "2025-01-01",
    "2025-01-20", "2025-02", "2025-02-01",
  };
  /* A fixed shuffle of the above */
  static const guint shuffle[] = { 5, 2, 8, 0, 7, 3, 1, 6, 4 };
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_date_free);
  g_autoptr(DossierDate) exact = dossier_date_parse ("2025-01", FALSE, NULL);
  g_autoptr(DossierDate) fuzzy = dossier_date_parse ("2025-01", TRUE, NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (sorted) == G_N_ELEMENTS (shuffle));

  for (guint i = 0; i < G_N_ELEMENTS (shuffle); i++)
    g_ptr_array_add (dates, dossier_date_parse (sorted[shuffle[i]], FALSE, NULL));
  g_ptr_array_add (dates, NULL);
  g_ptr_array_sort (dates, compare_dates);

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autofree char *iso = dossier_date_to_iso (dates->pdata[i]);

      g_assert_cmpstr (iso, ==, sorted[i]);
      if (i > 0)
        {
          g_assert_cmpint (dossier_date_compare (dates->pdata[i - 1], dates->pdata[i]), <, 0);
          g_assert_cmpint (dossier_date_compare (dates->pdata[i], dates->pdata[i - 1]), >, 0);
        }
    }
  /* NULL sorts last */
  g_assert_null (dates->pdata[dates->len - 1]);
  g_assert_cmpint (dossier_date_compare (NULL, NULL), ==, 0);

  /* Exact before approximate on the same date, and not equal */
  g_assert_cmpint (dossier_date_compare (exact, fuzzy), <, 0);
  g_assert_false (dossier_date_equal (exact, fuzzy));
}

static void
assert_span (const char *text,
             const char *start_iso,
             const char *end_iso)
{
  g_autoptr(DossierDate) date = dossier_date_parse (text, FALSE, NULL);
  g_autoptr(GDateTime) start = dossier_date_get_start (date);
  g_autoptr(GDateTime) end = dossier_date_get_end (date);
  g_autofree char *start_text = g_date_time_format_iso8601 (start);
  g_autofree char *end_text = g_date_time_format_iso8601 (end);

  g_assert_cmpstr (start_text, ==, start_iso);
  g_assert_cmpstr (end_text, ==, end_iso);
}

static void
test_span (void)
{
  assert_span ("2025", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
  assert_span ("2024-02", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z");
  assert_span ("2024-12", "2024-12-01T00:00:00Z", "2025-01-01T00:00:00Z");
  assert_span ("2024-12-31", "2024-12-31T00:00:00Z", "2025-01-01T00:00:00Z");
  /* GDateTime ends at 9999 */
  assert_span ("9999", "9999-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z");
}

static void
assert_format (const char *text,
               gboolean    approximate,
               const char *expected)
{
  g_autoptr(DossierDate) date = dossier_date_parse (text, approximate, NULL);
  g_autofree char *formatted = dossier_date_format (date);

  g_assert_cmpstr (formatted, ==, expected);
}

static void
test_format (void)
{
  assert_format ("2025", FALSE, "2025");
  assert_format ("2025-01", FALSE, "January 2025");
  assert_format ("2025-01-20", FALSE, "20 January 2025");
  assert_format ("2025-01-05", FALSE, "5 January 2025");
  assert_format ("2025-01", TRUE, "about January 2025");
  assert_format ("2025", TRUE, "about 2025");
}

static void
test_boxed (void)
{
  g_autoptr(DossierDate) date = dossier_date_parse ("2025-01-20", FALSE, NULL);
  DossierDate *copy = g_boxed_copy (DOSSIER_TYPE_DATE, date);

  g_assert_true (G_TYPE_IS_BOXED (DOSSIER_TYPE_DATE));
  g_assert_true (dossier_date_equal (date, copy));
  g_boxed_free (DOSSIER_TYPE_DATE, copy);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/parse/messages", test_parse_messages);
  g_test_add_func ("/date/new", test_new);
  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/span", test_span);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/boxed", test_boxed);

  return g_test_run ();
}
