/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-model.h"

G_BEGIN_DECLS

/* The HTML of the reading pane, built from plain strings so it can be
 * tested without WebKit or a dossier. Every string handed in is untrusted
 * and is escaped; the page carries a Content-Security-Policy that forbids
 * every load, so even a mistake here cannot fetch anything. */

/* The document URI of every page the reader loads. */
#define DOSSIER_READER_PAGE_URI "dossier-page:article"

typedef enum
{
  DOSSIER_READER_LINK_OTHER,
  DOSSIER_READER_LINK_ENTITY,
  DOSSIER_READER_LINK_EXTERNAL,
  DOSSIER_READER_LINK_DISCREPANCY,
} DossierReaderLink;

typedef struct _DossierReaderPage DossierReaderPage;

DossierReaderPage *dossier_reader_page_new            (void);
DossierReaderPage *dossier_reader_page_new_for_article (DossierStore     *store,
                                                       DossierArticle    *article);
void               dossier_reader_page_free           (DossierReaderPage *page);

void               dossier_reader_page_set_title      (DossierReaderPage *page,
                                                       const char        *title,
                                                       gboolean           is_first_sentence);
void               dossier_reader_page_set_outlet     (DossierReaderPage *page,
                                                       const char        *outlet);
void               dossier_reader_page_set_author     (DossierReaderPage *page,
                                                       const char        *author);
void               dossier_reader_page_set_date       (DossierReaderPage *page,
                                                       const char        *date);
void               dossier_reader_page_set_url        (DossierReaderPage *page,
                                                       const char        *url);
void               dossier_reader_page_set_notes      (DossierReaderPage *page,
                                                       const char        *notes);
void               dossier_reader_page_set_language   (DossierReaderPage *page,
                                                       const char        *language);
void               dossier_reader_page_add_paragraph  (DossierReaderPage *page,
                                                       const char        *text);
void               dossier_reader_page_add_mention    (DossierReaderPage *page,
                                                       guint              paragraph,
                                                       gsize              offset,
                                                       gsize              length,
                                                       const char        *entity_id,
                                                       const char        *entity_name);
void               dossier_reader_page_add_disputed   (DossierReaderPage *page,
                                                       guint              paragraph,
                                                       gsize              offset,
                                                       gsize              length,
                                                       const char        *uri,
                                                       const char        *label);
void               dossier_reader_page_set_source     (DossierReaderPage *page,
                                                       guint              paragraph,
                                                       gsize              offset,
                                                       gsize              length);
void               dossier_reader_page_set_search     (DossierReaderPage *page,
                                                       const char        *search);
void               dossier_reader_page_set_dark       (DossierReaderPage *page,
                                                       gboolean           dark);

char              *dossier_reader_page_to_html        (DossierReaderPage *page);

char              *dossier_reader_page_entity_uri     (const char        *entity_id);
DossierReaderLink  dossier_reader_page_classify_link  (const char        *uri,
                                                       char             **entity_id);
char              *dossier_reader_page_dark_script    (gboolean           dark);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierReaderPage, dossier_reader_page_free)

G_END_DECLS
