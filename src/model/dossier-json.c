/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "dossier-json-private.h"
#include "dossier-syntax-private.h"

/* The arena's blocks: most trees (a batch of elements, see
 * dossier-loader.c) fit in the first, which a new parse reuses */
#define FIRST_BLOCK_SIZE (256 * 1024)

typedef struct _Block Block;
struct _Block
{
  Block *next;
  gsize size;
  gsize used;
  /* Aligned for any node; the data follows */
  DossierJsonNode data[];
};

struct _DossierJsonTree
{
  Block *blocks;                /* the newest first */
  gsize total;                  /* bytes of all blocks */

  /* The members and elements of the objects and arrays being parsed, one
   * stretch per open value: each is copied into the arena once complete */
  GArray *members;
  GArray *elements;

  DossierJsonNode root;
};

typedef struct
{
  DossierJsonTree *tree;
  const char *p;
  const char *end;
  gboolean failed;
} Parser;

static Block *
block_new (gsize  size,
           Block *next)
{
  Block *block = g_malloc (sizeof (Block) + size);

  block->next = next;
  block->size = size;
  block->used = 0;

  return block;
}

static void
free_blocks (Block *block)
{
  while (block != NULL)
    {
      Block *next = block->next;

      g_free (block);
      block = next;
    }
}

static gpointer
arena_alloc (DossierJsonTree *tree,
             gsize            size)
{
  Block *block = tree->blocks;
  gpointer memory;

  size = (size + sizeof (DossierJsonNode) - 1) & ~(sizeof (DossierJsonNode) - 1);
  if (block == NULL || block->size - block->used < size)
    {
      gsize block_size = MAX (MAX (size, FIRST_BLOCK_SIZE), tree->total);

      block = tree->blocks = block_new (block_size, block);
      tree->total += block_size;
    }

  memory = (char *) block->data + block->used;
  block->used += size;

  return memory;
}

DossierJsonTree *
dossier_json_tree_new (void)
{
  DossierJsonTree *tree = g_new0 (DossierJsonTree, 1);

  tree->members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
  tree->elements = g_array_new (FALSE, FALSE, sizeof (DossierJsonNode));

  return tree;
}

void
dossier_json_tree_free (DossierJsonTree *tree)
{
  free_blocks (tree->blocks);
  g_array_unref (tree->members);
  g_array_unref (tree->elements);
  g_free (tree);
}

/* Empties the arena for a new tree, as one block as large as all the last
 * tree needed */
static void
reset (DossierJsonTree *tree)
{
  if (tree->blocks != NULL && tree->blocks->next != NULL)
    {
      free_blocks (tree->blocks);
      tree->blocks = block_new (tree->total, NULL);
    }
  if (tree->blocks != NULL)
    tree->blocks->used = 0;
  g_array_set_size (tree->members, 0);
  g_array_set_size (tree->elements, 0);
}

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\t' || *parser->p == '\r'))
    parser->p++;
}

/* Steps over @c, the next character after white space, if it is there */
static gboolean
accept (Parser *parser,
        char    c)
{
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == c)
    {
      parser->p++;
      return TRUE;
    }

  return FALSE;
}

static gboolean
expect (Parser *parser,
        char    c)
{
  if (accept (parser, c))
    return TRUE;

  parser->failed = TRUE;
  return FALSE;
}

static int
hex_digits (Parser     *parser,
            const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = p + i < parser->end ? g_ascii_xdigit_value (p[i]) : -1;

      if (digit < 0)
        {
          parser->failed = TRUE;
          return 0;
        }
      value = value * 16 + digit;
    }

  return value;
}

/* The string starting at the opening quote, decoded into the arena: at
 * most as long as it is written */
static const char *
parse_string (Parser *parser)
{
  const char *start = ++parser->p;
  char *decoded, *out;

  /* Up to the closing quote, eight bytes at a time through plain text */
  while (parser->p < parser->end && *parser->p != '"')
    {
      guint64 word;

      if (parser->end - parser->p >= 8)
        {
          memcpy (&word, parser->p, 8);
          if (!dossier_syntax_has_special_byte (word))
            {
              parser->p += 8;
              continue;
            }
        }
      /* An escaped character, whatever it is, does not end the string */
      parser->p += *parser->p == '\\' ? 2 : 1;
    }
  if (parser->p >= parser->end)
    {
      /* (an escape at the very end steps past it) */
      parser->p = parser->end;
      parser->failed = TRUE;
      return "";
    }

  out = decoded = arena_alloc (parser->tree, parser->p - start + 1);
  for (const char *p = start; p < parser->p;)
    {
      const char *backslash = memchr (p, '\\', parser->p - p);
      gunichar c;

      if (backslash == NULL)
        backslash = parser->p;
      memcpy (out, p, backslash - p);
      out += backslash - p;
      p = backslash;
      if (p == parser->p)
        break;

      switch (p[1])
        {
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'u':
          c = hex_digits (parser, p + 2);
          /* The check let through only whole surrogate pairs */
          if (c >= 0xD800 && c <= 0xDBFF && p + 12 <= parser->p && p[6] == '\\' && p[7] == 'u')
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (hex_digits (parser, p + 8) - 0xDC00);
              p += 6;
            }
          if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
            parser->failed = TRUE;
          else
            out += g_unichar_to_utf8 (c, out);
          p += 4;
          break;
        default:     /* '"', '\\' and '/' stand for themselves */
          *out++ = p[1];
          break;
        }
      p += 2;
    }
  *out = '\0';
  parser->p++;

  return decoded;
}

