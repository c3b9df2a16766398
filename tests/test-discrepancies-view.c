/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Discrepancies view with the default dossier, in a window of its own
 * whose `win` actions are stood in for by a test action group that records
 * what the view asks for (`win.show-source`, `win.select-entity`,
 * `win.show-discrepancy`).  When the window hosts the view, a last test
 * follows a quote from it into the Articles view. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dossier-application.h"
#include "dossier-articles-view.h"
#include "dossier-discrepancies-view.h"
#include "dossier-discrepancy-banner.h"
#include "dossier-discrepancy-card.h"
#include "dossier-model.h"
#include "dossier-selection.h"
#include "dossier-test-utils.h"
#include "dossier-window.h"

typedef struct
{
  GtkWindow *window;
  DossierStore *store;
  DossierSelection *selection;
  GtkWidget *view;
  GSimpleActionGroup *win_actions;

  DossierTestShownSource shown_source;
  guint n_select_entity;
  char *selected_entity;
  char *shown_discrepancy;
} Fixture;

static void
show_source_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;

  dossier_test_shown_source_record (&f->shown_source, parameter);
}

static void
select_entity_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *f = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  f->n_select_entity++;
  g_free (f->selected_entity);
  f->selected_entity = g_strdup (id);
  /* As the window does */
  dossier_selection_set_entity (f->selection, *id != '\0' ? dossier_store_lookup_entity (f->store, id) : NULL);
}

static void
show_discrepancy_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->shown_discrepancy);
  f->shown_discrepancy = g_variant_dup_string (parameter, NULL);
}

/* Runs the main loop for about @ms milliseconds, so frames are drawn. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Waits for the view to bring a card into view and focus it, then for the
 * frames it takes to settle. */
static void
wait_for_focus (GtkWidget *card)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_has_focus (card) && g_get_monotonic_time () < end)
    run_for (20);
  g_assert_true (gtk_widget_has_focus (card));
  run_for (200);
}

/* Waits for the window to be given a new width */
static void
wait_for_width (GtkWidget *widget,
                int        min_width)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) < min_width && g_get_monotonic_time () < end)
    run_for (20);
  g_assert_cmpint (gtk_widget_get_width (widget), >=, min_width);
  run_for (100);
}

/* A button activated (as by Enter) shows its press for a moment before
 * it emits ::clicked. */
static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

static void
activate (GtkWidget *button)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean clicked = FALSE;
  gulong handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  while (!clicked && g_get_monotonic_time () < end)
    run_for (20);
  g_signal_handler_disconnect (button, handler);
  g_assert_true (clicked);
  dossier_test_settle ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const GActionEntry entries[] = {
    { "show-source", show_source_cb, "(sutt)" },
    { "select-entity", select_entity_cb, "s" },
    { "show-discrepancy", show_discrepancy_cb, "s" },
  };
  gboolean empty = GPOINTER_TO_INT (data);

  f->store = empty ? dossier_store_new_empty () : dossier_test_load_default_dossier ();
  f->selection = dossier_selection_new ();
  dossier_selection_set_store (f->selection, f->store);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1300, 800);
  f->win_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (f->win_actions), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (f->win_actions));

  f->view = dossier_discrepancies_view_new (f->selection);
  gtk_window_set_child (f->window, f->view);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->win_actions);
  g_clear_object (&f->selection);
  g_clear_object (&f->store);
  dossier_test_shown_source_clear (&f->shown_source);
  g_clear_pointer (&f->selected_entity, g_free);
  g_clear_pointer (&f->shown_discrepancy, g_free);
}

/* ---- finding widgets ------------------------------------------------------------ */

static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        g_ptr_array_add (found, child);
      collect_type (child, type, found);
    }
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_type (root, type, found);
  return found;
}

