/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The WebKit half of the reading pane, in a module of its own
 * (libdossier-reader-web.so) that DossierReader loads with GModule the
 * first time it shows an article.  Neither the app nor libdossier links
 * WebKitGTK, so starting up never maps, relocates or initialises WebKit
 * and JavaScriptCore: the window's first frame does not wait for them.
 *
 * The module holds the web view and everything that keeps it safe (the
 * settings, the ephemeral network session, decide-policy, the context
 * menu, permission and file chooser requests).  It knows nothing of
 * dossiers: the reader hands it finished HTML, and it hands back what the
 * user clicked, when a page finished loading and when the web process
 * ended. */

/* Bumped whenever the table below changes: a stale module is refused. */
#define DOSSIER_READER_WEB_ABI 1

/* The name of the module's one exported function, which returns the
 * table (a DossierReaderWebGetBackend). */
#define DOSSIER_READER_WEB_ENTRY "dossier_reader_web_get_backend"

typedef struct
{
  /* The user clicked a link to @uri; the view does not follow it. */
  void (*link_clicked)           (const char *uri,
                                  gpointer    user_data);
  /* A page finished loading; @uri is the view's URI now. */
  void (*load_finished)          (const char *uri,
                                  gpointer    user_data);
  /* The web process ended; @by_api when the app ended it itself. */
  void (*web_process_terminated) (int         reason,
                                  gboolean    by_api,
                                  gpointer    user_data);
} DossierReaderWebCallbacks;

typedef struct
{
  guint abi;

  /* A new web view, with @callbacks called with @user_data until
   * disconnect(). */
  GtkWidget *(*create)             (const DossierReaderWebCallbacks *callbacks,
                                    gpointer                         user_data);
  /* Stops calling the callbacks (before the reader goes away). */
  void       (*disconnect)         (GtkWidget                       *view);
  /* Loads @html as the document at @uri: the one navigation let through
   * until the next load_html(). */
  void       (*load_html)          (GtkWidget                       *view,
                                    const char                      *html,
                                    const char                      *uri);
  void       (*set_zoom)           (GtkWidget                       *view,
                                    double                           zoom);
  void       (*set_background)     (GtkWidget                       *view,
                                    const GdkRGBA                   *color);
  /* The app's own script (page scripts are off); @callback gets the view
   * as its source object. */
  void       (*run_script)         (GtkWidget                       *view,
                                    const char                      *script,
                                    GCancellable                    *cancellable,
                                    GAsyncReadyCallback              callback,
                                    gpointer                         user_data);
  /* FALSE with @error set when the script failed; else TRUE, with
   * @number (when given) set to the script's value if it is a number, 0
   * otherwise. */
  gboolean   (*run_script_finish)  (GtkWidget                       *view,
                                    GAsyncResult                    *result,
                                    double                          *number,
                                    GError                         **error);
} DossierReaderWebBackend;

typedef const DossierReaderWebBackend *(*DossierReaderWebGetBackend) (void);

G_END_DECLS
