/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-article-filter.h"
#include "dossier-articles-view.h"
#include "dossier-discrepancies-view.h"
#include "dossier-graph-view.h"
#include "dossier-lazy-menu.h"
#include "dossier-selection.h"
#include "dossier-timeline-view.h"
#include "dossier-window.h"

#define DEFAULT_DOSSIER_RESOURCE RESOURCE_PREFIX "/dossiers/deepseek-r1.json"

struct _DossierWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  DossierSelection *selection;

  /* Until the first frame is painted, the Discrepancies badge waits. */
  gulong first_frame_handler;
  gboolean first_frame_painted;

  /* A file being loaded in a worker thread, and what to show once it is. */
  GCancellable *load_cancellable;
  GFile *loading_file;
  DossierLoadProgress *load_progress;
  guint loading_pulse_id;
  char *pending_kind;
  char *pending_id;

  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewStack *view_stack;
  GtkRevealer *loading_revealer;
  GtkLabel *loading_label;
  GtkProgressBar *loading_progress;
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;
  AdwBin *articles_bin;
  GtkWidget *articles_view;
  /* The other views are made the first time they are shown: the first
   * frame does not wait for what a hidden page needs (its widgets, their
   * style, the graph's layout). */
  AdwBin *timeline_bin;
  AdwBin *relationships_bin;
  AdwBin *discrepancies_bin;
  GtkWidget *discrepancies_view;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const view_names[] = { "articles", "timeline", "relationships", "discrepancies", NULL };

gboolean
dossier_window_is_view_name (const char *name)
{
  return name != NULL && g_strv_contains (view_names, name);
}

static void
dossier_window_save_state (DossierWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* The default size is the unmaximized size, which is what to restore. */
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
}

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  dossier_window_save_state (DOSSIER_WINDOW (window));

  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

static void
dossier_window_file_chooser_response (GtkNativeDialog *dialog,
                                      int              response,
                                      gpointer         user_data)
{
  DossierWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      dossier_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
dossier_window_open_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Dossier"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));

  gtk_file_filter_set_name (json_filter, _("Dossier files (JSON)"));
  gtk_file_filter_add_mime_type (json_filter, "application/json");
  gtk_file_filter_add_suffix (json_filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json_filter);

  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), json_filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect (chooser, "response",
                    G_CALLBACK (dossier_window_file_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Makes the view of @page the first time it is shown. */
static void
dossier_window_ensure_view (DossierWindow *self,
                            GtkWidget     *page)
{
  if (page == NULL || adw_bin_get_child (ADW_BIN (page)) != NULL)
    return;

  if (page == GTK_WIDGET (self->timeline_bin))
    adw_bin_set_child (self->timeline_bin, dossier_timeline_view_new (self->selection));
  else if (page == GTK_WIDGET (self->relationships_bin))
    adw_bin_set_child (self->relationships_bin, dossier_graph_view_new (self->selection));
  else if (page == GTK_WIDGET (self->discrepancies_bin))
    {
      self->discrepancies_view = dossier_discrepancies_view_new (self->selection);
      adw_bin_set_child (self->discrepancies_bin, self->discrepancies_view);
    }
}

static void
dossier_window_visible_page_changed (DossierWindow *self)
{
  dossier_window_ensure_view (self, adw_view_stack_get_visible_child (self->view_stack));
}

/* The shortcuts window, built the first time it is asked for rather than
 * with every window (as GtkApplication does with gtk/help-overlay.ui). */
static void
dossier_window_show_help_overlay_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  GtkApplicationWindow *self = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (self);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Modal over @self, hidden on close; @self keeps it. */
      gtk_application_window_set_help_overlay (self, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
dossier_window_view_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  dossier_window_show_view (DOSSIER_WINDOW (widget),
                            g_variant_get_string (parameter, NULL));
}

static void
dossier_window_show_load_error (DossierWindow *self,
                                GFile         *file,
                                const GError  *error,
                                GPtrArray     *problems)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n%s", error->message,
                                  _("The dossier that was open stays open. Correct the file and open it again."));

  if (problems != NULL && problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *label;

      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = dossier_problem_to_string (g_ptr_array_index (problems, i));

          g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
        }

      label = gtk_label_new (text->str);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "monospace");
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_widget_add_css_class (scroller, "card");
      adw_message_dialog_set_extra_child (dialog, scroller);
    }

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dossier_window_report_missing (DossierWindow *self,
                               const char    *kind,
                               const char    *id)
{
  g_autofree char *message = NULL;

  /* One message per kind, so each reads as a whole sentence in translation. */
  if (g_str_equal (kind, "article"))
    /* Translators: %s is an article id, e.g. from --article=ID */
    message = g_strdup_printf (_("This dossier has no article with the id “%s”"), id);
  else if (g_str_equal (kind, "event"))
    /* Translators: %s is an event id, e.g. from --event=ID */
    message = g_strdup_printf (_("This dossier has no event with the id “%s”"), id);
  else if (g_str_equal (kind, "entity"))
    /* Translators: %s is an entity id, e.g. from --entity=ID */
    message = g_strdup_printf (_("This dossier has no entity with the id “%s”"), id);
  else
    /* Translators: %s is a discrepancy id */
    message = g_strdup_printf (_("This dossier has no discrepancy with the id “%s”"), id);

  dossier_window_add_toast (self, message);
}