/* The buttons under @root that activate @action */
static GPtrArray *
find_action_buttons (GtkWidget  *root,
                     const char *action)
{
  g_autoptr(GPtrArray) buttons = find_all (root, GTK_TYPE_BUTTON);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0)
      g_ptr_array_add (found, buttons->pdata[i]);
  return found;
}

static guint
count_action_buttons (GtkWidget  *root,
                      const char *action)
{
  g_autoptr(GPtrArray) buttons = find_action_buttons (root, action);

  return buttons->len;
}

static guint
count_type (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) found = find_all (root, type);

  return found->len;
}

static void
collect_text (GtkWidget *root,
              GString   *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      /* What is hidden says nothing */
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      collect_text (child, text);
    }
}

static char *
text_of (GtkWidget *root)
{
  GString *text = g_string_new (NULL);

  collect_text (root, text);
  return g_string_free (text, FALSE);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];
  return NULL;
}

static GtkWidget *
card_of (Fixture    *f,
         const char *id)
{
  DossierDiscrepancy *discrepancy = dossier_store_lookup_discrepancy (f->store, id);
  GtkWidget *card;

  g_assert_nonnull (discrepancy);
  card = dossier_discrepancies_view_get_card (DOSSIER_DISCREPANCIES_VIEW (f->view), discrepancy);
  g_assert_true (DOSSIER_IS_DISCREPANCY_CARD (card));
  return card;
}

/* The claim columns of a card: the children of its claims box */
static GPtrArray *
claim_columns (GtkWidget *card)
{
  g_autoptr(GPtrArray) boxes = find_all (card, GTK_TYPE_BOX);
  GPtrArray *columns = g_ptr_array_new ();

  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (boxes->pdata[i], "discrepancy-claim"))
      g_ptr_array_add (columns, boxes->pdata[i]);
  return columns;
}

static const char *
visible_page (Fixture *f)
{
  g_autoptr(GPtrArray) stacks = find_all (f->view, GTK_TYPE_STACK);

  g_assert_cmpuint (stacks->len, >=, 1);
  return gtk_stack_get_visible_child_name (stacks->pdata[0]);
}

static guint
count_visible_cards (Fixture *f)
{
  g_autoptr(GPtrArray) cards = find_all (f->view, DOSSIER_TYPE_DISCREPANCY_CARD);
  guint n = 0;

  for (guint i = 0; i < cards->len; i++)
    if (gtk_widget_get_visible (cards->pdata[i]))
      n++;
  return n;
}

/* Checks that the quote buttons of a claim are its article sources, in
 * order, each with the (article, paragraph, offset, length) of its quote
 * and the quote on its face. */
static void
assert_claim_quotes (GtkWidget    *column,
                     DossierClaim *claim)
{
  GListModel *sources = dossier_claim_get_sources (claim);
  g_autoptr(GPtrArray) buttons = find_action_buttons (column, "win.show-source");
  guint b = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);
      GVariant *target;
      const char *article;
      guint32 paragraph;
      guint64 offset, length;
      g_autofree char *face = NULL;

      if (dossier_source_is_reference (source))
        continue;

      g_assert_cmpuint (b, <, buttons->len);
      target = gtk_actionable_get_action_target_value (buttons->pdata[b]);
      g_assert_true (g_variant_is_of_type (target, G_VARIANT_TYPE ("(sutt)")));
      g_variant_get (target, "(&sutt)", &article, &paragraph, &offset, &length);
      g_assert_cmpstr (article, ==, dossier_article_get_id (dossier_source_get_article (source)));
      g_assert_cmpuint (paragraph, ==, dossier_source_get_paragraph (source));
      g_assert_cmpuint (offset, ==, dossier_source_get_offset (source));
      g_assert_cmpuint (length, ==, dossier_source_get_length (source));
      face = text_of (buttons->pdata[b]);
      g_assert_nonnull (strstr (face, dossier_source_get_quote (source)));
      b++;
    }
  g_assert_cmpuint (b, ==, buttons->len);
}

/* ---- tests ------------------------------------------------------------------------ */

