/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dossier-row-label.h"

/* Text in an article row: a line, or a few wrapped lines, ellipsized at
 * the end, drawn and styled as a GtkLabel with the same CSS classes is.
 *
 * The list's rows are rebound with every keystroke of a search, and a
 * GtkLabel given a new text lays it out three times before it is drawn:
 * for its natural width (the whole text on one line), for its height at
 * the width it is offered, and for its allocation; and the list asks the
 * height of its rows for other widths too (for no width at all, as it
 * works out its minimum height).  This label lays its text out once per
 * text and width it is shown at: it has no width of its own to ask for
 * (the row gives it the list's width), the height for no width is told
 * from the font alone, and the height for another width than the one it
 * has is worked out aside and remembered.  And wrapped into a few lines,
 * a long text is laid out only as far as those lines can go: see
 * fit_text().
 *
 * A text a label stops showing keeps its layout for a while, for the next
 * label that shows it at the same width and font (see take_layout()): as
 * a search is typed, the articles on screen move from row to row (one
 * that stops matching moves every row under it up by one), and come back
 * as a character is erased; laid out again each time, they would cost
 * each keystroke as much as a list of articles never shown.  Layouts are
 * made in a context shared by the labels of a font, not in the label's
 * own (which CSS changes in place), so that they can go from one label to
 * another. */
struct _DossierRowLabel
{
  GtkWidget parent_instance;

  char *text;
  guint lines;

  /* Made when first needed, in @context (see get_shared_context()); the
   * font it was made with, to know when CSS changes it, and the height of
   * one of its lines. */
  PangoLayout *layout;
  PangoContext *context;
  PangoFontDescription *font;
  int line_height;
  /* How much of the text (bytes) is in the layout */
  gsize layout_length;
  /* The width (pixels) the text was last laid out at, kept when the
   * layout goes to the cache, or -1 */
  int width;

  /* The height for another width than the layout's, last asked */
  int other_width;
  int other_height;
};

G_DEFINE_FINAL_TYPE (DossierRowLabel, dossier_row_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The contexts the labels' layouts are made in: one per font (and
 * direction, resolution and font map), made from the first label with it
 * and not changed after. */
static GPtrArray *shared_contexts;

static PangoContext *
get_shared_context (GtkWidget *widget)
{
  PangoContext *own = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (own);
  PangoContext *context;

  if (shared_contexts == NULL)
    shared_contexts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < shared_contexts->len; i++)
    {
      context = g_ptr_array_index (shared_contexts, i);
      if (pango_font_description_equal (pango_context_get_font_description (context), font) &&
          pango_context_get_base_dir (context) == pango_context_get_base_dir (own) &&
          pango_context_get_font_map (context) == pango_context_get_font_map (own) &&
          pango_cairo_context_get_resolution (context) == pango_cairo_context_get_resolution (own))
        return context;
    }

  context = gtk_widget_create_pango_context (widget);
  g_ptr_array_add (shared_contexts, context);
  return context;
}

/* Layouts of texts no label shows any more, the most recently let go
 * first: enough for the rows of the last keystroke or two (four labels a
 * row, 34 rows in the list). */
#define MAX_CACHED_LAYOUTS 320

typedef struct
{
  GList link;
  char *text;
  PangoContext *context;
  guint lines;
  int width;
  PangoLayout *layout;
  gsize layout_length;
} CachedLayout;

static GHashTable *layout_cache;
static GQueue layout_lru = G_QUEUE_INIT;

static guint
cached_layout_hash (gconstpointer data)
{
  const CachedLayout *cached = data;

  return g_str_hash (cached->text) ^ g_direct_hash (cached->context) ^
         (cached->lines * 16777619u) ^ ((guint) cached->width * 2654435761u);
}

static gboolean
cached_layout_equal (gconstpointer a,
                     gconstpointer b)
{
  const CachedLayout *x = a, *y = b;

  return x->context == y->context && x->lines == y->lines && x->width == y->width &&
         strcmp (x->text, y->text) == 0;
}

static void
cached_layout_free (CachedLayout *cached)
{
  g_queue_unlink (&layout_lru, &cached->link);
  g_free (cached->text);
  g_clear_object (&cached->layout);
  g_free (cached);
}

