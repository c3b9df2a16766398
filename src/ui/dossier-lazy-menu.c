/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-lazy-menu.h"

/* A GtkMenuButton given a menu model builds the menu's popover at once;
 * the window's menus are built the first time they open instead, so the
 * first frame does not wait for widgets nobody has asked to see. */

static void
create_popup (GtkMenuButton *button,
              gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

/* Gives @button @menu the first time it opens: by a click, the keyboard,
 * F10 for the primary menu, or gtk_menu_button_popup(). */
void
dossier_lazy_menu_attach (GtkMenuButton *button,
                          GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_create_popup_func (button, create_popup, g_object_ref (menu), g_object_unref);
}
