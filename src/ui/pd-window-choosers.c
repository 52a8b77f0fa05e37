/* pd-window-choosers.c: PdWindow's file choosers, to open and to make a database */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-window.h"

static char *
dup_chosen_path (GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  PdWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = dup_chosen_path (dialog);

      if (path != NULL)
        pd_window_open_path (self, path);
      else
        pd_window_add_toast (self, _("Panel Desk can only open databases stored as files on a drive"));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
pd_window_choose_database (PdWindow *self)
{
  static const char * const panel_desk[] = { "*.paneldesk", NULL };
  static const char * const sqlite[] = { "*.sqlite", "*.db", NULL };
  static const char * const all[] = { "*", NULL };
  GtkFileChooserNative *chooser;

  g_return_if_fail (PD_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Panel Desk Databases"), panel_desk);
  add_filter (GTK_FILE_CHOOSER (chooser), _("SQLite Databases"), sqlite);
  add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* The dialog holds itself until it answers; the window may go first. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_new_response (GtkNativeDialog *dialog,
                 int              response,
                 PdWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = dup_chosen_path (dialog);
      g_autoptr(PdDatabase) db = NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        pd_window_add_toast (self, _("Panel Desk can only make databases as files on a drive"));
      else if ((db = pd_database_open (path, PD_OPEN_CREATE, &error)) == NULL)
        pd_window_add_toast (self, error->message);
      else
        {
          pd_window_set_database (self, db);
          pd_window_remember_database (self, path);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
pd_window_choose_new_database (PdWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (PD_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "Panel.paneldesk");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_new_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
