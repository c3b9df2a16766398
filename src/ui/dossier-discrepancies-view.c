/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-discrepancies-view.h"
#include "dossier-discrepancy-card.h"

/* The Discrepancies page: every discrepancy of the dossier as a card, in
 * file order, narrowed to those involving the entity of the shared
 * selection (shown as a chip that clears it).  Discrepancies are few, so
 * all cards are built when the store changes and filtering only hides
 * them; that keeps every quote reachable with Tab in reading order. */

/* Frames to keep the requested card at the top while the layout settles
 * (a filter just lifted, the page just switched to). */
#define SHOW_SETTLE_FRAMES 3

/* How long a card shown on request stays highlighted. */
#define HIGHLIGHT_SECONDS 6

struct _DossierDiscrepanciesView
{
  GtkWidget parent_instance;

  DossierSelection *selection;
  DossierStore *store;
  GHashTable *cards;                /* DossierDiscrepancy* → DossierDiscrepancyCard* */
  guint n_shown;

  DossierDiscrepancyCard *pending;  /* the card to bring into view */
  guint pending_frames;
  guint tick_id;
  DossierDiscrepancyCard *highlighted;
  guint highlight_id;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkViewport *viewport;
  GtkWidget *clamp;
  GtkLabel *count_label;
  GtkWidget *chip;
  GtkLabel *chip_label;
  GtkWidget *chip_button;
  GtkWidget *cards_box;
  AdwStatusPage *filtered_page;
};

G_DEFINE_FINAL_TYPE (DossierDiscrepanciesView, dossier_discrepancies_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stop_showing (DossierDiscrepanciesView *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  self->pending = NULL;
}

static void
clear_highlight (DossierDiscrepanciesView *self)
{
  g_clear_handle_id (&self->highlight_id, g_source_remove);
  if (self->highlighted != NULL)
    dossier_discrepancy_card_set_highlighted (self->highlighted, FALSE);
  self->highlighted = NULL;
}

static void
apply_filter (DossierDiscrepanciesView *self)
{
  DossierEntity *entity = dossier_selection_get_entity (self->selection);
  GListModel *all = dossier_store_get_discrepancies (self->store);
  guint total = g_list_model_get_n_items (all);
  g_autoptr(GHashTable) involved = NULL;
  g_autofree char *count = NULL;

  if (entity != NULL)
    {
      GListModel *list = dossier_store_get_entity_discrepancies (self->store, entity);

      involved = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (list, i);

          g_hash_table_add (involved, discrepancy);
        }
    }

  self->n_shown = 0;
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (all, i);
      GtkWidget *card = g_hash_table_lookup (self->cards, discrepancy);
      gboolean visible = involved == NULL || g_hash_table_contains (involved, discrepancy);

      gtk_widget_set_visible (card, visible);
      if (visible)
        self->n_shown++;
    }

  if (entity != NULL)
    {
      g_autofree char *chip = NULL;
      g_autofree char *chip_accessible = NULL;

      /* Translators: the number of discrepancies shown out of all of them,
       * while they are narrowed to one entity; the plural follows the total */
      count = g_strdup_printf (ngettext ("Showing %u of %u discrepancy",
                                         "Showing %u of %u discrepancies", total),
                               self->n_shown, total);
      /* Translators: the chip that narrows the discrepancies to those
       * about one entity; %s is its name, e.g. "Involving Meta" */
      chip = g_strdup_printf (_("Involving %s"), dossier_entity_get_name (entity));
      gtk_label_set_text (self->chip_label, chip);
      /* Translators: accessible name of the button that clears the entity
       * filter; %s is the entity's name */
      chip_accessible = g_strdup_printf (_("Stop narrowing to %s and show all discrepancies"),
                                         dossier_entity_get_name (entity));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chip_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, chip_accessible, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chip),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, chip, -1);
    }
  else
    /* Translators: how many discrepancies the dossier records */
    count = g_strdup_printf (ngettext ("%u discrepancy", "%u discrepancies", total), total);

  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (self->chip, entity != NULL);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (self->n_shown == 0)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the name of an entity, e.g. "No Discrepancies Involving Nvidia" */
      title = g_strdup_printf (_("No Discrepancies Involving %s"), dossier_entity_get_name (entity));
      adw_status_page_set_title (self->filtered_page, title);
      gtk_stack_set_visible_child_name (self->stack, "filtered-empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
rebuild (DossierDiscrepanciesView *self)
{
  GtkWidget *child;
  GListModel *all;

  stop_showing (self);
  clear_highlight (self);
  g_hash_table_remove_all (self->cards);
  while ((child = gtk_widget_get_first_child (self->cards_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->cards_box), child);

  g_set_object (&self->store, dossier_selection_get_store (self->selection));
  all = dossier_store_get_discrepancies (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (all, i);
      GtkWidget *card = dossier_discrepancy_card_new (discrepancy);

      g_hash_table_insert (self->cards, discrepancy, card);
      gtk_box_append (GTK_BOX (self->cards_box), card);
    }

  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->viewport)), 0);
  apply_filter (self);
}

static void
store_changed_cb (DossierDiscrepanciesView *self)
{
  rebuild (self);
}

static void
entity_changed_cb (DossierDiscrepanciesView *self)
{
  apply_filter (self);
}

/* ---- showing one discrepancy ------------------------------------------------ */

static gboolean
highlight_timeout_cb (gpointer user_data)
{
  DossierDiscrepanciesView *self = user_data;

  self->highlight_id = 0;
  clear_highlight (self);
  return G_SOURCE_REMOVE;
}

