/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dossier-canvas-util.h"
#include "dossier-frame-cache.h"
#include "dossier-timeline-private.h"

/* The timeline canvas. All geometry comes from DossierTimelineLayout; this
 * file turns events into layout items, draws a frame and handles input. */

#define AXIS_HEIGHT 50.0
#define LANE_HEIGHT 78.0
#define LANE_PADDING 16.0
#define BOTTOM_PADDING 6.0
#define FIT_MARGIN 48.0
#define MAX_VISIBLE_SECONDS (400.0 * 365.25 * DOSSIER_TIMELINE_DAY)
#define MIN_VISIBLE_SECONDS (1.5 * DOSSIER_TIMELINE_DAY)
#define ZOOM_STEP 1.5
#define DIM_ALPHA 0.22f
#define NAV_VISUAL 0x100   /* with a DossierTimelineNav: an arrow key, see navigate_cb() */

/* Text is laid out once and drawn once into a render node, and both are
 * kept between frames: a frame only translates the nodes of what is on
 * screen, so panning and zooming never shape text again, and a label that
 * has to be shortened is clipped and given a drawn "…" rather than laid out
 * again at each new width. The caches hold a bounded number of texts and
 * drop the least recently used one for each new one, so no frame pays for
 * emptying them. */

#define MAX_CACHED_LABELS 2048
#define MAX_CACHED_TEXTS 512
#define MAX_CACHED_LOOKS 2048
#define NODE_SLOTS 3   /* a label's normal, dimmed and selected colours */

typedef struct
{
  DossierFrameCacheEntry entry;

  PangoLayout *layout;      /* one line at its natural width */
  int width;
  int height;
  gboolean bidi;            /* has right-to-left runs: Pango shortens it */

  GskRenderNode *nodes[NODE_SLOTS];   /* the layout drawn at 0, 0 … */
  GdkRGBA colors[NODE_SLOTS];         /* … in these colours */
  guint next_slot;

  /* The label shortened to the width last asked for: clipped at cut_x,
   * with the ellipsis after it, or for bidi text laid out again by Pango. */
  int cut_avail;
  int cut_x;
  int cut_width;
  PangoLayout *cut_layout;
  GskRenderNode *cut_node;
  GdkRGBA cut_color;
} Text;

/* How an element of the frame looks, apart from where it is: the key under
 * which its render node is kept, drawn around 0, 0. Everything the drawing
 * depends on is in here, so a node is reused exactly when it would be drawn
 * the same; the colours of the style are the same for all of them (a new
 * style empties the cache). */
typedef enum
{
  LOOK_BAR,
  LOOK_ITEM,
  LOOK_CLUSTER,
} LookKind;

typedef enum
{
  LOOK_APPROXIMATE = 1 << 0,
  LOOK_SPAN        = 1 << 1,
  LOOK_DIM         = 1 << 2,
  LOOK_SELECTED    = 1 << 3,   /* clusters: the selected event is inside */
  LOOK_HOVER       = 1 << 4,
  LOOK_EMPHASIZED  = 1 << 5,   /* clusters: some of their events are */
  LOOK_LABEL       = 1 << 6,
  LOOK_RTL         = 1 << 7,   /* drawn mirrored, later times to the left */
} LookFlags;

typedef struct
{
  guint32 kind;
  guint32 id;               /* items: the item; clusters: the count */
  guint32 lane;
  guint32 flags;
  float a;                  /* bars: start; items: label room, -1 all; clusters: left edge */
  float b;                  /* bars: end; clusters: right edge */
  float c;                  /* items: where the label starts */
} Look;

typedef struct
{
  DossierFrameCacheEntry entry;
  GskRenderNode *node;
} LookNode;

/* The colours of a frame. */
typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA lanes[DOSSIER_N_EVENT_CATEGORIES];
  GdkRGBA on_cluster;
  gboolean dark;
} Style;

struct _DossierTimeline
{
  GtkWidget parent_instance;

  GListModel *events;
  GPtrArray *event_array;        /* DossierEvent, index = layout item */
  GHashTable *index_of;          /* DossierEvent → index + 1 */
  DossierTimelineLayout *layout;
  guint8 *emphasized;

  DossierTimelineViewport vp;
  gboolean fitted;               /* follow the size until the user zooms */
  gboolean scroll_pending;
  int last_width;

  guint selected;
  int hover;                     /* element of the last frame */
  gboolean rtl;                  /* time runs leftwards; see is_rtl() */

  float *label_widths;           /* lazily measured, -1 unknown */
  PangoLayout *label_layout;     /* the styles of labels and of small text */
  PangoLayout *small_layout;
  /* Text kept between frames, so a frame only lays out what came into
   * view; see dossier_frame_cache_insert(). */
  guint64 frame;
  guint text_serial;             /* of the Pango context they were laid out in */
  DossierFrameCache labels;      /* item → its label */
  DossierFrameCache counts;      /* count → the text on a cluster */
  DossierFrameCache axis_texts;  /* time × 8 + kind → tick or period text */
  DossierFrameCache looks;       /* Look → LookNode */
  Style style;                   /* that the looks were drawn in */
  Text *lane_texts[DOSSIER_N_EVENT_CATEGORIES];
  Text *ellipsis;
  double tick_widths[4][101];    /* by unit and step, 0 unknown */

  GArray *ticks;
  GArray *periods;
  DossierTimelineFrameParams params;

  /* input */
  double drag_start;
  gboolean dragged;
  double zoom_scale;
  double pointer_x;
  double pointer_y;
};

