/* pd-detail-rows.c: a record's details for reading, as titled groups of rows */
#include "config.h"

#include "pd-detail-rows.h"

GtkWidget *
pd_detail_group_add (GtkBox     *box,
                     const char *title,
                     const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return group;
}

GtkWidget *
pd_detail_row_add (GtkWidget  *group,
                   const char *title,
                   const char *value,
                   const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL && *value != '\0' ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Long words (references, fingerprints) may break anywhere. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* As wide as the text when there is room; wrapped only when there is not. */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

void
pd_detail_row_add_if_set (GtkWidget  *group,
                          const char *title,
                          const char *value)
{
  if (value != NULL && *value != '\0')
    pd_detail_row_add (group, title, value, NULL);
}