static void
drop_cached_layouts (void)
{
  g_clear_pointer (&layout_cache, g_hash_table_unref);
  g_clear_pointer (&shared_contexts, g_ptr_array_unref);
}

/* Keeps @layout (laid out at @width pixels) for a label that will show
 * @text. */
static void
cache_layout (PangoContext *context,
              const char   *text,
              guint         lines,
              int           width,
              PangoLayout  *layout,
              gsize         layout_length)
{
  CachedLayout *cached;

  if (text == NULL || text[0] == '\0' || width <= 0)
    {
      g_object_unref (layout);
      return;
    }

  if (layout_cache == NULL)
    layout_cache = g_hash_table_new_full (cached_layout_hash, cached_layout_equal,
                                          (GDestroyNotify) cached_layout_free, NULL);

  cached = g_new0 (CachedLayout, 1);
  cached->link.data = cached;
  cached->text = g_strdup (text);
  cached->context = context;
  cached->lines = lines;
  cached->width = width;
  cached->layout = layout;
  cached->layout_length = layout_length;
  g_hash_table_remove (layout_cache, cached);
  g_hash_table_add (layout_cache, cached);
  g_queue_push_head_link (&layout_lru, &cached->link);

  while (g_hash_table_size (layout_cache) > MAX_CACHED_LAYOUTS)
    g_hash_table_remove (layout_cache, g_queue_peek_tail (&layout_lru));
}

/* The layout of @text at @width pixels let go by a label, if it is still
 * kept; the caller owns it. */
static PangoLayout *
take_layout (PangoContext *context,
             const char   *text,
             guint         lines,
             int           width,
             gsize        *layout_length)
{
  CachedLayout key = { .text = (char *) text, .context = context, .lines = lines, .width = width };
  CachedLayout *cached;
  PangoLayout *layout;

  if (layout_cache == NULL || text == NULL)
    return NULL;

  cached = g_hash_table_lookup (layout_cache, &key);
  if (cached == NULL)
    return NULL;

  layout = g_steal_pointer (&cached->layout);
  *layout_length = cached->layout_length;
  g_hash_table_remove (layout_cache, cached);

  return layout;
}

/* Lets go of the layout: to the cache, when it can serve another label
 * (@keep), and it was laid out at a width. */
static void
clear_layout (DossierRowLabel *self,
              gboolean         keep)
{
  if (self->layout != NULL)
    {
      if (keep)
        cache_layout (self->context, self->text, self->lines, self->width,
                      g_steal_pointer (&self->layout), self->layout_length);
      else
        g_clear_object (&self->layout);
    }
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  self->other_width = -1;
}

/* The height of a line of @font, asked of Pango once per font rather than
 * per label (Pango shapes a sample text to answer) */
static int
get_line_height (PangoContext               *context,
                 const PangoFontDescription *font)
{
  static GHashTable *heights;
  gpointer height;

  if (heights == NULL)
    heights = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                     (GEqualFunc) pango_font_description_equal,
                                     (GDestroyNotify) pango_font_description_free, NULL);

  if (!g_hash_table_lookup_extended (heights, font, NULL, &height))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);

      height = GINT_TO_POINTER (PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics)));
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (heights, pango_font_description_copy (font), height);
    }

  return GPOINTER_TO_INT (height);
}

/* The font the label is to be drawn in, and its context */
static void
ensure_context (DossierRowLabel *self)
{
  if (self->context != NULL)
    return;

  self->context = g_object_ref (get_shared_context (GTK_WIDGET (self)));
  self->font = pango_font_description_copy (pango_context_get_font_description (self->context));
  self->line_height = get_line_height (self->context, self->font);
}

/* A layout as GtkLabel sets one up for xalign 0, left justification,
 * ellipsize end and, for more than a line, wrap word-char and lines; with
 * the whole text, and no width yet. */
static PangoLayout *
new_layout (DossierRowLabel *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_text (layout, self->text != NULL ? self->text : "", -1);
  self->layout_length = self->text != NULL ? strlen (self->text) : 0;
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (self->lines > 1)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, - (int) self->lines);
    }

  return layout;
}

static PangoLayout *
ensure_layout (DossierRowLabel *self)
{
  if (self->layout != NULL)
    return self->layout;

  ensure_context (self);
  if (self->width > 0)
    self->layout = take_layout (self->context, self->text, self->lines, self->width, &self->layout_length);
  if (self->layout == NULL)
    {
      self->layout = new_layout (self);
      self->width = -1;
    }

  return self->layout;
}

