/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The catalogue of bad dossiers.  Every NAME.json in tests/data/bad,
 * tests/data/bad/multi and tests/data/fuzz-regressions must give exactly
 * the lines of NAME.expected, which are what `dossier --validate NAME.json`
 * prints on stderr without the leading "NAME.json: " (an empty .expected
 * means the file is valid).  This is checked through the loader
 * (dossier_validate_files(), all that `--validate` does) and, when
 * DOSSIER_EXE is set, through the executable, which must exit 1 (never
 * with a signal) with the same output.
 *
 * Then the cases too large to keep in the repository, generated here, and
 * files that only a careful loader checks in reasonable time (each would
 * have taken minutes or hours before; the test's timeout is the check).
 */

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "dossier-model.h"

static char *data_dir;

/* The lines that `dossier --validate` prints about @path in @err, without
 * the "PATH: " or "PATH:" that starts each */
static char *
strip_file_name (const char *err,
                 const char *path)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  g_auto(GStrv) split = g_strsplit (err, "\n", -1);
  gsize len = strlen (path);

  for (guint i = 0; split[i] != NULL; i++)
    {
      const char *line = split[i];

      if (split[i + 1] == NULL)
        {
          /* Every line ends with a line break */
          g_assert_cmpstr (line, ==, "");
          break;
        }
      if (strncmp (line, path, len) != 0 || line[len] != ':')
        g_error ("%s: a line about another file: %s", path, line);
      line += len + 1;
      if (line[0] == ' ')
        line++;
      g_string_append (lines, line);
      g_string_append_c (lines, '\n');
    }

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

/* Runs what `dossier --validate @path` runs; returns the stripped problem
 * lines and checks the exit status and the summary of a valid file */
static char *
validate (const char *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  int status = dossier_validate_files (paths, out, err);

  if (status == 0)
    {
      g_assert_cmpstr (err->str, ==, "");
      g_assert_true (g_str_has_prefix (out->str, path));
    }
  else
    {
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (out->str, ==, "");
      g_assert_cmpstr (err->str, !=, "");
    }

  return strip_file_name (err->str, path);
}

static char *
expected_path (const char *path)
{
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".json"));

  return g_strconcat (stem, ".expected", NULL);
}

static void
test_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *expected_file = expected_path (path);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (expected_file, &expected, NULL, &error))
    g_error ("%s has no .expected file: %s", path, error->message);

  got = validate (path);
  if (!g_str_equal (got, expected))
    g_error ("%s:\nexpected:\n%sgot:\n%s", path, expected, got);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* All the files of a directory at once through the executable, as one
 * `dossier --validate FILE…`: the same lines for each, exit status 1 */
