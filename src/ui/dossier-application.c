/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-validate.h"
#include "dossier-window.h"

struct _DossierApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the dossier files given and print their problems, without opening a window"), NULL },
  /* Translators: VIEW is a placeholder for a view name in --help output */
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the window on a view: articles, timeline, relationships or discrepancies"), N_("VIEW") },
  { "article", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the article with this id"), N_("ID") },
  { "event", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the timeline on the event with this id"), N_("ID") },
  { "entity", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the relationships on the entity with this id"), N_("ID") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

static DossierWindow *
dossier_application_get_or_create_window (DossierApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (dossier_window_new (self));

  return DOSSIER_WINDOW (window);
}

static int
dossier_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  const char *view = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "dossier", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "validate"))
    {
      g_autofree const char **files = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      int status;

      if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) || files[0] == NULL)
        {
          g_printerr ("%s\n", _("--validate needs at least one file: dossier --validate FILE…"));
          return EXIT_FAILURE;
        }

      status = dossier_validate_files (files, out, err);
      g_printerr ("%s", err->str);
      g_print ("%s", out->str);
      return status;
    }

  /* Refuse a bad view here, in the calling process, so the error reaches
   * the terminal that typed it even when another instance is running. */
  if (g_variant_dict_lookup (options, "view", "&s", &view) &&
      !dossier_window_is_view_name (view))
    {
      /* Translators: %s is the view name the user typed */
      g_printerr (_("Unknown view “%s”. Choose one of: articles, timeline, relationships, discrepancies."), view);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  /* -1 means: go on and let the primary instance handle the command line. */
  return -1;
}

static int
dossier_application_command_line (GApplication            *app,
                                  GApplicationCommandLine *command_line)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **files = NULL;
  DossierWindow *window;
  const char *view = NULL;
  const char *id = NULL;

  window = dossier_application_get_or_create_window (self);

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) &&
      files[0] != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, files[0]);

      dossier_window_open_file (window, file);
    }

  if (g_variant_dict_lookup (options, "view", "&s", &view))
    dossier_window_show_view (window, view);
  if (g_variant_dict_lookup (options, "article", "&s", &id))
    dossier_window_show_item (window, "article", id);
  if (g_variant_dict_lookup (options, "event", "&s", &id))
    dossier_window_show_item (window, "event", id);
  if (g_variant_dict_lookup (options, "entity", "&s", &id))
    dossier_window_show_item (window, "entity", id);

  gtk_window_present (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}

static void
dossier_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (dossier_application_get_or_create_window (DOSSIER_APPLICATION (app))));
}

static void
dossier_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  DossierApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Dossier developers", NULL };

  adw_show_about_window (window,
                         "application-name", _("Dossier"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Dossier developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/dossierapp/dossier",
                         "issue-url", "https://github.com/dossierapp/dossier/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "comments", _("Read one news story from many sources at once"),
                         NULL);
}

static void
dossier_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Close rather than destroy, so each window saves its state; the
   * application ends when its last window is gone. */
  for (GList *l = g_list_copy (windows), *next; l != NULL; l = next)
    {
      next = l->next;
      gtk_window_close (l->data);
      g_list_free_1 (l);
    }
}

static const GActionEntry app_actions[] = {
  { "about", dossier_application_about_action },
  { "quit", dossier_application_quit_action },
};

static void
dossier_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open", { "<Control>o", NULL } },
    /* GTK's own, which it sets only for a gtk/help-overlay.ui resource */
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.view('articles')", { "<Alt>1", NULL } },
    { "win.view('timeline')", { "<Alt>2", NULL } },
    { "win.view('relationships')", { "<Alt>3", NULL } },
    { "win.view('discrepancies')", { "<Alt>4", NULL } },
  };

  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = dossier_application_handle_local_options;
  app_class->command_line = dossier_application_command_line;
  app_class->activate = dossier_application_activate;
  app_class->startup = dossier_application_startup;
}

static void
dossier_application_init (DossierApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read one news story from many sources at once."));
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
