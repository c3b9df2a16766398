/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A read-only JSON tree for text that dossier_syntax_check() has accepted.
 *
 * json-glib builds a GObject-like node, a hash table and a queue for every
 * object, and spends most of a load doing so; the loader only ever walks
 * a tree once, in order, and looks a handful of members up in each
 * object.  Here a whole tree lives in one arena: nodes, member arrays and
 * the decoded strings, freed (or reused) all at once.
 */

typedef enum
{
  DOSSIER_JSON_NULL,
  DOSSIER_JSON_BOOLEAN,
  DOSSIER_JSON_NUMBER,
  DOSSIER_JSON_STRING,
  DOSSIER_JSON_ARRAY,
  DOSSIER_JSON_OBJECT,
} DossierJsonType;

typedef struct _DossierJsonNode DossierJsonNode;
typedef struct _DossierJsonMember DossierJsonMember;
typedef struct _DossierJsonTree DossierJsonTree;

struct _DossierJsonNode
{
  DossierJsonType type;
  guint length;                 /* elements of an array, members of an object */
  union
  {
    gboolean boolean;
    double number;
    const char *string;         /* NUL-terminated, decoded */
    const DossierJsonNode *elements;
    const DossierJsonMember *members;
  };
};

struct _DossierJsonMember
{
  const char *name;
  DossierJsonNode value;
};

DossierJsonTree       *dossier_json_tree_new        (void);
void                   dossier_json_tree_free       (DossierJsonTree       *tree);
const DossierJsonNode *dossier_json_tree_parse      (DossierJsonTree       *tree,
                                                     const char            *data,
                                                     gsize                  length);

const DossierJsonNode *dossier_json_object_get      (const DossierJsonNode *object,
                                                     const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierJsonTree, dossier_json_tree_free)

G_END_DECLS
