/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-timeline-layout.h"

/* ---- civil dates --------------------------------------------------------- */

static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/* Howard Hinnant's days_from_civil: proleptic Gregorian, no tables, no
 * time zone, and fast enough to call for every tick of every frame. */
gint64
dossier_timeline_days_from_civil (int year,
                                  int month,
                                  int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = floor_div (y, 400);
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
dossier_timeline_civil_from_days (gint64  days,
                                  int    *year,
                                  int    *month,
                                  int    *day)
{
  gint64 z = days + 719468;
  gint64 era = floor_div (z, 146097);
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;

  *year = (int) (yoe + era * 400 + (m <= 2));
  *month = (int) m;
  *day = (int) d;
}

gint64
dossier_timeline_time_from_civil (int year,
                                  int month,
                                  int day)
{
  return dossier_timeline_days_from_civil (year, month, day) * DOSSIER_TIMELINE_DAY;
}

/* ---- viewport -------------------------------------------------------------- */

void
dossier_timeline_viewport_fit (DossierTimelineViewport *vp,
                               gint64                   start,
                               gint64                   end,
                               double                   margin_px)
{
  dossier_timeline_viewport_fit_margins (vp, start, end, margin_px, margin_px);
}

/* Labels run to the right of their markers, so the UI keeps more room on
 * the right than on the left. */
void
dossier_timeline_viewport_fit_margins (DossierTimelineViewport *vp,
                                       gint64                   start,
                                       gint64                   end,
                                       double                   left_px,
                                       double                   right_px)
{
  double span = MAX ((double) (end - start), (double) DOSSIER_TIMELINE_DAY);
  double usable = MAX (vp->width - left_px - right_px, 1.0);

  vp->scale = usable / span;
  vp->start = start - left_px / vp->scale;
}

void
dossier_timeline_viewport_zoom (DossierTimelineViewport *vp,
                                double                   factor,
                                double                   anchor_x,
                                double                   min_scale,
                                double                   max_scale)
{
  double t = dossier_timeline_viewport_x_to_time (vp, anchor_x);

  vp->scale = CLAMP (vp->scale * factor, min_scale, max_scale);
  vp->start = t - anchor_x / vp->scale;
}

void
dossier_timeline_viewport_pan (DossierTimelineViewport *vp,
                               double                   dx)
{
  vp->start -= dx / vp->scale;
}

/* Keeps at least half the view on the dossier's time range, so panning can
 * never lose the events. */
void
dossier_timeline_viewport_clamp (DossierTimelineViewport *vp,
                                 gint64                   start,
                                 gint64                   end)
{
  double half = vp->width / 2 / vp->scale;

  if (end < start)
    return;
  vp->start = CLAMP (vp->start, start - half, MAX (start - half, end - half));
}

/* ---- ticks ----------------------------------------------------------------- */

static const DossierTimelineTickLevel levels[] = {
  { DOSSIER_TIMELINE_UNIT_YEAR, 100 },
  { DOSSIER_TIMELINE_UNIT_YEAR, 50 },
  { DOSSIER_TIMELINE_UNIT_YEAR, 20 },
  { DOSSIER_TIMELINE_UNIT_YEAR, 10 },
  { DOSSIER_TIMELINE_UNIT_YEAR, 5 },
  { DOSSIER_TIMELINE_UNIT_YEAR, 2 },
  { DOSSIER_TIMELINE_UNIT_YEAR, 1 },
  { DOSSIER_TIMELINE_UNIT_MONTH, 6 },
  { DOSSIER_TIMELINE_UNIT_MONTH, 3 },
  { DOSSIER_TIMELINE_UNIT_MONTH, 1 },
  { DOSSIER_TIMELINE_UNIT_WEEK, 1 },
  { DOSSIER_TIMELINE_UNIT_DAY, 1 },
};

/* The shortest distance between two ticks of a level, in days: months are
 * 28 days at worst, which is what decides whether labels collide. */
static double
level_min_days (const DossierTimelineTickLevel *level)
{
  switch (level->unit)
    {
    case DOSSIER_TIMELINE_UNIT_YEAR:
      return 365.0 * level->step;
    case DOSSIER_TIMELINE_UNIT_MONTH:
      return level->step == 1 ? 28.0 : level->step == 3 ? 89.0 : 181.0;
    case DOSSIER_TIMELINE_UNIT_WEEK:
      return 7.0 * level->step;
    case DOSSIER_TIMELINE_UNIT_DAY:
    default:
      return 1.0 * level->step;
    }
}

static gboolean
level_nests (const DossierTimelineTickLevel *minor,
             const DossierTimelineTickLevel *major)
{
  switch (major->unit)
    {
    case DOSSIER_TIMELINE_UNIT_YEAR:
      if (minor->unit == DOSSIER_TIMELINE_UNIT_YEAR)
        return major->step % minor->step == 0 && minor->step < major->step;
      return minor->unit != DOSSIER_TIMELINE_UNIT_WEEK;
    case DOSSIER_TIMELINE_UNIT_MONTH:
      if (minor->unit == DOSSIER_TIMELINE_UNIT_MONTH)
        return major->step % minor->step == 0 && minor->step < major->step;
      return minor->unit == DOSSIER_TIMELINE_UNIT_DAY;
    case DOSSIER_TIMELINE_UNIT_WEEK:
      return minor->unit == DOSSIER_TIMELINE_UNIT_DAY;
    case DOSSIER_TIMELINE_UNIT_DAY:
    default:
      return FALSE;
    }
}

gboolean
dossier_timeline_ticks_choose (const DossierTimelineViewport *vp,
                               DossierTimelineTickWidthFunc   width_func,
                               gpointer                       user_data,
                               double                         min_gap,
                               DossierTimelineTickLevel      *major,
                               DossierTimelineTickLevel      *minor)
{
  double px_per_day = vp->scale * DOSSIER_TIMELINE_DAY;
  guint chosen = 0;
  gboolean has_minor = FALSE;

  g_return_val_if_fail (vp != NULL && vp->scale > 0, FALSE);
  g_return_val_if_fail (major != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      double label = width_func != NULL ? width_func (levels[i].unit, levels[i].step, user_data) : 40.0;

      if (level_min_days (&levels[i]) * px_per_day >= label + min_gap)
        chosen = i;
      else
        break;
    }
  *major = levels[chosen];

  for (guint i = G_N_ELEMENTS (levels); i-- > chosen + 1; )
    {
      if (level_nests (&levels[i], major) &&
          level_min_days (&levels[i]) * px_per_day >= 6.0)
        {
          if (minor != NULL)
            *minor = levels[i];
          has_minor = TRUE;
          break;
        }
    }

  return has_minor;
}

gint64
dossier_timeline_unit_floor (gint64              t,
                             DossierTimelineUnit unit,
                             guint               step)
{
  gint64 days = floor_div (t, DOSSIER_TIMELINE_DAY);
  int y, m, d;

  step = MAX (step, 1);
  switch (unit)
    {
    case DOSSIER_TIMELINE_UNIT_YEAR:
      dossier_timeline_civil_from_days (days, &y, &m, &d);
      return dossier_timeline_time_from_civil ((int) (floor_div (y, step) * step), 1, 1);
    case DOSSIER_TIMELINE_UNIT_MONTH:
      {
        gint64 months;

        dossier_timeline_civil_from_days (days, &y, &m, &d);
        months = floor_div ((gint64) y * 12 + (m - 1), step) * step;
        return dossier_timeline_time_from_civil ((int) floor_div (months, 12),
                                                 (int) (months - floor_div (months, 12) * 12) + 1, 1);
      }
    case DOSSIER_TIMELINE_UNIT_WEEK:
      /* 1970-01-01 was a Thursday; weeks start on Monday (ISO 8601). */
      return (days - (days + 3 - floor_div (days + 3, 7) * 7)) * DOSSIER_TIMELINE_DAY;
    case DOSSIER_TIMELINE_UNIT_DAY:
    default:
      return floor_div (days, step) * step * DOSSIER_TIMELINE_DAY;
    }
}

gint64
dossier_timeline_unit_next (gint64              t,
                            DossierTimelineUnit unit,
                            guint               step)
{
  gint64 days = floor_div (t, DOSSIER_TIMELINE_DAY);
  int y, m, d;

  step = MAX (step, 1);
  switch (unit)
    {
    case DOSSIER_TIMELINE_UNIT_YEAR:
      dossier_timeline_civil_from_days (days, &y, &m, &d);
      return dossier_timeline_time_from_civil (y + (int) step, m, 1);
    case DOSSIER_TIMELINE_UNIT_MONTH:
      {
        gint64 months;

        dossier_timeline_civil_from_days (days, &y, &m, &d);
        months = (gint64) y * 12 + (m - 1) + step;
        return dossier_timeline_time_from_civil ((int) floor_div (months, 12),
                                                 (int) (months - floor_div (months, 12) * 12) + 1, 1);
      }
    case DOSSIER_TIMELINE_UNIT_WEEK:
      return t + 7 * (gint64) step * DOSSIER_TIMELINE_DAY;
    case DOSSIER_TIMELINE_UNIT_DAY:
    default:
      return t + (gint64) step * DOSSIER_TIMELINE_DAY;
    }
}

/* Years 1..9999 are what the format allows; stay well inside what the
 * civil date code and a double can carry. */
#define TICK_MIN_TIME ((gint64) -62135596800)  /* 0001-01-01 */
#define TICK_MAX_TIME ((gint64) 253402300800)  /* 10000-01-01 */
#define MAX_TICKS 4096

static void
append_ticks (const DossierTimelineViewport  *vp,
              const DossierTimelineTickLevel *level,
              gboolean                        major,
              const DossierTimelineTickLevel *skip,
              GArray                         *ticks)
{
  double vs = MAX (vp->start, (double) TICK_MIN_TIME);
  double ve = MIN (dossier_timeline_viewport_end (vp), (double) TICK_MAX_TIME);
  gint64 t = dossier_timeline_unit_floor ((gint64) floor (vs), level->unit, level->step);

  for (guint n = 0; t <= ve && n < MAX_TICKS; n++, t = dossier_timeline_unit_next (t, level->unit, level->step))
    {
      DossierTimelineTick tick;

      if (t < vs)
        continue;
      if (skip != NULL && dossier_timeline_unit_floor (t, skip->unit, skip->step) == t)
        continue;
      tick.time = t;
      tick.x = dossier_timeline_viewport_time_to_x (vp, (double) t);
      tick.unit = level->unit;
      tick.step = level->step;
      tick.major = major;
      g_array_append_val (ticks, tick);
    }
}

void
dossier_timeline_ticks_compute (const DossierTimelineViewport *vp,
                                DossierTimelineTickWidthFunc   width_func,
                                gpointer                       user_data,
                                double                         min_gap,
                                GArray                        *ticks,
                                GArray                        *periods)
{
  DossierTimelineTickLevel major, minor;
  gboolean has_minor;

  g_return_if_fail (vp != NULL && vp->scale > 0);

  has_minor = dossier_timeline_ticks_choose (vp, width_func, user_data, min_gap, &major, &minor);

  if (ticks != NULL)
    {
      g_array_set_size (ticks, 0);
      append_ticks (vp, &major, TRUE, NULL, ticks);
      if (has_minor)
        append_ticks (vp, &minor, FALSE, &major, ticks);
    }

  if (periods != NULL)
    {
      DossierTimelineUnit unit;
      double vs = MAX (vp->start, (double) TICK_MIN_TIME);
      double ve = MIN (dossier_timeline_viewport_end (vp), (double) TICK_MAX_TIME);
      gint64 t;

      g_array_set_size (periods, 0);
      if (major.unit == DOSSIER_TIMELINE_UNIT_YEAR)
        return;
      unit = major.unit == DOSSIER_TIMELINE_UNIT_MONTH ? DOSSIER_TIMELINE_UNIT_YEAR : DOSSIER_TIMELINE_UNIT_MONTH;

      t = dossier_timeline_unit_floor ((gint64) floor (vs), unit, 1);
      for (guint n = 0; t < ve && n < MAX_TICKS; n++)
        {
          DossierTimelinePeriod period;

          period.start = t;
          period.end = dossier_timeline_unit_next (t, unit, 1);
          period.x0 = dossier_timeline_viewport_time_to_x (vp, (double) period.start);
          period.x1 = dossier_timeline_viewport_time_to_x (vp, (double) period.end);
          period.unit = unit;
          g_array_append_val (periods, period);
          t = period.end;
        }
    }
}

/* ---- layout ---------------------------------------------------------------- */

typedef struct
{
  guint *order;        /* item indices by anchor */
  double *anchors;     /* the anchors in that order, for binary search */
  guint *emph_prefix;  /* n + 1 running counts of emphasized items */
  guint n;
  guint *spans;        /* span items by start */
  gint64 *span_starts; /* their starts, in that order */
  gint64 *span_tree;   /* a max-tree of their ends, see collect_spans() */
  guint span_leaves;
  guint n_spans;
  gint64 min_start;
  gint64 max_end;
  gboolean visible;
  int row;
} Lane;

typedef struct
{
  double right;         /* end of everything drawn so far, label included */
  double hard_right;    /* end of the last marker or bar */
  int last;             /* element whose label may still be shortened */
} Tier;

struct _DossierTimelineLayout
{
  guint n_lanes;
  Lane *lanes;
  guint n_rows;

  DossierTimelineItem *items;
  double *anchor;
  guint *pos_in_lane;
  guint *global_order;
  guint *global_rank;
  guint n_items;

  guint8 *emphasized;
  gboolean has_emphasis;

  GArray *elements;
  GArray *leading;
  double tier_height;
  double lane_height;
  Tier *tiers;
  guint n_tiers;
  double view_width;
};

static void
lane_clear (Lane *lane)
{
  g_clear_pointer (&lane->order, g_free);
  g_clear_pointer (&lane->anchors, g_free);
  g_clear_pointer (&lane->emph_prefix, g_free);
  g_clear_pointer (&lane->spans, g_free);
  g_clear_pointer (&lane->span_starts, g_free);
  g_clear_pointer (&lane->span_tree, g_free);
  lane->span_leaves = 0;
  lane->n = 0;
  lane->n_spans = 0;
}

static void
update_rows (DossierTimelineLayout *self)
{
  self->n_rows = 0;
  for (guint i = 0; i < self->n_lanes; i++)
    self->lanes[i].row = self->lanes[i].visible ? (int) self->n_rows++ : -1;
}

DossierTimelineLayout *
dossier_timeline_layout_new (guint n_lanes)
{
  DossierTimelineLayout *self = g_new0 (DossierTimelineLayout, 1);

  g_return_val_if_fail (n_lanes > 0, NULL);

  self->n_lanes = n_lanes;
  self->lanes = g_new0 (Lane, n_lanes);
  for (guint i = 0; i < n_lanes; i++)
    self->lanes[i].visible = TRUE;
  update_rows (self);
  self->elements = g_array_new (FALSE, FALSE, sizeof (DossierTimelineElement));
  self->leading = g_array_new (FALSE, FALSE, sizeof (guint));

  return self;
}

void
dossier_timeline_layout_free (DossierTimelineLayout *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_lanes; i++)
    lane_clear (&self->lanes[i]);
  g_free (self->lanes);
  g_free (self->items);
  g_free (self->anchor);
  g_free (self->pos_in_lane);
  g_free (self->global_order);
  g_free (self->global_rank);
  g_free (self->emphasized);
  g_free (self->tiers);
  g_array_unref (self->elements);
  g_array_unref (self->leading);
  g_free (self);
}

