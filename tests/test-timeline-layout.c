/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-timeline-layout.h"

#define DAY DOSSIER_TIMELINE_DAY

static gint64
ymd (int y, int m, int d)
{
  return dossier_timeline_time_from_civil (y, m, d);
}

static DossierTimelineItem
day_item (int y, int m, int d, guint lane)
{
  DossierTimelineItem item = { ymd (y, m, d), ymd (y, m, d) + DAY, lane, 0 };
  return item;
}

static DossierTimelineViewport
viewport (gint64 start, gint64 end, double width)
{
  DossierTimelineViewport vp = { 0, 1, width };

  dossier_timeline_viewport_fit (&vp, start, end, 0);
  return vp;
}

/* ---- civil dates --------------------------------------------------------- */

static void
test_civil (void)
{
  g_assert_cmpint (dossier_timeline_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (dossier_timeline_days_from_civil (2000, 3, 1), ==, 11017);
  g_assert_cmpint (dossier_timeline_days_from_civil (1969, 12, 31), ==, -1);
  g_assert_cmpint (ymd (2025, 1, 20), ==, 1737331200);

  for (gint64 days = -800000; days < 3000000; days += 97)
    {
      int y, m, d;

      dossier_timeline_civil_from_days (days, &y, &m, &d);
      g_assert_cmpint (dossier_timeline_days_from_civil (y, m, d), ==, days);
    }

  /* Weeks start on Monday: 2025-01-20 is one. */
  g_assert_cmpint (dossier_timeline_unit_floor (ymd (2025, 1, 23) + 3600, DOSSIER_TIMELINE_UNIT_WEEK, 1), ==, ymd (2025, 1, 20));
  g_assert_cmpint (dossier_timeline_unit_floor (ymd (2025, 1, 20), DOSSIER_TIMELINE_UNIT_WEEK, 1), ==, ymd (2025, 1, 20));
  g_assert_cmpint (dossier_timeline_unit_floor (ymd (1969, 12, 31), DOSSIER_TIMELINE_UNIT_WEEK, 1), ==, ymd (1969, 12, 29));
  g_assert_cmpint (dossier_timeline_unit_floor (ymd (2025, 8, 9), DOSSIER_TIMELINE_UNIT_MONTH, 3), ==, ymd (2025, 7, 1));
  g_assert_cmpint (dossier_timeline_unit_floor (ymd (2025, 8, 9), DOSSIER_TIMELINE_UNIT_YEAR, 10), ==, ymd (2020, 1, 1));
  g_assert_cmpint (dossier_timeline_unit_next (ymd (2024, 12, 1), DOSSIER_TIMELINE_UNIT_MONTH, 1), ==, ymd (2025, 1, 1));
  g_assert_cmpint (dossier_timeline_unit_next (ymd (2024, 1, 1), DOSSIER_TIMELINE_UNIT_YEAR, 5), ==, ymd (2029, 1, 1));
}

/* ---- viewport -------------------------------------------------------------- */

static void
test_viewport (void)
{
  DossierTimelineViewport vp = viewport (ymd (2000, 1, 1), ymd (2030, 1, 1), 1000);
  double t;

  g_assert_cmpfloat_with_epsilon (dossier_timeline_viewport_time_to_x (&vp, ymd (2000, 1, 1)), 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (dossier_timeline_viewport_time_to_x (&vp, ymd (2030, 1, 1)), 1000, 1e-6);

  /* Zooming keeps the time under the pointer where it is. */
  t = dossier_timeline_viewport_x_to_time (&vp, 300);
  dossier_timeline_viewport_zoom (&vp, 4, 300, 1e-12, 1);
  g_assert_cmpfloat_with_epsilon (dossier_timeline_viewport_x_to_time (&vp, 300), t, 1);
  g_assert_cmpfloat_with_epsilon (dossier_timeline_viewport_end (&vp) - vp.start, 30 * 365.25 * DAY / 4, 2 * DAY);

  /* … within the limits. */
  dossier_timeline_viewport_zoom (&vp, 1e9, 300, 1e-12, 1000.0 / DAY);
  g_assert_cmpfloat_with_epsilon (vp.scale, 1000.0 / DAY, 1e-12);
  g_assert_cmpfloat_with_epsilon (dossier_timeline_viewport_x_to_time (&vp, 300), t, 1);

  /* Panning cannot lose the range. */
  dossier_timeline_viewport_pan (&vp, 1e9);
  dossier_timeline_viewport_clamp (&vp, ymd (2000, 1, 1), ymd (2030, 1, 1));
  g_assert_cmpfloat (dossier_timeline_viewport_end (&vp), >=, ymd (2000, 1, 1));
  dossier_timeline_viewport_pan (&vp, -1e12);
  dossier_timeline_viewport_clamp (&vp, ymd (2000, 1, 1), ymd (2030, 1, 1));
  g_assert_cmpfloat (vp.start, <=, ymd (2030, 1, 1));

  /* Fit with a margin. */
  vp.width = 1200;
  dossier_timeline_viewport_fit (&vp, ymd (2025, 1, 1), ymd (2025, 2, 1), 100);
  g_assert_cmpfloat_with_epsilon (dossier_timeline_viewport_time_to_x (&vp, ymd (2025, 1, 1)), 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (dossier_timeline_viewport_time_to_x (&vp, ymd (2025, 2, 1)), 1100, 1e-6);
}

/* ---- ticks ----------------------------------------------------------------- */

typedef struct
{
  double month_width;  /* the widest month name in the "locale" */
} FakeLocale;

/* Stands for the UI's measurement of formatted labels: "2025", "Jan",
 * "20"… with 7 px per character, and month names as wide as the locale
 * makes them. */
static double
fake_tick_width (DossierTimelineUnit unit,
                 guint               step,
                 gpointer            user_data)
{
  const FakeLocale *locale = user_data;

  switch (unit)
    {
    case DOSSIER_TIMELINE_UNIT_YEAR:
      return 4 * 7;
    case DOSSIER_TIMELINE_UNIT_MONTH:
      return locale->month_width;
    case DOSSIER_TIMELINE_UNIT_WEEK:
      return 6 * 7;
    case DOSSIER_TIMELINE_UNIT_DAY:
    default:
      return 2 * 7;
    }
}

static void
check_ticks (const DossierTimelineViewport *vp,
             FakeLocale                    *locale,
             DossierTimelineUnit            expected_unit,
             guint                          expected_step)
{
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (DossierTimelineTick));
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePeriod));
  DossierTimelineTickLevel major;
  double last_major_x = -G_MAXDOUBLE;
  guint n_major = 0;

  dossier_timeline_ticks_choose (vp, fake_tick_width, locale, 8, &major, NULL);
  g_assert_cmpint (major.unit, ==, expected_unit);
  g_assert_cmpuint (major.step, ==, expected_step);

  dossier_timeline_ticks_compute (vp, fake_tick_width, locale, 8, ticks, periods);
  for (guint i = 0; i < ticks->len; i++)
    {
      const DossierTimelineTick *tick = &g_array_index (ticks, DossierTimelineTick, i);

      g_assert_cmpfloat (tick->x, >=, -1e-6);
      g_assert_cmpfloat (tick->x, <=, vp->width + 1e-6);
      /* Every tick sits on a boundary of its unit. */
      g_assert_cmpint (dossier_timeline_unit_floor (tick->time, tick->unit, tick->step), ==, tick->time);
      if (tick->major)
        {
          /* Labels of neighbouring major ticks never collide. */
          g_assert_cmpfloat (tick->x - last_major_x, >=, fake_tick_width (tick->unit, tick->step, locale) + 8 - 1e-6);
          last_major_x = tick->x;
          n_major++;
        }
    }
  g_assert_cmpuint (n_major, >=, 1);

  /* The context row covers the view without gaps. */
  if (periods->len > 0)
    {
      g_assert_cmpfloat (g_array_index (periods, DossierTimelinePeriod, 0).x0, <=, 1e-6);
      g_assert_cmpfloat (g_array_index (periods, DossierTimelinePeriod, periods->len - 1).x1, >=, vp->width - 1e-6);
      for (guint i = 1; i < periods->len; i++)
        g_assert_cmpint (g_array_index (periods, DossierTimelinePeriod, i - 1).end, ==,
                         g_array_index (periods, DossierTimelinePeriod, i).start);
    }
}

