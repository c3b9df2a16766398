/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What `dossier --validate FILE...` does, without a window: loads each file
 * and reports, one line each,
 *
 *   on @err:  FILE: PATH: MESSAGE          a problem with a value
 *             FILE:LINE:COLUMN: MESSAGE    a syntax or encoding problem
 *             FILE: MESSAGE                an I/O or size problem, or one
 *                                          about the file as a whole
 *   on @out:  FILE: valid — 5 articles, 24 events, 35 entities, …
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int dossier_validate_files (const char * const *paths,
                            GString            *out,
                            GString            *err);

G_END_DECLS
