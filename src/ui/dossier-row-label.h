/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_ROW_LABEL (dossier_row_label_get_type ())

G_DECLARE_FINAL_TYPE (DossierRowLabel, dossier_row_label, DOSSIER, ROW_LABEL, GtkWidget)

GtkWidget  *dossier_row_label_new       (void);
const char *dossier_row_label_get_text  (DossierRowLabel *self);
void        dossier_row_label_set_text  (DossierRowLabel *self,
                                         const char      *text);
guint       dossier_row_label_get_lines (DossierRowLabel *self);
void        dossier_row_label_set_lines (DossierRowLabel *self,
                                         guint            lines);

G_END_DECLS
