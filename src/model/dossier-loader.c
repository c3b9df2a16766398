/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-article-private.h"
#include "dossier-claim-private.h"
#include "dossier-discrepancy-private.h"
#include "dossier-entity-private.h"
#include "dossier-event-private.h"
#include "dossier-json-private.h"
#include "dossier-loader-private.h"
#include "dossier-problem-private.h"
#include "dossier-relation-private.h"
#include "dossier-source-private.h"
#include "dossier-store-private.h"
#include "dossier-syntax-private.h"
#include "dossier-text-index-private.h"
#include "dossier-util-private.h"

#define FORMAT_VERSION "dossier/1"
#define MAX_PROBLEMS 100
#define MAX_STRING_LENGTH (1024 * 1024)
#define MAX_ID_LENGTH 128

/* Where a value is: a chain of keys and indexes kept on the C stack while
 * walking the tree, turned into "events[3].entities[1]" only when there is
 * a problem to report. */
typedef struct _Path Path;
struct _Path
{
  const Path *parent;
  const char *key;      /* NULL for an array index */
  guint index;
};

#define KEY(parent, k) (&(const Path) { (parent), (k), 0 })
#define INDEX(parent, i) (&(const Path) { (parent), NULL, (i) })

typedef enum
{
  ARTICLES,
  ENTITIES,
  EVENTS,
  RELATIONS,
  DISCREPANCIES,
  N_COLLECTIONS
} Collection;

static const char * const collection_keys[N_COLLECTIONS] = {
  "articles", "entities", "events", "relations", "discrepancies",
};

typedef struct
{
  GPtrArray *problems;
  gboolean stopped;

  /* The text, and the members of its top-level object as the syntax check
   * found them: each top-level array is a stand-in "[I]" in the tree that
   * load_tree() reads, I being its member's index in the outline */
  const char *data;
  GArray *outline;      /* DossierOutlineMember */

  /* Both optional: where to say how far the load is, and whether to stop */
  DossierLoadProgress *progress;
  GCancellable *cancellable;
  gsize items_total;    /* bytes of the top-level arrays' elements */
  gsize items_done;

  /* Per collection: the items in file order (NULL where an element was
   * unusable) and id → index + 1 into them */
  GPtrArray *items[N_COLLECTIONS];
  GHashTable *ids[N_COLLECTIONS];
  /* Collections that are not arrays: references into them are not
   * checked, so one mistake does not show up as dozens */
  gboolean broken[N_COLLECTIONS];

  /* Articles whose body has a problem: quotes are not checked against them,
   * so one mistake does not show up as dozens */
  GHashTable *broken_bodies;

  /* Article → DossierTextIndex of its body, and of its body case-folded,
   * made when a quote is first looked up in it */
  GHashTable *bodies;
  GHashTable *folded_bodies;

  /* Texts made by shown() */
  GPtrArray *shown;
} Loader;

enum
{
  REQUIRED = 1 << 0,
  NON_EMPTY = 1 << 1,
  ID = 1 << 2,
  URL = 1 << 3,
};

static void
path_append (GString    *string,
             const Path *path)
{
  if (path == NULL)
    return;

  path_append (string, path->parent);
  if (path->key != NULL)
    {
      if (string->len > 0)
        g_string_append_c (string, '.');
      g_string_append (string, path->key);
    }
  else
    g_string_append_printf (string, "[%u]", path->index);
}

static void report (Loader     *self,
                    const Path *path,
                    const char *format,
                    ...) G_GNUC_PRINTF (3, 4);

static void
report (Loader     *self,
        const Path *path,
        const char *format,
        ...)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *message = NULL;
  va_list args;

  if (self->stopped)
    return;

  if (self->problems->len >= MAX_PROBLEMS)
    {
      g_ptr_array_add (self->problems,
                       dossier_problem_new ("", _("too many problems, stopping"), 0, 0));
      self->stopped = TRUE;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  path_append (where, path);
  g_ptr_array_add (self->problems, dossier_problem_new (where->str, message, 0, 0));
}

/* @value as a message shows it (see dossier_text_for_message()); owned by
 * the loader until the end of the load */
static const char *
shown (Loader     *self,
       const char *value)
{
  char *text;

  /* Nothing more is reported after the cap: nothing to keep */
  if (self->stopped)
    return "";

  text = dossier_text_for_message (value);
  g_ptr_array_add (self->shown, text);

  return text;
}

static const char *
describe (const DossierJsonNode *node)
{
  switch (node->type)
    {
    case DOSSIER_JSON_OBJECT:
      /* Translators: the kind of a JSON value, for "expected a string, found %s" */
      return _("an object");
    case DOSSIER_JSON_ARRAY:
      return _("an array");
    case DOSSIER_JSON_NULL:
      return "null";     /* a JSON keyword: not translated */
    case DOSSIER_JSON_STRING:
      return _("a string");
    case DOSSIER_JSON_BOOLEAN:
      return _("true or false");
    case DOSSIER_JSON_NUMBER:
    default:
      return _("a number");
    }
}

