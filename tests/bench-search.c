/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search benchmark: the time from a changed search string to the filtered
 * article list, at 10,000 generated articles, one keystroke at a time.
 *
 *   bench-search GENERATOR [--articles N] [--repeats N] [--verbose]
 *
 * The keystrokes: a query typed character by character, erased one
 * Backspace at a time, then an entity's name typed.  All times are CPU
 * time of the main thread, which a busy machine inflates less than wall
 * time; per keystroke, the median of the repeats.
 *
 *  - floor: a plain strstr of every word over the folded text of every
 *    article (folded once, before timing, with the filter's own
 *    normalization): what a search without an index does per keystroke;
 *  - filter: dossier_article_filter_set_search() on the view's model chain
 *    (the store's articles → GtkSortListModel by date → GtkFilterListModel,
 *    incremental off) until the filter model has its new n_items; the
 *    count is checked against the floor's;
 *  - view: a DossierArticlesView in a mapped 1100×720 window, with an
 *    article open in the reader that the query hides (opened before, and
 *    read a while: the typing starts once the window has stopped
 *    repainting, which a web view that has just loaded a page keeps doing
 *    for a few seconds): the keystroke typed
 *    into its search entry (a character inserted or deleted at the end,
 *    and the cursor's blink put off, as a key press does), the entry's
 *    ::search-changed, the filter, the list's rows, and the frame that
 *    shows the new list (the main thread's CPU time up to the end of that
 *    frame's paint, with every frame painted meanwhile, which are counted;
 *    the wall time is printed too, and includes the entry's search delay);
 *  - api: the same keystrokes once through dossier_articles_view_set_search(),
 *    counting how often the list changes per call.
 *
 * The first keystroke after loading is reported on its own: it pays for
 * whatever is built on first use.  Loading includes what the window does
 * in its worker thread when it opens a file, before it shows the dossier:
 * folding and indexing every article's search text
 * (dossier_article_filter_prepare_store()); its time is printed too.
 * The target is for every keystroke of the filter and the view: under
 * 16 ms (one frame at 60 Hz).  Needs a display (xvfb-run).  Exits 1 when
 * the target is missed. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dossier-article-filter.h"
#include "dossier-article-sorter.h"
#include "article-text.h"
#include "dossier-article-text.h"
#include "dossier-articles-view.h"
#include "dossier-loader-private.h"
#include "dossier-model.h"
#include "dossier-selection.h"

#define TARGET_MS 16.0

static const char *typed_query = "export controls";

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
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
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
median_of (const double *values,
           guint         n)
{
  g_autofree double *copy = g_memdup2 (values, n * sizeof (double));

  qsort (copy, n, sizeof (double), compare_double);
  return n % 2 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
}

static double
max_of (const double *values,
        guint         n)
{
  double max = 0;

  for (guint i = 0; i < n; i++)
    max = MAX (max, values[i]);
  return max;
}

/* The searches, keystroke by keystroke */
static GPtrArray *
make_keystrokes (const char *entity_name)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  const char *end;
  gsize len = strlen (typed_query);

  /* Typing, then Backspace down to one character (clearing the entry
   * closes the search), then the next query. */
  for (gsize i = 1; i <= len; i++)
    g_ptr_array_add (keys, g_strndup (typed_query, i));
  for (gsize i = len - 1; i >= 1; i--)
    g_ptr_array_add (keys, g_strndup (typed_query, i));
  g_ptr_array_add (keys, g_strdup (""));
  for (const char *p = entity_name; *p != '\0'; p = g_utf8_next_char (p))
    {
      end = g_utf8_next_char (p);
      g_ptr_array_add (keys, g_strndup (entity_name, end - entity_name));
    }
  g_ptr_array_add (keys, g_strdup (""));

  return keys;
}

static guint
floor_count (char      **haystacks,
             guint       n,
             const char *search)
{
  g_auto(GStrv) words = dossier_article_text_split_words (search);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (dossier_article_text_matches_all (haystacks[i], (const char * const *) words))
      count++;
  return count;
}

/* An entity named in about 1% of the articles: a plausible thing to
 * look for. */
static DossierEntity *
pick_entity (DossierStore *store)
{
  GListModel *entities = dossier_store_get_entities (store);
  guint n_articles = g_list_model_get_n_items (dossier_store_get_articles (store));
  guint best_distance = G_MAXUINT;
  DossierEntity *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
      guint n = g_list_model_get_n_items (dossier_store_get_entity_articles (store, entity));
      guint distance = (guint) ABS ((int) n - (int) (n_articles / 100));

      if (distance < best_distance && strlen (dossier_entity_get_name (entity)) >= 10)
        {
          best_distance = distance;
          best = entity;
        }
    }
  return best;
}

