/* pd-page-view-input.c: zoom, keys, find highlights and selection in the page view */
#include "config.h"

#include "pd-page-view-private.h"

static const double zoom_steps[] = { 0.5, 0.7, 0.85, 1.0, 1.25, 1.5, 1.75, 2.0, 3.0, 4.0 };

/* Zoom */

static void
change_zoom (PdPageView *self,
             PdZoomMode  mode,
             double      zoom)
{
  PdZoomMode old_mode = self->zoom_mode;

  zoom = CLAMP (zoom, PD_ZOOM_MIN, PD_ZOOM_MAX);
  if (mode == old_mode && (mode != PD_ZOOM_FREE || zoom == self->zoom))
    return;
  _pd_page_view_anchor_here (self);
  self->zoom_mode = mode;
  if (mode == PD_ZOOM_FREE && zoom != self->zoom)
    {
      self->zoom = zoom;
      _pd_page_view_notify (self, PROP_ZOOM);
    }
  if (mode != old_mode)
    _pd_page_view_notify (self, PROP_ZOOM_MODE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

double
pd_page_view_get_zoom (PdPageView *self)
{
  g_return_val_if_fail (PD_IS_PAGE_VIEW (self), 1.0);
  return self->zoom;
}

void
pd_page_view_set_zoom (PdPageView *self,
                       double      zoom)
{
  g_return_if_fail (PD_IS_PAGE_VIEW (self));
  change_zoom (self, PD_ZOOM_FREE, zoom);
}

PdZoomMode
pd_page_view_get_zoom_mode (PdPageView *self)
{
  g_return_val_if_fail (PD_IS_PAGE_VIEW (self), PD_ZOOM_FIT_WIDTH);
  return self->zoom_mode;
}

void
pd_page_view_set_zoom_mode (PdPageView *self,
                            PdZoomMode  mode)
{
  g_return_if_fail (PD_IS_PAGE_VIEW (self));
  change_zoom (self, mode, self->zoom);
}

void
pd_page_view_zoom_in (PdPageView *self)
{
  g_return_if_fail (PD_IS_PAGE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 0.001)
      {
        change_zoom (self, PD_ZOOM_FREE, zoom_steps[i]);
        return;
      }
}

void
pd_page_view_zoom_out (PdPageView *self)
{
  g_return_if_fail (PD_IS_PAGE_VIEW (self));

  for (int i = G_N_ELEMENTS (zoom_steps) - 1; i >= 0; i--)
    if (zoom_steps[i] < self->zoom - 0.001)
      {
        change_zoom (self, PD_ZOOM_FREE, zoom_steps[i]);
        return;
      }
}

static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          PdPageView               *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || self->document == NULL)
    return FALSE;   /* the scrolled window scrolls */
  if (dy < 0)
    pd_page_view_zoom_in (self);
  else if (dy > 0)
    pd_page_view_zoom_out (self);
  return TRUE;
}

/* Pages and keys */

int
pd_page_view_get_page (PdPageView *self)
{
  g_return_val_if_fail (PD_IS_PAGE_VIEW (self), 0);
  return self->page;
}

void
pd_page_view_set_page (PdPageView *self,
                       int         page)
{
  g_return_if_fail (PD_IS_PAGE_VIEW (self));

  if (self->document == NULL)
    return;
  page = CLAMP (page, 0, pd_viewer_document_get_n_pages (self->document) - 1);
  self->pending_page = page;
  self->pending_fraction = 0;
  self->pending_explicit = TRUE;
  _pd_page_view_set_page_internal (self, page);
  _pd_page_view_scroll_to_pending (self);
}

static void
scroll_by (PdPageView *self,
           double      dx,
           double      dy)
{
  if (dy != 0)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
  if (dx != 0)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx);
}

/* Keys are bindings to actions, so the same moves can be asked for by name. */
static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PdPageView *self = PD_PAGE_VIEW (widget);
  double height = gtk_widget_get_height (widget);
  int step = parameter ? g_variant_get_int32 (parameter) : 0;

  if (self->document == NULL)
    return;
  if (g_str_equal (name, "pages.scroll-line"))
    scroll_by (self, 0, step * PD_LINE_STEP);
  else if (g_str_equal (name, "pages.scroll-screen"))
    scroll_by (self, 0, step * height * 0.9);
  else if (g_str_equal (name, "pages.sideways"))
    {
      /* Sideways when there is room to, else the next or previous page. */
      if (gtk_adjustment_get_upper (self->hadjustment) > gtk_adjustment_get_page_size (self->hadjustment) + 1)
        scroll_by (self, step * PD_LINE_STEP, 0);
      else
        pd_page_view_set_page (self, self->page + step);
    }
  else if (g_str_equal (name, "pages.first"))
    pd_page_view_set_page (self, 0);
  else if (g_str_equal (name, "pages.last"))
    pd_page_view_set_page (self, pd_viewer_document_get_n_pages (self->document) - 1);
}

