/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "dossier-store.h"
#include "dossier-validate.h"

static gboolean
validate_file (const char *path,
               GString    *out,
               GString    *err)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *articles = NULL, *events = NULL, *entities = NULL;
  g_autofree char *relations = NULL, *discrepancies = NULL;
  guint n;

  store = dossier_store_load_file (file, NULL, &problems, &error);
  if (store == NULL)
    {
      if (problems->len == 0)
        g_string_append_printf (err, "%s: %s\n", path, error->message);

      for (guint i = 0; i < problems->len; i++)
        {
          DossierProblem *problem = g_ptr_array_index (problems, i);

          if (problem->line > 0)
            g_string_append_printf (err, "%s:%d:%d: %s\n", path, problem->line, problem->column,
                                    problem->message);
          else if (problem->path[0] != '\0')
            g_string_append_printf (err, "%s: %s: %s\n", path, problem->path, problem->message);
          else
            g_string_append_printf (err, "%s: %s\n", path, problem->message);
        }

      return FALSE;
    }

  n = g_list_model_get_n_items (dossier_store_get_articles (store));
  articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  n = g_list_model_get_n_items (dossier_store_get_events (store));
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
  n = g_list_model_get_n_items (dossier_store_get_entities (store));
  entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n), n);
  n = g_list_model_get_n_items (dossier_store_get_relations (store));
  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n), n);
  n = g_list_model_get_n_items (dossier_store_get_discrepancies (store));
  discrepancies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u discrepancy", "%u discrepancies", n), n);

  g_string_append_printf (out,
                          /* Translators: the summary of `dossier --validate` for a
                           * valid file: the file name, then the counts of articles,
                           * events, entities, relations and discrepancies */
                          _("%s: valid — %s, %s, %s, %s, %s"),
                          path, articles, events, entities, relations, discrepancies);
  g_string_append_c (out, '\n');

  return TRUE;
}

/**
 * dossier_validate_files:
 * @paths: a %NULL-terminated list of file names or URIs, as given on the
 *   command line
 * @out: where the summary of each valid file goes
 * @err: where the problems go
 *
 * Returns: 0 if every file is a valid dossier, 1 otherwise
 */
int
dossier_validate_files (const char * const *paths,
                        GString            *out,
                        GString            *err)
{
  gboolean all_valid = TRUE;

  g_return_val_if_fail (paths != NULL, 1);
  g_return_val_if_fail (out != NULL, 1);
  g_return_val_if_fail (err != NULL, 1);

  for (guint i = 0; paths[i] != NULL; i++)
    if (!validate_file (paths[i], out, err))
      all_valid = FALSE;

  return all_valid ? 0 : 1;
}
