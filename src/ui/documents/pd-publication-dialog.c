/* pd-publication-dialog.c: editing a report's entry in the publication register
 *
 * A refused save (no date for a published report, a window shorter than
 * twelve months) keeps what was typed and says why under the form.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-publication-dialog.h"

struct _PdPublicationDialog
{
  AdwWindow     parent_instance;

  AdwPreferencesGroup *group;
  AdwComboRow  *status_row;
  AdwEntryRow  *published_row;
  AdwEntryRow  *until_row;
  AdwActionRow *window_row;
  AdwEntryRow  *note_row;
  GtkLabel     *error_label;

  PdDatabase   *db;
  gint64        document_id;
};

G_DEFINE_FINAL_TYPE (PdPublicationDialog, pd_publication_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_published_changed (PdPublicationDialog *self)
{
  g_autofree char *end = pd_publication_window_end (gtk_editable_get_text (GTK_EDITABLE (self->published_row)));

  adw_action_row_set_subtitle (self->window_row, end != NULL ? end : "—");
}

static void
show_error (PdPublicationDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), *message != '\0');
}

void
pd_publication_dialog_set_fields (PdPublicationDialog *self,
                                  const char          *status,
                                  const char          *published_on,
                                  const char          *website_until,
                                  const char          *note)
{
  const char *const *statuses = pd_publication_statuses ();

  g_return_if_fail (PD_IS_PUBLICATION_DIALOG (self));

  for (guint i = 0; status != NULL && statuses[i] != NULL; i++)
    if (g_str_equal (statuses[i], status))
      adw_combo_row_set_selected (self->status_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->published_row), published_on != NULL ? published_on : "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_row), website_until != NULL ? website_until : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}

gboolean
pd_publication_dialog_save (PdPublicationDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *published_on = NULL;
  const char *const *statuses = pd_publication_statuses ();
  guint selected;

  g_return_val_if_fail (PD_IS_PUBLICATION_DIALOG (self), FALSE);

  published_on = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->published_row))));
  selected = adw_combo_row_get_selected (self->status_row);
  if (selected >= g_strv_length ((char **) statuses))
    selected = 0;
  if (!pd_publication_save (self->db, self->document_id, statuses[selected],
                            published_on,
                            gtk_editable_get_text (GTK_EDITABLE (self->until_row)),
                            gtk_editable_get_text (GTK_EDITABLE (self->note_row)), &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, "");
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
pd_publication_dialog_get_error (PdPublicationDialog *self)
{
  g_return_val_if_fail (PD_IS_PUBLICATION_DIALOG (self), NULL);

  return gtk_label_get_text (self->error_label);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pd_publication_dialog_save (PD_PUBLICATION_DIALOG (widget));
}

GtkWidget *
pd_publication_dialog_new (PdDatabase  *db,
                           PdDocument  *document,
                           GtkWindow   *parent,
                           GError     **error)
{
  g_autoptr(PdPublication) publication = NULL;
  PdPublicationDialog *self;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PD_IS_DOCUMENT (document), NULL);

  publication = pd_publication_load (db, pd_document_get_id (document), error);
  if (publication == NULL)
    return NULL;

  self = g_object_new (PD_TYPE_PUBLICATION_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->document_id = pd_document_get_id (document);
  adw_preferences_group_set_title (self->group, pd_document_get_title (document));
  pd_publication_dialog_set_fields (self, publication->status, publication->published_on,
                                    publication->website_until, publication->note);
  return GTK_WIDGET (self);
}

static void
pd_publication_dialog_dispose (GObject *object)
{
  PdPublicationDialog *self = PD_PUBLICATION_DIALOG (object);

  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_PUBLICATION_DIALOG);

  G_OBJECT_CLASS (pd_publication_dialog_parent_class)->dispose (object);
}

static void
pd_publication_dialog_class_init (PdPublicationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_publication_dialog_dispose;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "publication.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/documents/pd-publication-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdPublicationDialog, group);
  gtk_widget_class_bind_template_child (widget_class, PdPublicationDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, PdPublicationDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, PdPublicationDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, PdPublicationDialog, window_row);
  gtk_widget_class_bind_template_child (widget_class, PdPublicationDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, PdPublicationDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_published_changed);
}

static void
pd_publication_dialog_init (PdPublicationDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *const *statuses = pd_publication_statuses ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (labels, pd_publication_status_to_label (statuses[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
}