G_DEFINE_FINAL_TYPE (DossierTimeline, dossier_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENTS,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- colours ---------------------------------------------------------------- */

/* GNOME palette: the 4/5 shades on light backgrounds, the 1/2 shades on
 * dark ones, so markers and the text on clusters keep their contrast. */
void
dossier_timeline_get_category_color (DossierEventCategory  category,
                                     gboolean              dark,
                                     GdkRGBA              *color)
{
  static const char * const light[] = {
    "#1c71d8", /* release: blue 4 */
    "#c01c28", /* market: red 4 */
    "#813d9c", /* reaction: purple 4 */
    "#26a269", /* investment: green 5 */
    "#c64600", /* policy: orange 5 */
    "#986a44", /* company: brown 3 */
  };
  static const char * const darkc[] = {
    "#62a0ea", /* blue 2 */
    "#f66151", /* red 1 */
    "#c061cb", /* purple 2 */
    "#57e389", /* green 2 */
    "#ffa348", /* orange 2 */
    "#cdab8f", /* brown 1 */
  };

  g_return_if_fail (color != NULL);

  if ((guint) category >= G_N_ELEMENTS (light))
    category = DOSSIER_EVENT_CATEGORY_COMPANY;
  gdk_rgba_parse (color, dark ? darkc[category] : light[category]);
}

static void
get_accent_color (DossierTimeline *self,
                  GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_color", color))
    dossier_canvas_get_fallback_accent (dossier_canvas_is_dark (), color);
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

/* ---- direction ----------------------------------------------------------------- */

/* Time runs the way the reader reads: from the right in a right-to-left
 * locale, as GNOME Calendar lays out the days of its week and as GTK turns
 * its sliders and progress bars around. The layout always works with the
 * earliest time on the left; these map its x to the widget's and back
 * (the mapping is its own inverse), and place its boxes: text itself is
 * never mirrored, only where it goes. */

static gboolean
is_rtl (DossierTimeline *self)
{
  return self->rtl;
}

static double
flip_x (DossierTimeline *self,
        double           x)
{
  return is_rtl (self) ? self->vp.width - x : x;
}

/* The left edge on screen of the layout's box [@x, @x + @w]. */
static float
flip_box (DossierTimeline *self,
          double           x,
          double           w)
{
  return (float) (is_rtl (self) ? self->vp.width - x - w : x);
}

/* ---- text ---------------------------------------------------------------------- */

static void
text_free (gpointer data)
{
  Text *text = data;

  g_clear_object (&text->layout);
  g_clear_object (&text->cut_layout);
  for (guint i = 0; i < NODE_SLOTS; i++)
    g_clear_pointer (&text->nodes[i], gsk_render_node_unref);
  g_clear_pointer (&text->cut_node, gsk_render_node_unref);
  g_free (text);
}

static Text *
text_new (PangoLayout *style,
          const char  *string)
{
  Text *text = g_new0 (Text, 1);
  PangoLayoutLine *line;

  text->entry.link.data = text;
  text->cut_avail = -1;
  text->layout = pango_layout_copy (style);
  pango_layout_set_width (text->layout, -1);
  pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (text->layout, string, -1);
  pango_layout_get_pixel_size (text->layout, &text->width, &text->height);

  line = pango_layout_get_line_readonly (text->layout, 0);
  for (GSList *l = line != NULL ? line->runs : NULL; l != NULL; l = l->next)
    {
      PangoLayoutRun *run = l->data;

      if (run->item->analysis.level % 2 == 1)
        text->bidi = TRUE;
    }

  return text;
}

static GskRenderNode *
render_layout (PangoLayout   *layout,
               const GdkRGBA *color)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gtk_snapshot_append_layout (snapshot, layout, color);
  return gtk_snapshot_free_to_node (snapshot);
}

/* NULL for an empty text. */
static GskRenderNode *
text_get_node (Text          *text,
               const GdkRGBA *color)
{
  guint slot;

  for (slot = 0; slot < NODE_SLOTS; slot++)
    if (text->nodes[slot] != NULL && gdk_rgba_equal (&text->colors[slot], color))
      return text->nodes[slot];

  slot = text->next_slot;
  text->next_slot = (text->next_slot + 1) % NODE_SLOTS;
  g_clear_pointer (&text->nodes[slot], gsk_render_node_unref);
  text->nodes[slot] = render_layout (text->layout, color);
  text->colors[slot] = *color;
  return text->nodes[slot];
}

static void
look_node_free (gpointer data)
{
  LookNode *look = data;

  g_clear_pointer (&look->node, gsk_render_node_unref);
  g_free (look);
}

static guint
look_hash (gconstpointer key)
{
  const guint32 *words = key;
  guint32 hash = 2166136261u;

  G_STATIC_ASSERT (sizeof (Look) % sizeof (guint32) == 0);
  for (guint i = 0; i < sizeof (Look) / sizeof (guint32); i++)
    hash = (hash ^ words[i]) * 16777619u;
  return hash;
}

static gboolean
look_equal (gconstpointer a,
            gconstpointer b)
{
  return memcmp (a, b, sizeof (Look)) == 0;
}

static Text *
text_cache_insert (DossierTimeline   *self,
                   DossierFrameCache *cache,
                   gpointer           key,
                   PangoLayout       *style,
                   const char        *string)
{
  return dossier_frame_cache_insert (cache, self->frame, key, &text_new (style, string)->entry);
}

static Text *
fixed_text (DossierTimeline  *self,
            Text            **slot,
            const char       *string,
            gboolean          small)
{
  if (*slot == NULL)
    *slot = text_new (small ? self->small_layout : self->label_layout, string);
  return *slot;
}

static Text *
ellipsis_text (DossierTimeline *self)
{
  return fixed_text (self, &self->ellipsis, "…", FALSE);
}

static Text *
label_text (DossierTimeline *self,
            guint            item)
{
  Text *text = dossier_frame_cache_lookup (&self->labels, self->frame, GUINT_TO_POINTER (item));

  if (text == NULL)
    text = text_cache_insert (self, &self->labels, GUINT_TO_POINTER (item), self->label_layout,
                              dossier_event_get_title (g_ptr_array_index (self->event_array, item)));
  return text;
}

static Text *
count_text (DossierTimeline *self,
            guint            count)
{
  Text *text = dossier_frame_cache_lookup (&self->counts, self->frame, GUINT_TO_POINTER (count));

  if (text == NULL)
    {
      g_autofree char *string = NULL;

      if (count >= 10000)
        string = g_strdup_printf ("%uk", count / 1000);
      else
        string = g_strdup_printf ("%u", count);
      text = text_cache_insert (self, &self->counts, GUINT_TO_POINTER (count), self->small_layout, string);
    }
  return text;
}

/* Shortens @text to at most @avail pixels (when it is wider) and returns
 * the width it will be drawn at. */
static int
text_fit (DossierTimeline *self,
          Text            *text,
          int              avail)
{
  PangoLayoutLine *line;
  int target, index = 0, trailing = 0, x = 0;

  if (avail < 0 || avail >= text->width)
    return text->width;
  if (text->cut_avail == avail)
    return text->cut_width;

  text->cut_avail = avail;
  if (text->bidi)
    {
      /* Where the end of the text is depends on its directions: let Pango
       * find it. Rare enough to lay out again. */
      if (text->cut_layout == NULL)
        {
          text->cut_layout = pango_layout_copy (text->layout);
          pango_layout_set_ellipsize (text->cut_layout, PANGO_ELLIPSIZE_END);
        }
      pango_layout_set_width (text->cut_layout, avail * PANGO_SCALE);
      pango_layout_get_pixel_size (text->cut_layout, &text->cut_width, NULL);
      g_clear_pointer (&text->cut_node, gsk_render_node_unref);
      return text->cut_width;
    }

  /* The last character that ends before the ellipsis, as Pango's own
   * ellipsizing would keep. */
  target = avail - ellipsis_text (self)->width;
  line = pango_layout_get_line_readonly (text->layout, 0);
  if (line != NULL && target > 0)
    {
      pango_layout_line_x_to_index (line, target * PANGO_SCALE, &index, &trailing);
      pango_layout_line_index_to_x (line, index, FALSE, &x);
    }
  text->cut_x = MIN (PANGO_PIXELS_FLOOR (x), MAX (target, 0));
  text->cut_width = text->cut_x + ellipsis_text (self)->width;
  return text->cut_width;
}

/* Places a node kept between frames: one transform node around it is all
 * it costs a frame once it has been drawn. */
static void
append_at (GtkSnapshot   *snapshot,
           GskRenderNode *node,
           double         x,
           double         y)
{
  GskTransform *transform;
  GskRenderNode *moved;

  if (node == NULL)
    return;
  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  moved = gsk_transform_node_new (node, transform);
  gtk_snapshot_append_node (snapshot, moved);
  gsk_render_node_unref (moved);
  gsk_transform_unref (transform);
}

/* @x, @y: the top left corner; @avail: as for text_fit(), -1 for none. */
static void
draw_text (DossierTimeline *self,
           GtkSnapshot     *snapshot,
           Text            *text,
           float            x,
           float            y,
           int              avail,
           const GdkRGBA   *color)
{
  if (text_fit (self, text, avail) == text->width)
    {
      append_at (snapshot, text_get_node (text, color), x, y);
      return;
    }

  if (text->bidi)
    {
      if (text->cut_node == NULL || !gdk_rgba_equal (&text->cut_color, color))
        {
          g_clear_pointer (&text->cut_node, gsk_render_node_unref);
          text->cut_node = render_layout (text->cut_layout, color);
          text->cut_color = *color;
        }
      append_at (snapshot, text->cut_node, x, y);
      return;
    }

  /* Clipped only horizontally: accents and descenders stay whole. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x, y - text->height, text->cut_x, 3 * text->height));
  append_at (snapshot, text_get_node (text, color), x, y);
  gtk_snapshot_pop (snapshot);
  append_at (snapshot, text_get_node (ellipsis_text (self), color), x + text->cut_x, y);
}

static gint64 *
int64_key (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

static void
clear_text_caches (DossierTimeline *self)
{
  dossier_frame_cache_clear (&self->looks);
  dossier_frame_cache_clear (&self->labels);
  dossier_frame_cache_clear (&self->counts);
  dossier_frame_cache_clear (&self->axis_texts);
  g_clear_pointer (&self->ellipsis, text_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->lane_texts); i++)
    g_clear_pointer (&self->lane_texts[i], text_free);
}

/* ---- events → items ------------------------------------------------------------ */

static void
event_to_item (DossierEvent        *event,
               DossierTimelineItem *item)
{
  const DossierDate *date = dossier_event_get_date (event);
  int y = dossier_date_get_year (date);
  int m = MAX (dossier_date_get_month (date), 1);
  int d = MAX (dossier_date_get_day (date), 1);

  switch (dossier_date_get_precision (date))
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      item->start = dossier_timeline_time_from_civil (y, 1, 1);
      item->end = dossier_timeline_time_from_civil (y + 1, 1, 1);
      break;
    case DOSSIER_DATE_PRECISION_MONTH:
      item->start = dossier_timeline_time_from_civil (y, m, 1);
      item->end = m == 12 ? dossier_timeline_time_from_civil (y + 1, 1, 1)
                          : dossier_timeline_time_from_civil (y, m + 1, 1);
      break;
    case DOSSIER_DATE_PRECISION_DAY:
    default:
      item->start = dossier_timeline_time_from_civil (y, m, d);
      item->end = item->start + DOSSIER_TIMELINE_DAY;
      break;
    }
  item->lane = MIN ((guint) dossier_event_get_category (event), DOSSIER_N_EVENT_CATEGORIES - 1);
  item->flags = dossier_date_is_approximate (date) ? DOSSIER_TIMELINE_ITEM_APPROXIMATE : 0;
}

static guint
index_of_event (DossierTimeline *self,
                DossierEvent    *event)
{
  gpointer value;

  if (event == NULL || self->index_of == NULL)
    return DOSSIER_TIMELINE_NONE;
  value = g_hash_table_lookup (self->index_of, event);
  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : DOSSIER_TIMELINE_NONE;
}

static DossierEvent *
event_at (DossierTimeline *self,
          guint            index)
{
  if (index >= self->event_array->len)
    return NULL;
  return g_ptr_array_index (self->event_array, index);
}

/* ---- accessibility ------------------------------------------------------------- */

static char *
describe_event (DossierEvent *event)
{
  g_autofree char *date = dossier_date_format (dossier_event_get_date (event));
  guint n_sources = g_list_model_get_n_items (dossier_event_get_sources (event));

  /* Translators: how the selected event is read out by screen readers:
   * title, date, category and number of sources */
  return g_strdup_printf (ngettext ("%s, %s, %s, %u source",
                                    "%s, %s, %s, %u sources", n_sources),
                          dossier_event_get_title (event), date,
                          dossier_event_category_get_label (dossier_event_get_category (event)),
                          n_sources);
}

static void
update_accessible (DossierTimeline *self)
{
  DossierEvent *event = event_at (self, self->selected);
  guint n = self->event_array->len;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  /* Translators: accessible name of the timeline; %u is the number of events */
  label = g_strdup_printf (ngettext ("Timeline, %u event", "Timeline, %u events", n), n);
  if (event != NULL)
    {
      g_autofree char *what = describe_event (event);

      /* Translators: accessible description of the timeline; %s describes the selected event */
      description = g_strdup_printf (_("Selected: %s"), what);
    }
  else
    description = g_strdup (_("No event selected. Use Left and Right to move between events, "
                              "plus and minus to zoom."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- measuring ---------------------------------------------------------------- */

static double
label_width_cb (guint    item,
                gpointer user_data)
{
  DossierTimeline *self = user_data;

  if (self->label_widths[item] < 0)
    self->label_widths[item] = label_text (self, item)->width;
  return self->label_widths[item];
}

static const char *
tick_format (DossierTimelineUnit unit)
{
  switch (unit)
    {
    case DOSSIER_TIMELINE_UNIT_YEAR:
      /* Translators: strftime format of year ticks on the timeline axis */
      return C_("timeline tick", "%Y");
    case DOSSIER_TIMELINE_UNIT_MONTH:
      /* Translators: strftime format of month ticks on the timeline axis (the year is shown above) */
      return C_("timeline tick", "%b");
    case DOSSIER_TIMELINE_UNIT_WEEK:
      /* Translators: strftime format of week ticks (a Monday) on the timeline axis (the month is shown above) */
      return C_("timeline tick", "%-d");
    case DOSSIER_TIMELINE_UNIT_DAY:
    default:
      /* Translators: strftime format of day ticks on the timeline axis (the month is shown above) */
      return C_("timeline tick", "%-d");
    }
}

static const char *
period_format (DossierTimelineUnit unit)
{
  if (unit == DOSSIER_TIMELINE_UNIT_YEAR)
    /* Translators: strftime format of the year row above month ticks */
    return C_("timeline period", "%Y");
  /* Translators: strftime format of the month row above day ticks */
  return C_("timeline period", "%B %Y");
}

static char *
format_time (gint64      t,
             const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, format);
}

/* The widest label of a unit in this locale and font: every month name for
 * months, a two-digit day for days. */
static double
tick_width_cb (DossierTimelineUnit unit,
               guint               step,
               gpointer            user_data)
{
  DossierTimeline *self = user_data;
  double *cached = &self->tick_widths[unit][MIN (step, 100)];

  if (*cached <= 0)
    {
      double widest = 0;

      for (int month = 1; month <= 12; month++)
        {
          g_autofree char *text = format_time (dossier_timeline_time_from_civil (2028, month, 28),
                                               tick_format (unit));
          int w;

          pango_layout_set_text (self->small_layout, text, -1);
          pango_layout_get_pixel_size (self->small_layout, &w, NULL);
          widest = MAX (widest, w);
          if (unit == DOSSIER_TIMELINE_UNIT_YEAR || unit == DOSSIER_TIMELINE_UNIT_DAY)
            break;
        }
      *cached = widest;
    }
  return *cached;
}

/* Tick and period texts by time and unit, formatted once. */
static Text *
axis_text (DossierTimeline     *self,
           gint64               time,
           DossierTimelineUnit  unit,
           gboolean             period)
{
  gint64 key = time * 8 + unit * 2 + (period ? 1 : 0);
  Text *text = dossier_frame_cache_lookup (&self->axis_texts, self->frame, &key);

  if (text == NULL)
    {
      g_autofree char *string = format_time (time, period ? period_format (unit) : tick_format (unit));

      text = text_cache_insert (self, &self->axis_texts, int64_key (key),
                                period ? self->label_layout : self->small_layout, string);
    }
  return text;
}

static void
reset_measurements (DossierTimeline *self)
{
  for (guint i = 0; i < self->event_array->len; i++)
    self->label_widths[i] = -1;
  memset (self->tick_widths, 0, sizeof self->tick_widths);
}

/* Text is measured and drawn again only when what it is laid out with
 * changed: the font, its options, the direction. Not on every change of
 * style (a focus or a hover), which would make the next frame lay out
 * every label on screen. */
static void
check_text_context (DossierTimeline *self)
{
  guint serial;

  if (self->label_layout == NULL)
    return;
  serial = pango_context_get_serial (pango_layout_get_context (self->label_layout));
  if (serial == self->text_serial)
    return;
  self->text_serial = serial;
  clear_text_caches (self);
  reset_measurements (self);
}

/* ---- viewport ------------------------------------------------------------------ */

static double
lanes_width (DossierTimeline *self)
{
  return MAX (self->vp.width, 1.0);
}

static void
clamp_viewport (DossierTimeline *self)
{
  gint64 start, end;
  double min_scale = lanes_width (self) / MAX_VISIBLE_SECONDS;
  double max_scale = lanes_width (self) / MIN_VISIBLE_SECONDS;

  self->vp.scale = CLAMP (self->vp.scale, min_scale, max_scale);
  if (dossier_timeline_layout_get_range (self->layout, &start, &end))
    dossier_timeline_viewport_clamp (&self->vp, start, end);
}

static void
fit (DossierTimeline *self)
{
  gint64 start, end;

  if (!dossier_timeline_layout_get_range (self->layout, &start, &end))
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      start = now - 365 * DOSSIER_TIMELINE_DAY;
      end = now;
    }
  dossier_timeline_viewport_fit_margins (&self->vp, start, end, FIT_MARGIN,
                                         MIN (self->vp.width / 4, 260));
  clamp_viewport (self);
  self->fitted = TRUE;
}

static void
zoom_by (DossierTimeline *self,
         double           factor,
         double           anchor_x)
{
  double min_scale = lanes_width (self) / MAX_VISIBLE_SECONDS;
  double max_scale = lanes_width (self) / MIN_VISIBLE_SECONDS;

  dossier_timeline_viewport_zoom (&self->vp, factor, anchor_x, min_scale, max_scale);
  clamp_viewport (self);
  self->fitted = FALSE;
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pan_by (DossierTimeline *self,
        double           dx)
{
  dossier_timeline_viewport_pan (&self->vp, dx);
  clamp_viewport (self);
  self->fitted = FALSE;
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zoom around the selected event when there is one on screen, else around
 * the pointer when it is over the widget, else around the middle. */
static double
zoom_anchor (DossierTimeline *self)
{
  if (self->selected != DOSSIER_TIMELINE_NONE)
    {
      double x = dossier_timeline_viewport_time_to_x (&self->vp,
                                                      dossier_timeline_layout_get_anchor (self->layout, self->selected));

      if (x >= 0 && x <= self->vp.width)
        return x;
    }
  if (self->pointer_x >= 0 && self->pointer_x <= self->vp.width)
    return self->pointer_x;
  return self->vp.width / 2;
}

void
dossier_timeline_zoom_in (DossierTimeline *self)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  zoom_by (self, ZOOM_STEP, zoom_anchor (self));
}

void
dossier_timeline_zoom_out (DossierTimeline *self)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  zoom_by (self, 1 / ZOOM_STEP, zoom_anchor (self));
}

void
dossier_timeline_zoom_fit (DossierTimeline *self)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  fit (self);
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Brings the selected event on screen, zooming in until it is no longer
 * hidden in a cluster, so the reader sees the marker that was picked. */
void
dossier_timeline_scroll_to_selected (DossierTimeline *self)
{
  double anchor, x;
  guint n;

  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (self->selected == DOSSIER_TIMELINE_NONE)
    return;
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->scroll_pending = TRUE;
      return;
    }
  self->scroll_pending = FALSE;

  if (!dossier_timeline_layout_get_lane_visible (self->layout,
                                                 dossier_timeline_layout_get_item (self->layout, self->selected)->lane))
    return;

  anchor = dossier_timeline_layout_get_anchor (self->layout, self->selected);
  x = dossier_timeline_viewport_time_to_x (&self->vp, anchor);
  if (x < FIT_MARGIN || x > self->vp.width - FIT_MARGIN * 3)
    {
      self->vp.start = anchor - (self->vp.width / 3) / self->vp.scale;
      clamp_viewport (self);
      self->fitted = FALSE;
    }

  for (int i = 0; i < 40; i++)
    {
      const DossierTimelineElement *elements;
      int e;

      self->params.selected = self->selected;
      elements = dossier_timeline_layout_compute_frame (self->layout, &self->vp, &self->params, &n);
      e = dossier_timeline_layout_find_element (self->layout, self->selected);
      if (e < 0 || elements[e].kind == DOSSIER_TIMELINE_ELEMENT_ITEM)
        break;
      x = dossier_timeline_viewport_time_to_x (&self->vp, anchor);
      dossier_timeline_viewport_zoom (&self->vp, ZOOM_STEP, x,
                                      lanes_width (self) / MAX_VISIBLE_SECONDS,
                                      lanes_width (self) / MIN_VISIBLE_SECONDS);
      clamp_viewport (self);
      self->fitted = FALSE;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- selection ------------------------------------------------------------------ */

static void
select_index (DossierTimeline *self,
              guint            index,
              gboolean         scroll)
{
  if (index == self->selected)
    return;
  self->selected = index;
  update_accessible (self);
  if (scroll)
    dossier_timeline_scroll_to_selected (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

DossierEvent *
dossier_timeline_get_selected (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), NULL);
  return event_at (self, self->selected);
}

void
dossier_timeline_set_selected (DossierTimeline *self,
                               DossierEvent    *event)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  g_return_if_fail (event == NULL || DOSSIER_IS_EVENT (event));

  select_index (self, index_of_event (self, event), TRUE);
}

void
dossier_timeline_set_emphasized (DossierTimeline *self,
                                 GListModel      *events)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  g_clear_pointer (&self->emphasized, g_free);
  if (events != NULL)
    {
      guint n = g_list_model_get_n_items (events);

      self->emphasized = g_new0 (guint8, MAX (self->event_array->len, 1));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);
          guint index = index_of_event (self, event);

          if (index != DOSSIER_TIMELINE_NONE)
            self->emphasized[index] = 1;
        }
    }
  dossier_timeline_layout_set_emphasis (self->layout, self->emphasized);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dossier_timeline_get_lane_visible (DossierTimeline      *self,
                                   DossierEventCategory  category)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail ((guint) category < DOSSIER_N_EVENT_CATEGORIES, FALSE);
  return dossier_timeline_layout_get_lane_visible (self->layout, category);
}