/* The Discrepancies page's badge counts the disagreements in the dossier.
 * It is left out of the window's first frame: libadwaita draws a badge
 * through a GL shader of its own, which the first frame would have to
 * compile (about 6 ms of CPU with Mesa's llvmpipe) for a number about a
 * hidden view.  It appears in the next frame. */
static void
dossier_window_update_badge (DossierWindow *self)
{
  DossierStore *store = dossier_selection_get_store (self->selection);

  if (!self->first_frame_painted)
    return;

  adw_view_stack_page_set_badge_number (adw_view_stack_get_page (self->view_stack, GTK_WIDGET (self->discrepancies_bin)),
                                        store != NULL ? g_list_model_get_n_items (dossier_store_get_discrepancies (store)) : 0);
}

static void
dossier_window_after_first_paint (DossierWindow *self,
                                  GdkFrameClock *clock)
{
  g_clear_signal_handler (&self->first_frame_handler, clock);
  self->first_frame_painted = TRUE;
  dossier_window_update_badge (self);
}

static void
dossier_window_realize (GtkWidget *widget)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  GTK_WIDGET_CLASS (dossier_window_parent_class)->realize (widget);

  if (!self->first_frame_painted && self->first_frame_handler == 0)
    self->first_frame_handler = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                                                         G_CALLBACK (dossier_window_after_first_paint),
                                                         self, G_CONNECT_SWAPPED);
}

static void
dossier_window_unrealize (GtkWidget *widget)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  g_clear_signal_handler (&self->first_frame_handler, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (dossier_window_parent_class)->unrealize (widget);
}

/* The dossier's title under the window's, where the header shows a title
 * rather than the view switcher (a narrow window).  Set only then: the
 * header measures its hidden title too, and the subtitle would cost the
 * first frame a font and a layout that a wide window never shows. */
static void
dossier_window_update_subtitle (DossierWindow *self)
{
  DossierStore *store = dossier_selection_get_store (self->selection);
  gboolean shown = adw_view_switcher_title_get_title_visible (self->switcher_title);

  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        shown && store != NULL ? dossier_store_get_title (store) : NULL);
}

static void
dossier_window_store_changed (DossierWindow *self)
{
  dossier_window_update_subtitle (self);
  dossier_window_update_badge (self);
}

static void
dossier_window_load_default (DossierWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;

  /* The embedded dossier is small: loading it here, before the first
   * frame, is faster than a thread round trip. */
  store = dossier_store_load_resource (DEFAULT_DOSSIER_RESOURCE, NULL, &error);

  if (store == NULL)
    {
      g_critical ("The embedded dossier does not load: %s", error->message);
      return;
    }

  dossier_selection_set_store (self->selection, store);
}

static void
dossier_window_show_item_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  const char *kind, *id;

  g_variant_get (parameter, "(&s&s)", &kind, &id);
  if (g_strv_contains ((const char *[]) { "article", "event", "entity", NULL }, kind))
    dossier_window_show_item (DOSSIER_WINDOW (widget), kind, id);
}

static void
dossier_window_select_entity_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  DossierEntity *entity = NULL;

  if (*id != '\0')
    {
      entity = dossier_store_lookup_entity (dossier_selection_get_store (self->selection), id);
      if (entity == NULL)
        {
          dossier_window_report_missing (self, "entity", id);
          return;
        }
    }

  dossier_selection_set_entity (self->selection, entity);
}

static void
dossier_window_show_source_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *id;
  guint32 paragraph;
  guint64 offset, length;
  DossierArticle *article;

  g_variant_get (parameter, "(&sutt)", &id, &paragraph, &offset, &length);
  article = dossier_store_lookup_article (dossier_selection_get_store (self->selection), id);
  if (article == NULL)
    {
      dossier_window_report_missing (self, "article", id);
      return;
    }

  dossier_window_show_view (self, "articles");
  dossier_articles_view_show_source (DOSSIER_ARTICLES_VIEW (self->articles_view), article,
                                     paragraph, offset, length);
}

