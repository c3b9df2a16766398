/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "dossier-loader-private.h"
#include "dossier-model.h"

/* A small valid dossier, written with ' for " to keep it readable.  Each
 * test breaks it by replacing one unique piece of text. */
static const char base[] =
  "{\n"
  " 'format': 'dossier/1', 'id': 'test', 'title': 'Test',\n"
  " 'articles': [\n"
  "  {'id': 'a1', 'title': 'One', 'published': '2025-01-27',\n"
  "   'body': ['DeepSeek released R1 on Monday.', 'Nvidia shares fell.']},\n"
  "  {'id': 'a2', 'body': ['OpenAI answered.']}\n"
  " ],\n"
  " 'entities': [\n"
  "  {'id': 'deepseek', 'name': 'DeepSeek', 'kind': 'company'},\n"
  "  {'id': 'openai', 'name': 'OpenAI', 'kind': 'company', 'aliases': ['Open AI']},\n"
  "  {'id': 'nvidia', 'name': 'Nvidia', 'kind': 'company'}\n"
  " ],\n"
  " 'events': [\n"
  "  {'id': 'e1', 'date': '2025-01-20', 'title': 'R1 released', 'category': 'release',\n"
  "   'entities': ['deepseek', 'nvidia'], 'sources': [{'article': 'a1', 'quote': 'released R1'}]}\n"
  " ],\n"
  " 'relations': [\n"
  "  {'id': 'r1', 'from': 'openai', 'to': 'deepseek', 'type': 'competes-with', 'since': '2025',\n"
  "   'sources': [{'reference': 'Public record', 'url': 'https://example.org/'}]}\n"
  " ],\n"
  " 'discrepancies': [\n"
  "  {'id': 'd1', 'topic': 'Drop',\n"
  "   'claims': [{'value': '12%', 'sources': [{'article': 'a1', 'quote': 'Nvidia shares fell'}]},\n"
  "              {'value': '17%', 'sources': [{'reference': 'Exchange data'}]}],\n"
  "   'events': ['e1'], 'relations': ['r1'], 'entities': ['nvidia']}\n"
  " ]\n"
  "}\n";

/* @base with each FIND replaced by its REPLACE (pairs, NULL-terminated);
 * each FIND must occur exactly once.  Then ' becomes ". */
static char *
make_json (const char *first_find,
           ...)
{
  g_autoptr(GString) json = g_string_new (base);
  const char *find = first_find;
  va_list args;

  va_start (args, first_find);
  while (find != NULL)
    {
      const char *replace = va_arg (args, const char *);
      const char *at = strstr (json->str, find);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, find));
      g_string_replace (json, find, replace, 1);
      find = va_arg (args, const char *);
    }
  va_end (args);

  g_strdelimit (json->str, "'", '"');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

static DossierStore *
load_data (const char  *data,
           gsize        length,
           GPtrArray  **problems,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  DossierStore *store = dossier_store_load_bytes (bytes, problems, error);

  g_assert_nonnull (*problems);
  /* Either a store and no problem, or an error and no store */
  if (store != NULL)
    {
      g_assert_cmpuint ((*problems)->len, ==, 0);
      g_assert_true (*error == NULL);
    }
  else
    g_assert_nonnull (*error);

  return store;
}

static DossierStore *
load_text (const char  *text,
           GPtrArray  **problems,
           GError     **error)
{
  return load_data (text, strlen (text), problems, error);
}

static DossierProblem *
problem (GPtrArray *problems,
         guint      i)
{
  g_assert_cmpuint (i, <, problems->len);
  return g_ptr_array_index (problems, i);
}

static void
assert_problem (DossierProblem *p,
                const char     *path,
                const char     *message)
{
  if (!g_str_equal (p->path, path) || strstr (p->message, message) == NULL)
    g_error ("expected %s: …%s…, got %s: %s", path, message, p->path, p->message);
  g_assert_cmpint (p->line, ==, 0);
  g_assert_cmpint (p->column, ==, 0);
}

/* Loads @json, which must have exactly one problem, at @path */
static void
assert_one_problem (const char *json,
                    const char *path,
                    const char *message)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = load_text (json, &problems, &error);

  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The dossier has 1 problem");
  if (problems->len != 1)
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("%s: %s\n", problem (problems, i)->path, problem (problems, i)->message);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problem (problems, 0), path, message);
}

#define ASSERT_ONE_PROBLEM(path, message, ...) \
  G_STMT_START { \
    g_autofree char *json_ = make_json (__VA_ARGS__, NULL); \
    assert_one_problem (json_, path, message); \
  } G_STMT_END

