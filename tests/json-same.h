/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-json-private.h"

/* Fails (a GLib test assertion) unless @actual holds what @expected does */
void dossier_assert_json_same (JsonNode              *expected,
                               const DossierJsonNode *actual);
