/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "dossier-claim-private.h"
#include "dossier-source.h"
#include "dossier-list-private.h"

struct _DossierClaim
{
  GObject parent_instance;

  char *value;
  GListModel *sources;
};

G_DEFINE_FINAL_TYPE (DossierClaim, dossier_claim, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_claim_dispose (GObject *object)
{
  DossierClaim *self = (DossierClaim *) object;

  g_clear_object (&self->sources);

  G_OBJECT_CLASS (dossier_claim_parent_class)->dispose (object);
}

static void
dossier_claim_finalize (GObject *object)
{
  DossierClaim *self = (DossierClaim *) object;

  g_free (self->value);

  G_OBJECT_CLASS (dossier_claim_parent_class)->finalize (object);
}

static void
dossier_claim_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierClaim *self = DOSSIER_CLAIM (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_claim_class_init (DossierClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = dossier_claim_dispose;
  object_class->finalize = dossier_claim_finalize;
  object_class->get_property = dossier_claim_get_property;

  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_claim_init (DossierClaim *self)
{
}

DossierClaim *
dossier_claim_new (const char *value,
                   GPtrArray  *sources)
{
  DossierClaim *self = g_object_new (DOSSIER_TYPE_CLAIM, NULL);

  self->value = g_strdup (value);
  self->sources = dossier_list_new (DOSSIER_TYPE_SOURCE, sources);

  return self;
}

const char *
dossier_claim_get_value (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->value;
}

/* Returns: (transfer none): the DossierSource items, at least one */
GListModel *
dossier_claim_get_sources (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return G_LIST_MODEL (self->sources);
}
