/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "dossier-model.h"

static const char dossier[] =
  "{\n"
  " 'format': 'dossier/1', 'id': 'store', 'title': 'Store test', 'language': 'en',\n"
  " 'description': 'Lookups',\n"
  " 'articles': [\n"
  "  {'id': 'a1', 'title': 'Launch', 'body': [\n"
  "    'Meta released Llama. The metadata was public, and Meta Platforms agreed.',\n"
  "    'İstanbul and ﬁnance: ZÜRICH AG met META in zürich; Zürich-based firms too.',\n"
  "    'DeepSeek R1 beat OpenAI’s o1; DeepSeek’s app and R1-Zero topped charts.',\n"
  "    'Built on .NET today, not on ASP.NETwork.']},\n"
  "  {'id': 'a2', 'body': ['Nothing here about anyone. Really.', 'Only Llama again, said Meta.']}\n"
  " ],\n"
  " 'entities': [\n"
  "  {'id': 'meta', 'name': 'Meta', 'kind': 'company', 'aliases': ['Meta Platforms']},\n"
  "  {'id': 'llama', 'name': 'Llama', 'kind': 'product'},\n"
  "  {'id': 'zurich', 'name': 'Zürich', 'kind': 'government'},\n"
  "  {'id': 'deepseek', 'name': 'DeepSeek', 'kind': 'company'},\n"
  "  {'id': 'r1', 'name': 'DeepSeek R1', 'kind': 'product', 'aliases': ['R1']},\n"
  "  {'id': 'openai', 'name': 'OpenAI', 'kind': 'company'},\n"
  "  {'id': 'dotnet', 'name': '.NET', 'kind': 'product'},\n"
  "  {'id': 'nobody', 'name': 'Nobody Mentioned', 'kind': 'person'}\n"
  " ],\n"
  " 'events': [\n"
  "  {'id': 'e1', 'date': '2025-01-20', 'title': 'R1', 'category': 'release', 'entities': ['deepseek', 'r1'],\n"
  "   'sources': [{'article': 'a1', 'quote': 'DeepSeek R1 beat OpenAI'}]},\n"
  "  {'id': 'e2', 'date': '2025-01', 'title': 'Llama', 'category': 'release', 'entities': ['meta'],\n"
  "   'sources': [{'reference': 'Meta press release, January 2025'}]},\n"
  "  {'id': 'e3', 'date': '2024', 'title': 'Founding', 'category': 'company', 'entities': ['deepseek'],\n"
  "   'sources': [{'article': 'a2', 'quote': 'Nothing here'}]},\n"
  "  {'id': 'e4', 'date': '2025-01-20', 'title': 'Reply', 'category': 'reaction', 'entities': ['openai'],\n"
  "   'sources': [{'reference': 'Blog post'}]}\n"
  " ],\n"
  " 'relations': [\n"
  "  {'id': 'rel1', 'from': 'openai', 'to': 'deepseek', 'type': 'competes-with',\n"
  "   'sources': [{'article': 'a1', 'quote': 'OpenAI’s o1'}]},\n"
  "  {'id': 'rel2', 'from': 'meta', 'to': 'llama', 'type': 'develops',\n"
  "   'sources': [{'article': 'a2', 'quote': 'Only Llama again'}]}\n"
  " ],\n"
  " 'discrepancies': [\n"
  "  {'id': 'd1', 'topic': 'Who beat whom',\n"
  "   'claims': [{'value': 'R1', 'sources': [{'article': 'a1', 'quote': 'beat OpenAI'}]},\n"
  "              {'value': 'o1', 'sources': [{'reference': 'Benchmarks'}]}]},\n"
  "  {'id': 'd2', 'topic': 'Release month',\n"
  "   'claims': [{'value': 'January', 'sources': [{'reference': 'X'}]},\n"
  "              {'value': 'February', 'sources': [{'reference': 'Y'}]}],\n"
  "   'resolution': {'summary': 'January', 'sources': [{'article': 'a2', 'quote': 'said Meta'}]},\n"
  "   'events': ['e2'], 'relations': ['rel2']},\n"
  "  {'id': 'd3', 'topic': 'Name',\n"
  "   'claims': [{'value': 'A', 'sources': [{'reference': 'X'}]}, {'value': 'B', 'sources': [{'reference': 'Y'}]}],\n"
  "   'entities': ['openai']}\n"
  " ]\n"
  "}\n";

