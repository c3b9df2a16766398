/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dossier-articles-view.h"
#include "dossier-model.h"
#include "dossier-reader.h"
#include "dossier-selection.h"
#include "dossier-test-utils.h"

/* A dossier from a stranger, full of markup that would load from a
 * listener on 127.0.0.1, run script or navigate if it were ever treated
 * as HTML. Showing every article must change nothing: no connection, no
 * script, the same page, and the markup shown as text. */

typedef struct
{
  GSocketService *service;
  guint16 port;
  guint n_connections;
  GPtrArray *requests;
} Listener;

typedef struct
{
  Listener *listener;
  GSocketConnection *connection;
  char buffer[256];
} Request;

static void
request_read (GObject      *stream,
              GAsyncResult *result,
              gpointer      user_data)
{
  Request *request = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (stream), result, NULL);

  if (n > 0 && request->listener->requests != NULL)
    {
      char *eol;

      request->buffer[MIN ((gsize) n, sizeof request->buffer - 1)] = '\0';
      eol = strpbrk (request->buffer, "\r\n");
      if (eol != NULL)
        *eol = '\0';
      g_ptr_array_add (request->listener->requests, g_strdup (request->buffer));
    }
  g_io_stream_close (G_IO_STREAM (request->connection), NULL, NULL);
  g_object_unref (request->connection);
  g_free (request);
}

/* Counts every connection and notes its request line, if one comes; never
 * blocks, since a connection opened ahead of a request may send nothing. */
static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             Listener          *listener)
{
  Request *request = g_new0 (Request, 1);

  listener->n_connections++;
  request->listener = listener;
  request->connection = g_object_ref (connection);
  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                             request->buffer, sizeof request->buffer - 1, G_PRIORITY_DEFAULT,
                             NULL, request_read, request);

  return TRUE;
}

static void
listener_start (Listener *listener)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  listener->requests = g_ptr_array_new_with_free_func (g_free);
  listener->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (listener->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  listener->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (listener->service, "incoming", G_CALLBACK (on_incoming), listener);
  g_socket_service_start (listener->service);
}

static void
listener_stop (Listener *listener)
{
  g_socket_service_stop (listener->service);
  g_socket_listener_close (G_SOCKET_LISTENER (listener->service));
  g_clear_object (&listener->service);
  g_clear_pointer (&listener->requests, g_ptr_array_unref);
}

static void
assert_no_connection (Listener *listener)
{
  /* Let a request line that is on its way arrive, to name it. */
  dossier_test_spin_for (100);
  for (guint i = 0; i < listener->requests->len; i++)
    g_test_message ("leaked: %s", (char *) g_ptr_array_index (listener->requests, i));
  g_assert_cmpuint (listener->n_connections, ==, 0);
}

/* The hostile dossier with the listener's port in every address. */
static DossierStore *
load_hostile (guint16 port)
{
  g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_SOURCE_DIR"), "tests", "data",
                                            "hostile.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *with_port = NULL;
  g_autofree char *port_text = g_strdup_printf ("127.0.0.1:%u", port);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DossierStore *store;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (contents, "127.0.0.1:PORT", -1);
  g_assert_cmpuint (g_strv_length (parts), >, 20);
  with_port = g_strjoinv (port_text, parts);
  bytes = g_bytes_new (with_port, strlen (with_port));

  /* It is a valid dossier: the loader must take it as it is. */
  store = dossier_store_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_true (problems == NULL || problems->len == 0);
  g_assert_nonnull (store);
  return store;
}