static void
test_ticks_zoom_levels (void)
{
  FakeLocale en = { 3 * 7 };
  DossierTimelineViewport vp;
  DossierTimelineTickLevel major, minor;

  /* A century: decades or coarser. */
  vp = viewport (ymd (1950, 1, 1), ymd (2050, 1, 1), 1000);
  check_ticks (&vp, &en, DOSSIER_TIMELINE_UNIT_YEAR, 5);

  /* 30 years in 1000 px: every other year; in 1400 px, every year. */
  vp = viewport (ymd (1995, 1, 1), ymd (2025, 1, 1), 1000);
  check_ticks (&vp, &en, DOSSIER_TIMELINE_UNIT_YEAR, 2);
  vp = viewport (ymd (1995, 1, 1), ymd (2025, 1, 1), 1400);
  check_ticks (&vp, &en, DOSSIER_TIMELINE_UNIT_YEAR, 1);
  g_assert_true (dossier_timeline_ticks_choose (&vp, fake_tick_width, &en, 8, &major, &minor));
  g_assert_cmpint (minor.unit, ==, DOSSIER_TIMELINE_UNIT_MONTH);

  /* 30 years squeezed into 300 px: fewer labels, not overlapping ones. */
  vp = viewport (ymd (1995, 1, 1), ymd (2025, 1, 1), 300);
  check_ticks (&vp, &en, DOSSIER_TIMELINE_UNIT_YEAR, 5);

  /* Two years: months. */
  vp = viewport (ymd (2024, 1, 1), ymd (2026, 1, 1), 1000);
  check_ticks (&vp, &en, DOSSIER_TIMELINE_UNIT_MONTH, 1);

  /* Two months: weeks, with months above them. */
  vp = viewport (ymd (2025, 1, 1), ymd (2025, 3, 1), 1000);
  check_ticks (&vp, &en, DOSSIER_TIMELINE_UNIT_WEEK, 1);

  /* Ten days: days, with day-less months as the context row. */
  vp = viewport (ymd (2025, 1, 20), ymd (2025, 1, 30), 1000);
  check_ticks (&vp, &en, DOSSIER_TIMELINE_UNIT_DAY, 1);

  /* Ten days across a month boundary: two periods. */
  {
    g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePeriod));

    vp = viewport (ymd (2025, 1, 25), ymd (2025, 2, 4), 1000);
    dossier_timeline_ticks_compute (&vp, fake_tick_width, &en, 8, NULL, periods);
    g_assert_cmpuint (periods->len, ==, 2);
    g_assert_cmpint (g_array_index (periods, DossierTimelinePeriod, 0).unit, ==, DOSSIER_TIMELINE_UNIT_MONTH);
    g_assert_cmpint (g_array_index (periods, DossierTimelinePeriod, 1).start, ==, ymd (2025, 2, 1));
  }
}