static gboolean
is_string (const DossierJsonNode *node)
{
  return node->type == DOSSIER_JSON_STRING;
}

static gboolean
is_valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_ID_LENGTH || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && strchr ("._-", id[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* Checks a string value found at @path against @flags.  Returns it, or NULL
 * after reporting why it cannot be used. */
static const char *
check_string (Loader     *self,
              const DossierJsonNode   *node,
              const Path *path,
              guint       flags)
{
  const char *value;

  if (!is_string (node))
    {
      /* Translators: %s is the kind of value found: "a number", "an array", "null"… */
      report (self, path, _("expected a string, found %s"), describe (node));
      return NULL;
    }

  value = node->string;
  if (strlen (value) > MAX_STRING_LENGTH)
    {
      report (self, path, _("the text is longer than 1 MiB"));
      return NULL;
    }
  if ((flags & (NON_EMPTY | ID)) && value[0] == '\0')
    {
      /* Translators: said of a value in a dossier file, e.g. a title */
      report (self, path, _("must not be empty"));
      return NULL;
    }
  /* Still usable, so that references to it do not fail too */
  if ((flags & ID) && !is_valid_id (value))
    report (self, path,
            _("\"%s\" is not a valid id: use up to 128 letters, digits, '.', '_' or '-', starting with a letter or digit"),
            shown (self, value));
  if ((flags & URL) && !g_str_has_prefix (value, "http://") && !g_str_has_prefix (value, "https://"))
    {
      report (self, path, _("\"%s\" is not a web address: it must start with http:// or https://"), shown (self, value));
      return NULL;
    }

  return value;
}

/* The member @key of @object, or NULL (reported if @flags has REQUIRED) */
static const DossierJsonNode *
get_member (Loader     *self,
            const DossierJsonNode *object,
            const Path *path,
            const char *key,
            guint       flags)
{
  const DossierJsonNode *node = dossier_json_object_get (object, key);

  if (node == NULL && (flags & REQUIRED))
    /* Translators: %s is a field name, which is not translated */
    report (self, path, _("missing required field \"%s\""), key);

  return node;
}

static const char *
get_string (Loader     *self,
            const DossierJsonNode *object,
            const Path *path,
            const char *key,
            guint       flags)
{
  const DossierJsonNode *node = get_member (self, object, path, key, flags);

  return node ? check_string (self, node, KEY (path, key), flags) : NULL;
}

static gboolean
get_boolean (Loader     *self,
             const DossierJsonNode *object,
             const Path *path,
             const char *key)
{
  const DossierJsonNode *node = get_member (self, object, path, key, 0);

  if (node == NULL)
    return FALSE;
  if (node->type != DOSSIER_JSON_BOOLEAN)
    {
      report (self, KEY (path, key), _("expected true or false, found %s"), describe (node));
      return FALSE;
    }

  return node->boolean;
}

static const DossierJsonNode *
get_array (Loader     *self,
           const DossierJsonNode *object,
           const Path *path,
           const char *key,
           guint       flags)
{
  const DossierJsonNode *node = get_member (self, object, path, key, flags);

  if (node == NULL)
    return NULL;
  if (node->type != DOSSIER_JSON_ARRAY)
    {
      report (self, KEY (path, key), _("expected an array, found %s"), describe (node));
      return NULL;
    }

  return node;
}

static const DossierJsonNode *
check_object (Loader     *self,
              const DossierJsonNode   *node,
              const Path *path)
{
  if (node->type != DOSSIER_JSON_OBJECT)
    {
      report (self, path, _("expected an object, found %s"), describe (node));
      return NULL;
    }

  return node;
}

static DossierDate *
get_date (Loader     *self,
          const DossierJsonNode *object,
          const Path *path,
          const char *key,
          guint       flags,
          gboolean    approximate)
{
  g_autoptr(GError) error = NULL;
  const char *text = get_string (self, object, path, key, flags);
  DossierDate *date;

  if (text == NULL)
    return NULL;

  date = dossier_date_parse (text, approximate, &error);
  if (date == NULL)
    report (self, KEY (path, key), "%s", error->message);

  return date;
}

static gpointer
lookup (Loader     *self,
        Collection  collection,
        const char *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->ids[collection], id));

  return index ? g_ptr_array_index (self->items[collection], index - 1) : NULL;
}

