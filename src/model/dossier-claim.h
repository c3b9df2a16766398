/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierClaim: one side of a discrepancy: a value ("$6 million") and the
 * sources that state it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_CLAIM (dossier_claim_get_type ())

G_DECLARE_FINAL_TYPE (DossierClaim, dossier_claim, DOSSIER, CLAIM, GObject)

const char *dossier_claim_get_value   (DossierClaim *self);
GListModel *dossier_claim_get_sources (DossierClaim *self);

G_END_DECLS