static void
test_ticks_locales (void)
{
  FakeLocale short_names = { 3 * 7 };   /* "Jan" */
  FakeLocale long_names = { 10 * 7 };   /* "septiembre" */
  DossierTimelineViewport vp = viewport (ymd (2024, 1, 1), ymd (2025, 1, 1), 700);

  /* 700 px a year: short month names fit every month, long ones every
   * quarter. */
  check_ticks (&vp, &short_names, DOSSIER_TIMELINE_UNIT_MONTH, 1);
  check_ticks (&vp, &long_names, DOSSIER_TIMELINE_UNIT_MONTH, 3);
}

/* ---- layout ---------------------------------------------------------------- */

static double
fixed_label_width (guint    item,
                   gpointer user_data)
{
  return *(double *) user_data;
}

static DossierTimelineFrameParams
params_with_labels (double *width)
{
  DossierTimelineFrameParams params;

  dossier_timeline_frame_params_init (&params);
  params.label_width = fixed_label_width;
  params.user_data = width;
  return params;
}

static void
test_lanes (void)
{
  g_autoptr(DossierTimelineLayout) layout = dossier_timeline_layout_new (6);
  DossierTimelineItem items[12];
  double label = 50;
  DossierTimelineFrameParams params = params_with_labels (&label);
  DossierTimelineViewport vp;
  const DossierTimelineElement *elements;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    items[i] = day_item (2025, 1, 1 + 2 * i, i % 6);
  dossier_timeline_layout_set_items (layout, items, G_N_ELEMENTS (items));

  g_assert_cmpuint (dossier_timeline_layout_get_n_rows (layout), ==, 6);
  for (guint l = 0; l < 6; l++)
    {
      g_assert_cmpint (dossier_timeline_layout_get_lane_row (layout, l), ==, l);
      g_assert_cmpuint (dossier_timeline_layout_get_lane_size (layout, l), ==, 2);
    }

  dossier_timeline_layout_set_lane_visible (layout, 2, FALSE);
  g_assert_cmpuint (dossier_timeline_layout_get_n_rows (layout), ==, 5);
  g_assert_cmpint (dossier_timeline_layout_get_lane_row (layout, 2), ==, -1);
  g_assert_cmpint (dossier_timeline_layout_get_lane_row (layout, 3), ==, 2);
  g_assert_false (dossier_timeline_layout_get_lane_visible (layout, 2));

  vp = viewport (ymd (2025, 1, 1), ymd (2025, 2, 1), 2000);
  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (elements[i].kind, ==, DOSSIER_TIMELINE_ELEMENT_ITEM);
      g_assert_cmpuint (elements[i].lane, ==, items[elements[i].item].lane);
      g_assert_cmpuint (elements[i].lane, !=, 2);
      g_assert_cmpint (elements[i].row, ==, dossier_timeline_layout_get_lane_row (layout, elements[i].lane));
      /* Inside its row. */
      g_assert_cmpfloat (elements[i].y, >, elements[i].row * params.lane_height);
      g_assert_cmpfloat (elements[i].y, <, (elements[i].row + 1) * params.lane_height);
    }

  /* The range follows the visible lanes. */
  {
    gint64 start, end;

    dossier_timeline_layout_set_lane_visible (layout, 0, FALSE);
    g_assert_true (dossier_timeline_layout_get_range (layout, &start, &end));
    g_assert_cmpint (start, ==, ymd (2025, 1, 3));
    g_assert_cmpint (end, ==, ymd (2025, 1, 24));
  }
}

/* Nothing drawn in a tier overlaps anything else drawn in it: markers,
 * bars of spans that do not start off screen, labels and cluster pills. */
static void
assert_no_overlap (const DossierTimelineElement *elements,
                   guint                         n,
                   guint                         n_tiers)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const DossierTimelineElement *a = &elements[i], *b = &elements[j];
        double a0 = a->x0, a1 = MAX (a->x1, a->label_width > 0 ? a->label_x + a->label_width : a->x1);
        double b0 = b->x0, b1 = MAX (b->x1, b->label_width > 0 ? b->label_x + b->label_width : b->x1);
        gboolean same_place;

        if (a->lane != b->lane)
          continue;
        same_place = a->kind == DOSSIER_TIMELINE_ELEMENT_CLUSTER ||
                     b->kind == DOSSIER_TIMELINE_ELEMENT_CLUSTER ||
                     a->tier == b->tier;
        if (!same_place)
          continue;
        if (a1 <= b0 || b1 <= a0)
          continue;
        g_error ("elements %u [%g, %g] tier %u and %u [%g, %g] tier %u overlap",
                 i, a0, a1, a->tier, j, b0, b1, b->tier);
      }
}