void
dossier_timeline_set_lane_visible (DossierTimeline      *self,
                                   DossierEventCategory  category,
                                   gboolean              visible)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  g_return_if_fail ((guint) category < DOSSIER_N_EVENT_CATEGORIES);

  if (dossier_timeline_layout_get_lane_visible (self->layout, category) == !!visible)
    return;
  dossier_timeline_layout_set_lane_visible (self->layout, category, visible);
  self->hover = -1;
  if (self->fitted)
    fit (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ---- events --------------------------------------------------------------------- */

static void
rebuild (DossierTimeline *self)
{
  g_autofree DossierTimelineItem *items = NULL;
  DossierEvent *selected = event_at (self, self->selected);
  g_autoptr(DossierEvent) keep = selected != NULL ? g_object_ref (selected) : NULL;
  guint n = self->events != NULL ? g_list_model_get_n_items (self->events) : 0;

  clear_text_caches (self);
  g_ptr_array_set_size (self->event_array, 0);
  g_hash_table_remove_all (self->index_of);
  g_clear_pointer (&self->emphasized, g_free);
  g_clear_pointer (&self->label_widths, g_free);

  items = g_new (DossierTimelineItem, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      DossierEvent *event = g_list_model_get_item (self->events, i);

      g_ptr_array_add (self->event_array, event);
      g_hash_table_insert (self->index_of, event, GUINT_TO_POINTER (i + 1));
      event_to_item (event, &items[i]);
    }
  self->label_widths = g_new (float, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->label_widths[i] = -1;

  dossier_timeline_layout_set_items (self->layout, items, n);
  self->selected = index_of_event (self, keep);
  self->hover = -1;
  fit (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (keep != NULL && self->selected == DOSSIER_TIMELINE_NONE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
events_changed (GListModel      *model,
                guint            position,
                guint            removed,
                guint            added,
                DossierTimeline *self)
{
  rebuild (self);
}

GListModel *
dossier_timeline_get_events (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), NULL);
  return self->events;
}

void
dossier_timeline_set_events (DossierTimeline *self,
                             GListModel      *events)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  if (self->events == events)
    return;

  if (self->events != NULL)
    g_signal_handlers_disconnect_by_func (self->events, events_changed, self);
  g_set_object (&self->events, events);
  if (self->events != NULL)
    g_signal_connect_object (self->events, "items-changed", G_CALLBACK (events_changed), self, 0);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENTS]);
}