static DossierStore *
load (const char *text)
{
  g_autofree char *json = g_strdelimit (g_strdup (text), "'", '"');
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&json), strlen (text));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_load_bytes (bytes, &problems, &error);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr ("%s\n", dossier_problem_to_string (problems->pdata[i]));
  g_assert_no_error (error);

  return store;
}

static const char *
item_id (gpointer item)
{
  if (DOSSIER_IS_ARTICLE (item))
    return dossier_article_get_id (item);
  if (DOSSIER_IS_ENTITY (item))
    return dossier_entity_get_id (item);
  if (DOSSIER_IS_EVENT (item))
    return dossier_event_get_id (item);
  if (DOSSIER_IS_RELATION (item))
    return dossier_relation_get_id (item);
  if (DOSSIER_IS_DISCREPANCY (item))
    return dossier_discrepancy_get_id (item);
  g_assert_not_reached ();
}

/* The ids of the items in @list, space-separated */
static char *
ids (GListModel *list)
{
  g_autoptr(GString) string = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, g_list_model_get_item_type (list)));
      if (i > 0)
        g_string_append_c (string, ' ');
      g_string_append (string, item_id (item));
    }

  return g_string_free (g_steal_pointer (&string), FALSE);
}

#define assert_ids(list, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = ids (list); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

static void
test_lookup (void)
{
  g_autoptr(DossierStore) store = load (dossier);
  DossierEntity *meta = dossier_store_lookup_entity (store, "meta");
  DossierArticle *a2 = dossier_store_lookup_article (store, "a2");

  g_assert_cmpstr (dossier_store_get_id (store), ==, "store");
  g_assert_cmpstr (dossier_store_get_title (store), ==, "Store test");
  g_assert_cmpstr (dossier_store_get_description (store), ==, "Lookups");
  g_assert_cmpstr (dossier_store_get_language (store), ==, "en");

  g_assert_nonnull (meta);
  g_assert_cmpstr (dossier_entity_get_name (meta), ==, "Meta");
  g_assert_cmpint (dossier_entity_get_kind (meta), ==, DOSSIER_ENTITY_KIND_COMPANY);
  g_assert_cmpstr (dossier_entity_get_aliases (meta)[0], ==, "Meta Platforms");
  g_assert_null (dossier_entity_get_aliases (meta)[1]);
  g_assert_cmpstr (dossier_event_get_id (dossier_store_lookup_event (store, "e3")), ==, "e3");
  g_assert_cmpstr (dossier_relation_get_id (dossier_store_lookup_relation (store, "rel2")), ==, "rel2");
  g_assert_cmpstr (dossier_discrepancy_get_id (dossier_store_lookup_discrepancy (store, "d2")), ==, "d2");
  g_assert_null (dossier_store_lookup_entity (store, "e1"));
  g_assert_null (dossier_store_lookup_event (store, "meta"));
  g_assert_null (dossier_store_lookup_article (store, ""));

  assert_ids (dossier_store_get_articles (store), "a1 a2");
  assert_ids (dossier_store_get_entities (store), "meta llama zurich deepseek r1 openai dotnet nobody");
  /* By date; e1 and e4 share a date and keep the order of the file */
  assert_ids (dossier_store_get_events (store), "e3 e2 e1 e4");
  assert_ids (dossier_store_get_relations (store), "rel1 rel2");
  assert_ids (dossier_store_get_discrepancies (store), "d1 d2 d3");

  g_assert_false (dossier_article_has_title (a2));
  g_assert_null (dossier_article_get_title (a2));
  g_assert_cmpstr (dossier_article_get_display_title (a2), ==, "Nothing here about anyone.");
  g_assert_cmpstr (dossier_article_get_display_title (dossier_store_lookup_article (store, "a1")), ==, "Launch");
}

