/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "dossier-model.h"
#include "source-quote.h"

/* The dossier that ships in the app: $DOSSIER_DEFAULT, with the seed
 * articles it was built from in $DOSSIER_SEEDS. */

static DossierStore *default_store;
static double load_seconds;

static DossierStore *
get_store (void)
{
  const char *path = g_getenv ("DOSSIER_DEFAULT");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;

  if (default_store != NULL)
    return default_store;

  if (path == NULL)
    g_error ("DOSSIER_DEFAULT is not set");

  file = g_file_new_for_path (path);
  timer = g_timer_new ();
  default_store = dossier_store_load_file (file, NULL, &problems, &error);
  load_seconds = g_timer_elapsed (timer, NULL);

  if (default_store == NULL)
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          g_autofree char *text = dossier_problem_to_string (problems->pdata[i]);
          g_printerr ("%s: %s\n", path, text);
        }
      g_error ("%s does not load: %s", path, error->message);
    }

  return default_store;
}

static void
test_loads (void)
{
  DossierStore *store = get_store ();

  g_test_message ("loaded in %.1f ms: %u articles, %u events, %u entities, %u relations, %u discrepancies",
                  load_seconds * 1000,
                  g_list_model_get_n_items (dossier_store_get_articles (store)),
                  g_list_model_get_n_items (dossier_store_get_events (store)),
                  g_list_model_get_n_items (dossier_store_get_entities (store)),
                  g_list_model_get_n_items (dossier_store_get_relations (store)),
                  g_list_model_get_n_items (dossier_store_get_discrepancies (store)));

  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_articles (store)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_events (store)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_entities (store)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_relations (store)), >, 0);
}

static guint
check_sources (GListModel *sources)
{
  guint n_quotes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

      if (dossier_source_get_article (source) == NULL)
        {
          g_assert_true (dossier_source_is_reference (source));
          g_assert_cmpstr (dossier_source_get_reference (source), !=, "");
          continue;
        }

      dossier_assert_quote_in_article (source);
      n_quotes++;
    }

  return n_quotes;
}

static void
test_quotes (void)
{
  DossierStore *store = get_store ();
  GListModel *events = dossier_store_get_events (store);
  GListModel *relations = dossier_store_get_relations (store);
  GListModel *discrepancies = dossier_store_get_discrepancies (store);
  guint n_quotes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);

      g_assert_cmpuint (g_list_model_get_n_items (dossier_event_get_sources (event)), >, 0);
      n_quotes += check_sources (dossier_event_get_sources (event));
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(DossierRelation) relation = g_list_model_get_item (relations, i);

      n_quotes += check_sources (dossier_relation_get_sources (relation));
    }
  for (guint i = 0; i < g_list_model_get_n_items (discrepancies); i++)
    {
      g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (discrepancies, i);
      GListModel *claims = dossier_discrepancy_get_claims (discrepancy);

      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr(DossierClaim) claim = g_list_model_get_item (claims, j);

          n_quotes += check_sources (dossier_claim_get_sources (claim));
        }
      n_quotes += check_sources (dossier_discrepancy_get_resolution_sources (discrepancy));
    }

  g_test_message ("%u quotes resolved", n_quotes);
  g_assert_cmpuint (n_quotes, >, 0);
}

/* Seed lines that are not article text may be left out of the body: page
 * furniture, blank lines, and the headline and byline that the article's
 * title, author and outlet carry. */
