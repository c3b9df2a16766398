/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gmodule.h>
#include <webkit/webkit.h>

#include "dossier-reader-web.h"

/* The WebKit side of the reading pane; see dossier-reader-web.h.  Built as
 * a module of its own, the only code of the app that links WebKitGTK. */

typedef struct
{
  const DossierReaderWebCallbacks *callbacks;
  gpointer user_data;
  /* The URI of the page load_html() started: let through once. */
  char *expected_uri;
} ViewData;

static GQuark
view_data_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("dossier-reader-web");
  return quark;
}

static void
view_data_free (gpointer data)
{
  ViewData *view_data = data;

  g_free (view_data->expected_uri);
  g_free (view_data);
}

static ViewData *
get_view_data (GtkWidget *view)
{
  return g_object_get_qdata (G_OBJECT (view), view_data_quark ());
}

/* The system's document font (GNOME's setting when there is one, the
 * interface font otherwise) as the page's default font. */
static void
apply_document_font (WebKitSettings *settings)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *font = NULL;
  PangoFontDescription *description;
  const char *family;
  int size;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "document-font-name"))
    {
      g_autoptr(GSettings) interface = g_settings_new_full (schema, NULL, NULL);

      font = g_settings_get_string (interface, "document-font-name");
    }
  if (font == NULL || font[0] == '\0')
    {
      g_clear_pointer (&font, g_free);
      g_object_get (gtk_settings_get_default (), "gtk-font-name", &font, NULL);
    }
  if (font == NULL)
    return;

  description = pango_font_description_from_string (font);
  family = pango_font_description_get_family (description);
  size = pango_font_description_get_size (description);
  if (family != NULL && family[0] != '\0')
    webkit_settings_set_default_font_family (settings, family);
  if (size > 0)
    {
      if (pango_font_description_get_size_is_absolute (description))
        webkit_settings_set_default_font_size (settings, size / PANGO_SCALE);
      else
        webkit_settings_set_default_font_size (settings,
                                               webkit_settings_font_size_to_pixels (size / PANGO_SCALE));
    }
  pango_font_description_free (description);
}

