/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "dossier-util-private.h"

/* Returns: (transfer full): a list holding @items (may be %NULL), built in
 * one splice rather than one insertion per item */
GListStore *
dossier_list_new (GType      item_type,
                  GPtrArray *items)
{
  GListStore *list = g_list_store_new (item_type);

  if (items != NULL && items->len > 0)
    g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return list;
}