/* Sets @layout to @width and, for a text wrapped into a few lines, to as
 * much of the text as those lines can show: the layout ellipsizes the
 * last line, so what it shows of a text longer than fits depends only on
 * the start of it.  About two fifths of a line's height per character,
 * and some more, is enough for any but a text of narrow letters; when the
 * start turns out not to fill the lines (nothing was ellipsized), the
 * whole text is laid out.  Returns how much of the text it laid out. */
static gsize
fit_text (DossierRowLabel *self,
          PangoLayout     *layout,
          gsize            layout_length,
          int              width)
{
  const char *text = self->text != NULL ? self->text : "";
  gsize length = strlen (text), fit = length;

  pango_layout_set_width (layout, width > 0 ? width * PANGO_SCALE : -1);
  if (layout == self->layout)
    self->width = width > 0 ? width : -1;

  if (self->lines > 1 && width > 0 && self->line_height > 0)
    {
      gsize estimate = (gsize) (self->lines * width * 5 / (2 * self->line_height)) + 16;

      if (estimate < length)
        fit = g_utf8_find_prev_char (text, text + estimate + 1) - text;
    }

  if (fit != layout_length)
    pango_layout_set_text (layout, text, fit);
  if (fit < length && !pango_layout_is_ellipsized (layout))
    {
      pango_layout_set_text (layout, text, length);
      fit = length;
    }

  return fit;
}

static GtkSizeRequestMode
dossier_row_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dossier_row_label_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  DossierRowLabel *self = DOSSIER_ROW_LABEL (widget);
  PangoLayout *layout;
  PangoRectangle logical;

  /* It ellipsizes to any width, and asks for none. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }

  layout = ensure_layout (self);

  /* No width: as many lines as it may take, one line at ease. */
  if (for_size <= 0)
    {
      *minimum = self->lines * self->line_height;
      *natural = (for_size < 0 ? 1 : self->lines) * self->line_height;
      return;
    }

  /* Not yet shown: laid out at this width now, it need not be again when
   * it is allocated it. */
  if (gtk_widget_get_width (widget) <= 0 && pango_layout_get_width (layout) != for_size * PANGO_SCALE)
    self->layout_length = fit_text (self, layout, self->layout_length, for_size);

  if (pango_layout_get_width (layout) == for_size * PANGO_SCALE)
    pango_layout_get_pixel_extents (layout, NULL, &logical);
  else if (self->other_width == for_size)
    logical.height = self->other_height;
  else
    {
      /* Another width than it is shown at: aside, to keep the layout. */
      g_autoptr(PangoLayout) other = pango_layout_copy (layout);

      fit_text (self, other, self->layout_length, for_size);
      pango_layout_get_pixel_extents (other, NULL, &logical);
      self->other_width = for_size;
      self->other_height = logical.height;
    }

  *minimum = *natural = logical.height;
}

static void
dossier_row_label_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  DossierRowLabel *self = DOSSIER_ROW_LABEL (widget);

  PangoLayout *layout = ensure_layout (self);

  if (pango_layout_get_width (layout) != width * PANGO_SCALE)
    self->layout_length = fit_text (self, layout, self->layout_length, width);
}

static void
dossier_row_label_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DossierRowLabel *self = DOSSIER_ROW_LABEL (widget);
  PangoLayout *layout;
  PangoRectangle logical;

  if (self->text == NULL || self->text[0] == '\0')
    return;

  layout = ensure_layout (self);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  /* Where GtkLabel puts it: yalign 0.5 in the height it is given */
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0,
                              floor ((gtk_widget_get_height (widget) - logical.height) * 0.5),
                              layout);
}

static void
dossier_row_label_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  DossierRowLabel *self = DOSSIER_ROW_LABEL (widget);

  GTK_WIDGET_CLASS (dossier_row_label_parent_class)->css_changed (widget, change);

  /* A new font needs a new layout; a new colour, only a new frame. */
  if (self->context != NULL &&
      !pango_font_description_equal (self->font, pango_context_get_font_description (gtk_widget_get_pango_context (widget))))
    {
      clear_layout (self, TRUE);
      gtk_widget_queue_resize (widget);
    }
}