static void
test_valid (void)
{
  g_autofree char *json = make_json (NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = load_text (json, &problems, &error);
  DossierEvent *event;
  g_autoptr(DossierSource) source = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (dossier_store_get_id (store), ==, "test");
  g_assert_cmpstr (dossier_store_get_title (store), ==, "Test");
  g_assert_null (dossier_store_get_description (store));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_articles (store)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_entities (store)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_events (store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_relations (store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_discrepancies (store)), ==, 1);

  event = dossier_store_lookup_event (store, "e1");
  source = g_list_model_get_item (dossier_event_get_sources (event), 0);
  g_assert_false (dossier_source_is_reference (source));
  g_assert_true (dossier_source_get_article (source) == dossier_store_lookup_article (store, "a1"));
  g_assert_cmpuint (dossier_source_get_paragraph (source), ==, 0);
  g_assert_cmpuint (dossier_source_get_offset (source), ==, strlen ("DeepSeek "));
  g_assert_cmpuint (dossier_source_get_length (source), ==, strlen ("released R1"));
  /* The quote, its own NUL-terminated string, the same each time it is
   * asked for, through the property too */
  g_assert_cmpstr (dossier_source_get_quote (source), ==, "released R1");
  g_assert_true (dossier_source_get_quote (source) == dossier_source_get_quote (source));
  {
    g_autofree char *quote = NULL;

    g_object_get (source, "quote", &quote, NULL);
    g_assert_cmpstr (quote, ==, "released R1");
  }
}

static void
test_minimal (void)
{
  static const char json[] = "{\"format\": \"dossier/1\", \"id\": \"m\", \"title\": \"M\"}";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = load_text (json, &problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_events (store)), ==, 0);
}