/* Resolves the id at @path (a string node) to an item of @collection */
static gpointer
resolve (Loader     *self,
         Collection  collection,
         const DossierJsonNode   *node,
         const Path *path)
{
  const char *id = check_string (self, node, path, NON_EMPTY);
  gpointer item;

  if (id == NULL)
    return NULL;

  item = lookup (self, collection, id);
  if (item != NULL || self->broken[collection])
    return item;

  switch (collection)
    {
    case ARTICLES:
      report (self, path, _("no article with id \"%s\""), shown (self, id));
      break;
    case ENTITIES:
      report (self, path, _("no entity with id \"%s\""), shown (self, id));
      break;
    case EVENTS:
      report (self, path, _("no event with id \"%s\""), shown (self, id));
      break;
    case RELATIONS:
      report (self, path, _("no relation with id \"%s\""), shown (self, id));
      break;
    case DISCREPANCIES:
    case N_COLLECTIONS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* An optional array of ids, resolved; repeated ids are kept once */
static GPtrArray *
get_references (Loader     *self,
                const DossierJsonNode *object,
                const Path *path,
                const char *key,
                Collection  collection)
{
  const DossierJsonNode *array = get_array (self, object, path, key, 0);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = array ? array->length : 0;
  /* A set, not a search of @items: a list can have a million ids */
  g_autoptr(GHashTable) seen = n > 1 ? g_hash_table_new (NULL, NULL) : NULL;

  for (guint i = 0; i < n && !self->stopped; i++)
    {
      gpointer item = resolve (self, collection, &array->elements[i],
                               INDEX (KEY (path, key), i));

      if (item != NULL && (seen == NULL || g_hash_table_add (seen, item)))
        g_ptr_array_add (items, g_object_ref (item));
    }

  return items;
}

/* Adds @item (NULL for an unusable element) at its position in the file
 * and makes its id known, unless another item of the collection has it */
static void
register_item (Loader     *self,
               Collection  collection,
               const Path *path,
               const char *id,
               gpointer    item)
{
  guint first;

  g_ptr_array_add (self->items[collection], item);
  if (id == NULL || item == NULL)
    return;

  first = GPOINTER_TO_UINT (g_hash_table_lookup (self->ids[collection], id));
  if (first != 0)
    {
      /* Translators: "%s[%u]" is a position in the file such as "entities[2]"; keep it as it is */
      report (self, KEY (path, "id"), _("duplicate id \"%s\", already used by %s[%u]"),
              shown (self, id), collection_keys[collection], first - 1);
      return;
    }

  g_hash_table_insert (self->ids[collection], (gpointer) id, GUINT_TO_POINTER (self->items[collection]->len));
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Where @quote first occurs in @article's body */
static gboolean
find_quote (Loader         *self,
            DossierArticle *article,
            const char     *quote,
            guint          *paragraph,
            gsize          *offset)
{
  DossierTextIndex *index = g_hash_table_lookup (self->bodies, article);

  if (index == NULL)
    {
      guint n_paragraphs;
      const char * const *body = dossier_article_get_body (article, &n_paragraphs);

      index = dossier_text_index_new (body, n_paragraphs);
      g_hash_table_insert (self->bodies, article, index);
    }

  return dossier_text_index_find (index, quote, paragraph, offset);
}

/* For a more helpful message when a quote is not found */
static gboolean
occurs_ignoring_case (Loader         *self,
                      DossierArticle *article,
                      const char     *quote)
{
  DossierTextIndex *index = g_hash_table_lookup (self->folded_bodies, article);
  g_autofree char *folded_quote = g_utf8_casefold (quote, -1);
  guint paragraph;
  gsize offset;

  if (index == NULL)
    {
      guint n_paragraphs;
      const char * const *body = dossier_article_get_body (article, &n_paragraphs);
      char **folded = g_new0 (char *, n_paragraphs + 1);

      for (guint i = 0; i < n_paragraphs; i++)
        folded[i] = g_utf8_casefold (body[i], -1);
      index = dossier_text_index_new_take (folded, n_paragraphs);
      g_hash_table_insert (self->folded_bodies, article, index);
    }

  /* Case folding may empty a quote of ignorable characters */
  return folded_quote[0] != '\0' && dossier_text_index_find (index, folded_quote, &paragraph, &offset);
}

static DossierSource *
read_source (Loader     *self,
             const DossierJsonNode   *node,
             const Path *path)
{
  const DossierJsonNode *object = check_object (self, node, path);
  DossierArticle *article = NULL;
  const char *quote;
  guint paragraph;
  gsize offset;
  gboolean has_article, has_quote, has_reference;

  if (object == NULL)
    return NULL;

  has_article = (dossier_json_object_get (object, "article") != NULL);
  has_quote = (dossier_json_object_get (object, "quote") != NULL);
  has_reference = (dossier_json_object_get (object, "reference") != NULL);

  if (has_reference && (has_article || has_quote))
    {
      report (self, path, _("a source has either \"article\" and \"quote\", or \"reference\", not both"));
      return NULL;
    }
  if (has_reference)
    {
      const char *reference = get_string (self, object, path, "reference", REQUIRED | NON_EMPTY);
      const char *url = get_string (self, object, path, "url", URL);

      return reference ? dossier_source_new_reference (reference, url) : NULL;
    }
  if (!has_article && !has_quote)
    {
      report (self, path, _("a source needs \"article\" and \"quote\", or \"reference\""));
      return NULL;
    }

  if (get_member (self, object, path, "article", REQUIRED))
    article = resolve (self, ARTICLES, dossier_json_object_get (object, "article"), KEY (path, "article"));
  quote = get_string (self, object, path, "quote", REQUIRED | NON_EMPTY);
  if (article == NULL || quote == NULL || g_hash_table_contains (self->broken_bodies, article))
    return NULL;

  if (find_quote (self, article, quote, &paragraph, &offset))
    return dossier_source_new_quote (article, quote, paragraph, offset);

  /* Translators: the first %s is an article id; the second is empty or the hint below */
  report (self, KEY (path, "quote"), _("the quote does not occur verbatim in any paragraph of article \"%s\"%s"),
          dossier_article_get_id (article),
          occurs_ignoring_case (self, article, quote) ? _(" (it does when ignoring case: copy it exactly)") : "");

  return NULL;
}

/* The required, non-empty array @key of sources */
static GPtrArray *
get_sources (Loader     *self,
             const DossierJsonNode *object,
             const Path *path,
             const char *key)
{
  const DossierJsonNode *array = get_array (self, object, path, key, REQUIRED);
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = array ? array->length : 0;

  if (array != NULL && n == 0)
    report (self, KEY (path, key), _("there must be at least one source"));

  for (guint i = 0; i < n && !self->stopped; i++)
    {
      DossierSource *source = read_source (self, &array->elements[i],
                                           INDEX (KEY (path, key), i));

      if (source != NULL)
        g_ptr_array_add (sources, source);
    }

  return sources;
}

static gpointer
read_article (Loader     *self,
              const DossierJsonNode *object,
              const Path *path)
{
  g_autoptr(DossierDate) published = NULL;
  g_autoptr(GPtrArray) body = g_ptr_array_new ();
  const char *id, *title, *outlet, *author, *url, *origin, *notes;
  gboolean approximate;
  gboolean broken = FALSE;
  const DossierJsonNode *array;
  DossierArticle *article;

  id = get_string (self, object, path, "id", REQUIRED | ID);
  title = get_string (self, object, path, "title", NON_EMPTY);
  outlet = get_string (self, object, path, "outlet", NON_EMPTY);
  author = get_string (self, object, path, "author", NON_EMPTY);
  approximate = get_boolean (self, object, path, "approximate");
  published = get_date (self, object, path, "published", 0, approximate);
  url = get_string (self, object, path, "url", URL);
  origin = get_string (self, object, path, "origin", 0);
  notes = get_string (self, object, path, "notes", 0);

  array = get_array (self, object, path, "body", REQUIRED);
  if (array == NULL)
    broken = TRUE;
  else if (array->length == 0)
    {
      report (self, KEY (path, "body"), _("there must be at least one paragraph"));
      broken = TRUE;
    }
  for (guint i = 0; array != NULL && i < array->length && !self->stopped; i++)
    {
      const char *paragraph = check_string (self, &array->elements[i],
                                            INDEX (KEY (path, "body"), i), 0);

      if (paragraph != NULL)
        g_ptr_array_add (body, (gpointer) paragraph);
      else
        broken = TRUE;
    }
  g_ptr_array_add (body, NULL);

  if (id == NULL)
    return NULL;

  article = dossier_article_new (id, title, outlet, author, published, url, origin,
                                 (const char * const *) body->pdata, notes);
  if (broken)
    g_hash_table_add (self->broken_bodies, article);

  return article;
}

static gpointer
read_entity (Loader     *self,
             const DossierJsonNode *object,
             const Path *path)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
  const char *id, *name, *kind_name, *description;
  DossierEntityKind kind = DOSSIER_ENTITY_KIND_COMPANY;
  const DossierJsonNode *array;

  id = get_string (self, object, path, "id", REQUIRED | ID);
  name = get_string (self, object, path, "name", REQUIRED | NON_EMPTY);
  kind_name = get_string (self, object, path, "kind", REQUIRED | NON_EMPTY);
  if (kind_name != NULL && !dossier_entity_kind_from_string (kind_name, &kind))
    report (self, KEY (path, "kind"),
            /* Translators: the kinds and categories are the format's names: do not translate them */
            _("unknown kind \"%s\"; expected company, person, product, government or organization"),
            shown (self, kind_name));
  description = get_string (self, object, path, "description", 0);

  array = get_array (self, object, path, "aliases", 0);
  for (guint i = 0; array != NULL && i < array->length && !self->stopped; i++)
    {
      const char *alias = check_string (self, &array->elements[i],
                                        INDEX (KEY (path, "aliases"), i), NON_EMPTY);

      if (alias != NULL)
        g_ptr_array_add (aliases, (gpointer) alias);
    }
  g_ptr_array_add (aliases, NULL);

  if (id == NULL)
    return NULL;

  return dossier_entity_new (id, name, kind, (const char * const *) aliases->pdata, description);
}

static gpointer
read_event (Loader     *self,
            const DossierJsonNode *object,
            const Path *path)
{
  g_autoptr(DossierDate) date = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  const char *id, *title, *summary, *category_name;
  DossierEventCategory category = DOSSIER_EVENT_CATEGORY_RELEASE;
  gboolean approximate;

  id = get_string (self, object, path, "id", REQUIRED | ID);
  approximate = get_boolean (self, object, path, "approximate");
  date = get_date (self, object, path, "date", REQUIRED, approximate);
  title = get_string (self, object, path, "title", REQUIRED | NON_EMPTY);
  summary = get_string (self, object, path, "summary", 0);
  category_name = get_string (self, object, path, "category", REQUIRED | NON_EMPTY);
  if (category_name != NULL && !dossier_event_category_from_string (category_name, &category))
    report (self, KEY (path, "category"),
            _("unknown category \"%s\"; expected release, market, reaction, investment, policy or company"),
            shown (self, category_name));
  entities = get_references (self, object, path, "entities", ENTITIES);
  sources = get_sources (self, object, path, "sources");

  if (id == NULL)
    return NULL;

  return dossier_event_new (id, date, title, summary, category, entities, sources);
}

static gpointer
read_relation (Loader     *self,
               const DossierJsonNode *object,
               const Path *path)
{
  g_autoptr(DossierDate) since = NULL;
  g_autoptr(DossierDate) until = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  DossierEntity *from = NULL, *to = NULL;
  const char *id, *type, *summary;
  gboolean approximate;

  id = get_string (self, object, path, "id", REQUIRED | ID);
  if (get_member (self, object, path, "from", REQUIRED))
    from = resolve (self, ENTITIES, dossier_json_object_get (object, "from"), KEY (path, "from"));
  if (get_member (self, object, path, "to", REQUIRED))
    to = resolve (self, ENTITIES, dossier_json_object_get (object, "to"), KEY (path, "to"));
  if (from != NULL && from == to)
    report (self, KEY (path, "to"), _("a relation cannot link an entity to itself"));

  type = get_string (self, object, path, "type", REQUIRED | NON_EMPTY);
  if (type != NULL && !dossier_relation_type_is_known (type))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) dossier_relation_types ());

      /* Translators: the second %s is the list of known types, which are not translated */
      report (self, KEY (path, "type"), _("unknown relation type \"%s\"; expected one of %s"), shown (self, type), known);
    }

  summary = get_string (self, object, path, "summary", 0);
  approximate = get_boolean (self, object, path, "approximate");
  since = get_date (self, object, path, "since", 0, approximate);
  until = get_date (self, object, path, "until", 0, approximate);
  if (since != NULL && until != NULL)
    {
      g_autoptr(GDateTime) since_start = dossier_date_get_start (since);
      g_autoptr(GDateTime) until_end = dossier_date_get_end (until);

      if (g_date_time_compare (until_end, since_start) <= 0)
        {
          g_autofree char *until_text = dossier_date_to_iso (until);
          g_autofree char *since_text = dossier_date_to_iso (since);

          /* Translators: both %s are dates such as "2025-01"; "since" is a field name */
          report (self, KEY (path, "until"), _("%s is before \"since\" (%s)"), until_text, since_text);
        }
    }
  sources = get_sources (self, object, path, "sources");

  if (id == NULL)
    return NULL;

  return dossier_relation_new (id, from, to, type, summary, since, until, sources);
}

