/* pd-agenda-item-row.c: one agenda item in the builder, its papers inside */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pd-agenda-item-row.h"

struct _PdAgendaItemRow
{
  AdwExpanderRow  parent_instance;

  gint64          item_id;
  GArray         *member_ids;    /* gint64, in the declaration drop-down's order */
  GtkDropDown    *declarer;
  GtkEntry       *nature;
  GHashTable     *paper_rows;    /* document id (gint64 *) → AdwActionRow */
};

G_DEFINE_FINAL_TYPE (PdAgendaItemRow, pd_agenda_item_row, ADW_TYPE_EXPANDER_ROW)

gint64
pd_agenda_item_row_get_item_id (PdAgendaItemRow *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_ITEM_ROW (self), 0);
  return self->item_id;
}

static GtkWidget *
paper_row (const PdAgendaPaper *paper)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
  g_autofree char *name = g_strdup_printf (_("Open %s"), paper->title);
  GString *subtitle = g_string_new (paper->filename);

  if (paper->is_late)
    g_string_append_printf (subtitle, " · %s", _("Late paper"));
  if (!paper->is_pdf)
    g_string_append_printf (subtitle, " · %s", _("Not a PDF: open separately"));
  /* A cheap look here; the SHA-256 is checked when the paper is opened
   * and when the pack is built, and an altered paper is refused then. */
  if (!g_file_test (paper->path, G_FILE_TEST_EXISTS))
    {
      g_string_append_printf (subtitle, " · %s", _("Missing from the store"));
      gtk_widget_add_css_class (row, "error");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paper->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "meeting.open-paper");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", paper->document_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
  return row;
}

static char *
item_subtitle (PdAgendaItem *item,
               GPtrArray    *conflicts)
{
  const char *kind = pd_agenda_item_kind_to_label (pd_agenda_item_get_kind (item));
  /* The kind, unless the title says it already ("Any other business"). */
  GString *text = g_string_new (g_strcmp0 (kind, pd_agenda_item_get_title (item)) != 0 ? kind : "");

  if (*pd_agenda_item_get_referral_reference (item) != '\0')
    g_string_append_printf (text, "%s%s %s", text->len > 0 ? " · " : "", pd_agenda_item_get_referral_reference (item),
                            pd_agenda_item_get_pseudonym (item));
  if (*pd_agenda_item_get_presenter_name (item) != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", pd_agenda_item_get_presenter_name (item));
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                             pd_agenda_item_get_minutes (item)),
                          pd_agenda_item_get_minutes (item));
  if (pd_agenda_item_get_n_papers (item) > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u paper", "%u papers",
                                                 pd_agenda_item_get_n_papers (item)),
                              pd_agenda_item_get_n_papers (item));
    }
  if (pd_agenda_item_is_addendum (item))
    g_string_append_printf (text, " · %s", _("Addendum"));
  if (pd_agenda_item_is_withdrawn (item))
    g_string_append_printf (text, " · %s", _("Withdrawn"));
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      PdConflict *conflict = g_ptr_array_index (conflicts, i);

      if (conflict->agenda_item_id != pd_agenda_item_get_id (item))
        continue;
      g_string_append (text, " · ");
      g_string_append_printf (text, _("%s declared an interest: %s"), conflict->person_name, conflict->nature);
    }
  return g_string_free (text, FALSE);
}

/* Drag and drop: the row carries its item's id; dropped on another row it
 * takes that row's place. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source, double x, double y, PdAgendaItemRow *self)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, self->item_id);
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, PdAgendaItemRow *self)
{
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self)) + 1;
  gint64 dragged = g_value_get_int64 (value);

  if (dragged == self->item_id)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "meeting.move-item-to", "(xi)", dragged, position);
}

static void
declare_clicked (PdAgendaItemRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->declarer);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->member_ids->len)
    return;
  /* The page writes it and rebuilds the rows; the wording goes with it. */
  gtk_widget_activate_action (GTK_WIDGET (self), "meeting.declare-interest", "(xxs)", self->item_id,
                              g_array_index (self->member_ids, gint64, selected),
                              gtk_editable_get_text (GTK_EDITABLE (self->nature)));
}

