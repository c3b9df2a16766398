/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the two hand-drawn canvases, DossierTimeline and DossierGraph,
 * share: the style they draw in and the outlines and focus ring they draw,
 * so both look the same and follow light and dark alike. */

gboolean dossier_canvas_is_dark              (void);
void     dossier_canvas_get_fg_color         (GtkWidget            *widget,
                                              GdkRGBA              *color);
void     dossier_canvas_get_fallback_accent  (gboolean              dark,
                                              GdkRGBA              *color);
void     dossier_canvas_append_outline       (GtkSnapshot          *snapshot,
                                              const GskRoundedRect *shape,
                                              float                 width,
                                              const GdkRGBA        *color);
void     dossier_canvas_append_focus_ring    (GtkSnapshot          *snapshot,
                                              float                 width,
                                              float                 height,
                                              const GdkRGBA        *color);

G_END_DECLS