static DossierClaim *
read_claim (Loader     *self,
            const DossierJsonNode   *node,
            const Path *path)
{
  g_autoptr(GPtrArray) sources = NULL;
  const DossierJsonNode *object = check_object (self, node, path);
  const char *value;

  if (object == NULL)
    return NULL;

  value = get_string (self, object, path, "value", REQUIRED | NON_EMPTY);
  sources = get_sources (self, object, path, "sources");

  return dossier_claim_new (value, sources);
}

static gpointer
read_discrepancy (Loader     *self,
                  const DossierJsonNode *object,
                  const Path *path)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) resolution_sources = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  const char *id, *topic, *resolution_summary = NULL;
  const DossierJsonNode *array;
  const DossierJsonNode *node;

  id = get_string (self, object, path, "id", REQUIRED | ID);
  topic = get_string (self, object, path, "topic", REQUIRED | NON_EMPTY);

  array = get_array (self, object, path, "claims", REQUIRED);
  if (array != NULL && array->length < 2)
    report (self, KEY (path, "claims"), _("a discrepancy needs at least two claims"));
  for (guint i = 0; array != NULL && i < array->length && !self->stopped; i++)
    {
      DossierClaim *claim = read_claim (self, &array->elements[i],
                                        INDEX (KEY (path, "claims"), i));

      if (claim != NULL)
        g_ptr_array_add (claims, claim);
    }

  node = get_member (self, object, path, "resolution", 0);
  if (node != NULL)
    {
      const Path *resolution_path = KEY (path, "resolution");
      const DossierJsonNode *resolution = check_object (self, node, resolution_path);

      if (resolution != NULL)
        {
          resolution_summary = get_string (self, resolution, resolution_path, "summary",
                                           REQUIRED | NON_EMPTY);
          resolution_sources = get_sources (self, resolution, resolution_path, "sources");
        }
    }

  entities = get_references (self, object, path, "entities", ENTITIES);
  events = get_references (self, object, path, "events", EVENTS);
  relations = get_references (self, object, path, "relations", RELATIONS);

  if (id == NULL)
    return NULL;

  return dossier_discrepancy_new (id, topic, claims, resolution_summary, resolution_sources,
                                  entities, events, relations);
}

