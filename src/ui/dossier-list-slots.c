/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-list-slots.h"

/* The article list as its GtkGridView sees it: one placeholder item per
 * position of a GtkSingleSelection's list, with that selection's
 * selection.  A row shows the article at its position, and the view gives
 * the rows their new articles when the list changes
 * (dossier_list_slots_update()); the grid hears only of rows moving up or
 * down, and of the list's new length.
 *
 * This is for the search.  A keystroke changes most of the list, and the
 * filter reports it as one change, from the first article that changed to
 * the last.  Told of such a change, GTK 4.8's list machinery
 * (GtkListItemManager) does much more than the few rows on screen need:
 * as the change covers rows it keeps, it asks the model for every item the
 * change adds (thousands: a reference taken and dropped and a hash table
 * looked up for each) to see whether its rows' articles are among them;
 * it moves each row it finds to its new place among its siblings and
 * binds it again (GtkSignalListItemFactory rebinds on any change of
 * position); and for the articles it has no row for it makes new rows,
 * destroying the old ones, rather than give the old ones the new articles.
 * Here the grid keeps its rows, in their order: a keystroke binds again
 * at most the rows it keeps (when they move, in a scrolled list), and the
 * rows lay out texts only for articles that none of them showed a moment
 * ago (see dossier-row-label.c). */
struct _DossierListSlots
{
  GObject parent_instance;

  GtkSingleSelection *selection;
  /* How many positions the grid knows of */
  guint n_items;
  /* The placeholders, made when first asked for (NULL until then); one
   * moves with the row it is bound to. */
  GPtrArray *slots;
  /* The selected position, as the grid was last told */
  guint selected;
};

static void dossier_list_slots_list_model_init (GListModelInterface *iface);
static void dossier_list_slots_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierListSlots, dossier_list_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dossier_list_slots_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, dossier_list_slots_selection_model_init))

static GType
dossier_list_slots_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
dossier_list_slots_get_n_items (GListModel *list)
{
  return DOSSIER_LIST_SLOTS (list)->n_items;
}

static gpointer
dossier_list_slots_get_item (GListModel *list,
                             guint       position)
{
  DossierListSlots *self = DOSSIER_LIST_SLOTS (list);

  if (position >= self->n_items)
    return NULL;

  if (position >= self->slots->len)
    g_ptr_array_set_size (self->slots, position + 1);
  if (g_ptr_array_index (self->slots, position) == NULL)
    g_ptr_array_index (self->slots, position) = g_object_new (G_TYPE_OBJECT, NULL);

  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
dossier_list_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dossier_list_slots_get_item_type;
  iface->get_n_items = dossier_list_slots_get_n_items;
  iface->get_item = dossier_list_slots_get_item;
}

/* The selection is the wrapped selection's, position for position. */
static gboolean
dossier_list_slots_is_selected (GtkSelectionModel *model,
                                guint              position)
{
  return gtk_selection_model_is_selected (GTK_SELECTION_MODEL (DOSSIER_LIST_SLOTS (model)->selection), position);
}

static GtkBitset *
dossier_list_slots_get_selection_in_range (GtkSelectionModel *model,
                                           guint              position,
                                           guint              n_items)
{
  return gtk_selection_model_get_selection_in_range (GTK_SELECTION_MODEL (DOSSIER_LIST_SLOTS (model)->selection),
                                                     position, n_items);
}

static gboolean
dossier_list_slots_select_item (GtkSelectionModel *model,
                                guint              position,
                                gboolean           unselect_rest)
{
  return gtk_selection_model_select_item (GTK_SELECTION_MODEL (DOSSIER_LIST_SLOTS (model)->selection),
                                          position, unselect_rest);
}

static gboolean
dossier_list_slots_unselect_item (GtkSelectionModel *model,
                                  guint              position)
{
  return gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (DOSSIER_LIST_SLOTS (model)->selection), position);
}

static gboolean
dossier_list_slots_select_range (GtkSelectionModel *model,
                                 guint              position,
                                 guint              n_items,
                                 gboolean           unselect_rest)
{
  return gtk_selection_model_select_range (GTK_SELECTION_MODEL (DOSSIER_LIST_SLOTS (model)->selection),
                                           position, n_items, unselect_rest);
}

static gboolean
dossier_list_slots_unselect_range (GtkSelectionModel *model,
                                   guint              position,
                                   guint              n_items)
{
  return gtk_selection_model_unselect_range (GTK_SELECTION_MODEL (DOSSIER_LIST_SLOTS (model)->selection),
                                             position, n_items);
}

static gboolean
dossier_list_slots_select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (GTK_SELECTION_MODEL (DOSSIER_LIST_SLOTS (model)->selection));
}