static void
test_label_collision (void)
{
  g_autoptr(DossierTimelineLayout) layout = dossier_timeline_layout_new (1);
  DossierTimelineItem items[30];
  double label = 120;
  DossierTimelineFrameParams params = params_with_labels (&label);
  DossierTimelineViewport vp;
  const DossierTimelineElement *elements;
  guint n, shown = 0, hidden = 0;

  /* One a day for a month, 14 px apart: 3 tiers, each label 120 px long,
   * so a label gets at most about 3 × 14 px before the next marker in its
   * tier: too little to show. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    items[i] = day_item (2025, 1, 1 + i, 0);
  dossier_timeline_layout_set_items (layout, items, G_N_ELEMENTS (items));
  vp = viewport (ymd (2025, 1, 1), ymd (2025, 1, 31), 14 * 30);
  vp.width += 200;  /* room after the last ones */

  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  g_assert_cmpuint (n, ==, 30);
  assert_no_overlap (elements, n, params.n_tiers);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (elements[i].kind, ==, DOSSIER_TIMELINE_ELEMENT_ITEM);
      g_assert_cmpuint (elements[i].tier, <, params.n_tiers);
      if (elements[i].label_width > 0)
        {
          shown++;
          g_assert_cmpfloat (elements[i].label_width, >=, params.min_label_width);
          g_assert_cmpfloat (elements[i].label_width, <=, label);
        }
      else
        hidden++;
    }
  /* The last ones have room after them. */
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (hidden, >, 20);

  /* At 20 px apart, labels are shortened but all shown. */
  vp = viewport (ymd (2025, 1, 1), ymd (2025, 1, 31), 20 * 30);
  vp.width += 200;
  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  g_assert_cmpuint (n, ==, 30);
  assert_no_overlap (elements, n, params.n_tiers);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (elements[i].label_width, >=, params.min_label_width);

  /* With room, every label is shown whole. */
  vp = viewport (ymd (2025, 1, 1), ymd (2025, 1, 31), 30 * 150);
  vp.width += 200;
  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  assert_no_overlap (elements, n, params.n_tiers);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (elements[i].label_width, ==, label);
      g_assert_cmpuint (elements[i].tier, ==, 0);
    }

  /* The selected item keeps its label where others lose theirs. */
  vp = viewport (ymd (2025, 1, 1), ymd (2025, 1, 31), 600);
  vp.width += 200;
  for (guint sel = 0; sel < 30; sel += 7)
    {
      int index;

      params.selected = sel;
      elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
      assert_no_overlap (elements, n, params.n_tiers);
      index = dossier_timeline_layout_find_element (layout, sel);
      g_assert_cmpint (index, >=, 0);
      g_assert_cmpfloat (elements[index].label_width, >=, params.min_label_width);
    }
}

static void
test_clustering (void)
{
  g_autoptr(DossierTimelineLayout) layout = dossier_timeline_layout_new (2);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (DossierTimelineItem));
  g_autofree guint8 *emph = NULL;
  double label = 80;
  DossierTimelineFrameParams params = params_with_labels (&label);
  DossierTimelineViewport vp;
  const DossierTimelineElement *elements;
  guint n, total, clusters;

  /* A dense stretch (200 events in ten days) and a few lone ones. */
  for (guint i = 0; i < 200; i++)
    {
      DossierTimelineItem item = day_item (2025, 1, 20 + i % 10, 0);
      g_array_append_val (items, item);
    }
  for (guint m = 1; m <= 12; m += 3)
    {
      DossierTimelineItem item = day_item (2024, m, 15, 1);
      g_array_append_val (items, item);
    }
  dossier_timeline_layout_set_items (layout, (DossierTimelineItem *) (void *) items->data, items->len);

  emph = g_new0 (guint8, items->len);
  for (guint i = 0; i < items->len; i += 4)
    emph[i] = 1;
  dossier_timeline_layout_set_emphasis (layout, emph);
  g_assert_true (dossier_timeline_layout_has_emphasis (layout));

  vp = viewport (ymd (2024, 1, 1), ymd (2025, 2, 1), 1000);
  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  assert_no_overlap (elements, n, params.n_tiers);
  total = clusters = 0;
  for (guint i = 0; i < n; i++)
    {
      total += elements[i].count;
      if (elements[i].kind == DOSSIER_TIMELINE_ELEMENT_CLUSTER)
        {
          g_autofree guint *members = g_new (guint, elements[i].count);
          guint n_emph = 0;

          clusters++;
          g_assert_cmpuint (elements[i].lane, ==, 0);
          g_assert_cmpuint (elements[i].count, >, params.n_tiers);
          g_assert_cmpuint (dossier_timeline_layout_get_cluster_items (layout, &elements[i], members, elements[i].count), ==, elements[i].count);
          for (guint j = 0; j < elements[i].count; j++)
            {
              g_assert_cmpuint (items->len, >, members[j]);
              n_emph += emph[members[j]];
              /* Each item is found in its cluster. */
              g_assert_cmpint (dossier_timeline_layout_find_element (layout, members[j]), ==, i);
            }
          g_assert_cmpuint (n_emph, ==, elements[i].n_emphasized);
          /* The pill stays inside its bucket. */
          g_assert_cmpfloat (elements[i].x1 - elements[i].x0, <=, params.bucket_width);
        }
      else
        g_assert_cmpuint (elements[i].lane, ==, 1);
    }
  g_assert_cmpuint (total, ==, items->len);
  g_assert_cmpuint (clusters, >=, 1);
  g_assert_cmpuint (clusters, <=, 2);

  /* Zoomed on the dense days, 20 a day spread over 100 px each: the
   * clusters open up. */
  vp = viewport (ymd (2025, 1, 20), ymd (2025, 1, 30), 10 * 20 * 40);
  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  assert_no_overlap (elements, n, params.n_tiers);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (elements[i].kind, ==, DOSSIER_TIMELINE_ELEMENT_ITEM);
  g_assert_cmpuint (n, ==, 200);

  /* Fewer elements than buckets, however many events. */
  vp = viewport (ymd (2025, 1, 20), ymd (2025, 1, 30), 400);
  dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  g_assert_cmpuint (n, <=, (400 / params.bucket_width + 2) * params.n_tiers * 2);

  dossier_timeline_layout_set_emphasis (layout, NULL);
  g_assert_false (dossier_timeline_layout_has_emphasis (layout));
}

