/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-selection.h"

/* The state the views share: which dossier is open and what the reader
 * has picked in it. Views bind to these properties instead of calling
 * into each other. */
struct _DossierSelection
{
  GObject parent_instance;

  DossierStore *store;
  DossierEntity *entity;
  DossierEvent *event;
  DossierArticle *article;
};

G_DEFINE_FINAL_TYPE (DossierSelection, dossier_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENTITY,
  PROP_EVENT,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_selection_set_item (DossierSelection *self,
                            gpointer         *field,
                            gpointer          item,
                            guint             prop_id)
{
  if (g_set_object ((GObject **) field, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
dossier_selection_dispose (GObject *object)
{
  DossierSelection *self = DOSSIER_SELECTION (object);

  g_clear_object (&self->entity);
  g_clear_object (&self->event);
  g_clear_object (&self->article);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_selection_parent_class)->dispose (object);
}

static void
dossier_selection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierSelection *self = DOSSIER_SELECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
      break;
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_selection_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DossierSelection *self = DOSSIER_SELECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      dossier_selection_set_store (self, g_value_get_object (value));
      break;
    case PROP_ENTITY:
      dossier_selection_set_entity (self, g_value_get_object (value));
      break;
    case PROP_EVENT:
      dossier_selection_set_event (self, g_value_get_object (value));
      break;
    case PROP_ARTICLE:
      dossier_selection_set_article (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_selection_class_init (DossierSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_selection_dispose;
  object_class->get_property = dossier_selection_get_property;
  object_class->set_property = dossier_selection_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOSSIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, DOSSIER_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, DOSSIER_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, DOSSIER_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_selection_init (DossierSelection *self)
{
  self->store = dossier_store_new_empty ();
}

DossierSelection *
dossier_selection_new (void)
{
  return g_object_new (DOSSIER_TYPE_SELECTION, NULL);
}

DossierStore *
dossier_selection_get_store (DossierSelection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (self), NULL);

  return self->store;
}

/* A new dossier invalidates every picked item: they belong to the old one. */
void
dossier_selection_set_store (DossierSelection *self,
                             DossierStore     *store)
{
  g_return_if_fail (DOSSIER_IS_SELECTION (self));
  g_return_if_fail (DOSSIER_IS_STORE (store));

  if (self->store == store)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  dossier_selection_set_entity (self, NULL);
  dossier_selection_set_event (self, NULL);
  dossier_selection_set_article (self, NULL);
  dossier_selection_set_item (self, (gpointer *) &self->store, store, PROP_STORE);
  g_object_thaw_notify (G_OBJECT (self));
}

DossierEntity *
dossier_selection_get_entity (DossierSelection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (self), NULL);

  return self->entity;
}

void
dossier_selection_set_entity (DossierSelection *self,
                              DossierEntity    *entity)
{
  g_return_if_fail (DOSSIER_IS_SELECTION (self));
  g_return_if_fail (entity == NULL || DOSSIER_IS_ENTITY (entity));

  dossier_selection_set_item (self, (gpointer *) &self->entity, entity, PROP_ENTITY);
}

DossierEvent *
dossier_selection_get_event (DossierSelection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (self), NULL);

  return self->event;
}

void
dossier_selection_set_event (DossierSelection *self,
                             DossierEvent     *event)
{
  g_return_if_fail (DOSSIER_IS_SELECTION (self));
  g_return_if_fail (event == NULL || DOSSIER_IS_EVENT (event));

  dossier_selection_set_item (self, (gpointer *) &self->event, event, PROP_EVENT);
}

DossierArticle *
dossier_selection_get_article (DossierSelection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (self), NULL);

  return self->article;
}

void
dossier_selection_set_article (DossierSelection *self,
                               DossierArticle   *article)
{
  g_return_if_fail (DOSSIER_IS_SELECTION (self));
  g_return_if_fail (article == NULL || DOSSIER_IS_ARTICLE (article));

  dossier_selection_set_item (self, (gpointer *) &self->article, article, PROP_ARTICLE);
}