/* Every check the page must pass, whatever the article. */
static void
assert_page_inert (WebKitWebView *web_view,
                   DossierReader *reader,
                   const char    *display_title)
{
  g_autofree char *title = NULL;
  g_autofree char *h1 = NULL;
  g_autofree char *href = NULL;

  /* No script of the dossier ran. */
  g_assert_true (dossier_test_run_js_bool (web_view, "typeof window.pwned === 'undefined'"));
  title = dossier_test_run_js_string (web_view, "document.title");
  g_assert_cmpstr (title, ==, display_title);

  /* Nothing became an element: the only <style> and <meta> are the app's. */
  g_assert_true (dossier_test_run_js_bool (web_view,
                                           "document.querySelectorAll('script, img, iframe, link, object, embed, video, "
                                           "audio, svg, base, form, input, template, "
                                           "meta[http-equiv=\"refresh\"], [onerror], [onload], [style]').length === 0"));
  g_assert_true (dossier_test_run_js_bool (web_view, "document.querySelectorAll('style').length === 1"));
  g_assert_true (dossier_test_run_js_bool (web_view,
                                           "Array.from(document.querySelectorAll('a')).every(a => "
                                           "a.protocol === 'dossier:' || a.protocol === 'http:' || a.protocol === 'https:')"));

  /* The markup is there as text. */
  h1 = dossier_test_run_js_string (web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (h1, ==, display_title);

  /* Still the app's own page. */
  href = dossier_test_run_js_string (web_view, "location.href");
  g_assert_cmpstr (href, ==, dossier_reader_get_page_uri (reader));
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, dossier_reader_get_page_uri (reader));
}