static void
test_unknown_keys (void)
{
  g_autofree char *json = make_json ("'id': 'test',", "'id': 'test', 'future': {'x': [1, null, true]},",
                                     "'name': 'Nvidia',", "'name': 'Nvidia', 'ticker': 'NVDA',",
                                     NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = load_text (json, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
test_syntax (void)
{
  static const struct {
    const char *text;
    int line, column;
    const char *message;
  } cases[] = {
    { "{\n  \"format\": \"dossier/1\",\n  \"id\": \"x\" \"title\": \"y\"\n}", 3, 13, "unexpected '\"'; expected ',' or '}'" },
    { "{\"a\": 1,}", 1, 9, "unexpected '}'; expected a member name in double quotes" },
    { "{\"é\": [1,,]}", 1, 10, "unexpected ','; expected a value" },
    { "{\"a\": [1 2]}", 1, 10, "expected ',' or ']'" },
    { "{\"a\": 1} x", 1, 10, "unexpected 'x'; expected the end of the file" },
    { "{} {}", 1, 4, "expected the end of the file" },
    { "// comment\n{}", 1, 1, "unexpected '/'" },
    { "{'a': 1}", 1, 2, "unexpected '''; expected a member name" },
    { "{\"a\": 0x10}", 1, 7, "invalid number" },
    { "{\"a\": 01}", 1, 7, "invalid number" },
    { "{\"a\": 1.}", 1, 7, "invalid number" },
    { "{\"a\": -}", 1, 7, "invalid number" },
    { "{\"a\": tru}", 1, 7, "expected a value" },
    { "{\"a\": \"\\q\"}", 1, 8, "invalid escape" },
    { "{\"a\": \"\\u12\"}", 1, 8, "four hexadecimal digits" },
    { "{\"a\": \"\\udc00\"}", 1, 8, "lone low surrogate" },
    { "{\"a\": \"\\ud800x\"}", 1, 8, "high surrogate" },
    { "{\"a\": \"x\\u0000\"}", 1, 9, "NUL character" },
    { "{\"a\": \"tab\there\"}", 1, 11, "control character" },
    { "{\"a\": \"abc", 1, 7, "unterminated string" },
    { "{\"a\": ", 1, 7, "unexpected end of file; expected a value" },
    { "{\"a\" 1}", 1, 6, "expected ':'" },
    { "", 1, 1, "the file is empty" },
    { "  \n  ", 2, 3, "the file is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierStore) store = load_text (cases[i].text, &problems, &error);
      g_autofree char *text = NULL;
      g_autofree char *prefix = NULL;
      DossierProblem *p;

      g_assert_null (store);
      g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_SYNTAX);
      g_assert_cmpuint (problems->len, ==, 1);
      p = problem (problems, 0);
      if (p->line != cases[i].line || p->column != cases[i].column ||
          strstr (p->message, cases[i].message) == NULL)
        g_error ("%s: expected %d:%d: …%s…, got %d:%d: %s", cases[i].text,
                 cases[i].line, cases[i].column, cases[i].message, p->line, p->column, p->message);
      g_assert_cmpstr (p->path, ==, "");

      text = dossier_problem_to_string (p);
      prefix = g_strdup_printf ("%d:%d: ", p->line, p->column);
      g_assert_true (g_str_has_prefix (text, prefix));
      /* The summary carries the position too */
      g_assert_nonnull (strstr (error->message, p->message));
    }
}

static void
test_not_an_object (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = load_text ("[1, 2]", &problems, &error);

  g_assert_null (store);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problem (problems, 0), "", "expected a JSON object at the top level, found an array");
}

static void
test_format_version (void)
{
  ASSERT_ONE_PROBLEM ("format", "unsupported format \"dossier/2\"",
                      "'format': 'dossier/1'", "'format': 'dossier/2'");
  ASSERT_ONE_PROBLEM ("format", "expected a string, found a number",
                      "'format': 'dossier/1'", "'format': 1");
  /* A wrong format stops the check: the other problem is not reported */
  ASSERT_ONE_PROBLEM ("format", "unsupported format",
                      "'format': 'dossier/1'", "'format': 'dossier/2'",
                      "'kind': 'company'}\n ]", "'kind': 'planet'}\n ]");
  /* A missing one does not */
  ASSERT_ONE_PROBLEM ("", "missing required field \"format\"",
                      "'format': 'dossier/1', ", "");
}

static void
test_missing_field (void)
{
  ASSERT_ONE_PROBLEM ("events[0]", "missing required field \"title\"",
                      "'title': 'R1 released', ", "");
  ASSERT_ONE_PROBLEM ("", "missing required field \"id\"", "'id': 'test', ", "");
  ASSERT_ONE_PROBLEM ("articles[1]", "missing required field \"body\"",
                      "'body': ['OpenAI answered.']", "'bodies': ['OpenAI answered.']");
  ASSERT_ONE_PROBLEM ("relations[0]", "missing required field \"to\"", "'to': 'deepseek', ", "");
  ASSERT_ONE_PROBLEM ("events[0]", "missing required field \"sources\"",
                      "'sources': [{'article': 'a1', 'quote': 'released R1'}]", "'x': 1");
  ASSERT_ONE_PROBLEM ("events[0].sources[0]", "missing required field \"quote\"",
                      "'quote': 'released R1'", "'quot': 'released R1'");
}

static void
test_wrong_type (void)
{
  ASSERT_ONE_PROBLEM ("title", "expected a string, found a number", "'title': 'Test'", "'title': 42");
  ASSERT_ONE_PROBLEM ("entities", "expected an array, found an object",
                      "'entities': [\n", "'entities': {'x': [\n",
                      " ],\n 'events'", " ]},\n 'events'");
  ASSERT_ONE_PROBLEM ("events[0].entities[1]", "expected a string, found null",
                      "['deepseek', 'nvidia']", "['deepseek', null]");
  ASSERT_ONE_PROBLEM ("articles[0].body[1]", "expected a string, found an array",
                      "'Nvidia shares fell.'", "['Nvidia shares fell.']");
  ASSERT_ONE_PROBLEM ("relations[0].approximate", "expected true or false, found a string",
                      "'since': '2025'", "'since': '2025', 'approximate': 'yes'");
  ASSERT_ONE_PROBLEM ("events[0]", "expected an object, found a string",
                      "{'id': 'e1', 'date': '2025-01-20', 'title': 'R1 released', 'category': 'release',\n"
                      "   'entities': ['deepseek', 'nvidia'], 'sources': [{'article': 'a1', 'quote': 'released R1'}]}",
                      "'e1'", "'events': ['e1']", "'events': []");
}

static void
test_ids (void)
{
  ASSERT_ONE_PROBLEM ("entities[2].id", "duplicate id \"openai\", already used by entities[1]",
                      "'id': 'nvidia'", "'id': 'openai'", "['deepseek', 'nvidia']", "['deepseek']",
                      "'entities': ['nvidia']", "'entities': []");
  ASSERT_ONE_PROBLEM ("entities[0].id", "\"deep seek\" is not a valid id",
                      "'id': 'deepseek'", "'id': 'deep seek'",
                      "['deepseek', 'nvidia']", "['deep seek', 'nvidia']",
                      "'to': 'deepseek'", "'to': 'deep seek'");
  /* Ids are unique per collection: an article and an entity may share one */
  {
    g_autofree char *json = make_json ("'id': 'a2'", "'id': 'nvidia'", NULL);
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierStore) store = load_text (json, &problems, &error);

    g_assert_no_error (error);
    g_assert_nonnull (dossier_store_lookup_article (store, "nvidia"));
    g_assert_nonnull (dossier_store_lookup_entity (store, "nvidia"));
  }
}

/* Top-level arrays are read in batches of elements (a few hundred KB each):
 * positions, duplicate ids and references stay right across batches, and
 * whatever follows a collection in the file is still read. */
static void
test_batches (void)
{
  const guint n = 6000;  /* about 1.2 MB of entities: several batches */
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"dossier/1\", \"id\": \"batches\", "
                                          "\"title\": \"Batches\", \"articles\": [], \"entities\": [");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s\n  { \"id\": \"e%u\", \"name\": \"Entity number %u with a name long "
                            "enough to take some room\", \"kind\": \"%s\" }",
                            i > 0 ? "," : "", i == n - 1 ? 3 : i, i, i == n - 2 ? "planet" : "company");
  g_string_append (json, "\n], \"relations\": [ { \"id\": \"r\", \"type\": \"partners-with\", "
                   "\"from\": \"e5000\", \"to\": \"e5001\", \"sources\": [ { \"reference\": \"R\" } ] } ] }");

  store = load_text (json->str, &problems, &error);
  g_assert_null (store);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", problem (problems, i)->path, problem (problems, i)->message);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problem (problems, 0), "entities[5998].kind", "unknown kind \"planet\"");
  assert_problem (problem (problems, 1), "entities[5999].id", "duplicate id \"e3\", already used by entities[3]");

  /* Without the two mistakes it loads, and the relation after the entities
   * points at the entities of a later batch */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);
  {
    g_autofree char *fixed = g_strdup (json->str);
    char *planet = strstr (fixed, "planet");
    char *dup = strstr (fixed, "\"e3\", \"name\": \"Entity number 5999");

    memcpy (planet, "person", 6);
    memcpy (dup, "\"z3\"", 4);
    store = load_text (fixed, &problems, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_entities (store)), ==, n);
  g_assert_cmpstr (dossier_entity_get_name (dossier_store_lookup_entity (store, "e5001")), ==,
                   "Entity number 5001 with a name long enough to take some room");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_relations (store)), ==, 1);
}

