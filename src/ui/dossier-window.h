/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-selection.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow *dossier_window_new          (DossierApplication *application);
gboolean       dossier_window_is_view_name (const char         *name);
void           dossier_window_show_view    (DossierWindow      *self,
                                            const char         *name);
const char    *dossier_window_get_view     (DossierWindow      *self);
void           dossier_window_show_item    (DossierWindow      *self,
                                            const char         *kind,
                                            const char         *id);
void           dossier_window_open_file    (DossierWindow      *self,
                                            GFile              *file);
DossierSelection *dossier_window_get_selection (DossierWindow *self);
void           dossier_window_add_toast    (DossierWindow      *self,
                                            const char         *message);

G_END_DECLS
