/* pd-referral-items.c: a repeating section of the referral form */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-referral-items.h"

struct _PdReferralItems
{
  AdwPreferencesGroup  parent_instance;

  PdReferralItemsKind  kind;
  GPtrArray           *rows;    /* AdwExpanderRow, in order */
};

G_DEFINE_FINAL_TYPE (PdReferralItems, pd_referral_items, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields of one item, in order; the stored name is the widget's data key. */
typedef struct
{
  const char *key;
  const char *title;
  gboolean    fact;
} ItemField;

static const ItemField member_fields[] = {
  { "name",         N_("Name") },
  { "relationship", N_("Relationship to the child") },
  { "legal_status", N_("Legal status") },
};

static const ItemField agency_fields[] = {
  { "agency",         N_("Agency") },
  { "contact",        N_("Contact") },
  { "still_involved", N_("Still involved"), TRUE },
  { "requested_on",   N_("Information requested (2026-03-31)") },
  { "received_on",    N_("Information received (2026-03-31)") },
};

static const char *const fact_ids[] = { "", "yes", "no", NULL };

static const ItemField *
item_fields (PdReferralItems *self,
             guint           *n_fields)
{
  if (self->kind == PD_REFERRAL_ITEMS_MEMBERS)
    {
      *n_fields = G_N_ELEMENTS (member_fields);
      return member_fields;
    }
  *n_fields = G_N_ELEMENTS (agency_fields);
  return agency_fields;
}

static char *
row_value (GtkWidget  *row,
           const char *key)
{
  GtkWidget *input = g_object_get_data (G_OBJECT (row), key);

  if (ADW_IS_COMBO_ROW (input))
    return g_strdup (fact_ids[MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (input)), 2u)]);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (input))));
}

/* "Family member 2", and what it holds so far as the subtitle. */
static void
update_titles (PdReferralItems *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      g_autofree char *title = NULL;
      g_autofree char *first = row_value (row, self->kind == PD_REFERRAL_ITEMS_MEMBERS ? "name" : "agency");
      g_autofree char *second = row_value (row, self->kind == PD_REFERRAL_ITEMS_MEMBERS ? "relationship" : "contact");
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;
      const char *due = g_object_get_data (G_OBJECT (row), "due_on");
      g_autofree char *remove_label = NULL;

      if (self->kind == PD_REFERRAL_ITEMS_MEMBERS)
        {
          title = g_strdup_printf (_("Family member %u"), i + 1);
          remove_label = g_strdup_printf (_("Remove family member %u"), i + 1);
        }
      else
        {
          title = g_strdup_printf (_("Agency %u"), i + 1);
          remove_label = g_strdup_printf (_("Remove agency %u"), i + 1);
        }
      if (*first != '\0' && *second != '\0')
        /* Translators: an item's summary, e.g. "Sam Smith, Mother" */
        subtitle = g_strdup_printf (_("%s, %s"), first, second);
      else
        subtitle = g_strconcat (first, second, NULL);
      if (due != NULL && *due != '\0')
        {
          g_autofree char *with_due = NULL;

          /* Translators: an agency's summary and when its information is due */
          with_due = g_strdup_printf (_("%s — information due %s"), subtitle, due);
          g_free (subtitle);
          subtitle = g_steal_pointer (&with_due);
        }
      escaped = g_markup_escape_text (subtitle, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "remove")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (row), "remove"), remove_label);
    }
}

static void
on_item_changed (PdReferralItems *self)
{
  update_titles (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_remove_clicked (GtkButton       *button,
                   PdReferralItems *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  guint index;

  if (g_ptr_array_find (self->rows, row, &index))
    pd_referral_items_remove (self, index);
}

/* A new item, its fields filled from @values (NULL-terminated, in field order). */
static GtkWidget *
add_item (PdReferralItems   *self,
          const char *const *values)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const ItemField *fields;
  guint n_fields;

  fields = item_fields (self, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *input;

      if (fields[i].fact)
        {
          const char *labels[] = { _("Not known"), _("Yes"), _("No"), NULL };
          g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

          input = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (input), G_LIST_MODEL (model));
          for (guint c = 0; fact_ids[c] != NULL; c++)
            if (g_strcmp0 (values[i], fact_ids[c]) == 0)
              adw_combo_row_set_selected (ADW_COMBO_ROW (input), c);
          g_signal_connect_object (input, "notify::selected", G_CALLBACK (on_item_changed), self,
                                   G_CONNECT_SWAPPED);
        }
      else
        {
          input = adw_entry_row_new ();
          gtk_editable_set_text (GTK_EDITABLE (input), values[i] != NULL ? values[i] : "");
          g_signal_connect_object (input, "changed", G_CALLBACK (on_item_changed), self, G_CONNECT_SWAPPED);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (input), _(fields[i].title));
      g_object_set_data (G_OBJECT (row), fields[i].key, input);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), input);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  on_item_changed (self);
  return row;
}