/* ---- drawing -------------------------------------------------------------------- */

static void
append_rounded_rect (GtkSnapshot           *snapshot,
                     const graphene_rect_t *rect,
                     float                  radius,
                     const GdkRGBA         *color)
{
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_ring (GtkSnapshot   *snapshot,
             float          cx,
             float          cy,
             float          radius,
             float          width,
             const GdkRGBA *color)
{
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius), radius);
  dossier_canvas_append_outline (snapshot, &rr, width, color);
}

static void
draw_axis (DossierTimeline *self,
           GtkSnapshot     *snapshot,
           float            height,
           const GdkRGBA   *fg)
{
  GdkRGBA grid_major = with_alpha (fg, 0.13f);
  GdkRGBA grid_minor = with_alpha (fg, 0.05f);
  GdkRGBA tick_color = with_alpha (fg, 0.35f);
  GdkRGBA label_color = with_alpha (fg, 0.75f);
  GdkRGBA period_color = *fg;
  float width = (float) self->vp.width;

  dossier_timeline_ticks_compute (&self->vp, tick_width_cb, self, 14, self->ticks, self->periods);

  gtk_snapshot_append_color (snapshot, &grid_major,
                             &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT - 1, width, 1));

  for (guint i = 0; i < self->ticks->len; i++)
    {
      const DossierTimelineTick *tick = &g_array_index (self->ticks, DossierTimelineTick, i);
      float x = roundf ((float) tick->x);

      if (tick->major)
        {
          Text *text = axis_text (self, tick->time, tick->unit, FALSE);

          gtk_snapshot_append_color (snapshot, &grid_major,
                                     &GRAPHENE_RECT_INIT (flip_box (self, x, 1), AXIS_HEIGHT - 8,
                                                          1, height - AXIS_HEIGHT + 8));
          draw_text (self, snapshot, text, flip_box (self, x + 4, text->width),
                     AXIS_HEIGHT - 8 - text->height, -1, &label_color);
        }
      else
        {
          gtk_snapshot_append_color (snapshot, &tick_color,
                                     &GRAPHENE_RECT_INIT (flip_box (self, x, 1), AXIS_HEIGHT - 5, 1, 4));
          gtk_snapshot_append_color (snapshot, &grid_minor,
                                     &GRAPHENE_RECT_INIT (flip_box (self, x, 1), AXIS_HEIGHT, 1, height - AXIS_HEIGHT));
        }
    }

  /* The month or year above the ticks; its name stays in view while any
   * of it is on screen. */
  for (guint i = 0; i < self->periods->len; i++)
    {
      const DossierTimelinePeriod *p = &g_array_index (self->periods, DossierTimelinePeriod, i);
      Text *text = axis_text (self, p->start, p->unit, TRUE);
      float x = (float) MIN (MAX (p->x0, 0.0) + 4, p->x1 - text->width - 6);

      if (p->x0 > 0)
        gtk_snapshot_append_color (snapshot, &tick_color,
                                   &GRAPHENE_RECT_INIT (flip_box (self, roundf ((float) p->x0), 1), 4, 1, 16));
      draw_text (self, snapshot, text, flip_box (self, x, text->width), 3, -1, &period_color);
    }
}

