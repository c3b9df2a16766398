/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-discrepancy-claims-layout.h"

/* Lays the claims of a discrepancy out side by side, in columns of equal
 * width and height, when each column can be at least min-column-width
 * wide, and one under the other otherwise.  GTK 4.8 has no breakpoints,
 * and a GtkFlowBox would keep a focusable child per claim and pick its
 * column count from the wrapped labels' tiny minimum widths. */

struct _DossierDiscrepancyClaimsLayout
{
  GtkLayoutManager parent_instance;

  int min_column_width;
  int spacing;
};

G_DEFINE_FINAL_TYPE (DossierDiscrepancyClaimsLayout, dossier_discrepancy_claims_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_MIN_COLUMN_WIDTH,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_visible (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;
  return n;
}

gboolean
dossier_discrepancy_claims_layout_is_side_by_side (DossierDiscrepancyClaimsLayout *self,
                                                   GtkWidget                      *widget,
                                                   int                             width)
{
  guint n;

  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY_CLAIMS_LAYOUT (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  n = count_visible (widget);
  if (n < 2)
    return FALSE;
  return width >= (int) n * self->min_column_width + ((int) n - 1) * self->spacing;
}

static int
column_width (DossierDiscrepancyClaimsLayout *self,
              guint                           n,
              int                             width)
{
  return MAX (0, (width - ((int) n - 1) * self->spacing) / (int) n);
}

static GtkSizeRequestMode
dossier_discrepancy_claims_layout_get_request_mode (GtkLayoutManager *manager,
                                                    GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dossier_discrepancy_claims_layout_measure (GtkLayoutManager *manager,
                                           GtkWidget        *widget,
                                           GtkOrientation    orientation,
                                           int               for_size,
                                           int              *minimum,
                                           int              *natural,
                                           int              *minimum_baseline,
                                           int              *natural_baseline)
{
  DossierDiscrepancyClaimsLayout *self = DOSSIER_DISCREPANCY_CLAIMS_LAYOUT (manager);
  guint n = count_visible (widget);
  gboolean side_by_side;
  int min = 0, nat = 0;

  *minimum_baseline = *natural_baseline = -1;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Stacked, the widest minimum is enough; the natural width is that
       * of the columns side by side. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += MAX (child_nat, self->min_column_width);
        }
      if (n > 1)
        nat += ((int) n - 1) * self->spacing;
      *minimum = min;
      *natural = MAX (min, nat);
      return;
    }

  side_by_side = for_size >= 0 && dossier_discrepancy_claims_layout_is_side_by_side (self, widget, for_size);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat, child_width = for_size;

      if (!gtk_widget_should_layout (child))
        continue;
      if (side_by_side)
        child_width = column_width (self, n, for_size);
      if (child_width >= 0)
        {
          int w_min;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &w_min, NULL, NULL, NULL);
          child_width = MAX (child_width, w_min);
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, &child_min, &child_nat, NULL, NULL);

      if (side_by_side)
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
      else
        {
          min += child_min;
          nat += child_nat;
        }
    }

  if (!side_by_side && n > 1)
    {
      min += ((int) n - 1) * self->spacing;
      nat += ((int) n - 1) * self->spacing;
    }

  *minimum = min;
  *natural = nat;
}

static void
dossier_discrepancy_claims_layout_allocate (GtkLayoutManager *manager,
                                            GtkWidget        *widget,
                                            int               width,
                                            int               height,
                                            int               baseline)
{
  DossierDiscrepancyClaimsLayout *self = DOSSIER_DISCREPANCY_CLAIMS_LAYOUT (manager);
  guint n = count_visible (widget);
  gboolean side_by_side = dossier_discrepancy_claims_layout_is_side_by_side (self, widget, width);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int col = side_by_side ? column_width (self, n, width) : width;
  int x = 0, y = 0;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      if (side_by_side)
        {
          /* The last column takes what rounding left over. */
          int w = i + 1 == n ? width - x : col;
          int cx = rtl ? width - x - w : x;

          gtk_widget_size_allocate (child, &(GtkAllocation) { cx, 0, w, height }, -1);
          x += w + self->spacing;
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_height, NULL, NULL, NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
          y += child_height + self->spacing;
        }
      i++;
    }
}

static void
dossier_discrepancy_claims_layout_get_property (GObject    *object,
                                                guint       prop_id,
                                                GValue     *value,
                                                GParamSpec *pspec)
{
  DossierDiscrepancyClaimsLayout *self = DOSSIER_DISCREPANCY_CLAIMS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      g_value_set_int (value, self->min_column_width);
      break;
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_discrepancy_claims_layout_set_property (GObject      *object,
                                                guint         prop_id,
                                                const GValue *value,
                                                GParamSpec   *pspec)
{
  DossierDiscrepancyClaimsLayout *self = DOSSIER_DISCREPANCY_CLAIMS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      dossier_discrepancy_claims_layout_set_min_column_width (self, g_value_get_int (value));
      break;
    case PROP_SPACING:
      dossier_discrepancy_claims_layout_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_discrepancy_claims_layout_class_init (DossierDiscrepancyClaimsLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = dossier_discrepancy_claims_layout_get_property;
  object_class->set_property = dossier_discrepancy_claims_layout_set_property;

  layout_class->get_request_mode = dossier_discrepancy_claims_layout_get_request_mode;
  layout_class->measure = dossier_discrepancy_claims_layout_measure;
  layout_class->allocate = dossier_discrepancy_claims_layout_allocate;

  properties[PROP_MIN_COLUMN_WIDTH] =
    g_param_spec_int ("min-column-width", NULL, NULL, 0, G_MAXINT, 240,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 12,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_discrepancy_claims_layout_init (DossierDiscrepancyClaimsLayout *self)
{
  self->min_column_width = 240;
  self->spacing = 12;
}

GtkLayoutManager *
dossier_discrepancy_claims_layout_new (void)
{
  return g_object_new (DOSSIER_TYPE_DISCREPANCY_CLAIMS_LAYOUT, NULL);
}

int
dossier_discrepancy_claims_layout_get_min_column_width (DossierDiscrepancyClaimsLayout *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY_CLAIMS_LAYOUT (self), 0);

  return self->min_column_width;
}

void
dossier_discrepancy_claims_layout_set_min_column_width (DossierDiscrepancyClaimsLayout *self,
                                                        int                             width)
{
  g_return_if_fail (DOSSIER_IS_DISCREPANCY_CLAIMS_LAYOUT (self));
  g_return_if_fail (width >= 0);

  if (self->min_column_width == width)
    return;
  self->min_column_width = width;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_COLUMN_WIDTH]);
}

int
dossier_discrepancy_claims_layout_get_spacing (DossierDiscrepancyClaimsLayout *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY_CLAIMS_LAYOUT (self), 0);

  return self->spacing;
}

void
dossier_discrepancy_claims_layout_set_spacing (DossierDiscrepancyClaimsLayout *self,
                                               int                             spacing)
{
  g_return_if_fail (DOSSIER_IS_DISCREPANCY_CLAIMS_LAYOUT (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}
