/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The probe of the start-up benchmark, shared by the app's child
 * (bench-startup --child app) and the floor (bench-empty-window): when the
 * application's first window paints its first frame, print the time and
 * leave at once.
 *
 *   FIRST-FRAME <g_get_monotonic_time at the end of the frame> <renderer> <CPU ms>
 *
 * The parent took the same clock (CLOCK_MONOTONIC, shared by all
 * processes) just before it spawned the child, so the difference is
 * process start (exec, dynamic linking, constructors, main) to the end of
 * the first frame.  The CPU time is the process's own (all its threads,
 * user and system) up to that point: the same work, without the time a
 * busy machine keeps the process waiting.  Nothing here is in the app's code: it hooks in from
 * outside through GtkApplication::window-added and the frame clock. */
#pragma once

#include <adwaita.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

static void
bench_on_after_paint (GdkFrameClock *clock,
                      GtkWidget     *window)
{
  gint64 now = g_get_monotonic_time ();
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  struct rusage usage;
  double cpu_ms;

  getrusage (RUSAGE_SELF, &usage);
  cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  printf ("FIRST-FRAME %" G_GINT64_FORMAT " %s %.3f\n", now,
          renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none", cpu_ms);
  fflush (stdout);
  /* Tearing down is not part of starting up. */
  _exit (0);
}

static void
bench_on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_on_after_paint), window);
}

static void
bench_on_window_added (GtkApplication *app,
                       GtkWindow      *window)
{
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    bench_on_realize (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (bench_on_realize), NULL);
}

/* Watches the first window of @app.  Also makes the application
 * non-unique, so that a running Dossier never receives the command line
 * in its place. */
static inline void
bench_watch_first_frame (GApplication *app)
{
  g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (bench_on_window_added), NULL);
}

/* The floor: an empty libadwaita window (a header bar over nothing) the
 * size of Dossier's default window, from an AdwApplication with the
 * flags DossierApplication uses. */
static int
bench_empty_command_line (GApplication            *app,
                          GApplicationCommandLine *command_line)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

static inline int
bench_empty_window_run (const char *argv0)
{
  g_autoptr(AdwApplication) app = adw_application_new (APP_ID ".BenchEmpty",
                                                       G_APPLICATION_HANDLES_COMMAND_LINE);
  char *argv[] = { (char *) argv0, NULL };

  bench_watch_first_frame (G_APPLICATION (app));
  g_signal_connect (app, "command-line", G_CALLBACK (bench_empty_command_line), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