static void
test_entity_questions (void)
{
  g_autoptr(DossierStore) store = load (dossier);
#define ENTITY(id) dossier_store_lookup_entity (store, id)

  assert_ids (dossier_store_get_entity_events (store, ENTITY ("deepseek")), "e3 e1");
  assert_ids (dossier_store_get_entity_events (store, ENTITY ("r1")), "e1");
  assert_ids (dossier_store_get_entity_events (store, ENTITY ("nobody")), "");
  g_assert_true (g_list_model_get_item_type (dossier_store_get_entity_events (store, ENTITY ("nobody"))) == DOSSIER_TYPE_EVENT);

  /* Both directions */
  assert_ids (dossier_store_get_entity_relations (store, ENTITY ("deepseek")), "rel1");
  assert_ids (dossier_store_get_entity_relations (store, ENTITY ("openai")), "rel1");
  assert_ids (dossier_store_get_entity_relations (store, ENTITY ("llama")), "rel2");
  assert_ids (dossier_store_get_entity_relations (store, ENTITY ("zurich")), "");

  assert_ids (dossier_store_get_entity_articles (store, ENTITY ("llama")), "a1 a2");
  assert_ids (dossier_store_get_entity_articles (store, ENTITY ("meta")), "a1 a2");
  assert_ids (dossier_store_get_entity_articles (store, ENTITY ("deepseek")), "a1");
  assert_ids (dossier_store_get_entity_articles (store, ENTITY ("nobody")), "");
#undef ENTITY
}

static void
test_article_questions (void)
{
  g_autoptr(DossierStore) store = load (dossier);
  DossierArticle *a1 = dossier_store_lookup_article (store, "a1");
  DossierArticle *a2 = dossier_store_lookup_article (store, "a2");

  assert_ids (dossier_store_get_article_events (store, a1), "e1");
  assert_ids (dossier_store_get_article_events (store, a2), "e3");
  assert_ids (dossier_store_get_article_relations (store, a1), "rel1");
  assert_ids (dossier_store_get_article_relations (store, a2), "rel2");
  /* In the order of their first mention */
  assert_ids (dossier_store_get_article_entities (store, a1), "meta llama zurich r1 openai deepseek dotnet");
  assert_ids (dossier_store_get_article_entities (store, a2), "llama meta");
}

typedef struct
{
  const char *entity;
  guint paragraph;
  const char *text;     /* as written in the paragraph */
} Expected;

static void
assert_mentions (GListModel     *mentions,
                 DossierArticle *article,
                 const Expected *expected,
                 guint           n_expected)
{
  const char * const *body = dossier_article_get_body (article, NULL);
  gsize search_from = 0;
  guint paragraph = 0;

  g_assert_true (g_list_model_get_item_type (mentions) == DOSSIER_TYPE_MENTION);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(DossierMention) mention = g_list_model_get_item (mentions, i);
      const char *text = body[expected[i].paragraph];
      const char *at;

      if (expected[i].paragraph != paragraph)
        search_from = 0;
      paragraph = expected[i].paragraph;
      at = strstr (text + search_from, expected[i].text);
      g_assert_nonnull (at);

      g_assert_true (dossier_mention_get_article (mention) == article);
      g_assert_cmpstr (dossier_entity_get_id (dossier_mention_get_entity (mention)), ==, expected[i].entity);
      g_assert_cmpuint (dossier_mention_get_paragraph (mention), ==, expected[i].paragraph);
      g_assert_cmpuint (dossier_mention_get_offset (mention), ==, at - text);
      g_assert_cmpuint (dossier_mention_get_length (mention), ==, strlen (expected[i].text));

      search_from = dossier_mention_get_offset (mention) + dossier_mention_get_length (mention);
    }
}

static void
test_mentions (void)
{
  g_autoptr(DossierStore) store = load (dossier);
  DossierArticle *a1 = dossier_store_lookup_article (store, "a1");
  DossierArticle *a2 = dossier_store_lookup_article (store, "a2");
  static const Expected in_a1[] = {
    { "meta", 0, "Meta" },
    { "llama", 0, "Llama" },
    /* not "meta" in "metadata" */
    { "meta", 0, "Meta Platforms" },    /* the longest name wins */
    /* "İ" and "ﬁ" change length when folded: offsets stay in the original */
    { "zurich", 1, "ZÜRICH" },
    { "meta", 1, "META" },
    { "zurich", 1, "zürich" },
    { "zurich", 1, "Zürich" },
    { "r1", 2, "DeepSeek R1" },         /* not "DeepSeek" then "R1" */
    { "openai", 2, "OpenAI" },
    { "deepseek", 2, "DeepSeek" },
    { "r1", 2, "R1" },
    { "dotnet", 3, ".NET" },            /* not in "ASP.NETwork" */
  };
  static const Expected in_a2[] = {
    { "llama", 1, "Llama" },
    { "meta", 1, "Meta" },
  };
  static const Expected of_meta[] = {
    { "meta", 0, "Meta" },
    { "meta", 0, "Meta Platforms" },
    { "meta", 1, "META" },
  };

  assert_mentions (dossier_store_get_article_mentions (store, a1), a1, in_a1, G_N_ELEMENTS (in_a1));
  assert_mentions (dossier_store_get_article_mentions (store, a2), a2, in_a2, G_N_ELEMENTS (in_a2));

  /* An entity's mentions are the same objects, in article order */
  {
    GListModel *mentions = dossier_store_get_entity_mentions (store, dossier_store_lookup_entity (store, "meta"));
    g_autoptr(GListStore) first = g_list_store_new (DOSSIER_TYPE_MENTION);
    g_autoptr(DossierMention) last = g_list_model_get_item (mentions, 3);

    g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, 4);
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (mentions, i);
        g_list_store_append (first, item);
      }
    assert_mentions (G_LIST_MODEL (first), a1, of_meta, G_N_ELEMENTS (of_meta));
    g_assert_true (dossier_mention_get_article (last) == a2);
  }

  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_entity_mentions (store, dossier_store_lookup_entity (store, "nobody"))), ==, 0);
}