static void
test_executable (gconstpointer data)
{
  GPtrArray *paths = (GPtrArray *) data;
  const char *exe = g_getenv ("DOSSIER_EXE");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_file = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         free_string);
  g_auto(GStrv) lines = NULL;
  gboolean any_invalid = FALSE;
  int wait_status;

  if (exe == NULL)
    {
      g_test_skip ("DOSSIER_EXE is not set");
      return;
    }

  g_ptr_array_add (argv, (gpointer) exe);
  g_ptr_array_add (argv, (gpointer) "--validate");
  for (guint i = 0; i < paths->len; i++)
    {
      g_ptr_array_add (argv, paths->pdata[i]);
      g_hash_table_insert (by_file, paths->pdata[i], g_string_new (NULL));
    }
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);

  /* Sort the lines by file: the longest file name that starts the line */
  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *best = NULL;

      for (guint j = 0; j < paths->len; j++)
        {
          const char *path = paths->pdata[j];
          gsize len = strlen (path);

          if (strncmp (lines[i], path, len) == 0 && lines[i][len] == ':' &&
              (best == NULL || len > strlen (best)))
            best = path;
        }
      if (best == NULL)
        g_error ("a line about no file: %s", lines[i]);

      g_string_append (g_hash_table_lookup (by_file, best), lines[i]);
      g_string_append_c (g_hash_table_lookup (by_file, best), '\n');
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *expected_file = expected_path (path);
      g_autofree char *expected = NULL;
      g_autofree char *got = strip_file_name (((GString *) g_hash_table_lookup (by_file, path))->str, path);

      g_assert_true (g_file_get_contents (expected_file, &expected, NULL, NULL));
      if (!g_str_equal (got, expected))
        g_error ("%s --validate %s:\nexpected:\n%sgot:\n%s", exe, path, expected, got);
      if (expected[0] != '\0')
        any_invalid = TRUE;
    }

  /* Exit 1, not a signal */
  g_spawn_check_wait_status (wait_status, &error);
  if (any_invalid)
    g_assert_error (error, G_SPAWN_EXIT_ERROR, 1);
  else
    g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* Pointers to the elements */
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
add_directory (const char *name,
               gboolean    required)
{
  g_autofree char *dir_path = g_build_filename (data_dir, name, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *executable_test = NULL;
  const char *entry;

  if (dir == NULL)
    {
      if (required)
        g_error ("no %s", dir_path);
      g_ptr_array_unref (paths);
      return;
    }

  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".json"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/catalogue/%s/%s", name, (char *) names->pdata[i]);
      char *path = g_build_filename (dir_path, names->pdata[i], NULL);

      g_ptr_array_add (paths, path);
      g_test_add_data_func (test_path, path, test_file);
    }

  if (paths->len == 0)
    {
      g_ptr_array_unref (paths);
      return;
    }
  executable_test = g_strdup_printf ("/catalogue/%s/executable", name);
  g_test_add_data_func_full (executable_test, paths, test_executable, (GDestroyNotify) g_ptr_array_unref);
}

/* Generated cases */

static char *
write_temp (const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("dossier-catalogue-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* Checks that @contents gives exactly @expected (lines, each ending with
 * "\n"; empty for a valid file) */
static void
assert_validates_to (const char *contents,
                     gsize       length,
                     const char *expected)
{
  g_autofree char *path = write_temp (contents, length);
  g_autofree char *got = validate (path);

  if (!g_str_equal (got, expected))
    g_error ("expected:\n%sgot:\n%s", expected, got);
  g_unlink (path);
}

static DossierStore *
load (const char *contents,
      gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (contents, length);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_load_bytes (bytes, &problems, &error);

  if (store == NULL)
    {
      g_autofree char *first = problems->len > 0 ? dossier_problem_to_string (problems->pdata[0]) : NULL;

      g_error ("%s (%s)", error->message, first ? first : "");
    }

  return store;
}

#define HEAD "{\"format\": \"dossier/1\", \"id\": \"generated\", \"title\": \"Generated\""

/* 129 MiB: refused from its size, whatever it holds; exactly 128 MiB is fine */
static void
test_too_large (void)
{
  gsize size = DOSSIER_MAX_FILE_SIZE + 1024 * 1024;
  g_autofree char *contents = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(DossierStore) at_limit = NULL;

  memset (contents, ' ', size);
  memcpy (contents, HEAD "}", strlen (HEAD "}"));

  /* g_format_size() puts a no-break space before the unit */
  assert_validates_to (contents, size, "The file is too large (135.3\302\240MB); a dossier can have at most 128 MiB\n");

  bytes = g_bytes_new_static (contents, size);
  store = dossier_store_load_bytes (bytes, &problems, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_TOO_LARGE);
  g_assert_cmpuint (problems->len, ==, 0);

  at_limit = load (contents, DOSSIER_MAX_FILE_SIZE);
  g_assert_cmpstr (dossier_store_get_id (at_limit), ==, "generated");
}

/* A description of 2 MiB */
static void
test_long_string (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"description\": \"");
  gsize length = 2 * 1024 * 1024;

  for (gsize i = 0; i < length; i++)
    g_string_append_c (json, "abcdefgh "[i % 9]);
  g_string_append (json, "\"}\n");

  assert_validates_to (json->str, json->len, "description: the text is longer than 1 MiB\n");
}

