/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-model.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_READER (dossier_reader_get_type ())

G_DECLARE_FINAL_TYPE (DossierReader, dossier_reader, DOSSIER, READER, GtkWidget)

GtkWidget      *dossier_reader_new            (void);
void            dossier_reader_show_article   (DossierReader  *self,
                                               DossierStore   *store,
                                               DossierArticle *article,
                                               guint           paragraph,
                                               gsize           offset,
                                               gsize           length);
void            dossier_reader_clear          (DossierReader  *self);
DossierArticle *dossier_reader_get_article    (DossierReader  *self);
void            dossier_reader_set_search     (DossierReader  *self,
                                               const char     *search);
void            dossier_reader_zoom_in        (DossierReader  *self);
void            dossier_reader_zoom_out       (DossierReader  *self);
void            dossier_reader_zoom_reset     (DossierReader  *self);
gboolean        dossier_reader_is_page_ready  (DossierReader  *self);
const char     *dossier_reader_get_page_uri   (DossierReader  *self);
GtkWidget      *dossier_reader_get_web_view   (DossierReader  *self);

G_END_DECLS
