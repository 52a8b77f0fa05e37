/* test-viewer.c: the PDF viewer on the fixtures, in a real window */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pd-band-renderer.h"
#include "pd-document-viewer.h"
#include "pd-page-view.h"
#include "pd-render-worker.h"
#include "pd-viewer-print.h"
#include "pd-viewer-sidebar.h"
#include "pd-test-pdf.h"

#define TIMEOUT_MS 15000

static PdTestPdfFixtures *fixtures;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterate the main context until @cond holds, or TIMEOUT_MS pass. */
static gboolean
wait_for (Condition cond,
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  guint wake_id = g_timeout_add (10, wake_up, NULL);
  gboolean ok;

  while (!(ok = cond (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_id);
  return ok;
}

static gboolean
is_settled (gpointer data)
{
  PdDocumentViewerState state = pd_document_viewer_get_state (data);

  return state != PD_DOCUMENT_VIEWER_LOADING && state != PD_DOCUMENT_VIEWER_EMPTY;
}

typedef struct
{
  GtkWidget        *window;
  PdDocumentViewer *viewer;
} Shown;

static Shown
show_viewer (void)
{
  Shown shown;

  shown.window = gtk_window_new ();
  shown.viewer = pd_document_viewer_new ();
  gtk_window_set_default_size (GTK_WINDOW (shown.window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (shown.window), GTK_WIDGET (shown.viewer));
  gtk_window_present (GTK_WINDOW (shown.window));
  return shown;
}

static PdDocumentViewerState
open_file (PdDocumentViewer *viewer,
           const char       *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  pd_document_viewer_load (viewer, file, "Overview report");
  g_assert_cmpint (pd_document_viewer_get_state (viewer), ==, PD_DOCUMENT_VIEWER_LOADING);
  g_assert_true (wait_for (is_settled, viewer));
  return pd_document_viewer_get_state (viewer);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static PdPageView *
page_view_of (PdDocumentViewer *viewer)
{
  return PD_PAGE_VIEW (find_descendant (GTK_WIDGET (viewer), PD_TYPE_PAGE_VIEW));
}

/* Renders @widget as it is now into pixels (cairo ARGB32 layout). */
static guchar *
grab_pixels (GtkWidget *widget,
             int       *width,
             int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  guchar *pixels;

  gint64 end = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  /* Between a layout being asked for and done, a widget draws nothing. */
  for (;;)
    {
      *width = gtk_widget_get_width (widget);
      *height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, *width, *height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL || g_get_monotonic_time () > end)
        break;
      snapshot = gtk_snapshot_new ();
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  return pixels;
}

static gboolean
first_page_painted (gpointer data)
{
  return pd_page_view_get_n_painted (data) > 0;
}

static void
test_open_text (void)
{
  Shown shown = show_viewer ();
  PdPageView *view;
  guchar *pixels;
  int width, height, dark = 0;

  g_assert_cmpint (open_file (shown.viewer, fixtures->text), ==, PD_DOCUMENT_VIEWER_READY);
  g_assert_cmpint (pd_document_viewer_get_n_pages (shown.viewer), ==, PD_TEST_PDF_TEXT_PAGES);
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 0);
  view = page_view_of (shown.viewer);
  g_assert_true (wait_for (first_page_painted, view));

  /* The rendered page has text on it: dark pixels on white. */
  pixels = grab_pixels (GTK_WIDGET (view), &width, &height);
  for (int i = 0; i < width * height; i++)
    if (pixels[4 * i] < 60 && pixels[4 * i + 1] < 60 && pixels[4 * i + 2] < 60)
      dark++;
  g_free (pixels);
  g_assert_cmpint (dark, >, 500);
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static void
test_open_images (void)
{
  Shown shown = show_viewer ();

  g_assert_cmpint (open_file (shown.viewer, fixtures->images), ==, PD_DOCUMENT_VIEWER_READY);
  g_assert_cmpint (pd_document_viewer_get_n_pages (shown.viewer), ==, PD_TEST_PDF_IMAGE_PAGES);
  g_assert_true (wait_for (first_page_painted, page_view_of (shown.viewer)));
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static void
test_password (void)
{
  Shown shown = show_viewer ();

  g_assert_cmpint (open_file (shown.viewer, fixtures->encrypted), ==, PD_DOCUMENT_VIEWER_PASSWORD);
  g_assert_null (pd_document_viewer_get_error_text (shown.viewer));

  /* A wrong password says so and asks again. */
  pd_document_viewer_submit_password (shown.viewer, "not the password");
  g_assert_true (wait_for (is_settled, shown.viewer));
  g_assert_cmpint (pd_document_viewer_get_state (shown.viewer), ==, PD_DOCUMENT_VIEWER_PASSWORD);
  g_assert_nonnull (strstr (pd_document_viewer_get_error_text (shown.viewer), "not correct"));

  /* The right one opens it. */
  pd_document_viewer_submit_password (shown.viewer, PD_TEST_PDF_USER_PASSWORD);
  g_assert_true (wait_for (is_settled, shown.viewer));
  g_assert_cmpint (pd_document_viewer_get_state (shown.viewer), ==, PD_DOCUMENT_VIEWER_READY);
  g_assert_cmpint (pd_document_viewer_get_n_pages (shown.viewer), ==, PD_TEST_PDF_TEXT_PAGES);
  g_assert_true (wait_for (first_page_painted, page_view_of (shown.viewer)));
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static void
assert_error (PdDocumentViewer *viewer,
              const char       *path,
              const char       *title)
{
  g_assert_cmpint (open_file (viewer, path), ==, PD_DOCUMENT_VIEWER_ERROR);
  g_assert_cmpstr (pd_document_viewer_get_error_title (viewer), ==, title);
  g_assert_nonnull (pd_document_viewer_get_error_text (viewer));
}

static void
test_broken_files (void)
{
  Shown shown = show_viewer ();
  g_autofree char *missing = g_build_filename (fixtures->dir, "no-such-file.pdf", NULL);

  assert_error (shown.viewer, fixtures->empty, "The File Is Empty");
  assert_error (shown.viewer, fixtures->png, "Not a PDF Document");
  assert_error (shown.viewer, fixtures->truncated, "The Document Is Damaged");
  assert_error (shown.viewer, fixtures->flipped, "The Document Is Damaged");
  assert_error (shown.viewer, missing, "The Document Cannot Be Opened");

  /* A good file after a broken one opens. */
  g_assert_cmpint (open_file (shown.viewer, fixtures->text), ==, PD_DOCUMENT_VIEWER_READY);

  /* The store's own verdict on a file. */
  pd_document_viewer_show_error (shown.viewer, "The File Has Been Altered", "Its SHA-256 no longer matches.");
  g_assert_cmpint (pd_document_viewer_get_state (shown.viewer), ==, PD_DOCUMENT_VIEWER_ERROR);
  g_assert_cmpstr (pd_document_viewer_get_error_title (shown.viewer), ==, "The File Has Been Altered");
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static gboolean
has_match_page (gpointer data)
{
  return pd_document_viewer_get_match_page (data) >= 0;
}

static gboolean
search_done (gpointer data)
{
  const char *status = pd_document_viewer_get_find_status (data);

  /* "…" while pages are still being searched. */
  return status != NULL && strstr (status, "…") == NULL;
}

static int
count_highlight_pixels (GtkWidget *widget)
{
  int width, height, n = 0;
  guchar *pixels = grab_pixels (widget, &width, &height);

  /* The current match: orange over the page (B, G, R in memory). */
  for (int i = 0; i < width * height; i++)
    {
      guchar b = pixels[4 * i], g = pixels[4 * i + 1], r = pixels[4 * i + 2];

      if (r > 200 && g > 120 && g < 200 && b < 140)
        n++;
    }
  g_free (pixels);
  return n;
}

static gboolean
view_settled (gpointer data)
{
  return pd_page_view_is_settled (data);
}

static void
test_find (void)
{
  Shown shown = show_viewer ();
  PdPageView *view;

  g_assert_cmpint (open_file (shown.viewer, fixtures->text), ==, PD_DOCUMENT_VIEWER_READY);
  view = page_view_of (shown.viewer);
  g_assert_true (wait_for (first_page_painted, view));

  /* From the first page, the phrase is first on page 3 (index 2). */
  pd_document_viewer_find (shown.viewer, PD_TEST_PDF_PHRASE);
  g_assert_true (wait_for (has_match_page, shown.viewer));
  g_assert_true (wait_for (search_done, shown.viewer));
  g_assert_cmpint (pd_document_viewer_get_match_page (shown.viewer), ==, 2);
  g_assert_true (pd_test_pdf_page_has_phrase (2));
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 2);
  g_assert_cmpstr (pd_document_viewer_get_find_status (shown.viewer), ==, "1 of 2");
  g_assert_true (wait_for (view_settled, view));
  g_assert_true (wait_for (first_page_painted, view));
  g_assert_cmpint (count_highlight_pixels (GTK_WIDGET (view)), >, 100);

  /* Next and previous, as Enter and Shift+Enter do. */
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.find-next", NULL);
  g_assert_cmpint (pd_document_viewer_get_match_page (shown.viewer), ==, 9);
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 9);
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.find-next", NULL);
  g_assert_cmpint (pd_document_viewer_get_match_page (shown.viewer), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.find-previous", NULL);
  g_assert_cmpint (pd_document_viewer_get_match_page (shown.viewer), ==, 9);
  g_assert_cmpstr (pd_document_viewer_get_find_status (shown.viewer), ==, "2 of 2");

  /* A page's own word, from a later page: the search wraps round. */
  {
    g_autofree char *word = pd_test_pdf_page_word (4);

    pd_document_viewer_find (shown.viewer, word);
    g_assert_true (wait_for (has_match_page, shown.viewer));
    g_assert_cmpint (pd_document_viewer_get_match_page (shown.viewer), ==, 4);
    g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 4);
  }

  /* From page 6 on, the phrase's next page is 10 (index 9). */
  pd_document_viewer_go_to_page (shown.viewer, 5);
  g_assert_true (wait_for (view_settled, view));
  pd_document_viewer_find (shown.viewer, PD_TEST_PDF_PHRASE);
  g_assert_true (wait_for (has_match_page, shown.viewer));
  g_assert_cmpint (pd_document_viewer_get_match_page (shown.viewer), ==, 9);

  pd_document_viewer_find (shown.viewer, "no such words anywhere");
  g_assert_true (wait_for (search_done, shown.viewer));
  g_assert_cmpstr (pd_document_viewer_get_find_status (shown.viewer), ==, "No matches");
  g_assert_cmpint (pd_document_viewer_get_match_page (shown.viewer), ==, -1);
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

/* As the Documents view opens a search result: load, go to a page and find
 * at once, before the file is open. */
static void
test_open_at_match (void)
{
  Shown shown = show_viewer ();
  g_autoptr(GFile) file = g_file_new_for_path (fixtures->text);

  pd_document_viewer_load (shown.viewer, file, "Overview report");
  pd_document_viewer_go_to_page (shown.viewer, 5);
  pd_document_viewer_find (shown.viewer, PD_TEST_PDF_PHRASE);
  g_assert_true (wait_for (is_settled, shown.viewer));
  g_assert_true (wait_for (has_match_page, shown.viewer));
  g_assert_cmpint (pd_document_viewer_get_match_page (shown.viewer), ==, 9);
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 9);

  /* Another file forgets what was asked of the last. */
  pd_document_viewer_load (shown.viewer, file, "Overview report");
  g_assert_true (wait_for (is_settled, shown.viewer));
  g_assert_true (wait_for (view_settled, page_view_of (shown.viewer)));
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 0);
  g_assert_null (pd_document_viewer_get_find_status (shown.viewer));
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static void
test_pages_and_keys (void)
{
  Shown shown = show_viewer ();
  GtkWidget *view, *focus, *entry;

  g_assert_cmpint (open_file (shown.viewer, fixtures->text), ==, PD_DOCUMENT_VIEWER_READY);
  view = GTK_WIDGET (page_view_of (shown.viewer));
  g_assert_true (wait_for (view_settled, view));

  /* Ctrl+L focuses the page number; typing 7 and Enter goes to page 7. */
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.go-to-page", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (shown.window));
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "7");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 6);
  g_assert_true (wait_for (view_settled, view));
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 6);

  /* A page that does not exist is refused, and the view stays. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "99");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 6);

  /* End, Home, Page Down, and Right for the next page at fit width. */
  gtk_widget_activate_action (view, "pages.last", NULL);
  g_assert_true (wait_for (view_settled, view));
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, PD_TEST_PDF_TEXT_PAGES - 1);
  gtk_widget_activate_action (view, "pages.first", NULL);
  g_assert_true (wait_for (view_settled, view));
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 0);
  gtk_widget_activate_action (view, "pages.scroll-screen", "i", 1);
  gtk_widget_activate_action (view, "pages.scroll-screen", "i", 1);
  gtk_widget_activate_action (view, "pages.scroll-screen", "i", 1);
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), >=, 1);
  gtk_widget_activate_action (view, "pages.first", NULL);
  g_assert_true (wait_for (view_settled, view));
  gtk_widget_activate_action (view, "pages.sideways", "i", 1);
  g_assert_true (wait_for (view_settled, view));
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 1);
  gtk_widget_activate_action (view, "pages.sideways", "i", -1);
  g_assert_true (wait_for (view_settled, view));
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 0);
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static void
test_zoom (void)
{
  Shown shown = show_viewer ();
  GtkWidget *view;
  double fit_width_zoom;

  g_assert_cmpint (open_file (shown.viewer, fixtures->text), ==, PD_DOCUMENT_VIEWER_READY);
  view = GTK_WIDGET (page_view_of (shown.viewer));
  g_assert_true (wait_for (view_settled, view));

  /* Fit width: an A4 page as wide as the view, less its margins. */
  fit_width_zoom = pd_document_viewer_get_zoom (shown.viewer);
  g_assert_cmpfloat_with_epsilon (fit_width_zoom * 595 * 96 / 72, gtk_widget_get_width (view) - 24, 1.0);

  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom", "d", 1.5);
  g_assert_cmpfloat (pd_document_viewer_get_zoom (shown.viewer), ==, 1.5);
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom-in", NULL);
  g_assert_cmpfloat (pd_document_viewer_get_zoom (shown.viewer), ==, 1.75);
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom-out", NULL);
  g_assert_cmpfloat (pd_document_viewer_get_zoom (shown.viewer), ==, 1.25);
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom-reset", NULL);
  g_assert_cmpfloat (pd_document_viewer_get_zoom (shown.viewer), ==, 1.0);
  /* Never past 400 % or under 50 %. */
  for (int i = 0; i < 12; i++)
    gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom-in", NULL);
  g_assert_cmpfloat (pd_document_viewer_get_zoom (shown.viewer), ==, 4.0);
  for (int i = 0; i < 12; i++)
    gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom-out", NULL);
  g_assert_cmpfloat (pd_document_viewer_get_zoom (shown.viewer), ==, 0.5);

  /* Fit page: the whole page in the view's height. */
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom-fit-page", NULL);
  g_assert_true (wait_for (view_settled, view));
  g_assert_cmpfloat (pd_document_viewer_get_zoom (shown.viewer) * 842 * 96 / 72, <=,
                     gtk_widget_get_height (view) - 23);
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom-fit-width", NULL);
  g_assert_true (wait_for (view_settled, view));
  g_assert_cmpfloat_with_epsilon (pd_document_viewer_get_zoom (shown.viewer), fit_width_zoom, 0.001);

  /* Zooming keeps the same page in sight. */
  pd_document_viewer_go_to_page (shown.viewer, 8);
  g_assert_true (wait_for (view_settled, view));
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom", "d", 0.5);
  g_assert_true (wait_for (view_settled, view));
  g_assert_cmpint (ABS (pd_document_viewer_get_page (shown.viewer) - 8), <=, 1);
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static int
count_thumbnails (PdDocumentViewer *viewer)
{
  PdRenderWorker *worker = pd_page_view_get_worker (page_view_of (viewer));
  int n = 0;

  for (int page = 0; page < pd_document_viewer_get_n_pages (viewer); page++)
    if (pd_page_cache_lookup (pd_render_worker_get_cache (worker), PD_RENDER_THUMBNAIL, page, NULL))
      n++;
  return n;
}

static gboolean
has_thumbnails (gpointer data)
{
  return count_thumbnails (data) > 0;
}

static gboolean
worker_idle (gpointer data)
{
  return pd_render_worker_get_n_pending (pd_page_view_get_worker (page_view_of (data))) == 0;
}

/* With PD_VIEWER_SCREENSHOT=FILE.png, the screen's corner with the window
 * (there is no window manager: it sits at 0,0) into FILE, by ImageMagick. */
static void
maybe_screenshot (GtkWidget *window)
{
  const char *path = g_getenv ("PD_VIEWER_SCREENSHOT");
  g_autofree char *crop = NULL;

  if (path == NULL)
    return;
  crop = g_strdup_printf ("%dx%d+0+0", gtk_widget_get_width (window), gtk_widget_get_height (window));
  /* Let the find bar finish sliding in and the last frame reach the X server. */
  {
    gint64 end = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;
    guint wake_id = g_timeout_add (10, wake_up, NULL);

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (wake_id);
  }
  {
    const char *argv[] = { "import", "-window", "root", "-crop", crop, path, NULL };
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
}

/* Thumbnails: only those in sight are rendered; one goes to its page. */
static void
test_thumbnails (void)
{
  Shown shown = show_viewer ();
  g_autofree char *path = g_build_filename (fixtures->dir, "forty.pdf", NULL);
  g_autoptr(GError) error = NULL;
  PdViewerSidebar *sidebar;
  GtkWidget *list;
  int n;

  pd_test_pdf_write_text (path, 40, &error);
  g_assert_no_error (error);
  g_assert_cmpint (open_file (shown.viewer, path), ==, PD_DOCUMENT_VIEWER_READY);
  g_assert_true (wait_for (view_settled, page_view_of (shown.viewer)));

  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.toggle-sidebar", NULL);
  g_assert_true (wait_for (has_thumbnails, shown.viewer));
  g_assert_true (wait_for (worker_idle, shown.viewer));
  n = count_thumbnails (shown.viewer);
  g_test_message ("%d of 40 thumbnails rendered", n);
  g_assert_cmpint (n, >=, 2);
  g_assert_cmpint (n, <, 12);

  sidebar = PD_VIEWER_SIDEBAR (find_descendant (GTK_WIDGET (shown.viewer), PD_TYPE_VIEWER_SIDEBAR));
  g_assert_false (pd_viewer_sidebar_has_outline (sidebar));
  list = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW);
  g_signal_emit_by_name (list, "activate", 5u);
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, 5);

  /* The picture for the screenshot: a whole page with find highlights
   * beside the thumbnails. */
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.zoom-fit-page", NULL);
  pd_document_viewer_go_to_page (shown.viewer, 0);
  pd_document_viewer_find (shown.viewer, PD_TEST_PDF_PHRASE);
  g_assert_true (wait_for (has_match_page, shown.viewer));
  g_assert_true (wait_for (view_settled, page_view_of (shown.viewer)));
  g_assert_true (wait_for (worker_idle, shown.viewer));
  g_assert_true (wait_for (view_settled, page_view_of (shown.viewer)));
  maybe_screenshot (shown.window);
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static void
test_outline (void)
{
  Shown shown = show_viewer ();
  PdViewerSidebar *sidebar;
  GtkListBox *list;
  GtkListBoxRow *row;
  guint n_rows = 0;

  g_assert_cmpint (open_file (shown.viewer, fixtures->outlined), ==, PD_DOCUMENT_VIEWER_READY);
  sidebar = PD_VIEWER_SIDEBAR (find_descendant (GTK_WIDGET (shown.viewer), PD_TYPE_VIEWER_SIDEBAR));
  g_assert_true (pd_viewer_sidebar_has_outline (sidebar));
  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.toggle-sidebar", NULL);
  pd_viewer_sidebar_show_outline (sidebar, TRUE);

  list = GTK_LIST_BOX (find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_LIST_BOX));
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, pd_test_pdf_outline_length);
  for (guint i = 0; i < n_rows; i++)
    {
      GtkWidget *title = gtk_widget_get_first_child (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, i)));

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, pd_test_pdf_outline[i].title);
    }

  /* "Disguised compliance" (a second-level entry) goes to its page. */
  row = gtk_list_box_get_row_at_index (list, 5);
  g_assert_cmpstr (pd_test_pdf_outline[5].title, ==, "Disguised compliance");
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, pd_test_pdf_outline[5].page_index);
  row = gtk_list_box_get_row_at_index (list, 6);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpint (pd_document_viewer_get_page (shown.viewer), ==, pd_test_pdf_outline[6].page_index);
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static GdkTexture *
small_texture (void)
{
  g_autoptr(GBytes) pixels = g_bytes_new_take (g_malloc0 (10 * 10 * 4), 10 * 10 * 4);

  return gdk_memory_texture_new (10, 10, GDK_MEMORY_DEFAULT, pixels, 10 * 4);
}