/* A load says how far it is, and stops between batches when cancelled */
static void
test_progress (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"dossier/1\", \"id\": \"p\", \"title\": \"P\", "
                                          "\"articles\": [], \"entities\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);
  g_autoptr(DossierLoadProgress) progress = dossier_load_progress_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DossierStore) store = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"name\": \"Entity %u, named at some length\", "
                            "\"kind\": \"company\" }", i > 0 ? ", " : "", i, i);
  g_string_append (json, "] }");
  bytes = g_bytes_new (json->str, json->len);

  g_assert_cmpfloat (dossier_load_progress_get_fraction (progress), ==, 0);
  store = dossier_loader_load_full (bytes, problems, progress, NULL);
  g_assert_nonnull (store);
  g_assert_cmpfloat (dossier_load_progress_get_fraction (progress), ==, 1);
  g_assert_cmpint (dossier_load_progress_get_step (progress), ==, DOSSIER_LOAD_STEP_INDEXING);
  g_clear_object (&store);

  /* Cancelled: no store and no problem, after at most one batch */
  g_clear_pointer (&progress, dossier_load_progress_unref);
  progress = dossier_load_progress_new ();
  g_cancellable_cancel (cancellable);
  store = dossier_loader_load_full (bytes, problems, progress, cancellable);
  g_assert_null (store);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (dossier_load_progress_get_step (progress), ==, DOSSIER_LOAD_STEP_ITEMS);
  g_assert_cmpfloat (dossier_load_progress_get_fraction (progress), <, 0.76);  /* the end of the items step */
}

static void
test_dangling (void)
{
  ASSERT_ONE_PROBLEM ("events[0].entities[1]", "no entity with id \"open-ai\"",
                      "['deepseek', 'nvidia']", "['deepseek', 'open-ai']");
  ASSERT_ONE_PROBLEM ("events[0].sources[0].article", "no article with id \"a9\"",
                      "'article': 'a1', 'quote': 'released R1'", "'article': 'a9', 'quote': 'released R1'");
  ASSERT_ONE_PROBLEM ("relations[0].from", "no entity with id \"closedai\"",
                      "'from': 'openai'", "'from': 'closedai'");
  ASSERT_ONE_PROBLEM ("relations[0].to", "no entity with id \"r2\"", "'to': 'deepseek'", "'to': 'r2'");
  ASSERT_ONE_PROBLEM ("discrepancies[0].events[0]", "no event with id \"e2\"", "['e1']", "['e2']");
  ASSERT_ONE_PROBLEM ("discrepancies[0].relations[0]", "no relation with id \"r2\"", "['r1']", "['r2']");
  ASSERT_ONE_PROBLEM ("discrepancies[0].entities[0]", "no entity with id \"amd\"",
                      "'entities': ['nvidia']}", "'entities': ['amd']}");
}

static void
test_dates (void)
{
  ASSERT_ONE_PROBLEM ("events[0].date", "\"2025-02-30\" is not a valid date",
                      "'2025-01-20'", "'2025-02-30'");
  ASSERT_ONE_PROBLEM ("articles[0].published", "\"2023-02-29\" is not a valid date",
                      "'2025-01-27'", "'2023-02-29'");
  ASSERT_ONE_PROBLEM ("relations[0].since", "\"2025-13\" is not a valid date",
                      "'since': '2025'", "'since': '2025-13'");
  ASSERT_ONE_PROBLEM ("relations[0].until", "2024-12 is before \"since\" (2025)",
                      "'since': '2025'", "'since': '2025', 'until': '2024-12'");
  {
    /* A coarser until that contains since is fine */
    g_autofree char *json = make_json ("'since': '2025'", "'since': '2025-03', 'until': '2025'", NULL);
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierStore) store = load_text (json, &problems, &error);

    g_assert_no_error (error);
  }
}

static void
test_unknown_names (void)
{
  ASSERT_ONE_PROBLEM ("entities[2].kind", "unknown kind \"planet\"",
                      "'kind': 'company'}\n ]", "'kind': 'planet'}\n ]");
  ASSERT_ONE_PROBLEM ("events[0].category", "unknown category \"launch\"",
                      "'category': 'release'", "'category': 'launch'");
  ASSERT_ONE_PROBLEM ("relations[0].type", "unknown relation type \"owns\"",
                      "'competes-with'", "'owns'");
}