static gboolean
dossier_list_slots_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (DOSSIER_LIST_SLOTS (model)->selection));
}

static gboolean
dossier_list_slots_set_selection (GtkSelectionModel *model,
                                  GtkBitset         *selected,
                                  GtkBitset         *mask)
{
  return gtk_selection_model_set_selection (GTK_SELECTION_MODEL (DOSSIER_LIST_SLOTS (model)->selection),
                                            selected, mask);
}

static void
dossier_list_slots_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = dossier_list_slots_is_selected;
  iface->get_selection_in_range = dossier_list_slots_get_selection_in_range;
  iface->select_item = dossier_list_slots_select_item;
  iface->unselect_item = dossier_list_slots_unselect_item;
  iface->select_range = dossier_list_slots_select_range;
  iface->unselect_range = dossier_list_slots_unselect_range;
  iface->select_all = dossier_list_slots_select_all;
  iface->unselect_all = dossier_list_slots_unselect_all;
  iface->set_selection = dossier_list_slots_set_selection;
}

/* Tells the grid that the selection changed at @position, if it has it. */
static void
selection_changed_at (DossierListSlots *self,
                      guint             position)
{
  if (position < self->n_items)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, 1);
}

/**
 * dossier_list_slots_update:
 * @shift: how far the rows the grid shows moved: the row at position p is
 *   at p + @shift now
 * @n_items: how many items the list has now
 *
 * Tells the grid of a change of the list: the move of its rows as items
 * added or removed at the start (the grid keeps the rows and their place
 * on screen, and binds them to their new positions), the new length as
 * items added or removed at the end, and nothing else.  The rows it does
 * not bind again find out their new articles by themselves.
 */
void
dossier_list_slots_update (DossierListSlots *self,
                           int               shift,
                           guint             n_items)
{
  guint old_selected = self->selected;

  g_return_if_fail (DOSSIER_IS_LIST_SLOTS (self));

  if (n_items == 0)
    shift = 0;

  if (shift > 0)
    {
      guint len = self->slots->len;

      /* Placeholders move with their rows; none yet for the new ones */
      g_ptr_array_set_size (self->slots, len + shift);
      memmove (self->slots->pdata + shift, self->slots->pdata, len * sizeof (gpointer));
      memset (self->slots->pdata, 0, shift * sizeof (gpointer));
      self->n_items += shift;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, shift);
    }
  else if (shift < 0)
    {
      guint removed = MIN ((guint) -shift, self->n_items);

      if (self->slots->len > 0)
        g_ptr_array_remove_range (self->slots, 0, MIN (removed, self->slots->len));
      self->n_items -= removed;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
    }

  if (self->slots->len > n_items)
    g_ptr_array_set_size (self->slots, n_items);
  if (self->n_items != n_items)
    {
      guint kept = MIN (self->n_items, n_items);
      guint old_n = self->n_items;

      self->n_items = n_items;
      g_list_model_items_changed (G_LIST_MODEL (self), kept, old_n - kept, n_items - kept);
    }

  /* The selected article, where the grid has it and where it is now */
  self->selected = gtk_single_selection_get_selected (self->selection);
  if (old_selected != GTK_INVALID_LIST_POSITION && (int) old_selected + shift >= 0)
    old_selected += shift;
  else
    old_selected = GTK_INVALID_LIST_POSITION;
  if (old_selected != self->selected)
    {
      selection_changed_at (self, old_selected);
      selection_changed_at (self, self->selected);
    }
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      DossierListSlots  *self)
{
  self->selected = gtk_single_selection_get_selected (self->selection);
  if (position < self->n_items)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position,
                                           MIN (n_items, self->n_items - position));
}

static void
slot_free (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
dossier_list_slots_dispose (GObject *object)
{
  DossierListSlots *self = DOSSIER_LIST_SLOTS (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_list_slots_parent_class)->dispose (object);
}

static void
dossier_list_slots_class_init (DossierListSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_list_slots_dispose;
}

static void
dossier_list_slots_init (DossierListSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_free);
  self->selected = GTK_INVALID_LIST_POSITION;
}

/**
 * dossier_list_slots_new:
 * @selection: the list, and its selection
 *
 * The grid does not hear of @selection's changes: tell it with
 * dossier_list_slots_update(), before anything that changes the selection
 * in response to them.
 */
DossierListSlots *
dossier_list_slots_new (GtkSingleSelection *selection)
{
  DossierListSlots *self;

  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (selection), NULL);

  self = g_object_new (DOSSIER_TYPE_LIST_SLOTS, NULL);
  self->selection = g_object_ref (selection);
  self->n_items = g_list_model_get_n_items (G_LIST_MODEL (selection));
  self->selected = gtk_single_selection_get_selected (selection);
  g_signal_connect (selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  return self;
}
