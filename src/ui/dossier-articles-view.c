/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "dossier-article-filter.h"
#include "dossier-article-filter-model.h"
#include "dossier-article-row.h"
#include "dossier-article-sorter.h"
#include "dossier-articles-view.h"
#include "dossier-lazy-menu.h"
#include "dossier-list-slots.h"
#include "dossier-reader.h"

/* The Articles view: the dossier's articles, searchable and sortable,
 * beside the reading pane. The list follows the shared selection: the
 * selected entity narrows it (shown as a chip that clears it), and the
 * selected article is the one open in the reader. */
struct _DossierArticlesView
{
  GtkWidget parent_instance;

  DossierSelection *selection;
  GSettings *settings;
  DossierArticleSort sort;

  DossierArticleFilter *filter;
  DossierArticleSorter *sorter;
  GtkSortListModel *sort_model;
  DossierArticleFilterModel *filter_model;
  GtkSingleSelection *list_selection;
  /* What the list widget shows: the list's positions (see
   * dossier-list-slots.c), and the list items it has bound to them */
  DossierListSlots *slots;
  GHashTable *bound_items;
  /* The rows made for the list, kept to be given to it again once it lets
   * go of them (see setup_row) */
  GPtrArray *rows;

  /* Set while the view itself moves the selection, so it does not react
   * to its own changes. */
  guint syncing;

  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkRevealer *chip_revealer;
  GtkLabel *chip_label;
  GtkLabel *count_label;
  GtkMenuButton *sort_button;
  GMenuModel *sort_menu;
  GtkStack *list_stack;
  GtkGridView *list_view;
  AdwStatusPage *no_match_page;
  GtkRevealer *back_revealer;
  DossierReader *reader;
};

G_DEFINE_FINAL_TYPE (DossierArticlesView, dossier_articles_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static DossierStore *
get_store (DossierArticlesView *self)
{
  return self->selection != NULL ? dossier_selection_get_store (self->selection) : NULL;
}

/* Where @article is in the list as shown, if it is.  This runs whenever a
 * keystroke changes the list: rather than a walk through ten thousand
 * items, the filter says whether it is there and the sort order where. */
static guint
find_position (DossierArticlesView *self,
               DossierArticle      *article)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  GtkSorter *sorter = GTK_SORTER (self->sorter);
  guint low = 0, high = g_list_model_get_n_items (model);

  if (article == NULL || !gtk_filter_match (GTK_FILTER (self->filter), article))
    return GTK_INVALID_LIST_POSITION;

  /* The first item not before @article… */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(DossierArticle) item = g_list_model_get_item (model, middle);

      if (gtk_sorter_compare (sorter, item, article) == GTK_ORDERING_SMALLER)
        low = middle + 1;
      else
        high = middle;
    }

  /* …then among those that sort the same, itself. */
  for (guint i = low, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(DossierArticle) item = g_list_model_get_item (model, i);

      if (item == article)
        return i;
      if (gtk_sorter_compare (sorter, item, article) != GTK_ORDERING_EQUAL)
        break;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
scroll_to_selected (DossierArticlesView *self)
{
  guint position = gtk_single_selection_get_selected (self->list_selection);

  if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* Shows the open article as selected in the list when the list has it. */
static void
sync_list_selection (DossierArticlesView *self,
                     gboolean             scroll)
{
  DossierArticle *article = dossier_reader_get_article (self->reader);
  guint position;

  if (article == NULL)
    return;
  if (gtk_single_selection_get_selected_item (self->list_selection) == (gpointer) article)
    {
      if (scroll)
        scroll_to_selected (self);
      return;
    }

  position = find_position (self, article);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  self->syncing++;
  gtk_single_selection_set_selected (self->list_selection, position);
  self->syncing--;
  if (scroll)
    scroll_to_selected (self);
}

/* Around a change of the filter: the list's selection is cleared, then
 * the open article selected again where the list now has it.  Kept
 * through the change, the selection would make GtkSingleSelection look
 * for its item among every item the change brings in (thousands, as a
 * search is typed), one by one; find_position() does not. */
static void
begin_filter_change (DossierArticlesView *self)
{
  self->syncing++;
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
}

static void
end_filter_change (DossierArticlesView *self)
{
  self->syncing--;
  sync_list_selection (self, FALSE);
}

static void
open_article (DossierArticlesView *self,
              DossierArticle      *article,
              guint                paragraph,
              gsize                offset,
              gsize                length)
{
  dossier_reader_show_article (self->reader, get_store (self), article, paragraph, offset, length);

  self->syncing++;
  if (self->selection != NULL)
    dossier_selection_set_article (self->selection, article);
  self->syncing--;

  sync_list_selection (self, TRUE);
}

/* Shows @name, one of the list's pages.  The status pages are kept
 * hidden while another page is shown: a hidden page in the stack would
 * still be styled and its icon loaded, for a first frame that shows the
 * list. */
static void
show_list_page (DossierArticlesView *self,
                const char          *name)
{
  static const char * const status_pages[] = { "empty", "no-match" };

  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->list_stack, name), TRUE);
  gtk_stack_set_visible_child_name (self->list_stack, name);
  for (guint i = 0; i < G_N_ELEMENTS (status_pages); i++)
    if (!g_str_equal (name, status_pages[i]))
      gtk_widget_set_visible (gtk_stack_get_child_by_name (self->list_stack, status_pages[i]), FALSE);
}