static void
dossier_window_show_discrepancy_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  DossierDiscrepancy *discrepancy;

  discrepancy = dossier_store_lookup_discrepancy (dossier_selection_get_store (self->selection), id);
  if (discrepancy == NULL)
    {
      dossier_window_report_missing (self, "discrepancy", id);
      return;
    }

  dossier_window_show_view (self, "discrepancies");
  g_assert (self->discrepancies_view != NULL);
  dossier_discrepancies_view_show (DOSSIER_DISCREPANCIES_VIEW (self->discrepancies_view), discrepancy);
}

/* What the loader is doing, for the bar under the header */
static void
dossier_window_update_loading (DossierWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->loading_file);
  g_autofree char *text = NULL;

  switch (dossier_load_progress_get_step (self->load_progress))
    {
    case DOSSIER_LOAD_STEP_READING:
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Reading “%s”…"), name);
      break;
    case DOSSIER_LOAD_STEP_CHECKING:
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Checking “%s”…"), name);
      break;
    case DOSSIER_LOAD_STEP_ITEMS:
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Reading the articles and events of “%s”…"), name);
      break;
    case DOSSIER_LOAD_STEP_INDEXING:
    default:
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Finding who is mentioned where in “%s”…"), name);
      break;
    }
  gtk_label_set_text (self->loading_label, text);
  gtk_progress_bar_set_fraction (self->loading_progress,
                                 dossier_load_progress_get_fraction (self->load_progress));
}

static gboolean
dossier_window_loading_tick (gpointer user_data)
{
  dossier_window_update_loading (user_data);
  return G_SOURCE_CONTINUE;
}

/* The bar under the header while a file loads: which file, what the
 * loader is doing and how far it is (read ten times a second from what
 * the worker thread reports), and a way to give up.  With @file NULL,
 * hides it. */
static void
dossier_window_show_loading (DossierWindow *self,
                             GFile         *file)
{
  g_clear_handle_id (&self->loading_pulse_id, g_source_remove);

  if (file != NULL)
    {
      dossier_window_update_loading (self);
      self->loading_pulse_id = g_timeout_add (100, dossier_window_loading_tick, self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", file != NULL);
  if (file != NULL)
    gtk_widget_set_visible (gtk_revealer_get_child (self->loading_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->loading_revealer, file != NULL);
}

static void
dossier_window_loading_revealed (DossierWindow *self)
{
  /* Folded away: hide it, so it is not measured with every layout. */
  if (!gtk_revealer_get_child_revealed (self->loading_revealer) &&
      !gtk_revealer_get_reveal_child (self->loading_revealer))
    gtk_widget_set_visible (gtk_revealer_get_child (self->loading_revealer), FALSE);
}

/* The bar at the bottom of a narrow window gets its buttons the first time
 * it shows: until then, a wide window does not build, style and measure a
 * second set of view switcher buttons. */
static void
dossier_window_switcher_bar_revealed (DossierWindow *self)
{
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static void
dossier_window_cancel_open_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
  g_clear_pointer (&self->pending_kind, g_free);
  g_clear_pointer (&self->pending_id, g_free);
  dossier_window_show_loading (self, NULL);
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
  g_clear_pointer (&self->load_progress, dossier_load_progress_unref);
  g_clear_handle_id (&self->loading_pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->pending_kind, g_free);
  g_clear_pointer (&self->pending_id, g_free);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  widget_class->realize = dossier_window_realize;
  widget_class->unrealize = dossier_window_unrealize;
  window_class->close_request = dossier_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, loading_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, articles_bin);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, timeline_bin);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, relationships_bin);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, discrepancies_bin);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, dossier_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", dossier_window_view_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, dossier_window_cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.show-item", "(ss)", dossier_window_show_item_action);
  gtk_widget_class_install_action (widget_class, "win.select-entity", "s", dossier_window_select_entity_action);
  gtk_widget_class_install_action (widget_class, "win.show-source", "(sutt)", dossier_window_show_source_action);
  gtk_widget_class_install_action (widget_class, "win.show-discrepancy", "s", dossier_window_show_discrepancy_action);
}

static void
dossier_window_init (DossierWindow *self)
{
  static const GActionEntry win_entries[] = {
    { "show-help-overlay", dossier_window_show_help_overlay_action },
  };
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  dossier_lazy_menu_attach (self->primary_menu_button, self->primary_menu);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", FALSE);
  g_signal_connect_object (self->loading_revealer, "notify::child-revealed",
                           G_CALLBACK (dossier_window_loading_revealed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (dossier_window_update_subtitle), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_bar, "notify::reveal",
                           G_CALLBACK (dossier_window_switcher_bar_revealed), self, G_CONNECT_SWAPPED);
  dossier_window_switcher_bar_revealed (self);

  self->selection = dossier_selection_new ();
  g_signal_connect_object (self->selection, "notify::store",
                           G_CALLBACK (dossier_window_store_changed), self, G_CONNECT_SWAPPED);
  dossier_window_load_default (self);

  self->articles_view = dossier_articles_view_new (self->selection);
  adw_bin_set_child (self->articles_bin, self->articles_view);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (dossier_window_visible_page_changed), self, G_CONNECT_SWAPPED);
}