void
_pd_page_view_add_bindings (GtkWidgetClass *widget_class)
{
  const struct { guint key; GdkModifierType mods; const char *action; int step; } keys[] = {
    { GDK_KEY_Up, 0, "pages.scroll-line", -1 },
    { GDK_KEY_KP_Up, 0, "pages.scroll-line", -1 },
    { GDK_KEY_Down, 0, "pages.scroll-line", 1 },
    { GDK_KEY_KP_Down, 0, "pages.scroll-line", 1 },
    { GDK_KEY_Page_Up, 0, "pages.scroll-screen", -1 },
    { GDK_KEY_KP_Page_Up, 0, "pages.scroll-screen", -1 },
    { GDK_KEY_Page_Down, 0, "pages.scroll-screen", 1 },
    { GDK_KEY_KP_Page_Down, 0, "pages.scroll-screen", 1 },
    { GDK_KEY_space, 0, "pages.scroll-screen", 1 },
    { GDK_KEY_space, GDK_SHIFT_MASK, "pages.scroll-screen", -1 },
    { GDK_KEY_Left, 0, "pages.sideways", -1 },
    { GDK_KEY_KP_Left, 0, "pages.sideways", -1 },
    { GDK_KEY_Right, 0, "pages.sideways", 1 },
    { GDK_KEY_KP_Right, 0, "pages.sideways", 1 },
    { GDK_KEY_Home, 0, "pages.first", 0 },
    { GDK_KEY_KP_Home, 0, "pages.first", 0 },
    { GDK_KEY_End, 0, "pages.last", 0 },
    { GDK_KEY_KP_End, 0, "pages.last", 0 },
  };

  gtk_widget_class_install_action (widget_class, "pages.scroll-line", "i", move_action);
  gtk_widget_class_install_action (widget_class, "pages.scroll-screen", "i", move_action);
  gtk_widget_class_install_action (widget_class, "pages.sideways", "i", move_action);
  gtk_widget_class_install_action (widget_class, "pages.first", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "pages.last", NULL, move_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i].step != 0)
        gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action,
                                             "i", keys[i].step);
      else
        gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
    }
}

/* Find highlights */

void
pd_page_view_set_matches (PdPageView *self,
                          GHashTable *matches)
{
  g_return_if_fail (PD_IS_PAGE_VIEW (self));

  if (matches != NULL)
    g_hash_table_ref (matches);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  self->matches = matches;
  self->match_page = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pd_page_view_set_current_match (PdPageView             *self,
                                int                     page,
                                const PopplerRectangle *rect)
{
  double page_width, page_height, top, height;

  g_return_if_fail (PD_IS_PAGE_VIEW (self));
  g_return_if_fail (rect != NULL);

  if (self->document == NULL)
    return;
  self->match_page = page;
  self->match_rect = *rect;

  /* Land on the page: all of it when it fits, else with the match a
   * third of the way down the view. */
  pd_viewer_document_get_page_size (self->document, page, &page_width, &page_height);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  top = rect->y1 / page_height;
  self->pending_page = page;
  self->pending_explicit = TRUE;
  /* (A pixel's slack: at fit page the page is sized to the view exactly.) */
  if (page_height * _pd_page_view_pixels_per_point (self) + 2 * PD_PAGE_SPACING <= height + 2)
    self->pending_fraction = 0;
  else
    self->pending_fraction = MAX (top - (height / 3) / (page_height * _pd_page_view_pixels_per_point (self)), 0);
  _pd_page_view_set_page_internal (self, page);
  _pd_page_view_scroll_to_pending (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selection */

static gboolean
point_to_page (PdPageView *self,
               double      x,
               double      y,
               int        *page,
               double     *page_x,
               double     *page_y)
{
  double doc_y = y + gtk_adjustment_get_value (self->vadjustment);
  double doc_x = x + gtk_adjustment_get_value (self->hadjustment);

  *page = _pd_page_view_page_at (self, doc_y);
  *page_x = (doc_x - _pd_page_view_page_left (self, *page)) / _pd_page_view_pixels_per_point (self);
  *page_y = (doc_y - self->page_top[*page]) / _pd_page_view_pixels_per_point (self);
  return TRUE;
}

void
pd_page_view_select (PdPageView             *self,
                     int                     page,
                     const PopplerRectangle *rect)
{
  g_return_if_fail (PD_IS_PAGE_VIEW (self));

  if (rect == NULL || page < 0)
    self->selection_page = -1;
  else
    {
      self->selection_page = page;
      self->selection = *rect;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            PdPageView     *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_x = x;
  self->drag_y = y;
  pd_page_view_select (self, -1, NULL);
}

static void
drag_update (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             PdPageView     *self)
{
  int page, end_page;
  double x1, y1, x2, y2;

  if (self->document == NULL || self->page_top == NULL)
    return;
  point_to_page (self, self->drag_x, self->drag_y, &page, &x1, &y1);
  point_to_page (self, self->drag_x + offset_x, self->drag_y + offset_y, &end_page, &x2, &y2);
  /* A selection stays within the page it began on. */
  if (end_page != page)
    {
      double width, height;

      pd_viewer_document_get_page_size (self->document, page, &width, &height);
      y2 = end_page > page ? height : 0;
    }
  pd_page_view_select (self, page, &(PopplerRectangle) { x1, y1, x2, y2 });
}

char *
pd_page_view_get_selected_text (PdPageView *self)
{
  g_autoptr(PopplerPage) page = NULL;
  char *text;

  g_return_val_if_fail (PD_IS_PAGE_VIEW (self), NULL);

  if (self->document == NULL || self->selection_page < 0)
    return NULL;
  page = poppler_document_get_page (pd_viewer_document_get_poppler (self->document), self->selection_page);
  if (page == NULL)
    return NULL;
  text = poppler_page_get_selected_text (page, POPPLER_SELECTION_GLYPH, &self->selection);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
pd_page_view_copy_selection (PdPageView *self)
{
  g_autofree char *text = pd_page_view_get_selected_text (self);

  if (text == NULL)
    return FALSE;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  return TRUE;
}

void
_pd_page_view_add_controllers (PdPageView *self)
{
  GtkEventController *controller;
  GtkGesture *drag;

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL
                                                | GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}
