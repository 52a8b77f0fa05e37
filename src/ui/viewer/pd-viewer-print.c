/* pd-viewer-print.c: printing a document with GtkPrintOperation */
#include "config.h"

#include "pd-viewer-print.h"

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_index,
           PdViewerDocument  *document)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pd_viewer_document_get_poppler (document), page_index);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  /* In points (the operation's unit): fit the page within the printable area, never enlarged. */
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  scale = MIN (scale, 1.0);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
}

static GtkPrintOperation *
new_operation (PdViewerDocument *document,
               const char       *title)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_n_pages (operation, pd_viewer_document_get_n_pages (document));
  gtk_print_operation_set_job_name (operation, title ? title : "");
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page), document, 0);
  return operation;
}

GtkPrintOperationResult
pd_viewer_print (PdViewerDocument  *document,
                 const char        *title,
                 GtkWindow         *parent,
                 GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (document), GTK_PRINT_OPERATION_RESULT_ERROR);

  operation = new_operation (document, title);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
}

gboolean
pd_viewer_print_to_file (PdViewerDocument  *document,
                         const char        *path,
                         GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (PD_IS_VIEWER_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = new_operation (document, NULL);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
