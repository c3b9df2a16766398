/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dossier-application.h"
#include "dossier-articles-view.h"
#include "dossier-discrepancies-view.h"
#include "dossier-graph-view.h"
#include "dossier-reader.h"
#include "dossier-test-utils.h"
#include "dossier-timeline-view.h"
#include "dossier-window.h"

typedef struct
{
  const char *expected_view;
  gboolean checked;
} StartupCheck;

static DossierWindow *
get_window (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (DOSSIER_IS_WINDOW (window));
  return DOSSIER_WINDOW (window);
}

static gboolean
check_window_and_quit (gpointer user_data)
{
  GApplication *app = g_application_get_default ();
  StartupCheck *check = user_data;
  DossierWindow *window = get_window (app);
  GtkWidget *stack_widget;
  AdwViewStack *stack;
  g_autoptr(GtkSelectionModel) pages = NULL;
  static const char *names[] = { "articles", "timeline", "relationships", "discrepancies" };

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* The view stack sits in the template; find it in the widget tree. */
  stack_widget = dossier_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack_widget);
  stack = ADW_VIEW_STACK (stack_widget);

  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, names[i]);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
    }

  g_assert_cmpstr (dossier_window_get_view (window), ==, check->expected_view);
  check->checked = TRUE;

  /* Quit the way a user does, so the quit path is covered too. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
run_app_and_check (const char *const *args,
                   const char        *expected_view)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  StartupCheck check = { expected_view, FALSE };
  int status;

  /* No session bus in tests; stay a plain single process. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (500, check_window_and_quit, &check);

  status = g_application_run (G_APPLICATION (app), g_strv_length ((char **) args), (char **) args);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.checked);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
test_starts_with_its_views (void)
{
  const char *args[] = { "dossier", NULL };

  run_app_and_check (args, "articles");
}

static void
test_view_option (void)
{
  const char *args[] = { "dossier", "--view=relationships", NULL };

  run_app_and_check (args, "relationships");
}

static void
run_exe (const char *const *extra_args,
         int               *exit_status,
         char             **out,
         char             **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DOSSIER_EXE"));
  for (guint i = 0; extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *exit_status = WEXITSTATUS (wait_status);
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  run_exe (args, &status, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "dossier " PACKAGE_VERSION "\n");
}

static void
test_unknown_option (void)
{
  const char *args[] = { "--no-such-option", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  run_exe (args, &status, &out, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "--no-such-option"));
}

static void
test_bad_view (void)
{
  const char *args[] = { "--view=nowhere", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  run_exe (args, &status, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "nowhere"));
  g_assert_nonnull (strstr (err, "timeline"));
}

static void
test_validate_exit_codes (void)
{
  g_autofree char *good = g_build_filename (g_getenv ("DOSSIER_SOURCE_DIR"), "data", "dossiers", "deepseek-r1.json", NULL);
  g_autofree char *bad = g_build_filename (g_getenv ("DOSSIER_SOURCE_DIR"), "tests", "data", "app-bad-dangling-entity.json", NULL);
  const char *good_args[] = { "--validate", good, NULL };
  const char *bad_args[] = { "--validate", good, bad, NULL };
  const char *missing_args[] = { "--validate", "/nonexistent/dossier.json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  int status;

  run_exe (good_args, &status, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "articles"));
  g_assert_cmpstr (err, ==, "");

  /* One bad file among good ones fails the run, and names the path. */
  run_exe (bad_args, &status, &out2, &err2);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err2, "app-bad-dangling-entity.json: events[0].entities[0]: "));
  g_assert_nonnull (strstr (err2, "no-such-entity"));

  run_exe (missing_args, &status, &out3, &err3);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err3, "/nonexistent/dossier.json"));
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static void
iterate_until (const gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (*flag);
}

