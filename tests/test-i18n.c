/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The translations reach the user: with LC_ALL=C.UTF-8 and LANGUAGE=xx
 * the window's view titles and primary menu come out of the built .mo
 * files, and dates read naturally at each precision. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-date.h"
#include "dossier-test-utils.h"
#include "dossier-window.h"

static const char *languages[] = { "de", "es", "fr", "ja", "zh_CN" };

/* The locales generated for LC_TIME, in a temporary LOCPATH */
static char *locpath;

/* Switches the messages to @language.  setlocale() also tells gettext
 * that its cached translations are stale. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_assert_nonnull (bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOSSIER_LOCALEDIR")));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Translations that are rightly the same as the English */
static const struct
{
  const char *language;
  const char *english;
} same_as_english[] = {
  { "fr", "Articles" },
};

static gboolean
is_same_as_english (const char *language,
                    const char *english)
{
  for (guint i = 0; i < G_N_ELEMENTS (same_as_english); i++)
    if (g_str_equal (same_as_english[i].language, language) &&
        g_str_equal (same_as_english[i].english, english))
      return TRUE;
  return FALSE;
}

/* The translation of @english in the .mo file, which must exist: a string
 * that comes back untranslated means the translation is missing (the few
 * that are rightly the same are listed above; the other strings of the
 * same test prove that the catalog is there). */
static const char *
expect_translated (const char *language,
                   const char *english)
{
  const char *translated = g_dgettext (GETTEXT_PACKAGE, english);

  if (g_strcmp0 (translated, english) == 0 && !is_same_as_english (language, english))
    g_error ("“%s” is not translated for %s (is %s/%s/LC_MESSAGES/%s.mo built?)",
             english, language, g_getenv ("DOSSIER_LOCALEDIR"), language, GETTEXT_PACKAGE);
  return translated;
}

/* The labels of a menu in order, sections flattened */
static void
collect_menu_labels (GMenuModel *menu,
                     GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *label = NULL;

      if (section != NULL)
        collect_menu_labels (section, labels);
      else if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, g_steal_pointer (&label));
    }
}