/* Every discrepancy has a card, in file order, labelled with its topic. */
static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  GListModel *all = dossier_store_get_discrepancies (f->store);
  g_autoptr(GPtrArray) cards = find_all (f->view, DOSSIER_TYPE_DISCREPANCY_CARD);
  g_autofree char *text = NULL;

  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 7);
  g_assert_cmpuint (cards->len, ==, 7);
  for (guint i = 0; i < cards->len; i++)
    {
      g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (all, i);
      GtkWidget *card = cards->pdata[i];

      g_assert_true (dossier_discrepancy_card_get_discrepancy (DOSSIER_DISCREPANCY_CARD (card)) == discrepancy);
      g_assert_true (gtk_widget_get_visible (card));
      g_assert_true (gtk_widget_get_focusable (card));
      g_assert_nonnull (find_label (card, dossier_discrepancy_get_topic (discrepancy)));
      g_autoptr(GPtrArray) columns = claim_columns (card);

      g_assert_cmpuint (columns->len, ==, g_list_model_get_n_items (dossier_discrepancy_get_claims (discrepancy)));
    }
  g_assert_cmpuint (dossier_discrepancies_view_get_n_shown (DOSSIER_DISCREPANCIES_VIEW (f->view)), ==, 7);
  g_assert_cmpstr (visible_page (f), ==, "list");

  text = text_of (f->view);
  g_assert_nonnull (strstr (text, "7 discrepancies\n"));
}

/* The training cost: "About $6 million" (CNN and an article with no known
 * outlet) against "$5.6 million" (CNN), each with its quotes, and the
 * resolution with its reference and link. */
static void
test_training_cost (Fixture       *f,
                    gconstpointer  data)
{
  DossierDiscrepancy *cost = dossier_store_lookup_discrepancy (f->store, "r1-training-cost");
  GListModel *claims = dossier_discrepancy_get_claims (cost);
  GtkWidget *card = card_of (f, "r1-training-cost");
  g_autoptr(GPtrArray) columns = claim_columns (card);
  g_autoptr(GPtrArray) links = find_all (card, GTK_TYPE_LINK_BUTTON);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *all = NULL;

  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  g_assert_cmpuint (columns->len, ==, 2);
  first = text_of (columns->pdata[0]);
  second = text_of (columns->pdata[1]);
  g_assert_nonnull (find_label (columns->pdata[0], "About $6 million"));
  g_assert_nonnull (find_label (columns->pdata[1], "$5.6 million"));
  g_assert_nonnull (strstr (first, "Stated in 2 articles"));
  g_assert_nonnull (strstr (second, "Stated in 1 article\n"));

  /* Who says so: display title and outlet, or "Unknown outlet" */
  g_assert_nonnull (strstr (first, "CNN\nDeepSeek: A Turning Point for Silicon Valley in AI Development"));
  g_assert_nonnull (strstr (first, "Unknown outlet\nDeepSeek shakes up Silicon Valley"));
  g_assert_nonnull (strstr (second, "CNN\nChinese AI DeepSeek R1 disrupts tech industry with low-cost efficiency"));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DossierClaim) claim = g_list_model_get_item (claims, i);

      assert_claim_quotes (columns->pdata[i], claim);
    }
  g_assert_cmpuint (count_action_buttons (columns->pdata[0], "win.show-source"), ==, 3);
  g_assert_cmpuint (count_action_buttons (columns->pdata[1], "win.show-source"), ==, 1);

  /* Side by side at this width: same top, the second to the right */
  {
    graphene_point_t p0, p1;

    g_assert_true (gtk_widget_compute_point (columns->pdata[0], card, &GRAPHENE_POINT_INIT (0, 0), &p0));
    g_assert_true (gtk_widget_compute_point (columns->pdata[1], card, &GRAPHENE_POINT_INIT (0, 0), &p1));
    g_assert_cmpfloat (p0.y, ==, p1.y);
    g_assert_cmpfloat (p1.x, >, p0.x + 200);
  }

  /* The resolution, with its public-record reference and a web link */
  all = text_of (card);
  g_assert_nonnull (strstr (all, "Resolved"));
  g_assert_nonnull (strstr (all, "What the public record shows"));
  g_assert_nonnull (strstr (all, dossier_discrepancy_get_resolution_summary (cost)));
  g_assert_nonnull (strstr (all, "Public record\nDeepSeek-AI, \"DeepSeek-V3 Technical Report\""));
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (gtk_link_button_get_uri (links->pdata[0]), ==, "https://arxiv.org/abs/2412.19437");
  g_assert_cmpstr (gtk_button_get_label (links->pdata[0]), ==, "arxiv.org");
}