static GtkWidget *
declaration_row (PdAgendaItemRow *self,
                 GPtrArray       *members)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Declare"));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      PdMeetingMember *member = g_ptr_array_index (members, i);

      gtk_string_list_append (names, member->display_name);
      g_array_append_val (self->member_ids, member->person_id);
    }
  self->declarer = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->declarer), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Member declaring an interest"), -1);
  self->nature = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->nature, _("Nature of the interest"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->nature), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Nature of the interest"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->nature), TRUE);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (declare_clicked), self);
  g_signal_connect_swapped (self->nature, "activate", G_CALLBACK (declare_clicked), self);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->declarer));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->nature));
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

void
pd_agenda_item_row_set_paper_state (PdAgendaItemRow *self,
                                    gint64           document_id,
                                    PdPaperState     state)
{
  GtkWidget *row;
  const char *flag;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (PD_IS_AGENDA_ITEM_ROW (self));

  row = g_hash_table_lookup (self->paper_rows, &document_id);
  if (row == NULL || state == PD_PAPER_OK)
    return;
  flag = state == PD_PAPER_MISSING ? _("Missing from the store") : _("Altered since it was attached");
  if (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), flag) != NULL)
    return;
  subtitle = g_strdup_printf ("%s · %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), flag);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "error");
  /* Also on the item itself, which shows while it is folded. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  if (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (self)), _("a paper is flagged")) == NULL)
    {
      g_autofree char *item_subtitle = g_strdup_printf ("%s · %s",
                                                        adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (self)),
                                                        _("a paper is flagged"));

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), item_subtitle);
    }
}

static void
pd_agenda_item_row_finalize (GObject *object)
{
  g_hash_table_unref (PD_AGENDA_ITEM_ROW (object)->paper_rows);
  g_array_unref (PD_AGENDA_ITEM_ROW (object)->member_ids);
  G_OBJECT_CLASS (pd_agenda_item_row_parent_class)->finalize (object);
}

static void
pd_agenda_item_row_class_init (PdAgendaItemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_agenda_item_row_finalize;
}

static void
pd_agenda_item_row_init (PdAgendaItemRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->paper_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

PdAgendaItemRow *
pd_agenda_item_row_new (PdAgendaItem *item,
                        GPtrArray    *papers,
                        GPtrArray    *conflicts,
                        GPtrArray    *members)
{
  PdAgendaItemRow *self;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = g_strdup_printf ("%d. %s", pd_agenda_item_get_position (item),
                                            pd_agenda_item_get_title (item));
  g_autofree char *subtitle = item_subtitle (item, conflicts);
  g_autofree char *remove_name = g_strdup_printf (_("Remove item %d"), pd_agenda_item_get_position (item));

  g_return_val_if_fail (PD_IS_AGENDA_ITEM (item), NULL);

  self = g_object_new (PD_TYPE_AGENDA_ITEM_ROW, NULL);
  self->item_id = pd_agenda_item_get_id (item);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  if (pd_agenda_item_is_withdrawn (item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "meeting.remove-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", self->item_id);
  gtk_widget_set_sensitive (remove, !pd_agenda_item_is_withdrawn (item));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), remove);

  for (guint i = 0; papers != NULL && i < papers->len; i++)
    {
      const PdAgendaPaper *paper = g_ptr_array_index (papers, i);
      GtkWidget *row = paper_row (paper);

      g_hash_table_insert (self->paper_rows, g_memdup2 (&paper->document_id, sizeof (gint64)), row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }
  if (!pd_agenda_item_is_withdrawn (item))
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *attach = gtk_button_new_with_mnemonic (_("_Attach Papers…"));
      g_autofree char *attach_name = g_strdup_printf (_("Attach papers to item %d"), pd_agenda_item_get_position (item));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     papers == NULL || papers->len == 0 ? _("No papers for this item") : "");
      gtk_widget_set_valign (attach, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (attach), GTK_ACCESSIBLE_PROPERTY_LABEL, attach_name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (attach), "meeting.attach-papers");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (attach), "x", self->item_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), attach);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }
  else if (papers == NULL || papers->len == 0)
    {
      GtkWidget *none = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("No papers for this item"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), none);
    }
  /* Declarations of interest are recorded on the item they concern. */
  if (members != NULL && members->len > 0 && !pd_agenda_item_is_withdrawn (item))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self), declaration_row (self, members));
  return self;
}
