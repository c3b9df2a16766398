/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Small helpers shared by the model classes; not part of the API. */

GListStore *dossier_list_new (GType      item_type,
                              GPtrArray *items);

G_END_DECLS
