/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding the discrepancies of an article, an event and an entity, in the
 * default dossier and in a small one written for the purpose, and the
 * passages of an article that the reading pane marks. */
#include "config.h"

#include <string.h>

#include "dossier-discrepancy-marks.h"
#include "dossier-model.h"

static DossierStore *
load_default (void)
{
  const char *srcdir = g_getenv ("DOSSIER_SOURCE_DIR");
  g_autofree char *path = g_build_filename (srcdir != NULL ? srcdir : ".", "data", "dossiers", "deepseek-r1.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static const char small_dossier[] =
  "{ \"format\": \"dossier/1\", \"id\": \"small\", \"title\": \"Small\",\n"
  "  \"articles\": [\n"
  "    { \"id\": \"a1\", \"title\": \"First\", \"outlet\": \"Outlet\",\n"
  "      \"body\": [ \"Acme raised $10 million in May. Bob leads Acme.\",\n"
  "                  \"Second paragraph says $12 million was raised.\" ] },\n"
  "    { \"id\": \"a2\", \"body\": [ \"Acme raised $12 million, it said.\" ] },\n"
  "    { \"id\": \"a3\", \"title\": \"Quiet\", \"body\": [ \"Nothing here about money.\" ] } ],\n"
  "  \"entities\": [\n"
  "    { \"id\": \"acme\", \"name\": \"Acme\", \"kind\": \"company\" },\n"
  "    { \"id\": \"bob\", \"name\": \"Bob\", \"kind\": \"person\" },\n"
  "    { \"id\": \"zed\", \"name\": \"Zed\", \"kind\": \"person\" } ],\n"
  "  \"events\": [\n"
  "    { \"id\": \"raise\", \"date\": \"2025-05\", \"title\": \"Acme raises money\", \"category\": \"investment\",\n"
  "      \"entities\": [ \"acme\" ], \"sources\": [ { \"article\": \"a1\", \"quote\": \"Acme raised $10 million in May.\" } ] },\n"
  "    { \"id\": \"quiet\", \"date\": \"2025\", \"title\": \"Nothing\", \"category\": \"company\",\n"
  "      \"entities\": [ \"zed\" ], \"sources\": [ { \"article\": \"a3\", \"quote\": \"Nothing here\" } ] } ],\n"
  "  \"relations\": [\n"
  "    { \"id\": \"bob-leads-acme\", \"from\": \"bob\", \"to\": \"acme\", \"type\": \"leads\",\n"
  "      \"sources\": [ { \"article\": \"a1\", \"quote\": \"Bob leads Acme.\" } ] } ],\n"
  "  \"discrepancies\": [\n"
  "    { \"id\": \"amount\", \"topic\": \"Amount raised\", \"claims\": [\n"
  "        { \"value\": \"$10 million\", \"sources\": [ { \"article\": \"a1\", \"quote\": \"$10 million\" } ] },\n"
  "        { \"value\": \"$12 million\", \"sources\": [ { \"article\": \"a2\", \"quote\": \"Acme raised $12 million\" },\n"
  "                                              { \"article\": \"a1\", \"quote\": \"$12 million was raised\" } ] } ],\n"
  "      \"resolution\": { \"summary\": \"It was $12 million.\",\n"
  "                      \"sources\": [ { \"article\": \"a2\", \"quote\": \"$12 million, it said\" } ] } },\n"
  "    { \"id\": \"leader\", \"topic\": \"Who leads Acme\", \"claims\": [\n"
  "        { \"value\": \"Bob\", \"sources\": [ { \"article\": \"a1\", \"quote\": \"Bob leads Acme\" } ] },\n"
  "        { \"value\": \"Carol\", \"sources\": [ { \"reference\": \"The company register\" } ] } ],\n"
  "      \"resolution\": { \"summary\": \"Bob.\",\n"
  "                      \"sources\": [ { \"article\": \"a1\", \"quote\": \"Bob leads Acme.\" } ] } } ] }\n";

static DossierStore *
load_small (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (small_dossier, strlen (small_dossier));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_load_bytes (bytes, &problems, &error);

  if (problems != NULL)
    for (guint i = 0; i < problems->len; i++)
      {
        g_autofree char *text = dossier_problem_to_string (problems->pdata[i]);

        g_test_message ("problem: %s", text);
      }
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The ids of a list of discrepancies, space-separated */
static char *
ids_of (GListModel *list)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (list, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", dossier_discrepancy_get_id (discrepancy));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_ids(list, expected) G_STMT_START {    \
    g_autofree char *_ids = ids_of (list);           \
    g_assert_cmpstr (_ids, ==, (expected));          \
  } G_STMT_END

#define ARTICLE(id) dossier_store_lookup_article (store, (id))
#define EVENT(id) dossier_store_lookup_event (store, (id))
#define ENTITY(id) dossier_store_lookup_entity (store, (id))
#define RELATION(id) dossier_store_lookup_relation (store, (id))

/* ---- the default dossier ------------------------------------------------------ */

static void
test_default_all (void)
{
  g_autoptr(DossierStore) store = load_default ();

  assert_ids (dossier_store_get_discrepancies (store),
              "r1-training-cost download-count meta-investment-size microsoft-80-billion-speaker "
              "deepseek-founding-date r1-release-date nvidia-drop-size");
}

static void
test_default_article (void)
{
  g_autoptr(DossierStore) store = load_default ();

  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("cnn-silicon-valley")),
              "r1-training-cost microsoft-80-billion-speaker");
  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("silicon-valley-panic")),
              "r1-training-cost download-count meta-investment-size r1-release-date");
  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("r1-disrupts-tech")),
              "r1-training-cost download-count meta-investment-size deepseek-founding-date "
              "r1-release-date nvidia-drop-size");
  /* The two articles no claim quotes */
  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("openai-moat")), "");
  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("open-source-contender")), "");
}