static void
update_status (DossierArticlesView *self)
{
  DossierStore *store = get_store (self);
  guint total = store != NULL ? g_list_model_get_n_items (dossier_store_get_articles (store)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  if (dossier_article_filter_is_active (self->filter))
    /* Translators: how many articles match a search or entity, of all */
    count = g_strdup_printf (ngettext ("%'u of %'u article", "%'u of %'u articles", total), shown, total);
  else
    /* Translators: "%'u" is a number with its digits grouped as the
     * locale groups them (10,000 in English): keep the ' */
    count = g_strdup_printf (ngettext ("%'u article", "%'u articles", total), total);
  gtk_label_set_label (self->count_label, count);

  if (total == 0)
    show_list_page (self, "empty");
  else if (shown == 0)
    {
      const char *search = dossier_article_filter_get_search (self->filter);
      DossierEntity *entity = dossier_article_filter_get_entity (self->filter);
      g_autofree char *description = NULL;

      if (search != NULL && entity != NULL)
        /* Translators: %s is a search, %s an entity name */
        description = g_strdup_printf (_("No article that mentions %2$s matches “%1$s”."),
                                       search, dossier_entity_get_name (entity));
      else if (search != NULL)
        /* Translators: %s is what the user searched for */
        description = g_strdup_printf (_("No article matches “%s”."), search);
      else if (entity != NULL)
        /* Translators: %s is an entity name */
        description = g_strdup_printf (_("No article mentions %s."), dossier_entity_get_name (entity));
      adw_status_page_set_description (self->no_match_page, description);
      show_list_page (self, "no-match");
    }
  else
    show_list_page (self, "list");
}

static void
on_items_changed (GListModel          *model,
                  guint                position,
                  guint                removed,
                  guint                added,
                  DossierArticlesView *self)
{
  /* A search or sort may have moved the open article or brought it back. */
  sync_list_selection (self, FALSE);
  update_status (self);
}

static void
on_selected_item_changed (GtkSingleSelection  *list_selection,
                          GParamSpec          *pspec,
                          DossierArticlesView *self)
{
  DossierArticle *article;

  if (self->syncing > 0)
    return;

  article = gtk_single_selection_get_selected_item (list_selection);
  /* An article filtered out stays open; a folded view opens on activation. */
  if (article == NULL || adw_leaflet_get_folded (self->leaflet))
    return;

  open_article (self, article, 0, 0, 0);
}

static void
on_list_activate (GtkGridView         *list_view,
                  guint                position,
                  DossierArticlesView *self)
{
  g_autoptr(DossierArticle) article = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (article == NULL)
    return;

  open_article (self, article, 0, 0, 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "reader");
  gtk_widget_grab_focus (GTK_WIDGET (self->reader));
}

/* As many rows as the list keeps (a one-column GtkGridView: 30 rows and
 * a few), and some.  A keystroke leaves the list's rows where they are
 * (see dossier-list-slots.c): rows are made only when the list grows
 * again after a search left it with fewer articles than that. */
#define MAX_KEPT_ROWS 40

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DossierArticlesView      *self)
{
  GtkWidget *row = NULL;

  /* A search that leaves few articles makes the list drop rows, and the
   * next keystroke may need as many again: a row it dropped (which has no
   * parent any more) costs nothing to make. */
  for (guint i = 0; i < self->rows->len && row == NULL; i++)
    if (gtk_widget_get_parent (g_ptr_array_index (self->rows, i)) == NULL)
      row = g_ptr_array_index (self->rows, i);

  if (row == NULL)
    {
      row = dossier_article_row_new ();
      if (self->rows->len < MAX_KEPT_ROWS)
        g_ptr_array_add (self->rows, g_object_ref_sink (row));
    }

  gtk_list_item_set_child (item, row);
}