/* A claim made only by a reference, and a discrepancy without resolution */
static void
test_references_and_unresolved (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *speaker = card_of (f, "microsoft-80-billion-speaker");
  GtkWidget *downloads = card_of (f, "download-count");
  g_autoptr(GPtrArray) columns = claim_columns (speaker);
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;

  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  second = text_of (columns->pdata[1]);
  g_assert_nonnull (strstr (second, "Brad Smith, Microsoft's vice chair and president, in a blog post"));
  g_assert_nonnull (strstr (second, "From the public record only"));
  g_assert_nonnull (strstr (second, "Public record\nMicrosoft On the Issues blog"));
  g_assert_cmpuint (count_action_buttons (columns->pdata[1], "win.show-source"), ==, 0);
  /* No URL, no link */
  g_assert_cmpuint (count_type (speaker, GTK_TYPE_LINK_BUTTON), ==, 0);

  text = text_of (downloads);
  g_assert_nonnull (strstr (text, "Unresolved"));
  g_assert_null (strstr (text, "What the public record shows"));
}

/* Activating a quote asks the window to open the article at the passage. */
static void
test_activate_quote (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *card = card_of (f, "r1-training-cost");
  g_autoptr(GPtrArray) columns = claim_columns (card);
  g_autoptr(GPtrArray) buttons = find_action_buttons (columns->pdata[1], "win.show-source");

  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  g_assert_cmpuint (buttons->len, ==, 1);
  activate (buttons->pdata[0]);

  g_assert_cmpuint (f->shown_source.n_shown, ==, 1);
  g_assert_cmpstr (f->shown_source.article, ==, "r1-disrupts-tech");
  g_assert_cmpuint (f->shown_source.paragraph, ==, 6);
  g_assert_cmpuint (f->shown_source.offset, ==, 0);
  g_assert_cmpuint (f->shown_source.length, ==, 64);

  /* By keyboard too: focus the button, press Enter */
  {
    g_autoptr(GPtrArray) first_buttons = find_action_buttons (columns->pdata[0], "win.show-source");
    GtkWidget *button = first_buttons->pdata[0];

    gtk_widget_grab_focus (button);
    g_assert_true (gtk_widget_has_focus (button));
    activate (button);
    g_assert_cmpuint (f->shown_source.n_shown, ==, 2);
    g_assert_cmpstr (f->shown_source.article, ==, "cnn-silicon-valley");
    g_assert_cmpuint (f->shown_source.paragraph, ==, 10);
    g_assert_cmpuint (f->shown_source.offset, ==, 231);
    g_assert_cmpuint (f->shown_source.length, ==, 119);
  }
}

