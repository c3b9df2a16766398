/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-event.h"
#include "dossier-entity.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE (dossier_timeline_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimeline, dossier_timeline, DOSSIER, TIMELINE, GtkWidget)

GtkWidget    *dossier_timeline_new                  (void);

GListModel   *dossier_timeline_get_events           (DossierTimeline      *self);
void          dossier_timeline_set_events           (DossierTimeline      *self,
                                                     GListModel           *events);
DossierEvent *dossier_timeline_get_selected         (DossierTimeline      *self);
void          dossier_timeline_set_selected         (DossierTimeline      *self,
                                                     DossierEvent         *event);
void          dossier_timeline_set_emphasized       (DossierTimeline      *self,
                                                     GListModel           *events);
gboolean      dossier_timeline_get_lane_visible     (DossierTimeline      *self,
                                                     DossierEventCategory  category);
void          dossier_timeline_set_lane_visible     (DossierTimeline      *self,
                                                     DossierEventCategory  category,
                                                     gboolean              visible);
void          dossier_timeline_zoom_in              (DossierTimeline      *self);
void          dossier_timeline_zoom_out             (DossierTimeline      *self);
void          dossier_timeline_zoom_fit             (DossierTimeline      *self);
void          dossier_timeline_scroll_to_selected   (DossierTimeline      *self);

void          dossier_timeline_get_category_color   (DossierEventCategory  category,
                                                     gboolean              dark,
                                                     GdkRGBA              *color);

G_END_DECLS