static double
parse_number (Parser *parser)
{
  const char *start = parser->p;
  g_autofree char *copy = NULL;
  char *end;
  double value;

  while (parser->p < parser->end && strchr ("+-.0123456789eE", *parser->p) != NULL)
    parser->p++;

  /* The text need not end with a NUL after the number */
  copy = g_strndup (start, parser->p - start);
  value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0')
    parser->failed = TRUE;

  return value;
}

static gboolean
parse_literal (Parser     *parser,
               const char *literal)
{
  gsize length = strlen (literal);

  if ((gsize) (parser->end - parser->p) < length || memcmp (parser->p, literal, length) != 0)
    {
      parser->failed = TRUE;
      return FALSE;
    }
  parser->p += length;

  return TRUE;
}

static void parse_value (Parser          *parser,
                         DossierJsonNode *node);

/* Moves the end of @scratch, from @first on, into the arena */
static gpointer
move_to_arena (DossierJsonTree *tree,
               GArray          *scratch,
               guint            first)
{
  gsize element_size = g_array_get_element_size (scratch);
  gsize size = (scratch->len - first) * element_size;
  gpointer copy = arena_alloc (tree, size);

  /* (An array that never held anything has no data to copy from) */
  if (size > 0)
    memcpy (copy, scratch->data + first * element_size, size);
  g_array_set_size (scratch, first);

  return copy;
}

static void
parse_object (Parser          *parser,
              DossierJsonNode *node)
{
  GArray *members = parser->tree->members;
  guint first = members->len;

  parser->p++;
  if (!accept (parser, '}'))
    {
      do
        {
          DossierJsonMember member;

          skip_space (parser);
          if (parser->p >= parser->end || *parser->p != '"')
            {
              parser->failed = TRUE;
              break;
            }
          member.name = parse_string (parser);
          if (!expect (parser, ':'))
            break;
          parse_value (parser, &member.value);
          g_array_append_val (members, member);
        }
      while (!parser->failed && accept (parser, ','));
      expect (parser, '}');
    }

  node->type = DOSSIER_JSON_OBJECT;
  node->length = members->len - first;
  node->members = move_to_arena (parser->tree, members, first);
}

static void
parse_array (Parser          *parser,
             DossierJsonNode *node)
{
  GArray *elements = parser->tree->elements;
  guint first = elements->len;

  parser->p++;
  if (!accept (parser, ']'))
    {
      do
        {
          DossierJsonNode element;

          parse_value (parser, &element);
          g_array_append_val (elements, element);
        }
      while (!parser->failed && accept (parser, ','));
      expect (parser, ']');
    }

  node->type = DOSSIER_JSON_ARRAY;
  node->length = elements->len - first;
  node->elements = move_to_arena (parser->tree, elements, first);
}

static void
parse_value (Parser          *parser,
             DossierJsonNode *node)
{
  node->type = DOSSIER_JSON_NULL;
  node->length = 0;
  node->string = NULL;

  skip_space (parser);
  if (parser->p >= parser->end)
    {
      parser->failed = TRUE;
      return;
    }

  switch (*parser->p)
    {
    case '{':
      parse_object (parser, node);
      break;
    case '[':
      parse_array (parser, node);
      break;
    case '"':
      node->type = DOSSIER_JSON_STRING;
      node->string = parse_string (parser);
      break;
    case 't':
      node->type = DOSSIER_JSON_BOOLEAN;
      node->boolean = parse_literal (parser, "true");
      break;
    case 'f':
      node->type = DOSSIER_JSON_BOOLEAN;
      node->boolean = FALSE;
      parse_literal (parser, "false");
      break;
    case 'n':
      parse_literal (parser, "null");
      break;
    default:
      node->type = DOSSIER_JSON_NUMBER;
      node->number = parse_number (parser);
      break;
    }
}

/**
 * dossier_json_tree_parse:
 * @data: text that dossier_syntax_check() has accepted (it bounds the
 *   nesting, which this parses recursively)
 *
 * Parses @data into @tree, in place of the tree it held.
 *
 * Returns: (nullable): the root, valid until @tree parses again or is
 *   freed; %NULL if @data is not such text
 */
const DossierJsonNode *
dossier_json_tree_parse (DossierJsonTree *tree,
                         const char      *data,
                         gsize            length)
{
  Parser parser = { tree, data, data + length, FALSE };

  reset (tree);
  parse_value (&parser, &tree->root);
  skip_space (&parser);
  if (parser.failed || parser.p != parser.end)
    return NULL;

  return &tree->root;
}

/* The member @name of @object, the last one if it occurs more than once
 * (as json-glib decides), or %NULL */
const DossierJsonNode *
dossier_json_object_get (const DossierJsonNode *object,
                         const char            *name)
{
  g_return_val_if_fail (object->type == DOSSIER_JSON_OBJECT, NULL);

  for (guint i = object->length; i-- > 0;)
    if (strcmp (object->members[i].name, name) == 0)
      return &object->members[i].value;

  return NULL;
}