/* Tab reaches every card and every quote, in reading order. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = find_all (f->view, DOSSIER_TYPE_DISCREPANCY_CARD);
  g_autoptr(GPtrArray) quotes = find_action_buttons (f->view, "win.show-source");
  g_autoptr(GPtrArray) links = find_all (f->view, GTK_TYPE_LINK_BUTTON);
  g_autoptr(GPtrArray) reached = g_ptr_array_new ();
  GtkWidget *last = NULL;

  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);
  /* The first card too: one not yet on screen cannot take the focus, and
   * Tab would then start from the top (seen once in CI) */
  dossier_test_wait_until_drawn (cards->pdata[0]);

  g_assert_true (gtk_widget_grab_focus (cards->pdata[0]));
  g_ptr_array_add (reached, cards->pdata[0]);
  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      if (focus == NULL || focus == cards->pdata[0])
        break;
      /* Forward only: nothing reached twice before wrapping */
      g_assert_false (g_ptr_array_find (reached, focus, NULL));
      g_ptr_array_add (reached, focus);
      last = focus;
    }
  g_assert_nonnull (last);

  for (guint i = 0; i < cards->len; i++)
    g_assert_true (g_ptr_array_find (reached, cards->pdata[i], NULL));
  for (guint i = 0; i < quotes->len; i++)
    g_assert_true (g_ptr_array_find (reached, quotes->pdata[i], NULL));
  for (guint i = 0; i < links->len; i++)
    g_assert_true (g_ptr_array_find (reached, links->pdata[i], NULL));

  /* Cards come in order, each before its own quotes */
  {
    guint previous = 0;

    for (guint i = 0; i < cards->len; i++)
      {
        guint at;

        g_assert_true (g_ptr_array_find (reached, cards->pdata[i], &at));
        g_assert_cmpuint (at, >=, previous);
        previous = at;
      }
  }
}

/* Selecting an entity narrows the cards; the chip names it and clears it. */
static void
test_entity_filter (Fixture       *f,
                    gconstpointer  data)
{
  DossierEntity *meta = dossier_store_lookup_entity (f->store, "meta");
  GtkWidget *chip_button = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) close_buttons = NULL;

  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  dossier_selection_set_entity (f->selection, meta);
  dossier_test_settle ();
  g_assert_cmpuint (count_visible_cards (f), ==, 2);
  g_assert_true (gtk_widget_get_visible (card_of (f, "meta-investment-size")));
  g_assert_true (gtk_widget_get_visible (card_of (f, "nvidia-drop-size")));
  g_assert_false (gtk_widget_get_visible (card_of (f, "r1-training-cost")));
  g_assert_cmpuint (dossier_discrepancies_view_get_n_shown (DOSSIER_DISCREPANCIES_VIEW (f->view)), ==, 2);

  text = text_of (f->view);
  g_assert_nonnull (strstr (text, "Involving Meta\n"));
  g_assert_nonnull (strstr (text, "Showing 2 of 7 discrepancies\n"));

  /* Dismissing the chip asks the window to clear the entity */
  close_buttons = find_action_buttons (f->view, "win.select-entity");
  for (guint i = 0; i < close_buttons->len; i++)
    if (gtk_widget_is_drawable (close_buttons->pdata[i]))
      chip_button = close_buttons->pdata[i];
  g_assert_nonnull (chip_button);
  activate (chip_button);
  g_assert_cmpuint (f->n_select_entity, ==, 1);
  g_assert_cmpstr (f->selected_entity, ==, "");
  g_assert_null (dossier_selection_get_entity (f->selection));
  g_assert_cmpuint (count_visible_cards (f), ==, 7);
  g_clear_pointer (&text, g_free);
  text = text_of (f->view);
  g_assert_null (strstr (text, "Involving Meta"));

  /* An entity no discrepancy involves: a status page saying so */
  {
    GListModel *entities = dossier_store_get_entities (f->store);
    DossierEntity *uninvolved = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (entities) && uninvolved == NULL; i++)
      {
        g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);

        if (g_list_model_get_n_items (dossier_store_get_entity_discrepancies (f->store, entity)) == 0)
          uninvolved = entity;
      }
    g_assert_nonnull (uninvolved);
    dossier_selection_set_entity (f->selection, uninvolved);
    dossier_test_settle ();
    g_assert_cmpstr (visible_page (f), ==, "filtered-empty");
    g_assert_cmpuint (count_visible_cards (f), ==, 0);
    dossier_selection_set_entity (f->selection, NULL);
    dossier_test_settle ();
    g_assert_cmpstr (visible_page (f), ==, "list");
  }
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);

  g_assert_cmpstr (visible_page (f), ==, "empty");
  g_assert_cmpuint (count_type (f->view, DOSSIER_TYPE_DISCREPANCY_CARD), ==, 0);

  /* A dossier opened later has its cards, the old ones go */
  {
    g_autoptr(DossierStore) store = dossier_test_load_default_dossier ();
    g_autoptr(DossierStore) empty = NULL;

    dossier_selection_set_store (f->selection, store);
    g_set_object (&f->store, store);
    dossier_test_settle ();
    g_assert_cmpstr (visible_page (f), ==, "list");
    g_assert_cmpuint (count_type (f->view, DOSSIER_TYPE_DISCREPANCY_CARD), ==, 7);

    empty = dossier_store_new_empty ();
    dossier_selection_set_store (f->selection, empty);
    dossier_test_settle ();
    g_assert_cmpstr (visible_page (f), ==, "empty");
    g_assert_cmpuint (count_type (f->view, DOSSIER_TYPE_DISCREPANCY_CARD), ==, 0);
  }
}

