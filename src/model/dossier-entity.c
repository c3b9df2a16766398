/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "dossier-entity-private.h"

struct _DossierEntity
{
  GObject parent_instance;

  char *id;
  char *name;
  DossierEntityKind kind;
  GStrv aliases;
  char *description;
};

G_DEFINE_FINAL_TYPE (DossierEntity, dossier_entity, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (DossierEntityKind, dossier_entity_kind,
  G_DEFINE_ENUM_VALUE (DOSSIER_ENTITY_KIND_COMPANY, "company"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ENTITY_KIND_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ENTITY_KIND_PRODUCT, "product"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ENTITY_KIND_GOVERNMENT, "government"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ENTITY_KIND_ORGANIZATION, "organization"))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_ALIASES,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *name;
  const char *label;
} kinds[] = {
  /* Translators: a kind of entity */
  [DOSSIER_ENTITY_KIND_COMPANY] = { "company", NC_("entity kind", "Company") },
  /* Translators: a kind of entity */
  [DOSSIER_ENTITY_KIND_PERSON] = { "person", NC_("entity kind", "Person") },
  /* Translators: a kind of entity, e.g. an AI model or an app */
  [DOSSIER_ENTITY_KIND_PRODUCT] = { "product", NC_("entity kind", "Product") },
  /* Translators: a kind of entity, e.g. a state or an agency */
  [DOSSIER_ENTITY_KIND_GOVERNMENT] = { "government", NC_("entity kind", "Government") },
  /* Translators: a kind of entity, e.g. a university or a non-profit */
  [DOSSIER_ENTITY_KIND_ORGANIZATION] = { "organization", NC_("entity kind", "Organization") },
};

/* Returns: the name the format uses, e.g. "company" */
const char *
dossier_entity_kind_to_string (DossierEntityKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind].name;
}

/* Returns: the translated name of the kind, for display */
const char *
dossier_entity_kind_get_label (DossierEntityKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "entity kind", kinds[kind].label);
}

gboolean
dossier_entity_kind_from_string (const char        *str,
                                 DossierEntityKind *kind)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (str, kinds[i].name))
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
dossier_entity_finalize (GObject *object)
{
  DossierEntity *self = (DossierEntity *) object;

  g_free (self->id);
  g_free (self->name);
  g_strfreev (self->aliases);
  g_free (self->description);

  G_OBJECT_CLASS (dossier_entity_parent_class)->finalize (object);
}

static void
dossier_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierEntity *self = DOSSIER_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_entity_class_init (DossierEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = dossier_entity_finalize;
  object_class->get_property = dossier_entity_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, DOSSIER_TYPE_ENTITY_KIND,
                       DOSSIER_ENTITY_KIND_COMPANY, flags);
  properties[PROP_ALIASES] = g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_entity_init (DossierEntity *self)
{
}

DossierEntity *
dossier_entity_new (const char         *id,
                    const char         *name,
                    DossierEntityKind   kind,
                    const char * const *aliases,
                    const char         *description)
{
  DossierEntity *self = g_object_new (DOSSIER_TYPE_ENTITY, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->kind = kind;
  self->aliases = aliases != NULL ? g_strdupv ((char **) aliases) : g_new0 (char *, 1);
  self->description = g_strdup (description);

  return self;
}

const char *
dossier_entity_get_id (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return self->id;
}

const char *
dossier_entity_get_name (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return self->name;
}

DossierEntityKind
dossier_entity_get_kind (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), DOSSIER_ENTITY_KIND_COMPANY);

  return self->kind;
}

/* Returns: (nullable): the description, or %NULL if the dossier has none */
const char *
dossier_entity_get_description (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return self->description;
}

/* Returns: (transfer none): the other names, never %NULL (maybe empty) */
const char * const *
dossier_entity_get_aliases (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return (const char * const *) self->aliases;
}