static void
test_spans (void)
{
  g_autoptr(DossierTimelineLayout) layout = dossier_timeline_layout_new (1);
  DossierTimelineItem items[3] = {
    { ymd (2025, 1, 1), ymd (2025, 2, 1), 0, 0 },                              /* January 2025 */
    { ymd (2023, 1, 1), ymd (2024, 1, 1), 0, DOSSIER_TIMELINE_ITEM_APPROXIMATE }, /* about 2023 */
    day_item (2025, 1, 20, 0),
  };
  double label = 60;
  DossierTimelineFrameParams params = params_with_labels (&label);
  DossierTimelineViewport vp;
  const DossierTimelineElement *elements;
  guint n;
  int i;

  dossier_timeline_layout_set_items (layout, items, 3);
  vp = viewport (ymd (2022, 12, 1), ymd (2025, 3, 1), 2000);
  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  g_assert_cmpuint (n, ==, 3);
  assert_no_overlap (elements, n, params.n_tiers);

  i = dossier_timeline_layout_find_element (layout, 0);
  g_assert_true (elements[i].is_span);
  g_assert_false (elements[i].approximate);
  g_assert_cmpfloat_with_epsilon (elements[i].span_x0, dossier_timeline_viewport_time_to_x (&vp, ymd (2025, 1, 1)), 1e-6);
  g_assert_cmpfloat_with_epsilon (elements[i].span_x1, dossier_timeline_viewport_time_to_x (&vp, ymd (2025, 2, 1)), 1e-6);
  i = dossier_timeline_layout_find_element (layout, 1);
  g_assert_true (elements[i].is_span);
  g_assert_true (elements[i].approximate);
  i = dossier_timeline_layout_find_element (layout, 2);
  g_assert_false (elements[i].is_span);

  /* A span that began before the view keeps its label in view. */
  vp = viewport (ymd (2023, 6, 1), ymd (2023, 7, 1), 1000);
  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (elements[0].item, ==, 1);
  g_assert_cmpfloat (elements[0].span_x0, <, 0);
  g_assert_cmpfloat (elements[0].span_x1, >, 1000);
  g_assert_cmpfloat (elements[0].x, ==, 0);
  g_assert_cmpfloat (elements[0].label_x, >=, 0);

  /* Nothing before or after it. */
  vp = viewport (ymd (2024, 3, 1), ymd (2024, 4, 1), 1000);
  dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_hit_testing (void)
{
  g_autoptr(DossierTimelineLayout) layout = dossier_timeline_layout_new (2);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (DossierTimelineItem));
  double label = 80;
  DossierTimelineFrameParams params = params_with_labels (&label);
  DossierTimelineViewport vp;
  const DossierTimelineElement *elements;
  guint n, n_lane1 = 0;
  int hit;

  for (guint i = 0; i < 50; i++)
    {
      DossierTimelineItem item = day_item (2025, 1, 27, 1);
      g_array_append_val (items, item);
    }
  {
    DossierTimelineItem a = day_item (2025, 1, 10, 0), b = day_item (2025, 1, 11, 0);
    g_array_append_val (items, a);
    g_array_append_val (items, b);
  }
  dossier_timeline_layout_set_items (layout, (DossierTimelineItem *) (void *) items->data, items->len);
  vp = viewport (ymd (2025, 1, 1), ymd (2025, 2, 1), 1000);
  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);

  for (guint i = 0; i < n; i++)
    {
      hit = dossier_timeline_layout_hit_test (layout, elements[i].x, elements[i].y);
      g_assert_cmpint (hit, ==, i);
      if (elements[i].kind == DOSSIER_TIMELINE_ELEMENT_ITEM && elements[i].label_width > 0)
        {
          /* On the label, too. */
          hit = dossier_timeline_layout_hit_test (layout, elements[i].label_x + elements[i].label_width / 2, elements[i].y);
          g_assert_cmpint (hit, ==, i);
        }
      if (elements[i].lane == 1)
        n_lane1 += elements[i].count;
    }
  /* The day spreads over two buckets or so; all 50 are counted. */
  g_assert_cmpuint (n_lane1, ==, 50);

  /* Between lanes' events, and outside every lane, nothing. */
  g_assert_cmpint (dossier_timeline_layout_hit_test (layout, 900, 10), ==, -1);
  g_assert_cmpint (dossier_timeline_layout_hit_test (layout, 100, -5), ==, -1);
  g_assert_cmpint (dossier_timeline_layout_hit_test (layout, 100, 2 * params.lane_height + 5), ==, -1);

  /* Hidden lanes are not hit. */
  dossier_timeline_layout_set_lane_visible (layout, 1, FALSE);
  elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (elements[i].lane, ==, 0);
}

