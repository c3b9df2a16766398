/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-discrepancy-marks.h"

#define DISCREPANCY_URI_PREFIX "dossier:discrepancy/"

static void
add_quotes (GArray             *spans,
            DossierArticle     *article,
            DossierDiscrepancy *discrepancy,
            GListModel         *sources,
            int                 claim)
{
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);
      DossierDiscrepancySpan span;

      if (dossier_source_is_reference (source) ||
          dossier_source_get_article (source) != article ||
          dossier_source_get_length (source) == 0)
        continue;

      span.paragraph = dossier_source_get_paragraph (source);
      span.offset = dossier_source_get_offset (source);
      span.length = dossier_source_get_length (source);
      span.discrepancy_id = dossier_discrepancy_get_id (discrepancy);
      span.discrepancy = discrepancy;
      span.claim = claim;
      g_array_append_val (spans, span);
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const DossierDiscrepancySpan *sa = a;
  const DossierDiscrepancySpan *sb = b;

  if (sa->paragraph != sb->paragraph)
    return sa->paragraph < sb->paragraph ? -1 : 1;
  if (sa->offset != sb->offset)
    return sa->offset < sb->offset ? -1 : 1;
  /* The longer first, so that it absorbs the shorter when merging. */
  if (sa->length != sb->length)
    return sa->length > sb->length ? -1 : 1;
  return 0;
}

/**
 * dossier_discrepancy_spans_for_article:
 * @store: the store @article belongs to
 * @article: an article
 *
 * The passages of @article quoted by a claim of a discrepancy, or by a
 * resolution, for the reading pane to mark.  The spans are sorted by
 * paragraph then offset and never overlap, so they can be turned into
 * markup in one pass: where two quotes overlap (the same passage cited by
 * two discrepancies, or two claims), they make one span that keeps the
 * discrepancy and claim of the quote that starts first, a claim's rather
 * than a resolution's when both start at the same place.
 *
 * Returns: (transfer full) (element-type DossierDiscrepancySpan): the spans,
 *   possibly none
 */
GArray *
dossier_discrepancy_spans_for_article (DossierStore   *store,
                                       DossierArticle *article)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (DossierDiscrepancySpan));
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (DossierDiscrepancySpan));
  GListModel *discrepancies;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), spans);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), spans);

  discrepancies = dossier_store_get_article_discrepancies (store, article);
  for (guint i = 0; i < g_list_model_get_n_items (discrepancies); i++)
    {
      g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (discrepancies, i);
      GListModel *claims = dossier_discrepancy_get_claims (discrepancy);

      for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
        {
          g_autoptr(DossierClaim) claim = g_list_model_get_item (claims, c);

          add_quotes (all, article, discrepancy, dossier_claim_get_sources (claim), (int) c);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (discrepancies); i++)
    {
      g_autoptr(DossierDiscrepancy) discrepancy = g_list_model_get_item (discrepancies, i);

      add_quotes (all, article, discrepancy, dossier_discrepancy_get_resolution_sources (discrepancy), -1);
    }

  g_array_sort (all, compare_spans);

  for (guint i = 0; i < all->len; i++)
    {
      const DossierDiscrepancySpan *span = &g_array_index (all, DossierDiscrepancySpan, i);
      DossierDiscrepancySpan *last = spans->len > 0 ? &g_array_index (spans, DossierDiscrepancySpan, spans->len - 1) : NULL;

      if (last != NULL && last->paragraph == span->paragraph &&
          span->offset < last->offset + last->length)
        {
          gsize end = MAX (last->offset + last->length, span->offset + span->length);

          if (last->claim < 0 && span->claim >= 0 && span->offset == last->offset)
            {
              last->discrepancy = span->discrepancy;
              last->discrepancy_id = span->discrepancy_id;
              last->claim = span->claim;
            }
          last->length = end - last->offset;
          continue;
        }

      g_array_append_val (spans, *span);
    }

  return spans;
}

/**
 * dossier_discrepancy_spans_lookup:
 * @spans: (element-type DossierDiscrepancySpan): spans from
 *   dossier_discrepancy_spans_for_article()
 * @paragraph: a paragraph index
 * @offset: a byte offset in it
 *
 * Returns: (nullable): the span that covers @offset in @paragraph
 */
const DossierDiscrepancySpan *
dossier_discrepancy_spans_lookup (GArray *spans,
                                  guint   paragraph,
                                  gsize   offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (spans != NULL, NULL);

  hi = spans->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const DossierDiscrepancySpan *span = &g_array_index (spans, DossierDiscrepancySpan, mid);

      if (span->paragraph < paragraph ||
          (span->paragraph == paragraph && span->offset + span->length <= offset))
        lo = mid + 1;
      else if (span->paragraph > paragraph || span->offset > offset)
        hi = mid;
      else
        return span;
    }

  return NULL;
}

/**
 * dossier_discrepancy_uri:
 * @discrepancy_id: the id of a discrepancy
 *
 * The link a mark in the reading pane carries:
 * "dossier:discrepancy/" and the id, percent-escaped.
 *
 * Returns: (transfer full): the URI
 */
char *
dossier_discrepancy_uri (const char *discrepancy_id)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (discrepancy_id != NULL, NULL);

  escaped = g_uri_escape_string (discrepancy_id, NULL, FALSE);
  return g_strconcat (DISCREPANCY_URI_PREFIX, escaped, NULL);
}

/**
 * dossier_discrepancy_uri_parse:
 * @uri: (nullable): a URI the reading pane was asked to follow
 *
 * The opposite of dossier_discrepancy_uri(); the URI comes from a page
 * built from untrusted text, so anything unexpected is refused.
 *
 * Returns: (transfer full) (nullable): the discrepancy id, or %NULL when
 *   @uri is not a valid discrepancy link
 */
char *
dossier_discrepancy_uri_parse (const char *uri)
{
  g_autofree char *id = NULL;

  if (uri == NULL || !g_str_has_prefix (uri, DISCREPANCY_URI_PREFIX))
    return NULL;

  id = g_uri_unescape_string (uri + strlen (DISCREPANCY_URI_PREFIX), NULL);
  if (id == NULL || id[0] == '\0' || strchr (id, '/') != NULL || !g_utf8_validate (id, -1, NULL))
    return NULL;

  return g_steal_pointer (&id);
}

/**
 * dossier_discrepancy_describe:
 * @discrepancy: a discrepancy
 *
 * The one-line, translated description used wherever a discrepancy is
 * pointed at (banners, tooltips and accessible names of marks).
 *
 * Returns: (transfer full): "The sources disagree on: TOPIC"
 */
char *
dossier_discrepancy_describe (DossierDiscrepancy *discrepancy)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (discrepancy), NULL);

  /* Translators: %s is the topic of a discrepancy, e.g. "Cost of training R1" */
  return g_strdup_printf (_("The sources disagree on: %s"), dossier_discrepancy_get_topic (discrepancy));
}
