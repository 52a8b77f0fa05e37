/* pd-record-table.c: a table of records loaded on demand, or a status page when empty
 *
 * Each view (referrals, meetings, decisions, documents) shows its records
 * in one of these: it hands over a PdRecordList, which loads rows only as
 * they scroll into sight, and says what the empty page and the columns are.
 * Each row is one PdRecordRow; this widget decides where the columns go,
 * from the widest text each column has shown so far.
 */
#include "config.h"

#include "pd-record-row.h"
#include "pd-record-table.h"

/* What an expanding column gets at least before the others shrink. */
#define EXPAND_MINIMUM 120
#define CELL_PADDING_X 12

typedef struct
{
  char            *title;
  PdCellTextFunc   text_func;
  PdCellStyleFunc  style_func;
  gboolean         expand;
  int              natural;    /* the widest text seen, in pixels */
} Column;

struct _PdRecordTable
{
  AdwBin         parent_instance;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  AdwBin        *header_bin;
  GtkListView   *list_view;

  GArray        *columns;      /* Column */
  PdRecordRow   *header;
  GPtrArray     *rows;         /* the PdRecordRows alive, to redraw when columns widen */
  PangoLayout   *measure;      /* measures texts as rows are bound */

  PdRecordList  *list;
  gulong         items_changed_id;
  gulong         replacing_id;
  gboolean       model_attached;  /* the list view has the list (once shown) */
};

G_DEFINE_FINAL_TYPE (PdRecordTable, pd_record_table, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_LIST_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RECORD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Enter or a double click on a row opens its record. */
static void
on_activate (GtkListView   *list_view,
             guint          position,
             PdRecordTable *self)
{
  if (self->list == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return;
  g_signal_emit (self, signals[SIGNAL_RECORD_ACTIVATED], 0, pd_record_list_get_id (self->list, position));
}

static void
update_shown (PdRecordTable *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    pd_record_table_get_n_rows (self) > 0 ? "list" : "empty");
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  PdRecordTable *self)
{
  update_shown (self);
}

/* GTK 4.8 keeps 200 rows bound around the one it anchors the view on, and
 * 2 more on each side: anchored at the bottom on row p, rows p - 202 to
 * p + 2. */
#define GTK_ROWS_ABOVE_BOTTOM_ANCHOR 202

/* A list replacing its rows adds the new ones after the old, then removes
 * the old. Scrolling to the new ones in between makes GTK 4.8 move the row
 * widgets it has onto them and bind them to the new records, instead of
 * freeing 200 rows and building 200 more: anchored at the bottom on the
 * 203rd new row, its rows are the first new ones exactly. Then the top is
 * shown. Runs after the list view has seen each change. */
static void
on_items_changed_after (GListModel    *model,
                        guint          position,
                        guint          removed,
                        guint          added,
                        PdRecordTable *self)
{
  if (!self->model_attached || !pd_record_list_is_replacing (self->list))
    return;

  /* Fewer new rows than GTK keeps: building those few is cheaper. */
  if (removed == 0 && added > GTK_ROWS_ABOVE_BOTTOM_ANCHOR)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position + GTK_ROWS_ABOVE_BOTTOM_ANCHOR);
  else if (position == 0 && added == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

/* -------------------------------------------------------------- columns */

static int
text_width (PdRecordTable *self,
            const char    *text)
{
  int width = 0;

  if (text == NULL || text[0] == '\0')
    return 0;
  if (self->measure == NULL)
    self->measure = gtk_widget_create_pango_layout (GTK_WIDGET (self->list_view), NULL);
  pango_layout_set_text (self->measure, text, -1);
  pango_layout_get_pixel_size (self->measure, &width, NULL);
  return width;
}

/* Columns only widen, so rows do not jump about while scrolling. */
static void
widen_column (PdRecordTable *self,
              guint          index,
              int            text_width)
{
  Column *column = &g_array_index (self->columns, Column, index);
  int width = text_width + 2 * CELL_PADDING_X;

  if (width <= column->natural)
    return;
  column->natural = width;
  if (self->header != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->header));
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_queue_draw (g_ptr_array_index (self->rows, i));
}

/* Whether @row is in the part of the list scrolled into sight. */
static gboolean
row_is_on_screen (PdRecordTable *self,
                  GtkWidget     *row)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (row) ||
      !gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_view), &bounds))
    return FALSE;
  return bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.y < gtk_widget_get_height (GTK_WIDGET (self->list_view));
}

/* Fixed columns fit the widest text drawn so far. Measuring each text as
 * its row was bound took a fifth of a search keystroke: GTK binds 200 rows
 * and a screenful is seen. So just before the rows are drawn, the texts of
 * those on screen are measured (each row keeps the layouts it measured, to
 * draw them). */
