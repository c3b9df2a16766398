/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Start-up benchmark: process start to the first frame of Dossier's window
 * with the embedded dossier, against an empty libadwaita window built with
 * the same flags (bench-empty-window), each in a fresh process, in rotating
 * order, N rounds of one of each.  Both the wall time (spawn to the end of
 * the first frame) and the child's CPU time up to then are printed; the
 * ratio that is checked is the CPU one, which other processes on a busy
 * machine disturb far less, and it is the median of the rounds' own ratios:
 * the app and the empty window of one round start within a second of each
 * other, so a spell of load from elsewhere weighs on both sides of a ratio
 * rather than on one side of the medians.  The ratio of the two medians is
 * printed too; on this project's shared 2-core machines it wanders about
 * twice as far from run to run.
 *
 *   bench-startup EMPTY_WINDOW [--runs N]
 *
 * The app's child is this program again (--child app): it does what
 * src/main.c does — DossierApplication from libdossier, run with no
 * arguments — with a probe hooked in from outside (tests/bench/
 * first-frame.h) that reports when the first window paints its first frame.
 * Also measured, as a diagnostic: the empty window from this binary
 * (--child empty), which links everything Dossier links (WebKitGTK
 * included), to tell the cost of loading the libraries from the cost of
 * what the app does.
 *
 * Needs a display (xvfb-run) and the compiled schema (GSETTINGS_SCHEMA_DIR,
 * as meson's test environment sets it).  Runs the children with a private
 * HOME and XDG dirs and the memory GSettings backend.  Exits 1 when the
 * target is missed: at most 1.25× the empty window. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-application.h"
#include "first-frame.h"

#define TARGET_RATIO 1.25

/* One row of the summary table that tests/bench/run-benchmarks.sh prints:
 * RESULT, then tab-separated: what, measured, floor, ratio, target, status. */
static void
print_result (const char *what,
              const char *measured,
              const char *floor,
              const char *ratio,
              const char *target,
              gboolean    met)
{
  printf ("RESULT\t%s\t%s\t%s\t%s\t%s\t%s\n", what, measured, floor, ratio, target, met ? "met" : "MISSED");
}

static int
run_app_child (const char *argv0)
{
  g_autoptr(DossierApplication) app = NULL;
  char *argv[] = { (char *) argv0, NULL };

  /* As in src/main.c */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = dossier_application_new ();
  bench_watch_first_frame (G_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), 1, argv);
}

static int
run_empty_child (const char *argv0)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return bench_empty_window_run (argv0);
}

/* Milliseconds from just before the spawn to the end of the child's first
 * frame; *cpu gets the child's CPU time up to then, *renderer the
 * renderer's type name. */