static inline gboolean
item_is_span (const DossierTimelineItem *item)
{
  return item->end - item->start > DOSSIER_TIMELINE_DAY;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  DossierTimelineLayout *self = user_data;
  const DossierTimelineItem *ia = &self->items[*(const guint *) a];
  const DossierTimelineItem *ib = &self->items[*(const guint *) b];
  gboolean sa = item_is_span (ia), sb = item_is_span (ib);

  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  /* Within a day, spans (which start there) before points (which are
   * spread over the day). */
  if (sa != sb)
    return sa ? -1 : 1;
  if (ia->lane != ib->lane)
    return ia->lane < ib->lane ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : *(const guint *) a > *(const guint *) b;
}

static int
compare_by_anchor (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  DossierTimelineLayout *self = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (self->anchor[ia] != self->anchor[ib])
    return self->anchor[ia] < self->anchor[ib] ? -1 : 1;
  if (self->items[ia].lane != self->items[ib].lane)
    return self->items[ia].lane < self->items[ib].lane ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

void
dossier_timeline_layout_set_items (DossierTimelineLayout     *self,
                                   const DossierTimelineItem *items,
                                   guint                      n_items)
{
  guint *by_start;
  guint *lane_counts;

  g_return_if_fail (self != NULL);
  g_return_if_fail (items != NULL || n_items == 0);

  for (guint i = 0; i < self->n_lanes; i++)
    lane_clear (&self->lanes[i]);
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->anchor, g_free);
  g_clear_pointer (&self->pos_in_lane, g_free);
  g_clear_pointer (&self->global_order, g_free);
  g_clear_pointer (&self->global_rank, g_free);
  g_clear_pointer (&self->emphasized, g_free);
  self->has_emphasis = FALSE;
  g_array_set_size (self->elements, 0);
  g_array_set_size (self->leading, 0);

  self->n_items = n_items;
  self->items = g_new (DossierTimelineItem, MAX (n_items, 1));
  if (n_items > 0)
    memcpy (self->items, items, n_items * sizeof (DossierTimelineItem));
  self->anchor = g_new (double, MAX (n_items, 1));
  self->pos_in_lane = g_new (guint, MAX (n_items, 1));
  self->global_order = g_new (guint, MAX (n_items, 1));
  self->global_rank = g_new (guint, MAX (n_items, 1));

  for (guint i = 0; i < n_items; i++)
    {
      if (self->items[i].lane >= self->n_lanes)
        {
          g_warning ("Timeline item %u has lane %u of %u", i, self->items[i].lane, self->n_lanes);
          self->items[i].lane = self->n_lanes - 1;
        }
      if (self->items[i].end <= self->items[i].start)
        self->items[i].end = self->items[i].start + DOSSIER_TIMELINE_DAY;
    }

  /* Anchors: a span starts its bar at its start; points that share a day in
   * a lane are spread across that day, so zooming in far enough always
   * separates them instead of leaving a cluster that never opens. */
  by_start = g_new (guint, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    by_start[i] = i;
  g_qsort_with_data (by_start, n_items, sizeof (guint), compare_by_start, self);

  for (guint i = 0; i < n_items; )
    {
      const DossierTimelineItem *first = &self->items[by_start[i]];
      guint j = i + 1;

      while (j < n_items &&
             self->items[by_start[j]].start == first->start &&
             self->items[by_start[j]].lane == first->lane &&
             item_is_span (&self->items[by_start[j]]) == item_is_span (first))
        j++;
      for (guint k = i; k < j; k++)
        {
          const DossierTimelineItem *item = &self->items[by_start[k]];

          if (item_is_span (item))
            self->anchor[by_start[k]] = (double) item->start;
          else
            self->anchor[by_start[k]] = item->start + (item->end - item->start) * (k - i + 0.5) / (j - i);
        }
      i = j;
    }
  g_free (by_start);

  for (guint i = 0; i < n_items; i++)
    self->global_order[i] = i;
  g_qsort_with_data (self->global_order, n_items, sizeof (guint), compare_by_anchor, self);
  for (guint i = 0; i < n_items; i++)
    self->global_rank[self->global_order[i]] = i;

  /* Splitting the global order by lane keeps each lane sorted by anchor. */
  lane_counts = g_new0 (guint, self->n_lanes);
  for (guint i = 0; i < n_items; i++)
    lane_counts[self->items[i].lane]++;
  for (guint l = 0; l < self->n_lanes; l++)
    {
      Lane *lane = &self->lanes[l];

      lane->order = g_new (guint, MAX (lane_counts[l], 1));
      lane->anchors = g_new (double, MAX (lane_counts[l], 1));
      lane->emph_prefix = g_new0 (guint, lane_counts[l] + 1);
      lane->spans = g_new (guint, MAX (lane_counts[l], 1));
      lane->span_starts = g_new (gint64, MAX (lane_counts[l], 1));
      lane->min_start = G_MAXINT64;
      lane->max_end = G_MININT64;
    }
  g_free (lane_counts);

  for (guint i = 0; i < n_items; i++)
    {
      guint item = self->global_order[i];
      Lane *lane = &self->lanes[self->items[item].lane];

      self->pos_in_lane[item] = lane->n;
      lane->order[lane->n] = item;
      lane->anchors[lane->n] = self->anchor[item];
      lane->n++;
      lane->min_start = MIN (lane->min_start, self->items[item].start);
      lane->max_end = MAX (lane->max_end, self->items[item].end);
      if (item_is_span (&self->items[item]))
        {
          /* Spans are anchored at their start, so this is start order. */
          lane->spans[lane->n_spans] = item;
          lane->span_starts[lane->n_spans] = self->items[item].start;
          lane->n_spans++;
        }
    }

  for (guint l = 0; l < self->n_lanes; l++)
    {
      Lane *lane = &self->lanes[l];

      lane->span_leaves = 1;
      while (lane->span_leaves < lane->n_spans)
        lane->span_leaves *= 2;
      lane->span_tree = g_new (gint64, 2 * lane->span_leaves);
      for (guint i = 0; i < lane->span_leaves; i++)
        lane->span_tree[lane->span_leaves + i] = i < lane->n_spans ? self->items[lane->spans[i]].end : G_MININT64;
      for (guint i = lane->span_leaves; i-- > 1; )
        lane->span_tree[i] = MAX (lane->span_tree[2 * i], lane->span_tree[2 * i + 1]);
    }
}

guint
dossier_timeline_layout_get_n_items (DossierTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_items;
}

const DossierTimelineItem *
dossier_timeline_layout_get_item (DossierTimelineLayout *self,
                                  guint                  item)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (item < self->n_items, NULL);
  return &self->items[item];
}

