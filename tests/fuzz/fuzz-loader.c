/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer harness for the dossier loader: any bytes go through
 * dossier_store_load_bytes(), which must give either a complete store or
 * a list of problems, never crash, hang, leak or log a critical.  A store
 * that loads is then walked through every query the views make, so the
 * indexes built at load time are exercised too.  Text the loader would
 * parse is also parsed by its JSON tree and by json-glib, which must agree.
 *
 * Built by `meson setup -Dfuzzing=true` with CC=clang; see .ci/fuzz.sh.
 */

#include <stdint.h>
#include <string.h>

#include "dossier-model.h"
#include "dossier-json-private.h"
#include "dossier-syntax-private.h"
#include "json-same.h"
#include "source-quote.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning means a broken invariant: make it a crash the
   * fuzzer keeps. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
walk_list (GListModel *list,
           GType       type)
{
  guint n = g_list_model_get_n_items (list);

  g_assert_true (g_type_is_a (g_list_model_get_item_type (list), type));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_assert_nonnull (item);
    }
  g_assert_null (g_list_model_get_item (list, n));
}

/* Each quote is its article's text where the source says it is */
static void
walk_sources (GListModel *sources)
{
  walk_list (sources, DOSSIER_TYPE_SOURCE);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

      if (dossier_source_get_article (source) == NULL)
        g_assert_null (dossier_source_get_quote (source));
      else
        dossier_assert_quote_in_article (source);
    }
}

static void
walk_store (DossierStore *store)
{
  GListModel *articles = dossier_store_get_articles (store);
  GListModel *entities = dossier_store_get_entities (store);
  GListModel *events = dossier_store_get_events (store);
  GListModel *relations = dossier_store_get_relations (store);
  GListModel *discrepancies = dossier_store_get_discrepancies (store);

  g_assert_nonnull (dossier_store_get_id (store));
  g_assert_nonnull (dossier_store_get_title (store));

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);

      g_assert_true (dossier_store_lookup_article (store, dossier_article_get_id (article)) != NULL);
      walk_list (dossier_store_get_article_mentions (store, article), DOSSIER_TYPE_MENTION);
      walk_list (dossier_store_get_article_entities (store, article), DOSSIER_TYPE_ENTITY);
      walk_list (dossier_store_get_article_events (store, article), DOSSIER_TYPE_EVENT);
      walk_list (dossier_store_get_article_relations (store, article), DOSSIER_TYPE_RELATION);
      walk_list (dossier_store_get_article_discrepancies (store, article), DOSSIER_TYPE_DISCREPANCY);
    }

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);

      g_assert_true (dossier_store_lookup_entity (store, dossier_entity_get_id (entity)) != NULL);
      walk_list (dossier_store_get_entity_events (store, entity), DOSSIER_TYPE_EVENT);
      walk_list (dossier_store_get_entity_relations (store, entity), DOSSIER_TYPE_RELATION);
      walk_list (dossier_store_get_entity_mentions (store, entity), DOSSIER_TYPE_MENTION);
      walk_list (dossier_store_get_entity_articles (store, entity), DOSSIER_TYPE_ARTICLE);
      walk_list (dossier_store_get_entity_discrepancies (store, entity), DOSSIER_TYPE_DISCREPANCY);
    }

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);

      g_assert_true (dossier_store_lookup_event (store, dossier_event_get_id (event)) != NULL);
      walk_list (dossier_store_get_event_discrepancies (store, event), DOSSIER_TYPE_DISCREPANCY);
      walk_sources (dossier_event_get_sources (event));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(DossierRelation) relation = g_list_model_get_item (relations, i);

      g_assert_true (dossier_store_lookup_relation (store, dossier_relation_get_id (relation)) != NULL);
      walk_list (dossier_store_get_relation_discrepancies (store, relation), DOSSIER_TYPE_DISCREPANCY);
      walk_sources (dossier_relation_get_sources (relation));
    }

  for (guint i = 0; i < g_list_model_get_n_items (discrepancies); i++)
    {
      g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (discrepancies, i);

      g_assert_true (dossier_store_lookup_discrepancy (store, dossier_discrepancy_get_id (discrepancy)) != NULL);
    }
}

/* Text the loader parses (strict JSON in UTF-8 without NUL) gives the
 * same tree through its own parser as through json-glib */
static void
check_json_tree (const uint8_t *data,
                 size_t         size)
{
  g_autoptr(DossierJsonTree) tree = NULL;
  g_autoptr(JsonParser) parser = NULL;
  DossierProblem *problem;
  const DossierJsonNode *root;

  if (!g_utf8_validate_len ((const char *) data, size, NULL))
    return;
  problem = dossier_syntax_check ((const char *) data, size, NULL);
  if (problem != NULL)
    {
      dossier_problem_free (problem);
      return;
    }

  tree = dossier_json_tree_new ();
  root = dossier_json_tree_parse (tree, (const char *) data, size);
  g_assert_nonnull (root);
  parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, (const char *) data, size, NULL));
  dossier_assert_json_same (json_parser_get_root (parser), root);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_load_bytes (bytes, &problems, &error);

  g_assert_nonnull (problems);
  check_json_tree (data, size);
  if (store != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      walk_store (store);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (problems->len, >, 0);
      /* The cap: 100 problems and the line saying it stopped */
      g_assert_cmpuint (problems->len, <=, 101);

      for (guint i = 0; i < problems->len; i++)
        {
          DossierProblem *problem = g_ptr_array_index (problems, i);
          g_autofree char *text = dossier_problem_to_string (problem);

          g_assert_nonnull (problem->path);
          g_assert_true (g_utf8_validate (problem->message, -1, NULL));
          /* Paths and messages quote the file's own text: it must come
           * out as valid UTF-8 for the terminal and the dialog */
          g_assert_true (g_utf8_validate (text, -1, NULL));
        }
    }

  return 0;
}