/* Showing one discrepancy scrolls its card to the top, focuses and
 * highlights it, lifting an entity filter that hid it. */
static void
test_show (Fixture       *f,
           gconstpointer  data)
{
  DossierDiscrepancy *last = dossier_store_lookup_discrepancy (f->store, "nvidia-drop-size");
  DossierDiscrepancy *first = dossier_store_lookup_discrepancy (f->store, "r1-training-cost");
  GtkWidget *card = card_of (f, "nvidia-drop-size");
  GtkWidget *first_card = card_of (f, "r1-training-cost");
  g_autoptr(GPtrArray) scrollers = find_all (f->view, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  gtk_window_set_default_size (f->window, 900, 500);
  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);
  adjustment = gtk_scrolled_window_get_vadjustment (scrollers->pdata[0]);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  dossier_discrepancies_view_show (DOSSIER_DISCREPANCIES_VIEW (f->view), last);
  g_assert_true (dossier_discrepancy_card_get_highlighted (DOSSIER_DISCREPANCY_CARD (card)));
  g_assert_true (gtk_widget_has_css_class (card, "highlighted"));
  wait_for_focus (card);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  {
    graphene_point_t p;

    /* On screen */
    g_assert_true (gtk_widget_compute_point (card, f->view, &GRAPHENE_POINT_INIT (0, 0), &p));
    g_assert_cmpfloat (p.y, >=, -1);
    g_assert_cmpfloat (p.y, <, gtk_widget_get_height (f->view));
  }

  /* Hidden by the entity filter: the filter goes */
  dossier_selection_set_entity (f->selection, dossier_store_lookup_entity (f->store, "nvidia"));
  dossier_test_settle ();
  g_assert_false (gtk_widget_get_visible (first_card));
  dossier_discrepancies_view_show (DOSSIER_DISCREPANCIES_VIEW (f->view), first);
  g_assert_null (dossier_selection_get_entity (f->selection));
  g_assert_true (gtk_widget_get_visible (first_card));
  g_assert_false (dossier_discrepancy_card_get_highlighted (DOSSIER_DISCREPANCY_CARD (card)));
  g_assert_true (dossier_discrepancy_card_get_highlighted (DOSSIER_DISCREPANCY_CARD (first_card)));
  wait_for_focus (first_card);
  {
    graphene_point_t p;

    /* At the top, with its own top in view, below the header */
    g_assert_true (gtk_widget_compute_point (first_card, f->view, &GRAPHENE_POINT_INIT (0, 0), &p));
    g_assert_cmpfloat (p.y, >=, 0);
    g_assert_cmpfloat (p.y, <=, 24);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  }
}

