/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include <string.h>

#include "dossier-articles-view.h"
#include "dossier-test-utils.h"

static char *test_home;

/* How much longer than usual to wait before a test gives up on something:
 * DOSSIER_TEST_DEADLINE_SCALE, for builds that are much slower than the
 * normal one (.ci/sanitize.sh).  Only deadlines are scaled, never the
 * waits a test makes on purpose. */
static guint deadline_scale = 1;

static guint
deadline (guint ms)
{
  return ms * deadline_scale;
}

/* WebKit's web process can die under a loaded machine (seen once, under
 * AddressSanitizer in CI, not reproducible); the reader then warns and
 * loads the article again, which is what the app must do.  That warning
 * alone does not fail a test: whatever the test checks it still checks,
 * on the reloaded page.  Every other warning stays fatal. */
static gboolean
fatal_log_handler (const char     *log_domain,
                   GLogLevelFlags  log_level,
                   const char     *message,
                   gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Dossier") == 0 && (log_level & G_LOG_LEVEL_WARNING) &&
           g_str_has_prefix (message, "The reading pane's web process ended"));
}

static void
remove_test_home (void)
{
  /* GLib has no recursive delete; rm is always there. */
  const char *argv[] = { "rm", "-rf", test_home, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&test_home, g_free);
}

/* Points HOME and the XDG dirs at a fresh temporary directory, so a test
 * never reads or writes the real home, then initialises GTK for testing. */
void
dossier_test_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;
  static const char *xdg_dirs[] = {
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };

  test_home = g_dir_make_tmp ("dossier-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", test_home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (test_home, xdg_dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg_dirs[i], dir, TRUE);
    }
  atexit (remove_test_home);

  if (g_getenv ("DOSSIER_TEST_DEADLINE_SCALE") != NULL)
    deadline_scale = CLAMP (g_ascii_strtoull (g_getenv ("DOSSIER_TEST_DEADLINE_SCALE"), NULL, 10), 1, 100);

  gtk_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (fatal_log_handler, NULL);
}

/* ---- main loop ---------------------------------------------------------------- */

/* Keeps g_main_context_iteration() from blocking for long when nothing
 * else is due, so spin_until() sees its deadline. */
static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done is set or @timeout_ms passes; returns
 * *@done. */
gboolean
dossier_test_spin_until (gboolean *done,
                         guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint waker = g_timeout_add (20, wake_up, NULL);

  while (!*done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (waker);

  return *done;
}

/* Runs the main loop for about @ms milliseconds. */
void
dossier_test_spin_for (guint ms)
{
  gboolean never = FALSE;

  dossier_test_spin_until (&never, ms);
}

/* A few turns of the main loop without blocking, so allocation and a
 * frame settle. */
void
dossier_test_settle (void)
{
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Waits (10 s at most, times the deadline scale, then fails) for @widget
 * to be mapped and given a width, then settles. */
void
dossier_test_wait_until_drawn (GtkWidget *widget)
{
  guint id = g_timeout_add (deadline (10000), timeout_cb, (gpointer) "the view to be shown");

  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
    g_main_context_iteration (NULL, TRUE);
  dossier_test_settle ();
  g_source_remove (id);
}

/* ---- the reading pane's web view ------------------------------------------------ */

typedef struct
{
  gboolean done;
  JSCValue *value;
  GError *error;
} JsResult;

static void
js_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  JsResult *r = user_data;

  r->value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &r->error);
  r->done = TRUE;
}

/* Evaluates @script in @web_view and waits (10 s at most) for its value,
 * which must not be an exception. */
JSCValue *
dossier_test_run_js (WebKitWebView *web_view,
                     const char    *script)
{
  JsResult r = { FALSE, NULL, NULL };

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL, js_done, &r);
  g_assert_true (dossier_test_spin_until (&r.done, deadline (10000)));
  g_assert_no_error (r.error);
  return r.value;
}

char *
dossier_test_run_js_string (WebKitWebView *web_view,
                            const char    *script)
{
  g_autoptr(JSCValue) value = dossier_test_run_js (web_view, script);

  return jsc_value_to_string (value);
}

gboolean
dossier_test_run_js_bool (WebKitWebView *web_view,
                          const char    *script)
{
  g_autoptr(JSCValue) value = dossier_test_run_js (web_view, script);

  return jsc_value_to_boolean (value);
}

double
dossier_test_run_js_number (WebKitWebView *web_view,
                            const char    *script)
{
  g_autoptr(JSCValue) value = dossier_test_run_js (web_view, script);

  return jsc_value_to_double (value);
}

static void
on_page_ready (DossierReader *reader,
               gboolean      *ready)
{
  *ready = TRUE;
}