static void
test_window (gconstpointer data)
{
  const char *language = data;
  static const char *view_titles[] = { N_("Articles"), N_("Timeline"), N_("Relationships"), N_("Discrepancies") };
  static const char *menu_labels[] = { N_("_Open…"), N_("_Keyboard Shortcuts"), N_("_About Dossier") };
  g_autoptr(DossierApplication) app = NULL;
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  DossierWindow *window;
  GtkWidget *stack, *menu_button;
  GMenuModel *menu;

  use_language (language);

  app = dossier_application_new ();
  window = dossier_test_new_window (app);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  stack = dossier_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  pages = adw_view_stack_get_pages (ADW_VIEW_STACK (stack));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (view_titles));
  for (guint i = 0; i < G_N_ELEMENTS (view_titles); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *expected = expect_translated (language, view_titles[i]);

      g_test_message ("%s: view %u is “%s”", language, i, adw_view_stack_page_get_title (page));
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected);
      if (!is_same_as_english (language, view_titles[i]))
        g_assert_cmpstr (adw_view_stack_page_get_title (page), !=, view_titles[i]);
    }

  menu_button = dossier_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  /* The menu is given to its button when it first opens */
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (menu);
  collect_menu_labels (menu, labels);
  g_assert_cmpuint (labels->len, ==, G_N_ELEMENTS (menu_labels));
  for (guint i = 0; i < G_N_ELEMENTS (menu_labels); i++)
    {
      const char *expected = expect_translated (language, menu_labels[i]);

      g_test_message ("%s: menu item %u is “%s”", language, i, (const char *) labels->pdata[i]);
      g_assert_cmpstr (labels->pdata[i], ==, expected);
      if (!is_same_as_english (language, menu_labels[i]))
        g_assert_cmpstr (labels->pdata[i], !=, menu_labels[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
remove_locpath (void)
{
  const char *argv[] = { "rm", "-rf", locpath, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&locpath, g_free);
}

/* Compiles @locale (e.g. "de_DE") for UTF-8 into the temporary LOCPATH,
 * since a test machine usually has no locale but C generated.
 *
 * Returns: the locale name to pass to setlocale(), or %NULL with the
 *   test skipped when localedef or the locale's source is missing */
static char *
generate_locale (const char *locale)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *source = g_build_filename ("/usr/share/i18n/locales", locale, NULL);
  g_autofree char *name = g_strconcat (locale, ".UTF-8", NULL);
  g_autofree char *out_dir = NULL;
  g_autofree char *lc_time = NULL;

  if (localedef == NULL || !g_file_test (source, G_FILE_TEST_EXISTS))
    {
      g_autofree char *why = g_strdup_printf ("cannot generate %s: localedef and the locale "
                                              "sources are in Debian's “locales” package", name);

      g_test_skip (why);
      return NULL;
    }

  if (locpath == NULL)
    {
      g_autoptr(GError) error = NULL;

      locpath = g_dir_make_tmp ("dossier-locales-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_locpath);
    }

  out_dir = g_build_filename (locpath, name, NULL);
  lc_time = g_build_filename (out_dir, "LC_TIME", NULL);
  if (!g_file_test (lc_time, G_FILE_TEST_EXISTS))
    {
      const char *argv[] = { localedef, "--no-archive", "-c", "-i", locale, "-f", "UTF-8", out_dir, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      /* localedef exits with 1 on mere warnings: judge by what it wrote. */
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, NULL, &error);
      g_assert_no_error (error);
      if (!g_file_test (lc_time, G_FILE_TEST_EXISTS))
        {
          g_autofree char *why = g_strdup_printf ("localedef could not generate %s: %s", name, err);

          g_test_skip (why);
          return NULL;
        }
    }

  g_setenv ("LOCPATH", locpath, TRUE);
  return g_steal_pointer (&name);
}

typedef struct
{
  const char *language;
  const char *locale;   /* for LC_TIME, or NULL when the format is numeric */
  const char *year, *month, *day, *approximate;
} DateCase;

static const DateCase date_cases[] = {
  { "de", "de_DE", "2025", "Januar 2025", "20. Januar 2025", "etwa Januar 2025" },
  { "zh_CN", NULL, "2025年", "2025年1月", "2025年1月20日", "约2025年1月" },
  { "ja", NULL, "2025年", "2025年1月", "2025年1月20日", "2025年1月頃" },
  { "fr", "fr_FR", "2025", "janvier 2025", "20 janvier 2025", "vers janvier 2025" },
  { "es", "es_ES", "2025", "enero de 2025", "20 de enero de 2025", "hacia enero de 2025" },
};

static void
check_date (int         year,
            int         month,
            int         day,
            gboolean    approximate,
            const char *expected)
{
  g_autoptr(DossierDate) date = dossier_date_new (year, month, day, approximate);
  g_autofree char *text = dossier_date_format (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_dates (gconstpointer data)
{
  const DateCase *c = data;
  g_autofree char *locale = NULL;

  use_language (c->language);
  if (c->locale != NULL)
    {
      locale = generate_locale (c->locale);
      if (locale == NULL)
        return;
      if (setlocale (LC_TIME, locale) == NULL)
        {
          g_autofree char *why = g_strdup_printf ("setlocale (LC_TIME, \"%s\") failed with LOCPATH=%s",
                                                  locale, locpath);

          g_test_skip (why);
          return;
        }
    }

  check_date (2025, 0, 0, FALSE, c->year);
  check_date (2025, 1, 0, FALSE, c->month);
  check_date (2025, 1, 20, FALSE, c->day);
  check_date (2025, 1, 0, TRUE, c->approximate);

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/window/%s", languages[i]);

      g_test_add_data_func (path, languages[i], test_window);
    }
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/dates/%s", date_cases[i].language);

      g_test_add_data_func (path, &date_cases[i], test_dates);
    }

  return g_test_run ();
}