static void
test_default_event (void)
{
  g_autoptr(DossierStore) store = load_default ();

  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("deepseek-r1-release")),
              "r1-training-cost r1-release-date");
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("deepseek-v3-release")), "r1-training-cost");
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("deepseek-app-tops-charts")), "download-count");
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("meta-capex-plan")), "meta-investment-size");
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("microsoft-80-billion")),
              "microsoft-80-billion-speaker");
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("deepseek-founded")), "deepseek-founding-date");
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("nvidia-premarket-drop")), "nvidia-drop-size");

  /* Every other event: no discrepancy */
  {
    GListModel *events = dossier_store_get_events (store);
    const char *disputed[] = { "deepseek-r1-release", "deepseek-v3-release", "deepseek-app-tops-charts",
                               "meta-capex-plan", "microsoft-80-billion", "deepseek-founded",
                               "nvidia-premarket-drop", NULL };

    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);

        if (!g_strv_contains (disputed, dossier_event_get_id (event)))
          assert_ids (dossier_store_get_event_discrepancies (store, event), "");
      }
  }

  assert_ids (dossier_store_get_relation_discrepancies (store, RELATION ("liang-wenfeng-founded-deepseek")),
              "deepseek-founding-date");
}

static void
test_default_entity (void)
{
  g_autoptr(DossierStore) store = load_default ();

  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("deepseek")),
              "r1-training-cost download-count deepseek-founding-date r1-release-date");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("meta")),
              "meta-investment-size nvidia-drop-size");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("sundar-pichai")),
              "microsoft-80-billion-speaker");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("nvidia")), "nvidia-drop-size");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("liang-wenfeng")), "deepseek-founding-date");
}

static void
test_default_claims (void)
{
  g_autoptr(DossierStore) store = load_default ();
  DossierDiscrepancy *cost = dossier_store_lookup_discrepancy (store, "r1-training-cost");
  GListModel *claims = dossier_discrepancy_get_claims (cost);
  g_autoptr(DossierClaim) first = g_list_model_get_item (claims, 0);
  g_autoptr(DossierClaim) second = g_list_model_get_item (claims, 1);
  g_autoptr(DossierSource) quote = g_list_model_get_item (dossier_claim_get_sources (second), 0);
  DossierArticle *article = dossier_source_get_article (quote);
  const char * const *body = dossier_article_get_body (article, NULL);

  g_assert_cmpstr (dossier_discrepancy_get_topic (cost), ==, "Cost of training R1");
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 2);
  g_assert_cmpstr (dossier_claim_get_value (first), ==, "About $6 million");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_claim_get_sources (first)), ==, 3);
  g_assert_cmpstr (dossier_claim_get_value (second), ==, "$5.6 million");
  g_assert_cmpstr (dossier_article_get_id (article), ==, "r1-disrupts-tech");
  g_assert_cmpuint (dossier_source_get_paragraph (quote), ==, 6);
  g_assert_cmpuint (dossier_source_get_offset (quote), ==, 0);
  g_assert_cmpuint (dossier_source_get_length (quote), ==, 64);
  g_assert_true (strncmp (body[6], "With an investment of only $5.6 million in training the R1 model", 64) == 0);
}

