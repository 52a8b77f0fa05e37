/* pd-format.c: how the views write dates, sizes and table cells */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pd-format.h"

static GDateTime *
parse_iso (const char *iso)
{
  int year, month, day;
  g_autoptr(GTimeZone) local = NULL;
  GDateTime *utc;
  GDateTime *result;

  if (iso == NULL || *iso == '\0')
    return NULL;

  local = g_time_zone_new_local ();

  /* A calendar day: no time zone to convert. */
  if (strlen (iso) == 10 && sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) == 3)
    return g_date_time_new (local, year, month, day, 0, 0, 0);

  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    {
      g_autoptr(GTimeZone) tz_utc = g_time_zone_new_utc ();
      utc = g_date_time_new_from_iso8601 (iso, tz_utc);
    }
  if (utc == NULL)
    {
      /* "2026-03-03 10:00:00" as SQLite writes it, in UTC */
      g_autofree char *fixed = g_strdelimit (g_strdup (iso), " ", 'T');
      g_autoptr(GTimeZone) tz_utc = g_time_zone_new_utc ();
      utc = g_date_time_new_from_iso8601 (fixed, tz_utc);
    }
  if (utc == NULL)
    return NULL;

  result = g_date_time_to_timezone (utc, local);
  g_date_time_unref (utc);
  return result;
}

char *
pd_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = parse_iso (iso);

  if (dt == NULL)
    return g_strdup (iso != NULL ? iso : "");

  /* Translators: a date in a list, e.g. "3 Mar 2026"; see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

char *
pd_format_date_time (const char *iso)
{
  g_autoptr(GDateTime) dt = parse_iso (iso);

  if (dt == NULL)
    return g_strdup (iso != NULL ? iso : "");

  /* Translators: a date and time in a list, e.g. "31 Mar 2026, 10:00"; see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y, %H:%M"));
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

typedef struct
{
  PdCellTextFunc  text_func;
  PdCellStyleFunc style_func;
} CellData;

/* The class a recycled label had for its last item, so it can be taken off. */
#define CELL_CLASS_KEY "pd-cell-class"

static void
set_cell_class (GtkWidget  *label,
                const char *css_class)
{
  const char *old = g_object_get_data (G_OBJECT (label), CELL_CLASS_KEY);

  if (g_strcmp0 (old, css_class) == 0)
    return;
  if (old != NULL)
    gtk_widget_remove_css_class (label, old);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  g_object_set_data (G_OBJECT (label), CELL_CLASS_KEY, (gpointer) css_class);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CellData                 *data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item != NULL)
    text = data->text_func (item);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (data->style_func != NULL)
    set_cell_class (label, item != NULL ? data->style_func (item) : NULL);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), "");
}

static void
cell_data_free (gpointer data,
                GClosure *closure)
{
  g_free (data);
}

GtkColumnViewColumn *
pd_column_view_append_text_column (GtkColumnView  *view,
                                   const char     *title,
                                   PdCellTextFunc  text_func,
                                   gboolean        expand)
{
  return pd_column_view_append_styled_column (view, title, text_func, NULL, expand);
}

GtkColumnViewColumn *
pd_column_view_append_styled_column (GtkColumnView   *view,
                                     const char      *title,
                                     PdCellTextFunc   text_func,
                                     PdCellStyleFunc  style_func,
                                     gboolean         expand)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;
  CellData *data;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (text_func != NULL, NULL);

  data = g_new0 (CellData, 1);
  data->text_func = text_func;
  data->style_func = style_func;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_bind), data,
                         cell_data_free, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), NULL);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);

  return column;
}
