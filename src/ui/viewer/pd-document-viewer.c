/* pd-document-viewer.c: a PDF document, ready to read */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "pd-document-viewer-private.h"
#include "pd-render-worker.h"
#include "pd-viewer-print.h"

G_DEFINE_FINAL_TYPE (PdDocumentViewer, pd_document_viewer, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATE,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (PdDocumentViewer *self)
{
  gboolean ready = self->state == PD_DOCUMENT_VIEWER_READY;
  const char *actions[] = {
    "viewer.zoom-in", "viewer.zoom-out", "viewer.zoom-reset", "viewer.zoom-fit-width",
    "viewer.zoom-fit-page", "viewer.zoom", "viewer.find", "viewer.find-next",
    "viewer.find-previous", "viewer.print", "viewer.copy", "viewer.go-to-page",
    "viewer.toggle-sidebar",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], ready);
}

static void
set_state (PdDocumentViewer      *self,
           PdDocumentViewerState  state)
{
  static const char *pages[] = { "empty", "loading", "password", "error", "document" };

  gtk_spinner_set_spinning (self->spinner, state == PD_DOCUMENT_VIEWER_LOADING);
  gtk_stack_set_visible_child_name (self->stack, pages[state]);
  if (self->state == state)
    return;
  self->state = state;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Pages and zoom */

static void
sync_page (PdDocumentViewer *self)
{
  int page = pd_page_view_get_page (self->page_view);
  g_autofree char *text = g_strdup_printf ("%d", page + 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (self->document == NULL)
    return;
  pd_viewer_sidebar_set_page (self->sidebar, page);
  /* Not under the reader's fingers while they type a page number. */
  if (focus != NULL && (focus == GTK_WIDGET (self->page_entry)
                        || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->page_entry))))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->page_entry), "error");
}

static void
on_page_entry_activate (PdDocumentViewer *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  char *end = NULL;
  long number = strtol (text, &end, 10);

  if (self->document == NULL)
    return;
  if (end == text || *end != '\0' || number < 1 || number > pd_viewer_document_get_n_pages (self->document))
    {
      /* Say so, and leave the number there to be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (self->page_entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (self->page_entry));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->page_entry), "error");
  pd_page_view_set_page (self->page_view, (int) number - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_view));
}

static void
sync_zoom (PdDocumentViewer *self)
{
  g_autofree char *label = NULL;

  switch (pd_page_view_get_zoom_mode (self->page_view))
    {
    case PD_ZOOM_FIT_WIDTH:
      label = g_strdup (_("Fit Width"));
      break;
    case PD_ZOOM_FIT_PAGE:
      label = g_strdup (_("Fit Page"));
      break;
    case PD_ZOOM_FREE:
    default:
      label = g_strdup_printf ("%.0f %%", pd_page_view_get_zoom (self->page_view) * 100);
      break;
    }
  gtk_menu_button_set_label (self->zoom_button, label);
}

/* The page view says so while it lays itself out; the toolbar and the
 * sidebar follow after, not in the middle of the layout. */
static gboolean
sync_toolbar (gpointer data)
{
  PdDocumentViewer *self = data;

  self->sync_id = 0;
  sync_page (self);
  sync_zoom (self);
  return G_SOURCE_REMOVE;
}

static void
on_page_changed (PdDocumentViewer *self)
{
  if (self->sync_id == 0)
    self->sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, sync_toolbar, self, NULL);
}

static void
on_zoom_changed (PdDocumentViewer *self)
{
  on_page_changed (self);
}

static void
on_sidebar_page_activated (PdDocumentViewer *self,
                           int               page)
{
  pd_page_view_set_page (self->page_view, page);
}

void
pd_document_viewer_go_to_page (PdDocumentViewer *self,
                               int               page_index)
{
  g_return_if_fail (PD_IS_DOCUMENT_VIEWER (self));

  if (self->document == NULL)
    {
      /* Opening (or asking for its password): go there once it is open. */
      if (self->state == PD_DOCUMENT_VIEWER_LOADING || self->state == PD_DOCUMENT_VIEWER_PASSWORD)
        self->pending_page = page_index;
      return;
    }
  pd_page_view_set_page (self->page_view, page_index);
}

/* Loading */

static void
clear_document (PdDocumentViewer *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _pd_document_viewer_clear_search (self);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  pd_page_view_set_document (self->page_view, NULL, NULL);
  pd_viewer_sidebar_set_document (self->sidebar, NULL, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->worker);
}

static void
show_document (PdDocumentViewer *self,
               PdViewerDocument *document)
{
  int n_pages = pd_viewer_document_get_n_pages (document);
  g_autofree char *count = g_strdup_printf (_("of %d"), n_pages);

  self->document = g_object_ref (document);
  self->worker = pd_render_worker_new (document, PD_RENDER_DEFAULT_BUDGET);
  pd_page_view_set_document (self->page_view, document, self->worker);
  pd_viewer_sidebar_set_document (self->sidebar, document, self->worker);
  gtk_label_set_text (self->page_count, count);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), "1");
  sync_zoom (self);
  set_state (self, PD_DOCUMENT_VIEWER_READY);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_view));

  /* A search result opened: its page, then its match from there. */
  if (self->pending_page >= 0)
    pd_page_view_set_page (self->page_view, self->pending_page);
  self->pending_page = -1;
  if (self->pending_find != NULL)
    {
      g_autofree char *text = g_steal_pointer (&self->pending_find);

      pd_document_viewer_find (self, text);
    }
}