static double
time_to_first_frame (const char * const *argv,
                     double             *cpu,
                     char              **renderer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start, frame = 0;
  char name[64] = "";
  double cpu_ms = 0;
  const char *line;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  line = out != NULL ? strstr (out, "FIRST-FRAME ") : NULL;
  if (line == NULL || sscanf (line, "FIRST-FRAME %" G_GINT64_FORMAT " %63s %lf", &frame, name, &cpu_ms) < 3)
    g_error ("%s %s painted no frame; it said:\n%s%s", argv[0], argv[1] ? argv[1] : "",
             out ? out : "", err ? err : "");
  if (renderer != NULL && *renderer == NULL)
    *renderer = g_strdup (name);
  if (cpu != NULL)
    *cpu = cpu_ms;

  return (frame - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static char *private_home;

static void
remove_private_home (void)
{
  /* GLib has no recursive delete; rm is always there. */
  const char *argv[] = { "rm", "-rf", private_home, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
make_private_home (void)
{
  static const char *xdg_dirs[] = {
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("dossier-bench-startup-XXXXXX", &error);

  g_assert_no_error (error);
  private_home = g_strdup (home);
  atexit (remove_private_home);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg_dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg_dirs[i], dir, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 21;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Start-ups of each kind (21)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = NULL;
  g_autofree char *renderer = NULL;
  /* wall and CPU times of each kind: the app, the empty window, and the
   * empty window linked like the app */
  g_autofree double *wall[3] = { NULL, };
  g_autofree double *cpu[3] = { NULL, };
  double wall_ms[3], cpu_ms[3], ratio, wall_ratio;
  enum { APP, EMPTY, LINKED };

  if (argc == 3 && strcmp (argv[1], "--child") == 0)
    {
      if (strcmp (argv[2], "app") == 0)
        return run_app_child (argv[0]);
      if (strcmp (argv[2], "empty") == 0)
        return run_empty_child (argv[0]);
      return 2;
    }

  context = g_option_context_new ("EMPTY_WINDOW - time from process start to the first frame");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: bench-startup EMPTY_WINDOW [--runs N]\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup: no display; run it under xvfb-run\n");
      return 77;
    }
  runs = MAX (runs, 1);
  self_exe = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  make_private_home ();
  setvbuf (stdout, NULL, _IOLBF, 0);

  for (guint k = 0; k < 3; k++)
    {
      wall[k] = g_new0 (double, runs);
      cpu[k] = g_new0 (double, runs);
    }
  {
    const char *app_argv[] = { self_exe, "--child", "app", NULL };
    const char *empty_argv[] = { argv[1], NULL };
    const char *linked_argv[] = { self_exe, "--child", "empty", NULL };
    const char * const *argvs[3] = { app_argv, empty_argv, linked_argv };

    /* One of each first, not counted: the page cache and the fontconfig
     * cache warm up. */
    for (guint k = 0; k < 3; k++)
      time_to_first_frame (argvs[k], NULL, NULL);

    for (int r = 0; r < runs; r++)
      for (guint i = 0; i < 3; i++)
        {
          /* Rotate the order, so that a burst of load from elsewhere
           * does not always hit the same one. */
          guint k = (i + r) % 3;

          wall[k][r] = time_to_first_frame (argvs[k], &cpu[k][r], k == APP ? &renderer : NULL);
        }
  }

  {
    g_autofree double *cpu_ratios = g_new (double, runs);
    g_autofree double *wall_ratios = g_new (double, runs);

    for (int r = 0; r < runs; r++)
      {
        cpu_ratios[r] = cpu[APP][r] / cpu[EMPTY][r];
        wall_ratios[r] = wall[APP][r] / wall[EMPTY][r];
      }
    ratio = median (cpu_ratios, runs);
    wall_ratio = median (wall_ratios, runs);
  }
  for (guint k = 0; k < 3; k++)
    {
      wall_ms[k] = median (wall[k], runs);
      cpu_ms[k] = median (cpu[k], runs);
    }

  printf ("startup: process start to first frame, %d rounds of fresh processes (renderer %s); medians:\n",
          runs, renderer);
  printf ("startup: %-48s %7s %9s   %s\n", "", "CPU ms", "wall ms", "wall min–max");
  printf ("startup: %-48s %7.1f %9.1f   %.0f–%.0f\n", "floor: empty libadwaita window",
          cpu_ms[EMPTY], wall_ms[EMPTY], wall[EMPTY][0], wall[EMPTY][runs - 1]);
  printf ("startup: %-48s %7.1f %9.1f   %.0f–%.0f\n", "Dossier with the embedded dossier",
          cpu_ms[APP], wall_ms[APP], wall[APP][0], wall[APP][runs - 1]);
  printf ("startup: %-48s %7.1f %9.1f   %.0f–%.0f\n", "(empty window linked like Dossier, WebKitGTK too)",
          cpu_ms[LINKED], wall_ms[LINKED], wall[LINKED][0], wall[LINKED][runs - 1]);
  printf ("startup: of the difference, loading the libraries: %.0f ms CPU; what the app does: %.0f ms CPU\n",
          cpu_ms[LINKED] - cpu_ms[EMPTY], cpu_ms[APP] - cpu_ms[LINKED]);
  printf ("startup: ratio of the medians: %.2fx CPU, %.2fx wall\n",
          cpu_ms[APP] / cpu_ms[EMPTY], wall_ms[APP] / wall_ms[EMPTY]);
  printf ("startup: RATIO %.2fx the empty window (CPU time, median of %d rounds; %.2fx wall), target <= %.2fx: %s\n",
          ratio, runs, wall_ratio, TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "MISSED");
  {
    g_autofree char *measured = g_strdup_printf ("%.0f ms CPU, %.0f ms wall", cpu_ms[APP], wall_ms[APP]);
    g_autofree char *floor_text = g_strdup_printf ("%.0f ms CPU, %.0f ms wall (empty window)",
                                                   cpu_ms[EMPTY], wall_ms[EMPTY]);
    g_autofree char *ratio_text = g_strdup_printf ("%.2f× CPU, %.2f× wall", ratio, wall_ratio);

    print_result ("start-up to first frame", measured, floor_text, ratio_text, "≤ 1.25×",
                  ratio <= TARGET_RATIO);
  }

  return ratio <= TARGET_RATIO ? 0 : 1;
}
