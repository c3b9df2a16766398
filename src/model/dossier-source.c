/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "dossier-source-private.h"

struct _DossierSource
{
  GObject parent_instance;

  DossierArticle *article;
  /* The quote is the paragraph's bytes at offset: copied out the first
   * time it is asked for, not for each of the tens of thousands of
   * sources a large dossier has (set once, atomically: the store can be
   * read from any thread) */
  char *quote;
  char *reference;
  char *url;

  /* 32 bits are enough (a dossier has at most 128 MiB) and make a source,
   * of which a dossier has tens of thousands, a smaller malloc block */
  guint32 paragraph;
  guint32 offset;
  guint32 length;
};

G_DEFINE_FINAL_TYPE (DossierSource, dossier_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IS_REFERENCE,
  PROP_ARTICLE,
  PROP_QUOTE,
  PROP_PARAGRAPH,
  PROP_OFFSET,
  PROP_LENGTH,
  PROP_REFERENCE,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_source_dispose (GObject *object)
{
  DossierSource *self = (DossierSource *) object;

  g_clear_object (&self->article);

  G_OBJECT_CLASS (dossier_source_parent_class)->dispose (object);
}

static void
dossier_source_finalize (GObject *object)
{
  DossierSource *self = (DossierSource *) object;

  g_free (self->quote);
  g_free (self->reference);
  g_free (self->url);

  G_OBJECT_CLASS (dossier_source_parent_class)->finalize (object);
}

static void
dossier_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierSource *self = DOSSIER_SOURCE (object);

  switch (prop_id)
    {
    case PROP_IS_REFERENCE:
      g_value_set_boolean (value, self->article == NULL);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, dossier_source_get_quote (self));
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
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_source_class_init (DossierSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = dossier_source_dispose;
  object_class->finalize = dossier_source_finalize;
  object_class->get_property = dossier_source_get_property;

  properties[PROP_IS_REFERENCE] = g_param_spec_boolean ("is-reference", NULL, NULL, FALSE, flags);
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, DOSSIER_TYPE_ARTICLE, flags);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, flags);
  properties[PROP_PARAGRAPH] = g_param_spec_uint ("paragraph", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_OFFSET] = g_param_spec_uint64 ("offset", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_LENGTH] = g_param_spec_uint64 ("length", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_source_init (DossierSource *self)
{
}

/* @quote is what @article's body holds at @paragraph, @offset, as the
 * loader found it there: the source keeps where, not a copy. */
DossierSource *
dossier_source_new_quote (DossierArticle *article,
                          const char     *quote,
                          guint           paragraph,
                          gsize           offset)
{
  DossierSource *self = g_object_new (DOSSIER_TYPE_SOURCE, NULL);

  self->article = g_object_ref (article);
  self->paragraph = paragraph;
  self->offset = offset;
  self->length = strlen (quote);

  return self;
}

DossierSource *
dossier_source_new_reference (const char *reference,
                              const char *url)
{
  DossierSource *self = g_object_new (DOSSIER_TYPE_SOURCE, NULL);

  self->reference = g_strdup (reference);
  self->url = g_strdup (url);

  return self;
}

/* Returns: %TRUE for a public-record reference, %FALSE for a quote */
gboolean
dossier_source_is_reference (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), FALSE);

  return self->article == NULL;
}

/* Returns: (transfer none) (nullable): the quoted article, %NULL for a reference */
DossierArticle *
dossier_source_get_article (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->article;
}

/* Returns: (nullable): the verbatim quote, %NULL for a reference */
const char *
dossier_source_get_quote (DossierSource *self)
{
  char *quote;

  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  if (self->article == NULL)
    return NULL;

  quote = g_atomic_pointer_get (&self->quote);
  if (quote == NULL)
    {
      const char * const *body = dossier_article_get_body (self->article, NULL);

      quote = g_strndup (body[self->paragraph] + self->offset, self->length);
      if (!g_atomic_pointer_compare_and_exchange (&self->quote, NULL, quote))
        {
          g_free (quote);
          quote = g_atomic_pointer_get (&self->quote);
        }
    }

  return quote;
}

/* Returns: the index of the body paragraph holding the quote */
guint
dossier_source_get_paragraph (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), 0);

  return self->paragraph;
}

/* Returns: the byte offset of the quote in its paragraph */
gsize
dossier_source_get_offset (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), 0);

  return self->offset;
}

/* Returns: the length of the quote in bytes, 0 for a reference */
gsize
dossier_source_get_length (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), 0);

  return self->length;
}

/* Returns: (nullable): the public-record text, %NULL for a quote */
const char *
dossier_source_get_reference (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->reference;
}

/* Returns: (nullable): the URL of a reference, if it has one; for a quote,
 * that of its article */
const char *
dossier_source_get_url (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  if (self->article != NULL)
    return dossier_article_get_url (self->article);

  return self->url;
}
