/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "dossier-article-private.h"

/* A headline-length cut for the first sentence of an untitled article */
#define MAX_DISPLAY_TITLE 160

struct _DossierArticle
{
  GObject parent_instance;

  char *id;
  char *title;
  char *display_title;
  char *outlet;
  char *author;
  DossierDate *published;
  char *url;
  char *origin;
  GStrv body;
  guint n_paragraphs;
  char *notes;
};

G_DEFINE_FINAL_TYPE (DossierArticle, dossier_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DISPLAY_TITLE,
  PROP_HAS_TITLE,
  PROP_OUTLET,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_URL,
  PROP_ORIGIN,
  PROP_BODY,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_article_finalize (GObject *object)
{
  DossierArticle *self = (DossierArticle *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->display_title);
  g_free (self->outlet);
  g_free (self->author);
  g_clear_pointer (&self->published, dossier_date_free);
  g_free (self->url);
  g_free (self->origin);
  g_strfreev (self->body);
  g_free (self->notes);

  G_OBJECT_CLASS (dossier_article_parent_class)->finalize (object);
}

static void
dossier_article_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, self->display_title);
      break;
    case PROP_HAS_TITLE:
      g_value_set_boolean (value, self->title != NULL);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    case PROP_BODY:
      g_value_set_boxed (value, self->body);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_class_init (DossierArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = dossier_article_finalize;
  object_class->get_property = dossier_article_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_TITLE] = g_param_spec_string ("display-title", NULL, NULL, NULL, flags);
  properties[PROP_HAS_TITLE] = g_param_spec_boolean ("has-title", NULL, NULL, FALSE, flags);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL, DOSSIER_TYPE_DATE, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, flags);
  properties[PROP_BODY] = g_param_spec_boxed ("body", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_article_init (DossierArticle *self)
{
}

/* The first sentence of the first non-empty paragraph, cut at a word
 * boundary if it is too long for a headline. */
static char *
first_sentence (const char * const *body)
{
  const char *text = NULL;
  const char *end;

  for (guint i = 0; body[i] != NULL && text == NULL; i++)
    {
      const char *p = body[i];

      while (g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p != '\0')
        text = p;
    }
  if (text == NULL)
    return g_strdup ("");

  for (end = text; *end != '\0'; end++)
    if (strchr (".!?", *end) != NULL && (end[1] == ' ' || end[1] == '\0'))
      {
        end++;
        break;
      }

  if (end - text > MAX_DISPLAY_TITLE)
    {
      const char *cut = g_utf8_find_prev_char (text, text + MAX_DISPLAY_TITLE);
      const char *space = g_strrstr_len (text, cut - text, " ");
      g_autofree char *head = g_strndup (text, (space ? space : cut) - text);

      return g_strconcat (head, "…", NULL);
    }

  return g_strndup (text, end - text);
}

DossierArticle *
dossier_article_new (const char         *id,
                     const char         *title,
                     const char         *outlet,
                     const char         *author,
                     const DossierDate  *published,
                     const char         *url,
                     const char         *origin,
                     const char * const *body,
                     const char         *notes)
{
  DossierArticle *self = g_object_new (DOSSIER_TYPE_ARTICLE, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->outlet = g_strdup (outlet);
  self->author = g_strdup (author);
  self->published = published ? dossier_date_copy (published) : NULL;
  self->url = g_strdup (url);
  self->origin = g_strdup (origin);
  self->body = body ? g_strdupv ((char **) body) : g_new0 (char *, 1);
  self->n_paragraphs = g_strv_length (self->body);
  self->notes = g_strdup (notes);
  self->display_title = title ? g_strdup (title) : first_sentence ((const char * const *) self->body);

  return self;
}

const char *
dossier_article_get_id (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->id;
}

/* Returns: (nullable): the headline, or %NULL if the text has none */
const char *
dossier_article_get_title (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->title;
}

/* Returns: the headline or, for an article without one, its first
 * sentence (cut with "…" when long); check dossier_article_has_title() to
 * mark the latter as such in the UI */
const char *
dossier_article_get_display_title (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->display_title;
}

gboolean
dossier_article_has_title (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), FALSE);

  return self->title != NULL;
}

/* Returns: (nullable): the outlet, or %NULL if unknown */
const char *
dossier_article_get_outlet (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->outlet;
}

/* Returns: (nullable): the author, or %NULL if unknown */
const char *
dossier_article_get_author (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->author;
}

/* Returns: (nullable): the publication date, or %NULL if unknown */
const DossierDate *
dossier_article_get_published (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->published;
}

/* Returns: (nullable): an http(s) URL, or %NULL */
const char *
dossier_article_get_url (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->url;
}

/* Returns: (nullable): where the text came from, e.g. a seed file name */
const char *
dossier_article_get_origin (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->origin;
}

/* Returns: (nullable): editorial notes */
const char *
dossier_article_get_notes (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->notes;
}

/**
 * dossier_article_get_body:
 * @n_paragraphs: (out) (optional): the number of paragraphs
 *
 * Returns: (transfer none): the paragraphs, %NULL-terminated
 */
const char * const *
dossier_article_get_body (DossierArticle *self,
                          guint          *n_paragraphs)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  if (n_paragraphs != NULL)
    *n_paragraphs = self->n_paragraphs;

  return (const char * const *) self->body;
}
