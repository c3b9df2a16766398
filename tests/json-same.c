/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compares the loader's own JSON tree with json-glib's, for test-json and
 * the fuzzer. */
#include "json-same.h"

/* Whether @actual holds the same value as json-glib's @expected */
void
dossier_assert_json_same (JsonNode              *expected,
                          const DossierJsonNode *actual)
{
  switch (json_node_get_node_type (expected))
    {
    case JSON_NODE_NULL:
      g_assert_cmpint (actual->type, ==, DOSSIER_JSON_NULL);
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (expected);

        g_assert_cmpint (actual->type, ==, DOSSIER_JSON_ARRAY);
        g_assert_cmpuint (actual->length, ==, json_array_get_length (array));
        for (guint i = 0; i < actual->length; i++)
          dossier_assert_json_same (json_array_get_element (array, i), &actual->elements[i]);
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (expected);
        g_autoptr(GList) names = json_object_get_members (object);
        g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);

        g_assert_cmpint (actual->type, ==, DOSSIER_JSON_OBJECT);
        /* json-glib keeps one member per name, the last written */
        for (guint i = 0; i < actual->length; i++)
          g_hash_table_add (distinct, (gpointer) actual->members[i].name);
        g_assert_cmpuint (g_hash_table_size (distinct), ==, json_object_get_size (object));
        for (GList *l = names; l != NULL; l = l->next)
          {
            const DossierJsonNode *member = dossier_json_object_get (actual, l->data);

            g_assert_nonnull (member);
            dossier_assert_json_same (json_object_get_member (object, l->data), member);
          }
      }
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (expected))
        {
        case G_TYPE_STRING:
          g_assert_cmpint (actual->type, ==, DOSSIER_JSON_STRING);
          g_assert_cmpstr (actual->string, ==, json_node_get_string (expected));
          break;
        case G_TYPE_BOOLEAN:
          g_assert_cmpint (actual->type, ==, DOSSIER_JSON_BOOLEAN);
          g_assert_cmpint (actual->boolean, ==, json_node_get_boolean (expected));
          break;
        case G_TYPE_DOUBLE:
          g_assert_cmpint (actual->type, ==, DOSSIER_JSON_NUMBER);
          if (actual->number != json_node_get_double (expected))
            g_assert_cmpfloat_with_epsilon (actual->number, json_node_get_double (expected),
                                            1e-9 * MAX (1.0, ABS (actual->number)));
          break;
        default:
          /* An integer: json-glib's int64 and the double agree while it
           * is exact in both (the format has no number whose value counts) */
          g_assert_cmpint (actual->type, ==, DOSSIER_JSON_NUMBER);
          if (ABS (actual->number) < 9007199254740992.0)
            g_assert_cmpfloat (actual->number, ==, (double) json_node_get_int (expected));
          break;
        }
      break;
    }
}
