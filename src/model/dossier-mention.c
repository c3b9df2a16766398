/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "dossier-mention-private.h"

struct _DossierMention
{
  GObject parent_instance;

  DossierArticle *article;
  DossierEntity *entity;
  guint paragraph;
  gsize offset;
  gsize length;
};

G_DEFINE_FINAL_TYPE (DossierMention, dossier_mention, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_ENTITY,
  PROP_PARAGRAPH,
  PROP_OFFSET,
  PROP_LENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_mention_dispose (GObject *object)
{
  DossierMention *self = (DossierMention *) object;

  g_clear_object (&self->article);
  g_clear_object (&self->entity);

  G_OBJECT_CLASS (dossier_mention_parent_class)->dispose (object);
}

static void
dossier_mention_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierMention *self = DOSSIER_MENTION (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
      break;
    case PROP_PARAGRAPH:
      g_value_set_uint (value, self->paragraph);
      break;
    case PROP_OFFSET:
      g_value_set_uint64 (value, self->offset);
      break;
    case PROP_LENGTH:
      g_value_set_uint64 (value, self->length);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_mention_class_init (DossierMentionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = dossier_mention_dispose;
  object_class->get_property = dossier_mention_get_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, DOSSIER_TYPE_ARTICLE, flags);
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, DOSSIER_TYPE_ENTITY, flags);
  properties[PROP_PARAGRAPH] = g_param_spec_uint ("paragraph", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_OFFSET] = g_param_spec_uint64 ("offset", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_LENGTH] = g_param_spec_uint64 ("length", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_mention_init (DossierMention *self)
{
}

DossierMention *
dossier_mention_new (DossierArticle *article,
                     DossierEntity  *entity,
                     guint           paragraph,
                     gsize           offset,
                     gsize           length)
{
  DossierMention *self = g_object_new (DOSSIER_TYPE_MENTION, NULL);

  self->article = g_object_ref (article);
  self->entity = g_object_ref (entity);
  self->paragraph = paragraph;
  self->offset = offset;
  self->length = length;

  return self;
}

/* Returns: (transfer none): the article whose body names the entity */
DossierArticle *
dossier_mention_get_article (DossierMention *self)
{
  g_return_val_if_fail (DOSSIER_IS_MENTION (self), NULL);

  return self->article;
}

/* Returns: (transfer none): the entity named */
DossierEntity *
dossier_mention_get_entity (DossierMention *self)
{
  g_return_val_if_fail (DOSSIER_IS_MENTION (self), NULL);

  return self->entity;
}

/* Returns: the index of the body paragraph */
guint
dossier_mention_get_paragraph (DossierMention *self)
{
  g_return_val_if_fail (DOSSIER_IS_MENTION (self), 0);

  return self->paragraph;
}

/* Returns: the byte offset of the name in the original paragraph */
gsize
dossier_mention_get_offset (DossierMention *self)
{
  g_return_val_if_fail (DOSSIER_IS_MENTION (self), 0);

  return self->offset;
}

/* Returns: the length in bytes of the name as written in the paragraph
 * (which may differ from the length of the entity's name, e.g. "STRASSE"
 * for "Straße") */
gsize
dossier_mention_get_length (DossierMention *self)
{
  g_return_val_if_fail (DOSSIER_IS_MENTION (self), 0);

  return self->length;
}