static void
fit_columns_to_rows_on_screen (PdRecordTable *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      PdRecordRow *row = g_ptr_array_index (self->rows, i);

      if (!row_is_on_screen (self, GTK_WIDGET (row)))
        continue;
      for (guint c = 0; c < self->columns->len; c++)
        if (!g_array_index (self->columns, Column, c).expand)
          widen_column (self, c, pd_record_row_get_text_width (row, c));
    }
}

static void
pd_record_table_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PdRecordTable *self = PD_RECORD_TABLE (widget);

  /* Widening queues the rows to be drawn again; none is drawn yet. */
  if (self->model_attached)
    fit_columns_to_rows_on_screen (self);

  GTK_WIDGET_CLASS (pd_record_table_parent_class)->snapshot (widget, snapshot);
}

/* Fixed columns get their widest text; expanding ones share what is left.
 * When the window is too narrow, the fixed ones shrink alike. */
static void
column_geometry (gpointer  user_data,
                 int       width,
                 guint     n_columns,
                 int      *x,
                 int      *column_width)
{
  PdRecordTable *self = user_data;
  int fixed = 0, n_expand = 0, spare, position = 0;
  double scale = 1.0;

  n_columns = MIN (n_columns, self->columns->len);
  for (guint i = 0; i < n_columns; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      if (column->expand)
        n_expand++;
      else
        fixed += column->natural;
    }
  spare = width - fixed;
  if (spare < n_expand * EXPAND_MINIMUM && fixed > 0)
    {
      scale = MAX (0.0, (double) (width - n_expand * EXPAND_MINIMUM) / fixed);
      spare = width - (int) (fixed * scale);
    }

  for (guint i = 0; i < n_columns; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      x[i] = position;
      column_width[i] = column->expand ? MAX (spare, 0) / MAX (n_expand, 1)
                                       : (int) (column->natural * scale);
      position += column_width[i];
    }
}

static void
update_header (PdRecordTable *self)
{
  char **titles = g_new0 (char *, self->columns->len + 1);

  for (guint i = 0; i < self->columns->len; i++)
    titles[i] = g_strdup (g_array_index (self->columns, Column, i).title);

  self->header = pd_record_row_new (self->columns->len, column_geometry, self);
  gtk_widget_add_css_class (GTK_WIDGET (self->header), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->header), "dim-label");
  pd_record_row_set_cells (self->header, titles, NULL);
  /* The titles name the columns for the eye; the rows read whole. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_bin_set_child (self->header_bin, GTK_WIDGET (self->header));
}

/* -------------------------------------------------------------- factory */

/* GTK 4.8 does not always tear rows down before freeing them: a weak
 * reference keeps the list of live rows true. */
static void
on_row_finalized (gpointer  user_data,
                  GObject  *where_the_row_was)
{
  PdRecordTable *self = user_data;

  g_ptr_array_remove_fast (self->rows, where_the_row_was);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PdRecordTable            *self)
{
  PdRecordRow *row = pd_record_row_new (self->columns->len, column_geometry, self);

  g_ptr_array_add (self->rows, row);
  g_object_weak_ref (G_OBJECT (row), on_row_finalized, self);
  gtk_list_item_set_child (list_item, GTK_WIDGET (row));
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         PdRecordTable            *self)
{
  PdRecordRow *row = PD_RECORD_ROW (gtk_list_item_get_child (list_item));
  gpointer item = gtk_list_item_get_item (list_item);
  char **texts;
  g_autofree const char **classes = NULL;

  if (item == NULL)
    {
      pd_record_row_clear (row);
      return;
    }
  /* GTK 4.8 unbinds and binds a row again whenever its position changes,
   * as when the old rows before it go: a row still showing this very
   * record has nothing to do. */
  if (pd_record_row_get_item (row) == item)
    return;

  texts = g_new0 (char *, self->columns->len + 1);
  classes = g_new0 (const char *, self->columns->len);
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      texts[i] = column->text_func (item);
      if (texts[i] == NULL)
        texts[i] = g_strdup ("");
      if (column->style_func != NULL)
        classes[i] = column->style_func (item);
    }
  pd_record_row_set_cells (row, texts, classes);
  pd_record_row_set_item (row, item);
}

/* GTK 4.8 builds and measures up to 200 rows of a list as soon as it has a
 * model, shown or not; so a hidden view's table gets its model when it
 * first appears, and a database with thousands of decisions does not slow
 * the start of the referrals the user looks at. */
static void
attach_model (PdRecordTable *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  if (self->list == NULL || self->model_attached)
    return;

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  self->model_attached = TRUE;
}

static void
pd_record_table_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pd_record_table_parent_class)->map (widget);

  attach_model (PD_RECORD_TABLE (widget));
}