double
dossier_timeline_layout_get_anchor (DossierTimelineLayout *self,
                                    guint                  item)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (item < self->n_items, 0);
  return self->anchor[item];
}

guint
dossier_timeline_layout_get_n_lanes (DossierTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_lanes;
}

guint
dossier_timeline_layout_get_lane_size (DossierTimelineLayout *self,
                                       guint                  lane)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (lane < self->n_lanes, 0);
  return self->lanes[lane].n;
}

guint
dossier_timeline_layout_get_lane_item (DossierTimelineLayout *self,
                                       guint                  lane,
                                       guint                  position)
{
  g_return_val_if_fail (self != NULL, DOSSIER_TIMELINE_NONE);
  g_return_val_if_fail (lane < self->n_lanes, DOSSIER_TIMELINE_NONE);
  g_return_val_if_fail (position < self->lanes[lane].n, DOSSIER_TIMELINE_NONE);
  return self->lanes[lane].order[position];
}

void
dossier_timeline_layout_set_lane_visible (DossierTimelineLayout *self,
                                          guint                  lane,
                                          gboolean               visible)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (lane < self->n_lanes);

  self->lanes[lane].visible = !!visible;
  update_rows (self);
  g_array_set_size (self->elements, 0);
}

gboolean
dossier_timeline_layout_get_lane_visible (DossierTimelineLayout *self,
                                          guint                  lane)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (lane < self->n_lanes, FALSE);
  return self->lanes[lane].visible;
}

