/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DossierList: a list that never changes, over an array.  The model holds
 * tens of thousands of small lists (the sources of each event, the events
 * of each entity…); a GListStore keeps each item in a GSequence node,
 * several times the memory of a pointer, and is built one node at a time. */

#include "dossier-list-private.h"

/* Marks the storage of a list of several items, see below */
#define ARRAY_TAG ((guintptr) 1)

struct _DossierList
{
  GObject parent_instance;

  GType item_type;
  /* Most lists have a single item (the one source of an event, of a
   * relation), kept here as it is.  Otherwise this is NULL for an empty
   * list, or an array whose first element is the number of items, with
   * ARRAY_TAG set (an object or a g_malloc() block is never at an odd
   * address).  A list of one is then a single 40-byte block, the smallest
   * one malloc gives a GObject with two fields, rather than three blocks
   * (the list with a count, a GPtrArray and its array) of twice the size. */
  gpointer storage;
};

static void dossier_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierList, dossier_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dossier_list_model_init))

/* The array of a list of several items, or NULL */
static inline gpointer *
get_array (DossierList *self)
{
  guintptr storage = (guintptr) self->storage;

  return (storage & ARRAY_TAG) != 0 ? (gpointer *) (storage & ~ARRAY_TAG) : NULL;
}

static inline guint
get_n_items (DossierList *self)
{
  gpointer *array = get_array (self);

  if (array != NULL)
    return GPOINTER_TO_UINT (array[0]);

  return self->storage != NULL ? 1 : 0;
}

static inline gpointer
peek (DossierList *self,
      guint        position)
{
  gpointer *array = get_array (self);

  return array != NULL ? array[position + 1] : self->storage;
}

static GType
dossier_list_get_item_type (GListModel *model)
{
  return DOSSIER_LIST (model)->item_type;
}

static guint
dossier_list_get_n_items (GListModel *model)
{
  return get_n_items (DOSSIER_LIST (model));
}

static gpointer
dossier_list_get_item (GListModel *model,
                       guint       position)
{
  DossierList *self = DOSSIER_LIST (model);

  if (position >= get_n_items (self))
    return NULL;

  return g_object_ref (peek (self, position));
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
  guint n = get_n_items (self);

  for (guint i = 0; i < n; i++)
    g_object_unref (peek (self, i));
  g_free (get_array (self));

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
  for (guint i = 0; i < n; i++)
    g_assert (g_type_is_a (G_OBJECT_TYPE (items->pdata[i]), item_type));

  if (n == 1)
    {
      self->storage = g_object_ref (items->pdata[0]);
    }
  else if (n > 1)
    {
      gpointer *array = g_new (gpointer, n + 1);

      g_assert (((guintptr) array & ARRAY_TAG) == 0);
      array[0] = GUINT_TO_POINTER (n);
      for (guint i = 0; i < n; i++)
        array[i + 1] = g_object_ref (items->pdata[i]);
      self->storage = (gpointer) ((guintptr) array | ARRAY_TAG);
    }

  return G_LIST_MODEL (self);
}

/**
 * dossier_list_peek_item:
 * @position: less than the number of items
 *
 * Returns: (transfer none): the item at @position, without the reference
 *   g_list_model_get_item() would add (for the store's indexes, which look
 *   up many items by position)
 */
gpointer
dossier_list_peek_item (GListModel *list,
                        guint       position)
{
  DossierList *self = DOSSIER_LIST (list);

  g_return_val_if_fail (position < get_n_items (self), NULL);

  return peek (self, position);
}