typedef struct
{
  GMainLoop *loop;
  gboolean searched;
  gboolean painted;
  double wall_end;
  double cpu_end;
} FrameWait;

static void
on_after_paint (GdkFrameClock *clock,
                FrameWait     *wait)
{
  if (wait->painted)
    return;
  wait->painted = TRUE;
  wait->wall_end = wall_ms ();
  wait->cpu_end = thread_cpu_ms ();
  g_main_loop_quit (wait->loop);
}

static gboolean
on_frame_timeout (gpointer data)
{
  FrameWait *wait = data;

  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

/* Frames painted (GdkSurface::render), to tell how many frames a
 * keystroke costs */
static guint n_renders;

static gboolean
count_render (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               data)
{
  n_renders++;
  return TRUE;
}

/* Runs the main loop until the next frame has been painted (or 1 s). */
static void
wait_for_frame (GtkWidget *window,
                FrameWait *wait)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), wait);
  guint timeout = g_timeout_add (1000, on_frame_timeout, wait);

  wait->painted = FALSE;
  gtk_widget_queue_draw (window);
  g_main_loop_run (wait->loop);
  g_signal_handler_disconnect (clock, handler);
  if (wait->painted)
    g_source_remove (timeout);
}

/* Lets pending work (idle handlers, the web view) settle. */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

static void
on_paint (GdkFrameClock *clock,
          gint64        *last_paint)
{
  *last_paint = g_get_monotonic_time ();
}

/* Lets the window settle until it has painted nothing for @quiet_ms (or
 * @max_ms have gone by); returns how long that took, in ms.  A web view
 * that has just loaded a page keeps the window repainting for a few
 * seconds (WebKit fades out the overlay scrollbar it shows on a new
 * page), and those frames are no keystroke's. */
static double
settle_until_idle (GtkWidget *window,
                   guint      quiet_ms,
                   guint      max_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 start = g_get_monotonic_time (), last_paint = start;
  gulong handler = g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &last_paint);

  while (g_get_monotonic_time () - last_paint < (gint64) quiet_ms * 1000 &&
         g_get_monotonic_time () - start < (gint64) max_ms * 1000)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  g_signal_handler_disconnect (clock, handler);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   FrameWait      *wait)
{
  wait->searched = TRUE;
  wait->cpu_end = thread_cpu_ms ();
  if (g_main_loop_is_running (wait->loop))
    g_main_loop_quit (wait->loop);
}

/* Runs the main loop until the entry has emitted ::search-changed, after
 * its search delay (or 2 s). */
static void
wait_for_search (FrameWait *wait)
{
  guint timeout;

  if (wait->searched)
    return;
  timeout = g_timeout_add (2000, on_frame_timeout, wait);
  g_main_loop_run (wait->loop);
  if (wait->searched)
    g_source_remove (timeout);
  else
    g_error ("the search entry did not emit ::search-changed");
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Changes the entry's text to @target as typing does: inserting the
 * characters added at the end, or deleting those removed from it. */
static void
type_into (GtkEditable *entry,
           const char  *target)
{
  const char *text = gtk_editable_get_text (entry);
  gsize len = strlen (text), target_len = strlen (target);

  /* What a key press does besides the edit: GtkText puts off its
   * cursor's blink, so that the cursor stays solid while one types (and
   * blinks again once one stops).  Its move-cursor key binding, moving by
   * nothing, does that alone.  Without it, typing would be timed under a
   * blinking cursor, whose fading in and out repaints the window at every
   * frame, as no one typing ever sees it. */
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "move-cursor",
                         GTK_MOVEMENT_LOGICAL_POSITIONS, 0, FALSE);

  if (target_len > len && strncmp (text, target, len) == 0)
    {
      int position = (int) g_utf8_strlen (text, -1);

      gtk_editable_insert_text (entry, target + len, (int) (target_len - len), &position);
    }
  else if (target_len < len && strncmp (text, target, target_len) == 0)
    gtk_editable_delete_text (entry, (int) g_utf8_strlen (target, -1), -1);
  else
    gtk_editable_set_text (entry, target);
}