int
dossier_timeline_layout_get_lane_row (DossierTimelineLayout *self,
                                      guint                  lane)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (lane < self->n_lanes, -1);
  return self->lanes[lane].row;
}

guint
dossier_timeline_layout_get_n_rows (DossierTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

/* The time range of the items in the visible lanes. */
gboolean
dossier_timeline_layout_get_range (DossierTimelineLayout *self,
                                   gint64                *start,
                                   gint64                *end)
{
  gint64 s = G_MAXINT64, e = G_MININT64;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint l = 0; l < self->n_lanes; l++)
    {
      if (!self->lanes[l].visible || self->lanes[l].n == 0)
        continue;
      s = MIN (s, self->lanes[l].min_start);
      e = MAX (e, self->lanes[l].max_end);
    }
  if (s > e)
    return FALSE;
  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;
  return TRUE;
}

/* @emphasized: one byte per item, or NULL to emphasize none (nothing then
 * recedes). Counted once here, so a cluster knows in O(1) how many of its
 * items stand out. */
void
dossier_timeline_layout_set_emphasis (DossierTimelineLayout *self,
                                      const guint8          *emphasized)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->emphasized, g_free);
  self->has_emphasis = emphasized != NULL;
  if (emphasized != NULL)
    self->emphasized = g_memdup2 (emphasized, MAX (self->n_items, 1));

  for (guint l = 0; l < self->n_lanes; l++)
    {
      Lane *lane = &self->lanes[l];

      lane->emph_prefix[0] = 0;
      for (guint i = 0; i < lane->n; i++)
        lane->emph_prefix[i + 1] = lane->emph_prefix[i] +
          (emphasized != NULL && emphasized[lane->order[i]] ? 1 : 0);
    }
}