static void
test_empty (void)
{
  ASSERT_ONE_PROBLEM ("title", "must not be empty", "'title': 'Test'", "'title': ''");
  ASSERT_ONE_PROBLEM ("entities[0].name", "must not be empty", "'name': 'DeepSeek'", "'name': ''");
  ASSERT_ONE_PROBLEM ("events[0].title", "must not be empty", "'title': 'R1 released'", "'title': ''");
  ASSERT_ONE_PROBLEM ("articles[0].title", "must not be empty", "'title': 'One'", "'title': ''");
  ASSERT_ONE_PROBLEM ("entities[1].aliases[0]", "must not be empty", "['Open AI']", "['']");
  ASSERT_ONE_PROBLEM ("articles[1].body", "at least one paragraph", "['OpenAI answered.']", "[]");
  ASSERT_ONE_PROBLEM ("relations[0].sources", "at least one source",
                      "[{'reference': 'Public record', 'url': 'https://example.org/'}]", "[]");
  ASSERT_ONE_PROBLEM ("discrepancies[0].claims", "at least two claims",
                      ",\n              {'value': '17%', 'sources': [{'reference': 'Exchange data'}]}", "");
}

static void
test_sources (void)
{
  ASSERT_ONE_PROBLEM ("events[0].sources[0].quote",
                      "the quote does not occur verbatim in any paragraph of article \"a1\"",
                      "'released R1'", "'released R2'");
  ASSERT_ONE_PROBLEM ("events[0].sources[0].quote", "when ignoring case",
                      "'released R1'", "'Released R1'");
  /* Across two paragraphs */
  ASSERT_ONE_PROBLEM ("events[0].sources[0].quote", "does not occur verbatim",
                      "'released R1'", "'Monday. Nvidia'");
  /* In another article than the one named */
  ASSERT_ONE_PROBLEM ("discrepancies[0].claims[0].sources[0].quote", "of article \"a2\"",
                      "'article': 'a1', 'quote': 'Nvidia", "'article': 'a2', 'quote': 'Nvidia");
  ASSERT_ONE_PROBLEM ("relations[0].sources[0]", "not both",
                      "{'reference': 'Public record',", "{'reference': 'Public record', 'article': 'a1',");
  ASSERT_ONE_PROBLEM ("relations[0].sources[0]", "needs \"article\" and \"quote\", or \"reference\"",
                      "{'reference': 'Public record', 'url': 'https://example.org/'}", "{}");
  ASSERT_ONE_PROBLEM ("relations[0].sources[0].url", "must start with http:// or https://",
                      "'https://example.org/'", "'www.example.org'");
  ASSERT_ONE_PROBLEM ("relations[0].to", "cannot link an entity to itself",
                      "'from': 'openai', 'to': 'deepseek'", "'from': 'openai', 'to': 'openai'");
}

static void
test_all_problems (void)
{
  g_autofree char *json = make_json ("'kind': 'company', 'aliases'", "'kind': 'firm', 'aliases'",
                                     "'2025-01-20'", "'2025-02-30'",
                                     "'competes-with'", "'owns'", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = load_text (json, &problems, &error);

  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The dossier has 3 problems");
  g_assert_cmpuint (problems->len, ==, 3);
  assert_problem (problem (problems, 0), "entities[1].kind", "unknown kind \"firm\"");
  assert_problem (problem (problems, 1), "events[0].date", "2025-02-30");
  assert_problem (problem (problems, 2), "relations[0].type", "unknown relation type \"owns\"");
}

static void
test_cap (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"dossier/1\", \"id\": \"x\", \"title\": \"X\", \"entities\": [");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": \"E\", \"kind\": \"planet\"}", i ? "," : "", i);
  g_string_append (json, "]}");

  store = load_text (json->str, &problems, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The dossier has more than 100 problems");
  g_assert_cmpuint (problems->len, ==, 101);
  assert_problem (problem (problems, 0), "entities[0].kind", "unknown kind");
  assert_problem (problem (problems, 99), "entities[99].kind", "unknown kind");
  assert_problem (problem (problems, 100), "", "too many problems, stopping");
}

static void
assert_encoding_problem (const char *data,
                         gsize       length,
                         int         line,
                         int         column,
                         const char *message)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = load_data (data, length, &problems, &error);

  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_SYNTAX);
  g_assert_cmpuint (problems->len, ==, 1);
  if (problem (problems, 0)->line != line || problem (problems, 0)->column != column ||
      strstr (problem (problems, 0)->message, message) == NULL)
    g_error ("expected %d:%d: …%s…, got %d:%d: %s", line, column, message,
             problem (problems, 0)->line, problem (problems, 0)->column, problem (problems, 0)->message);
}

static void
test_encoding (void)
{
  g_autofree char *json = make_json (NULL);
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", json, NULL);
  static const char latin1[] = "{\n \"title\": \"caf\xE9\"}";
  static const char nul[] = "{\n \"title\": \"ab\0c\"}";
  static const char utf16[] = "\xFF\xFE{\0}\0";
  static const char overlong[] = "{\"a\": \"\xC0\xAF\"}";

  assert_encoding_problem (bom, strlen (bom), 1, 1,
                           "the file starts with a byte order mark; save it as UTF-8 without BOM");
  assert_encoding_problem (latin1, sizeof latin1 - 1, 2, 15, "not valid UTF-8");
  assert_encoding_problem (nul, sizeof nul - 1, 2, 14, "NUL byte");
  assert_encoding_problem (utf16, sizeof utf16 - 1, 1, 1, "UTF-16");
  assert_encoding_problem (overlong, sizeof overlong - 1, 1, 8, "not valid UTF-8");
}