typedef gpointer (*ReadFunc) (Loader     *self,
                              const DossierJsonNode *object,
                              const Path *path);

/* The id of @item of @collection, which the item keeps: the tree it was
 * read from is freed before the load ends */
static const char *
item_id (Collection collection,
         gpointer   item)
{
  switch (collection)
    {
    case ARTICLES:
      return dossier_article_get_id (item);
    case ENTITIES:
      return dossier_entity_get_id (item);
    case EVENTS:
      return dossier_event_get_id (item);
    case RELATIONS:
      return dossier_relation_get_id (item);
    case DISCREPANCIES:
    case N_COLLECTIONS:
    default:
      return dossier_discrepancy_get_id (item);
    }
}

static void
read_element (Loader     *self,
              Collection  collection,
              const DossierJsonNode   *node,
              const Path *path,
              ReadFunc    read)
{
  const DossierJsonNode *object = check_object (self, node, path);
  gpointer item = object ? read (self, object, path) : NULL;

  register_item (self, collection, path, item ? item_id (collection, item) : NULL, item);
}

/* How much of the text is read between two reports of progress and looks
 * at whether the load is cancelled */
#define BATCH_BYTES (256 * 1024)

/* Reads the elements of a top-level array one at a time, each parsed from
 * its place in the text into one reused tree: the whole file as one tree
 * would take several times its size. */
