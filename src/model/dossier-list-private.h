/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIST (dossier_list_get_type ())

G_DECLARE_FINAL_TYPE (DossierList, dossier_list, DOSSIER, LIST, GObject)

GListModel *dossier_list_new       (GType       item_type,
                                    GPtrArray  *items);
gpointer    dossier_list_peek_item (GListModel *list,
                                    guint       position);

G_END_DECLS
