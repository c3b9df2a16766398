/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DossierList: a list that never changes, over an array.  The model holds
 * tens of thousands of small lists (the sources of each event, the events
 * of each entity…); a GListStore keeps each item in a GSequence node,
 * several times the memory of a pointer, and is built one node at a time. */

#include "dossier-list-private.h"

struct _DossierList
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;     /* owns a reference to each item */
};

static void dossier_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierList, dossier_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dossier_list_model_init))

static GType
dossier_list_get_item_type (GListModel *model)
{
  return DOSSIER_LIST (model)->item_type;
}

static guint
dossier_list_get_n_items (GListModel *model)
{
  return DOSSIER_LIST (model)->items->len;
}

static gpointer
dossier_list_get_item (GListModel *model,
                       guint       position)
{
  DossierList *self = DOSSIER_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (self->items->pdata[position]);
}

static void
dossier_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dossier_list_get_item_type;
  iface->get_n_items = dossier_list_get_n_items;
  iface->get_item = dossier_list_get_item;
}

static void
dossier_list_finalize (GObject *object)
{
  DossierList *self = DOSSIER_LIST (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (dossier_list_parent_class)->finalize (object);
}

static void
dossier_list_class_init (DossierListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_list_finalize;
}

static void
dossier_list_init (DossierList *self)
{
}

/**
 * dossier_list_new:
 * @item_type: the type of every item
 * @items: (nullable) (element-type GObject): the items, in order; the list
 *   takes its own references
 *
 * Returns: (transfer full): a list of @items that never changes
 */
GListModel *
dossier_list_new (GType      item_type,
                  GPtrArray *items)
{
  DossierList *self = g_object_new (DOSSIER_TYPE_LIST, NULL);
  guint n = items != NULL ? items->len : 0;

  self->item_type = item_type;
  self->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_assert (g_type_is_a (G_OBJECT_TYPE (items->pdata[i]), item_type));
      g_ptr_array_add (self->items, g_object_ref (items->pdata[i]));
    }

  return G_LIST_MODEL (self);
}