static void
read_outlined_collection (Loader     *self,
                          Collection  collection,
                          GArray     *elements,
                          ReadFunc    read)
{
  const char *key = collection_keys[collection];
  g_autoptr(DossierJsonTree) tree = dossier_json_tree_new ();
  gsize batch_start = elements->len > 0 ? g_array_index (elements, DossierSpan, 0).start : 0;

  for (guint i = 0; i < elements->len && !self->stopped; i++)
    {
      const DossierSpan *span = &g_array_index (elements, DossierSpan, i);
      const DossierJsonNode *element = dossier_json_tree_parse (tree, self->data + span->start,
                                                                span->end - span->start);

      /* The syntax check passed, so this cannot fail unless the parser
       * refuses what the check allows */
      if (element == NULL)
        {
          g_critical ("The JSON parser refused an element that the syntax check accepted");
          report (self, INDEX (KEY (NULL, key), i), _("the file could not be read as JSON"));
          return;
        }
      read_element (self, collection, element, INDEX (KEY (NULL, key), i), read);

      if (span->end - batch_start >= BATCH_BYTES || i + 1 == elements->len)
        {
          self->items_done += span->end - batch_start;
          batch_start = span->end;
          if (self->progress != NULL)
            dossier_load_progress_report (self->progress, DOSSIER_LOAD_STEP_ITEMS,
                                          (double) self->items_done / MAX (self->items_total, 1));
          /* The caller tells a cancelled load from a failed one */
          if (g_cancellable_is_cancelled (self->cancellable))
            self->stopped = TRUE;
        }
    }
}

static void
read_collection (Loader     *self,
                 const DossierJsonNode *root,
                 Collection  collection,
                 ReadFunc    read)
{
  const char *key = collection_keys[collection];
  const DossierJsonNode *array = get_array (self, root, NULL, key, 0);
  guint n = array ? array->length : 0;

  self->broken[collection] = array == NULL && (dossier_json_object_get (root, key) != NULL);

  if (array != NULL && self->outline != NULL)
    {
      guint member = (guint) array->elements[0].number;

      read_outlined_collection (self, collection,
                                g_array_index (self->outline, DossierOutlineMember, member).elements, read);
      return;
    }

  for (guint i = 0; i < n && !self->stopped; i++)
    read_element (self, collection, &array->elements[i], INDEX (KEY (NULL, key), i), read);
}

