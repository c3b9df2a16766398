/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "dossier-application.h"
#include "dossier-model.h"
#include "dossier-reader.h"
#include "dossier-window.h"

G_BEGIN_DECLS

void           dossier_test_init                 (int            *argc,
                                                  char         ***argv);

/* Main loop */
gboolean       dossier_test_spin_until           (gboolean       *done,
                                                  guint           timeout_ms);
void           dossier_test_spin_for             (guint           ms);
void           dossier_test_settle               (void);
void           dossier_test_wait_until_drawn     (GtkWidget      *widget);

/* The reading pane's web view */
JSCValue      *dossier_test_run_js               (WebKitWebView  *web_view,
                                                  const char     *script);
char          *dossier_test_run_js_string        (WebKitWebView  *web_view,
                                                  const char     *script);
gboolean       dossier_test_run_js_bool          (WebKitWebView  *web_view,
                                                  const char     *script);
double         dossier_test_run_js_number        (WebKitWebView  *web_view,
                                                  const char     *script);
WebKitWebView *dossier_test_wait_page_ready      (DossierReader  *reader);

/* Dossiers */
DossierStore  *dossier_test_load_default_dossier (void);
DossierStore  *dossier_test_load_data            (const char     *name);

/* What a view asked `win.show-source` (sutt) to show: how many times,
 * and the article, paragraph, offset and length of the last. */
typedef struct
{
  guint n_shown;
  char *article;
  guint paragraph;
  guint64 offset;
  guint64 length;
} DossierTestShownSource;

void           dossier_test_shown_source_record  (DossierTestShownSource *shown,
                                                  GVariant               *parameter);
void           dossier_test_shown_source_clear   (DossierTestShownSource *shown);
void           dossier_test_assert_shown_source  (const DossierTestShownSource *shown,
                                                  DossierSource                *source);

/* Windows and widgets */
DossierWindow *dossier_test_new_window           (DossierApplication *app);
void           dossier_test_assert_reader_shows_quote (DossierWindow *window,
                                                       const char    *quote);
GtkWidget     *dossier_test_find_widget          (GtkWidget      *root,
                                                  GType           type);

G_END_DECLS