/* Shows in @item's row the article at its position. */
static void
update_row (DossierArticlesView *self,
            GtkListItem         *item)
{
  g_autoptr(DossierArticle) article = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                             gtk_list_item_get_position (item));

  if (article != NULL)
    dossier_article_row_set_article (DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (item)),
                                     get_store (self), article);
}

/* The list's items are its positions: a row shows the article at its
 * position, and is told when that changes (on_list_items_changed()). */
static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          DossierArticlesView      *self)
{
  g_hash_table_add (self->bound_items, item);
  update_row (self, item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            DossierArticlesView      *self)
{
  g_hash_table_remove (self->bound_items, item);
  dossier_article_row_set_article (DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* Whether the list shows its top: its first row, if only in part (the
 * grid keeps in place the row it scrolled to last, which a change of the
 * list's height, say, can make it take a little away from the top). */
static gboolean
is_at_top (DossierArticlesView *self)
{
  GHashTableIter iter;
  gpointer item;

  if (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view))) < 1)
    return TRUE;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      GtkWidget *row = gtk_list_item_get_child (item);
      graphene_rect_t bounds;

      if (gtk_list_item_get_position (item) == 0)
        return gtk_widget_get_mapped (row) &&
               gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_view), &bounds) &&
               bounds.origin.y + bounds.size.height > 0;
    }

  return FALSE;
}

/* The row at the grid's anchor, the row it keeps in place on screen when
 * the list changes: found as GtkListBase finds it once the list was
 * scrolled, at the point of the view as far down its height as the view
 * is down the list. */
static GtkListItem *
find_anchor_row (DossierArticlesView *self)
{
  GtkWidget *list_view = GTK_WIDGET (self->list_view);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  double upper = gtk_adjustment_get_upper (adjustment), page = gtk_adjustment_get_page_size (adjustment);
  double along = upper > page ? round (gtk_adjustment_get_value (adjustment) / (upper - page) * page) : 0;
  GtkListItem *best = NULL;
  double best_distance = G_MAXDOUBLE;
  GHashTableIter iter;
  gpointer item;

  if (!gtk_widget_get_mapped (list_view))
    return NULL;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      GtkWidget *row = gtk_list_item_get_child (item);
      graphene_rect_t bounds;
      double distance;

      if (!gtk_widget_get_mapped (row) || !gtk_widget_compute_bounds (row, list_view, &bounds))
        continue;
      if (along < bounds.origin.y)
        distance = bounds.origin.y - along;
      else if (along >= bounds.origin.y + bounds.size.height)
        distance = along - bounds.origin.y - bounds.size.height + 1;
      else
        distance = 0;
      if (distance < best_distance)
        {
          best_distance = distance;
          best = item;
        }
    }

  return best;
}

/* The list changed (a keystroke of a search, most often): the grid is
 * told as little as it needs (see dossier-list-slots.c), and its rows are
 * given their new articles.  The rows go where GTK puts them when told of
 * the change itself: a list at its top shows the top of the new one; in a
 * scrolled list, the article at the anchor stays in place if the list
 * still has it, else its place in the change is kept in proportion. */