static void
show_password_prompt (PdDocumentViewer *self,
                      const char       *problem)
{
  gtk_label_set_text (self->password_error, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->password_error), problem != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  set_state (self, PD_DOCUMENT_VIEWER_PASSWORD);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static const char *
title_for_error (const GError *error)
{
  if (error->domain == PD_PDF_ERROR)
    switch (error->code)
      {
      case PD_PDF_ERROR_EMPTY:
        return _("The File Is Empty");
      case PD_PDF_ERROR_NOT_PDF:
        return _("Not a PDF Document");
      case PD_PDF_ERROR_DAMAGED:
        return _("The Document Is Damaged");
      default:
        break;
      }
  return _("The Document Cannot Be Opened");
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(PdDocumentViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdViewerDocument) document = pd_viewer_document_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (document != NULL)
    show_document (self, document);
  else if (g_error_matches (error, PD_PDF_ERROR, PD_PDF_ERROR_NEEDS_PASSWORD))
    show_password_prompt (self, NULL);
  else if (g_error_matches (error, PD_PDF_ERROR, PD_PDF_ERROR_WRONG_PASSWORD))
    show_password_prompt (self, _("That password is not correct. Try again."));
  else
    pd_document_viewer_show_error (self, title_for_error (error), error->message);
}

static void
start_loading (PdDocumentViewer *self,
               const char       *password)
{
  clear_document (self);
  self->cancellable = g_cancellable_new ();
  set_state (self, PD_DOCUMENT_VIEWER_LOADING);
  pd_viewer_document_load_async (self->file, password, self->cancellable, loaded, g_object_ref (self));
}

void
pd_document_viewer_load (PdDocumentViewer *self,
                         GFile            *file,
                         const char       *title)
{
  g_return_if_fail (PD_IS_DOCUMENT_VIEWER (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  self->pending_page = -1;
  g_clear_pointer (&self->pending_find, g_free);
  g_free (self->title);
  self->title = title ? g_strdup (title) : g_file_get_basename (file);
  gtk_label_set_text (self->title_label, self->title);
  start_loading (self, NULL);
}

void
pd_document_viewer_submit_password (PdDocumentViewer *self,
                                    const char       *password)
{
  g_return_if_fail (PD_IS_DOCUMENT_VIEWER (self));

  if (self->state != PD_DOCUMENT_VIEWER_PASSWORD || self->file == NULL)
    return;
  if (password == NULL || *password == '\0')
    {
      show_password_prompt (self, _("Enter the document's password."));
      return;
    }
  start_loading (self, password);
}

static void
on_password_activate (PdDocumentViewer *self)
{
  g_autofree char *password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));

  pd_document_viewer_submit_password (self, password);
}

void
pd_document_viewer_show_error (PdDocumentViewer *self,
                               const char       *title,
                               const char       *description)
{
  g_return_if_fail (PD_IS_DOCUMENT_VIEWER (self));

  clear_document (self);
  adw_status_page_set_title (self->error_page, title ? title : _("The Document Cannot Be Opened"));
  adw_status_page_set_description (self->error_page, description);
  set_state (self, PD_DOCUMENT_VIEWER_ERROR);
}

/* Accessors */

PdDocumentViewer *
pd_document_viewer_new (void)
{
  return g_object_new (PD_TYPE_DOCUMENT_VIEWER, NULL);
}

PdDocumentViewerState
pd_document_viewer_get_state (PdDocumentViewer *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_VIEWER (self), PD_DOCUMENT_VIEWER_EMPTY);
  return self->state;
}

int
pd_document_viewer_get_page (PdDocumentViewer *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_VIEWER (self), 0);
  return self->document ? pd_page_view_get_page (self->page_view) : -1;
}

int
pd_document_viewer_get_n_pages (PdDocumentViewer *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_VIEWER (self), 0);
  return self->document ? pd_viewer_document_get_n_pages (self->document) : 0;
}

double
pd_document_viewer_get_zoom (PdDocumentViewer *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_VIEWER (self), 1.0);
  return pd_page_view_get_zoom (self->page_view);
}

const char *
pd_document_viewer_get_error_title (PdDocumentViewer *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_VIEWER (self), NULL);

  if (self->state == PD_DOCUMENT_VIEWER_ERROR)
    return adw_status_page_get_title (self->error_page);
  return NULL;
}

const char *
pd_document_viewer_get_error_text (PdDocumentViewer *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_VIEWER (self), NULL);

  if (self->state == PD_DOCUMENT_VIEWER_ERROR)
    return adw_status_page_get_description (self->error_page);
  if (self->state == PD_DOCUMENT_VIEWER_PASSWORD && gtk_widget_get_visible (GTK_WIDGET (self->password_error)))
    return gtk_label_get_text (self->password_error);
  return NULL;
}

