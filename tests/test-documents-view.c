/* test-documents-view.c: the Documents view: attaching, full-text search,
 * opening a hit at its page, a refused altered file, publication details */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pd-core.h"
#include "pd-documents-view.h"
#include "pd-publication-dialog.h"
#include "pd-test-pdf.h"
#include "pd-test-util.h"

#define TIMEOUT_MS 20000

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @cond holds, or TIMEOUT_MS pass. */
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
is_not_busy (gpointer data)
{
  return !pd_documents_view_is_busy (data);
}

static gboolean
has_hits (gpointer data)
{
  return pd_documents_view_get_n_hits (data) > 0;
}

static gboolean
shows_no_matches (gpointer data)
{
  return g_strcmp0 (pd_documents_view_get_shown (data), "no-matches") == 0;
}

typedef struct
{
  guint  n_emitted;
  gint64 document_id;
  char  *path;
  int    page_index;
  char  *query;
} Opened;

static void
on_open_document (PdDocumentsView *view, gint64 id, const char *path, int page, const char *query, Opened *opened)
{
  opened->n_emitted++;
  opened->document_id = id;
  g_free (opened->path);
  opened->path = g_strdup (path);
  opened->page_index = page;
  g_free (opened->query);
  opened->query = g_strdup (query);
}

static gboolean
was_opened (gpointer data)
{
  return ((Opened *) data)->n_emitted > 0;
}

static gboolean
has_message (gpointer data)
{
  return pd_documents_view_get_last_message (data) != NULL;
}

static gboolean
says_altered (gpointer data)
{
  return strstr (pd_documents_view_get_last_message (data), "altered") != NULL;
}

/* The first descendant of @widget of @type, depth first. */
static GtkWidget *
find_child (GtkWidget *widget, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child (child, type)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  char    *reference;
  gint64   id;
} NewReferral;

static gboolean
insert_referral (PdTransaction *tx, gpointer data, GError **error)
{
  NewReferral *referral = data;
  PdReferralFields fields = { .pseudonym = "Child D", .date_received = "2026-03-02" };

  referral->id = pd_referral_insert (tx, &fields, &referral->reference, error);
  return referral->id != 0;
}

