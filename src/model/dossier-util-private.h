/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Small helpers shared by the model classes; not part of the API. */

/* At most this many characters of a value from a file are shown in a
 * message about it */
#define DOSSIER_MAX_SHOWN_CHARS 200

char       *dossier_text_for_message (const char *text);

G_END_DECLS