gboolean
dossier_timeline_layout_has_emphasis (DossierTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_emphasis;
}

gboolean
dossier_timeline_layout_is_emphasized (DossierTimelineLayout *self,
                                       guint                  item)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (item < self->n_items, FALSE);
  return self->emphasized != NULL && self->emphasized[item];
}

/* Keyboard order: by time, then by lane, over the visible lanes only. */
guint
dossier_timeline_layout_navigate (DossierTimelineLayout *self,
                                  guint                  current,
                                  DossierTimelineNav     direction)
{
  gint64 i, step;

  g_return_val_if_fail (self != NULL, DOSSIER_TIMELINE_NONE);

  if (self->n_items == 0)
    return DOSSIER_TIMELINE_NONE;

  if (current >= self->n_items)
    direction = direction == DOSSIER_TIMELINE_NAV_PREV ? DOSSIER_TIMELINE_NAV_LAST :
                direction == DOSSIER_TIMELINE_NAV_NEXT ? DOSSIER_TIMELINE_NAV_FIRST : direction;

  switch (direction)
    {
    case DOSSIER_TIMELINE_NAV_FIRST:
      i = 0, step = 1;
      break;
    case DOSSIER_TIMELINE_NAV_LAST:
      i = (gint64) self->n_items - 1, step = -1;
      break;
    case DOSSIER_TIMELINE_NAV_PREV:
      i = (gint64) self->global_rank[current] - 1, step = -1;
      break;
    case DOSSIER_TIMELINE_NAV_NEXT:
    default:
      i = (gint64) self->global_rank[current] + 1, step = 1;
      break;
    }

  for (; i >= 0 && i < (gint64) self->n_items; i += step)
    {
      guint item = self->global_order[i];

      if (self->lanes[self->items[item].lane].visible)
        return item;
    }

  /* At either end, stay where we are. */
  return current < self->n_items &&
         self->lanes[self->items[current].lane].visible ? current : DOSSIER_TIMELINE_NONE;
}

void
dossier_timeline_frame_params_init (DossierTimelineFrameParams *params)
{
  g_return_if_fail (params != NULL);

  params->lane_height = 72;
  params->lane_padding = 4;
  params->n_tiers = 3;
  params->marker_radius = 5;
  params->bucket_width = 40;
  params->cluster_width = 30;
  params->min_label_width = 36;
  params->label_gap = 6;
  params->selected = DOSSIER_TIMELINE_NONE;
  params->label_width = NULL;
  params->user_data = NULL;
}