static void
draw_bar (GtkSnapshot   *snapshot,
          float          x0,
          float          x1,
          gboolean       approximate,
          gboolean       rtl,
          const GdkRGBA *color,
          float          r)
{
  float y = 0.5f;
  GdkRGBA fill = with_alpha (color, 0.38f);
  float h = 8;

  x1 = MAX (x1, x0 + 2 * r);
  if (rtl)
    {
      float t = x0;

      x0 = -x1;
      x1 = -t;
    }
  if (!approximate)
    append_rounded_rect (snapshot, &GRAPHENE_RECT_INIT (x0, y - h / 2, x1 - x0, h), h / 2, &fill);
  else
    {
      /* An approximate span fades out at both ends. */
      float fade = MIN ((x1 - x0) / 3, 40);
      GdkRGBA clear = with_alpha (color, 0);
      GskColorStop in[2] = { { 0, clear }, { 1, fill } };
      GskColorStop out[2] = { { 0, fill }, { 1, clear } };

      gtk_snapshot_append_linear_gradient (snapshot, &GRAPHENE_RECT_INIT (x0, y - h / 2, fade, h),
                                           &GRAPHENE_POINT_INIT (x0, y), &GRAPHENE_POINT_INIT (x0 + fade, y), in, 2);
      gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (x0 + fade, y - h / 2, x1 - x0 - 2 * fade, h));
      gtk_snapshot_append_linear_gradient (snapshot, &GRAPHENE_RECT_INIT (x1 - fade, y - h / 2, fade, h),
                                           &GRAPHENE_POINT_INIT (x1 - fade, y), &GRAPHENE_POINT_INIT (x1, y), out, 2);
    }
}

static void
draw_marker (GtkSnapshot   *snapshot,
             gboolean       approximate,
             const GdkRGBA *color,
             float          r)
{
  float y = 0.5f;

  if (approximate)
    {
      /* A fuzzy date: a hollow ring in a faint halo. */
      GdkRGBA halo = with_alpha (color, 0.22f);

      append_rounded_rect (snapshot, &GRAPHENE_RECT_INIT (-r - 3, y - r - 3, 2 * r + 6, 2 * r + 6), r + 3, &halo);
      append_ring (snapshot, 0, y, r, 2, color);
    }
  else
    append_rounded_rect (snapshot, &GRAPHENE_RECT_INIT (-r, y - r, 2 * r, 2 * r), r, color);
}

static void
draw_cluster_look (DossierTimeline *self,
                   GtkSnapshot     *snapshot,
                   const Look      *look,
                   const GdkRGBA   *color,
                   const Style     *style)
{
  float h = 20, w = look->b - look->a;
  float x0 = look->flags & LOOK_RTL ? -look->b : look->a;
  gboolean dim = (look->flags & LOOK_DIM) != 0;
  GdkRGBA text = dim ? with_alpha (&style->on_cluster, 0.6f) : style->on_cluster;
  Text *count = count_text (self, look->id);

  append_rounded_rect (snapshot, &GRAPHENE_RECT_INIT (x0, -h / 2, w, h), h / 2, color);
  if (look->flags & LOOK_EMPHASIZED)
    {
      GskRoundedRect rr;

      gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x0 - 3, -h / 2 - 3, w + 6, h + 6), h / 2 + 3);
      dossier_canvas_append_outline (snapshot, &rr, 2, &style->fg);
    }
  if (look->flags & (LOOK_SELECTED | LOOK_HOVER))
    {
      GskRoundedRect rr;
      GdkRGBA c = look->flags & LOOK_SELECTED ? style->accent : with_alpha (&style->fg, 0.5f);

      gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x0 - 4, -h / 2 - 4, w + 8, h + 8), h / 2 + 4);
      dossier_canvas_append_outline (snapshot, &rr, 2, &c);
    }
  draw_text (self, snapshot, count, -count->width / 2.f, -count->height / 2.f, -1, &text);
}