static void
scroll_card_to_top (DossierDiscrepanciesView *self,
                    GtkWidget                *card)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->viewport));
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (card, self->clamp, &bounds))
    return;
  /* The adjustment clamps to its range, so the last cards stop short of
   * the top. */
  gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - 12));
}

static gboolean
show_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  DossierDiscrepanciesView *self = DOSSIER_DISCREPANCIES_VIEW (widget);
  GtkWidget *card = GTK_WIDGET (self->pending);

  /* Hidden again (another page of the window): carry on in map. */
  if (card == NULL || !gtk_widget_get_mapped (widget))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (!gtk_widget_get_mapped (card) || gtk_widget_get_height (card) <= 0)
    return G_SOURCE_CONTINUE;

  /* Focus first: the viewport scrolls to the focused widget by the least
   * amount, which for a tall card would leave its top out of view. */
  if (self->pending_frames == 0)
    gtk_widget_grab_focus (card);
  scroll_card_to_top (self, card);

  if (++self->pending_frames < SHOW_SETTLE_FRAMES)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  self->pending = NULL;
  return G_SOURCE_REMOVE;
}

static void
start_showing (DossierDiscrepanciesView *self)
{
  if (self->pending != NULL && self->tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_tick_cb, NULL, NULL);
}

/**
 * dossier_discrepancies_view_show:
 * @self: the view
 * @discrepancy: a discrepancy of the current store
 *
 * Brings the card of @discrepancy to the top of the view, highlights it
 * for a few seconds and gives it the keyboard focus (so a screen reader
 * reads its topic).  If the entity filter hides it, the filter is lifted.
 * The view does not need to be visible: it does this when next mapped.
 */
void
dossier_discrepancies_view_show (DossierDiscrepanciesView *self,
                                 DossierDiscrepancy       *discrepancy)
{
  DossierDiscrepancyCard *card;

  g_return_if_fail (DOSSIER_IS_DISCREPANCIES_VIEW (self));
  g_return_if_fail (DOSSIER_IS_DISCREPANCY (discrepancy));

  card = g_hash_table_lookup (self->cards, discrepancy);
  g_return_if_fail (card != NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (card)))
    dossier_selection_set_entity (self->selection, NULL);

  clear_highlight (self);
  self->highlighted = card;
  dossier_discrepancy_card_set_highlighted (card, TRUE);
  self->highlight_id = g_timeout_add_seconds (HIGHLIGHT_SECONDS, highlight_timeout_cb, self);

  stop_showing (self);
  self->pending = card;
  self->pending_frames = 0;
  start_showing (self);
}

GtkWidget *
dossier_discrepancies_view_get_card (DossierDiscrepanciesView *self,
                                     DossierDiscrepancy       *discrepancy)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCIES_VIEW (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (discrepancy), NULL);

  return g_hash_table_lookup (self->cards, discrepancy);
}

/* The number of cards the entity filter leaves */
guint
dossier_discrepancies_view_get_n_shown (DossierDiscrepanciesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCIES_VIEW (self), 0);

  return self->n_shown;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
dossier_discrepancies_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dossier_discrepancies_view_parent_class)->map (widget);

  start_showing (DOSSIER_DISCREPANCIES_VIEW (widget));
}

static void
dossier_discrepancies_view_constructed (GObject *object)
{
  DossierDiscrepanciesView *self = DOSSIER_DISCREPANCIES_VIEW (object);

  G_OBJECT_CLASS (dossier_discrepancies_view_parent_class)->constructed (object);

  if (self->selection == NULL)
    self->selection = dossier_selection_new ();

  g_signal_connect_object (self->selection, "notify::store",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::entity",
                           G_CALLBACK (entity_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
dossier_discrepancies_view_dispose (GObject *object)
{
  DossierDiscrepanciesView *self = DOSSIER_DISCREPANCIES_VIEW (object);

  stop_showing (self);
  g_clear_handle_id (&self->highlight_id, g_source_remove);
  self->highlighted = NULL;
  if (self->cards != NULL)
    g_hash_table_remove_all (self->cards);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DISCREPANCIES_VIEW);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (dossier_discrepancies_view_parent_class)->dispose (object);
}

static void
dossier_discrepancies_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  DossierDiscrepanciesView *self = DOSSIER_DISCREPANCIES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_discrepancies_view_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  DossierDiscrepanciesView *self = DOSSIER_DISCREPANCIES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      self->selection = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_discrepancies_view_class_init (DossierDiscrepanciesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_discrepancies_view_constructed;
  object_class->dispose = dossier_discrepancies_view_dispose;
  object_class->get_property = dossier_discrepancies_view_get_property;
  object_class->set_property = dossier_discrepancies_view_set_property;
  widget_class->map = dossier_discrepancies_view_map;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, DOSSIER_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dossier-discrepancies-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, viewport);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, clamp);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, chip);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, chip_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, chip_button);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepanciesView, filtered_page);
  gtk_widget_class_set_css_name (widget_class, "dossier-discrepancies-view");
}

static void
dossier_discrepancies_view_init (DossierDiscrepanciesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cards = g_hash_table_new (NULL, NULL);
}

/**
 * dossier_discrepancies_view_new:
 * @selection: the window's shared selection
 *
 * Returns: (transfer floating): the Discrepancies view
 */
GtkWidget *
dossier_discrepancies_view_new (DossierSelection *selection)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (selection), NULL);

  return g_object_new (DOSSIER_TYPE_DISCREPANCIES_VIEW, "selection", selection, NULL);
}

DossierSelection *
dossier_discrepancies_view_get_selection (DossierDiscrepanciesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCIES_VIEW (self), NULL);

  return self->selection;
}
