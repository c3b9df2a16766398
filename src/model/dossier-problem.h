/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierProblem: one thing wrong with a dossier file, as the loader
 * reports it.  @path locates the offending value ("events[3].entities[1]",
 * "" for the file as a whole); @line and @column (1-based, in characters)
 * are set for syntax errors and are 0 otherwise.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char *path;
  char *message;
  int line;
  int column;
} DossierProblem;

#define DOSSIER_TYPE_PROBLEM (dossier_problem_get_type ())

GType           dossier_problem_get_type  (void) G_GNUC_CONST;
DossierProblem *dossier_problem_copy      (const DossierProblem *problem);
void            dossier_problem_free      (DossierProblem       *problem);
char           *dossier_problem_to_string (const DossierProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierProblem, dossier_problem_free)

G_END_DECLS
