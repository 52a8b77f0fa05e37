/* pd-page-view.c: every page of a PDF in one continuous vertical scroll */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pd-page-view-private.h"

static void pd_page_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdPageView, pd_page_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, pd_page_view_scrollable_init))

static GParamSpec *properties[N_PROPS];

static void
pd_page_view_scrollable_init (GtkScrollableInterface *iface)
{
}

void
_pd_page_view_notify (PdPageView *self,
                      int         prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Pixels a point at the current zoom (before the screen's scale factor). */
double
_pd_page_view_pixels_per_point (PdPageView *self)
{
  return self->zoom * PD_POINTS_TO_PX;
}

void
_pd_page_view_page_size_px (PdPageView *self,
              int         page,
              double     *width,
              double     *height)
{
  pd_viewer_document_get_page_size (self->document, page, width, height);
  *width *= _pd_page_view_pixels_per_point (self);
  *height *= _pd_page_view_pixels_per_point (self);
}

/* The page at document height @y (pixels). */
int
_pd_page_view_page_at (PdPageView *self,
         double      y)
{
  int n = pd_viewer_document_get_n_pages (self->document);
  int low = 0, high = n - 1;

  while (low < high)
    {
      int mid = (low + high + 1) / 2;

      if (self->page_top[mid] - PD_PAGE_SPACING / 2 <= y)
        low = mid;
      else
        high = mid - 1;
    }
  return low;
}

double
_pd_page_view_page_left (PdPageView *self,
           int         page)
{
  double width, height;

  _pd_page_view_page_size_px (self, page, &width, &height);
  return floor (MAX (PD_PAGE_SPACING, (MAX (self->total_width, gtk_widget_get_width (GTK_WIDGET (self))) - width) / 2));
}

void
_pd_page_view_set_page_internal (PdPageView *self,
                   int         page)
{
  if (self->page == page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Which pages are in sight; ask the worker for them. */
static void
update_in_sight (PdPageView *self)
{
  double top, bottom;
  int first, last;

  if (self->document == NULL || self->page_top == NULL)
    return;

  top = gtk_adjustment_get_value (self->vadjustment);
  bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  first = _pd_page_view_page_at (self, top);
  last = _pd_page_view_page_at (self, bottom);

  if (!self->scrolling_to_page)
    {
      double upper = gtk_adjustment_get_upper (self->vadjustment);
      double page_size = gtk_adjustment_get_page_size (self->vadjustment);

      /* At the very end the last page is the current one, whatever fits. */
      if (top > 0 && top >= upper - page_size - 1)
        _pd_page_view_set_page_internal (self, last);
      else
        _pd_page_view_set_page_internal (self, _pd_page_view_page_at (self, top + (bottom - top) * 0.3));
    }

  if (first != self->first_in_sight || last != self->last_in_sight)
    {
      self->first_in_sight = first;
      self->last_in_sight = last;
    }
  pd_render_worker_show_pages (self->worker, first, last,
                               _pd_page_view_pixels_per_point (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                               pd_viewer_document_get_n_pages (self->document));
  self->painted_frame = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_pd_page_view_scroll_to_pending (PdPageView *self)
{
  double page_width, page_height, value, upper, page_size;

  /* Not laid out yet: the next layout scrolls there. */
  if (self->page_top == NULL || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    {
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  _pd_page_view_page_size_px (self, self->pending_page, &page_width, &page_height);
  value = self->page_top[self->pending_page] - PD_PAGE_SPACING + self->pending_fraction * page_height;
  upper = gtk_adjustment_get_upper (self->vadjustment);
  page_size = gtk_adjustment_get_page_size (self->vadjustment);
  self->scrolling_to_page = self->pending_explicit;
  if (self->pending_explicit)
    _pd_page_view_set_page_internal (self, self->pending_page);
  self->pending_page = -1;
  self->pending_explicit = FALSE;
  gtk_adjustment_set_value (self->vadjustment, CLAMP (value, 0, MAX (upper - page_size, 0)));
  /* The value may not have changed; the pages in sight may have. */
  self->scrolling_to_page = TRUE;
  update_in_sight (self);
  self->scrolling_to_page = FALSE;
}

static void
adjustment_changed (GtkAdjustment *adjustment,
                    PdPageView    *self)
{
  update_in_sight (self);
  self->scrolling_to_page = FALSE;
}

static void
set_adjustment (PdPageView     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                int             prop)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_changed), self);
  g_object_notify (G_OBJECT (self), prop == PROP_HADJUSTMENT ? "hadjustment" : "vadjustment");
}

/* The zoom a fit mode asks for at the widget's size. */
static double
fit_zoom (PdPageView *self,
          int         width,
          int         height)
{
  double max_width, max_height, zoom;

  pd_viewer_document_get_max_page_size (self->document, &max_width, &max_height);
  zoom = (width - 2 * PD_PAGE_SPACING) / (max_width * PD_POINTS_TO_PX);
  if (self->zoom_mode == PD_ZOOM_FIT_PAGE)
    zoom = MIN (zoom, (height - 2 * PD_PAGE_SPACING) / (max_height * PD_POINTS_TO_PX));
  /* Fit width may go below 50 % in a narrow window; never below 10 %. */
  return CLAMP (zoom, 0.1, PD_ZOOM_MAX);
}

static void
layout (PdPageView *self,
        int         width,
        int         height)
{
  int n = pd_viewer_document_get_n_pages (self->document);
  double old_zoom = self->zoom;
  double y = PD_PAGE_SPACING;
  double widest = 0;

  if (self->zoom_mode != PD_ZOOM_FREE && width > 0 && height > 0)
    self->zoom = fit_zoom (self, width, height);

  g_free (self->page_top);
  self->page_top = g_new (double, n);
  for (int i = 0; i < n; i++)
    {
      double page_width, page_height;

      _pd_page_view_page_size_px (self, i, &page_width, &page_height);
      self->page_top[i] = y;
      y += ceil (page_height) + PD_PAGE_SPACING;
      widest = MAX (widest, ceil (page_width));
    }
  self->total_height = y;
  self->total_width = widest + 2 * PD_PAGE_SPACING;

  if (old_zoom != self->zoom)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Remembers where the view is, to come back to it after the next layout. */
void
_pd_page_view_anchor_here (PdPageView *self)
{
  double page_width, page_height, top;

  if (self->document == NULL || self->page_top == NULL || self->pending_page >= 0)
    return;
  top = gtk_adjustment_get_value (self->vadjustment);
  /* The page whose top (with the gap above it) is at the view's top, so a
   * jump to a page stays exactly there; the fraction may be a little
   * negative within the gap. */
  self->pending_page = _pd_page_view_page_at (self, top + PD_PAGE_SPACING);
  _pd_page_view_page_size_px (self, self->pending_page, &page_width, &page_height);
  self->pending_fraction = (top - self->page_top[self->pending_page] + PD_PAGE_SPACING) / MAX (page_height, 1);
}

static void
pd_page_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  PdPageView *self = PD_PAGE_VIEW (widget);
  double value;

  if (self->document == NULL)
    {
      gtk_adjustment_configure (self->vadjustment, 0, 0, height, 0, 0, height);
      gtk_adjustment_configure (self->hadjustment, 0, 0, width, 0, 0, width);
      return;
    }

  _pd_page_view_anchor_here (self);
  layout (self, width, height);
  self->painted_frame = FALSE;

  /* Keep the same place in sight through a zoom or a resize. */
  if (self->pending_page >= 0)
    {
      double page_width, page_height;

      _pd_page_view_page_size_px (self, self->pending_page, &page_width, &page_height);
      value = self->page_top[self->pending_page] - PD_PAGE_SPACING + self->pending_fraction * page_height;
    }
  else
    value = gtk_adjustment_get_value (self->vadjustment);

  g_signal_handlers_block_by_func (self->vadjustment, adjustment_changed, self);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (value, 0, MAX (self->total_height - height, 0)),
                            0, MAX (self->total_height, height), PD_LINE_STEP, height * 0.9, height);
  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (gtk_adjustment_get_value (self->hadjustment), 0,
                                   MAX (self->total_width - width, 0)),
                            0, MAX (self->total_width, width), PD_LINE_STEP, width * 0.9, width);
  g_signal_handlers_unblock_by_func (self->vadjustment, adjustment_changed, self);

  if (self->pending_page >= 0)
    {
      self->scrolling_to_page = self->pending_explicit;
      if (self->pending_explicit)
        _pd_page_view_set_page_internal (self, self->pending_page);
      self->pending_page = -1;
      self->pending_explicit = FALSE;
    }
  update_in_sight (self);
  self->scrolling_to_page = FALSE;
}

static void
snapshot_page (PdPageView  *self,
               GtkSnapshot *snapshot,
               int          page,
               double       x,
               double       y)
{
  PdPageCache *cache = pd_render_worker_get_cache (self->worker);
  double width, height, ppp = _pd_page_view_pixels_per_point (self);
  graphene_rect_t bounds;
  GdkTexture *texture;
  GArray *rects;
  GdkRGBA border = { 0.6, 0.6, 0.6, 1 };
  GdkRGBA paper = { 1, 1, 1, 1 };
  GdkRGBA failed = { 0.85, 0.85, 0.85, 1 };

  _pd_page_view_page_size_px (self, page, &width, &height);
  bounds = GRAPHENE_RECT_INIT (x, y, ceil (width), ceil (height));

  texture = pd_page_cache_lookup (cache, PD_RENDER_PAGE, page, NULL);
  if (texture != NULL)
    {
      /* Possibly from another zoom, scaled until the new render arrives. */
      gtk_snapshot_append_texture (snapshot, texture, &bounds);
      self->n_painted++;
    }
  else
    gtk_snapshot_append_color (snapshot,
                               pd_render_worker_page_failed (self->worker, PD_RENDER_PAGE, page) ? &failed : &paper,
                               &bounds);
  {
    float widths[4] = { 1, 1, 1, 1 };
    GdkRGBA colors[4] = { border, border, border, border };
    GskRoundedRect outline;

    gsk_rounded_rect_init_from_rect (&outline,
                                     &GRAPHENE_RECT_INIT (x - 1, y - 1, ceil (width) + 2, ceil (height) + 2), 0);
    gtk_snapshot_append_border (snapshot, &outline, widths, colors);
  }

  /* Find matches, the current one stronger. */
  rects = self->matches ? g_hash_table_lookup (self->matches, GINT_TO_POINTER (page)) : NULL;
  for (guint i = 0; rects != NULL && i < rects->len; i++)
    {
      const PopplerRectangle *r = &g_array_index (rects, PopplerRectangle, i);
      gboolean current = page == self->match_page && r->x1 == self->match_rect.x1
                         && r->y1 == self->match_rect.y1;
      GdkRGBA color = current ? (GdkRGBA) { 0.96, 0.47, 0.0, 0.55 } : (GdkRGBA) { 0.98, 0.85, 0.1, 0.45 };

      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (x + r->x1 * ppp, y + r->y1 * ppp,
                                                      (r->x2 - r->x1) * ppp, (r->y2 - r->y1) * ppp));
    }

  /* The selected text, as poppler lays out its glyphs. */
  if (page == self->selection_page)
    {
      g_autoptr(PopplerPage) poppler_page = poppler_document_get_page (pd_viewer_document_get_poppler (self->document), page);
      cairo_region_t *region;
      GdkRGBA color = { 0.21, 0.52, 0.89, 0.35 };

      if (poppler_page == NULL)
        return;
      region = poppler_page_get_selected_region (poppler_page, ppp, POPPLER_SELECTION_GLYPH, &self->selection);
      for (int i = 0; region != NULL && i < cairo_region_num_rectangles (region); i++)
        {
          cairo_rectangle_int_t r;

          cairo_region_get_rectangle (region, i, &r);
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x + r.x, y + r.y, r.width, r.height));
        }
      g_clear_pointer (&region, cairo_region_destroy);
    }
}