static void
on_list_items_changed (GListModel          *model,
                       guint                position,
                       guint                removed,
                       guint                added,
                       DossierArticlesView *self)
{
  guint n_items = g_list_model_get_n_items (model);
  gboolean at_top = is_at_top (self);
  GtkListItem *anchor = at_top ? NULL : find_anchor_row (self);
  int shift = 0;
  GHashTableIter iter;
  gpointer item;

  if (anchor != NULL && n_items > 0)
    {
      guint old = gtk_list_item_get_position (anchor);
      DossierArticle *article = dossier_article_row_get_article (DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (anchor)));
      guint now;

      if (old < position)
        now = old;
      else if (old >= position + removed)
        now = old + added - removed;
      else if ((now = find_position (self, article)) == GTK_INVALID_LIST_POSITION)
        now = position + (guint) ((guint64) (old - position) * added / removed);
      shift = (int) MIN (now, n_items - 1) - (int) old;
    }

  /* Every row whose article changes lets go of its texts first, so that
   * an article that moves to another row finds its layouts there. */
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      DossierArticleRow *row = DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (item));
      gint64 now = (gint64) gtk_list_item_get_position (item) + shift;
      g_autoptr(DossierArticle) article = NULL;

      if (now >= 0 && now < n_items)
        article = g_list_model_get_item (G_LIST_MODEL (self->filter_model), now);
      if (article != dossier_article_row_get_article (row))
        dossier_article_row_clear (row);
    }

  /* The rows that moved are bound again (bind_row); the others are told. */
  dossier_list_slots_update (self->slots, shift, n_items);
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_row (self, item);

  /* The grid keeps in place the row it scrolled to last (the selected
   * article's, say), even in a list at its top: there, it is the first. */
  if (at_top && n_items > 0 && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
on_search_changed (GtkSearchEntry      *entry,
                   DossierArticlesView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  begin_filter_change (self);
  dossier_article_filter_set_search (self->filter, text);
  end_filter_change (self);
  dossier_reader_set_search (self->reader, text);
}

static void
on_search_activate (GtkSearchEntry      *entry,
                    DossierArticlesView *self)
{
  guint position = gtk_single_selection_get_selected (self->list_selection);

  /* Enter in the search opens the selected match, or the first. */
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    on_list_activate (self->list_view, position, self);
}

static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       DossierArticlesView   *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    {
      if (gtk_single_selection_get_selected (self->list_selection) == GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->list_selection, 0);
      scroll_to_selected (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      return TRUE;
    }

  return FALSE;
}

static void
on_search_mode_changed (GtkSearchBar        *search_bar,
                        GParamSpec          *pspec,
                        DossierArticlesView *self)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    return;

  /* Closing the search shows every article again: once (clearing the
   * entry would ask for it too). */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  begin_filter_change (self);
  dossier_article_filter_set_search (self->filter, NULL);
  end_filter_change (self);
  dossier_reader_set_search (self->reader, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
update_chip (DossierArticlesView *self)
{
  DossierEntity *entity = self->selection != NULL ? dossier_selection_get_entity (self->selection) : NULL;

  if (entity != NULL)
    {
      /* Translators: a filter chip over the article list; %s is an entity name */
      g_autofree char *label = g_strdup_printf (_("Mentioning %s"), dossier_entity_get_name (entity));

      gtk_label_set_label (self->chip_label, label);
      gtk_widget_set_visible (gtk_revealer_get_child (self->chip_revealer), TRUE);
    }
  gtk_revealer_set_reveal_child (self->chip_revealer, entity != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.clear-entity", entity != NULL);
}

/* A revealer's child is hidden once it is folded away, so that it is not
 * styled, measured and its icons loaded while it shows nothing; it is
 * shown again before the revealer opens. */
static void
on_revealer_child_revealed (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (gtk_revealer_get_child (revealer), FALSE);
}

static void
on_folded_changed (DossierArticlesView *self)
{
  /* The back button, in a folded view only */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_set_visible (gtk_revealer_get_child (self->back_revealer), TRUE);
}

static void
on_selection_entity_changed (DossierSelection    *selection,
                             GParamSpec          *pspec,
                             DossierArticlesView *self)
{
  begin_filter_change (self);
  dossier_article_filter_set_entity (self->filter, dossier_selection_get_entity (selection));
  end_filter_change (self);
  update_chip (self);
  update_status (self);
}

static void
on_selection_article_changed (DossierSelection    *selection,
                              GParamSpec          *pspec,
                              DossierArticlesView *self)
{
  DossierArticle *article;

  if (self->syncing > 0)
    return;

  article = dossier_selection_get_article (selection);
  if (article == dossier_reader_get_article (self->reader))
    return;

  if (article == NULL)
    {
      self->syncing++;
      gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
      self->syncing--;
      dossier_reader_clear (self->reader);
      return;
    }

  /* Picked elsewhere (`win.show-item`): a narrow window opens on it. */
  open_article (self, article, 0, 0, 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "reader");
}

static void
on_selection_store_changed (DossierSelection    *selection,
                            GParamSpec          *pspec,
                            DossierArticlesView *self)
{
  DossierStore *store = dossier_selection_get_store (selection);

  /* Nothing of the old dossier survives: not the open article, not the
   * folded text of the search, not the collation keys. */
  dossier_reader_clear (self->reader);
  self->syncing++;
  /* The old articles go first, so that the filter, given the new store,
   * is never asked about them (they are in none of its indexes). */
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  dossier_article_filter_set_store (self->filter, store);
  dossier_article_filter_set_entity (self->filter, dossier_selection_get_entity (selection));
  dossier_article_sorter_forget (self->sorter);
  gtk_sort_list_model_set_model (self->sort_model,
                                 store != NULL ? dossier_store_get_articles (store) : NULL);
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  self->syncing--;

  update_chip (self);
  update_status (self);

  if (dossier_selection_get_article (selection) != NULL)
    on_selection_article_changed (selection, NULL, self);
}

static void
on_reader_entity_activated (DossierReader       *reader,
                            const char          *id,
                            DossierArticlesView *self)
{
  DossierStore *store = get_store (self);
  DossierEntity *entity;

  /* The window's action may do more (a toast, a view switch); without a
   * window, set the selection directly. */
  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.select-entity", "s", id))
    return;

  entity = store != NULL ? dossier_store_lookup_entity (store, id) : NULL;
  if (entity != NULL && self->selection != NULL)
    dossier_selection_set_entity (self->selection, entity);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierArticlesView *self = DOSSIER_ARTICLES_VIEW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_entity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierArticlesView *self = DOSSIER_ARTICLES_VIEW (widget);

  if (!gtk_widget_activate_action (widget, "win.select-entity", "s", ""))
    dossier_selection_set_entity (self->selection, NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierArticlesView *self = DOSSIER_ARTICLES_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierArticlesView *self = DOSSIER_ARTICLES_VIEW (widget);

  if (g_str_equal (action_name, "articles.zoom-in"))
    dossier_reader_zoom_in (self->reader);
  else if (g_str_equal (action_name, "articles.zoom-out"))
    dossier_reader_zoom_out (self->reader);
  else
    dossier_reader_zoom_reset (self->reader);
}

static void
set_sort (DossierArticlesView *self,
          DossierArticleSort   sort)
{
  if (self->sort == sort)
    return;

  self->sort = sort;
  dossier_article_sorter_set_sort (self->sorter, sort);
  sync_list_selection (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

static void
dossier_articles_view_constructed (GObject *object)
{
  DossierArticlesView *self = DOSSIER_ARTICLES_VIEW (object);

  G_OBJECT_CLASS (dossier_articles_view_parent_class)->constructed (object);

  g_return_if_fail (self->selection != NULL);

  g_signal_connect_object (self->selection, "notify::store",
                           G_CALLBACK (on_selection_store_changed), self, 0);
  g_signal_connect_object (self->selection, "notify::entity",
                           G_CALLBACK (on_selection_entity_changed), self, 0);
  g_signal_connect_object (self->selection, "notify::article",
                           G_CALLBACK (on_selection_article_changed), self, 0);
  on_selection_store_changed (self->selection, NULL, self);
}

static void
dossier_articles_view_dispose (GObject *object)
{
  DossierArticlesView *self = DOSSIER_ARTICLES_VIEW (object);

  if (self->list_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->list_selection, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ARTICLES_VIEW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_object (&self->slots);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (dossier_articles_view_parent_class)->dispose (object);
}

static void
dossier_articles_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierArticlesView *self = DOSSIER_ARTICLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_articles_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierArticlesView *self = DOSSIER_ARTICLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      self->selection = g_value_dup_object (value);
      break;
    case PROP_SORT:
      set_sort (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_articles_view_class_init (DossierArticlesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_articles_view_constructed;
  object_class->dispose = dossier_articles_view_dispose;
  object_class->get_property = dossier_articles_view_get_property;
  object_class->set_property = dossier_articles_view_set_property;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         DOSSIER_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       DOSSIER_TYPE_ARTICLE_SORT,
                       DOSSIER_ARTICLE_SORT_DATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_READER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dossier-articles-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, chip_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, chip_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, sort_button);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, sort_menu);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlesView, reader);

  gtk_widget_class_install_action (widget_class, "articles.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "articles.clear-entity", NULL, clear_entity_action);
  gtk_widget_class_install_action (widget_class, "articles.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "articles.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "articles.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "articles.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_property_action (widget_class, "articles.sort", "sort");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "articles.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "articles.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "articles.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "articles.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "articles.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "articles.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "articles.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "articles.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "articles.zoom-reset", NULL);
}

static void
dossier_articles_view_init (DossierArticlesView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *key_controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->bound_items = g_hash_table_new (NULL, NULL);

  self->filter = dossier_article_filter_new (NULL);
  self->sorter = dossier_article_sorter_new (DOSSIER_ARTICLE_SORT_DATE);
  self->sort_model = gtk_sort_list_model_new (NULL, g_object_ref (GTK_SORTER (self->sorter)));
  self->filter_model = dossier_article_filter_model_new (G_LIST_MODEL (self->sort_model), self->filter);
  self->list_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  /* What the list widget shows; it catches up with a change of the list
   * before the view's other handlers run. */
  self->slots = dossier_list_slots_new (self->list_selection);
  g_signal_connect (self->list_selection, "items-changed", G_CALLBACK (on_list_items_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->slots));
  /* After on_list_items_changed(), so that the list has caught up with a
   * change before the view moves the selection in it. */
  g_signal_connect (self->list_selection, "items-changed", G_CALLBACK (on_items_changed), self);
  g_signal_connect (self->list_selection, "notify::selected-item",
                    G_CALLBACK (on_selected_item_changed), self);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_list_activate), self);
  g_object_bind_property (self->leaflet, "folded", self->list_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);

  /* Typing in the list starts a search; not in the reader, where the
   * space bar scrolls. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->list_pane);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect (self->search_bar, "notify::search-mode-enabled",
                    G_CALLBACK (on_search_mode_changed), self);
  key_controller = gtk_event_controller_key_new ();
  g_signal_connect (key_controller, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key_controller);

  g_signal_connect (self->reader, "entity-activated", G_CALLBACK (on_reader_entity_activated), self);
  g_signal_connect (self->chip_revealer, "notify::child-revealed", G_CALLBACK (on_revealer_child_revealed), NULL);
  g_signal_connect (self->back_revealer, "notify::child-revealed", G_CALLBACK (on_revealer_child_revealed), NULL);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self);
  on_folded_changed (self);
  dossier_lazy_menu_attach (self->sort_button, self->sort_menu);

  /* The sort is remembered. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "article-sort", self, "sort", G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
dossier_articles_view_new (DossierSelection *selection)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (selection), NULL);

  return g_object_new (DOSSIER_TYPE_ARTICLES_VIEW, "selection", selection, NULL);
}

DossierSelection *
dossier_articles_view_get_selection (DossierArticlesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLES_VIEW (self), NULL);

  return self->selection;
}

/**
 * dossier_articles_view_show_source:
 * @article: the article the quote is in
 * @paragraph: the index of the quote's paragraph
 * @offset: where the quote starts, in bytes of the paragraph
 * @length: the quote's length in bytes; 0 only opens the article
 *
 * Opens @article, marks the quote and scrolls it into view. A search that
 * hides the article is cleared; an entity filter is kept, and the article
 * is shown even when the filter hides it from the list.
 */
void
dossier_articles_view_show_source (DossierArticlesView *self,
                                   DossierArticle      *article,
                                   guint                paragraph,
                                   gsize                offset,
                                   gsize                length)
{
  g_return_if_fail (DOSSIER_IS_ARTICLES_VIEW (self));
  g_return_if_fail (DOSSIER_IS_ARTICLE (article));

  if (find_position (self, article) == GTK_INVALID_LIST_POSITION &&
      dossier_article_filter_get_search (self->filter) != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  open_article (self, article, paragraph, offset, length);
  adw_leaflet_set_visible_child_name (self->leaflet, "reader");
}

/* Sets the search as if typed, opening the search bar. */
void
dossier_articles_view_set_search (DossierArticlesView *self,
                                  const char          *search)
{
  g_return_if_fail (DOSSIER_IS_ARTICLES_VIEW (self));

  if (search == NULL || search[0] == '\0')
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  /* Replacing the text empties the entry first, which the entry reports
   * at once: the list would be filtered twice, once for nothing. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  /* Apply now rather than after the entry's typing delay. */
  on_search_changed (self->search_entry, self);
}

DossierReader *
dossier_articles_view_get_reader (DossierArticlesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLES_VIEW (self), NULL);

  return self->reader;
}

/* The list as shown: filtered and sorted. */
GListModel *
dossier_articles_view_get_model (DossierArticlesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLES_VIEW (self), NULL);

  return G_LIST_MODEL (self->list_selection);
}