DossierWindow *
dossier_window_new (DossierApplication *application)
{
  return g_object_new (DOSSIER_TYPE_WINDOW, "application", application, NULL);
}

void
dossier_window_show_view (DossierWindow *self,
                          const char    *name)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (dossier_window_is_view_name (name));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
dossier_window_get_view (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

DossierSelection *
dossier_window_get_selection (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->selection;
}

void
dossier_window_add_toast (DossierWindow *self,
                          const char    *message)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
dossier_window_show_item (DossierWindow *self,
                          const char    *kind,
                          const char    *id)
{
  DossierStore *store;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (kind != NULL && id != NULL);

  /* The file named on the same command line may still be loading. */
  if (self->load_cancellable != NULL)
    {
      g_free (self->pending_kind);
      g_free (self->pending_id);
      self->pending_kind = g_strdup (kind);
      self->pending_id = g_strdup (id);
      return;
    }

  store = dossier_selection_get_store (self->selection);

  if (g_str_equal (kind, "article"))
    {
      DossierArticle *article = dossier_store_lookup_article (store, id);

      if (article != NULL)
        {
          dossier_selection_set_article (self->selection, article);
          dossier_window_show_view (self, "articles");
          return;
        }
    }
  else if (g_str_equal (kind, "event"))
    {
      DossierEvent *event = dossier_store_lookup_event (store, id);

      if (event != NULL)
        {
          dossier_selection_set_event (self->selection, event);
          dossier_window_show_view (self, "timeline");
          return;
        }
    }
  else if (g_str_equal (kind, "entity"))
    {
      DossierEntity *entity = dossier_store_lookup_entity (store, id);

      if (entity != NULL)
        {
          dossier_selection_set_entity (self->selection, entity);
          dossier_window_show_view (self, "relationships");
          return;
        }
    }
  else
    g_return_if_reached ();

  dossier_window_report_missing (self, kind, id);
}

/* The last step of opening a file: its dossier is shown, or why not. */
static void
dossier_window_finish_open (DossierWindow *self,
                            DossierStore  *store,
                            GPtrArray     *problems,
                            const GError  *error)
{
  g_autofree char *kind = g_steal_pointer (&self->pending_kind);
  g_autofree char *id = g_steal_pointer (&self->pending_id);
  g_autoptr(GFile) file = NULL;

  dossier_window_show_loading (self, NULL);
  g_clear_object (&self->load_cancellable);
  file = g_steal_pointer (&self->loading_file);

  if (store == NULL)
    {
      dossier_window_show_load_error (self, file, error, problems);
      return;
    }

  dossier_selection_set_store (self->selection, store);

  if (kind != NULL)
    dossier_window_show_item (self, kind, id);
}

static void
prepare_search_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  dossier_article_filter_prepare_store (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
dossier_window_search_prepared (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (source);

  /* FALSE when cancelled: another file superseded it, or it was given up */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  dossier_window_finish_open (self, g_task_get_task_data (G_TASK (result)), NULL, NULL);
}

static void
dossier_window_open_file_ready (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GTask) task = NULL;

  store = dossier_store_load_file_finish (result, &problems, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (store == NULL)
    {
      dossier_window_finish_open (self, NULL, problems, error);
      return;
    }

  /* Loading goes on in a thread with the articles' search text, folded
   * and indexed now so that no keystroke has to (for ten thousand
   * articles, a few tenths of a second the first search would otherwise
   * wait for). */
  task = g_task_new (self, self->load_cancellable, dossier_window_search_prepared, NULL);
  g_task_set_source_tag (task, dossier_window_open_file_ready);
  g_task_set_task_data (task, g_steal_pointer (&store), g_object_unref);
  g_task_run_in_thread (task, prepare_search_thread);
}

void
dossier_window_open_file (DossierWindow *self,
                          GFile         *file)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Opening another file supersedes the one still loading. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_set_object (&self->loading_file, file);
  g_clear_pointer (&self->load_progress, dossier_load_progress_unref);
  self->load_progress = dossier_load_progress_new ();
  dossier_window_show_loading (self, file);

  dossier_store_load_file_async (file, self->load_progress, self->load_cancellable,
                                 dossier_window_open_file_ready, g_object_ref (self));
}