static void
test_embedded_dossier_and_bad_file (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autofree char *bad = g_build_filename (g_getenv ("DOSSIER_SOURCE_DIR"), "tests", "data", "app-bad-dangling-entity.json", NULL);
  g_autofree char *good = g_build_filename (g_getenv ("DOSSIER_SOURCE_DIR"), "tests", "data", "app-good.json", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  DossierWindow *window = dossier_test_new_window (app);
  DossierSelection *selection = dossier_window_get_selection (window);
  DossierStore *embedded = dossier_selection_get_store (selection);
  gboolean changed = FALSE;
  GtkWindow *dialog = NULL;

  /* Without a file, the window opens the embedded DeepSeek dossier. */
  g_assert_cmpstr (dossier_store_get_id (embedded), ==, "deepseek-r1");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_articles (embedded)), ==, 5);

  /* A file that fails validation leaves it open and says why. */
  dossier_window_open_file (window, bad_file);
  while (dialog == NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (w))
            dialog = w;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "app-bad-dangling-entity.json"));
  g_assert_true (dossier_selection_get_store (selection) == embedded);
  gtk_window_destroy (dialog);

  /* A good file replaces it. */
  g_signal_connect_swapped (selection, "notify::store", G_CALLBACK (set_flag), &changed);
  dossier_window_open_file (window, good_file);
  iterate_until (&changed);
  g_assert_cmpstr (dossier_store_get_id (dossier_selection_get_store (selection)), !=, "deepseek-r1");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* While a file loads, the window says which and offers to cancel;
 * cancelling keeps the dossier that was open. */
/* While a large file loads, the bar says what the loader is doing and
 * fills up, never going back */
static void
test_load_progress (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"dossier/1\", \"id\": \"big\", \"title\": \"Big\", "
                                          "\"articles\": [], \"entities\": [");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DossierWindow *window = dossier_test_new_window (app);
  DossierSelection *selection = dossier_window_get_selection (window);
  GtkWidget *revealer = dossier_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER);
  GtkWidget *bar = dossier_test_find_widget (revealer, GTK_TYPE_PROGRESS_BAR);
  GtkWidget *label = dossier_test_find_widget (revealer, GTK_TYPE_LABEL);
  double last = 0;
  int fd;

  for (guint i = 0; i < 60000; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"name\": \"Entity %u\", \"kind\": \"company\" }",
                            i > 0 ? ", " : "", i, i);
  g_string_append (json, "] }");
  fd = g_file_open_tmp ("dossier-big-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, json->str, json->len, &error));
  file = g_file_new_for_path (path);

  dossier_window_open_file (window, file);
  while (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    {
      double fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));

      g_assert_cmpfloat (fraction, >=, last);
      g_assert_cmpfloat (fraction, <=, 1);
      last = fraction;
      g_hash_table_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (label))));
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (dossier_store_get_id (dossier_selection_get_store (selection)), ==, "big");

  /* Each text names the file */
  {
    g_autofree char *name = g_path_get_basename (path);
    GHashTableIter iter;
    gpointer text;

    g_hash_table_iter_init (&iter, texts);
    while (g_hash_table_iter_next (&iter, &text, NULL))
      {
        g_test_message ("%s", (char *) text);
        g_assert_nonnull (strstr (text, name));
      }
    g_assert_cmpuint (g_hash_table_size (texts), >=, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

static void
test_cancel_open (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autofree char *good = g_build_filename (g_getenv ("DOSSIER_SOURCE_DIR"), "tests", "data", "app-good.json", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  DossierWindow *window = dossier_test_new_window (app);
  DossierSelection *selection = dossier_window_get_selection (window);
  DossierStore *embedded = dossier_selection_get_store (selection);
  GtkWidget *revealer = dossier_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER);

  g_assert_nonnull (revealer);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  dossier_window_open_file (window, good_file);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  dossier_test_spin_for (500);
  g_assert_true (dossier_selection_get_store (selection) == embedded);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The app links neither WebKitGTK nor JavaScriptCore: the reading pane
 * loads them, with its module, the first time it shows an article. */
static void
test_webkit_not_linked (void)
{
  g_autofree char *readelf = g_find_program_in_path ("readelf");
  const char *argv[] = { readelf, "-d", g_getenv ("DOSSIER_EXE"), NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (readelf == NULL)
    {
      g_test_skip ("no readelf");
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (out, "libgtk-4"));
  g_assert_null (strstr (out, "webkit"));
  g_assert_null (strstr (out, "javascriptcore"));
}

/* The window's first frame waits for nothing a hidden view needs: the
 * Timeline, Relationships and Discrepancies views are made the first time
 * each is shown; the shortcuts window the first time it is asked for; the
 * Discrepancies badge comes with the frame after the first. */
static void
test_made_when_needed (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  DossierWindow *window = dossier_test_new_window (app);
  DossierSelection *selection = dossier_window_get_selection (window);
  DossierStore *store = dossier_selection_get_store (selection);
  GtkWidget *stack = dossier_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *discrepancies_page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "discrepancies");
  AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), discrepancies_page);
  guint n_discrepancies = g_list_model_get_n_items (dossier_store_get_discrepancies (store));
  GtkWidget *primary_menu_button = dossier_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GtkShortcutsWindow *overlay;

  g_assert_nonnull (dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_ARTICLES_VIEW));
  g_assert_null (dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_TIMELINE_VIEW));
  g_assert_null (dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_GRAPH_VIEW));
  g_assert_null (dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_DISCREPANCIES_VIEW));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  /* The main menu's popover, the first time it opens */
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (primary_menu_button)));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (primary_menu_button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (primary_menu_button));
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (primary_menu_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (primary_menu_button)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (primary_menu_button));

  /* The badge, after the first frame */
  g_assert_cmpuint (n_discrepancies, >, 0);
  dossier_test_wait_until_drawn (GTK_WIDGET (window));
  for (guint i = 0; i < 200 && adw_view_stack_page_get_badge_number (page) == 0; i++)
    dossier_test_spin_for (10);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, n_discrepancies);

  /* A view shown, through the action or an item */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "timeline"));
  g_assert_nonnull (dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_TIMELINE_VIEW));
  g_assert_null (dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_GRAPH_VIEW));
  dossier_window_show_item (window, "entity", "deepseek");
  g_assert_cmpstr (dossier_window_get_view (window), ==, "relationships");
  g_assert_nonnull (dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_GRAPH_VIEW));
  {
    g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (dossier_store_get_discrepancies (store), 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-discrepancy", "s",
                                               dossier_discrepancy_get_id (discrepancy)));
  }
  g_assert_cmpstr (dossier_window_get_view (window), ==, "discrepancies");
  g_assert_nonnull (dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_DISCREPANCIES_VIEW));

  /* The shortcuts, with their accelerator */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  }
  gtk_window_close (GTK_WINDOW (overlay));
  /* Asked again, the same one */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The icon of the reader's empty page, on the first frame, comes from the
 * .symbolic.png rendered at build time, at scale 1 and 2: an SVG would
 * make GTK 4.8 load librsvg and draw it before the first frame. */
