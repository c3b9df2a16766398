/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-problem.h"

G_BEGIN_DECLS

DossierProblem *dossier_problem_new (const char *path,
                                     const char *message,
                                     int         line,
                                     int         column);

G_END_DECLS
