/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierStore: a loaded dossier.  Everything the views show comes from
 * here: each collection as a GListModel, items by id, and the questions
 * the views ask ("the events of this entity", "the articles that mention
 * it", "the discrepancies about this event"), all answered from indexes
 * built once, at load time or when first needed; each answer's list is
 * made the first time it is asked for, then kept.  A store and its items
 * never change after loading, so the list models never emit
 * ::items-changed; every GListModel returned is owned by the store
 * (transfer none) and lives as long as it.
 *
 * Loading checks the whole file against the format ("dossier/1", see
 * notes/format-spec.md): any input, whatever its bytes, size or shape, gives
 * either a complete store or an error with a list of problems, never a
 * partly-filled store.  In particular:
 *
 *  - a file over 128 MiB is refused before it is read in full;
 *  - the text must be UTF-8 without a byte order mark (a BOM is reported:
 *    "the file starts with a byte order mark; save it as UTF-8 without
 *    BOM"), without NUL bytes, and strictly JSON (no comments, no trailing
 *    commas, nothing after the root value); syntax problems have a line and
 *    column;
 *  - nesting deeper than 64 levels, an array of more than 1,000,000
 *    elements, more than 4,000,000 values in all and strings over 1 MiB are
 *    refused;
 *  - every problem with the content is reported with the path of the
 *    offending value, up to 100 problems, followed by a last one saying
 *    "too many problems, stopping";
 *  - a missing or wrong "format" is reported; a wrong one stops the check,
 *    since the rest would be read against the wrong rules;
 *  - unknown keys are ignored; when a key appears twice in one object, the
 *    last one counts (as in json-glib).
 *
 * Mentions are found in article bodies (not titles) by entity name and
 * aliases, whole-word and ignoring case; see dossier-matcher-private.h for
 * the details.  Where two entities share a name, the first entity in the
 * file gets the mentions; an entity's name wins over another's alias.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-load-progress.h"

#include "dossier-article.h"
#include "dossier-discrepancy.h"
#include "dossier-entity.h"
#include "dossier-event.h"
#include "dossier-mention.h"
#include "dossier-problem.h"
#include "dossier-relation.h"

G_BEGIN_DECLS

#define DOSSIER_MAX_FILE_SIZE (128 * 1024 * 1024)

#define DOSSIER_LOAD_ERROR (dossier_load_error_quark ())

typedef enum
{
  DOSSIER_LOAD_ERROR_IO,
  DOSSIER_LOAD_ERROR_TOO_LARGE,
  DOSSIER_LOAD_ERROR_SYNTAX,
  DOSSIER_LOAD_ERROR_INVALID,
} DossierLoadError;

GQuark dossier_load_error_quark (void);

#define DOSSIER_TYPE_STORE (dossier_store_get_type ())

G_DECLARE_FINAL_TYPE (DossierStore, dossier_store, DOSSIER, STORE, GObject)

DossierStore       *dossier_store_new_empty             (void);
DossierStore       *dossier_store_load_bytes            (GBytes              *bytes,
                                                         GPtrArray          **problems,
                                                         GError             **error);
DossierStore       *dossier_store_load_file             (GFile               *file,
                                                         GCancellable        *cancellable,
                                                         GPtrArray          **problems,
                                                         GError             **error);
void                dossier_store_load_file_async       (GFile               *file,
                                                         DossierLoadProgress *progress,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
DossierStore       *dossier_store_load_file_finish      (GAsyncResult        *result,
                                                         GPtrArray          **problems,
                                                         GError             **error);
DossierStore       *dossier_store_load_resource         (const char          *resource_path,
                                                         GPtrArray          **problems,
                                                         GError             **error);

const char         *dossier_store_get_id                (DossierStore *self);
const char         *dossier_store_get_title             (DossierStore *self);
const char         *dossier_store_get_description       (DossierStore *self);
const char         *dossier_store_get_language          (DossierStore *self);

GListModel         *dossier_store_get_articles          (DossierStore *self);
GListModel         *dossier_store_get_entities          (DossierStore *self);
GListModel         *dossier_store_get_events            (DossierStore *self);
GListModel         *dossier_store_get_relations         (DossierStore *self);
GListModel         *dossier_store_get_discrepancies     (DossierStore *self);

DossierArticle     *dossier_store_lookup_article        (DossierStore *self,
                                                         const char   *id);
DossierEntity      *dossier_store_lookup_entity         (DossierStore *self,
                                                         const char   *id);
DossierEvent       *dossier_store_lookup_event          (DossierStore *self,
                                                         const char   *id);
DossierRelation    *dossier_store_lookup_relation       (DossierStore *self,
                                                         const char   *id);
DossierDiscrepancy *dossier_store_lookup_discrepancy    (DossierStore *self,
                                                         const char   *id);

GListModel *dossier_store_get_entity_events             (DossierStore       *self,
                                                         DossierEntity      *entity);
GListModel *dossier_store_get_entity_relations          (DossierStore       *self,
                                                         DossierEntity      *entity);
GListModel *dossier_store_get_entity_mentions           (DossierStore       *self,
                                                         DossierEntity      *entity);
GListModel *dossier_store_get_entity_articles           (DossierStore       *self,
                                                         DossierEntity      *entity);
GListModel *dossier_store_get_entity_discrepancies      (DossierStore       *self,
                                                         DossierEntity      *entity);

GListModel *dossier_store_get_article_mentions          (DossierStore       *self,
                                                         DossierArticle     *article);
GListModel *dossier_store_get_article_entities          (DossierStore       *self,
                                                         DossierArticle     *article);
GListModel *dossier_store_get_article_events            (DossierStore       *self,
                                                         DossierArticle     *article);
GListModel *dossier_store_get_article_relations         (DossierStore       *self,
                                                         DossierArticle     *article);
GListModel *dossier_store_get_article_discrepancies     (DossierStore       *self,
                                                         DossierArticle     *article);

GListModel *dossier_store_get_event_discrepancies       (DossierStore       *self,
                                                         DossierEvent       *event);
GListModel *dossier_store_get_relation_discrepancies    (DossierStore       *self,
                                                         DossierRelation    *relation);

G_END_DECLS
