/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "dossier-test-utils.h"

static char *test_home;

static void
remove_test_home (void)
{
  /* GLib has no recursive delete; rm is always there. */
  const char *argv[] = { "rm", "-rf", test_home, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&test_home, g_free);
}

/* Points HOME and the XDG dirs at a fresh temporary directory, so a test
 * never reads or writes the real home, then initialises GTK for testing. */
void
dossier_test_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;
  static const char *xdg_dirs[] = {
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };

  test_home = g_dir_make_tmp ("dossier-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", test_home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (test_home, xdg_dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg_dirs[i], dir, TRUE);
    }
  atexit (remove_test_home);

  gtk_test_init (argc, argv, NULL);
}
