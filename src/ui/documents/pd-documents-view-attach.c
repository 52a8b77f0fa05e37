/* pd-documents-view-attach.c: the Documents view's background work:
 * attaching files (chosen or dropped) and extracting their text, with
 * progress under the toolbar and a toast at the end */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-documents-jobs.h"
#include "pd-documents-view-private.h"

/* ------------------------------------------------------------- progress */

void
_pd_documents_view_update_progress (PdDocumentsView *self)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, self->n_attaching > 0 || self->extracting);
}

static void
on_progress (GObject    *owner,
             double      fraction,
             const char *text)
{
  PdDocumentsView *self = PD_DOCUMENTS_VIEW (owner);

  if (self->db == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_label_set_text (self->progress_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
on_extracted (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  PdDocumentsView *self = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = pd_documents_extract_finish (result, &error);

  /* A job of a database no longer shown: nothing of it is counted. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_object_unref (self);
      return;
    }
  self->extracting = FALSE;
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->db != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The text of the documents could not all be read for search: %s"),
                                                  error->message);

      _pd_documents_view_show_message (self, message);
    }
  _pd_documents_view_update_progress (self);
  if (ok && self->db != NULL)
    {
      /* Pages that became searchable appear in the search shown. */
      if (self->query != NULL)
        {
          g_autofree char *query = g_strdup (self->query);

          pd_documents_view_search (self, query);
        }
      if (self->extract_again)
        _pd_documents_view_start_extraction (self);
    }
  g_object_unref (self);
}

void
_pd_documents_view_start_extraction (PdDocumentsView *self)
{
  guint pending = 0;

  self->extract_again = self->extracting;
  if (self->extracting || self->db == NULL || !pd_database_user_can_write (self->db) ||
      !pd_fulltext_get_progress (self->db, NULL, NULL, &pending, NULL) || pending == 0)
    return;
  self->extracting = TRUE;
  _pd_documents_view_update_progress (self);
  pd_documents_extract_async (pd_database_get_path (self->db), G_OBJECT (self), on_progress,
                              self->cancellable, on_extracted, g_object_ref (self));
}

/* -------------------------------------------------------------- attaching */

static void
on_attached (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  PdDocumentsView *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = pd_documents_attach_finish (result, &error);
  g_autoptr(GString) failed = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n_stored = 0, n_failed = 0, n_unreadable = 0;

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_object_unref (self);
      return;
    }
  self->n_attaching--;
  _pd_documents_view_update_progress (self);
  if (results == NULL)
    {
      if (self->db != NULL)
        _pd_documents_view_show_message (self, error->message);
      g_object_unref (self);
      return;
    }

  for (guint i = 0; i < results->len; i++)
    {
      PdAttachResult *r = g_ptr_array_index (results, i);

      if (r->error == NULL)
        {
          n_stored++;
          n_unreadable += *r->unreadable != '\0';
          continue;
        }
      if (n_failed++ == 0)
        g_string_append (failed, r->error->message);
    }

  if (n_failed == 0 && n_unreadable == 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file attached", "%u files attached", n_stored),
                               n_stored);
  else if (n_failed == 0)
    /* Translators: files attached, some of them PDFs that cannot be read */
    message = g_strdup_printf (_("%u attached; %u cannot be read (damaged or password-protected) and are marked so"),
                               n_stored, n_unreadable);
  else
    /* Translators: files attached and not; then why the first one was not */
    message = g_strdup_printf (_("%u attached, %u not: %s"), n_stored, n_failed, failed->str);

  if (self->db != NULL)
    {
      _pd_documents_view_show_message (self, message);
      _pd_documents_view_reload_list (self);
      _pd_documents_view_start_extraction (self);
    }
  g_object_unref (self);
}

void
pd_documents_view_set_attach_target (PdDocumentsView *self,
                                     const char      *reference,
                                     const char      *kind)
{
  const char *const *kinds = pd_document_kinds ();

  g_return_if_fail (PD_IS_DOCUMENTS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->referral_entry), reference != NULL ? reference : "");
  for (guint i = 0; kind != NULL && kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i], kind))
      gtk_drop_down_set_selected (self->attach_kind, i);
}

void
pd_documents_view_attach_files (PdDocumentsView   *self,
                                const char *const *paths)
{
  g_autoptr(GError) error = NULL;
  const char *reference;
  PdAttachTarget target = { 0 };

  g_return_if_fail (PD_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (paths != NULL);

  if (self->db == NULL || paths[0] == NULL)
    return;
  reference = gtk_editable_get_text (GTK_EDITABLE (self->referral_entry));
  if (reference == NULL || *reference == '\0')
    {
      _pd_documents_view_show_message (self, _("Type the reference of the referral the files belong to, then attach them."));
      gtk_widget_grab_focus (GTK_WIDGET (self->referral_entry));
      return;
    }
  target.referral_id = pd_referral_find_by_reference (self->db, reference, &error);
  if (target.referral_id == 0)
    {
      _pd_documents_view_show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->referral_entry));
      return;
    }
  target.kind = _pd_documents_view_chosen_kind (self->attach_kind, FALSE);

  self->n_attaching++;
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->progress_label, _("Attaching…"));
  _pd_documents_view_update_progress (self);
  pd_documents_attach_async (pd_database_get_path (self->db), &target, paths, G_OBJECT (self), on_progress,
                             self->cancellable, on_attached, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     PdDocumentsView *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      pd_documents_view_attach_files (self, (const char *const *) paths->pdata);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_pd_documents_view_attach_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  PdDocumentsView *self = PD_DOCUMENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Files"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         PdDocumentsView *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->db == NULL)
    return FALSE;
  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return FALSE;
  g_ptr_array_add (paths, NULL);
  pd_documents_view_attach_files (self, (const char *const *) paths->pdata);
  return TRUE;
}

void
_pd_documents_view_add_drop_target (PdDocumentsView *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  /* Files dropped from a file manager are attached like chosen ones. */
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
