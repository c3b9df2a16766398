/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-selection.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_VIEW (dossier_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimelineView, dossier_timeline_view, DOSSIER, TIMELINE_VIEW, AdwBin)

GtkWidget        *dossier_timeline_view_new           (DossierSelection    *selection);
DossierSelection *dossier_timeline_view_get_selection (DossierTimelineView *self);

G_END_DECLS