/* An array of 1,000,001 elements is refused where its last comma is;
 * 1,000,000 are fine */
static void
test_huge_array (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"x-numbers\": [0");
  g_autofree char *expected = NULL;
  gsize last_comma = 0;

  for (guint i = 1; i < 1000000; i++)
    g_string_append (json, ",0");
  g_string_append (json, "]}\n");
  g_object_unref (load (json->str, json->len));

  g_string_truncate (json, json->len - strlen ("]}\n"));
  last_comma = json->len;
  g_string_append (json, ",0]}\n");
  expected = g_strdup_printf ("1:%" G_GSIZE_FORMAT ": an array has more than 1000000 elements\n", last_comma + 1);
  assert_validates_to (json->str, json->len, expected);
}

/* 4,000,001 values, in arrays of at most 1,000,000 elements */
static void
test_too_many_values (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"x-numbers\": [");
  g_autofree char *expected = NULL;
  guint n_values = 5;   /* the dossier, three strings and x-numbers */
  gsize last_value = 0;

  while (n_values < 4000001)
    {
      if (json->str[json->len - 1] == ']')
        g_string_append_c (json, ',');
      g_string_append_c (json, '[');
      n_values++;
      for (guint i = 0; i < 999999 && n_values < 4000001; i++)
        {
          if (i > 0)
            g_string_append_c (json, ',');
          last_value = json->len;
          g_string_append_c (json, '0');
          n_values++;
        }
      g_string_append_c (json, ']');
    }
  g_string_append (json, "]}\n");

  expected = g_strdup_printf ("1:%" G_GSIZE_FORMAT ": the file has more than 4000000 values\n", last_value + 1);
  assert_validates_to (json->str, json->len, expected);
}

/* 100 levels of nesting: refused at the 65th (the dossier is the first) */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"x-deep\": ");
  g_autofree char *expected = NULL;
  gsize at = json->len + 63;

  for (guint i = 0; i < 100; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}\n");

  expected = g_strdup_printf ("1:%" G_GSIZE_FORMAT ": values are nested more than 64 levels deep\n", at + 1);
  assert_validates_to (json->str, json->len, expected);
}

/* 200 problems: the first 100, then one line saying it stopped */
static void
test_problem_cap (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"entities\": [");
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": \"\", \"kind\": \"company\"}", i ? ", " : "", i);
      if (i < 100)
        g_string_append_printf (expected, "entities[%u].name: must not be empty\n", i);
    }
  g_string_append (json, "]}\n");
  g_string_append (expected, "too many problems, stopping\n");

  assert_validates_to (json->str, json->len, expected->str);
}