/* Over budget, the pages farthest from sight go first (page 0 too), and
 * pages in sight stay whatever the budget. */
static void
test_page_cache (void)
{
  g_autoptr(PdPageCache) cache = pd_page_cache_new (3 * 400);
  g_autoptr(GdkTexture) texture = small_texture ();

  pd_page_cache_set_in_sight (cache, PD_RENDER_PAGE, 5, 5);
  for (int page = 0; page <= 6; page++)
    pd_page_cache_insert (cache, PD_RENDER_PAGE, page, 1.0, texture);
  g_assert_cmpuint (pd_page_cache_get_size (cache), <=, 3 * 400);
  g_assert_cmpuint (pd_page_cache_get_n_items (cache), ==, 3);
  g_assert_nonnull (pd_page_cache_lookup (cache, PD_RENDER_PAGE, 5, NULL));
  g_assert_nonnull (pd_page_cache_lookup (cache, PD_RENDER_PAGE, 6, NULL));
  g_assert_nonnull (pd_page_cache_lookup (cache, PD_RENDER_PAGE, 4, NULL));
  g_assert_null (pd_page_cache_lookup (cache, PD_RENDER_PAGE, 0, NULL));

  /* Replacing a page at another scale does not count it twice. */
  pd_page_cache_insert (cache, PD_RENDER_PAGE, 5, 2.0, texture);
  g_assert_cmpuint (pd_page_cache_get_size (cache), ==, 3 * 400);

  /* Five pages in sight on a budget of three: all kept. */
  pd_page_cache_set_in_sight (cache, PD_RENDER_PAGE, 10, 14);
  for (int page = 10; page <= 14; page++)
    pd_page_cache_insert (cache, PD_RENDER_PAGE, page, 1.0, texture);
  for (int page = 10; page <= 14; page++)
    g_assert_nonnull (pd_page_cache_lookup (cache, PD_RENDER_PAGE, page, NULL));
  g_assert_null (pd_page_cache_lookup (cache, PD_RENDER_PAGE, 5, NULL));
}

