/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor of the start-up benchmark: an empty libadwaita window, linked
 * against libadwaita only and built with the project's flags.  Prints
 * FIRST-FRAME when its first frame is painted, then exits; see
 * first-frame.h and bench-startup.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "first-frame.h"

int
main (int   argc,
      char *argv[])
{
  /* What main.c does before the application starts. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return bench_empty_window_run (argv[0]);
}