/* First position in @anchors[lo..hi) whose value is >= @t, or @hi. */
static guint
lower_bound (const double *anchors,
             guint         lo,
             guint         hi,
             double        t)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (anchors[mid] < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * dossier_timeline_search_from:
 * @sorted: values in ascending order
 * @from: where to start, at most @n; every value before it is < @t
 * @n: the number of values
 * @t: the value to find
 *
 * The first position in @sorted[@from..@n) whose value is >= @t, or @n.
 * It gallops from @from (1, 2, 4… steps, then a binary search in the last
 * step), so it costs O(log d) for an answer d positions away, whatever @n
 * is: walking the buckets of a frame in order costs what they hold, not
 * a search of the whole lane for each one.
 */
guint
dossier_timeline_search_from (const double *sorted,
                              guint         from,
                              guint         n,
                              double        t)
{
  guint lo = from, step = 1;

  g_return_val_if_fail (sorted != NULL || n == 0, n);
  g_return_val_if_fail (from <= n, n);

  while (lo < n && sorted[lo] < t)
    {
      guint probe = n - lo > step ? lo + step : n;

      if (probe == n || sorted[probe] >= t)
        return lower_bound (sorted, lo + 1, probe, t);
      lo = probe + 1;
      step *= 2;
    }
  return lo;
}

static double
element_label_width (const DossierTimelineFrameParams *params,
                     guint                             item)
{
  return params->label_width != NULL ? params->label_width (item, params->user_data) : 0.0;
}

static void
shorten_label (DossierTimelineElement           *e,
               double                            limit,
               const DossierTimelineFrameParams *params)
{
  double avail = limit - e->label_x;

  if (e->label_width <= avail)
    return;
  e->label_truncated = TRUE;
  e->label_width = avail >= params->min_label_width ? avail : 0.0;
}

static void
place_item (DossierTimelineLayout            *self,
            DossierTimelineElement           *e,
            const DossierTimelineFrameParams *params)
{
  DossierTimelineElement *elements = (DossierTimelineElement *) (void *) self->elements->data;
  double gap = params->label_gap;
  double label = element_label_width (params, e->item);
  guint tier = G_MAXUINT;
  double best = -G_MAXDOUBLE;

  /* A tier that is free, label included, first. */
  for (guint t = 0; t < self->n_tiers; t++)
    if (self->tiers[t].right + gap <= e->x0)
      {
        tier = t;
        break;
      }

  /* Otherwise a tier where only the previous label is in the way; shorten
   * the one that keeps the most, and the selected item's label last. */
  if (tier == G_MAXUINT)
    for (guint t = 0; t < self->n_tiers; t++)
      {
        Tier *tr = &self->tiers[t];
        double keep;

        if (tr->hard_right + gap > e->x0)
          continue;
        keep = tr->last >= 0 ? e->x0 - elements[tr->last].label_x : G_MAXDOUBLE / 2;
        if (tr->last >= 0 && elements[tr->last].item == params->selected)
          keep -= G_MAXDOUBLE / 4;
        if (keep > best)
          best = keep, tier = t;
      }

  /* No room at all: overlap in the tier that frees up first. */
  if (tier == G_MAXUINT)
    {
      best = G_MAXDOUBLE;
      for (guint t = 0; t < self->n_tiers; t++)
        if (self->tiers[t].hard_right < best)
          best = self->tiers[t].hard_right, tier = t;
    }

  if (self->tiers[tier].last >= 0)
    shorten_label (&elements[self->tiers[tier].last], e->x0 - gap, params);

  e->tier = tier;
  e->y = e->row * params->lane_height + params->lane_padding + (tier + 0.5) * self->tier_height;
  e->label_width = label;
  e->label_truncated = FALSE;
  /* The right edge of the view is in the way too. */
  shorten_label (e, self->view_width - 2, params);

  self->tiers[tier].hard_right = MAX (self->tiers[tier].hard_right, MAX (e->x1, e->span_x1));
  self->tiers[tier].right = MAX (self->tiers[tier].hard_right, e->label_x + label);
  self->tiers[tier].last = (int) self->elements->len;
}

static void
append_item (DossierTimelineLayout            *self,
             const DossierTimelineViewport    *vp,
             const DossierTimelineFrameParams *params,
             guint                             lane,
             guint                             item)
{
  const DossierTimelineItem *it = &self->items[item];
  DossierTimelineElement e = { 0 };
  double r = params->marker_radius;

  e.kind = DOSSIER_TIMELINE_ELEMENT_ITEM;
  e.lane = lane;
  e.row = (guint) self->lanes[lane].row;
  e.item = item;
  e.count = 1;
  e.n_emphasized = self->emphasized != NULL && self->emphasized[item] ? 1 : 0;
  e.first = self->pos_in_lane[item];
  e.approximate = (it->flags & DOSSIER_TIMELINE_ITEM_APPROXIMATE) != 0;
  e.is_span = item_is_span (it);

  if (e.is_span)
    {
      e.span_x0 = dossier_timeline_viewport_time_to_x (vp, (double) it->start);
      e.span_x1 = dossier_timeline_viewport_time_to_x (vp, (double) it->end);
      /* A span that began off screen keeps its label in view. */
      e.x = MAX (e.span_x0, 0.0);
      e.x0 = e.x;
      e.x1 = MAX (e.span_x1, e.x + 2 * r);
      /* After the marker at the start of the bar; the bar runs on under
       * the label. */
      e.label_x = e.x + 2 * r + 3;
    }
  else
    {
      e.x = dossier_timeline_viewport_time_to_x (vp, self->anchor[item]);
      e.span_x0 = e.span_x1 = e.x;
      e.x0 = e.x - r;
      e.x1 = e.x + r;
      e.label_x = e.x1 + 3;
    }

  place_item (self, &e, params);
  g_array_append_val (self->elements, e);
}

static void
append_cluster (DossierTimelineLayout            *self,
                const DossierTimelineViewport    *vp,
                const DossierTimelineFrameParams *params,
                guint                             lane_index,
                guint                             lo,
                guint                             hi,
                guint                             leading_first,
                guint                             n_leading,
                double                            bx0,
                double                            bx1)
{
  DossierTimelineElement *elements = (DossierTimelineElement *) (void *) self->elements->data;
  Lane *lane = &self->lanes[lane_index];
  DossierTimelineElement e = { 0 };
  double r = params->marker_radius;
  double first_x, last_x, lo_x, hi_x, width;

  e.kind = DOSSIER_TIMELINE_ELEMENT_CLUSTER;
  e.lane = lane_index;
  e.row = (guint) lane->row;
  e.item = hi > lo ? lane->order[lo] : g_array_index (self->leading, guint, leading_first);
  e.first = lo;
  e.count = hi - lo + n_leading;
  e.leading_first = leading_first;
  e.n_leading = n_leading;
  e.n_emphasized = lane->emph_prefix[hi] - lane->emph_prefix[lo];
  for (guint i = 0; i < n_leading; i++)
    if (self->emphasized != NULL && self->emphasized[g_array_index (self->leading, guint, leading_first + i)])
      e.n_emphasized++;

  first_x = n_leading > 0 ? 0.0 : dossier_timeline_viewport_time_to_x (vp, lane->anchors[lo]);
  last_x = hi > lo ? dossier_timeline_viewport_time_to_x (vp, lane->anchors[hi - 1]) : first_x;

  /* The pill stays inside its bucket, inset by a marker radius, so it never
   * touches a marker or a pill of the neighbouring buckets. */
  lo_x = bx0 + r + 1;
  hi_x = bx1 - r - 1;
  width = MIN (MAX (params->cluster_width, last_x - first_x), hi_x - lo_x);
  e.x = CLAMP ((first_x + last_x) / 2, lo_x + width / 2, hi_x - width / 2);
  e.x0 = e.x - width / 2;
  e.x1 = e.x + width / 2;
  e.span_x0 = first_x;
  e.span_x1 = last_x;
  e.y = e.row * params->lane_height + params->lane_height / 2;
  e.tier = 0;

  for (guint t = 0; t < self->n_tiers; t++)
    {
      Tier *tr = &self->tiers[t];

      if (tr->last >= 0)
        shorten_label (&elements[tr->last], e.x0 - params->label_gap, params);
      tr->hard_right = MAX (tr->hard_right, e.x1);
      tr->right = MAX (tr->right, e.x1);
      tr->last = -1;
    }

  g_array_append_val (self->elements, e);
}

/* Appends to @out, in start order, the spans among the lane's first @hi
 * that end after @t. Each node of the tree holds the latest end below it,
 * so only branches that hold such a span are entered: O((k + 1) log n) for
 * k spans found, however many spans began earlier and ended long ago, or
 * however long one of them is. */
static guint
collect_spans (const Lane *lane,
               guint       node,
               guint       node_lo,
               guint       node_hi,
               guint       hi,
               double      t,
               GArray     *out)
{
  guint mid;

  if (node_lo >= hi || (double) lane->span_tree[node] <= t)
    return 0;
  if (node >= lane->span_leaves)
    {
      g_array_append_val (out, lane->spans[node - lane->span_leaves]);
      return 1;
    }
  mid = node_lo + (node_hi - node_lo) / 2;
  return collect_spans (lane, 2 * node, node_lo, mid, hi, t, out) +
         collect_spans (lane, 2 * node + 1, mid, node_hi, hi, t, out);
}

static void
layout_lane (DossierTimelineLayout            *self,
             const DossierTimelineViewport    *vp,
             const DossierTimelineFrameParams *params,
             guint                             lane_index)
{
  Lane *lane = &self->lanes[lane_index];
  double bw = params->bucket_width;
  double vs = vp->start, ve = dossier_timeline_viewport_end (vp);
  double world0 = vp->start * vp->scale;
  gint64 k0, k1;
  guint leading_first = self->leading->len, n_leading = 0;
  double first_bucket_t;
  guint next;

  for (guint t = 0; t < self->n_tiers; t++)
    {
      self->tiers[t].right = -G_MAXDOUBLE;
      self->tiers[t].hard_right = -G_MAXDOUBLE;
      self->tiers[t].last = -1;
    }

  if (lane->n == 0)
    return;

  /* Buckets are fixed in world pixels, not screen pixels, so clusters do
   * not change while the view pans. */
  k0 = (gint64) floor (world0 / bw);
  k1 = (gint64) floor ((world0 + vp->width) / bw);
  first_bucket_t = k0 * bw / vp->scale;

  /* Spans that began before the first bucket and reach into the view. */
  if (lane->n_spans > 0)
    {
      guint lo = 0, hi = lane->n_spans;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if ((double) lane->span_starts[mid] < first_bucket_t)
            lo = mid + 1;
          else
            hi = mid;
        }
      n_leading = collect_spans (lane, 1, 0, lane->span_leaves, lo, vs, self->leading);
    }

  /* One binary search for where the view starts; from there each bucket
   * begins where the one before it ended. */
  next = lower_bound (lane->anchors, 0, lane->n, first_bucket_t);
  for (gint64 k = k0; k <= k1; k++)
    {
      double t0 = k * bw / vp->scale;
      double t1 = (k + 1) * bw / vp->scale;
      guint lo = next;
      guint hi = dossier_timeline_search_from (lane->anchors, lo, lane->n, t1);
      guint lead = k == k0 ? n_leading : 0;
      double bx0 = k * bw - world0, bx1 = bx0 + bw;

      next = hi;

      if (hi - lo + lead == 0)
        continue;
      if (t1 < vs || t0 > ve)
        continue;

      if (hi - lo + lead <= self->n_tiers)
        {
          for (guint i = 0; i < lead; i++)
            append_item (self, vp, params, lane_index,
                         g_array_index (self->leading, guint, leading_first + i));
          for (guint i = lo; i < hi; i++)
            append_item (self, vp, params, lane_index, lane->order[i]);
        }
      else
        append_cluster (self, vp, params, lane_index, lo, hi, leading_first, lead, bx0, bx1);
    }
}