/* The loader's UTF-8 check finds the same first invalid byte as
 * g_utf8_validate_len(), on random strings of the bytes where UTF-8 has
 * its edges (lead bytes, continuation ranges, surrogates, the top) */
static void
test_encoding_like_glib (void)
{
  static const guchar edges[] = {
    0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint k = 0; k < 20000; k++)
    {
      /* Behind 12 ASCII bytes, so that the eight-byte steps are taken too */
      g_autoptr(GString) data = g_string_new ("{\"title\": \"ab");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);
      g_autoptr(DossierStore) store = NULL;
      guint n = g_rand_int_range (rand, 1, 13);
      const char *end;
      gboolean valid;

      for (guint i = 0; i < n; i++)
        g_string_append_c (data, edges[g_rand_int_range (rand, 0, G_N_ELEMENTS (edges))]);
      g_string_append (data, "\"}");
      valid = g_utf8_validate_len (data->str, data->len, &end);

      bytes = g_bytes_new (data->str, data->len);
      store = dossier_loader_load (bytes, problems);
      if (valid)
        {
          /* Other problems may follow (control characters, no "format"),
           * but not an encoding one */
          for (guint i = 0; i < problems->len; i++)
            {
              DossierProblem *p = problem (problems, i);

              g_assert_null (strstr (p->message, "UTF-8"));
              g_assert_null (strstr (p->message, "NUL byte"));
            }
        }
      else
        {
          DossierProblem *p = problem (problems, 0);

          g_assert_cmpuint (problems->len, ==, 1);
          g_assert_true (strstr (p->message, "UTF-8") != NULL || strstr (p->message, "NUL byte") != NULL);
          g_assert_cmpint (p->line, ==, 1);
          g_assert_cmpint (p->column, ==, g_utf8_strlen (data->str, end - data->str) + 1);
        }
    }
}

/* The base dossier with an unknown key holding @depth nested arrays */
static char *
make_nested (guint depth)
{
  g_autoptr(GString) nested = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (nested, ']');
  g_string_prepend (nested, "'id': 'test', 'x': ");
  g_string_append_c (nested, ',');

  return make_json ("'id': 'test',", nested->str, NULL);
}

static void
test_nesting (void)
{
  g_autofree char *ok = make_nested (63);       /* 64 levels with the root */
  g_autofree char *too_deep = make_nested (64);
  g_autofree char *very_deep = make_nested (1000000);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = load_text (ok, &problems, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_pointer (&problems, g_ptr_array_unref);

  store = load_text (too_deep, &problems, &error);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_SYNTAX);
  g_assert_cmpint (problem (problems, 0)->line, ==, 2);
  g_assert_cmpint (problem (problems, 0)->column, ==, 44 + 63);
  g_assert_cmpstr (problem (problems, 0)->message, ==, "values are nested more than 64 levels deep");
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  store = load_text (very_deep, &problems, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_SYNTAX);
}

static void
test_huge_arrays (void)
{
  g_autoptr(GString) array = g_string_new ("'id': 'test', 'x': [0");
  g_autoptr(GString) many = g_string_new ("'id': 'test', 'x': [");
  g_autofree char *json = NULL;
  g_autofree char *json_many = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (array, ",0");
  g_string_append (array, "],");
  json = make_json ("'id': 'test',", array->str, NULL);

  store = load_text (json, &problems, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_SYNTAX);
  g_assert_cmpstr (problem (problems, 0)->message, ==, "an array has more than 1000000 elements");
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Five arrays of 900,000: each allowed, but too many values in all */
  for (guint a = 0; a < 5; a++)
    {
      g_string_append (many, a ? ",[0" : "[0");
      for (guint i = 1; i < 900000; i++)
        g_string_append (many, ",0");
      g_string_append (many, "]");
    }
  g_string_append (many, "],");
  json_many = make_json ("'id': 'test',", many->str, NULL);

  store = load_text (json_many, &problems, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_SYNTAX);
  g_assert_cmpstr (problem (problems, 0)->message, ==, "the file has more than 4000000 values");
}

static void
test_long_string (void)
{
  g_autofree char *text = g_strnfill (1024 * 1024 + 512 * 1024, 'a');
  g_autofree char *replace = g_strdup_printf ("'title': 'Test', 'description': '%s'", text);
  g_autofree char *json = make_json ("'title': 'Test'", replace, NULL);
  g_autofree char *just_fits = g_strnfill (1024 * 1024, 'a');
  g_autofree char *replace_ok = g_strdup_printf ("'title': 'Test', 'description': '%s'", just_fits);
  g_autofree char *json_ok = make_json ("'title': 'Test'", replace_ok, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;

  assert_one_problem (json, "description", "longer than 1 MiB");

  store = load_text (json_ok, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (dossier_store_get_description (store)), ==, 1024 * 1024);
}

static void
test_too_large (void)
{
  gsize size = DOSSIER_MAX_FILE_SIZE + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_load_bytes (bytes, &problems, &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  int fd;

  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "128 MiB"));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A sparse file: refused from its size, without reading it */
  fd = g_file_open_tmp ("dossier-large-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, DOSSIER_MAX_FILE_SIZE + 1024 * 1024), ==, 0);
  close (fd);
  file = g_file_new_for_path (path);
  store = dossier_store_load_file (file, NULL, &problems, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "128 MiB"));
  g_unlink (path);
}