void
pd_referral_items_add_member (PdReferralItems        *self,
                              const PdReferralMember *member)
{
  const char *values[] = { member->name, member->relationship, member->legal_status, NULL };

  g_return_if_fail (PD_IS_REFERRAL_ITEMS (self));
  g_return_if_fail (self->kind == PD_REFERRAL_ITEMS_MEMBERS);

  add_item (self, values);
}

void
pd_referral_items_add_agency (PdReferralItems        *self,
                              const PdReferralAgency *agency)
{
  const char *values[] = { agency->agency, agency->contact, agency->still_involved,
                           agency->requested_on, agency->received_on, NULL };
  GtkWidget *row;

  g_return_if_fail (PD_IS_REFERRAL_ITEMS (self));
  g_return_if_fail (self->kind == PD_REFERRAL_ITEMS_AGENCIES);

  row = add_item (self, values);
  g_object_set_data_full (G_OBJECT (row), "due_on", g_strdup (agency->due_on), g_free);
  update_titles (self);
}

static void
on_add_clicked (PdReferralItems *self)
{
  GtkWidget *row;
  GtkWidget *first;

  if (self->kind == PD_REFERRAL_ITEMS_MEMBERS)
    {
      g_autoptr(PdReferralMember) member = pd_referral_member_new (NULL, NULL, NULL);

      pd_referral_items_add_member (self, member);
    }
  else
    {
      g_autoptr(PdReferralAgency) agency = pd_referral_agency_new (NULL, NULL);

      pd_referral_items_add_agency (self, agency);
    }
  /* Typing goes straight into the new item. */
  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  first = g_object_get_data (G_OBJECT (row), self->kind == PD_REFERRAL_ITEMS_MEMBERS ? "name" : "agency");
  gtk_widget_grab_focus (first);
}

void
pd_referral_items_remove (PdReferralItems *self,
                          guint            index)
{
  GtkWidget *row;

  g_return_if_fail (PD_IS_REFERRAL_ITEMS (self));
  g_return_if_fail (index < self->rows->len);

  row = g_ptr_array_steal_index (self->rows, index);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
  on_item_changed (self);
}

guint
pd_referral_items_get_n_items (PdReferralItems *self)
{
  g_return_val_if_fail (PD_IS_REFERRAL_ITEMS (self), 0);

  return self->rows->len;
}

void
pd_referral_items_collapse (PdReferralItems *self)
{
  g_return_if_fail (PD_IS_REFERRAL_ITEMS (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (self->rows, i), FALSE);
}

GPtrArray *
pd_referral_items_dup_members (PdReferralItems *self)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_member_free);

  g_return_val_if_fail (PD_IS_REFERRAL_ITEMS (self), members);

  for (guint i = 0; self->kind == PD_REFERRAL_ITEMS_MEMBERS && i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      PdReferralMember *member = g_new0 (PdReferralMember, 1);

      member->name = row_value (row, "name");
      member->relationship = row_value (row, "relationship");
      member->legal_status = row_value (row, "legal_status");
      g_ptr_array_add (members, member);
    }
  return members;
}

GPtrArray *
pd_referral_items_dup_agencies (PdReferralItems *self)
{
  GPtrArray *agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_agency_free);

  g_return_val_if_fail (PD_IS_REFERRAL_ITEMS (self), agencies);

  for (guint i = 0; self->kind == PD_REFERRAL_ITEMS_AGENCIES && i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      PdReferralAgency *agency = g_new0 (PdReferralAgency, 1);

      agency->agency = row_value (row, "agency");
      agency->contact = row_value (row, "contact");
      agency->still_involved = row_value (row, "still_involved");
      agency->requested_on = row_value (row, "requested_on");
      /* Left empty, the due date follows the request date and the board's target. */
      agency->due_on = g_strdup ("");
      agency->received_on = row_value (row, "received_on");
      g_ptr_array_add (agencies, agency);
    }
  return agencies;
}

PdReferralItems *
pd_referral_items_new (PdReferralItemsKind kind)
{
  PdReferralItems *self = g_object_new (PD_TYPE_REFERRAL_ITEMS, NULL);
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  self->kind = kind;
  if (kind == PD_REFERRAL_ITEMS_MEMBERS)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Family and Significant Others"));
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add _Family Member"));
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Agencies Involved"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Information is due 10 working days after it is requested, "
                                               "unless the board has set its own target."));
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add _Agency"));
    }
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  return self;
}

static void
pd_referral_items_finalize (GObject *object)
{
  PdReferralItems *self = PD_REFERRAL_ITEMS (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (pd_referral_items_parent_class)->finalize (object);
}

static void
pd_referral_items_class_init (PdReferralItemsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_referral_items_finalize;

  /* An item added, removed or edited. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_referral_items_init (PdReferralItems *self)
{
  self->rows = g_ptr_array_new ();
}
