/* pd-viewer-window.c: one attached document in a window of its own
 *
 * A document opens beside the application, as a document viewer's window
 * does, so that a member can read a report while the agenda or the
 * referral stays in view in the main window; opening it again brings the
 * same window forward rather than stacking copies.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-viewer-window.h"

struct _PdViewerWindow
{
  AdwWindow         parent_instance;

  PdDocumentViewer *viewer;
  gint64            document_id;
};

G_DEFINE_FINAL_TYPE (PdViewerWindow, pd_viewer_window, ADW_TYPE_WINDOW)

gint64
pd_viewer_window_get_document_id (PdViewerWindow *self)
{
  g_return_val_if_fail (PD_IS_VIEWER_WINDOW (self), 0);

  return self->document_id;
}

PdDocumentViewer *
pd_viewer_window_get_viewer (PdViewerWindow *self)
{
  g_return_val_if_fail (PD_IS_VIEWER_WINDOW (self), NULL);

  return self->viewer;
}

void
pd_viewer_window_show_page (PdViewerWindow *self,
                            int             page_index,
                            const char     *query)
{
  g_return_if_fail (PD_IS_VIEWER_WINDOW (self));

  pd_document_viewer_go_to_page (self->viewer, MAX (page_index, 0));
  if (query != NULL && *query != '\0')
    pd_document_viewer_find (self->viewer, query);
}

PdViewerWindow *
pd_viewer_window_new (GtkWindow  *parent,
                      gint64      document_id,
                      const char *path,
                      const char *title)
{
  PdViewerWindow *self = g_object_new (PD_TYPE_VIEWER_WINDOW,
                                       "title", title,
                                       "transient-for", parent,
                                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                                       NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  self->document_id = document_id;
  pd_document_viewer_load (self->viewer, file, title);
  return self;
}

static void
pd_viewer_window_class_init (PdViewerWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Ctrl+W closes a document's window, as in every document viewer. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pd_viewer_window_init (PdViewerWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->viewer = pd_document_viewer_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->viewer), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->viewer));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 980, 760);
}
