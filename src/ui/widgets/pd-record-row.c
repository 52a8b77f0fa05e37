/* pd-record-row.c: one row of a PdRecordTable, its cells drawn as one widget
 *
 * GTK 4.8's list views keep up to 200 rows alive, and throw them away and
 * build them again when a search changes the list. With a widget per cell
 * (GtkColumnView) that is over 2,500 widgets for six columns, and it cost
 * half a second a keystroke over 100,000 referrals. Here a row is one
 * widget that lays its cells out itself, and only rows on screen make Pango
 * layouts, when they are drawn. A row keeps its layouts: shaping text is
 * the dear part, and GTK binds the same row to record after record.
 */
#include "config.h"

#include "pd-record-row.h"

#define CELL_PADDING_X 12
#define CELL_PADDING_Y 7

struct _PdRecordRow
{
  GtkWidget                parent_instance;

  guint                    n_columns;
  char                   **texts;        /* n_columns, or NULL when empty */
  const char             **css_classes;  /* n_columns, entries may be NULL */
  PangoLayout            **layouts;      /* n_columns, each made when first needed */
  int                     *text_widths;  /* n_columns, in pixels, -1 until measured */
  guint                    widths_serial; /* of the Pango context they were measured in */
  GObject                 *item;         /* the record shown, for the table */
  PdRecordRowGeometryFunc  geometry;
  gpointer                 geometry_data;
};

G_DEFINE_FINAL_TYPE (PdRecordRow, pd_record_row, GTK_TYPE_WIDGET)

PdRecordRow *
pd_record_row_new (guint                    n_columns,
                   PdRecordRowGeometryFunc  geometry,
                   gpointer                 user_data)
{
  PdRecordRow *self = g_object_new (PD_TYPE_RECORD_ROW, NULL);

  self->n_columns = n_columns;
  self->geometry = geometry;
  self->geometry_data = user_data;
  self->css_classes = g_new0 (const char *, n_columns);
  self->layouts = g_new0 (PangoLayout *, n_columns);
  self->text_widths = g_new (int, n_columns);
  for (guint i = 0; i < n_columns; i++)
    self->text_widths[i] = -1;
  return self;
}

/* The layout of cell @column with its text, made when first needed. */
static PangoLayout *
cell_layout (PdRecordRow *self,
             guint        column)
{
  if (self->layouts[column] == NULL)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_text (layout, self->texts != NULL ? self->texts[column] : "", -1);
      self->layouts[column] = layout;
    }
  return self->layouts[column];
}

void
pd_record_row_set_cells (PdRecordRow  *self,
                         char        **texts,
                         const char  **css_classes)
{
  g_autofree char *label = NULL;

  g_return_if_fail (PD_IS_RECORD_ROW (self));

  g_strfreev (self->texts);
  self->texts = texts;
  for (guint i = 0; i < self->n_columns; i++)
    {
      self->css_classes[i] = css_classes != NULL ? css_classes[i] : NULL;
      /* Cheap: the text is shaped when it is drawn or measured. */
      if (self->layouts[i] != NULL)
        pango_layout_set_text (self->layouts[i], texts != NULL ? texts[i] : "", -1);
      self->text_widths[i] = -1;
    }

  /* A screen reader reads the row as one line: "PRP-2026-014, Child A, …". */
  label = texts != NULL ? g_strjoinv (", ", texts) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pd_record_row_clear (PdRecordRow *self)
{
  pd_record_row_set_cells (self, NULL, NULL);
  pd_record_row_set_item (self, NULL);
}

void
pd_record_row_set_item (PdRecordRow *self,
                        gpointer     item)
{
  g_return_if_fail (PD_IS_RECORD_ROW (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  g_set_object (&self->item, item);
}

gpointer
pd_record_row_get_item (PdRecordRow *self)
{
  g_return_val_if_fail (PD_IS_RECORD_ROW (self), NULL);

  return self->item;
}

int
pd_record_row_get_text_width (PdRecordRow *self,
                              guint        column)
{
  g_return_val_if_fail (PD_IS_RECORD_ROW (self), 0);

  if (self->texts == NULL || column >= self->n_columns ||
      self->texts[column] == NULL || self->texts[column][0] == '\0')
    return 0;

  /* Layouts follow a change of font by themselves; the widths must too. */
  {
    guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

    if (serial != self->widths_serial)
      {
        for (guint i = 0; i < self->n_columns; i++)
          self->text_widths[i] = -1;
        self->widths_serial = serial;
      }
  }

  if (self->text_widths[column] < 0)
    {
      PangoLayout *layout = cell_layout (self, column);

      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &self->text_widths[column], NULL);
    }
  return self->text_widths[column];
}

const char *
pd_record_row_get_text (PdRecordRow *self,
                        guint        column)
{
  g_return_val_if_fail (PD_IS_RECORD_ROW (self), NULL);

  if (self->texts == NULL || column >= self->n_columns)
    return NULL;
  return self->texts[column];
}

static void
pd_record_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = 0;
      return;
    }

  {
    /* One line of the widget's font, the same for every row. */
    PangoContext *context = gtk_widget_get_pango_context (widget);
    PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
    int height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

    pango_font_metrics_unref (metrics);
    *minimum = *natural = height + 2 * CELL_PADDING_Y;
  }
}

static void
pd_record_row_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PdRecordRow *self = PD_RECORD_ROW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  g_autofree int *x = NULL;
  g_autofree int *column_width = NULL;
  GdkRGBA fg;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->texts == NULL || self->n_columns == 0)
    return;

  x = g_new0 (int, self->n_columns);
  column_width = g_new0 (int, self->n_columns);
  self->geometry (self->geometry_data, width, self->n_columns, x, column_width);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < self->n_columns; i++)
    {
      int text_width = column_width[i] - 2 * CELL_PADDING_X;
      int text_height;
      GdkRGBA color = fg;
      PangoLayout *layout;

      if (text_width <= 0 || self->texts[i] == NULL || self->texts[i][0] == '\0')
        continue;

      if (self->css_classes[i] != NULL)
        {
          g_autofree char *name = g_strconcat (self->css_classes[i], "_color", NULL);

          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          if (!gtk_style_context_lookup_color (style, name, &color))
            color = fg;
          G_GNUC_END_IGNORE_DEPRECATIONS
        }

      /* Shortened with an ellipsis only when it does not fit: a new width
       * lays the text out again. */
      layout = cell_layout (self, i);
      if (pd_record_row_get_text_width (self, i) > text_width)
        pango_layout_set_width (layout, text_width * PANGO_SCALE);
      else
        pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, NULL, &text_height);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x[i] + CELL_PADDING_X,
                                                              (height - text_height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
pd_record_row_finalize (GObject *object)
{
  PdRecordRow *self = PD_RECORD_ROW (object);

  for (guint i = 0; i < self->n_columns; i++)
    g_clear_object (&self->layouts[i]);
  g_strfreev (self->texts);
  g_free (self->css_classes);
  g_free (self->layouts);
  g_free (self->text_widths);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (pd_record_row_parent_class)->finalize (object);
}

static void
pd_record_row_class_init (PdRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pd_record_row_finalize;
  widget_class->measure = pd_record_row_measure;
  widget_class->snapshot = pd_record_row_snapshot;

  gtk_widget_class_set_css_name (widget_class, "pd-record-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
pd_record_row_init (PdRecordRow *self)
{
}