static void
test_sources (void)
{
  g_autoptr(DossierStore) store = load (dossier);
  DossierArticle *a1 = dossier_store_lookup_article (store, "a1");
  GListModel *sources = dossier_relation_get_sources (dossier_store_lookup_relation (store, "rel1"));
  g_autoptr(DossierSource) quote = g_list_model_get_item (sources, 0);
  g_autoptr(DossierSource) reference = NULL;
  const char *paragraph = dossier_article_get_body (a1, NULL)[2];

  g_assert_true (dossier_source_get_article (quote) == a1);
  g_assert_cmpuint (dossier_source_get_paragraph (quote), ==, 2);
  g_assert_cmpuint (dossier_source_get_offset (quote), ==, strstr (paragraph, "OpenAI’s o1") - paragraph);
  g_assert_cmpuint (dossier_source_get_length (quote), ==, strlen ("OpenAI’s o1"));
  g_assert_null (dossier_source_get_reference (quote));

  sources = dossier_event_get_sources (dossier_store_lookup_event (store, "e2"));
  reference = g_list_model_get_item (sources, 0);
  g_assert_true (dossier_source_is_reference (reference));
  g_assert_null (dossier_source_get_article (reference));
  g_assert_cmpstr (dossier_source_get_reference (reference), ==, "Meta press release, January 2025");
}

static void
test_discrepancies (void)
{
  g_autoptr(DossierStore) store = load (dossier);
  DossierDiscrepancy *d2 = dossier_store_lookup_discrepancy (store, "d2");
  g_autoptr(DossierClaim) claim = g_list_model_get_item (dossier_discrepancy_get_claims (d2), 1);
#define ENTITY(id) dossier_store_lookup_entity (store, id)
#define EVENT(id) dossier_store_lookup_event (store, id)
#define RELATION(id) dossier_store_lookup_relation (store, id)
#define ARTICLE(id) dossier_store_lookup_article (store, id)

  g_assert_cmpstr (dossier_discrepancy_get_topic (d2), ==, "Release month");
  g_assert_cmpstr (dossier_claim_get_value (claim), ==, "February");
  g_assert_cmpstr (dossier_discrepancy_get_resolution_summary (d2), ==, "January");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_discrepancy_get_resolution_sources (d2)), ==, 1);
  assert_ids (dossier_discrepancy_get_events (d2), "e2");
  assert_ids (dossier_discrepancy_get_relations (d2), "rel2");
  assert_ids (dossier_discrepancy_get_entities (d2), "");
  g_assert_null (dossier_discrepancy_get_resolution_summary (dossier_store_lookup_discrepancy (store, "d1")));

  /* A claim or resolution source cites the article */
  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("a1")), "d1");
  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("a2")), "d2");

  /* Listed, or a claim quotes a passage the event's sources quote */
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("e1")), "d1");
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("e2")), "d2");
  /* A resolution quoting the article does not make d2 about e3 */
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("e3")), "");
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("e4")), "");
  assert_ids (dossier_store_get_relation_discrepancies (store, RELATION ("rel1")), "d1");
  assert_ids (dossier_store_get_relation_discrepancies (store, RELATION ("rel2")), "d2");

  /* Listed, or about an event or relation of the entity; each once */
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("deepseek")), "d1");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("r1")), "d1");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("openai")), "d1 d3");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("meta")), "d2");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("llama")), "d2");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("zurich")), "");
#undef ENTITY
#undef EVENT
#undef RELATION
#undef ARTICLE
}

