/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-timeline.h"
#include "dossier-timeline-layout.h"

G_BEGIN_DECLS

/* For tests and the benchmark: the view onto time, and one frame drawn
 * into a snapshot at a given size without a window. The viewport is the
 * layout's, with the earliest time on the left; the x of an event is where
 * it is on screen, which in a right-to-left locale is mirrored. */
void                    dossier_timeline_get_viewport (DossierTimeline               *self,
                                                       DossierTimelineViewport       *viewport);
void                    dossier_timeline_set_viewport (DossierTimeline               *self,
                                                       const DossierTimelineViewport *viewport);
DossierTimelineLayout  *dossier_timeline_get_layout   (DossierTimeline               *self);
void                    dossier_timeline_render       (DossierTimeline               *self,
                                                       GtkSnapshot                   *snapshot,
                                                       int                            width,
                                                       int                            height);
double                  dossier_timeline_get_event_x  (DossierTimeline               *self,
                                                       DossierEvent                  *event);
double                  dossier_timeline_get_event_y  (DossierTimeline               *self,
                                                       DossierEvent                  *event);
int                     dossier_timeline_get_label_width (DossierTimeline            *self,
                                                          DossierEvent               *event,
                                                          int                         room);

G_END_DECLS