static void
draw_item_look (DossierTimeline *self,
                GtkSnapshot     *snapshot,
                const Look      *look,
                const GdkRGBA   *color,
                const Style     *style,
                float            r)
{
  gboolean approximate = (look->flags & LOOK_APPROXIMATE) != 0;
  gboolean span = (look->flags & LOOK_SPAN) != 0;
  gboolean rtl = (look->flags & LOOK_RTL) != 0;
  float cx = span ? (rtl ? -r : r) : 0;

  if (!span)
    draw_marker (snapshot, approximate, color, r);
  else
    {
      /* Where the bar starts, a small marker to hover and select. */
      GdkRGBA cap = approximate ? with_alpha (color, 0.6f) : *color;

      append_rounded_rect (snapshot, &GRAPHENE_RECT_INIT (cx - r, 0.5f - r, 2 * r, 2 * r), r, &cap);
    }

  if (look->flags & LOOK_SELECTED)
    append_ring (snapshot, cx, 0.5f, r + 4, 2.5f, &style->accent);
  else if (look->flags & LOOK_HOVER)
    {
      GdkRGBA hover = with_alpha (&style->fg, 0.45f);

      append_ring (snapshot, cx, 0.5f, r + 3, 1.5f, &hover);
    }

  if (look->flags & LOOK_LABEL)
    {
      GdkRGBA text = look->flags & LOOK_DIM ? with_alpha (&style->fg, 0.35f) : with_alpha (&style->fg, 0.9f);
      Text *label = label_text (self, look->id);
      int avail = (int) look->a;
      int text_w = text_fit (self, label, avail);
      /* After the marker in time: on its left when time runs leftwards. */
      float lx = rtl ? -look->c - text_w : look->c;

      if (look->flags & LOOK_SELECTED)
        {
          GdkRGBA bg = with_alpha (&style->accent, 0.18f);

          append_rounded_rect (snapshot, &GRAPHENE_RECT_INIT (lx - 3, -label->height / 2.f - 1,
                                                             text_w + 6, label->height + 2), 4, &bg);
          text = style->fg;
        }
      draw_text (self, snapshot, label, lx, -label->height / 2.f, avail, &text);
    }
}

/* The node of @look, drawn on first use. */
static GskRenderNode *
look_get_node (DossierTimeline *self,
               const Look      *look)
{
  LookNode *entry = dossier_frame_cache_lookup (&self->looks, self->frame, look);

  if (entry == NULL)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      const Style *style = &self->style;
      float r = (float) self->params.marker_radius;
      GdkRGBA color = style->lanes[look->lane];

      if (look->flags & LOOK_DIM)
        color = with_alpha (&color, DIM_ALPHA);
      switch ((LookKind) look->kind)
        {
        case LOOK_BAR:
          draw_bar (snapshot, look->a, look->b, (look->flags & LOOK_APPROXIMATE) != 0,
                    (look->flags & LOOK_RTL) != 0, &color, r);
          break;
        case LOOK_CLUSTER:
          draw_cluster_look (self, snapshot, look, &color, style);
          break;
        case LOOK_ITEM:
        default:
          draw_item_look (self, snapshot, look, &color, style, r);
          break;
        }

      entry = g_new0 (LookNode, 1);
      entry->node = gtk_snapshot_free_to_node (snapshot);
      dossier_frame_cache_insert (&self->looks, self->frame, g_memdup2 (look, sizeof *look), &entry->entry);
    }
  return entry->node;
}

/* Sizes inside a look are kept to a sixteenth of a pixel, so the rounding
 * noise of a pan does not make a new look of an unchanged element. */
static inline float
quantize (double v)
{
  return (float) (round (v * 16) / 16);
}

static void
draw_elements (DossierTimeline              *self,
               GtkSnapshot                  *snapshot,
               const DossierTimelineElement *elements,
               guint                         n)
{
  gboolean emphasis = dossier_timeline_layout_has_emphasis (self->layout);
  guint rtl = is_rtl (self) ? LOOK_RTL : 0;
  /* The cluster the selected event is hidden in, if it is. */
  int selected_element = self->selected != DOSSIER_TIMELINE_NONE ?
                         dossier_timeline_layout_find_element (self->layout, self->selected) : -1;

  /* Bars first, so markers and labels sit on top of them. */
  for (guint i = 0; i < n; i++)
    {
      const DossierTimelineElement *e = &elements[i];
      Look look = { 0 };

      if (e->kind != DOSSIER_TIMELINE_ELEMENT_ITEM || !e->is_span)
        continue;
      look.kind = LOOK_BAR;
      look.lane = e->lane;
      look.flags = (e->approximate ? LOOK_APPROXIMATE : 0) |
                   (emphasis && e->n_emphasized == 0 ? LOOK_DIM : 0) | rtl;
      look.a = quantize (e->span_x0 - e->x);
      look.b = quantize (e->span_x1 - e->x);
      append_at (snapshot, look_get_node (self, &look), flip_x (self, e->x), e->y);
    }

  for (guint i = 0; i < n; i++)
    {
      const DossierTimelineElement *e = &elements[i];
      Look look = { 0 };

      look.lane = e->lane;
      look.flags = (emphasis && e->n_emphasized == 0 ? LOOK_DIM : 0) |
                   ((int) i == self->hover ? LOOK_HOVER : 0) | rtl;

      if (e->kind == DOSSIER_TIMELINE_ELEMENT_CLUSTER)
        {
          look.kind = LOOK_CLUSTER;
          look.id = e->count;
          look.flags |= (emphasis && e->n_emphasized > 0 ? LOOK_EMPHASIZED : 0) |
                        ((int) i == selected_element ? LOOK_SELECTED : 0);
          look.a = quantize (e->x0 - e->x);
          look.b = quantize (e->x1 - e->x);
        }
      else
        {
          look.kind = LOOK_ITEM;
          look.id = e->item;
          look.flags |= (e->approximate ? LOOK_APPROXIMATE : 0) |
                        (e->is_span ? LOOK_SPAN : 0) |
                        (e->item == self->selected ? LOOK_SELECTED : 0);
          if (e->label_width >= 8)
            {
              look.flags |= LOOK_LABEL;
              look.a = e->label_truncated ? (float) (int) e->label_width : -1;
              look.c = quantize (e->label_x - e->x);
            }
        }
      append_at (snapshot, look_get_node (self, &look), flip_x (self, e->x), e->y);
    }
}

static void
draw_lanes (DossierTimeline *self,
            GtkSnapshot     *snapshot,
            float            width,
            const GdkRGBA   *fg,
            gboolean         dark)
{
  GdkRGBA stripe = with_alpha (fg, 0.025f);
  GdkRGBA line = with_alpha (fg, 0.08f);

  for (guint l = 0; l < DOSSIER_N_EVENT_CATEGORIES; l++)
    {
      int row = dossier_timeline_layout_get_lane_row (self->layout, l);
      float y;
      GdkRGBA color;
      Text *text;

      if (row < 0)
        continue;
      y = (float) (AXIS_HEIGHT + row * LANE_HEIGHT);
      if (row % 2 == 1)
        gtk_snapshot_append_color (snapshot, &stripe, &GRAPHENE_RECT_INIT (0, y, width, LANE_HEIGHT));
      if (row > 0)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, y, width, 1));

      dossier_timeline_get_category_color (l, dark, &color);
      text = fixed_text (self, &self->lane_texts[l], dossier_event_category_get_label (l), TRUE);
      append_rounded_rect (snapshot, &GRAPHENE_RECT_INIT (flip_box (self, 8, 8), y + 5, 8, 8), 4, &color);
      draw_text (self, snapshot, text, flip_box (self, 20, text->width), y + 9 - text->height / 2.f, -1, &color);
    }
}

void
dossier_timeline_render (DossierTimeline *self,
                         GtkSnapshot     *snapshot,
                         int              width,
                         int              height)
{
  const DossierTimelineElement *elements;
  Style style = { 0 };
  guint n;

  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  self->frame++;
  check_text_context (self);
  style.dark = dossier_canvas_is_dark ();
  dossier_canvas_get_fg_color (GTK_WIDGET (self), &style.fg);
  get_accent_color (self, &style.accent);
  for (guint l = 0; l < DOSSIER_N_EVENT_CATEGORIES; l++)
    dossier_timeline_get_category_color (l, style.dark, &style.lanes[l]);
  gdk_rgba_parse (&style.on_cluster, style.dark ? "rgba(0,0,0,0.85)" : "#ffffff");
  if (memcmp (&style, &self->style, sizeof style) != 0)
    {
      dossier_frame_cache_clear (&self->looks);
      self->style = style;
    }

  draw_lanes (self, snapshot, width, &style.fg, style.dark);
  draw_axis (self, snapshot, height, &style.fg);

  self->params.selected = self->selected;
  elements = dossier_timeline_layout_compute_frame (self->layout, &self->vp, &self->params, &n);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT, width, height - AXIS_HEIGHT));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, AXIS_HEIGHT));
  draw_elements (self, snapshot, elements, n);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
