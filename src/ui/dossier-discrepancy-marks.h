/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Where discrepancies meet the text of an article, without GTK: the
 * passages of an article that a discrepancy quotes (for the reading pane to
 * mark), and the "dossier:discrepancy/ID" links those marks carry.
 */
#pragma once

#include <glib.h>

#include "dossier-model.h"

G_BEGIN_DECLS

/* A quoted passage of an article that takes part in a discrepancy.  The
 * strings and the discrepancy are borrowed from the store and live as long
 * as it does. */
typedef struct
{
  guint paragraph;             /* index into the article's body */
  gsize offset;                /* byte offset in that paragraph */
  gsize length;                /* byte length, > 0 */
  const char *discrepancy_id;
  DossierDiscrepancy *discrepancy;
  int claim;                   /* index of the claim quoting it, or -1 when
                                * the resolution quotes it */
} DossierDiscrepancySpan;

GArray     *dossier_discrepancy_spans_for_article (DossierStore       *store,
                                                   DossierArticle     *article);
const DossierDiscrepancySpan *
            dossier_discrepancy_spans_lookup      (GArray             *spans,
                                                   guint               paragraph,
                                                   gsize               offset);

char       *dossier_discrepancy_uri               (const char         *discrepancy_id);
char       *dossier_discrepancy_uri_parse         (const char         *uri);

char       *dossier_discrepancy_describe          (DossierDiscrepancy *discrepancy);

G_END_DECLS