/* The marks of r1-disrupts-tech: one per claim quoting it, in text order */
static void
test_default_spans (void)
{
  g_autoptr(DossierStore) store = load_default ();
  DossierArticle *article = ARTICLE ("r1-disrupts-tech");
  g_autoptr(GArray) spans = dossier_discrepancy_spans_for_article (store, article);
  static const struct { guint paragraph; gsize offset, length; const char *id; int claim; } expected[] = {
    { 5, 0, 48, "deepseek-founding-date", 1 },
    { 6, 0, 64, "r1-training-cost", 1 },
    { 8, 0, 64, "deepseek-founding-date", 0 },
    { 10, 0, 45, "r1-release-date", 1 },
    { 10, 260, 54, "download-count", 1 },
    { 13, 0, 73, "meta-investment-size", 1 },
    { 19, 132, 38, "nvidia-drop-size", 0 },
  };

  g_assert_cmpuint (spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < spans->len; i++)
    {
      const DossierDiscrepancySpan *span = &g_array_index (spans, DossierDiscrepancySpan, i);

      g_assert_cmpuint (span->paragraph, ==, expected[i].paragraph);
      g_assert_cmpuint (span->offset, ==, expected[i].offset);
      g_assert_cmpuint (span->length, ==, expected[i].length);
      g_assert_cmpstr (span->discrepancy_id, ==, expected[i].id);
      g_assert_true (span->discrepancy == dossier_store_lookup_discrepancy (store, expected[i].id));
      g_assert_cmpint (span->claim, ==, expected[i].claim);
    }

  /* Articles no discrepancy quotes have nothing to mark */
  g_clear_pointer (&spans, g_array_unref);
  spans = dossier_discrepancy_spans_for_article (store, ARTICLE ("openai-moat"));
  g_assert_cmpuint (spans->len, ==, 0);
}

/* ---- a dossier written for the purpose --------------------------------------- */

static void
test_small_lookup (void)
{
  g_autoptr(DossierStore) store = load_small ();

  /* An article: the discrepancies with a claim or resolution quoting it */
  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("a1")), "amount leader");
  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("a2")), "amount");
  assert_ids (dossier_store_get_article_discrepancies (store, ARTICLE ("a3")), "");

  /* An event: neither discrepancy lists it, but a claim quotes part of
   * the passage the event rests on */
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("raise")), "amount");
  assert_ids (dossier_store_get_event_discrepancies (store, EVENT ("quiet")), "");
  assert_ids (dossier_store_get_relation_discrepancies (store, RELATION ("bob-leads-acme")), "leader");

  /* An entity: through the events and relations concerned */
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("acme")), "amount leader");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("bob")), "leader");
  assert_ids (dossier_store_get_entity_discrepancies (store, ENTITY ("zed")), "");
}

static gsize
offset_of (DossierArticle *article,
           guint           paragraph,
           const char     *text)
{
  const char * const *body = dossier_article_get_body (article, NULL);
  const char *found = strstr (body[paragraph], text);

  g_assert_nonnull (found);
  return (gsize) (found - body[paragraph]);
}

static void
assert_span (const DossierDiscrepancySpan *span,
             guint                         paragraph,
             gsize                         offset,
             gsize                         length,
             const char                   *id,
             int                           claim)
{
  g_assert_cmpuint (span->paragraph, ==, paragraph);
  g_assert_cmpuint (span->offset, ==, offset);
  g_assert_cmpuint (span->length, ==, length);
  g_assert_cmpstr (span->discrepancy_id, ==, id);
  g_assert_cmpint (span->claim, ==, claim);
}