static DossierStore *
load_tree (Loader   *self,
           const DossierJsonNode *root_node)
{
  const DossierJsonNode *root;
  const DossierJsonNode *format;
  const char *id, *title, *description, *language;

  if (root_node->type != DOSSIER_JSON_OBJECT)
    {
      report (self, NULL, _("expected a JSON object at the top level, found %s"), describe (root_node));
      return NULL;
    }
  root = root_node;

  /* A file in another format would only produce a flood of confusing
   * problems, so a wrong format stops here. */
  format = get_member (self, root, NULL, "format", REQUIRED);
  if (format != NULL && (!is_string (format) || !g_str_equal (format->string, FORMAT_VERSION)))
    {
      if (is_string (format))
        report (self, KEY (NULL, "format"),
                /* Translators: both %s are format names such as "dossier/1" */
                _("unsupported format \"%s\"; this version of Dossier reads \"%s\""),
                shown (self, format->string), FORMAT_VERSION);
      else
        report (self, KEY (NULL, "format"), _("expected a string, found %s"), describe (format));
      return NULL;
    }

  id = get_string (self, root, NULL, "id", REQUIRED | ID);
  title = get_string (self, root, NULL, "title", REQUIRED | NON_EMPTY);
  description = get_string (self, root, NULL, "description", 0);
  language = get_string (self, root, NULL, "language", NON_EMPTY);

  /* In dependency order, whatever the order in the file */
  read_collection (self, root, ARTICLES, read_article);
  read_collection (self, root, ENTITIES, read_entity);
  read_collection (self, root, EVENTS, read_event);
  read_collection (self, root, RELATIONS, read_relation);
  read_collection (self, root, DISCREPANCIES, read_discrepancy);

  if (self->problems->len > 0 || g_cancellable_is_cancelled (self->cancellable))
    return NULL;

  /* Building the store's indexes is when a load takes the most memory:
   * what only the reading needed goes first */
  g_hash_table_remove_all (self->bodies);
  g_hash_table_remove_all (self->folded_bodies);
  for (guint i = 0; i < N_COLLECTIONS; i++)
    g_hash_table_remove_all (self->ids[i]);
  /* (where each element was: 3.5 MB for 10,000 articles) */
  if (self->outline != NULL)
    g_array_set_size (self->outline, 0);

  return dossier_store_new (id, title, description, language,
                            self->items[ARTICLES], self->items[ENTITIES], self->items[EVENTS],
                            self->items[RELATIONS], self->items[DISCREPANCIES], self->progress);
}

/* The length of the valid UTF-8 character at @p, or 0 if there is none
 * (as g_utf8_validate() decides: no NUL, overlong form, surrogate or code
 * point above U+10FFFF) */
static inline gsize
utf8_char_length (const guchar *p,
                  gsize         available)
{
  guchar c = p[0];

#define CONTINUATION(i) (available > (i) && (p[i] & 0xC0) == 0x80)
  if (c < 0x80)
    return c != 0;
  if (c < 0xC2)
    return 0;
  if (c < 0xE0)
    return CONTINUATION (1) ? 2 : 0;
  if (c < 0xF0)
    return CONTINUATION (1) && CONTINUATION (2) &&
           !(c == 0xE0 && p[1] < 0xA0) && !(c == 0xED && p[1] >= 0xA0) ? 3 : 0;
  if (c < 0xF5)
    return CONTINUATION (1) && CONTINUATION (2) && CONTINUATION (3) &&
           !(c == 0xF0 && p[1] < 0x90) && !(c == 0xF4 && p[1] >= 0x90) ? 4 : 0;
#undef CONTINUATION
  return 0;
}

/* g_utf8_validate_len(), eight ASCII bytes at a time where it can: most of
 * a dossier is ASCII, and GLib's loop costs about 18 instructions a byte */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const guchar *p = (const guchar *) data, *stop = p + length;

  while (p < stop)
    {
      guint64 word;
      gsize n;

      if (stop - p >= 8)
        {
          memcpy (&word, p, 8);
          /* No byte with its high bit set, and no NUL */
          if (((word | ((word - ones) & ~word)) & highs) == 0)
            {
              p += 8;
              continue;
            }
        }

      n = utf8_char_length (p, stop - p);
      if (n == 0)
        {
          *end = (const char *) p;
          return FALSE;
        }
      p += n;
    }

  *end = (const char *) stop;
  return TRUE;
}

