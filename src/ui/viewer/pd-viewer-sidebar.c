/* pd-viewer-sidebar.c: page thumbnails and the document's outline */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-viewer-sidebar.h"

#define THUMBNAIL_WIDTH 140

struct _PdViewerSidebar
{
  AdwBin            parent_instance;

  GtkStackSwitcher *switcher;
  GtkStack         *stack;
  GtkListView      *thumbnails;
  GtkListBox       *outline_list;

  PdViewerDocument *document;
  PdRenderWorker   *worker;
  gulong            rendered_id;
  GtkSingleSelection *selection;
  GHashTable       *bound;        /* page → GtkPicture of a bound list item */
  guint             update_id;
  gboolean          has_outline;
};

G_DEFINE_FINAL_TYPE (PdViewerSidebar, pd_viewer_sidebar, ADW_TYPE_BIN)

enum { PAGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static double
thumbnail_scale (PdViewerSidebar *self,
                 int              page)
{
  double width;

  pd_viewer_document_get_page_size (self->document, page, &width, NULL);
  return THUMBNAIL_WIDTH / width * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/* Asks the worker for the thumbnails actually in sight, not all bound ones:
 * a list view keeps many more rows bound than it shows. */
static gboolean
update_in_sight (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  PdViewerSidebar *self = data;
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->thumbnails));
  int height = gtk_widget_get_height (viewport);
  GHashTableIter iter;
  gpointer key, value;
  int first = G_MAXINT, last = -1;

  self->update_id = 0;
  if (self->worker == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->thumbnails)))
    return G_SOURCE_REMOVE;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      graphene_rect_t bounds;
      int page = GPOINTER_TO_INT (key);

      /* Not laid out yet: its place is not known. */
      if (gtk_widget_get_width (value) == 0 || !gtk_widget_compute_bounds (value, viewport, &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height < 0 || bounds.origin.y > height)
        continue;
      first = MIN (first, page);
      last = MAX (last, page);
    }
  if (last >= 0)
    pd_render_worker_show_thumbnails (self->worker, first, last, thumbnail_scale (self, first));
  return G_SOURCE_REMOVE;
}

/* On the next frame, when the rows bound now have their places. */
static void
queue_update (PdViewerSidebar *self)
{
  if (self->update_id == 0)
    self->update_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_in_sight, self, NULL);
}

static void
show_thumbnail (PdViewerSidebar *self,
                GtkPicture      *picture,
                int              page)
{
  GdkTexture *texture = pd_page_cache_lookup (pd_render_worker_get_cache (self->worker),
                                              PD_RENDER_THUMBNAIL, page, NULL);

  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
worker_rendered (PdRenderWorker  *worker,
                 int              kind,
                 int              page,
                 PdViewerSidebar *self)
{
  GtkPicture *picture;

  if (kind != PD_RENDER_THUMBNAIL)
    return;
  picture = g_hash_table_lookup (self->bound, GINT_TO_POINTER (page));
  if (picture != NULL)
    show_thumbnail (self, picture, page);
}

static void
setup_thumbnail (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PdViewerSidebar          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (picture, "pd-thumbnail");
  /* An A4 page's size from the start: the list estimates how many rows
   * fit from rows it has made, and a tiny row would bind every page. */
  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, (int) (THUMBNAIL_WIDTH * 842.0 / 595.0));
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_thumbnail (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PdViewerSidebar          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  int page = (int) gtk_list_item_get_position (item);
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  g_autofree char *name = g_strdup_printf (_("Page %d"), page + 1);
  double width, height;

  pd_viewer_document_get_page_size (self->document, page, &width, &height);
  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, (int) (THUMBNAIL_WIDTH * height / width));
  gtk_label_set_text (GTK_LABEL (label), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_hash_table_insert (self->bound, GINT_TO_POINTER (page), picture);
  show_thumbnail (self, GTK_PICTURE (picture), page);
  queue_update (self);
}

static void
unbind_thumbnail (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PdViewerSidebar          *self)
{
  GtkWidget *picture = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  int page = (int) gtk_list_item_get_position (item);

  /* The position may have been reused: only forget our own picture. */
  if (g_hash_table_lookup (self->bound, GINT_TO_POINTER (page)) == picture)
    g_hash_table_remove (self->bound, GINT_TO_POINTER (page));
  gtk_picture_set_paintable (GTK_PICTURE (picture), NULL);
}

static void
on_thumbnail_activated (PdViewerSidebar *self,
                        guint            position)
{
  g_signal_emit (self, signals[PAGE_ACTIVATED], 0, (int) position);
}

static void
on_outline_row_activated (PdViewerSidebar *self,
                          GtkListBoxRow   *row)
{
  int page = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "pd-page")) - 1;

  if (page >= 0)
    g_signal_emit (self, signals[PAGE_ACTIVATED], 0, page);
}

