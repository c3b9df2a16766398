/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "dossier-entity.h"
#include "dossier-event-private.h"
#include "dossier-source.h"
#include "dossier-list-private.h"

struct _DossierEvent
{
  GObject parent_instance;

  char *id;
  DossierDate *date;
  char *title;
  char *summary;
  DossierEventCategory category;
  GListModel *entities;
  GListModel *sources;
};

G_DEFINE_FINAL_TYPE (DossierEvent, dossier_event, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (DossierEventCategory, dossier_event_category,
  G_DEFINE_ENUM_VALUE (DOSSIER_EVENT_CATEGORY_RELEASE, "release"),
  G_DEFINE_ENUM_VALUE (DOSSIER_EVENT_CATEGORY_MARKET, "market"),
  G_DEFINE_ENUM_VALUE (DOSSIER_EVENT_CATEGORY_REACTION, "reaction"),
  G_DEFINE_ENUM_VALUE (DOSSIER_EVENT_CATEGORY_INVESTMENT, "investment"),
  G_DEFINE_ENUM_VALUE (DOSSIER_EVENT_CATEGORY_POLICY, "policy"),
  G_DEFINE_ENUM_VALUE (DOSSIER_EVENT_CATEGORY_COMPANY, "company"))

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_CATEGORY,
  PROP_ENTITIES,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *name;
  const char *label;
} categories[DOSSIER_N_EVENT_CATEGORIES] = {
  /* Translators: a category of events: products and models released */
  [DOSSIER_EVENT_CATEGORY_RELEASE] = { "release", NC_("event category", "Release") },
  /* Translators: a category of events: stock market moves */
  [DOSSIER_EVENT_CATEGORY_MARKET] = { "market", NC_("event category", "Market") },
  /* Translators: a category of events: what people and companies said */
  [DOSSIER_EVENT_CATEGORY_REACTION] = { "reaction", NC_("event category", "Reaction") },
  /* Translators: a category of events: money invested */
  [DOSSIER_EVENT_CATEGORY_INVESTMENT] = { "investment", NC_("event category", "Investment") },
  /* Translators: a category of events: laws, bans, export controls */
  [DOSSIER_EVENT_CATEGORY_POLICY] = { "policy", NC_("event category", "Policy") },
  /* Translators: a category of events: a company's own news */
  [DOSSIER_EVENT_CATEGORY_COMPANY] = { "company", NC_("event category", "Company") },
};

/* Returns: the name the format uses, e.g. "release" */
const char *
dossier_event_category_to_string (DossierEventCategory category)
{
  g_return_val_if_fail ((guint) category < DOSSIER_N_EVENT_CATEGORIES, NULL);

  return categories[category].name;
}

/* Returns: the translated name of the category, for display */
const char *
dossier_event_category_get_label (DossierEventCategory category)
{
  g_return_val_if_fail ((guint) category < DOSSIER_N_EVENT_CATEGORIES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "event category", categories[category].label);
}

gboolean
dossier_event_category_from_string (const char           *str,
                                    DossierEventCategory *category)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < DOSSIER_N_EVENT_CATEGORIES; i++)
    {
      if (g_str_equal (str, categories[i].name))
        {
          if (category != NULL)
            *category = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
dossier_event_dispose (GObject *object)
{
  DossierEvent *self = (DossierEvent *) object;

  g_clear_object (&self->entities);
  g_clear_object (&self->sources);

  G_OBJECT_CLASS (dossier_event_parent_class)->dispose (object);
}

static void
dossier_event_finalize (GObject *object)
{
  DossierEvent *self = (DossierEvent *) object;

  g_free (self->id);
  g_clear_pointer (&self->date, dossier_date_free);
  g_free (self->title);
  g_free (self->summary);

  G_OBJECT_CLASS (dossier_event_parent_class)->finalize (object);
}

static void
dossier_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierEvent *self = DOSSIER_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_ENTITIES:
      g_value_set_object (value, self->entities);
      break;
    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_event_class_init (DossierEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = dossier_event_dispose;
  object_class->finalize = dossier_event_finalize;
  object_class->get_property = dossier_event_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, DOSSIER_TYPE_DATE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, DOSSIER_TYPE_EVENT_CATEGORY,
                       DOSSIER_EVENT_CATEGORY_RELEASE, flags);
  properties[PROP_ENTITIES] =
    g_param_spec_object ("entities", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_event_init (DossierEvent *self)
{
}

DossierEvent *
dossier_event_new (const char           *id,
                   const DossierDate    *date,
                   const char           *title,
                   const char           *summary,
                   DossierEventCategory  category,
                   GPtrArray            *entities,
                   GPtrArray            *sources)
{
  DossierEvent *self = g_object_new (DOSSIER_TYPE_EVENT, NULL);

  self->id = g_strdup (id);
  self->date = date ? dossier_date_copy (date) : NULL;
  self->title = g_strdup (title);
  self->summary = g_strdup (summary);
  self->category = category;
  self->entities = dossier_list_new (DOSSIER_TYPE_ENTITY, entities);
  self->sources = dossier_list_new (DOSSIER_TYPE_SOURCE, sources);

  return self;
}

const char *
dossier_event_get_id (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  return self->id;
}

const char *
dossier_event_get_title (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  return self->title;
}

/* Returns: (nullable): the summary, or %NULL if the dossier has none */
const char *
dossier_event_get_summary (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  return self->summary;
}

DossierEventCategory
dossier_event_get_category (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), DOSSIER_EVENT_CATEGORY_RELEASE);

  return self->category;
}

/* Returns: the date, never %NULL in a loaded store */
const DossierDate *
dossier_event_get_date (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  return self->date;
}

/* Returns: (transfer none): the DossierEntity items involved */
GListModel *
dossier_event_get_entities (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  return G_LIST_MODEL (self->entities);
}

/* Returns: (transfer none): the DossierSource items, at least one */
GListModel *
dossier_event_get_sources (DossierEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT (self), NULL);

  return G_LIST_MODEL (self->sources);
}