static void
test_io_errors (void)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/dossier.json");
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) directory = g_file_new_for_path (g_get_tmp_dir ());
  GFile *files[] = { missing, device, directory };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierStore) store = dossier_store_load_file (files[i], NULL, &problems, &error);

      g_assert_null (store);
      g_assert_error (error, DOSSIER_LOAD_ERROR, DOSSIER_LOAD_ERROR_IO);
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

static void
test_cancelled (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/dossier.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;

  g_cancellable_cancel (cancellable);
  store = dossier_store_load_file (file, cancellable, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Whatever the damage, a store or problems, never a crash or both */
static void
test_robustness (void)
{
  g_autofree char *json = make_json (NULL);
  gsize length = strlen (json);
  const char *last_brace = strrchr (json, '}');
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250127);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierStore) store = load_data (json, cut, &problems, &error);

      if (json + cut <= last_brace)
        g_assert_null (store);
    }

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *damaged = g_strdup (json);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierStore) store = NULL;
      guint n = g_rand_int_range (rand, 1, 4);

      for (guint j = 0; j < n; j++)
        damaged[g_rand_int_range (rand, 0, length)] = (char) g_rand_int_range (rand, 0, 256);

      store = load_data (damaged, length, &problems, &error);
    }
}

static void
test_problem_to_string (void)
{
  DossierProblem syntax = { "", "unexpected '}'", 3, 7 };
  DossierProblem value = { "events[3].entities[1]", "no entity with id \"open-ai\"", 0, 0 };
  DossierProblem whole = { "", "too many problems, stopping", 0, 0 };
  g_autofree char *s1 = dossier_problem_to_string (&syntax);
  g_autofree char *s2 = dossier_problem_to_string (&value);
  g_autofree char *s3 = dossier_problem_to_string (&whole);
  g_autoptr(DossierProblem) copy = dossier_problem_copy (&value);

  g_assert_cmpstr (s1, ==, "3:7: unexpected '}'");
  g_assert_cmpstr (s2, ==, "events[3].entities[1]: no entity with id \"open-ai\"");
  g_assert_cmpstr (s3, ==, "too many problems, stopping");
  g_assert_cmpstr (copy->path, ==, value.path);
  g_assert_cmpstr (copy->message, ==, value.message);
}

static char *
write_temp (const char *name,
            const char *contents,
            const char *dir)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-validate-XXXXXX", &error);
  g_autofree char *valid = make_json (NULL);
  g_autofree char *invalid = make_json ("'kind': 'company', 'aliases'", "'kind': 'firm', 'aliases'",
                                        "['deepseek', 'nvidia']", "['deepseek', 'open-ai']", NULL);
  g_autofree char *good_path = write_temp ("good.json", valid, dir);
  g_autofree char *bad_path = write_temp ("bad.json", invalid, dir);
  g_autofree char *syntax_path = write_temp ("syntax.json", "{\n  \"a\": 1,\n}", dir);
  g_autofree char *missing_path = g_build_filename (dir, "missing.json", NULL);
  const char *all[] = { good_path, bad_path, syntax_path, missing_path, NULL };
  const char *good[] = { good_path, good_path, NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *expected_out = NULL;
  g_autofree char *expected_err = NULL;
  g_auto(GStrv) err_lines = NULL;

  g_assert_no_error (error);

  g_assert_cmpint (dossier_validate_files (all, out, err), ==, 1);
  expected_out = g_strdup_printf ("%s: valid — 2 articles, 1 event, 3 entities, 1 relation, 1 discrepancy\n",
                                  good_path);
  g_assert_cmpstr (out->str, ==, expected_out);
  expected_err = g_strdup_printf ("%s: entities[1].kind: unknown kind \"firm\"; expected company, person, product, government or organization\n"
                                  "%s: events[0].entities[1]: no entity with id \"open-ai\"\n"
                                  "%s:3:1: unexpected '}'; expected a member name in double quotes\n",
                                  bad_path, bad_path, syntax_path);
  g_assert_true (g_str_has_prefix (err->str, expected_err));
  /* Then the I/O error, with GIO's message */
  err_lines = g_strsplit (err->str + strlen (expected_err), "\n", -1);
  g_assert_cmpuint (g_strv_length (err_lines), ==, 2);
  g_assert_true (g_str_has_prefix (err_lines[0], missing_path));
  g_assert_cmpstr (err_lines[1], ==, "");

  g_string_truncate (out, 0);
  g_string_truncate (err, 0);
  g_assert_cmpint (dossier_validate_files (good, out, err), ==, 0);
  g_assert_cmpstr (err->str, ==, "");
  g_assert_cmpuint (strlen (out->str), ==, 2 * strlen (expected_out));

  g_unlink (good_path);
  g_unlink (bad_path);
  g_unlink (syntax_path);
  g_rmdir (dir);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GPtrArray **problems = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_load_file_finish (result, problems, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_store_get_id (store), ==, "test");
}

