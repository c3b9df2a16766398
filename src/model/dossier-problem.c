/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "dossier-problem-private.h"

G_DEFINE_BOXED_TYPE (DossierProblem, dossier_problem, dossier_problem_copy, dossier_problem_free)

DossierProblem *
dossier_problem_new (const char *path,
                     const char *message,
                     int         line,
                     int         column)
{
  DossierProblem *problem = g_new0 (DossierProblem, 1);

  problem->path = g_strdup (path ? path : "");
  problem->message = g_strdup (message);
  problem->line = line;
  problem->column = column;

  return problem;
}

DossierProblem *
dossier_problem_copy (const DossierProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return dossier_problem_new (problem->path, problem->message, problem->line, problem->column);
}

void
dossier_problem_free (DossierProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * dossier_problem_to_string:
 *
 * Returns: (transfer full): "LINE:COLUMN: MESSAGE" for a syntax error,
 *   "PATH: MESSAGE" for a problem with a value, or just the message for
 *   the file as a whole
 */
char *
dossier_problem_to_string (const DossierProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line > 0)
    return g_strdup_printf ("%d:%d: %s", problem->line, problem->column, problem->message);
  if (problem->path != NULL && problem->path[0] != '\0')
    return g_strdup_printf ("%s: %s", problem->path, problem->message);
  return g_strdup (problem->message);
}
