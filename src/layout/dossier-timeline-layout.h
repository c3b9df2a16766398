/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Geometry of the timeline, in plain C so it is tested without a display.
 *
 * Times are seconds since 1970-01-01 UTC. Dossier dates are calendar dates
 * without a time zone, so the whole timeline works in UTC and the UI formats
 * ticks with UTC GDateTimes.
 *
 * Everything a frame needs is computed from what is visible: items are kept
 * sorted by time per lane, one binary search finds where the view begins,
 * each pixel bucket after it is counted by galloping on from where the one
 * before it ended, and the spans that began earlier and reach into the view
 * are found in a tree of their ends. So the cost of a frame grows with the
 * width of the widget and with what it shows, not with the number of
 * events; labels are measured only for items on screen. */

#define DOSSIER_TIMELINE_NONE G_MAXUINT
#define DOSSIER_TIMELINE_DAY ((gint64) 86400)

/* ---- civil dates --------------------------------------------------------- */

gint64  dossier_timeline_days_from_civil (int year, int month, int day);
void    dossier_timeline_civil_from_days (gint64 days, int *year, int *month, int *day);
gint64  dossier_timeline_time_from_civil (int year, int month, int day);

/* ---- viewport -------------------------------------------------------------- */

typedef struct
{
  double start;   /* time at x = 0 */
  double scale;   /* pixels per second */
  double width;   /* pixels */
} DossierTimelineViewport;

static inline double
dossier_timeline_viewport_time_to_x (const DossierTimelineViewport *vp,
                                     double                         t)
{
  return (t - vp->start) * vp->scale;
}

static inline double
dossier_timeline_viewport_x_to_time (const DossierTimelineViewport *vp,
                                     double                         x)
{
  return vp->start + x / vp->scale;
}

static inline double
dossier_timeline_viewport_end (const DossierTimelineViewport *vp)
{
  return vp->start + vp->width / vp->scale;
}

void dossier_timeline_viewport_fit   (DossierTimelineViewport *vp,
                                      gint64                   start,
                                      gint64                   end,
                                      double                   margin_px);
void dossier_timeline_viewport_fit_margins (DossierTimelineViewport *vp,
                                      gint64                   start,
                                      gint64                   end,
                                      double                   left_px,
                                      double                   right_px);
void dossier_timeline_viewport_zoom  (DossierTimelineViewport *vp,
                                      double                   factor,
                                      double                   anchor_x,
                                      double                   min_scale,
                                      double                   max_scale);
void dossier_timeline_viewport_pan   (DossierTimelineViewport *vp,
                                      double                   dx);
void dossier_timeline_viewport_clamp (DossierTimelineViewport *vp,
                                      gint64                   start,
                                      gint64                   end);

/* ---- ticks ----------------------------------------------------------------- */

typedef enum
{
  DOSSIER_TIMELINE_UNIT_DAY,
  DOSSIER_TIMELINE_UNIT_WEEK,
  DOSSIER_TIMELINE_UNIT_MONTH,
  DOSSIER_TIMELINE_UNIT_YEAR,
} DossierTimelineUnit;

typedef struct
{
  gint64 time;
  double x;
  DossierTimelineUnit unit;
  guint step;        /* 10 years, 3 months… */
  gboolean major;    /* labelled */
} DossierTimelineTick;

/* A period of the next coarser unit (the month above day ticks, the year
 * above month ticks), drawn as a second axis row so a tick label never has
 * to repeat the month or the year. */
typedef struct
{
  gint64 start;
  gint64 end;
  double x0;
  double x1;
  DossierTimelineUnit unit;
} DossierTimelinePeriod;

/* The widest label the UI will draw for ticks of this unit and step, in
 * pixels, in the user's locale and font: this is how locales take part in
 * the choice of ticks (a language with long month names gets sparser
 * month ticks). */
typedef double (*DossierTimelineTickWidthFunc) (DossierTimelineUnit unit,
                                                guint               step,
                                                gpointer            user_data);

typedef struct
{
  DossierTimelineUnit unit;
  guint step;
} DossierTimelineTickLevel;

gboolean dossier_timeline_ticks_choose  (const DossierTimelineViewport *vp,
                                         DossierTimelineTickWidthFunc   width_func,
                                         gpointer                       user_data,
                                         double                         min_gap,
                                         DossierTimelineTickLevel      *major,
                                         DossierTimelineTickLevel      *minor);
void     dossier_timeline_ticks_compute (const DossierTimelineViewport *vp,
                                         DossierTimelineTickWidthFunc   width_func,
                                         gpointer                       user_data,
                                         double                         min_gap,
                                         GArray                        *ticks,
                                         GArray                        *periods);
gint64   dossier_timeline_unit_floor    (gint64                         t,
                                         DossierTimelineUnit            unit,
                                         guint                          step);
gint64   dossier_timeline_unit_next     (gint64                         t,
                                         DossierTimelineUnit            unit,
                                         guint                          step);

/* ---- searching ------------------------------------------------------------- */

guint    dossier_timeline_search_from  (const double *sorted,
                                        guint         from,
                                        guint         n,
                                        double        t);

/* ---- layout ---------------------------------------------------------------- */

typedef enum
{
  DOSSIER_TIMELINE_ITEM_APPROXIMATE = 1 << 0,
} DossierTimelineItemFlags;

typedef struct
{
  gint64 start;  /* inclusive */
  gint64 end;    /* exclusive: start + one day for a day-precision date */
  guint lane;    /* the category */
  guint flags;   /* DossierTimelineItemFlags */
} DossierTimelineItem;