static void
test_async (void)
{
  g_autofree char *json = make_json (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-async-XXXXXX", &error);
  g_autofree char *path = write_temp ("good.json", json, dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;

  dossier_store_load_file_async (file, NULL, NULL, loaded_cb, &problems);
  while (problems == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (problems->len, ==, 0);

  g_unlink (path);
  g_rmdir (dir);
}

/* The shared test files: every good one loads, and every bad one gives
 * exactly the one problem its README row names, at the path it names. */
static void
test_shared_data (void)
{
  const char *root = g_getenv ("DOSSIER_TEST_DATA");
  g_autofree char *readme_path = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *good_dir = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_bad = 0, n_good = 0;

  if (root == NULL)
    {
      g_test_skip ("DOSSIER_TEST_DATA is not set");
      return;
    }
  readme_path = g_build_filename (root, "bad", "README.md", NULL);
  if (!g_file_get_contents (readme_path, &readme, NULL, NULL))
    {
      g_test_skip ("no tests/data/bad/README.md");
      return;
    }

  lines = g_strsplit (readme, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree char *file_name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *where = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierStore) store = NULL;
      g_autofree char *got = NULL;
      DossierProblem *p;

      if (!g_str_has_prefix (lines[i], "| `"))
        continue;

      cells = g_strsplit (lines[i], "|", -1);
      g_assert_cmpuint (g_strv_length (cells), >=, 5);
      file_name = g_strdup (g_strstrip (cells[1]));
      g_strdelimit (file_name, "`", ' ');
      g_strstrip (file_name);
      where = g_strdup (g_strstrip (cells[3]));
      g_strdelimit (where, "`", ' ');
      g_strstrip (where);

      path = g_build_filename (root, "bad", file_name, NULL);
      file = g_file_new_for_path (path);
      store = dossier_store_load_file (file, NULL, &problems, &error);
      if (store != NULL || problems->len != 1)
        g_error ("%s: expected one problem, got %u", file_name, problems->len);

      p = problem (problems, 0);
      if (p->line > 0)
        got = g_strdup_printf ("line %d, column %d", p->line, p->column);
      else
        got = g_strdup (p->path[0] ? p->path : "(top level)");
      if (!g_str_equal (got, where))
        g_error ("%s: expected the problem at %s, got %s: %s", file_name, where, got, p->message);
      n_bad++;
    }
  g_assert_cmpuint (n_bad, >, 0);

  good_dir = g_build_filename (root, "good", NULL);
  dir = g_dir_open (good_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (good_dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierStore) store = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      store = dossier_store_load_file (file, NULL, &problems, &error);
      if (store == NULL)
        {
          g_autofree char *first = problems->len ? dossier_problem_to_string (problems->pdata[0]) : NULL;
          g_error ("%s: %s (%s)", name, error->message, first ? first : "");
        }
      n_good++;
    }
  g_test_message ("%u bad and %u good files checked", n_bad, n_good);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/valid", test_valid);
  g_test_add_func ("/loader/minimal", test_minimal);
  g_test_add_func ("/loader/unknown-keys", test_unknown_keys);
  g_test_add_func ("/loader/syntax", test_syntax);
  g_test_add_func ("/loader/not-an-object", test_not_an_object);
  g_test_add_func ("/loader/format-version", test_format_version);
  g_test_add_func ("/loader/missing-field", test_missing_field);
  g_test_add_func ("/loader/wrong-type", test_wrong_type);
  g_test_add_func ("/loader/ids", test_ids);
  g_test_add_func ("/loader/batches", test_batches);
  g_test_add_func ("/loader/progress", test_progress);
  g_test_add_func ("/loader/dangling", test_dangling);
  g_test_add_func ("/loader/dates", test_dates);
  g_test_add_func ("/loader/unknown-names", test_unknown_names);
  g_test_add_func ("/loader/empty", test_empty);
  g_test_add_func ("/loader/sources", test_sources);
  g_test_add_func ("/loader/all-problems", test_all_problems);
  g_test_add_func ("/loader/cap", test_cap);
  g_test_add_func ("/loader/encoding", test_encoding);
  g_test_add_func ("/loader/encoding-like-glib", test_encoding_like_glib);
  g_test_add_func ("/loader/nesting", test_nesting);
  g_test_add_func ("/loader/huge-arrays", test_huge_arrays);
  g_test_add_func ("/loader/long-string", test_long_string);
  g_test_add_func ("/loader/too-large", test_too_large);
  g_test_add_func ("/loader/io-errors", test_io_errors);
  g_test_add_func ("/loader/cancelled", test_cancelled);
  g_test_add_func ("/loader/robustness", test_robustness);
  g_test_add_func ("/loader/problem-to-string", test_problem_to_string);
  g_test_add_func ("/loader/async", test_async);
  g_test_add_func ("/loader/shared-data", test_shared_data);
  g_test_add_func ("/validate/output", test_validate);

  return g_test_run ();
}