/* At 360 pixels the claims stack; at full width they sit side by side. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *card = card_of (f, "deepseek-founding-date");
  g_autoptr(GPtrArray) columns = claim_columns (card);
  graphene_point_t p0, p1, p2;

  gtk_window_set_default_size (f->window, 360, 700);
  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (f->view);
  run_for (100);

  g_assert_cmpuint (columns->len, ==, 3);
  g_assert_cmpint (gtk_widget_get_width (f->view), <=, 360);
  g_assert_true (gtk_widget_compute_point (columns->pdata[0], card, &GRAPHENE_POINT_INIT (0, 0), &p0));
  g_assert_true (gtk_widget_compute_point (columns->pdata[1], card, &GRAPHENE_POINT_INIT (0, 0), &p1));
  g_assert_true (gtk_widget_compute_point (columns->pdata[2], card, &GRAPHENE_POINT_INIT (0, 0), &p2));
  g_assert_cmpfloat (p0.x, ==, p1.x);
  g_assert_cmpfloat (p1.x, ==, p2.x);
  g_assert_cmpfloat (p1.y, >, p0.y + gtk_widget_get_height (columns->pdata[0]) - 1);
  g_assert_cmpfloat (p2.y, >, p1.y + gtk_widget_get_height (columns->pdata[1]) - 1);
  /* Nothing wider than the window */
  g_assert_cmpint (gtk_widget_get_width (columns->pdata[0]), <=, 360);

  gtk_window_set_default_size (f->window, 1300, 700);
  wait_for_width (f->view, 1000);
  g_assert_true (gtk_widget_compute_point (columns->pdata[0], card, &GRAPHENE_POINT_INIT (0, 0), &p0));
  g_assert_true (gtk_widget_compute_point (columns->pdata[1], card, &GRAPHENE_POINT_INIT (0, 0), &p1));
  g_assert_true (gtk_widget_compute_point (columns->pdata[2], card, &GRAPHENE_POINT_INIT (0, 0), &p2));
  g_assert_cmpfloat (p0.y, ==, p1.y);
  g_assert_cmpfloat (p1.y, ==, p2.y);
  g_assert_cmpfloat (p1.x, >, p0.x);
  g_assert_cmpfloat (p2.x, >, p1.x);
}

/* The banner for detail panes: the topic and a button that shows the
 * discrepancy. */
static void
test_banner (Fixture       *f,
             gconstpointer  data)
{
  DossierEvent *event = dossier_store_lookup_event (f->store, "deepseek-r1-release");
  GtkWidget *list = dossier_discrepancy_banner_list_new (dossier_store_get_event_discrepancies (f->store, event));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (list);
  gtk_window_set_child (f->window, box);
  gtk_box_append (GTK_BOX (box), list);
  gtk_window_present (f->window);
  dossier_test_wait_until_drawn (box);

  text = text_of (list);
  g_assert_nonnull (strstr (text, "The sources disagree on: Cost of training R1\n"));
  g_assert_nonnull (strstr (text, "The sources disagree on: When R1 was released\n"));

  buttons = find_action_buttons (list, "win.show-discrepancy");
  g_assert_cmpuint (buttons->len, ==, 2);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (buttons->pdata[1]), NULL),
                   ==, "r1-release-date");
  activate (buttons->pdata[1]);
  g_assert_cmpstr (f->shown_discrepancy, ==, "r1-release-date");

  /* Nothing to say, nothing shown */
  {
    g_autoptr(DossierStore) empty = dossier_store_new_empty ();

    g_assert_null (dossier_discrepancy_banner_list_new (dossier_store_get_discrepancies (empty)));
  }
}

/* ---- following a quote into the Articles view of the real window ------------- */

/* The stand-in for the window's page: its `win.show-source` goes to the
 * real window, whose handler switches to the Articles view. */
static void
forward_show_source_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (user_data), "win.show-source", parameter);
}

