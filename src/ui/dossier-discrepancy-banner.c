/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-discrepancy-banner.h"
#include "dossier-discrepancy-marks.h"

/**
 * dossier_discrepancy_banner_new:
 * @discrepancy: a discrepancy
 *
 * A line for a detail pane: the "≠" marker, "The sources disagree on:
 * TOPIC" and a "Compare Claims" button that activates
 * `win.show-discrepancy` with the discrepancy's id.  It carries its
 * meaning in text and a sign, not in colour.
 *
 * Returns: (transfer floating): the banner
 */
GtkWidget *
dossier_discrepancy_banner_new (DossierDiscrepancy *discrepancy)
{
  GtkWidget *box, *marker, *column, *label, *button;
  g_autofree char *text = NULL;
  g_autofree char *button_label = NULL;

  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (discrepancy), NULL);

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_HORIZONTAL,
                      "spacing", 10,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                      NULL);
  gtk_widget_add_css_class (box, "discrepancy-banner");

  marker = g_object_new (GTK_TYPE_LABEL,
                         "label", "≠",
                         "valign", GTK_ALIGN_CENTER,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                         NULL);
  gtk_widget_add_css_class (marker, "discrepancy-marker");
  gtk_box_append (GTK_BOX (box), marker);

  /* The text above its button, so the banner reads well in a narrow
   * detail pane as in a wide one. */
  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (box), column);

  text = dossier_discrepancy_describe (discrepancy);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (column), label);

  /* Translators: button beside "The sources disagree on: …" in a detail
   * pane; it shows the competing claims */
  button = gtk_button_new_with_mnemonic (_("_Compare Claims"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-discrepancy");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", dossier_discrepancy_get_id (discrepancy));
  /* Translators: accessible name of the "Compare Claims" button; %s is the
   * topic of the discrepancy */
  button_label = g_strdup_printf (_("Compare the claims on: %s"), dossier_discrepancy_get_topic (discrepancy));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  gtk_widget_set_tooltip_text (button, _("Show the competing claims side by side"));
  gtk_box_append (GTK_BOX (column), button);

  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return box;
}

/**
 * dossier_discrepancy_banner_list_new:
 * @discrepancies: (element-type DossierDiscrepancy): e.g. from
 *   dossier_store_get_event_discrepancies()
 *
 * One banner per discrepancy, in a vertical box, for a detail pane to
 * append as is.
 *
 * Returns: (transfer floating) (nullable): the box, or %NULL when
 *   @discrepancies is empty
 */
GtkWidget *
dossier_discrepancy_banner_list_new (GListModel *discrepancies)
{
  GtkWidget *box;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (discrepancies), NULL);

  n = g_list_model_get_n_items (discrepancies);
  if (n == 0)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "discrepancy-banners");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (discrepancies, i);

      gtk_box_append (GTK_BOX (box), dossier_discrepancy_banner_new (discrepancy));
    }
  return box;
}
