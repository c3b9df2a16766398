/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "dossier-discrepancy-private.h"
#include "dossier-entity.h"
#include "dossier-event.h"
#include "dossier-relation.h"
#include "dossier-source.h"
#include "dossier-list-private.h"

struct _DossierDiscrepancy
{
  GObject parent_instance;

  char *id;
  char *topic;
  GListModel *claims;
  char *resolution_summary;
  GListModel *resolution_sources;
  GListModel *entities;
  GListModel *events;
  GListModel *relations;
};

G_DEFINE_FINAL_TYPE (DossierDiscrepancy, dossier_discrepancy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TOPIC,
  PROP_CLAIMS,
  PROP_RESOLUTION_SUMMARY,
  PROP_RESOLUTION_SOURCES,
  PROP_ENTITIES,
  PROP_EVENTS,
  PROP_RELATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_discrepancy_dispose (GObject *object)
{
  DossierDiscrepancy *self = (DossierDiscrepancy *) object;

  g_clear_object (&self->claims);
  g_clear_object (&self->resolution_sources);
  g_clear_object (&self->entities);
  g_clear_object (&self->events);
  g_clear_object (&self->relations);

  G_OBJECT_CLASS (dossier_discrepancy_parent_class)->dispose (object);
}

static void
dossier_discrepancy_finalize (GObject *object)
{
  DossierDiscrepancy *self = (DossierDiscrepancy *) object;

  g_free (self->id);
  g_free (self->topic);
  g_free (self->resolution_summary);

  G_OBJECT_CLASS (dossier_discrepancy_parent_class)->finalize (object);
}

static void
dossier_discrepancy_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierDiscrepancy *self = DOSSIER_DISCREPANCY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;
    case PROP_CLAIMS:
      g_value_set_object (value, self->claims);
      break;
    case PROP_RESOLUTION_SUMMARY:
      g_value_set_string (value, self->resolution_summary);
      break;
    case PROP_RESOLUTION_SOURCES:
      g_value_set_object (value, self->resolution_sources);
      break;
    case PROP_ENTITIES:
      g_value_set_object (value, self->entities);
      break;
    case PROP_EVENTS:
      g_value_set_object (value, self->events);
      break;
    case PROP_RELATIONS:
      g_value_set_object (value, self->relations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_discrepancy_class_init (DossierDiscrepancyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = dossier_discrepancy_dispose;
  object_class->finalize = dossier_discrepancy_finalize;
  object_class->get_property = dossier_discrepancy_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TOPIC] = g_param_spec_string ("topic", NULL, NULL, NULL, flags);
  properties[PROP_CLAIMS] =
    g_param_spec_object ("claims", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_RESOLUTION_SUMMARY] =
    g_param_spec_string ("resolution-summary", NULL, NULL, NULL, flags);
  properties[PROP_RESOLUTION_SOURCES] =
    g_param_spec_object ("resolution-sources", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ENTITIES] =
    g_param_spec_object ("entities", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_EVENTS] =
    g_param_spec_object ("events", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_RELATIONS] =
    g_param_spec_object ("relations", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_discrepancy_init (DossierDiscrepancy *self)
{
}

DossierDiscrepancy *
dossier_discrepancy_new (const char *id,
                         const char *topic,
                         GPtrArray  *claims,
                         const char *resolution_summary,
                         GPtrArray  *resolution_sources,
                         GPtrArray  *entities,
                         GPtrArray  *events,
                         GPtrArray  *relations)
{
  DossierDiscrepancy *self = g_object_new (DOSSIER_TYPE_DISCREPANCY, NULL);

  self->id = g_strdup (id);
  self->topic = g_strdup (topic);
  self->claims = dossier_list_new (DOSSIER_TYPE_CLAIM, claims);
  self->resolution_summary = g_strdup (resolution_summary);
  self->resolution_sources = dossier_list_new (DOSSIER_TYPE_SOURCE, resolution_sources);
  self->entities = dossier_list_new (DOSSIER_TYPE_ENTITY, entities);
  self->events = dossier_list_new (DOSSIER_TYPE_EVENT, events);
  self->relations = dossier_list_new (DOSSIER_TYPE_RELATION, relations);

  return self;
}

const char *
dossier_discrepancy_get_id (DossierDiscrepancy *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (self), NULL);

  return self->id;
}

const char *
dossier_discrepancy_get_topic (DossierDiscrepancy *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (self), NULL);

  return self->topic;
}

/* Returns: (transfer none): the DossierClaim items, at least two */
GListModel *
dossier_discrepancy_get_claims (DossierDiscrepancy *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (self), NULL);

  return G_LIST_MODEL (self->claims);
}

/* Returns: (nullable): what the public record settles, or %NULL if the
 * dossier records no resolution */
const char *
dossier_discrepancy_get_resolution_summary (DossierDiscrepancy *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (self), NULL);

  return self->resolution_summary;
}

/* Returns: (transfer none): the DossierSource items of the resolution;
 * empty when there is none */
GListModel *
dossier_discrepancy_get_resolution_sources (DossierDiscrepancy *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (self), NULL);

  return G_LIST_MODEL (self->resolution_sources);
}

/* Returns: (transfer none): the DossierEntity items the dossier lists for
 * the discrepancy (see dossier_store_get_entity_discrepancies() for the
 * wider relation) */
GListModel *
dossier_discrepancy_get_entities (DossierDiscrepancy *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (self), NULL);

  return G_LIST_MODEL (self->entities);
}

/* Returns: (transfer none): the DossierEvent items the dossier lists */
GListModel *
dossier_discrepancy_get_events (DossierDiscrepancy *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (self), NULL);

  return G_LIST_MODEL (self->events);
}

/* Returns: (transfer none): the DossierRelation items the dossier lists */
GListModel *
dossier_discrepancy_get_relations (DossierDiscrepancy *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (self), NULL);

  return G_LIST_MODEL (self->relations);
}