typedef enum
{
  DOSSIER_TIMELINE_ELEMENT_ITEM,
  DOSSIER_TIMELINE_ELEMENT_CLUSTER,
} DossierTimelineElementKind;

typedef struct
{
  DossierTimelineElementKind kind;
  guint lane;
  guint row;            /* position of the lane among the visible lanes */
  guint tier;           /* items: the sub-row of the lane */
  guint item;           /* items: index into the array given to set_items */
  guint count;          /* 1 for an item */
  guint n_emphasized;
  guint first;          /* clusters: range in the lane's order, see get_lane_item */
  guint n_leading;      /* clusters: spans that began left of the view */
  guint leading_first;
  gboolean is_span;
  gboolean approximate;
  double x;             /* marker centre, or where the span bar starts */
  double x0, x1;        /* hit/draw extent of the marker or pill */
  double span_x0, span_x1;
  double y;             /* centre of the tier (items) or lane (clusters) */
  double label_x;
  double label_width;   /* 0 when the label is hidden */
  gboolean label_truncated;
} DossierTimelineElement;

/* Width of an item's label in pixels; called only for items on screen, so
 * the UI may measure lazily and cache. */
typedef double (*DossierTimelineLabelWidthFunc) (guint    item,
                                                 gpointer user_data);

typedef struct
{
  double lane_height;
  double lane_padding;   /* a band above the first tier, for the lane's name */
  guint n_tiers;
  double marker_radius;
  double bucket_width;   /* pixel width of a clustering bucket */
  double cluster_width;  /* preferred width of a cluster pill */
  double min_label_width;
  double label_gap;
  guint selected;        /* its label goes first; DOSSIER_TIMELINE_NONE */
  DossierTimelineLabelWidthFunc label_width;
  gpointer user_data;
} DossierTimelineFrameParams;

typedef enum
{
  DOSSIER_TIMELINE_NAV_FIRST,
  DOSSIER_TIMELINE_NAV_LAST,
  DOSSIER_TIMELINE_NAV_PREV,
  DOSSIER_TIMELINE_NAV_NEXT,
} DossierTimelineNav;

typedef struct _DossierTimelineLayout DossierTimelineLayout;

void     dossier_timeline_frame_params_init       (DossierTimelineFrameParams *params);

DossierTimelineLayout *dossier_timeline_layout_new (guint n_lanes);
void     dossier_timeline_layout_free             (DossierTimelineLayout *self);

void     dossier_timeline_layout_set_items        (DossierTimelineLayout     *self,
                                                   const DossierTimelineItem *items,
                                                   guint                      n_items);
guint    dossier_timeline_layout_get_n_items      (DossierTimelineLayout *self);
const DossierTimelineItem *
         dossier_timeline_layout_get_item         (DossierTimelineLayout *self,
                                                   guint                  item);
double   dossier_timeline_layout_get_anchor       (DossierTimelineLayout *self,
                                                   guint                  item);
guint    dossier_timeline_layout_get_n_lanes      (DossierTimelineLayout *self);
guint    dossier_timeline_layout_get_lane_size    (DossierTimelineLayout *self,
                                                   guint                  lane);
guint    dossier_timeline_layout_get_lane_item    (DossierTimelineLayout *self,
                                                   guint                  lane,
                                                   guint                  position);
void     dossier_timeline_layout_set_lane_visible (DossierTimelineLayout *self,
                                                   guint                  lane,
                                                   gboolean               visible);
gboolean dossier_timeline_layout_get_lane_visible (DossierTimelineLayout *self,
                                                   guint                  lane);
int      dossier_timeline_layout_get_lane_row     (DossierTimelineLayout *self,
                                                   guint                  lane);
guint    dossier_timeline_layout_get_n_rows       (DossierTimelineLayout *self);
gboolean dossier_timeline_layout_get_range        (DossierTimelineLayout *self,
                                                   gint64                *start,
                                                   gint64                *end);
void     dossier_timeline_layout_set_emphasis     (DossierTimelineLayout *self,
                                                   const guint8          *emphasized);
gboolean dossier_timeline_layout_has_emphasis     (DossierTimelineLayout *self);
gboolean dossier_timeline_layout_is_emphasized    (DossierTimelineLayout *self,
                                                   guint                  item);

guint    dossier_timeline_layout_navigate         (DossierTimelineLayout *self,
                                                   guint                  current,
                                                   DossierTimelineNav     direction);

const DossierTimelineElement *
         dossier_timeline_layout_compute_frame    (DossierTimelineLayout            *self,
                                                   const DossierTimelineViewport    *vp,
                                                   const DossierTimelineFrameParams *params,
                                                   guint                            *n_elements);
const DossierTimelineElement *
         dossier_timeline_layout_get_frame        (DossierTimelineLayout *self,
                                                   guint                 *n_elements);
int      dossier_timeline_layout_hit_test         (DossierTimelineLayout *self,
                                                   double                 x,
                                                   double                 y);
int      dossier_timeline_layout_find_element     (DossierTimelineLayout *self,
                                                   guint                  item);
guint    dossier_timeline_layout_get_cluster_items (DossierTimelineLayout        *self,
                                                    const DossierTimelineElement *cluster,
                                                    guint                        *items,
                                                    guint                         max_items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTimelineLayout, dossier_timeline_layout_free)

G_END_DECLS