static char *
generate (const char *generator,
          const char *dir,
          guint       n_articles)
{
  g_autofree char *path = g_strdup_printf ("%s/search-%u.json", dir, n_articles);
  g_autofree char *n = g_strdup_printf ("%u", n_articles);
  const char *argv[] = { generator, "--articles", n, "--seed", "1", "--quiet", "-o", path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", generator, error->message);

  return g_steal_pointer (&path);
}

static gboolean
report (const char   *what,
        const char   *what_long,
        const double *first,
        const double *times,
        guint         n,
        const double *floor_times)
{
  double med = median_of (times, n), max = max_of (times, n);
  gboolean met = max < TARGET_MS && (first == NULL || *first < TARGET_MS);

  if (first != NULL)
    printf ("search: %-6s first keystroke after loading %8.2f ms\n", what, *first);
  printf ("search: %-6s per keystroke: median %6.2f ms, max %6.2f ms", what, med, max);
  if (floor_times != NULL)
    printf ("  RATIO %.2fx the floor (median), %.2fx (max)", med / median_of (floor_times, n),
            max / max_of (floor_times, n));
  if (first != NULL || floor_times != NULL)
    printf (", target < %.0f ms for every keystroke: %s", TARGET_MS, met ? "met" : "MISSED");
  printf ("\n");
  if (first != NULL && floor_times != NULL)
    {
      g_autofree char *row = g_strdup_printf ("search 10,000 articles: %s, per keystroke", what_long);
      g_autofree char *measured = g_strdup_printf ("%.1f ms median, %.0f ms max, %.0f ms first", med, max, *first);
      g_autofree char *floor_text = g_strdup_printf ("%.1f ms median, %.0f ms max (strstr)",
                                                     median_of (floor_times, n), max_of (floor_times, n));
      g_autofree char *ratio_text = g_strdup_printf ("%.2f× median", med / median_of (floor_times, n));

      print_result (row, measured, floor_text, ratio_text, "< 16 ms each", met);
    }
  return met;
}

int
main (int   argc,
      char *argv[])
{
  int n_articles = 10000, repeats = 3;
  gboolean no_view = FALSE, verbose = FALSE, no_article = FALSE;
  const GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles in the generated dossier (10000)", "N" },
    { "repeats", 0, 0, G_OPTION_ARG_INT, &repeats, "Times the keystrokes are replayed (3)", "N" },
    { "no-view", 0, 0, G_OPTION_ARG_NONE, &no_view, "Skip the measurement through the view", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every keystroke's figures", NULL },
    { "no-article", 0, 0, G_OPTION_ARG_NONE, &no_article, "Search the view with no article open", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("GENERATOR - search keystrokes at 10,000 articles");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GListModel *articles;
  DossierEntity *entity;
  char **haystacks;
  guint n, n_keys;
  double *floor_ms, *filter_ms, *view_cpu, *view_wall, *view_sync, *view_frames;
  double first_filter = 0, first_view_cpu = 0, first_view_wall = 0, folded = 0;
  gboolean met = TRUE;
  char *data;
  gsize length;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: bench-search GENERATOR [--articles N] [--repeats N]\n");
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-search: no display; run it under xvfb-run\n");
      return 77;
    }
  adw_init ();
  setvbuf (stdout, NULL, _IOLBF, 0);
  repeats = MAX (repeats, 1);

  dir = g_dir_make_tmp ("dossier-bench-search-XXXXXX", &error);
  g_assert_no_error (error);
  path = generate (argv[1], dir, n_articles);
  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  g_unlink (path);
  g_rmdir (dir);
  bytes = g_bytes_new_take (data, length);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);
  /* Through the loader itself: the 10,000-article dossier is over the
   * 64 MiB that dossier_store_load_bytes accepts (see bench-load). */
  store = dossier_loader_load (bytes, problems);
  if (store == NULL)
    g_error ("the generated dossier does not load");
  g_clear_pointer (&bytes, g_bytes_unref);
  {
    double c0 = thread_cpu_ms ();

    /* As the window does when it opens a file, in its loading thread */
    dossier_article_filter_prepare_store (store);
    printf ("search: loading: folding and indexing the articles' search text (in the app, in the thread that "
            "loads the file): %.1f ms\n",
            thread_cpu_ms () - c0);
  }

  articles = dossier_store_get_articles (store);
  n = g_list_model_get_n_items (articles);
  entity = pick_entity (store);
  keys = make_keystrokes (dossier_entity_get_name (entity));
  n_keys = keys->len;
  printf ("search: %u articles (%.1f MB of JSON); keystrokes: \"%s\" typed, erased, then \"%s\" typed "
          "(%u in all, %d repeats)\n", n, length / 1e6, typed_query, dossier_entity_get_name (entity),
          n_keys, repeats);

  /* The floor's folded text */
  haystacks = g_new0 (char *, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);

      haystacks[i] = dossier_test_fold_article (article);
      folded += strlen (haystacks[i]);
    }

  floor_ms = g_new0 (double, n_keys);
  filter_ms = g_new0 (double, n_keys);
  view_cpu = g_new0 (double, n_keys);
  view_wall = g_new0 (double, n_keys);
  view_sync = g_new0 (double, n_keys);
  view_frames = g_new0 (double, n_keys);

  /* Floor and filter, keystroke by keystroke; per keystroke the median of
   * the repeats. */
  {
    g_autoptr(DossierArticleFilter) filter = dossier_article_filter_new (store);
    g_autoptr(DossierArticleSorter) sorter = dossier_article_sorter_new (DOSSIER_ARTICLE_SORT_DATE);
    g_autoptr(GtkSortListModel) sorted = NULL;
    g_autoptr(GtkFilterListModel) filtered = NULL;
    g_autofree double *f = g_new0 (double, (gsize) repeats * n_keys);
    g_autofree double *g = g_new0 (double, (gsize) repeats * n_keys);
    double t0 = wall_ms ();

    sorted = gtk_sort_list_model_new (g_object_ref (articles), g_object_ref (GTK_SORTER (sorter)));
    gtk_sort_list_model_set_incremental (sorted, FALSE);
    filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (sorted)), g_object_ref (GTK_FILTER (filter)));
    gtk_filter_list_model_set_incremental (filtered, FALSE);
    printf ("search: building the sorted list: %.1f ms; folded text: %.1f MB\n", wall_ms () - t0, folded / 1e6);

    for (int r = 0; r < repeats; r++)
      for (guint k = 0; k < n_keys; k++)
        {
          const char *search = keys->pdata[k];
          double c0;
          guint expected, got;

          c0 = thread_cpu_ms ();
          expected = floor_count (haystacks, n, search);
          f[r * n_keys + k] = thread_cpu_ms () - c0;

          c0 = thread_cpu_ms ();
          dossier_article_filter_set_search (filter, search);
          got = g_list_model_get_n_items (G_LIST_MODEL (filtered));
          g[r * n_keys + k] = thread_cpu_ms () - c0;

          if (got != expected)
            g_error ("\"%s\": the filter shows %u articles, the floor finds %u", search, got, expected);
        }

    /* The first keystroke is reported on its own; in its place, the same
     * keystroke of the next repeat. */
    first_filter = g[0];
    if (repeats > 1)
      g[0] = g[n_keys];
    for (guint k = 0; k < n_keys; k++)
      {
        double fr[64], gr[64];

        for (int r = 0; r < repeats && r < 64; r++)
          {
            fr[r] = f[r * n_keys + k];
            gr[r] = g[r * n_keys + k];
          }
        floor_ms[k] = median_of (fr, MIN (repeats, 64));
        filter_ms[k] = median_of (gr, MIN (repeats, 64));
      }
  }

  report ("floor", NULL, NULL, floor_ms, n_keys, NULL);
  met &= report ("filter", "the filter (model)", &first_filter, filter_ms, n_keys, floor_ms);

  if (!no_view)
    {
      g_autoptr(DossierSelection) selection = dossier_selection_new ();
      g_autofree double *c = g_new0 (double, (gsize) repeats * n_keys);
      g_autofree double *w = g_new0 (double, (gsize) repeats * n_keys);
      g_autofree double *y = g_new0 (double, (gsize) repeats * n_keys);
      g_autofree double *fc = g_new0 (double, (gsize) repeats * n_keys);
      GtkWidget *window = gtk_window_new ();
      GtkWidget *view;
      FrameWait wait = { g_main_loop_new (NULL, FALSE), };
      g_autoptr(DossierArticle) open = NULL;
      g_autofree double *api_cpu = g_new0 (double, n_keys);
      guint n_changes = 0, api_changes = 0;
      gulong render_hook;
      GtkSearchBar *search_bar;
      GtkEditable *entry;
      double t0;

      t0 = wall_ms ();
      dossier_selection_set_store (selection, store);
      view = dossier_articles_view_new (selection);
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
      gtk_window_set_child (GTK_WINDOW (window), view);
      gtk_window_present (GTK_WINDOW (window));
      wait_for_frame (window, &wait);
      printf ("search: view   first frame of the articles view: %.1f ms\n", wall_ms () - t0);

      /* An article in the reader that the searches hide, as when one
       * reads while searching. */
      for (guint i = 0; i < n && open == NULL && !no_article; i++)
        {
          g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);
          g_auto(GStrv) words = dossier_article_text_split_words (typed_query);

          if (!dossier_article_text_matches_all (haystacks[i], (const char * const *) words))
            open = g_steal_pointer (&article);
        }
      if (open != NULL)
        dossier_articles_view_show_source (DOSSIER_ARTICLES_VIEW (view), open, 0, 0, 0);
      wait_for_frame (window, &wait);
      settle (1500);
      printf ("search: view   the window settled (no frame for 0.5 s) %.1f s after the article opened\n",
              (1500 + settle_until_idle (window, 500, 10000)) / 1000.0);

      entry = GTK_EDITABLE (find_widget (view, GTK_TYPE_SEARCH_ENTRY));
      search_bar = GTK_SEARCH_BAR (find_widget (view, GTK_TYPE_SEARCH_BAR));
      g_assert (entry != NULL && search_bar != NULL);
      g_signal_connect_after (entry, "search-changed", G_CALLBACK (on_search_changed), &wait);
      g_signal_connect (dossier_articles_view_get_model (DOSSIER_ARTICLES_VIEW (view)), "items-changed",
                        G_CALLBACK (on_items_changed), &n_changes);
      gtk_search_bar_set_search_mode (search_bar, TRUE);
      wait_for_frame (window, &wait);
      settle_until_idle (window, 300, 5000);

      render_hook = g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                                                count_render, NULL, NULL);
      for (int r = 0; r < repeats; r++)
        for (guint k = 0; k < n_keys; k++)
          {
            double w0 = wall_ms (), c0 = thread_cpu_ms ();

            /* Typing: one character in, or one out, at the end. */
            n_renders = 0;
            wait.searched = FALSE;
            type_into (entry, keys->pdata[k]);
            wait_for_search (&wait);
            y[r * n_keys + k] = wait.cpu_end - c0;
            wait_for_frame (window, &wait);
            c[r * n_keys + k] = wait.cpu_end - c0;
            w[r * n_keys + k] = wait.wall_end - w0;
            fc[r * n_keys + k] = n_renders;
            /* Whatever the keystroke left for later (a page reload in
             * the reader) happens before the next one, as when typing at
             * a human pace. */
            settle (30);
          }
      g_signal_remove_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), render_hook);

      /* The same keystrokes through the API that sets the search text
       * (once): how much it costs, and how often the list changes. */
      gtk_editable_set_text (entry, "");
      wait_for_frame (window, &wait);
      settle (300);
      for (guint k = 0; k < n_keys; k++)
        {
          double c0 = thread_cpu_ms ();

          n_changes = 0;
          dossier_articles_view_set_search (DOSSIER_ARTICLES_VIEW (view), keys->pdata[k]);
          wait_for_frame (window, &wait);
          api_cpu[k] = wait.cpu_end - c0;
          api_changes += n_changes;
          settle (200);
        }

      first_view_cpu = c[0];
      first_view_wall = w[0];
      if (repeats > 1)
        {
          c[0] = c[n_keys];
          w[0] = w[n_keys];
        }
      for (guint k = 0; k < n_keys; k++)
        {
          double cr[64], wr[64], yr[64], fr[64];

          for (int r = 0; r < repeats && r < 64; r++)
            {
              cr[r] = c[r * n_keys + k];
              wr[r] = w[r * n_keys + k];
              yr[r] = y[r * n_keys + k];
              fr[r] = fc[r * n_keys + k];
            }
          view_frames[k] = median_of (fr, MIN (repeats, 64));
          view_sync[k] = median_of (yr, MIN (repeats, 64));
          view_cpu[k] = median_of (cr, MIN (repeats, 64));
          view_wall[k] = median_of (wr, MIN (repeats, 64));
        }

      printf ("search: view   (keystroke and the frame that shows it; main-thread CPU)\n");
      met &= report ("view", "typed in the view, to the painted frame", &first_view_cpu, view_cpu,
                     n_keys, floor_ms);
      printf ("search: view   of which before the list changed (edit, search-changed, filter, rows): "
              "median %.2f ms, max %.2f ms\n", median_of (view_sync, n_keys), max_of (view_sync, n_keys));
      printf ("search: view   frames painted per keystroke (the edited entry, the new list, and any "
              "animation meanwhile): median %.0f, max %.0f\n", median_of (view_frames, n_keys),
              max_of (view_frames, n_keys));
      printf ("search: view   wall time to that frame (includes the entry's search delay and waiting "
              "for the frame clock): first %.1f ms, median %.1f ms, max %.1f ms\n",
              first_view_wall, median_of (view_wall, n_keys), max_of (view_wall, n_keys));
      printf ("search: api    dossier_articles_view_set_search() per keystroke and its frame: median %.2f ms, "
              "max %.2f ms; the list changed %.2f times per call\n",
              median_of (api_cpu, n_keys), max_of (api_cpu, n_keys), (double) api_changes / n_keys);
      {
        g_autofree char *measured = g_strdup_printf ("%.1f ms median, %.0f ms max; %.2f list changes per call",
                                                     median_of (api_cpu, n_keys), max_of (api_cpu, n_keys),
                                                     (double) api_changes / n_keys);

        /* Informative: the target is on typing. */
        print_result ("search 10,000 articles: dossier_articles_view_set_search(), per call", measured,
                      "", "", "(no target; ≤ 1 change)", api_changes <= n_keys);
      }

      gtk_window_destroy (GTK_WINDOW (window));
      g_main_loop_unref (wait.loop);
    }

  if (verbose)
    {
      printf ("search: %-20s %8s %9s %12s %12s %12s %7s\n", "keystroke", "floor ms", "filter ms",
              "view cpu ms", "(in the call)", "view wall ms", "frames");
      for (guint k = 0; k < n_keys; k++)
        {
          g_autofree char *quoted = g_strdup_printf ("\"%s\"", (const char *) keys->pdata[k]);

          printf ("search: %-20s %8.2f %9.2f %12.2f %12.2f %12.2f %7.0f\n", quoted, floor_ms[k], filter_ms[k],
                  view_cpu[k], view_sync[k], view_wall[k], view_frames[k]);
        }
    }

  printf ("search: %s\n", met ? "target met" : "target MISSED");

  for (guint i = 0; i < n; i++)
    g_free (haystacks[i]);
  g_free (haystacks);
  g_free (floor_ms);
  g_free (filter_ms);
  g_free (view_cpu);
  g_free (view_wall);
  g_free (view_sync);
  g_free (view_frames);
  return met ? 0 : 1;
}