static void
fill_outline (PdViewerSidebar *self)
{
  GtkWidget *child;
  GPtrArray *outline;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list))) != NULL)
    gtk_list_box_remove (self->outline_list, child);
  self->has_outline = FALSE;
  if (self->document == NULL)
    return;

  outline = pd_viewer_document_get_outline (self->document);
  for (guint i = 0; i < outline->len; i++)
    {
      const PdOutlineEntry *entry = g_ptr_array_index (outline, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (entry->title);
      g_autofree char *number = entry->page_index >= 0 ? g_strdup_printf ("%d", entry->page_index + 1)
                                                       : g_strdup ("");
      GtkWidget *page = gtk_label_new (number);

      gtk_widget_set_margin_start (box, 12 * MIN (entry->depth, 6));
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_add_css_class (page, "dim-label");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), page);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), entry->page_index >= 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, entry->title, -1);
      g_object_set_data (G_OBJECT (row), "pd-page", GINT_TO_POINTER (entry->page_index + 1));
      gtk_list_box_append (self->outline_list, row);
    }
  self->has_outline = outline->len > 0;
}

void
pd_viewer_sidebar_set_document (PdViewerSidebar  *self,
                                PdViewerDocument *document,
                                PdRenderWorker   *worker)
{
  g_autoptr(GtkStringList) pages = NULL;

  g_return_if_fail (PD_IS_VIEWER_SIDEBAR (self));
  g_return_if_fail ((document == NULL) == (worker == NULL));

  if (self->worker != NULL)
    g_clear_signal_handler (&self->rendered_id, self->worker);
  /* Unbinding the old rows needs the old document still. */
  gtk_single_selection_set_model (self->selection, NULL);
  g_hash_table_remove_all (self->bound);
  g_set_object (&self->document, document);
  g_set_object (&self->worker, worker);
  fill_outline (self);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher), self->has_outline);
  gtk_stack_set_visible_child_name (self->stack, "thumbnails");
  if (document == NULL)
    return;

  self->rendered_id = g_signal_connect (worker, "rendered", G_CALLBACK (worker_rendered), self);
  pages = gtk_string_list_new (NULL);
  for (int i = 0; i < pd_viewer_document_get_n_pages (document); i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i + 1);
      gtk_string_list_append (pages, number);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (pages));
}

void
pd_viewer_sidebar_set_page (PdViewerSidebar *self,
                            int              page)
{
  g_return_if_fail (PD_IS_VIEWER_SIDEBAR (self));

  if (self->document == NULL || page < 0 || page >= pd_viewer_document_get_n_pages (self->document))
    return;
  if (gtk_single_selection_get_selected (self->selection) == (guint) page)
    return;
  gtk_single_selection_set_selected (self->selection, page);
  /* GTK 4.8 has no scroll_to: moving the focus brings the row into sight,
   * but only when the list already has it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->thumbnails)) && !gtk_widget_has_focus (GTK_WIDGET (self->thumbnails)))
    gtk_widget_activate_action (GTK_WIDGET (self->thumbnails), "list.scroll-to-item", "u", (guint) page);
}

gboolean
pd_viewer_sidebar_has_outline (PdViewerSidebar *self)
{
  g_return_val_if_fail (PD_IS_VIEWER_SIDEBAR (self), FALSE);
  return self->has_outline;
}

void
pd_viewer_sidebar_show_outline (PdViewerSidebar *self,
                                gboolean         outline)
{
  g_return_if_fail (PD_IS_VIEWER_SIDEBAR (self));
  gtk_stack_set_visible_child_name (self->stack, outline && self->has_outline ? "outline" : "thumbnails");
}

static void
thumbnails_scrolled (PdViewerSidebar *self)
{
  queue_update (self);
}

static void
pd_viewer_sidebar_dispose (GObject *object)
{
  PdViewerSidebar *self = PD_VIEWER_SIDEBAR (object);

  if (self->update_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_id);
  self->update_id = 0;
  if (self->worker != NULL)
    g_clear_signal_handler (&self->rendered_id, self->worker);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_VIEWER_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (pd_viewer_sidebar_parent_class)->dispose (object);
}

static void
pd_viewer_sidebar_class_init (PdViewerSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_viewer_sidebar_dispose;

  /* (page): a thumbnail or an outline entry was activated. */
  signals[PAGE_ACTIVATED] = g_signal_new ("page-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/paneldesk/PanelDesk/viewer/pd-viewer-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PdViewerSidebar, switcher);
  gtk_widget_class_bind_template_child (widget_class, PdViewerSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, PdViewerSidebar, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, PdViewerSidebar, outline_list);
  gtk_widget_class_bind_template_callback (widget_class, on_thumbnail_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_row_activated);
}

static void
pd_viewer_sidebar_init (PdViewerSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound = g_hash_table_new (NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_thumbnail), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_thumbnail), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_thumbnail), self);
  gtk_list_view_set_factory (self->thumbnails, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_list_view_set_model (self->thumbnails, GTK_SELECTION_MODEL (self->selection));

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->thumbnails));
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (thumbnails_scrolled), self);
  g_signal_connect_swapped (self->thumbnails, "map", G_CALLBACK (thumbnails_scrolled), self);
}

GtkWidget *
pd_viewer_sidebar_new (void)
{
  return g_object_new (PD_TYPE_VIEWER_SIDEBAR, NULL);
}
