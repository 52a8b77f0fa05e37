/* pd-referral-dialog-form.c: the referral form's inputs, built from the field table
 *
 * Every input is keyed as the core keys the value it holds, so saving,
 * filling and comparing versions find an input by its key alone; a text
 * view, which has no title of its own, keeps it as "pd-title".
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-referral-dialog-private.h"

static const char *const fact_ids[] = { "", "yes", "no", NULL };

static void
mark_dirty (PdReferralDialog *self)
{
  if (!self->filling)
    self->dirty = TRUE;
}

/* ------------------------------------------------------------ the inputs */

static AdwPreferencesGroup *
add_group (PdReferralDialog *self,
           const char       *title,
           const char       *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_input (PdReferralDialog    *self,
           AdwPreferencesGroup *group,
           const char          *key,
           GtkWidget           *widget)
{
  g_hash_table_insert (self->inputs, g_strdup (key), widget);
  g_ptr_array_add (self->keys, g_strdup (key));
  adw_preferences_group_add (group, widget);
}

static GtkWidget *
add_entry (PdReferralDialog    *self,
           AdwPreferencesGroup *group,
           const char          *key,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  add_input (self, group, key, row);
  return row;
}

/* A choice: @ids are stored, @labels (translated) shown; the first is "not recorded". */
static GtkWidget *
add_combo (PdReferralDialog    *self,
           AdwPreferencesGroup *group,
           const char          *key,
           const char          *title,
           const char *const   *ids,
           const char *const   *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *model = gtk_string_list_new ((const char *const *) labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_unref (model);
  g_object_set_data_full (G_OBJECT (row), "pd-ids", g_strdupv ((char **) ids), (GDestroyNotify) g_strfreev);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  add_input (self, group, key, row);
  return row;
}

static GtkWidget *
add_fact (PdReferralDialog    *self,
          AdwPreferencesGroup *group,
          const char          *key,
          const char          *title)
{
  const char *labels[] = { _("Not known"), _("Yes"), _("No"), NULL };

  return add_combo (self, group, key, title, fact_ids, labels);
}

static GtkWidget *
add_text (PdReferralDialog    *self,
          AdwPreferencesGroup *group,
          const char          *key,
          const char          *title)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (view, -1, 100);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  g_hash_table_insert (self->inputs, g_strdup (key), view);
  g_ptr_array_add (self->keys, g_strdup (key));
  g_object_set_data_full (G_OBJECT (view), "pd-title", g_strdup (title), g_free);
  adw_preferences_group_add (group, box);
  return view;
}

/* The text of an input, newly allocated. */
char *
_pd_referral_dialog_input_text (PdReferralDialog *self,
            const char       *key)
{
  GtkWidget *widget = g_hash_table_lookup (self->inputs, key);

  g_return_val_if_fail (widget != NULL, g_strdup (""));

  if (ADW_IS_COMBO_ROW (widget))
    {
      char **ids = g_object_get_data (G_OBJECT (widget), "pd-ids");
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

      return g_strdup (selected < g_strv_length (ids) ? ids[selected] : "");
    }
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

void
_pd_referral_dialog_set_input (PdReferralDialog *self,
           const char       *key,
           const char       *text)
{
  GtkWidget *widget = g_hash_table_lookup (self->inputs, key);

  g_return_if_fail (widget != NULL);

  if (text == NULL)
    text = "";
  if (ADW_IS_COMBO_ROW (widget))
    {
      char **ids = g_object_get_data (G_OBJECT (widget), "pd-ids");

      for (guint i = 0; ids[i] != NULL; i++)
        if (g_strcmp0 (ids[i], text) == 0)
          {
            adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i);
            return;
          }
      g_warning ("“%s” is not a choice of %s", text, key);
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* ------------------------------------------------------------ the sections */

static void
add_detail_inputs (PdReferralDialog    *self,
                   AdwPreferencesGroup *group,
                   PdFormSection        section)
{
  const PdReferralField *fields;
  guint n_fields;

  fields = pd_referral_fields_get (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const PdReferralField *field = &fields[i];

      if (field->section != section)
        continue;
      switch (field->kind)
        {
        case PD_FIELD_FACT:
          add_fact (self, group, field->key, _(field->label));
          break;
        case PD_FIELD_CHOICE:
          {
            g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
            g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
            g_auto(GStrv) id_list = NULL, label_list = NULL;

            g_strv_builder_add (ids, "");
            g_strv_builder_add (labels, _("Not recorded"));
            for (guint c = 0; field->choices[c] != NULL; c++)
              {
                g_strv_builder_add (ids, field->choices[c]);
                g_strv_builder_add (labels, _(field->choice_labels[c]));
              }
            id_list = g_strv_builder_end (ids);
            label_list = g_strv_builder_end (labels);
            add_combo (self, group, field->key, _(field->label),
                       (const char *const *) id_list, (const char *const *) label_list);
          }
          break;
        case PD_FIELD_LONG_TEXT:
          add_text (self, group, field->key, _(field->label));
          break;
        case PD_FIELD_DATE:
          {
            /* Translators: a date field's title, e.g. "Date of birth (2026-03-31)" */
            g_autofree char *title = g_strdup_printf (_("%s (2026-03-31)"), _(field->label));

            add_entry (self, group, field->key, title);
          }
          break;
        case PD_FIELD_TEXT:
        default:
          add_entry (self, group, field->key, _(field->label));
          break;
        }
    }
}

/* The criteria facts the referral's framework looks at. */
void
_pd_referral_dialog_update_fact_rows (PdReferralDialog *self)
{
  g_autofree char *framework_text = _pd_referral_dialog_input_text (self, "framework");
  PdFramework framework = PD_FRAMEWORK_ENGLAND_2018;

  pd_framework_from_string (framework_text, &framework);
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      g_autofree char *key = g_strconcat ("fact_", pd_criteria_fact_get_key (i), NULL);

      gtk_widget_set_visible (g_hash_table_lookup (self->inputs, key), pd_criteria_fact_applies (i, framework));
    }
}

void
_pd_referral_dialog_build_form (PdReferralDialog *self)
{
  static const char *const framework_ids[] = { "england-2015", "england-2018", "wales", NULL };
  const char *framework_labels[] = {
    pd_framework_get_label (PD_FRAMEWORK_ENGLAND_2015),
    pd_framework_get_label (PD_FRAMEWORK_ENGLAND_2018),
    pd_framework_get_label (PD_FRAMEWORK_WALES),
    NULL
  };
  AdwPreferencesGroup *group;
  GtkWidget *framework;
  const char *const *date_keys;

  group = add_group (self, _("Referral"), _("Dates are written as 2026-03-31."));
  add_entry (self, group, "date_received", _("Date received"));
  framework = add_combo (self, group, "framework", _("Framework"), framework_ids, framework_labels);
  add_detail_inputs (self, group, PD_SECTION_REFERRAL);

  group = add_group (self, _("Referrer"), NULL);
  add_entry (self, group, "referrer_name", _("Referrer’s name"));
  add_entry (self, group, "referrer_agency", _("Agency"));
  add_detail_inputs (self, group, PD_SECTION_REFERRER);

  group = add_group (self, _("Child"),
                     _("The pseudonym is shown everywhere; the real name only here."));
  add_entry (self, group, "pseudonym", _("Pseudonym, such as “Child A”"));
  add_entry (self, group, "child_name", _("Name"));
  add_entry (self, group, "date_of_incident", _("Date of death or of the incident"));
  add_detail_inputs (self, group, PD_SECTION_CHILD);

  self->members = pd_referral_items_new (PD_REFERRAL_ITEMS_MEMBERS);
  self->agencies = pd_referral_items_new (PD_REFERRAL_ITEMS_AGENCIES);
  g_signal_connect_object (self->members, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agencies, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->members));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->agencies));

  group = add_group (self, _("Criteria"),
                     _("The facts the criteria check reads: the panel recommends and the chair decides."));
  add_detail_inputs (self, group, PD_SECTION_CRITERIA);
  for (guint i = 0; i < PD_CRITERIA_N_FACTS; i++)
    {
      g_autofree char *key = g_strconcat ("fact_", pd_criteria_fact_get_key (i), NULL);

      add_fact (self, group, key, pd_criteria_fact_get_label (i));
    }
  g_signal_connect_object (framework, "notify::selected", G_CALLBACK (_pd_referral_dialog_update_fact_rows), self, G_CONNECT_SWAPPED);

  group = add_group (self, _("Parallel Proceedings"), NULL);
  add_detail_inputs (self, group, PD_SECTION_PROCEEDINGS);

  group = add_group (self, _("Narrative"), NULL);
  add_text (self, group, "narrative", _("Narrative"));

  group = add_group (self, _("Key Dates"),
                     _("The clocks run from these; a step of the workflow dates its own."));
  date_keys = pd_referral_date_keys ();
  for (guint i = 0; date_keys[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("date_", date_keys[i], NULL);

      add_entry (self, group, key, pd_referral_date_get_label (date_keys[i]));
    }
}
