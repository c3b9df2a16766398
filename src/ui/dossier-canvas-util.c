/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "dossier-canvas-util.h"

/* Whether the app is drawn dark, whatever the reason (the user's choice or
 * the system's). */
gboolean
dossier_canvas_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The widget's CSS foreground colour, which the text and lines take. */
void
dossier_canvas_get_fg_color (GtkWidget *widget,
                             GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}

/* libadwaita's default @accent_color, for when the style does not say. */
void
dossier_canvas_get_fallback_accent (gboolean  dark,
                                    GdkRGBA  *color)
{
  if (!gdk_rgba_parse (color, dark ? "#78aeed" : "#1c71d8"))
    g_assert_not_reached ();
}

/* A line of @width in @color all round @shape, on its inside. */
void
dossier_canvas_append_outline (GtkSnapshot          *snapshot,
                               const GskRoundedRect *shape,
                               float                 width,
                               const GdkRGBA        *color)
{
  GdkRGBA colors[4] = { *color, *color, *color, *color };
  float widths[4] = { width, width, width, width };

  gtk_snapshot_append_border (snapshot, shape, widths, colors);
}

/* The keyboard focus ring the canvases draw round themselves, 1 px in
 * from the edges of @width × @height, in @color (the accent, faded). */
void
dossier_canvas_append_focus_ring (GtkSnapshot   *snapshot,
                                  float          width,
                                  float          height,
                                  const GdkRGBA *color)
{
  GskRoundedRect ring;

  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
  dossier_canvas_append_outline (snapshot, &ring, 2, color);
}