static void
test_navigation (void)
{
  g_autoptr(DossierTimelineLayout) layout = dossier_timeline_layout_new (3);
  /* Given out of order, across lanes, with two on the same day. */
  DossierTimelineItem items[] = {
    day_item (2025, 1, 27, 1),  /* 0 */
    day_item (2023, 7, 17, 2),  /* 1 */
    day_item (2025, 1, 20, 0),  /* 2 */
    day_item (2025, 1, 27, 0),  /* 3 */
    { ymd (2024, 12, 1), ymd (2025, 1, 1), 2, 0 },  /* 4: December 2024 */
    day_item (2024, 12, 26, 0), /* 5 */
  };
  guint expected[] = { 1, 4, 5, 2, 3, 0 };
  guint cur;

  dossier_timeline_layout_set_items (layout, items, G_N_ELEMENTS (items));

  cur = dossier_timeline_layout_navigate (layout, DOSSIER_TIMELINE_NONE, DOSSIER_TIMELINE_NAV_FIRST);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpuint (cur, ==, expected[i]);
      if (i + 1 < G_N_ELEMENTS (expected))
        cur = dossier_timeline_layout_navigate (layout, cur, DOSSIER_TIMELINE_NAV_NEXT);
    }
  /* At the end, Right stays put. */
  g_assert_cmpuint (dossier_timeline_layout_navigate (layout, cur, DOSSIER_TIMELINE_NAV_NEXT), ==, 0);
  g_assert_cmpuint (dossier_timeline_layout_navigate (layout, cur, DOSSIER_TIMELINE_NAV_LAST), ==, 0);

  for (guint i = G_N_ELEMENTS (expected); i-- > 0; )
    {
      g_assert_cmpuint (cur, ==, expected[i]);
      cur = dossier_timeline_layout_navigate (layout, cur, DOSSIER_TIMELINE_NAV_PREV);
    }
  g_assert_cmpuint (cur, ==, 1);

  /* Nothing selected: Right starts at the first, Left at the last. */
  g_assert_cmpuint (dossier_timeline_layout_navigate (layout, DOSSIER_TIMELINE_NONE, DOSSIER_TIMELINE_NAV_NEXT), ==, 1);
  g_assert_cmpuint (dossier_timeline_layout_navigate (layout, DOSSIER_TIMELINE_NONE, DOSSIER_TIMELINE_NAV_PREV), ==, 0);

  /* Hidden lanes are skipped. */
  dossier_timeline_layout_set_lane_visible (layout, 2, FALSE);
  g_assert_cmpuint (dossier_timeline_layout_navigate (layout, DOSSIER_TIMELINE_NONE, DOSSIER_TIMELINE_NAV_FIRST), ==, 5);
  g_assert_cmpuint (dossier_timeline_layout_navigate (layout, 5, DOSSIER_TIMELINE_NAV_PREV), ==, 5);
  dossier_timeline_layout_set_lane_visible (layout, 0, FALSE);
  dossier_timeline_layout_set_lane_visible (layout, 1, FALSE);
  g_assert_cmpuint (dossier_timeline_layout_navigate (layout, DOSSIER_TIMELINE_NONE, DOSSIER_TIMELINE_NAV_FIRST), ==, DOSSIER_TIMELINE_NONE);

  /* Empty. */
  dossier_timeline_layout_set_items (layout, NULL, 0);
  g_assert_cmpuint (dossier_timeline_layout_navigate (layout, DOSSIER_TIMELINE_NONE, DOSSIER_TIMELINE_NAV_FIRST), ==, DOSSIER_TIMELINE_NONE);
  g_assert_false (dossier_timeline_layout_get_range (layout, NULL, NULL));
}

/* Same-day events spread over their day, so they always come apart. */
static void
test_same_day (void)
{
  g_autoptr(DossierTimelineLayout) layout = dossier_timeline_layout_new (1);
  DossierTimelineItem items[6];
  double label = 40;
  DossierTimelineFrameParams params = params_with_labels (&label);
  DossierTimelineViewport vp;
  guint n;

  for (guint i = 0; i < 6; i++)
    items[i] = day_item (2025, 1, 27, 0);
  dossier_timeline_layout_set_items (layout, items, 6);
  for (guint i = 0; i < 6; i++)
    {
      double a = dossier_timeline_layout_get_anchor (layout, i);

      g_assert_cmpfloat (a, >, ymd (2025, 1, 27));
      g_assert_cmpfloat (a, <, ymd (2025, 1, 28));
    }

  vp = viewport (ymd (2025, 1, 27), ymd (2025, 1, 28), 1200);
  dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);
  g_assert_cmpuint (n, ==, 6);
}

/* Every event in view is in the frame exactly once, as an item or in a
 * cluster: those whose anchor falls in a bucket of the view, and the spans
 * that began before the first bucket and reach into the view, however long
 * ago they began (one of them lasts twenty years). */
