/* pd-record-table.c: a table of records loaded on demand, or a status page when empty
 *
 * Each view (referrals, meetings, decisions, documents) shows its records
 * in one of these: it hands over a PdRecordList, which loads rows only as
 * they scroll into sight, and says what the empty page and the columns are.
 */
#include "config.h"

#include "pd-record-table.h"

struct _PdRecordTable
{
  AdwBin         parent_instance;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkColumnView *column_view;

  PdRecordList  *list;
  gulong         items_changed_id;
  gboolean       model_attached;  /* the column view has the list (once shown) */
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
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
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
    g_clear_signal_handler (&self->items_changed_id, self->list);
  g_set_object (&self->list, list);
  gtk_column_view_set_model (self->column_view, NULL);
  self->model_attached = FALSE;

  if (list != NULL)
    {
      self->items_changed_id = g_signal_connect (list, "items-changed",
                                                 G_CALLBACK (on_items_changed), self);
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
pd_record_table_append_column (PdRecordTable  *self,
                               const char     *title,
                               PdCellTextFunc  text_func,
                               gboolean        expand)
{
  g_return_if_fail (PD_IS_RECORD_TABLE (self));

  pd_column_view_append_text_column (self->column_view, title, text_func, expand);
}

void
pd_record_table_append_styled_column (PdRecordTable   *self,
                                      const char      *title,
                                      PdCellTextFunc   text_func,
                                      PdCellStyleFunc  style_func,
                                      gboolean         expand)
{
  g_return_if_fail (PD_IS_RECORD_TABLE (self));

  pd_column_view_append_styled_column (self->column_view, title, text_func, style_func, expand);
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
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_record_table_class_init (PdRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_record_table_dispose;
  object_class->get_property = pd_record_table_get_property;
  object_class->set_property = pd_record_table_set_property;
  widget_class->map = pd_record_table_map;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/widgets/pd-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, PdRecordTable, stack);
  gtk_widget_class_bind_template_child (widget_class, PdRecordTable, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PdRecordTable, column_view);
}

static void
pd_record_table_init (PdRecordTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_shown (self);
}