dossier_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dossier_timeline_render (self, snapshot, width, height);
  gtk_snapshot_pop (snapshot);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent;

      get_accent_color (self, &accent);
      accent = with_alpha (&accent, 0.6f);
      dossier_canvas_append_focus_ring (snapshot, width, height, &accent);
    }
}

static void
dossier_timeline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 800;
    }
  else
    {
      guint rows = MAX (dossier_timeline_layout_get_n_rows (self->layout), 1);

      *minimum = *natural = (int) (AXIS_HEIGHT + rows * LANE_HEIGHT + BOTTOM_PADDING);
    }
}

static void
dossier_timeline_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  if (width == self->last_width)
    return;

  self->last_width = width;
  self->vp.width = width;
  if (self->fitted)
    fit (self);
  else
    clamp_viewport (self);
  if (self->scroll_pending)
    dossier_timeline_scroll_to_selected (self);
}

static void
dossier_timeline_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  self->rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  self->hover = -1;
  GTK_WIDGET_CLASS (dossier_timeline_parent_class)->direction_changed (widget, previous);
}

static void
dossier_timeline_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  GTK_WIDGET_CLASS (dossier_timeline_parent_class)->css_changed (widget, change);
  check_text_context (self);
}

/* ---- input ---------------------------------------------------------------------- */

static int
element_at (DossierTimeline *self,
            double           x,
            double           y)
{
  return dossier_timeline_layout_hit_test (self->layout, flip_x (self, x), y - AXIS_HEIGHT);
}

static const DossierTimelineElement *
frame_element (DossierTimeline *self,
               int              index)
{
  const DossierTimelineElement *elements;
  guint n;

  if (index < 0)
    return NULL;
  elements = dossier_timeline_layout_get_frame (self->layout, &n);
  return (guint) index < n ? &elements[index] : NULL;
}

static void
activate_element (DossierTimeline *self,
                  int              index)
{
  const DossierTimelineElement *e = frame_element (self, index);

  if (e == NULL)
    return;

  if (e->kind == DOSSIER_TIMELINE_ELEMENT_ITEM)
    {
      select_index (self, e->item, FALSE);
      return;
    }

  /* A cluster opens: zoom in on it. */
  {
    double x = (e->x0 + e->x1) / 2;

    zoom_by (self, 4.0, x);
  }
}

static void
click_released (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                DossierTimeline *self)
{
  int index;

  if (self->dragged)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  index = element_at (self, x, y);
  if (index >= 0)
    {
      activate_element (self, index);
      if (n_press == 2 && self->selected != DOSSIER_TIMELINE_NONE)
        g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event_at (self, self->selected));
    }
}

static void
drag_begin (GtkGestureDrag  *gesture,
            double           x,
            double           y,
            DossierTimeline *self)
{
  self->drag_start = self->vp.start;
  self->dragged = FALSE;
}

static void
drag_update (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             DossierTimeline *self)
{
  if (!self->dragged && fabs (dx) < 4)
    return;
  self->dragged = TRUE;
  self->vp.start = self->drag_start - (is_rtl (self) ? -dx : dx) / self->vp.scale;
  clamp_viewport (self);
  self->fitted = FALSE;
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll (GtkEventControllerScroll *controller,
        double                    dx,
        double                    dy,
        DossierTimeline          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);
  double step = unit == GDK_SCROLL_UNIT_WHEEL ? 60 : 1;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = pow (ZOOM_STEP, -dy * (unit == GDK_SCROLL_UNIT_WHEEL ? 1 : 0.02));

      zoom_by (self, factor, self->pointer_x);
      return GDK_EVENT_STOP;
    }

  /* Vertical wheels pan too, down to later times: there is nothing to
   * scroll vertically. */
  pan_by (self, -(dx != 0 ? (is_rtl (self) ? -dx : dx) : dy) * step);
  return GDK_EVENT_STOP;
}

static void
zoom_begin (GtkGesture       *gesture,
            GdkEventSequence *sequence,
            DossierTimeline  *self)
{
  self->zoom_scale = 1.0;
}

static void
zoom_scale_changed (GtkGestureZoom  *gesture,
                    double           scale,
                    DossierTimeline *self)
{
  double cx = self->vp.width / 2, cy;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    cx = flip_x (self, cx);
  if (scale > 0 && self->zoom_scale > 0)
    zoom_by (self, scale / self->zoom_scale, cx);
  self->zoom_scale = scale;
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        DossierTimeline          *self)
{
  int hover = element_at (self, x, y);

  self->pointer_x = flip_x (self, x);
  self->pointer_y = y;
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave (GtkEventControllerMotion *controller,
       DossierTimeline          *self)
{
  self->pointer_x = -1;
  if (self->hover != -1)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
query_tooltip (GtkWidget       *widget,
               int              x,
               int              y,
               gboolean         keyboard,
               GtkTooltip      *tooltip,
               DossierTimeline *self)
{
  const DossierTimelineElement *e;
  g_autoptr(GString) text = g_string_new (NULL);
  int index;

  if (keyboard)
    {
      DossierEvent *event = event_at (self, self->selected);
      g_autofree char *date = NULL;

      if (event == NULL)
        return FALSE;
      date = dossier_date_format (dossier_event_get_date (event));
      g_string_append_printf (text, "<b>%s</b>\n%s", dossier_event_get_title (event), date);
      gtk_tooltip_set_markup (tooltip, text->str);
      return TRUE;
    }

  index = element_at (self, x, y);
  e = frame_element (self, index);
  if (e == NULL)
    return FALSE;

  if (e->kind == DOSSIER_TIMELINE_ELEMENT_ITEM)
    {
      DossierEvent *event = event_at (self, e->item);
      g_autofree char *title = g_markup_escape_text (dossier_event_get_title (event), -1);
      g_autofree char *date = dossier_date_format (dossier_event_get_date (event));
      g_autofree char *date_escaped = g_markup_escape_text (date, -1);

      /* The formatted date already says when it is approximate. */
      g_string_append_printf (text, "<b>%s</b>\n%s", title, date_escaped);
    }
  else
    {
      guint shown[6];
      guint n = dossier_timeline_layout_get_cluster_items (self->layout, e, shown, G_N_ELEMENTS (shown));

      g_string_append (text, "<b>");
      /* Translators: tooltip of a cluster of events on the timeline */
      g_string_append_printf (text, ngettext ("%u event", "%u events", e->count), e->count);
      g_string_append (text, "</b>");
      for (guint i = 0; i < MIN (n, 5); i++)
        {
          g_autofree char *title = g_markup_escape_text (dossier_event_get_title (event_at (self, shown[i])), -1);

          g_string_append_printf (text, "\n• %s", title);
        }
      if (e->count > 5)
        g_string_append (text, "\n…");
      g_string_append_printf (text, "\n<i>%s</i>", _("Click to zoom in"));
    }

  gtk_tooltip_set_markup (tooltip, text->str);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) flip_box (self, e->x0 - 2, e->x1 - e->x0 + 4),
                                                       (int) (e->y + AXIS_HEIGHT) - 10,
                                                       (int) (e->x1 - e->x0) + 4, 20 });
  return TRUE;
}

static gboolean
navigate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);
  int arg = g_variant_get_int32 (args);
  DossierTimelineNav dir = arg & ~NAV_VISUAL;
  guint next;

  /* The arrow keys go the way they point: Left is later in time when time
   * runs leftwards. Home and End stay the first and the last. */
  if ((arg & NAV_VISUAL) && is_rtl (self))
    dir = dir == DOSSIER_TIMELINE_NAV_PREV ? DOSSIER_TIMELINE_NAV_NEXT : DOSSIER_TIMELINE_NAV_PREV;
  next = dossier_timeline_layout_navigate (self->layout, self->selected, dir);

  if (next != DOSSIER_TIMELINE_NONE)
    select_index (self, next, TRUE);
  return TRUE;
}