const DossierTimelineElement *
dossier_timeline_layout_compute_frame (DossierTimelineLayout            *self,
                                       const DossierTimelineViewport    *vp,
                                       const DossierTimelineFrameParams *params,
                                       guint                            *n_elements)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (vp != NULL && vp->scale > 0 && vp->width >= 0, NULL);
  g_return_val_if_fail (params != NULL && params->n_tiers > 0 && params->bucket_width > 0, NULL);

  g_array_set_size (self->elements, 0);
  g_array_set_size (self->leading, 0);

  if (self->n_tiers != params->n_tiers)
    {
      g_free (self->tiers);
      self->tiers = g_new (Tier, params->n_tiers);
      self->n_tiers = params->n_tiers;
    }
  self->lane_height = params->lane_height;
  self->view_width = vp->width;
  self->tier_height = (params->lane_height - params->lane_padding) / params->n_tiers;

  for (guint l = 0; l < self->n_lanes; l++)
    if (self->lanes[l].visible)
      layout_lane (self, vp, params, l);

  if (n_elements != NULL)
    *n_elements = self->elements->len;
  return (const DossierTimelineElement *) (void *) self->elements->data;
}

/* The elements of the last frame computed. */
const DossierTimelineElement *
dossier_timeline_layout_get_frame (DossierTimelineLayout *self,
                                   guint                 *n_elements)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_elements != NULL)
    *n_elements = self->elements->len;
  return (const DossierTimelineElement *) (void *) self->elements->data;
}

