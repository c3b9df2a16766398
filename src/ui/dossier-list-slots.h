/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIST_SLOTS (dossier_list_slots_get_type ())

G_DECLARE_FINAL_TYPE (DossierListSlots, dossier_list_slots, DOSSIER, LIST_SLOTS, GObject)

DossierListSlots *dossier_list_slots_new    (GtkSingleSelection *selection);
void              dossier_list_slots_update (DossierListSlots   *self,
                                             int                 shift,
                                             guint               n_items);

G_END_DECLS
