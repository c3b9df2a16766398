/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Load benchmark: opening, validating and indexing generated dossiers of
 * 1,000 and 10,000 articles (about 5 KB of text each, 10 events and 5
 * relations per article), against the floor: a bare
 * json_parser_load_from_data of the same bytes, in the same run.
 *
 *   bench-load GENERATOR [--runs N] [--sizes 1000,10000] [--article-bytes B]
 *
 * Time: the median of N runs of each, interleaved (floor, store, store,
 * floor, …) so that a burst of load from another process hits both.
 * The ratio is taken on CPU time, which a busy machine inflates less than
 * wall time; both are printed.
 *
 * Memory: each size is loaded once more in a fresh child process (this
 * program again, with --child), which reports its peak RSS (VmHWM); a
 * baseline child that only starts is subtracted, and what is left is
 * divided by the size of the input.  The input itself is in memory during
 * the load, so 1× is the least possible figure.
 *
 * A dossier over DOSSIER_MAX_FILE_SIZE (128 MiB) is refused by
 * dossier_store_load_bytes before parsing; for such a file the benchmark
 * says so and times dossier_loader_load, the same code without that check.
 *
 * Exits 1 when a target is missed: at most 1.5× the bare parse, peak RSS
 * under 3× the input. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dossier-loader-private.h"
#include "dossier-store.h"

#define TARGET_TIME_RATIO 1.5
#define TARGET_RSS_PER_MB 3.0

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

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  if (values->len == 0)
    return 0;
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

/* The store, through the public entry point when the size allows it. */
static DossierStore *
load_store (GBytes     *bytes,
            GPtrArray **problems)
{
  g_autoptr(GError) error = NULL;

  if (g_bytes_get_size (bytes) > DOSSIER_MAX_FILE_SIZE)
    {
      *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);
      return dossier_loader_load (bytes, *problems);
    }
  return dossier_store_load_bytes (bytes, problems, &error);
}

static void
parse_floor (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!json_parser_load_from_data (parser, data, length, &error))
    g_error ("the bare parse fails: %s", error->message);
}

/* The high-water mark of this process's resident memory, in KiB.  Not
 * getrusage(): after fork() and exec(), Linux keeps the forking parent's
 * peak in ru_maxrss, so a child of this (large) process would report the
 * parent's memory; VmHWM belongs to the new address space only. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return atol (line + strlen ("VmHWM:"));
}

static long
current_rss_kib (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%ld %ld", &pages, &resident);
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

/* --child MODE FILE: do one thing, print "PEAK AFTER" in KiB and exit. */
static int
run_child (const char *mode,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DossierStore) store = NULL;
  char *data;
  gsize length;

  if (strcmp (mode, "start") != 0)
    {
      if (!g_file_get_contents (path, &data, &length, &error))
        g_error ("%s", error->message);
      bytes = g_bytes_new_take (data, length);
    }

  if (strcmp (mode, "parse") == 0)
    parse_floor (bytes);
  else if (strcmp (mode, "load") == 0)
    {
      g_autoptr(GPtrArray) problems = NULL;

      store = load_store (bytes, &problems);
      if (store == NULL)
        return 3;
      /* What the store keeps once the input and the parse tree are gone. */
      g_clear_pointer (&bytes, g_bytes_unref);
    }
  else if (strcmp (mode, "start") != 0)
    return 2;

  printf ("%ld %ld\n", peak_rss_kib (), current_rss_kib ());
  return 0;
}

/* Peak RSS in KiB of a fresh process running this program with
 * --child MODE FILE; *after_kib gets its RSS at the end. */
static long
child_peak_kib (const char *self_exe,
                const char *mode,
                const char *path,
                long       *after_kib)
{
  const char *argv[] = { self_exe, "--child", mode, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  long peak = 0, after = 0;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      sscanf (out, "%ld %ld", &peak, &after) != 2)
    g_error ("the %s child failed: %s", mode, error ? error->message : out);
  if (after_kib != NULL)
    *after_kib = after;

  return peak;
}