/* @y is relative to the top of the first lane. Markers win over the span
 * bars and labels they overlap; the nearest marker wins among markers. */
int
dossier_timeline_layout_hit_test (DossierTimelineLayout *self,
                                  double                 x,
                                  double                 y)
{
  int best = -1;
  double best_score = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->elements->len; i++)
    {
      const DossierTimelineElement *e = &g_array_index (self->elements, DossierTimelineElement, i);
      double top, bottom, right, score;

      if (e->kind == DOSSIER_TIMELINE_ELEMENT_CLUSTER)
        {
          top = e->row * self->lane_height;
          bottom = top + self->lane_height;
          right = e->x1;
        }
      else
        {
          top = e->y - self->tier_height / 2;
          bottom = e->y + self->tier_height / 2;
          right = MAX (e->x1, e->label_width > 0 ? e->label_x + e->label_width : e->x1);
          if (e->is_span)
            right = MAX (right, e->span_x1);
        }

      if (y < top || y >= bottom || x < e->x0 - 3 || x > right + 3)
        continue;

      if (x >= e->x0 - 3 && x <= e->x1 + 3)
        score = fabs (x - e->x);      /* on the marker or pill */
      else
        score = 1000 + fabs (x - e->x);  /* on a label or a bar */
      if (score < best_score)
        best_score = score, best = (int) i;
    }

  return best;
}

/* The element that shows @item in the last frame: its marker, or the
 * cluster it is counted in; -1 when it is off screen. */
int
dossier_timeline_layout_find_element (DossierTimelineLayout *self,
                                      guint                  item)
{
  g_return_val_if_fail (self != NULL, -1);

  if (item >= self->n_items)
    return -1;

  for (guint i = 0; i < self->elements->len; i++)
    {
      const DossierTimelineElement *e = &g_array_index (self->elements, DossierTimelineElement, i);

      if (e->lane != self->items[item].lane)
        continue;
      if (e->kind == DOSSIER_TIMELINE_ELEMENT_ITEM)
        {
          if (e->item == item)
            return (int) i;
        }
      else
        {
          guint pos = self->pos_in_lane[item];

          if (pos >= e->first && pos < e->first + e->count - e->n_leading)
            return (int) i;
          for (guint j = 0; j < e->n_leading; j++)
            if (g_array_index (self->leading, guint, e->leading_first + j) == item)
              return (int) i;
        }
    }

  return -1;
}

/* Fills @items with up to @max_items of the cluster's items in time order
 * and returns how many it wrote. */
guint
dossier_timeline_layout_get_cluster_items (DossierTimelineLayout        *self,
                                           const DossierTimelineElement *cluster,
                                           guint                        *items,
                                           guint                         max_items)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cluster != NULL, 0);

  if (cluster->kind == DOSSIER_TIMELINE_ELEMENT_ITEM)
    {
      if (max_items > 0)
        items[n++] = cluster->item;
      return n;
    }

  for (guint i = 0; i < cluster->n_leading && n < max_items; i++)
    items[n++] = g_array_index (self->leading, guint, cluster->leading_first + i);
  for (guint i = 0; i < cluster->count - cluster->n_leading && n < max_items; i++)
    items[n++] = self->lanes[cluster->lane].order[cluster->first + i];

  return n;
}