/* Encoding problems, before anything looks at the text as JSON */
static DossierProblem *
check_encoding (const char *data,
                gsize       length)
{
  const char *end;
  int line, column;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return dossier_problem_new ("", _("the file starts with a byte order mark; save it as UTF-8 without BOM"), 1, 1);

  /* By the byte order mark or, without one, by where the NUL bytes of the
   * first (ASCII) character are, as RFC 4627 suggests */
  if (length >= 4 && (memcmp (data, "\xFF\xFE\0\0", 4) == 0 || memcmp (data, "\0\0\xFE\xFF", 4) == 0 ||
                      (data[0] != '\0' && memcmp (data + 1, "\0\0\0", 3) == 0) ||
                      (memcmp (data, "\0\0\0", 3) == 0 && data[3] != '\0')))
    return dossier_problem_new ("", _("the file is in UTF-32; save it as UTF-8"), 1, 1);

  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0 ||
                      (data[0] != '\0' && data[1] == '\0') || (data[0] == '\0' && data[1] != '\0')))
    return dossier_problem_new ("", _("the file is in UTF-16; save it as UTF-8"), 1, 1);

  if (validate_utf8 (data, length, &end))
    return NULL;

  dossier_syntax_locate (data, end, &line, &column);
  if (*end == '\0')
    return dossier_problem_new ("", _("the file contains a NUL byte; it is not a text file"), line, column);

  return dossier_problem_new ("", _("the file is not valid UTF-8 text"), line, column);
}

/* The top-level object of @data with each array that is a member's value
 * replaced by "[I]", I being the member's index in @outline */
static GString *
outline_skeleton (const char *data,
                  GArray     *outline)
{
  GString *skeleton = g_string_new ("{");

  for (guint i = 0; i < outline->len; i++)
    {
      const DossierOutlineMember *member = &g_array_index (outline, DossierOutlineMember, i);

      if (i > 0)
        g_string_append_c (skeleton, ',');
      g_string_append_len (skeleton, data + member->key.start, member->key.end - member->key.start);
      g_string_append_c (skeleton, ':');
      if (member->elements != NULL)
        g_string_append_printf (skeleton, "[%u]", i);
      else
        g_string_append_len (skeleton, data + member->value.start, member->value.end - member->value.start);
    }
  g_string_append_c (skeleton, '}');

  return skeleton;
}

/**
 * dossier_loader_load_full:
 * @progress: (nullable): where to report how far the load is
 * @cancellable: (nullable): stops the load between batches of items; the
 *   load then returns %NULL with no problem
 */
DossierStore *
dossier_loader_load_full (GBytes              *bytes,
                          GPtrArray           *problems,
                          DossierLoadProgress *progress,
                          GCancellable        *cancellable)
{
  g_autoptr(DossierJsonTree) tree = NULL;
  const DossierJsonNode *root;
  g_autoptr(GArray) outline = NULL;
  g_autoptr(GString) skeleton = NULL;
  DossierProblem *problem;
  DossierStore *store;
  Loader self = { problems, FALSE };

  self.progress = progress;
  self.cancellable = cancellable;
  if (progress != NULL)
    dossier_load_progress_report (progress, DOSSIER_LOAD_STEP_CHECKING, 0);
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  problem = check_encoding (data, length);
  if (problem == NULL)
    problem = dossier_syntax_check (data, length, &outline);
  if (problem != NULL)
    {
      g_ptr_array_add (problems, problem);
      return NULL;
    }
  self.data = data;
  self.outline = outline;
  for (guint i = 0; outline != NULL && i < outline->len; i++)
    {
      const DossierOutlineMember *member = &g_array_index (outline, DossierOutlineMember, i);

      if (member->elements != NULL)
        self.items_total += member->value.end - member->value.start;
    }
  if (progress != NULL)
    dossier_load_progress_report (progress, DOSSIER_LOAD_STEP_CHECKING, 1);

  /* Only the top level as one tree: its arrays are read a batch of
   * elements at a time (read_outlined_collection()) */
  if (outline != NULL)
    skeleton = outline_skeleton (data, outline);

  tree = dossier_json_tree_new ();
  root = dossier_json_tree_parse (tree, skeleton ? skeleton->str : data, skeleton ? skeleton->len : length);
  if (root == NULL)
    {
      g_critical ("The JSON parser refused text that the syntax check accepted");
      g_ptr_array_add (problems, dossier_problem_new ("", _("the file could not be read as JSON"), 1, 1));
      return NULL;
    }

  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      self.items[i] = g_ptr_array_new_with_free_func (unref_nullable);
      self.ids[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  self.broken_bodies = g_hash_table_new (NULL, NULL);
  self.shown = g_ptr_array_new_with_free_func (g_free);
  self.bodies = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) dossier_text_index_free);
  self.folded_bodies = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) dossier_text_index_free);

  store = load_tree (&self, root);

  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      g_ptr_array_unref (self.items[i]);
      g_hash_table_unref (self.ids[i]);
    }
  g_hash_table_unref (self.broken_bodies);
  g_ptr_array_unref (self.shown);
  g_hash_table_unref (self.bodies);
  g_hash_table_unref (self.folded_bodies);

  return store;
}

DossierStore *
dossier_loader_load (GBytes    *bytes,
                     GPtrArray *problems)
{
  return dossier_loader_load_full (bytes, problems, NULL, NULL);
}
