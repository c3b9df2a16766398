/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loader's own JSON tree (dossier-json.c): for any text the syntax
 * check accepts, the tree it builds holds what json-glib's does; text cut
 * short gives no tree; member lookup and the reused arena. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-json-private.h"
#include "dossier-syntax-private.h"
#include "json-same.h"

/* Pieces of strings: plain text, every escape JSON has, characters of
 * two, three and four bytes written as they are and as \u escapes (a
 * surrogate pair for the last) */
static const char * const string_pieces[] = {
  "a", "Zürich", "DeepSeek R1", " ", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
  "\\u00e9", "\\u00E9", "\\u4e2d", "\\ud83d\\ude00", "\\uD83D\\uDE00", "中文", "😀", "\\u0001",
  "\\u007f", "\\uffff", "quote \\\"inside\\\"", "€",
};

static const char * const numbers[] = {
  "0", "-0", "12", "-7", "3.5", "-0.25", "1e3", "1E+3", "2.5e-2", "123456789012", "9007199254740993",
};

static const char * const spaces[] = { "", " ", "\n", "\t", "\r\n  " };

static void
append_space (GString *json,
              GRand   *rand)
{
  g_string_append (json, spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces))]);
}

static void
append_string (GString *json,
               GRand   *rand)
{
  int n = g_rand_int_range (rand, 0, 6);

  g_string_append_c (json, '"');
  for (int i = 0; i < n; i++)
    g_string_append (json, string_pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (string_pieces))]);
  g_string_append_c (json, '"');
}

/* A random value; names of members come from a small set, so that some
 * objects have a name twice */
static void
append_value (GString *json,
              GRand   *rand,
              int      depth)
{
  int kind = g_rand_int_range (rand, 0, depth < 5 ? 7 : 5);

  append_space (json, rand);
  switch (kind)
    {
    case 0:
      append_string (json, rand);
      break;
    case 1:
      g_string_append (json, numbers[g_rand_int_range (rand, 0, G_N_ELEMENTS (numbers))]);
      break;
    case 2:
      g_string_append (json, g_rand_boolean (rand) ? "true" : "false");
      break;
    case 3:
      g_string_append (json, "null");
      break;
    case 4:
      append_string (json, rand);
      break;
    case 5:
      {
        int n = g_rand_int_range (rand, 0, 5);

        g_string_append_c (json, '[');
        for (int i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (json, ',');
            append_value (json, rand, depth + 1);
          }
        append_space (json, rand);
        g_string_append_c (json, ']');
      }
      break;
    default:
      {
        static const char * const names[] = { "\"id\"", "\"title\"", "\"t\\u00eftle\"", "\"\"", "\"body\"" };
        int n = g_rand_int_range (rand, 0, 5);

        g_string_append_c (json, '{');
        for (int i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (json, ',');
            append_space (json, rand);
            g_string_append (json, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
            append_space (json, rand);
            g_string_append_c (json, ':');
            append_value (json, rand, depth + 1);
          }
        append_space (json, rand);
        g_string_append_c (json, '}');
      }
      break;
    }
  append_space (json, rand);
}

static void
test_like_json_glib (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr(DossierJsonTree) tree = dossier_json_tree_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();

  for (int i = 0; i < 5000; i++)
    {
      g_autoptr(GString) json = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      DossierProblem *problem;
      const DossierJsonNode *root;

      append_value (json, rand, 0);
      problem = dossier_syntax_check (json->str, json->len, NULL);
      if (problem != NULL)
        g_error ("the check refused %s: %s", json->str, dossier_problem_to_string (problem));

      /* From a copy of exactly its length: nothing is read past the end */
      {
        g_autofree char *exact = g_memdup2 (json->str, json->len);

        root = dossier_json_tree_parse (tree, exact, json->len);
        g_assert_nonnull (root);
        g_assert_true (json_parser_load_from_data (parser, json->str, json->len, &error));
        dossier_assert_json_same (json_parser_get_root (parser), root);
      }
    }
}

/* An object or array cut anywhere before its end gives no tree */
static void
test_cut_short (void)
{
  const char *json = "{\"id\": \"a\\u00e9\\ud83d\\ude00\", \"body\": [\"x\\n\", 1.5e3, true, null, {}], \"f\": false}";
  g_autoptr(DossierJsonTree) tree = dossier_json_tree_new ();

  g_assert_nonnull (dossier_json_tree_parse (tree, json, strlen (json)));
  for (gsize length = 0; length < strlen (json); length++)
    {
      g_autofree char *cut = g_memdup2 (json, MAX (length, 1));

      g_assert_null (dossier_json_tree_parse (tree, cut, length));
    }
}

static void
test_lookup (void)
{
  const char *json = "{\"a\": 1, \"b\": \"first\", \"c\": [], \"b\": \"last\"}";
  g_autoptr(DossierJsonTree) tree = dossier_json_tree_new ();
  const DossierJsonNode *root = dossier_json_tree_parse (tree, json, strlen (json));

  g_assert_cmpstr (dossier_json_object_get (root, "b")->string, ==, "last");
  g_assert_cmpfloat (dossier_json_object_get (root, "a")->number, ==, 1.0);
  g_assert_cmpint (dossier_json_object_get (root, "c")->type, ==, DOSSIER_JSON_ARRAY);
  g_assert_cmpuint (dossier_json_object_get (root, "c")->length, ==, 0);
  g_assert_null (dossier_json_object_get (root, "d"));
  g_assert_null (dossier_json_object_get (root, "B"));
}

/* Trees larger than the arena's first block, and small ones after them in
 * the same arena */
static void
test_arena_reuse (void)
{
  g_autoptr(DossierJsonTree) tree = dossier_json_tree_new ();

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(GString) big = g_string_new ("[");
      const DossierJsonNode *root;
      guint n = 50000 * (round + 1);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (big, "%s{\"id\": \"item-%u\"}", i > 0 ? "," : "", i);
      g_string_append_c (big, ']');

      root = dossier_json_tree_parse (tree, big->str, big->len);
      g_assert_nonnull (root);
      g_assert_cmpuint (root->length, ==, n);
      for (guint i = 0; i < n; i += 997)
        {
          g_autofree char *id = g_strdup_printf ("item-%u", i);

          g_assert_cmpstr (dossier_json_object_get (&root->elements[i], "id")->string, ==, id);
        }

      root = dossier_json_tree_parse (tree, "[\"small\"]", strlen ("[\"small\"]"));
      g_assert_cmpstr (root->elements[0].string, ==, "small");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/like-json-glib", test_like_json_glib);
  g_test_add_func ("/json/cut-short", test_cut_short);
  g_test_add_func ("/json/lookup", test_lookup);
  g_test_add_func ("/json/arena-reuse", test_arena_reuse);

  return g_test_run ();
}