static gboolean
may_be_left_out (const char     *line,
                 DossierArticle *article)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  const char *title = dossier_article_get_title (article);
  const char *author = dossier_article_get_author (article);

  if (g_str_equal (stripped, "") || g_str_equal (stripped, "Advertisements") ||
      g_str_equal (stripped, "Read More USA Works News") || g_str_equal (stripped, "---"))
    return TRUE;
  if (title != NULL && g_str_equal (stripped, title))
    return TRUE;
  /* A byline: "By AUTHOR…" for the article's author */
  if (author != NULL && g_str_has_prefix (stripped, "By ") && strstr (stripped, author) != NULL)
    return TRUE;
  /* Any other line left out must be quoted in the article's notes, which
   * say why it is not article text (a tag line, say). */
  if (dossier_article_get_notes (article) != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", stripped);

      if (strstr (dossier_article_get_notes (article), quoted) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_seeds (void)
{
  DossierStore *store = get_store ();
  const char *seeds = g_getenv ("DOSSIER_SEEDS");
  GListModel *articles = dossier_store_get_articles (store);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_lines = 0;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the seed articles are not there ($DOSSIER_SEEDS)");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);
      const char *origin = dossier_article_get_origin (article);
      const char * const *body = dossier_article_get_body (article, NULL);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) lines = NULL;

      if (origin == NULL)
        g_error ("article %s has no origin naming its seed file", dossier_article_get_id (article));

      path = g_build_filename (seeds, origin, NULL);
      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      g_hash_table_add (used, (gpointer) origin);

      lines = g_strsplit (text, "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          n_lines++;
          if (!g_strv_contains (body, lines[j]) && !may_be_left_out (lines[j], article))
            g_string_append_printf (missing, "%s (article %s), line %u: %s\n",
                                    origin, dossier_article_get_id (article), j + 1, lines[j]);
        }
    }

  if (missing->len > 0)
    g_error ("seed lines missing from the article bodies:\n%s", missing->str);

  /* Every seed article is in the dossier */
  dir = g_dir_open (seeds, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt") && !g_hash_table_contains (used, name))
      g_error ("no article comes from the seed %s", name);

  g_test_message ("%u seed lines checked", n_lines);
}

static void
test_mentions (void)
{
  DossierStore *store = get_store ();
  GListModel *entities = dossier_store_get_entities (store);
  GListModel *articles = dossier_store_get_articles (store);
  DossierEntity *deepseek = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entities) && deepseek == NULL; i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);

      if (g_str_equal (dossier_entity_get_name (entity), "DeepSeek"))
        deepseek = entity;
    }
  g_assert_nonnull (deepseek);

  /* Every seed article is about DeepSeek */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_entity_articles (store, deepseek)), ==,
                    g_list_model_get_n_items (articles));

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);
      GListModel *mentions = dossier_store_get_article_mentions (store, article);
      const char * const *body = dossier_article_get_body (article, NULL);
      guint last_paragraph = 0;
      gsize last_end = 0;

      /* In order, not overlapping, and naming what they say */
      for (guint j = 0; j < g_list_model_get_n_items (mentions); j++)
        {
          g_autoptr(DossierMention) mention = g_list_model_get_item (mentions, j);
          guint paragraph = dossier_mention_get_paragraph (mention);
          g_autofree char *text = g_strndup (body[paragraph] + dossier_mention_get_offset (mention),
                                             dossier_mention_get_length (mention));
          g_autofree char *folded = g_utf8_casefold (text, -1);
          DossierEntity *entity = dossier_mention_get_entity (mention);
          const char * const *aliases = dossier_entity_get_aliases (entity);
          g_autofree char *name = g_utf8_casefold (dossier_entity_get_name (entity), -1);
          gboolean named = g_str_equal (folded, name);

          for (guint k = 0; aliases[k] != NULL && !named; k++)
            {
              g_autofree char *alias = g_utf8_casefold (aliases[k], -1);
              named = g_str_equal (folded, alias);
            }
          g_assert_true (named);

          if (paragraph == last_paragraph)
            g_assert_cmpuint (dossier_mention_get_offset (mention), >=, last_end);
          else
            g_assert_cmpuint (paragraph, >, last_paragraph);
          last_paragraph = paragraph;
          last_end = dossier_mention_get_offset (mention) + dossier_mention_get_length (mention);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/default/loads", test_loads);
  g_test_add_func ("/default/quotes", test_quotes);
  g_test_add_func ("/default/seeds", test_seeds);
  g_test_add_func ("/default/mentions", test_mentions);

  result = g_test_run ();
  g_clear_object (&default_store);

  return result;
}