static void
test_small_spans (void)
{
  g_autoptr(DossierStore) store = load_small ();
  DossierArticle *a1 = ARTICLE ("a1");
  DossierArticle *a2 = ARTICLE ("a2");
  g_autoptr(GArray) spans = dossier_discrepancy_spans_for_article (store, a1);
  gsize ten = offset_of (a1, 0, "$10 million");
  gsize bob = offset_of (a1, 0, "Bob leads");
  gsize twelve = offset_of (a1, 1, "$12 million");

  g_assert_cmpuint (spans->len, ==, 3);
  assert_span (&g_array_index (spans, DossierDiscrepancySpan, 0), 0, ten, strlen ("$10 million"), "amount", 0);
  /* The resolution quotes "Bob leads Acme." and the claim "Bob leads
   * Acme": one span, the longer, credited to the claim */
  assert_span (&g_array_index (spans, DossierDiscrepancySpan, 1), 0, bob, strlen ("Bob leads Acme."), "leader", 0);
  assert_span (&g_array_index (spans, DossierDiscrepancySpan, 2), 1, twelve, strlen ("$12 million was raised"), "amount", 1);

  /* Looking a position up */
  g_assert_null (dossier_discrepancy_spans_lookup (spans, 0, 0));
  g_assert_cmpstr (dossier_discrepancy_spans_lookup (spans, 0, ten)->discrepancy_id, ==, "amount");
  g_assert_cmpstr (dossier_discrepancy_spans_lookup (spans, 0, ten + 10)->discrepancy_id, ==, "amount");
  g_assert_null (dossier_discrepancy_spans_lookup (spans, 0, ten + 11));
  g_assert_cmpstr (dossier_discrepancy_spans_lookup (spans, 0, bob + 14)->discrepancy_id, ==, "leader");
  g_assert_cmpstr (dossier_discrepancy_spans_lookup (spans, 1, twelve)->discrepancy_id, ==, "amount");
  g_assert_null (dossier_discrepancy_spans_lookup (spans, 2, 0));

  /* Overlapping quotes of a claim and a resolution make one span */
  g_clear_pointer (&spans, g_array_unref);
  spans = dossier_discrepancy_spans_for_article (store, a2);
  g_assert_cmpuint (spans->len, ==, 1);
  assert_span (&g_array_index (spans, DossierDiscrepancySpan, 0), 0, 0,
               strlen ("Acme raised $12 million, it said"), "amount", 1);

  g_clear_pointer (&spans, g_array_unref);
  spans = dossier_discrepancy_spans_for_article (store, ARTICLE ("a3"));
  g_assert_cmpuint (spans->len, ==, 0);
}

static void
test_uri (void)
{
  g_autoptr(DossierStore) store = load_small ();
  g_autofree char *uri = dossier_discrepancy_uri ("amount");
  g_autofree char *odd = dossier_discrepancy_uri ("a b?c#d\"<>é");
  g_autofree char *id = NULL;
  g_autofree char *odd_id = NULL;
  g_autofree char *text = NULL;
  const char *refused[] = {
    "dossier:discrepancy/",
    "dossier:discrepancy/a%2Fb",
    "dossier:discrepancy/a/b",
    "dossier:discrepancy/%FF",
    "dossier:discrepancy/a%00b",
    "dossier:entity/amount",
    "https://example.com/dossier:discrepancy/amount",
    "",
  };

  g_assert_cmpstr (uri, ==, "dossier:discrepancy/amount");
  id = dossier_discrepancy_uri_parse (uri);
  g_assert_cmpstr (id, ==, "amount");

  g_assert_null (strpbrk (odd + strlen ("dossier:discrepancy/"), " ?#\"<>/"));
  odd_id = dossier_discrepancy_uri_parse (odd);
  g_assert_cmpstr (odd_id, ==, "a b?c#d\"<>é");

  g_assert_null (dossier_discrepancy_uri_parse (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *parsed = dossier_discrepancy_uri_parse (refused[i]);

      g_assert_null (parsed);
    }

  text = dossier_discrepancy_describe (dossier_store_lookup_discrepancy (store, "amount"));
  g_assert_cmpstr (text, ==, "The sources disagree on: Amount raised");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/discrepancy-lookup/default/all", test_default_all);
  g_test_add_func ("/discrepancy-lookup/default/article", test_default_article);
  g_test_add_func ("/discrepancy-lookup/default/event", test_default_event);
  g_test_add_func ("/discrepancy-lookup/default/entity", test_default_entity);
  g_test_add_func ("/discrepancy-lookup/default/claims", test_default_claims);
  g_test_add_func ("/discrepancy-lookup/default/spans", test_default_spans);
  g_test_add_func ("/discrepancy-lookup/small/lookup", test_small_lookup);
  g_test_add_func ("/discrepancy-lookup/small/spans", test_small_spans);
  g_test_add_func ("/discrepancy-lookup/uri", test_uri);

  return g_test_run ();
}