/* What cannot be read: a message, exit status 1, no problems */
static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-catalogue-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.json", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.json", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.json", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) gio_error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  g_assert_no_error (error);

  /* GIO's own message */
  info = g_file_query_info (missing_file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, &gio_error);
  g_assert_null (info);
  expected = g_strdup_printf ("%s\n", gio_error->message);
  got = validate (missing);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);

  /* A directory, and a FIFO that nobody writes to (reading it would
   * block forever) */
  expected = g_strdup_printf ("\"%s\" is not a regular file\n", dir);
  got = validate (dir);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  expected = g_strdup_printf ("\"%s\" is not a regular file\n", fifo);
  got = validate (fifo);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);

  /* A link to an endless device */
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  expected = g_strdup_printf ("\"%s\" is not a regular file\n", zero);
  got = validate (zero);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);

  /* No permission to read (meaningless for root, who may read anything) */
  g_file_set_contents (locked, "{}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  if (geteuid () != 0)
    {
      got = validate (locked);
      g_assert_true (g_str_has_suffix (got, "Permission denied\n"));
    }

  g_unlink (locked);
  g_unlink (zero);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* Slow inputs: each of these took minutes or hours to check before the
 * loader indexed article text, found mentions with bounded work and
 * derived links from overlapping quotes with a budget. */

/* Thousands of distinct quotes found at the end of a long article */
static void
test_slow_quotes (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"articles\": [{\"id\": \"long\", \"body\": [");
  g_autoptr(DossierStore) store = NULL;
  DossierEvent *last;
  guint n_quotes = 20000;

  for (guint p = 0; p < 16; p++)
    {
      g_string_append_c (json, '"');
      for (guint i = 0; i < 128 * 1024; i++)
        g_string_append (json, "q0");
      g_string_append (json, "\", ");
    }
  g_string_append_c (json, '"');
  for (guint i = 0; i < n_quotes; i++)
    g_string_append_printf (json, "q%07u ", i);
  g_string_append (json, "\"]}], \"events\": [");
  for (guint i = 0; i < n_quotes; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2025\", \"title\": \"t\", \"category\": \"release\", "
                            "\"sources\": [{\"article\": \"long\", \"quote\": \"q%07u\"}]}",
                            i ? ", " : "", i, i);
  g_string_append (json, "]}\n");

  store = load (json->str, json->len);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_events (store)), ==, n_quotes);
  last = dossier_store_lookup_event (store, "e19999");
  {
    g_autoptr(DossierSource) source = g_list_model_get_item (dossier_event_get_sources (last), 0);

    g_assert_cmpuint (dossier_source_get_paragraph (source), ==, 16);
    g_assert_cmpuint (dossier_source_get_offset (source), ==, 19999 * 9);
  }
}

/* An article of 200,000 tiny paragraphs quoted by 20,000 sources, each
 * quoting another passage of its last paragraph */
static void
test_slow_paragraphs (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"articles\": [{\"id\": \"a\", \"body\": [");
  g_autoptr(DossierStore) store = NULL;

  for (guint p = 0; p < 200000; p++)
    g_string_append (json, "\"x\", ");
  g_string_append_c (json, '"');
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (json, "p%06u ", i);
  g_string_append (json, "\"]}], \"events\": [");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2025\", \"title\": \"t\", \"category\": \"release\", "
                            "\"sources\": [{\"article\": \"a\", \"quote\": \"p%06u\"}]}",
                            i ? ", " : "", i, i);
  g_string_append (json, "]}\n");

  store = load (json->str, json->len);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_events (store)), ==, 20000);
}

/* 50,000 claims and 50,000 events quoting the same passage */
static void
test_slow_overlaps (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"articles\": [{\"id\": \"a\", \"body\": [\"a shared quote\"]}], "
                                          "\"events\": [");
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(DossierEvent) first = NULL;
  guint n = 50000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2025\", \"title\": \"t\", \"category\": \"release\", "
                            "\"sources\": [{\"article\": \"a\", \"quote\": \"shared\"}]}", i ? ", " : "", i);
  g_string_append (json, "], \"discrepancies\": [{\"id\": \"d\", \"topic\": \"t\", \"claims\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"value\": \"v\", \"sources\": [{\"article\": \"a\", \"quote\": \"%s\"}]}",
                            i ? ", " : "", i % 2 ? "a shared" : "shared quote");
  g_string_append (json, "]}]}\n");

  store = load (json->str, json->len);
  first = g_object_ref (dossier_store_lookup_event (store, "e0"));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_event_discrepancies (store, first)), ==, 1);
}

/* An event that lists 200,000 entities */
static void
test_slow_references (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"entities\": [");
  g_autoptr(DossierStore) store = NULL;
  guint n = 200000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"n%u\", \"name\": \"N\", \"kind\": \"person\"}", i ? ", " : "", i);
  g_string_append (json, "], \"events\": [{\"id\": \"e\", \"date\": \"2025\", \"title\": \"t\", \"category\": \"release\", "
                   "\"sources\": [{\"reference\": \"r\"}], \"entities\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s\"n%u\", \"n%u\"", i ? ", " : "", i, i);
  g_string_append (json, "]}]}\n");

  store = load (json->str, json->len);
  {
    g_autoptr(DossierEvent) event = g_list_model_get_item (dossier_store_get_events (store), 0);

    /* Each once, in the order of the file */
    g_assert_cmpuint (g_list_model_get_n_items (dossier_event_get_entities (event)), ==, n);
  }
}