static void
test_foreign_items (void)
{
  g_autoptr(DossierStore) store = load (dossier);
  g_autoptr(DossierStore) empty = dossier_store_new_empty ();
  DossierEntity *meta = dossier_store_lookup_entity (store, "meta");
  DossierArticle *a1 = dossier_store_lookup_article (store, "a1");

  g_assert_null (dossier_store_get_title (empty));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_articles (empty)), ==, 0);
  g_assert_true (g_list_model_get_item_type (dossier_store_get_events (empty)) == DOSSIER_TYPE_EVENT);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_entity_mentions (empty, meta)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_article_events (empty, a1)), ==, 0);
  g_assert_true (g_list_model_get_item_type (dossier_store_get_article_entities (empty, a1)) == DOSSIER_TYPE_ENTITY);
  g_assert_null (dossier_store_lookup_entity (empty, "meta"));
}

static void
test_read_only (void)
{
  GType types[] = {
    DOSSIER_TYPE_ARTICLE, DOSSIER_TYPE_CLAIM, DOSSIER_TYPE_DISCREPANCY, DOSSIER_TYPE_ENTITY,
    DOSSIER_TYPE_EVENT, DOSSIER_TYPE_MENTION, DOSSIER_TYPE_RELATION, DOSSIER_TYPE_SOURCE,
    DOSSIER_TYPE_STORE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      guint n;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);

      g_assert_cmpuint (n, >, 0);
      for (guint j = 0; j < n; j++)
        {
          g_assert_true (pspecs[j]->flags & G_PARAM_READABLE);
          g_assert_false (pspecs[j]->flags & G_PARAM_WRITABLE);
        }
    }
}

static void
test_properties (void)
{
  g_autoptr(DossierStore) store = load (dossier);
  DossierEvent *e1 = dossier_store_lookup_event (store, "e1");
  g_autoptr(DossierDate) date = NULL;
  g_autoptr(GListModel) entities = NULL;
  g_autofree char *title = NULL;
  DossierEventCategory category;

  g_object_get (e1, "title", &title, "date", &date, "category", &category, "entities", &entities, NULL);
  g_assert_cmpstr (title, ==, "R1");
  g_assert_cmpint (dossier_date_get_day (date), ==, 20);
  g_assert_cmpint (category, ==, DOSSIER_EVENT_CATEGORY_RELEASE);
  g_assert_true (entities == dossier_event_get_entities (e1));
}

static void
test_names (void)
{
  const char * const *types = dossier_relation_types ();
  DossierEntityKind kind;
  DossierEventCategory category;

  g_assert_cmpuint (g_strv_length ((char **) types), ==, 16);
  for (guint i = 0; types[i] != NULL; i++)
    {
      g_assert_true (dossier_relation_type_is_known (types[i]));
      g_assert_nonnull (strchr (types[i], '-') == NULL ? types[i] : strchr (dossier_relation_type_get_label (types[i]), ' '));
    }
  g_assert_cmpstr (dossier_relation_type_get_label ("competes-with"), ==, "competes with");
  g_assert_cmpstr (dossier_relation_type_get_label ("subsidiary-of"), ==, "is a subsidiary of");
  g_assert_false (dossier_relation_type_is_known ("owns"));
  g_assert_cmpstr (dossier_relation_type_get_label ("owns"), ==, "owns");

  g_assert_true (dossier_entity_kind_from_string ("government", &kind));
  g_assert_cmpint (kind, ==, DOSSIER_ENTITY_KIND_GOVERNMENT);
  g_assert_false (dossier_entity_kind_from_string ("Company", &kind));
  g_assert_cmpstr (dossier_entity_kind_to_string (DOSSIER_ENTITY_KIND_ORGANIZATION), ==, "organization");
  g_assert_cmpstr (dossier_entity_kind_get_label (DOSSIER_ENTITY_KIND_COMPANY), ==, "Company");

  for (guint i = 0; i < DOSSIER_N_EVENT_CATEGORIES; i++)
    {
      g_assert_true (dossier_event_category_from_string (dossier_event_category_to_string (i), &category));
      g_assert_cmpint (category, ==, i);
    }
  g_assert_cmpstr (dossier_event_category_get_label (DOSSIER_EVENT_CATEGORY_MARKET), ==, "Market");
  g_assert_false (dossier_event_category_from_string ("product", NULL));
}