static void
test_hostile (void)
{
  Listener listener = { 0 };
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(DossierSelection) selection = NULL;
  GListModel *articles;
  DossierArticlesView *view;
  DossierReader *reader;
  GtkWindow *window;
  WebKitWebView *web_view = NULL;
  g_autofree char *direct = NULL;
  g_autofree char *page_uri = NULL;

  listener_start (&listener);
  store = load_hostile (listener.port);
  articles = dossier_store_get_articles (store);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 2);

  selection = dossier_selection_new ();
  dossier_selection_set_store (selection, store);
  view = DOSSIER_ARTICLES_VIEW (dossier_articles_view_new (selection));
  reader = dossier_articles_view_get_reader (view);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  /* Show every article, with the list's search marks on as well. */
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        dossier_articles_view_set_search (view, "script img");
      for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
        {
          g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);
          g_autofree char *body_text = NULL;

          dossier_selection_set_article (selection, article);
          web_view = dossier_test_wait_page_ready (reader);
          g_test_message ("article %s (pass %u)", dossier_article_get_id (article), pass);
          assert_page_inert (web_view, reader, dossier_article_get_display_title (article));

          body_text = dossier_test_run_js_string (web_view, "document.body.textContent");
          if (g_str_equal (dossier_article_get_id (article), "script-everywhere"))
            {
              g_assert_nonnull (strstr (body_text, "<script>window.pwned='body';document.title='pwned'</script>"));
              g_assert_nonnull (strstr (body_text, "<iframe src=\"http://127.0.0.1:"));
              g_assert_nonnull (strstr (body_text, "<meta http-equiv=\"refresh\""));
              g_assert_nonnull (strstr (body_text, "</p></div></article><script>"));
              g_assert_nonnull (strstr (body_text, "</aside><script>window.pwned='notes'</script>"));
              g_assert_nonnull (strstr (body_text, "<img src=\"http://127.0.0.1:"));
              g_assert_null (strstr (body_text, "Unknown author"));
              /* The entity whose name is markup is a link; its name is
               * the link's text and title, as text. */
              g_assert_true (dossier_test_run_js_bool (web_view,
                                                       "const a = document.querySelector('a.entity');"
                                                       "a !== null && a.getAttribute('href') === 'dossier:entity/mallory' &&"
                                                       "a.title.startsWith('Mallory\"><img src=') && a.textContent === a.title"));
            }
          else
            g_assert_nonnull (strstr (body_text, "<meta http-equiv=\"refresh\" content=\"0;url=file:///etc/passwd\">"));
        }
    }
  dossier_articles_view_set_search (view, NULL);

  /* The event's quote, markup and all, shown in place. */
  {
    DossierEvent *event = dossier_store_lookup_event (store, "hostile-event");
    g_autoptr(DossierSource) source = g_list_model_get_item (dossier_event_get_sources (event), 0);
    g_autofree char *marked = NULL;

    dossier_articles_view_show_source (view, dossier_source_get_article (source),
                                       dossier_source_get_paragraph (source),
                                       dossier_source_get_offset (source),
                                       dossier_source_get_length (source));
    web_view = dossier_test_wait_page_ready (reader);
    marked = dossier_test_run_js_string (web_view, "document.getElementById('source').textContent");
    g_assert_cmpstr (marked, ==, dossier_source_get_quote (source));
    assert_page_inert (web_view, reader, dossier_article_get_display_title (dossier_source_get_article (source)));
  }

  /* Navigations from the page are all refused: links to other schemes,
   * an unknown entity, a script setting the location. */
  page_uri = g_strdup (dossier_reader_get_page_uri (reader));
  dossier_test_run_js (web_view,
                       "for (const href of ['javascript:window.pwned=1', 'file:///etc/passwd', 'data:text/html,x',"
                       "                    'dossier:entity/no-such-entity', 'about:blank']) {"
                       "  const a = document.createElement('a'); a.href = href;"
                       "  document.body.appendChild(a); a.click(); a.remove();"
                       "} true");
  dossier_test_spin_for (500);
  dossier_test_run_js (web_view, "location.href = 'file:///etc/passwd'; true");
  dossier_test_spin_for (1500);
  g_assert_null (dossier_selection_get_entity (selection));
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, page_uri);
  g_assert_true (dossier_test_run_js_bool (web_view, "typeof window.pwned === 'undefined'"));
  {
    g_autofree char *href = dossier_test_run_js_string (web_view, "location.href");

    g_assert_cmpstr (href, ==, page_uri);
  }

  /* Anything the pages asked for would have arrived by now. */
  assert_no_connection (&listener);

  /* Nor does the view load what the app itself might ask by mistake.
   * (WebKit may open a connection ahead of an API load, before asking
   * decide-policy, so the listener is not counted from here on.) */
  direct = g_strdup_printf ("http://127.0.0.1:%u/direct-load", listener.port);
  webkit_web_view_load_uri (web_view, direct);
  dossier_test_spin_for (500);
  webkit_web_view_load_uri (web_view, "file:///etc/passwd");
  dossier_test_spin_for (500);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, page_uri);
  {
    g_autofree char *href = dossier_test_run_js_string (web_view, "location.href");

    g_assert_cmpstr (href, ==, page_uri);
  }
  for (guint i = 0; i < listener.requests->len; i++)
    g_assert_null (strstr (g_ptr_array_index (listener.requests, i), "direct-load"));
  listener.n_connections = 0;
  g_ptr_array_set_size (listener.requests, 0);

  gtk_window_destroy (window);

  /* A control: the same listener does see a plain web view's load, so the
   * silence above means something. */
  {
    GtkWidget *control_window = gtk_window_new ();
    g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
    GtkWidget *control = g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session", session, NULL);
    g_autofree char *html = g_strdup_printf ("<img src=\"http://127.0.0.1:%u/control.png\">", listener.port);
    gboolean never = FALSE;

    gtk_window_set_child (GTK_WINDOW (control_window), control);
    gtk_window_present (GTK_WINDOW (control_window));
    webkit_web_view_load_html (WEBKIT_WEB_VIEW (control), html, "http://localhost/");
    for (guint i = 0; i < 250 && listener.requests->len == 0; i++)
      dossier_test_spin_until (&never, 20);
    g_assert_cmpuint (listener.n_connections, >=, 1);
    g_assert_cmpuint (listener.requests->len, >=, 1);
    g_test_message ("control load reached the listener: %s", (char *) g_ptr_array_index (listener.requests, 0));
    gtk_window_destroy (GTK_WINDOW (control_window));
  }

  listener_stop (&listener);
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/reader/hostile-dossier", test_hostile);

  return g_test_run ();
}