static void
test_documents_view (void)
{
  g_autoptr(PdTestPdfFixtures) pdfs = pd_test_pdf_fixtures_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("panel-desk-test-documents-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "panel.paneldesk", NULL);
  g_autofree char *word = g_build_filename (dir, "notes.odt", NULL);
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(PdDocument) report = NULL;
  NewReferral referral = { 0 };
  Opened opened = { 0 };
  GtkWidget *window, *entry, *list, *row, *dialog;
  PdDocumentsView *view;
  const char *paths[] = { pdfs->text, word, NULL };
  gint64 report_id;
  guint expected_hits = 0;

  g_assert_no_error (error);
  db = pd_database_open (path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pd_database_write (db, "New referral", insert_referral, &referral, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (word, "an OpenDocument text, kept as it is", -1, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  view = g_object_new (PD_TYPE_DOCUMENTS_VIEW, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  g_signal_connect (view, "open-document", G_CALLBACK (on_open_document), &opened);
  gtk_window_present (GTK_WINDOW (window));
  pd_documents_view_set_database (view, db);
  g_assert_cmpstr (pd_documents_view_get_shown (view), ==, "empty");

  /* No referral given: said, nothing attached. */
  pd_documents_view_attach_files (view, paths);
  g_assert_true (wait_for (has_message, view));
  g_assert_nonnull (strstr (pd_documents_view_get_last_message (view), "referral"));
  g_assert_false (pd_documents_view_is_busy (view));

  /* What the chooser and a drop do: attached with progress, then the text is extracted. */
  pd_documents_view_set_attach_target (view, referral.reference, "overview_report");
  pd_documents_view_attach_files (view, paths);
  g_assert_true (pd_documents_view_is_busy (view));
  g_assert_true (wait_for (is_not_busy, view));
  g_assert_cmpstr (pd_documents_view_get_last_message (view), ==, "2 files attached");
  g_assert_cmpuint (pd_documents_view_get_n_rows (view), ==, 2);
  g_assert_cmpstr (pd_documents_view_get_shown (view), ==, "list");

  /* Dropped onto the view: attached like chosen files. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
    g_autoptr(GFile) dropped = g_file_new_for_path (pdfs->images);
    GSList files = { dropped, NULL };
    GValue value = G_VALUE_INIT;
    GtkDropTarget *drop = NULL;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          drop = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (drop);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_set_boxed (&value, &files);
    g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);
    g_assert_true (wait_for (is_not_busy, view));
    g_assert_cmpstr (pd_documents_view_get_last_message (view), ==, "1 file attached");
    g_assert_cmpuint (pd_documents_view_get_n_rows (view), ==, 3);
  }

  /* Filtered by kind: only those; none of a kind says so. */
  {
    GtkWidget *filter = find_child (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN);
    const char *const *kinds = pd_document_kinds ();
    guint minutes = 0;

    while (!g_str_equal (kinds[minutes], "minutes"))
      minutes++;
    gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), minutes + 1);
    g_assert_cmpuint (pd_documents_view_get_n_rows (view), ==, 0);
    g_assert_cmpstr (pd_documents_view_get_shown (view), ==, "empty");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), 0);
    g_assert_cmpuint (pd_documents_view_get_n_rows (view), ==, 3);
  }

  /* Typed into the search entry: the pages with the phrase are listed. */
  entry = find_child (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "disguised compliance");
  g_assert_true (wait_for (has_hits, view));
  for (int page = 0; page < PD_TEST_PDF_TEXT_PAGES; page++)
    expected_hits += pd_test_pdf_page_has_phrase (page);
  g_assert_cmpuint (pd_documents_view_get_n_hits (view), ==, expected_hits);
  g_assert_cmpstr (pd_documents_view_get_shown (view), ==, "search");

  /* Activating the first hit's row opens the PDF at that page. */
  list = find_child (GTK_WIDGET (view), GTK_TYPE_LIST_BOX);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (wait_for (was_opened, &opened));
  g_assert_cmpuint (opened.n_emitted, ==, 1);
  g_assert_true (pd_test_pdf_page_has_phrase (opened.page_index));
  g_assert_cmpstr (opened.query, ==, "disguised compliance");
  g_assert_true (g_str_has_suffix (opened.path, ".pdf"));
  g_assert_true (g_file_test (opened.path, G_FILE_TEST_IS_REGULAR));
  report_id = opened.document_id;
  report = pd_document_load (db, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_document_get_filename (report), ==, "text.pdf");

  /* Nothing matches: the status page says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "xylophone");
  g_assert_true (wait_for (shows_no_matches, view));
  pd_documents_view_search (view, "");
  g_assert_cmpstr (pd_documents_view_get_shown (view), ==, "list");

  /* An altered file is not handed to the viewer: a message says why. */
  g_file_set_contents (opened.path, "%PDF-1.4 something else", -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&opened.path, g_free);
  opened.n_emitted = 0;
  g_free (g_steal_pointer (&opened.query));
  pd_documents_view_open_document (view, report_id, 0, NULL);
  g_assert_true (wait_for (is_not_busy, view));
  /* The check runs on a worker thread; its answer comes back here. */
  g_assert_true (wait_for (says_altered, view));
  g_assert_nonnull (strstr (pd_documents_view_get_last_message (view), "altered"));
  g_assert_cmpuint (opened.n_emitted, ==, 0);

  /* The publication details: a refused save keeps the form and says why. */
  dialog = pd_publication_dialog_new (db, report, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  pd_publication_dialog_set_fields (PD_PUBLICATION_DIALOG (dialog), "published", "", "", "");
  g_assert_false (pd_publication_dialog_save (PD_PUBLICATION_DIALOG (dialog)));
  g_assert_nonnull (strstr (pd_publication_dialog_get_error (PD_PUBLICATION_DIALOG (dialog)), "date"));
  pd_publication_dialog_set_fields (PD_PUBLICATION_DIALOG (dialog), "published", "2026-04-01", "", "Website");
  g_object_ref (dialog);
  g_assert_true (pd_publication_dialog_save (PD_PUBLICATION_DIALOG (dialog)));
  g_object_unref (dialog);
  {
    g_autoptr(PdPublication) publication = pd_publication_load (db, report_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (publication->website_until, ==, "2027-04-01");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (opened.path);
  g_free (opened.query);
  g_free (referral.reference);
  g_clear_object (&db);
  pd_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/documents-view/attach-search-open", test_documents_view);
  return g_test_run ();
}