static void
test_frame_covers_view (void)
{
  g_autoptr(DossierTimelineLayout) layout = dossier_timeline_layout_new (2);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (DossierTimelineItem));
  g_autoptr(GRand) rand = g_rand_new_with_seed (1995);
  g_autofree guint8 *seen = NULL;
  g_autofree guint *members = NULL;
  DossierTimelineFrameParams params;
  double label = 50;

  for (guint i = 0; i < 3000; i++)
    {
      int y = g_rand_int_range (rand, 2000, 2020), m = g_rand_int_range (rand, 1, 13);
      DossierTimelineItem item = day_item (y, m, g_rand_int_range (rand, 1, 29), i % 2);
      guint kind = g_rand_int_range (rand, 0, 100);

      if (kind < 10)
        item.end = ymd (y, m, 1) + 30 * DAY, item.start = ymd (y, m, 1);   /* a month */
      else if (kind < 12)
        item.start = ymd (y, 1, 1), item.end = ymd (y + 1, 1, 1);          /* a year */
      g_array_append_val (items, item);
    }
  {
    DossierTimelineItem era = { ymd (1995, 1, 1), ymd (2015, 1, 1), 0, DOSSIER_TIMELINE_ITEM_APPROXIMATE };

    g_array_append_val (items, era);
  }
  dossier_timeline_layout_set_items (layout, (DossierTimelineItem *) (void *) items->data, items->len);
  seen = g_new (guint8, items->len);
  members = g_new (guint, items->len);
  params = params_with_labels (&label);

  for (guint round = 0; round < 200; round++)
    {
      DossierTimelineViewport vp;
      const DossierTimelineElement *elements;
      double days = pow (10, g_rand_double_range (rand, 0.8, 3.9));   /* a week to twenty years */
      double world0, t0, t1, bw = params.bucket_width;
      gint64 k0, k1;
      guint n, n_seen = 0, n_expected = 0;

      vp.width = 1000;
      vp.scale = vp.width / (days * DAY);
      vp.start = ymd (1996, 1, 1) + g_rand_double_range (rand, 0, 25 * 365.0) * DAY;
      elements = dossier_timeline_layout_compute_frame (layout, &vp, &params, &n);

      memset (seen, 0, items->len);
      for (guint i = 0; i < n; i++)
        {
          guint got = dossier_timeline_layout_get_cluster_items (layout, &elements[i], members, items->len);

          g_assert_cmpuint (got, ==, elements[i].count);
          for (guint j = 0; j < got; j++)
            {
              g_assert_cmpuint (seen[members[j]], ==, 0);
              seen[members[j]] = 1;
              n_seen++;
            }
        }

      world0 = vp.start * vp.scale;
      k0 = (gint64) floor (world0 / bw);
      k1 = (gint64) floor ((world0 + vp.width) / bw);
      t0 = k0 * bw / vp.scale;
      t1 = (k1 + 1) * bw / vp.scale;
      for (guint i = 0; i < items->len; i++)
        {
          const DossierTimelineItem *item = &g_array_index (items, DossierTimelineItem, i);
          double anchor = dossier_timeline_layout_get_anchor (layout, i);
          gboolean span = item->end - item->start > DAY;
          gboolean expected = (anchor >= t0 && anchor < t1) ||
                              (span && item->start < t0 && item->end > vp.start);

          g_assert_cmpuint (seen[i], ==, expected);
          n_expected += expected;
        }
      g_assert_cmpuint (n_seen, ==, n_expected);
    }
}

/* ---- searching ------------------------------------------------------------- */

static guint
linear_search (const double *sorted,
               guint         from,
               guint         n,
               double        t)
{
  while (from < n && sorted[from] < t)
    from++;
  return from;
}