static void
test_first_frame_icon_prerendered (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  DossierWindow *window = dossier_test_new_window (app);
  GtkWidget *reader = dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_READER);
  GtkWidget *status_page = dossier_test_find_widget (reader, ADW_TYPE_STATUS_PAGE);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  const char *icon_name = adw_status_page_get_icon_name (ADW_STATUS_PAGE (status_page));

  dossier_test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (status_page));
  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, 128, scale,
                                                                     GTK_TEXT_DIR_NONE, 0);
      g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
      g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
      g_autofree char *expected = g_strdup_printf ("resource://" RESOURCE_PREFIX "/icons/128x128%s/status/%s.symbolic.png",
                                                   scale == 2 ? "@2" : "", icon_name);

      g_assert_cmpstr (uri, ==, expected);
      g_assert_true (gtk_icon_paintable_is_symbolic (icon));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_size_round_trip (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(DossierApplication) app = dossier_application_new ();
  DossierWindow *window;
  int width, height;

  g_settings_set (settings, "window-size", "(ii)", 812, 604);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  /* A window needs a started application; registering emits startup. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  window = dossier_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 604);

  /* Only a realized window handles close requests. */
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  gtk_window_set_default_size (GTK_WINDOW (window), 930, 655);
  gtk_window_close (GTK_WINDOW (window));

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 930);
  g_assert_cmpint (height, ==, 655);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_init (&argc, &argv);

  g_test_add_func ("/application/starts-with-its-views", test_starts_with_its_views);
  g_test_add_func ("/application/view-option", test_view_option);
  g_test_add_func ("/application/version", test_version);
  g_test_add_func ("/application/unknown-option", test_unknown_option);
  g_test_add_func ("/application/bad-view", test_bad_view);
  g_test_add_func ("/application/window-size-round-trip", test_window_size_round_trip);
  g_test_add_func ("/application/validate-exit-codes", test_validate_exit_codes);
  g_test_add_func ("/application/embedded-dossier-and-bad-file", test_embedded_dossier_and_bad_file);
  g_test_add_func ("/application/cancel-open", test_cancel_open);
  g_test_add_func ("/application/load-progress", test_load_progress);
  g_test_add_func ("/application/made-when-needed", test_made_when_needed);
  g_test_add_func ("/application/webkit-not-linked", test_webkit_not_linked);
  g_test_add_func ("/application/first-frame-icon-prerendered", test_first_frame_icon_prerendered);

  return g_test_run ();
}