static char *
generate (const char *generator,
          const char *dir,
          guint       n_articles,
          guint       article_bytes)
{
  g_autofree char *path = g_strdup_printf ("%s/load-%u.json", dir, n_articles);
  g_autofree char *n = g_strdup_printf ("%u", n_articles);
  g_autofree char *b = g_strdup_printf ("%u", article_bytes);
  const char *argv[] = { generator, "--articles", n, "--article-bytes", b, "--seed", "1",
                         "--quiet", "-o", path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", generator, error->message);

  return g_steal_pointer (&path);
}

static gboolean
bench_size (const char *self_exe,
            const char *generator,
            const char *dir,
            guint       n_articles,
            guint       article_bytes,
            guint       runs)
{
  g_autofree char *path = generate (generator, dir, n_articles, article_bytes);
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) store_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) store_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DossierStore) store = NULL;
  double mb, fc, fw, sc, sw, ratio, parse_rss, load_rss, after_rss;
  long base_kib, parse_kib, load_kib, after_kib = 0;
  char *data;
  gsize length;
  gboolean met = TRUE;
  char label[64];

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (data, length);
  mb = length / 1e6;
  g_snprintf (label, sizeof label, "load %5u articles", n_articles);

  /* Warm-up, and a check that the generated file is valid. */
  store = load_store (bytes, &problems);
  if (store == NULL)
    {
      for (guint i = 0; i < problems->len && i < 10; i++)
        {
          g_autofree char *text = dossier_problem_to_string (problems->pdata[i]);

          g_printerr ("%s: %s\n", path, text);
        }
      g_error ("the generated dossier does not load");
    }
  printf ("%s: %.1f MB of JSON, %u events, %u relations, %u entities\n", label, mb,
          g_list_model_get_n_items (dossier_store_get_events (store)),
          g_list_model_get_n_items (dossier_store_get_relations (store)),
          g_list_model_get_n_items (dossier_store_get_entities (store)));
  if (length > DOSSIER_MAX_FILE_SIZE)
    printf ("%s: NOTE %.1f MiB is over the 128 MiB DOSSIER_MAX_FILE_SIZE, which "
            "dossier_store_load_bytes refuses; timing dossier_loader_load (the same code "
            "without the size check) instead\n", label, length / 1048576.0);
  g_clear_object (&store);
  parse_floor (bytes);

  for (guint r = 0; r < runs; r++)
    {
      for (guint k = 0; k < 2; k++)
        {
          gboolean floor_now = (k == 0) == (r % 2 == 0);
          double c0 = cpu_ms (), w0 = wall_ms (), c, w;

          if (floor_now)
            parse_floor (bytes);
          else
            {
              g_clear_pointer (&problems, g_ptr_array_unref);
              store = load_store (bytes, &problems);
            }
          c = cpu_ms () - c0;
          w = wall_ms () - w0;
          /* Freeing the store is not part of loading it. */
          g_clear_object (&store);
          g_array_append_val (floor_now ? floor_cpu : store_cpu, c);
          g_array_append_val (floor_now ? floor_wall : store_wall, w);
        }
    }

  fc = median (floor_cpu);
  fw = median (floor_wall);
  sc = median (store_cpu);
  sw = median (store_wall);
  ratio = sc / fc;
  printf ("%s: floor json_parser_load_from_data  %8.1f ms cpu %8.1f ms wall (median of %u)\n",
          label, fc, fw, runs);
  printf ("%s: dossier_store_load_bytes          %8.1f ms cpu %8.1f ms wall (median of %u)\n",
          label, sc, sw, runs);
  met &= ratio <= TARGET_TIME_RATIO;
  {
    g_autofree char *what = g_strdup_printf ("load %u articles (%.0f MB): time", n_articles, mb);
    g_autofree char *measured = g_strdup_printf ("%.0f ms", sc);
    g_autofree char *floor_text = g_strdup_printf ("%.0f ms bare parse", fc);
    g_autofree char *ratio_text = g_strdup_printf ("%.2f×", ratio);

    print_result (what, measured, floor_text, ratio_text, "≤ 1.5×", ratio <= TARGET_TIME_RATIO);
  }
  printf ("%s: RATIO time %.2fx the bare parse (cpu; %.2fx wall), target <= %.2gx: %s\n",
          label, ratio, sw / fw, TARGET_TIME_RATIO, ratio <= TARGET_TIME_RATIO ? "met" : "MISSED");

  base_kib = child_peak_kib (self_exe, "start", path, NULL);
  parse_kib = child_peak_kib (self_exe, "parse", path, NULL);
  load_kib = child_peak_kib (self_exe, "load", path, &after_kib);
  parse_rss = (parse_kib - base_kib) / 1024.0 * 1.048576 / mb;
  load_rss = (load_kib - base_kib) / 1024.0 * 1.048576 / mb;
  after_rss = (after_kib - base_kib) / 1024.0 * 1.048576 / mb;
  printf ("%s: peak RSS over a bare start: bare parse %.0f MB (%.2fx input), load %.0f MB (%.2fx input); "
          "the store alone, after loading: %.0f MB (%.2fx)\n",
          label, (parse_kib - base_kib) / 1024.0 * 1.048576, parse_rss,
          (load_kib - base_kib) / 1024.0 * 1.048576, load_rss,
          (after_kib - base_kib) / 1024.0 * 1.048576, after_rss);
  met &= load_rss < TARGET_RSS_PER_MB;
  {
    g_autofree char *what = g_strdup_printf ("load %u articles (%.0f MB): peak RSS", n_articles, mb);
    g_autofree char *measured = g_strdup_printf ("%.0f MB", (load_kib - base_kib) / 1024.0 * 1.048576);
    g_autofree char *floor_text = g_strdup_printf ("%.0f MB input", mb);
    g_autofree char *ratio_text = g_strdup_printf ("%.2f× per MB", load_rss);

    print_result (what, measured, floor_text, ratio_text, "< 3×", load_rss < TARGET_RSS_PER_MB);
  }
  printf ("%s: RATIO memory %.2fx the input (peak RSS per MB), target < %.2gx: %s\n",
          label, load_rss, TARGET_RSS_PER_MB, load_rss < TARGET_RSS_PER_MB ? "met" : "MISSED");
  /* For scale: json-glib's tree of the whole file alone peaks above the
   * target, which is why the loader never holds one (see the loader) */
  printf ("%s: memory against the floor: load peak %.2fx the bare parse's peak\n",
          label, load_rss / parse_rss);

  g_unlink (path);
  return met;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 5, article_bytes = 5000;
  g_autofree char *sizes = NULL;
  g_autofree char *self_exe = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) size_list = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measurement (5)", "N" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Article counts, comma-separated (1000,10000)", "LIST" },
    { "article-bytes", 0, 0, G_OPTION_ARG_INT, &article_bytes, "Body text per article (5000)", "B" },
    { NULL }
  };
  gboolean met = TRUE;

  if (argc == 4 && strcmp (argv[1], "--child") == 0)
    return run_child (argv[2], argv[3]);

  context = g_option_context_new ("GENERATOR - time and size of loading generated dossiers");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: bench-load GENERATOR [--runs N] [--sizes 1000,10000]%s%s\n",
                  error ? ": " : "", error ? error->message : "");
      return 2;
    }

  self_exe = g_file_read_link ("/proc/self/exe", &error);
  if (self_exe == NULL)
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("dossier-bench-load-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  size_list = g_strsplit (sizes != NULL ? sizes : "1000,10000", ",", -1);

  setvbuf (stdout, NULL, _IOLBF, 0);
  for (guint i = 0; size_list[i] != NULL; i++)
    met &= bench_size (self_exe, argv[1], dir, (guint) atoi (size_list[i]), article_bytes, MAX (runs, 1));

  g_rmdir (dir);
  return met ? 0 : 1;
}