static void
dossier_row_label_system_setting_changed (GtkWidget       *widget,
                                          GtkSystemSetting setting)
{
  GTK_WIDGET_CLASS (dossier_row_label_parent_class)->system_setting_changed (widget, setting);

  /* Fonts, their rendering or the display's resolution: no layout made
   * before is right any more. */
  drop_cached_layouts ();
  clear_layout (DOSSIER_ROW_LABEL (widget), FALSE);
  gtk_widget_queue_resize (widget);
}

static void
dossier_row_label_direction_changed (GtkWidget        *widget,
                                     GtkTextDirection  previous_direction)
{
  clear_layout (DOSSIER_ROW_LABEL (widget), TRUE);
  gtk_widget_queue_resize (widget);
}

static void
dossier_row_label_finalize (GObject *object)
{
  DossierRowLabel *self = DOSSIER_ROW_LABEL (object);

  clear_layout (self, TRUE);
  g_free (self->text);

  G_OBJECT_CLASS (dossier_row_label_parent_class)->finalize (object);
}

static void
dossier_row_label_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierRowLabel *self = DOSSIER_ROW_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, dossier_row_label_get_text (self));
      break;
    case PROP_LINES:
      g_value_set_uint (value, self->lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_row_label_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DossierRowLabel *self = DOSSIER_ROW_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      dossier_row_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_LINES:
      dossier_row_label_set_lines (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_row_label_class_init (DossierRowLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dossier_row_label_finalize;
  object_class->get_property = dossier_row_label_get_property;
  object_class->set_property = dossier_row_label_set_property;

  widget_class->get_request_mode = dossier_row_label_get_request_mode;
  widget_class->measure = dossier_row_label_measure;
  widget_class->size_allocate = dossier_row_label_size_allocate;
  widget_class->snapshot = dossier_row_label_snapshot;
  widget_class->css_changed = dossier_row_label_css_changed;
  widget_class->system_setting_changed = dossier_row_label_system_setting_changed;
  widget_class->direction_changed = dossier_row_label_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINES] =
    g_param_spec_uint ("lines", NULL, NULL,
                       1, 100, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Styled as a label is: the same CSS rules apply. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
dossier_row_label_init (DossierRowLabel *self)
{
  self->lines = 1;
  self->width = -1;
  self->other_width = -1;
}

GtkWidget *
dossier_row_label_new (void)
{
  return g_object_new (DOSSIER_TYPE_ROW_LABEL, NULL);
}

const char *
dossier_row_label_get_text (DossierRowLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_ROW_LABEL (self), NULL);

  return self->text != NULL ? self->text : "";
}

/* The same text again costs nothing: the layout is kept.  Another text
 * is laid out at the width the label has, unless a label that showed it
 * there before left its layout (see take_layout()). */
void
dossier_row_label_set_text (DossierRowLabel *self,
                            const char      *text)
{
  g_return_if_fail (DOSSIER_IS_ROW_LABEL (self));

  if (g_strcmp0 (dossier_row_label_get_text (self), text != NULL ? text : "") == 0)
    return;

  if (self->layout != NULL)
    cache_layout (self->context, self->text, self->lines, self->width,
                  g_steal_pointer (&self->layout), self->layout_length);
  g_free (self->text);
  self->text = g_strdup (text);
  self->other_width = -1;
  if (self->context != NULL && self->width > 0 && self->text != NULL && self->text[0] != '\0')
    {
      self->layout = take_layout (self->context, self->text, self->lines, self->width, &self->layout_length);
      if (self->layout == NULL)
        {
          self->layout = new_layout (self);
          self->layout_length = fit_text (self, self->layout, self->layout_length, self->width);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

guint
dossier_row_label_get_lines (DossierRowLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_ROW_LABEL (self), 1);

  return self->lines;
}

/* At most @lines lines: wrapped when more than one, ellipsized after the
 * last. */
void
dossier_row_label_set_lines (DossierRowLabel *self,
                             guint            lines)
{
  g_return_if_fail (DOSSIER_IS_ROW_LABEL (self));

  lines = MAX (lines, 1);
  if (self->lines == lines)
    return;

  self->lines = lines;
  clear_layout (self, FALSE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINES]);
}