/* Many long articles: the mention index must stay fast and exact.  10,000
 * articles of about 5 KB with -m perf, fewer otherwise. */
static void
test_large (void)
{
  guint n_articles = g_test_perf () ? 10000 : 300;
  const guint n_entities = 200;
  const guint n_paragraphs = 10;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"dossier/1\", \"id\": \"large\", \"title\": \"Large\", \"entities\": [");
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint total = 0;
  DossierArticle *article;

  for (guint e = 0; e < n_entities; e++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": \"Company %u\", \"kind\": \"company\", \"aliases\": [\"Cö%u\"]}",
                            e ? "," : "", e, e, e);
  g_string_append (json, "], \"articles\": [");
  for (guint a = 0; a < n_articles; a++)
    {
      g_string_append_printf (json, "%s{\"id\": \"a%u\", \"body\": [", a ? "," : "", a);
      for (guint p = 0; p < n_paragraphs; p++)
        {
          guint e = (a * 7 + p) % n_entities;

          /* About 500 bytes, two mentions: one by name, one by alias; half
           * of the paragraphs are not ASCII */
          g_string_append_printf (json,
                                  "%s\"The analysts said that company %u and its metadata were "
                                  "doing well, %s while COMPANY %u%s reported that the markets moved as "
                                  "expected, but the details of the deal stay private and the quarter "
                                  "ended with cautious optimism among investors, who watched the "
                                  "reports of Companyx %u and company %ux closely; CÖ%u answered. "
                                  "Later in the day, several other firms published numbers of their "
                                  "own, with mixed results and a general sense that the sector is "
                                  "changing faster than anyone expected a year ago.\"",
                                  p ? "," : "", e + n_entities, p % 2 ? "“quoted”" : "plain",
                                  e, p % 2 ? "’s" : "", e, e, e);
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  timer = g_timer_new ();
  store = dossier_store_load_bytes (bytes, NULL, &error);
  g_timer_stop (timer);
  g_assert_no_error (error);

  g_test_message ("%u articles, %zu bytes: loaded in %.3f s", n_articles,
                  g_bytes_get_size (bytes), g_timer_elapsed (timer, NULL));
  if (g_test_perf ())
    g_test_minimized_result (g_timer_elapsed (timer, NULL), "load %u articles of 5 KB in %.3f s",
                             n_articles, g_timer_elapsed (timer, NULL));

  /* "company N" names a company outside the list, "Companyx N" and
   * "company N0" are not whole words: only COMPANY N and CÖN count */
  for (guint e = 0; e < n_entities; e++)
    {
      DossierEntity *entity = g_list_model_get_item (dossier_store_get_entities (store), e);

      total += g_list_model_get_n_items (dossier_store_get_entity_mentions (store, entity));
      g_object_unref (entity);
    }
  g_assert_cmpuint (total, ==, n_articles * n_paragraphs * 2);

  article = dossier_store_lookup_article (store, "a1");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_store_get_article_mentions (store, article)), ==, n_paragraphs * 2);
  {
    g_autoptr(DossierMention) mention = g_list_model_get_item (dossier_store_get_article_mentions (store, article), 3);
    const char *text = dossier_article_get_body (article, NULL)[1];

    g_assert_cmpuint (dossier_mention_get_paragraph (mention), ==, 1);
    g_assert_cmpmem (text + dossier_mention_get_offset (mention), dossier_mention_get_length (mention),
                     "CÖ8", strlen ("CÖ8"));
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/lookup", test_lookup);
  g_test_add_func ("/store/entity-questions", test_entity_questions);
  g_test_add_func ("/store/article-questions", test_article_questions);
  g_test_add_func ("/store/mentions", test_mentions);
  g_test_add_func ("/store/sources", test_sources);
  g_test_add_func ("/store/discrepancies", test_discrepancies);
  g_test_add_func ("/store/foreign-items", test_foreign_items);
  g_test_add_func ("/store/read-only", test_read_only);
  g_test_add_func ("/store/properties", test_properties);
  g_test_add_func ("/store/names", test_names);
  g_test_add_func ("/store/large", test_large);

  return g_test_run ();
}