static void
test_print_to_file (void)
{
  g_autoptr(GFile) source = g_file_new_for_path (fixtures->text);
  g_autofree char *path = g_build_filename (fixtures->dir, "printed.pdf", NULL);
  g_autoptr(GFile) printed = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdViewerDocument) document = pd_viewer_document_new_for_file (source, NULL, NULL, &error);
  g_autoptr(PdViewerDocument) copy = NULL;
  g_autoptr(GArray) found = NULL;

  g_assert_no_error (error);
  g_assert_true (pd_viewer_print_to_file (document, path, &error));
  g_assert_no_error (error);

  /* Every page printed, with its text. */
  copy = pd_viewer_document_new_for_file (printed, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_viewer_document_get_n_pages (copy), ==, PD_TEST_PDF_TEXT_PAGES);
  found = pd_viewer_document_find_on_page (copy, 2, PD_TEST_PDF_PHRASE);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
text_read (GObject      *clipboard,
           GAsyncResult *result,
           gpointer      data)
{
  *(char **) data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_select_and_copy (void)
{
  Shown shown = show_viewer ();
  PdPageView *view;
  g_autofree char *selected = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *word = pd_test_pdf_page_word (1);

  g_assert_cmpint (open_file (shown.viewer, fixtures->text), ==, PD_DOCUMENT_VIEWER_READY);
  view = page_view_of (shown.viewer);
  g_assert_null (pd_page_view_get_selected_text (view));

  /* The "Reference word" line of page 2, as a drag across it selects it. */
  pd_page_view_select (view, 1, &(PopplerRectangle) { 60, 112, 400, 124 });
  selected = pd_page_view_get_selected_text (view);
  g_assert_nonnull (selected);
  g_assert_nonnull (strstr (selected, word));

  gtk_widget_activate_action (GTK_WIDGET (shown.viewer), "viewer.copy", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL, text_read, &copied);
  g_assert_true (wait_for (is_set, &copied));
  g_assert_cmpstr (copied, ==, selected);
  gtk_window_destroy (GTK_WINDOW (shown.window));
}

/* Largest difference of any channel of any pixel of two same-sized surfaces. */
static int
max_pixel_difference (cairo_surface_t *a,
                      cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int worst = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  g_assert_cmpint (cairo_image_surface_get_stride (b), ==, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      worst = MAX (worst, abs (pa[y * stride + x] - pb[y * stride + x]));
  return worst;
}

/* A page rendered in two bands on two threads is the page rendered whole. */
static void
test_render_bands (void)
{
  const char *paths[] = { fixtures->text, fixtures->images };
  const double scales[] = { 0.5, 96.0 / 72.0, 1.7 };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PdViewerDocument) document = pd_viewer_document_new_for_file (file, NULL, NULL, &error);
      g_autoptr(PdBandRenderer) bands = NULL;
      g_autoptr(PopplerPage) page = NULL;

      g_assert_no_error (error);
      bands = pd_band_renderer_new (document);
      if (bands == NULL)
        {
          g_test_skip ("a single processor renders no bands");
          return;
        }
      page = poppler_document_get_page (pd_viewer_document_get_poppler (document), 1);
      for (guint j = 0; j < G_N_ELEMENTS (scales); j++)
        {
          cairo_surface_t *whole = pd_render_page_to_surface (page, scales[j]);
          cairo_surface_t *banded = pd_band_renderer_render (bands, page, 1, scales[j]);

          g_assert_nonnull (whole);
          g_assert_nonnull (banded);
          /* Text is the same to the bit; pixman filters a scan in fixed
           * point from each band's origin and may round a step apart. */
          g_assert_cmpint (max_pixel_difference (whole, banded), <=, 2);
          cairo_surface_destroy (whole);
          cairo_surface_destroy (banded);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  fixtures = pd_test_pdf_fixtures_new ();
  /* The application's style sheet, as the window would have it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/paneldesk/PanelDesk/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/viewer/open-text", test_open_text);
  g_test_add_func ("/viewer/open-images", test_open_images);
  g_test_add_func ("/viewer/password", test_password);
  g_test_add_func ("/viewer/broken-files", test_broken_files);
  g_test_add_func ("/viewer/find", test_find);
  g_test_add_func ("/viewer/open-at-match", test_open_at_match);
  g_test_add_func ("/viewer/pages-and-keys", test_pages_and_keys);
  g_test_add_func ("/viewer/zoom", test_zoom);
  g_test_add_func ("/viewer/thumbnails", test_thumbnails);
  g_test_add_func ("/viewer/outline", test_outline);
  g_test_add_func ("/viewer/page-cache", test_page_cache);
  g_test_add_func ("/viewer/print-to-file", test_print_to_file);
  g_test_add_func ("/viewer/select-and-copy", test_select_and_copy);
  g_test_add_func ("/viewer/render-bands", test_render_bands);

  result = g_test_run ();
  pd_test_pdf_fixtures_free (fixtures);
  return result;
}
