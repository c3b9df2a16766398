/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window.h"

struct _DossierWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  AdwViewStack *view_stack;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const view_names[] = { "articles", "timeline", "relationships", NULL };

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

static void
dossier_window_view_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  dossier_window_show_view (DOSSIER_WINDOW (widget),
                            g_variant_get_string (parameter, NULL));
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  window_class->close_request = dossier_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, view_stack);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, dossier_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", dossier_window_view_action);
}

static void
dossier_window_init (DossierWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
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
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  /* TODO: wired once the model lands */
}

void
dossier_window_open_file (DossierWindow *self,
                          GFile         *file)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  /* TODO: wired once the model lands */
}