void
pd_record_table_set_list (PdRecordTable *self,
                          PdRecordList  *list)
{
  g_return_if_fail (PD_IS_RECORD_TABLE (self));
  g_return_if_fail (list == NULL || PD_IS_RECORD_LIST (list));

  if (self->list == list)
    return;

  if (self->list != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, self->list);
      g_clear_signal_handler (&self->replacing_id, self->list);
    }
  g_set_object (&self->list, list);
  gtk_list_view_set_model (self->list_view, NULL);
  self->model_attached = FALSE;

  if (list != NULL)
    {
      self->items_changed_id = g_signal_connect (list, "items-changed",
                                                 G_CALLBACK (on_items_changed), self);
      self->replacing_id = g_signal_connect_after (list, "items-changed",
                                                   G_CALLBACK (on_items_changed_after), self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        attach_model (self);
    }

  update_shown (self);
}

PdRecordList *
pd_record_table_get_list (PdRecordTable *self)
{
  g_return_val_if_fail (PD_IS_RECORD_TABLE (self), NULL);

  return self->list;
}

void
pd_record_table_append_styled_column (PdRecordTable   *self,
                                      const char      *title,
                                      PdCellTextFunc   text_func,
                                      PdCellStyleFunc  style_func,
                                      gboolean         expand)
{
  Column column = { g_strdup (title), text_func, style_func, expand, 0 };

  g_return_if_fail (PD_IS_RECORD_TABLE (self));
  g_return_if_fail (text_func != NULL);
  /* Rows are made for the columns there are: add them all before a list. */
  g_return_if_fail (!self->model_attached);

  g_array_append_val (self->columns, column);
  widen_column (self, self->columns->len - 1, text_width (self, title));
  update_header (self);
}

void
pd_record_table_append_column (PdRecordTable  *self,
                               const char     *title,
                               PdCellTextFunc  text_func,
                               gboolean        expand)
{
  pd_record_table_append_styled_column (self, title, text_func, NULL, expand);
}

guint
pd_record_table_get_n_rows (PdRecordTable *self)
{
  g_return_val_if_fail (PD_IS_RECORD_TABLE (self), 0);

  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

const char *
pd_record_table_get_shown (PdRecordTable *self)
{
  g_return_val_if_fail (PD_IS_RECORD_TABLE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
pd_record_table_dispose (GObject *object)
{
  PdRecordTable *self = PD_RECORD_TABLE (object);

  pd_record_table_set_list (self, NULL);
  g_clear_object (&self->measure);
  /* The rows may outlive the table for a moment; they must not call back. */
  for (guint i = 0; i < self->rows->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->rows, i), on_row_finalized, self);
  g_ptr_array_set_size (self->rows, 0);
  /* AdwBin unparents its child itself; take the stack away first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_RECORD_TABLE);

  G_OBJECT_CLASS (pd_record_table_parent_class)->dispose (object);
}

static void
pd_record_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdRecordTable *self = PD_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->empty_page));
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->empty_page));
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->empty_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_record_table_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdRecordTable *self = PD_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_EMPTY_ICON_NAME:
      adw_status_page_set_icon_name (self->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (self->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_DESCRIPTION:
      adw_status_page_set_description (self->empty_page, g_value_get_string (value));
      break;
    case PROP_LIST_LABEL:
      /* What a screen reader calls the table: "Referrals list". */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_record_table_finalize (GObject *object)
{
  PdRecordTable *self = PD_RECORD_TABLE (object);

  for (guint i = 0; i < self->columns->len; i++)
    g_free (g_array_index (self->columns, Column, i).title);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (pd_record_table_parent_class)->finalize (object);
}

static void
pd_record_table_class_init (PdRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_record_table_dispose;
  object_class->finalize = pd_record_table_finalize;
  object_class->get_property = pd_record_table_get_property;
  object_class->set_property = pd_record_table_set_property;
  widget_class->map = pd_record_table_map;
  widget_class->snapshot = pd_record_table_snapshot;

  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST_LABEL] =
    g_param_spec_string ("list-label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The id of the record whose row was activated. */
  signals[SIGNAL_RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/widgets/pd-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, PdRecordTable, stack);
  gtk_widget_class_bind_template_child (widget_class, PdRecordTable, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PdRecordTable, header_bin);
  gtk_widget_class_bind_template_child (widget_class, PdRecordTable, list_view);
}

static void
pd_record_table_init (PdRecordTable *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  self->rows = g_ptr_array_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  /* No unbind: GTK 4.8 unbinds a row only to bind it again at once, often
   * to the same record, or to free it. */
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);

  update_shown (self);
}

gint64
pd_record_table_get_selected_id (PdRecordTable *self)
{
  GtkSelectionModel *model;
  guint position;

  g_return_val_if_fail (PD_IS_RECORD_TABLE (self), 0);

  model = gtk_list_view_get_model (self->list_view);
  if (self->list == NULL || !GTK_IS_SINGLE_SELECTION (model))
    return 0;
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  if (position == GTK_INVALID_LIST_POSITION || position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return 0;
  return pd_record_list_get_id (self->list, position);
}