/* 50,000 names that start with punctuation, and an article of 8 MiB */
static void
test_slow_names (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"entities\": [");
  g_autoptr(DossierStore) store = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (json, "%s{\"id\": \"n%u\", \"name\": \".n%u\", \"kind\": \"product\"}",
                            i ? ", " : "", i, i);
  g_string_append (json, "], \"articles\": [{\"id\": \"a\", \"body\": [");
  for (guint p = 0; p < 8; p++)
    {
      g_string_append_printf (json, "%s\"", p ? ", " : "");
      for (guint i = 0; i < 1024 * 1024 / 8 - 4; i++)
        g_string_append (json, "a word. ");
      g_string_append (json, "The .n49999 end.\"");
    }
  g_string_append (json, "]}]}\n");

  store = load (json->str, json->len);
  {
    DossierEntity *entity = dossier_store_lookup_entity (store, "n49999");

    g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_entity_mentions (store, entity)), ==, 8);
  }
}

/* One entity named "a" and 8 MiB of "a a a …": 4 million mentions would
 * take gigabytes; an article keeps its first 10,000 */
static void
test_many_mentions (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ", \"entities\": [{\"id\": \"a\", \"name\": \"a\", \"kind\": \"person\"}, "
                                          "{\"id\": \"long\", \"name\": \"");
  g_autoptr(DossierStore) store = NULL;

  /* A long name that starts like the text everywhere */
  for (guint i = 0; i < 60; i++)
    g_string_append (json, "a ");
  g_string_append (json, "b\", \"kind\": \"person\"}], \"articles\": [{\"id\": \"text\", \"body\": [");
  for (guint p = 0; p < 8; p++)
    {
      g_string_append_printf (json, "%s\"", p ? ", " : "");
      for (guint i = 0; i < 512 * 1024 - 1; i++)
        g_string_append (json, "a ");
      g_string_append (json, "a\"");
    }
  g_string_append (json, "]}]}\n");

  store = load (json->str, json->len);
  {
    DossierArticle *article = dossier_store_lookup_article (store, "text");
    DossierEntity *a = dossier_store_lookup_entity (store, "a");

    g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_article_mentions (store, article)), ==, 10000);
    g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_entity_mentions (store, a)), ==, 10000);
  }
}

int
main (int    argc,
      char **argv)
{
  const char *root = g_getenv ("DOSSIER_TEST_DATA");
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (root == NULL)
    g_error ("DOSSIER_TEST_DATA is not set");
  data_dir = g_strdup (root);

  add_directory ("bad", TRUE);
  add_directory ("bad/multi", TRUE);
  add_directory ("fuzz-regressions", FALSE);

  g_test_add_func ("/catalogue/generated/too-large", test_too_large);
  g_test_add_func ("/catalogue/generated/long-string", test_long_string);
  g_test_add_func ("/catalogue/generated/huge-array", test_huge_array);
  g_test_add_func ("/catalogue/generated/too-many-values", test_too_many_values);
  g_test_add_func ("/catalogue/generated/deep-nesting", test_deep_nesting);
  g_test_add_func ("/catalogue/generated/problem-cap", test_problem_cap);
  g_test_add_func ("/catalogue/generated/unreadable", test_unreadable);
  g_test_add_func ("/catalogue/slow/quotes", test_slow_quotes);
  g_test_add_func ("/catalogue/slow/paragraphs", test_slow_paragraphs);
  g_test_add_func ("/catalogue/slow/overlaps", test_slow_overlaps);
  g_test_add_func ("/catalogue/slow/references", test_slow_references);
  g_test_add_func ("/catalogue/slow/names", test_slow_names);
  g_test_add_func ("/catalogue/slow/mentions", test_many_mentions);

  status = g_test_run ();
  g_free (data_dir);

  return status;
}