/* Waits (20 s at most) for @reader to finish the page it is loading. */
WebKitWebView *
dossier_test_wait_page_ready (DossierReader *reader)
{
  gboolean ready = dossier_reader_is_page_ready (reader);
  gulong handler = g_signal_connect (reader, "page-ready", G_CALLBACK (on_page_ready), &ready);

  g_assert_true (dossier_test_spin_until (&ready, deadline (20000)));
  g_signal_handler_disconnect (reader, handler);
  return WEBKIT_WEB_VIEW (dossier_reader_get_web_view (reader));
}

/* ---- dossiers ------------------------------------------------------------------- */

/* The dossier the app ships, from the source tree (DOSSIER_SOURCE_DIR). */
DossierStore *
dossier_test_load_default_dossier (void)
{
  const char *srcdir = g_getenv ("DOSSIER_SOURCE_DIR");
  g_autofree char *path = g_build_filename (srcdir != NULL ? srcdir : ".", "data", "dossiers", "deepseek-r1.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The dossier @name in tests/data of the source tree; it must load. */
DossierStore *
dossier_test_load_data (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_SOURCE_DIR"), "tests", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return store;
}

/* ---- `win.show-source` --------------------------------------------------------- */

/* Records a `win.show-source` (sutt) activation; views are tested in a
 * window whose `win` actions are stood in for by the test. */
void
dossier_test_shown_source_record (DossierTestShownSource *shown,
                                  GVariant               *parameter)
{
  shown->n_shown++;
  g_clear_pointer (&shown->article, g_free);
  g_variant_get (parameter, "(sutt)", &shown->article, &shown->paragraph,
                 &shown->offset, &shown->length);
}

void
dossier_test_shown_source_clear (DossierTestShownSource *shown)
{
  g_clear_pointer (&shown->article, g_free);
}

/* That the last source shown is @source: its article and the place of its
 * quote, which is where the quote is in that article's text. */
void
dossier_test_assert_shown_source (const DossierTestShownSource *shown,
                                  DossierSource                *source)
{
  DossierArticle *article = dossier_source_get_article (source);
  const char * const *body;
  guint n_paragraphs;

  g_assert_cmpstr (shown->article, ==, dossier_article_get_id (article));
  g_assert_cmpuint (shown->paragraph, ==, dossier_source_get_paragraph (source));
  g_assert_cmpuint (shown->offset, ==, dossier_source_get_offset (source));
  g_assert_cmpuint (shown->length, ==, dossier_source_get_length (source));
  g_assert_cmpuint (shown->length, >, 0);

  body = dossier_article_get_body (article, &n_paragraphs);
  g_assert_cmpuint (shown->paragraph, <, n_paragraphs);
  g_assert_cmpuint (shown->offset + shown->length, <=, strlen (body[shown->paragraph]));
  g_assert_true (strncmp (body[shown->paragraph] + shown->offset,
                          dossier_source_get_quote (source), shown->length) == 0);
}

/* ---- windows and widgets -------------------------------------------------------- */

/* A presented window of @app.  A window needs a started application, and
 * registering emits startup; there is no session bus in tests, so the
 * application stays a plain single process. */
DossierWindow *
dossier_test_new_window (DossierApplication *app)
{
  DossierWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = dossier_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* The first descendant of @root (not @root itself), depth first in tree
 * order, that is a @type; NULL if there is none. */
GtkWidget *
dossier_test_find_widget (GtkWidget *root,
                          GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        return child;
      if ((found = dossier_test_find_widget (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* After a source was followed: the window shows the Articles view, and its
 * reading pane has marked exactly @quote as the source passage. */
void
dossier_test_assert_reader_shows_quote (DossierWindow *window,
                                        const char    *quote)
{
  GtkWidget *view = dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_ARTICLES_VIEW);
  DossierReader *reader;
  gboolean found = FALSE;

  g_assert_cmpstr (dossier_window_get_view (window), ==, "articles");
  g_assert_nonnull (view);
  reader = dossier_articles_view_get_reader (DOSSIER_ARTICLES_VIEW (view));

  for (int tries = 0; tries < 100 && !found; tries++)
    {
      WebKitWebView *web_view = WEBKIT_WEB_VIEW (dossier_reader_get_web_view (reader));

      if (web_view != NULL && dossier_reader_is_page_ready (reader))
        {
          g_autofree char *marked = dossier_test_run_js_string (web_view,
                                                                "var s = document.getElementById('source');"
                                                                "s ? s.textContent : ''");

          found = g_strcmp0 (marked, quote) == 0;
        }
      if (!found)
        dossier_test_spin_for (100);
    }
  g_assert_true (found);
}