static void
test_search_from (void)
{
  static const double few[] = { 1, 2, 2, 2, 5, 8, 8, 13 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  /* Nothing to search, or nothing left. */
  g_assert_cmpuint (dossier_timeline_search_from (NULL, 0, 0, 3), ==, 0);
  g_assert_cmpuint (dossier_timeline_search_from (few, G_N_ELEMENTS (few), G_N_ELEMENTS (few), 0), ==, G_N_ELEMENTS (few));

  /* Below, between, on (the first of equal values) and above. */
  g_assert_cmpuint (dossier_timeline_search_from (few, 0, G_N_ELEMENTS (few), 0), ==, 0);
  g_assert_cmpuint (dossier_timeline_search_from (few, 0, G_N_ELEMENTS (few), 2), ==, 1);
  g_assert_cmpuint (dossier_timeline_search_from (few, 0, G_N_ELEMENTS (few), 3), ==, 4);
  g_assert_cmpuint (dossier_timeline_search_from (few, 0, G_N_ELEMENTS (few), 8), ==, 5);
  g_assert_cmpuint (dossier_timeline_search_from (few, 0, G_N_ELEMENTS (few), 13), ==, 7);
  g_assert_cmpuint (dossier_timeline_search_from (few, 0, G_N_ELEMENTS (few), 14), ==, G_N_ELEMENTS (few));
  g_assert_cmpuint (dossier_timeline_search_from (few, 5, G_N_ELEMENTS (few), 9), ==, 7);

  /* Against a plain scan, from every start that keeps the promise that
   * what comes before it is smaller, as a frame walking its buckets does. */
  for (guint round = 0; round < 50; round++)
    {
      guint n = g_rand_int_range (rand, 1, 300);
      g_autofree double *sorted = g_new (double, n);
      double v = 0;

      for (guint i = 0; i < n; i++)
        {
          /* Runs of equal values too, like events of one day. */
          if (g_rand_int_range (rand, 0, 3) != 0)
            v += g_rand_double_range (rand, 0, 10);
          sorted[i] = v;
        }

      for (guint k = 0; k < 40; k++)
        {
          double t = g_rand_double_range (rand, -5, v + 5);
          guint answer = linear_search (sorted, 0, n, t);

          for (guint from = 0; from <= answer; from++)
            g_assert_cmpuint (dossier_timeline_search_from (sorted, from, n, t), ==, answer);
        }

      /* Consecutive buckets: each search starts where the last one ended. */
      {
        guint next = 0;

        for (double t = -5; t < v + 10; t += 3.7)
          {
            guint hi = dossier_timeline_search_from (sorted, next, n, t);

            g_assert_cmpuint (hi, ==, linear_search (sorted, 0, n, t));
            next = hi;
          }
        g_assert_cmpuint (next, ==, n);
      }
    }
}

/* ---- a frame depends on what is visible ------------------------------------ */

static double
counting_label_width (guint    item,
                      gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return 60;
}

/* The same events in view, alone or among a hundred thousand others years
 * away: the frame is the same, and no label of those others is measured. */
static void
test_frame_independent_of_total (void)
{
  g_autoptr(DossierTimelineLayout) alone = dossier_timeline_layout_new (3);
  g_autoptr(DossierTimelineLayout) among = dossier_timeline_layout_new (3);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (DossierTimelineItem));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  DossierTimelineFrameParams params;
  guint calls = 0;
  guint n_visible;

  /* 300 events in 2015, some of them month spans. */
  for (guint i = 0; i < 300; i++)
    {
      DossierTimelineItem item = day_item (2015, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29), i % 3);

      if (i % 10 == 0)
        item.end = item.start + 20 * DAY;
      g_array_append_val (items, item);
    }
  n_visible = items->len;
  dossier_timeline_layout_set_items (alone, (DossierTimelineItem *) (void *) items->data, items->len);

  /* And 100,000 more, before 2000 and after 2030. */
  for (guint i = 0; i < 100000; i++)
    {
      DossierTimelineItem item = day_item (i % 2 == 0 ? g_rand_int_range (rand, 1980, 2000)
                                                      : g_rand_int_range (rand, 2031, 2050),
                                           g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29), i % 3);
      g_array_append_val (items, item);
    }
  dossier_timeline_layout_set_items (among, (DossierTimelineItem *) (void *) items->data, items->len);

  dossier_timeline_frame_params_init (&params);
  params.label_width = counting_label_width;
  params.user_data = &calls;

  /* The whole year, then a month of it, panned a little. */
  for (guint zoom = 0; zoom < 2; zoom++)
    for (guint pan = 0; pan < 3; pan++)
      {
        DossierTimelineViewport vp = zoom == 0 ? viewport (ymd (2015, 1, 1), ymd (2016, 1, 1), 1200)
                                               : viewport (ymd (2015, 6, 1), ymd (2015, 7, 1), 1200);
        const DossierTimelineElement *a, *b;
        guint n_a, n_b, calls_a;

        dossier_timeline_viewport_pan (&vp, -37.0 * pan);
        calls = 0;
        a = dossier_timeline_layout_compute_frame (alone, &vp, &params, &n_a);
        calls_a = calls;
        calls = 0;
        b = dossier_timeline_layout_compute_frame (among, &vp, &params, &n_b);

        g_assert_cmpuint (n_a, >, 0);
        g_assert_cmpuint (n_a, ==, n_b);
        g_assert_cmpuint (calls, ==, calls_a);
        for (guint i = 0; i < n_a; i++)
          {
            g_assert_cmpint (a[i].kind, ==, b[i].kind);
            g_assert_cmpuint (a[i].item, <, n_visible);
            g_assert_cmpuint (a[i].item, ==, b[i].item);
            g_assert_cmpuint (a[i].count, ==, b[i].count);
            g_assert_cmpuint (a[i].tier, ==, b[i].tier);
            g_assert_cmpfloat (a[i].x, ==, b[i].x);
            g_assert_cmpfloat (a[i].label_width, ==, b[i].label_width);
          }
      }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-layout/civil", test_civil);
  g_test_add_func ("/timeline-layout/viewport", test_viewport);
  g_test_add_func ("/timeline-layout/ticks/zoom-levels", test_ticks_zoom_levels);
  g_test_add_func ("/timeline-layout/ticks/locales", test_ticks_locales);
  g_test_add_func ("/timeline-layout/lanes", test_lanes);
  g_test_add_func ("/timeline-layout/label-collision", test_label_collision);
  g_test_add_func ("/timeline-layout/clustering", test_clustering);
  g_test_add_func ("/timeline-layout/spans", test_spans);
  g_test_add_func ("/timeline-layout/hit-testing", test_hit_testing);
  g_test_add_func ("/timeline-layout/navigation", test_navigation);
  g_test_add_func ("/timeline-layout/same-day", test_same_day);
  g_test_add_func ("/timeline-layout/frame-covers-view", test_frame_covers_view);
  g_test_add_func ("/timeline-layout/search-from", test_search_from);
  g_test_add_func ("/timeline-layout/frame-independent-of-total", test_frame_independent_of_total);

  return g_test_run ();
}
