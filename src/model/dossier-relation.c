/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "dossier-relation-private.h"
#include "dossier-source.h"
#include "dossier-list-private.h"

struct _DossierRelation
{
  GObject parent_instance;

  char *id;
  DossierEntity *from;
  DossierEntity *to;
  char *type;
  char *summary;
  DossierDate *since;
  DossierDate *until;
  GListModel *sources;
};

G_DEFINE_FINAL_TYPE (DossierRelation, dossier_relation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FROM,
  PROP_TO,
  PROP_RELATION_TYPE,
  PROP_SUMMARY,
  PROP_SINCE,
  PROP_UNTIL,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The types and their labels, in the order of the format spec.  Labels are
 * verb phrases read between the two entity names: "OpenAI competes with
 * DeepSeek". */
static const char * const types[] = {
  "subsidiary-of", "founded", "leads", "works-for", "invests-in",
  "partners-with", "competes-with", "supplies", "develops", "uses",
  "restricts", "praises", "criticizes", "accuses", "replicates", "studies",
  NULL
};

static const char * const labels[] = {
  /* Translators: a relation type, read "A is a subsidiary of B" */
  NC_("relation type", "is a subsidiary of"),
  /* Translators: a relation type, read "A founded B" */
  NC_("relation type", "founded"),
  /* Translators: a relation type, read "A leads B" */
  NC_("relation type", "leads"),
  /* Translators: a relation type, read "A works for B" */
  NC_("relation type", "works for"),
  /* Translators: a relation type, read "A invests in B" */
  NC_("relation type", "invests in"),
  /* Translators: a relation type, read "A partners with B" */
  NC_("relation type", "partners with"),
  /* Translators: a relation type, read "A competes with B" */
  NC_("relation type", "competes with"),
  /* Translators: a relation type, read "A supplies B" */
  NC_("relation type", "supplies"),
  /* Translators: a relation type, read "A develops B" (e.g. a product) */
  NC_("relation type", "develops"),
  /* Translators: a relation type, read "A uses B" */
  NC_("relation type", "uses"),
  /* Translators: a relation type, read "A restricts B" (e.g. export controls) */
  NC_("relation type", "restricts"),
  /* Translators: a relation type, read "A praises B" */
  NC_("relation type", "praises"),
  /* Translators: a relation type, read "A criticizes B" */
  NC_("relation type", "criticizes"),
  /* Translators: a relation type, read "A accuses B" */
  NC_("relation type", "accuses"),
  /* Translators: a relation type, read "A replicates B" (reproduces its work) */
  NC_("relation type", "replicates"),
  /* Translators: a relation type, read "A studies B" */
  NC_("relation type", "studies"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (types) == G_N_ELEMENTS (labels) + 1);

/* Returns: (transfer none): the %NULL-terminated list of known types */
const char * const *
dossier_relation_types (void)
{
  return types;
}

static int
type_index (const char *type)
{
  for (guint i = 0; types[i] != NULL; i++)
    if (g_str_equal (type, types[i]))
      return i;

  return -1;
}

gboolean
dossier_relation_type_is_known (const char *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  return type_index (type) >= 0;
}

/* Returns: the translated verb phrase for @type, or @type itself if the
 * type is not known */
const char *
dossier_relation_type_get_label (const char *type)
{
  int i;

  g_return_val_if_fail (type != NULL, NULL);

  i = type_index (type);
  if (i < 0)
    return type;

  return g_dpgettext2 (GETTEXT_PACKAGE, "relation type", labels[i]);
}

static void
dossier_relation_dispose (GObject *object)
{
  DossierRelation *self = (DossierRelation *) object;

  g_clear_object (&self->from);
  g_clear_object (&self->to);
  g_clear_object (&self->sources);

  G_OBJECT_CLASS (dossier_relation_parent_class)->dispose (object);
}

static void
dossier_relation_finalize (GObject *object)
{
  DossierRelation *self = (DossierRelation *) object;

  g_free (self->id);
  g_free (self->type);
  g_free (self->summary);
  g_clear_pointer (&self->since, dossier_date_free);
  g_clear_pointer (&self->until, dossier_date_free);

  G_OBJECT_CLASS (dossier_relation_parent_class)->finalize (object);
}

static void
dossier_relation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierRelation *self = DOSSIER_RELATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_FROM:
      g_value_set_object (value, self->from);
      break;
    case PROP_TO:
      g_value_set_object (value, self->to);
      break;
    case PROP_RELATION_TYPE:
      g_value_set_string (value, self->type);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_SINCE:
      g_value_set_boxed (value, self->since);
      break;
    case PROP_UNTIL:
      g_value_set_boxed (value, self->until);
      break;
    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_relation_class_init (DossierRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = dossier_relation_dispose;
  object_class->finalize = dossier_relation_finalize;
  object_class->get_property = dossier_relation_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_FROM] = g_param_spec_object ("from", NULL, NULL, DOSSIER_TYPE_ENTITY, flags);
  properties[PROP_TO] = g_param_spec_object ("to", NULL, NULL, DOSSIER_TYPE_ENTITY, flags);
  properties[PROP_RELATION_TYPE] = g_param_spec_string ("relation-type", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_SINCE] = g_param_spec_boxed ("since", NULL, NULL, DOSSIER_TYPE_DATE, flags);
  properties[PROP_UNTIL] = g_param_spec_boxed ("until", NULL, NULL, DOSSIER_TYPE_DATE, flags);
  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_relation_init (DossierRelation *self)
{
}

DossierRelation *
dossier_relation_new (const char        *id,
                      DossierEntity     *from,
                      DossierEntity     *to,
                      const char        *type,
                      const char        *summary,
                      const DossierDate *since,
                      const DossierDate *until,
                      GPtrArray         *sources)
{
  DossierRelation *self = g_object_new (DOSSIER_TYPE_RELATION, NULL);

  self->id = g_strdup (id);
  g_set_object (&self->from, from);
  g_set_object (&self->to, to);
  self->type = g_strdup (type);
  self->summary = g_strdup (summary);
  self->since = since ? dossier_date_copy (since) : NULL;
  self->until = until ? dossier_date_copy (until) : NULL;
  self->sources = dossier_list_new (DOSSIER_TYPE_SOURCE, sources);

  return self;
}

const char *
dossier_relation_get_id (DossierRelation *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELATION (self), NULL);

  return self->id;
}

/* Returns: (transfer none): the entity the relation starts from */
DossierEntity *
dossier_relation_get_from (DossierRelation *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELATION (self), NULL);

  return self->from;
}

/* Returns: (transfer none): the entity the relation points to */
DossierEntity *
dossier_relation_get_to (DossierRelation *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELATION (self), NULL);

  return self->to;
}

/* Returns: the type as the format writes it, e.g. "competes-with" */
const char *
dossier_relation_get_relation_type (DossierRelation *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELATION (self), NULL);

  return self->type;
}

/* Returns: (nullable): the summary, or %NULL if the dossier has none */
const char *
dossier_relation_get_summary (DossierRelation *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELATION (self), NULL);

  return self->summary;
}

/* Returns: (nullable): when the relation began, if known */
const DossierDate *
dossier_relation_get_since (DossierRelation *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELATION (self), NULL);

  return self->since;
}

/* Returns: (nullable): when the relation ended, if it did */
const DossierDate *
dossier_relation_get_until (DossierRelation *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELATION (self), NULL);

  return self->until;
}

/* Returns: (transfer none): the DossierSource items, at least one */
GListModel *
dossier_relation_get_sources (DossierRelation *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELATION (self), NULL);

  return G_LIST_MODEL (self->sources);
}