const char *
pd_document_viewer_get_find_status (PdDocumentViewer *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_VIEWER (self), NULL);
  return self->search ? gtk_label_get_text (self->find_status) : NULL;
}

int
pd_document_viewer_get_match_page (PdDocumentViewer *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENT_VIEWER (self), -1);
  return self->match_index >= 0 ? self->match_page : -1;
}

/* Actions */

static void
zoom_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PdDocumentViewer *self = PD_DOCUMENT_VIEWER (widget);

  if (g_str_equal (name, "viewer.zoom-in"))
    pd_page_view_zoom_in (self->page_view);
  else if (g_str_equal (name, "viewer.zoom-out"))
    pd_page_view_zoom_out (self->page_view);
  else if (g_str_equal (name, "viewer.zoom-reset"))
    pd_page_view_set_zoom (self->page_view, 1.0);
  else if (g_str_equal (name, "viewer.zoom-fit-width"))
    pd_page_view_set_zoom_mode (self->page_view, PD_ZOOM_FIT_WIDTH);
  else if (g_str_equal (name, "viewer.zoom-fit-page"))
    pd_page_view_set_zoom_mode (self->page_view, PD_ZOOM_FIT_PAGE);
  else if (g_str_equal (name, "viewer.zoom"))
    pd_page_view_set_zoom (self->page_view, g_variant_get_double (parameter));
}

static void
find_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PdDocumentViewer *self = PD_DOCUMENT_VIEWER (widget);

  if (g_str_equal (name, "viewer.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
    }
  else
    _pd_document_viewer_step_match (self, g_str_equal (name, "viewer.find-next") ? 1 : -1);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  PdDocumentViewer *self = PD_DOCUMENT_VIEWER (widget);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->document == NULL)
    return;
  if (pd_viewer_print (self->document, self->title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error ? error->message : "");
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
copy_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PdDocumentViewer *self = PD_DOCUMENT_VIEWER (widget);

  pd_page_view_copy_selection (self->page_view);
}

static void
go_to_page_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  PdDocumentViewer *self = PD_DOCUMENT_VIEWER (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->page_entry));
}

/* Object */

static void
pd_document_viewer_dispose (GObject *object)
{
  PdDocumentViewer *self = PD_DOCUMENT_VIEWER (object);

  clear_document (self);
  g_clear_handle_id (&self->sync_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_DOCUMENT_VIEWER);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (pd_document_viewer_parent_class)->dispose (object);
}

static void
pd_document_viewer_finalize (GObject *object)
{
  PdDocumentViewer *self = PD_DOCUMENT_VIEWER (object);

  g_free (self->title);
  g_free (self->pending_find);
  G_OBJECT_CLASS (pd_document_viewer_parent_class)->finalize (object);
}

static void
pd_document_viewer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PdDocumentViewer *self = PD_DOCUMENT_VIEWER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, adw_flap_get_reveal_flap (self->flap));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_document_viewer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PdDocumentViewer *self = PD_DOCUMENT_VIEWER (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_VISIBLE:
      if (adw_flap_get_reveal_flap (self->flap) != g_value_get_boolean (value))
        {
          adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_document_viewer_class_init (PdDocumentViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_document_viewer_dispose;
  object_class->finalize = pd_document_viewer_finalize;
  object_class->get_property = pd_document_viewer_get_property;
  object_class->set_property = pd_document_viewer_set_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, PD_DOCUMENT_VIEWER_EMPTY, PD_DOCUMENT_VIEWER_READY,
                      PD_DOCUMENT_VIEWER_EMPTY,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PD_TYPE_PAGE_VIEW);
  g_type_ensure (PD_TYPE_VIEWER_SIDEBAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/paneldesk/PanelDesk/viewer/pd-document-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, password_page);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, password_entry);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, password_error);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, page_entry);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, page_count);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, title_label);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, find_button);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, find_entry);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, find_status);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, flap);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentViewer, page_view);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_find_changed", G_CALLBACK (_pd_document_viewer_on_find_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_find_activate", G_CALLBACK (_pd_document_viewer_on_find_activate));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_find_next", G_CALLBACK (_pd_document_viewer_on_find_next));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_find_previous", G_CALLBACK (_pd_document_viewer_on_find_previous));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_find_stop", G_CALLBACK (_pd_document_viewer_on_find_stop));
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_page_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_changed);

  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit-page", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "viewer.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "viewer.go-to-page", NULL, go_to_page_action);
  gtk_widget_class_install_property_action (widget_class, "viewer.toggle-sidebar", "sidebar-visible");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "viewer.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "viewer.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "viewer.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "viewer.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "viewer.go-to-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "viewer.toggle-sidebar", NULL);
}

static void
flap_revealed (PdDocumentViewer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

static void
pd_document_viewer_init (PdDocumentViewer *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its own child. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  self->match_index = -1;
  self->match_page = -1;
  self->pending_page = -1;

  g_object_bind_property (self->find_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (_pd_document_viewer_find_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);

  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (flap_revealed), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (_pd_document_viewer_search_mode_changed), self);
  update_actions (self);
}