/* Page Up and Down: earlier and later. */
static gboolean
pan_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  pan_by (self, g_variant_get_double (args) * self->vp.width);
  return TRUE;
}

/* Shift and an arrow: towards what is on that side of the screen. */
static gboolean
pan_visual_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);
  double fraction = g_variant_get_double (args);

  pan_by (self, (is_rtl (self) ? -fraction : fraction) * self->vp.width);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  if (self->selected == DOSSIER_TIMELINE_NONE)
    {
      guint first = dossier_timeline_layout_navigate (self->layout, DOSSIER_TIMELINE_NONE, DOSSIER_TIMELINE_NAV_FIRST);

      if (first != DOSSIER_TIMELINE_NONE)
        select_index (self, first, TRUE);
      return TRUE;
    }
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event_at (self, self->selected));
  return TRUE;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    dossier_timeline_zoom_in (self);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    dossier_timeline_zoom_out (self);
  else
    dossier_timeline_zoom_fit (self);
}

/* ---- GObject ------------------------------------------------------------------ */

void
dossier_timeline_get_viewport (DossierTimeline         *self,
                               DossierTimelineViewport *viewport)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  *viewport = self->vp;
}

void
dossier_timeline_set_viewport (DossierTimeline               *self,
                               const DossierTimelineViewport *viewport)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  self->vp = *viewport;
  self->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

DossierTimelineLayout *
dossier_timeline_get_layout (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), NULL);
  return self->layout;
}

/* The element the event at @index is drawn as in the current frame, or
 * NULL when there is none (no such event, or not drawn). */
static const DossierTimelineElement *
event_element (DossierTimeline *self,
               guint            index)
{
  if (index == DOSSIER_TIMELINE_NONE)
    return NULL;
  self->params.selected = self->selected;
  dossier_timeline_layout_compute_frame (self->layout, &self->vp, &self->params, NULL);
  return frame_element (self, dossier_timeline_layout_find_element (self->layout, index));
}

double
dossier_timeline_get_event_x (DossierTimeline *self,
                              DossierEvent    *event)
{
  const DossierTimelineElement *e;
  guint index = index_of_event (self, event);

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), -1);
  e = event_element (self, index);
  return e != NULL ? flip_x (self, e->x) : -1;
}

double
dossier_timeline_get_event_y (DossierTimeline *self,
                              DossierEvent    *event)
{
  const DossierTimelineElement *e;
  guint index = index_of_event (self, event);

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), -1);
  e = event_element (self, index);
  return e != NULL ? e->y + AXIS_HEIGHT : -1;
}

/* The width the title of @event is drawn at in @room pixels, shortened
 * with an ellipsis when it is wider; -1 for no limit. */
int
dossier_timeline_get_label_width (DossierTimeline *self,
                                  DossierEvent    *event,
                                  int              room)
{
  guint index = index_of_event (self, event);

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), -1);
  if (index == DOSSIER_TIMELINE_NONE)
    return -1;
  return text_fit (self, label_text (self, index), room);
}

static void
dossier_timeline_dispose (GObject *object)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  if (self->events != NULL)
    g_signal_handlers_disconnect_by_func (self->events, events_changed, self);
  g_clear_object (&self->events);
  clear_text_caches (self);
  dossier_frame_cache_destroy (&self->looks);
  dossier_frame_cache_destroy (&self->labels);
  dossier_frame_cache_destroy (&self->counts);
  dossier_frame_cache_destroy (&self->axis_texts);
  g_clear_object (&self->label_layout);
  g_clear_object (&self->small_layout);

  G_OBJECT_CLASS (dossier_timeline_parent_class)->dispose (object);
}

static void
dossier_timeline_finalize (GObject *object)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  g_clear_pointer (&self->event_array, g_ptr_array_unref);
  g_clear_pointer (&self->index_of, g_hash_table_unref);
  g_clear_pointer (&self->layout, dossier_timeline_layout_free);
  g_clear_pointer (&self->emphasized, g_free);
  g_clear_pointer (&self->label_widths, g_free);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);

  G_OBJECT_CLASS (dossier_timeline_parent_class)->finalize (object);
}

static void
dossier_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_EVENTS:
      g_value_set_object (value, self->events);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, dossier_timeline_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_EVENTS:
      dossier_timeline_set_events (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      dossier_timeline_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_nav_binding (GtkWidgetClass     *widget_class,
                 guint               keyval,
                 guint               kp_keyval,
                 int                 dir)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, navigate_cb, "i", dir);
  gtk_widget_class_add_binding (widget_class, kp_keyval, 0, navigate_cb, "i", dir);
}

static void
dossier_timeline_class_init (DossierTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_timeline_dispose;
  object_class->finalize = dossier_timeline_finalize;
  object_class->get_property = dossier_timeline_get_property;
  object_class->set_property = dossier_timeline_set_property;

  widget_class->snapshot = dossier_timeline_snapshot;
  widget_class->measure = dossier_timeline_measure;
  widget_class->size_allocate = dossier_timeline_size_allocate;
  widget_class->css_changed = dossier_timeline_css_changed;
  widget_class->direction_changed = dossier_timeline_direction_changed;

  properties[PROP_EVENTS] =
    g_param_spec_object ("events", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, DOSSIER_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter, or a double click, on the selected event: the view moves the
   * focus to its details. */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "timeline.zoom-fit", NULL);

  add_nav_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, DOSSIER_TIMELINE_NAV_PREV | NAV_VISUAL);
  add_nav_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, DOSSIER_TIMELINE_NAV_NEXT | NAV_VISUAL);
  add_nav_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, DOSSIER_TIMELINE_NAV_FIRST);
  add_nav_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, DOSSIER_TIMELINE_NAV_LAST);

  /* Shift+arrows and Page Up/Down pan without changing the selection. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, pan_visual_cb, "d", 0.2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, pan_visual_cb, "d", -0.2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, pan_cb, "d", 0.8);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, pan_cb, "d", -0.8);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "dossier-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_timeline_init (DossierTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;
  PangoAttrList *attrs;

  self->event_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->index_of = g_hash_table_new (NULL, NULL);
  dossier_frame_cache_init (&self->labels, NULL, NULL, NULL, text_free, MAX_CACHED_LABELS);
  dossier_frame_cache_init (&self->counts, NULL, NULL, NULL, text_free, MAX_CACHED_TEXTS);
  dossier_frame_cache_init (&self->axis_texts, g_int64_hash, g_int64_equal, g_free, text_free, MAX_CACHED_TEXTS);
  dossier_frame_cache_init (&self->looks, look_hash, look_equal, g_free, look_node_free, MAX_CACHED_LOOKS);
  self->layout = dossier_timeline_layout_new (DOSSIER_N_EVENT_CATEGORIES);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (DossierTimelineTick));
  self->periods = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePeriod));
  self->label_widths = g_new (float, 1);
  self->selected = DOSSIER_TIMELINE_NONE;
  self->hover = -1;
  self->rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  self->pointer_x = -1;
  self->vp.width = 800;
  self->vp.scale = 1;
  self->fitted = TRUE;

  dossier_timeline_frame_params_init (&self->params);
  self->params.lane_height = LANE_HEIGHT;
  self->params.lane_padding = LANE_PADDING;
  self->params.n_tiers = 3;
  self->params.label_width = label_width_cb;
  self->params.user_data = self;

  self->label_layout = gtk_widget_create_pango_layout (widget, NULL);
  pango_layout_set_ellipsize (self->label_layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (self->label_layout, TRUE);
  self->small_layout = gtk_widget_create_pango_layout (widget, NULL);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (self->small_layout, attrs);
  pango_attr_list_unref (attrs);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip), self);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (widget, controller);

  update_accessible (self);
}

GtkWidget *
dossier_timeline_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE, NULL);
}