static gboolean
on_decide_policy (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  ViewData                 *data)
{
  WebKitNavigationAction *action;
  WebKitNavigationType navigation_type;
  const char *uri;

  if (type != WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      type != WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    {
      /* Responses: the app's pages come from load_html and have none. */
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  navigation_type = webkit_navigation_action_get_navigation_type (action);
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  /* The one load the reader started, once. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      navigation_type == WEBKIT_NAVIGATION_TYPE_OTHER &&
      !webkit_navigation_action_is_redirect (action) &&
      data->expected_uri != NULL && g_strcmp0 (uri, data->expected_uri) == 0)
    {
      g_clear_pointer (&data->expected_uri, g_free);
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  /* A link the user clicked: never loaded here, but handed on. */
  if (navigation_type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED &&
      webkit_navigation_action_is_user_gesture (action))
    {
      if (data->callbacks != NULL && uri != NULL)
        data->callbacks->link_clicked (uri, data->user_data);
    }
  else
    g_debug ("Refused a navigation to %s", uri);

  webkit_policy_decision_ignore (decision);
  return TRUE;
}

static gboolean
on_context_menu (WebKitWebView       *web_view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test,
                 ViewData            *data)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  /* Keep copying; drop what would navigate, download or open windows. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;

      switch (webkit_context_menu_item_get_stock_action (item))
        {
        case WEBKIT_CONTEXT_MENU_ACTION_COPY:
        case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
          break;
        default:
          webkit_context_menu_remove (menu, item);
          break;
        }
    }
  g_list_free (items);

  return webkit_context_menu_get_n_items (menu) == 0;
}

static gboolean
on_permission_request (WebKitWebView           *web_view,
                       WebKitPermissionRequest *request,
                       ViewData                *data)
{
  webkit_permission_request_deny (request);
  return TRUE;
}

static gboolean
on_run_file_chooser (WebKitWebView            *web_view,
                     WebKitFileChooserRequest *request,
                     ViewData                 *data)
{
  webkit_file_chooser_request_cancel (request);
  return TRUE;
}

static void
on_web_process_terminated (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           ViewData                          *data)
{
  if (data->callbacks != NULL)
    data->callbacks->web_process_terminated (reason, reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API,
                                             data->user_data);
}

static void
on_load_changed (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 ViewData        *data)
{
  if (event == WEBKIT_LOAD_FINISHED && data->callbacks != NULL)
    data->callbacks->load_finished (webkit_web_view_get_uri (web_view), data->user_data);
}

static GtkWidget *
web_create (const DossierReaderWebCallbacks *callbacks,
            gpointer                         user_data)
{
  g_autoptr(WebKitNetworkSession) session = NULL;
  g_autoptr(WebKitSettings) settings = NULL;
  WebKitWebView *web_view;
  ViewData *data;

  session = webkit_network_session_new_ephemeral ();
  settings = webkit_settings_new_with_settings ("enable-javascript", TRUE,
                                                "enable-javascript-markup", FALSE,
                                                "auto-load-images", FALSE,
                                                "enable-html5-database", FALSE,
                                                "enable-html5-local-storage", FALSE,
                                                "enable-page-cache", FALSE,
                                                "enable-webgl", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-webrtc", FALSE,
                                                "enable-media", FALSE,
                                                "enable-media-stream", FALSE,
                                                "enable-mediasource", FALSE,
                                                "enable-encrypted-media", FALSE,
                                                "enable-developer-extras", FALSE,
                                                "enable-fullscreen", FALSE,
                                                "enable-back-forward-navigation-gestures", FALSE,
                                                "enable-site-specific-quirks", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                "javascript-can-access-clipboard", FALSE,
                                                "allow-modal-dialogs", FALSE,
                                                "allow-file-access-from-file-urls", FALSE,
                                                "allow-universal-access-from-file-urls", FALSE,
                                                "allow-top-navigation-to-data-urls", FALSE,
                                                "default-charset", "utf-8",
                                                NULL);
  apply_document_font (settings);

  web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                           "network-session", session,
                           "settings", settings,
                           "hexpand", TRUE,
                           "vexpand", TRUE,
                           NULL);

  data = g_new0 (ViewData, 1);
  data->callbacks = callbacks;
  data->user_data = user_data;
  g_object_set_qdata_full (G_OBJECT (web_view), view_data_quark (), data, view_data_free);

  g_signal_connect (web_view, "decide-policy", G_CALLBACK (on_decide_policy), data);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (on_load_changed), data);
  g_signal_connect (web_view, "context-menu", G_CALLBACK (on_context_menu), data);
  g_signal_connect (web_view, "permission-request", G_CALLBACK (on_permission_request), data);
  g_signal_connect (web_view, "run-file-chooser", G_CALLBACK (on_run_file_chooser), data);
  g_signal_connect (web_view, "web-process-terminated", G_CALLBACK (on_web_process_terminated), data);

  return GTK_WIDGET (web_view);
}

static void
web_disconnect (GtkWidget *view)
{
  ViewData *data = get_view_data (view);

  /* The policy handlers stay: the view keeps refusing loads until it is
   * gone; only the calls back into the reader stop. */
  data->callbacks = NULL;
  data->user_data = NULL;
}

static void
web_load_html (GtkWidget  *view,
               const char *html,
               const char *uri)
{
  ViewData *data = get_view_data (view);

  g_free (data->expected_uri);
  data->expected_uri = g_strdup (uri);
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (view), html, uri);
}

static void
web_set_zoom (GtkWidget *view,
              double     zoom)
{
  webkit_web_view_set_zoom_level (WEBKIT_WEB_VIEW (view), zoom);
}

static void
web_set_background (GtkWidget     *view,
                    const GdkRGBA *color)
{
  webkit_web_view_set_background_color (WEBKIT_WEB_VIEW (view), color);
}

static void
web_run_script (GtkWidget           *view,
                const char          *script,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  webkit_web_view_evaluate_javascript (WEBKIT_WEB_VIEW (view), script, -1, NULL, NULL,
                                       cancellable, callback, user_data);
}

static gboolean
web_run_script_finish (GtkWidget     *view,
                       GAsyncResult  *result,
                       double        *number,
                       GError       **error)
{
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (view), result, error);
  if (number != NULL)
    *number = (value != NULL && jsc_value_is_number (value)) ? jsc_value_to_double (value) : 0;

  return value != NULL;
}

static const DossierReaderWebBackend backend = {
  .abi = DOSSIER_READER_WEB_ABI,
  .create = web_create,
  .disconnect = web_disconnect,
  .load_html = web_load_html,
  .set_zoom = web_set_zoom,
  .set_background = web_set_background,
  .run_script = web_run_script,
  .run_script_finish = web_run_script_finish,
};

/* Not static: the module's entry point, found by name. */
G_MODULE_EXPORT const DossierReaderWebBackend *dossier_reader_web_get_backend (void);

G_MODULE_EXPORT const DossierReaderWebBackend *
dossier_reader_web_get_backend (void)
{
  return &backend;
}