static gboolean
follow_quote_cb (gpointer user_data)
{
  gboolean *checked = user_data;
  GApplication *app = g_application_get_default ();
  DossierWindow *window = DOSSIER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  DossierSelection *selection = dossier_window_get_selection (window);
  DossierStore *store = dossier_selection_get_store (selection);
  const char *quote = "With an investment of only $5.6 million in training the R1 model";
  GtkWidget *view;
  GtkWindow *stand_in = NULL;
  g_autoptr(GSimpleActionGroup) forward = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) buttons = NULL;

  /* The window makes a view the first time it is shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "discrepancies");
  view = dossier_test_find_widget (GTK_WIDGET (window), DOSSIER_TYPE_DISCREPANCIES_VIEW);

  if (view != NULL)
    {
      g_test_message ("the window hosts the Discrepancies view: opening its page");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "discrepancies");
      g_assert_cmpstr (dossier_window_get_view (window), ==, "discrepancies");
    }
  else
    {
      GActionEntry entries[] = { { "show-source", forward_show_source_cb, "(sutt)" } };

      g_test_message ("the window does not host the Discrepancies view yet: "
                      "showing it beside the window, its actions forwarded there");
      stand_in = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_transient_for (stand_in, GTK_WINDOW (window));
      gtk_window_set_default_size (stand_in, 1100, 700);
      forward = g_simple_action_group_new ();
      g_action_map_add_action_entries (G_ACTION_MAP (forward), entries, G_N_ELEMENTS (entries), window);
      gtk_widget_insert_action_group (GTK_WIDGET (stand_in), "win", G_ACTION_GROUP (forward));
      view = dossier_discrepancies_view_new (selection);
      gtk_window_set_child (stand_in, view);
      gtk_window_present (stand_in);
    }
  dossier_test_wait_until_drawn (view);

  columns = claim_columns (dossier_discrepancies_view_get_card (DOSSIER_DISCREPANCIES_VIEW (view),
                                                                dossier_store_lookup_discrepancy (store, "r1-training-cost")));
  buttons = find_action_buttons (columns->pdata[1], "win.show-source");
  g_assert_cmpuint (buttons->len, ==, 1);
  activate (buttons->pdata[0]);

  /* The window went to the Articles view, opened the article and marked
   * the quoted passage */
  g_assert_nonnull (dossier_selection_get_article (selection));
  g_assert_cmpstr (dossier_article_get_id (dossier_selection_get_article (selection)), ==, "r1-disrupts-tech");
  dossier_test_assert_reader_shows_quote (window, quote);

  if (stand_in != NULL)
    gtk_window_destroy (stand_in);
  *checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
test_follow_quote (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  const char *args[] = { "dossier", NULL };
  gboolean checked = FALSE;
  int status;

  /* No session bus in tests; stay a plain single process. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (500, follow_quote_cb, &checked);
  status = g_application_run (G_APPLICATION (app), 1, (char **) args);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (checked);
}

int
main (int    argc,
      char **argv)
{
  dossier_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/discrepancies-view/cards", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_cards, fixture_tear_down);
  g_test_add ("/discrepancies-view/training-cost", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_training_cost, fixture_tear_down);
  g_test_add ("/discrepancies-view/references", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_references_and_unresolved, fixture_tear_down);
  g_test_add ("/discrepancies-view/activate-quote", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_activate_quote, fixture_tear_down);
  g_test_add ("/discrepancies-view/keyboard", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/discrepancies-view/entity-filter", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_entity_filter, fixture_tear_down);
  g_test_add ("/discrepancies-view/empty", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/discrepancies-view/show", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_show, fixture_tear_down);
  g_test_add ("/discrepancies-view/narrow", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/discrepancies-view/banner", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_banner, fixture_tear_down);

  g_test_add_func ("/discrepancies-view/follow-quote", test_follow_quote);

  return g_test_run ();
}
