/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-model.h"

/* Fails (a GLib test assertion) unless the quote of @source, a quote
 * source, is its article's text at the paragraph and offset it gives */
void dossier_assert_quote_in_article (DossierSource *source);