static void
pd_page_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  PdPageView *self = PD_PAGE_VIEW (widget);
  double top, left;

  self->n_painted = 0;
  if (self->document == NULL || self->page_top == NULL)
    return;
  self->painted_frame = TRUE;

  top = gtk_adjustment_get_value (self->vadjustment);
  left = gtk_adjustment_get_value (self->hadjustment);
  for (int page = self->first_in_sight; page <= self->last_in_sight; page++)
    snapshot_page (self, snapshot, page, _pd_page_view_page_left (self, page) - left, self->page_top[page] - top);
}

static void
worker_rendered (PdRenderWorker *worker,
                 int             kind,
                 int             page,
                 PdPageView     *self)
{
  if (kind == PD_RENDER_PAGE && page >= self->first_in_sight && page <= self->last_in_sight)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
pd_page_view_get_n_painted (PdPageView *self)
{
  g_return_val_if_fail (PD_IS_PAGE_VIEW (self), 0);
  return self->n_painted;
}

PdRenderWorker *
pd_page_view_get_worker (PdPageView *self)
{
  g_return_val_if_fail (PD_IS_PAGE_VIEW (self), NULL);
  return self->worker;
}

gboolean
pd_page_view_is_settled (PdPageView *self)
{
  g_return_val_if_fail (PD_IS_PAGE_VIEW (self), FALSE);

  return self->document != NULL && self->pending_page < 0 && self->painted_frame
         && self->n_painted == self->last_in_sight - self->first_in_sight + 1;
}

/* Object */

void
pd_page_view_set_document (PdPageView       *self,
                           PdViewerDocument *document,
                           PdRenderWorker   *worker)
{
  g_return_if_fail (PD_IS_PAGE_VIEW (self));
  g_return_if_fail ((document == NULL) == (worker == NULL));

  if (self->worker != NULL)
    g_clear_signal_handler (&self->rendered_id, self->worker);
  g_set_object (&self->document, document);
  g_set_object (&self->worker, worker);
  g_clear_pointer (&self->page_top, g_free);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  self->selection_page = -1;
  self->match_page = -1;
  self->first_in_sight = 0;
  self->last_in_sight = -1;
  self->page = -1;
  _pd_page_view_set_page_internal (self, 0);
  self->pending_page = document ? 0 : -1;
  self->pending_fraction = 0;
  self->pending_explicit = TRUE;
  if (worker != NULL)
    self->rendered_id = g_signal_connect (worker, "rendered", G_CALLBACK (worker_rendered), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
pd_page_view_dispose (GObject *object)
{
  PdPageView *self = PD_PAGE_VIEW (object);

  pd_page_view_set_document (self, NULL, NULL);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (pd_page_view_parent_class)->dispose (object);
}

static void
pd_page_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PdPageView *self = PD_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE: g_value_set_int (value, self->page); break;
    case PROP_ZOOM: g_value_set_double (value, self->zoom); break;
    case PROP_ZOOM_MODE: g_value_set_int (value, self->zoom_mode); break;
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_page_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PdPageView *self = PD_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE: pd_page_view_set_page (self, g_value_get_int (value)); break;
    case PROP_ZOOM: pd_page_view_set_zoom (self, g_value_get_double (value)); break;
    case PROP_ZOOM_MODE: pd_page_view_set_zoom_mode (self, g_value_get_int (value)); break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), PROP_HADJUSTMENT);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), PROP_VADJUSTMENT);
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_page_view_class_init (PdPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_page_view_dispose;
  object_class->get_property = pd_page_view_get_property;
  object_class->set_property = pd_page_view_set_property;
  widget_class->size_allocate = pd_page_view_size_allocate;
  widget_class->snapshot = pd_page_view_snapshot;

  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.1, PD_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_int ("zoom-mode", NULL, NULL, PD_ZOOM_FIT_WIDTH, PD_ZOOM_FREE, PD_ZOOM_FIT_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  _pd_page_view_add_bindings (widget_class);
  gtk_widget_class_set_css_name (widget_class, "pd-page-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
pd_page_view_init (PdPageView *self)
{
  self->zoom = 1.0;
  self->zoom_mode = PD_ZOOM_FIT_WIDTH;
  self->selection_page = -1;
  self->match_page = -1;
  self->pending_page = -1;
  self->last_in_sight = -1;
  set_adjustment (self, &self->hadjustment, NULL, PROP_HADJUSTMENT);
  set_adjustment (self, &self->vadjustment, NULL, PROP_VADJUSTMENT);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document pages"), -1);

  _pd_page_view_add_controllers (self);
}

GtkWidget *
pd_page_view_new (void)
{
  return g_object_new (PD_TYPE_PAGE_VIEW, NULL);
}
