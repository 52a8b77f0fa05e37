/* pd-documents-view.c: the documents of the database, attaching files,
 * full-text search, and opening a document after checking its file
 *
 * The list is a PdRecordTable (rows loaded on demand), filtered by kind.
 * Attaching, extracting text and verifying a file run on worker threads
 * (pd-documents-jobs.c; attaching and extraction are driven from
 * pd-documents-view-attach.c); a search runs on the main thread, FTS5 answers in
 * milliseconds. Opening never hands the viewer a file that is missing or
 * altered: the hash is checked first, and a problem is said instead.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pd-documents-jobs.h"
#include "pd-documents-view-private.h"
#include "pd-format.h"
#include "pd-publication-dialog.h"
#include "pd-record-table.h"

#define MAX_HITS 200


G_DEFINE_FINAL_TYPE (PdDocumentsView, pd_documents_view, ADW_TYPE_BIN)

enum {
  SIGNAL_OPEN_DOCUMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_pd_documents_view_show_message (PdDocumentsView *self,
                                 const char      *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* A problem that must not pass unnoticed: a dialog when there is a window. */
static void
show_problem (PdDocumentsView *self,
              const char      *heading,
              const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  if (!GTK_IS_WINDOW (root))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------- columns */

static char *
title_text (gpointer item)
{
  return g_strdup (pd_document_get_title (item));
}

static char *
kind_text (gpointer item)
{
  return g_strdup (pd_document_kind_to_label (pd_document_get_kind (item)));
}

static char *
referral_text (gpointer item)
{
  const char *reference = pd_document_get_referral_reference (item);

  if (reference == NULL || *reference == '\0')
    return g_strdup ("—");
  return g_strdup (reference);
}

static char *
pages_text (gpointer item)
{
  int pages = pd_document_get_page_count (item);

  if (pages < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%d", pages);
}

static char *
size_text (gpointer item)
{
  return g_format_size ((guint64) MAX (pd_document_get_size (item), 0));
}

static char *
publication_text (gpointer item)
{
  const char *status = pd_document_get_publication_status (item);

  if (!pd_publication_kind_is_published (pd_document_get_kind (item)))
    return g_strdup ("—");
  return g_strdup (pd_publication_status_to_label (status != NULL && *status != '\0' ? status : "not_published"));
}

/* What the file is, and whether it can be used: missing (a quick look,
 * no hashing while scrolling), or a PDF that cannot be read. Short, so the
 * title keeps its room: "PDF", "DOCX". */
static char *
state_text (gpointer item)
{
  const char *unreadable = pd_document_get_unreadable (item);
  const char *filename = pd_document_get_filename (item);
  const char *dot = filename != NULL ? strrchr (filename, '.') : NULL;

  if (!g_file_test (pd_document_get_file_path (item), G_FILE_TEST_IS_REGULAR))
    return g_strdup (_("Missing"));
  if (g_strcmp0 (unreadable, "password") == 0)
    return g_strdup (_("Locked PDF"));
  if (unreadable != NULL && *unreadable != '\0')
    return g_strdup (_("Damaged PDF"));
  if (pd_document_is_pdf (item))
    return g_strdup (_("PDF"));
  if (dot != NULL && dot[1] != '\0' && strlen (dot) <= 6)
    return g_ascii_strup (dot + 1, -1);
  return g_strdup (_("File"));
}

static const char *
state_style (gpointer item)
{
  const char *unreadable = pd_document_get_unreadable (item);

  if (!g_file_test (pd_document_get_file_path (item), G_FILE_TEST_IS_REGULAR))
    return "error";
  if (unreadable != NULL && *unreadable != '\0')
    return "warning";
  return NULL;
}

static char *
attached_text (gpointer item)
{
  return pd_format_date (pd_document_get_attached_at (item));
}

/* -------------------------------------------------------------- the list */

/* The kind chosen in @drop_down, or NULL for the filter's "All Kinds". */
const char *
_pd_documents_view_chosen_kind (GtkDropDown *drop_down,
                                gboolean     first_is_all)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  const char *const *kinds = pd_document_kinds ();

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  if (first_is_all)
    return selected == 0 ? NULL : kinds[selected - 1];
  return kinds[selected];
}

void
_pd_documents_view_reload_list (PdDocumentsView *self)
{
  g_autoptr(PdRecordList) list = NULL;
  const char *kind = _pd_documents_view_chosen_kind (self->kind_filter, TRUE);

  /* Filtered to nothing is not the same as no documents at all. */
  if (kind != NULL)
    g_object_set (self->table,
                  "empty-title", _("No Documents of This Kind"),
                  "empty-description", _("Choose “All Kinds” to see every document."),
                  NULL);
  else
    g_object_set (self->table,
                  "empty-title", _("No Documents Yet"),
                  "empty-description", _("Reports, chronologies and minutes attached to referrals and meetings appear here. Drop files here or use Attach Files."),
                  NULL);
  if (self->db != NULL)
    list = pd_document_list_new_for_kind (self->db, kind);
  pd_record_table_set_list (self->table, list);
}

static void
on_kind_filter_changed (PdDocumentsView *self)
{
  _pd_documents_view_reload_list (self);
}

/* ---------------------------------------------------------------- search */

static GtkWidget *
hit_row_new (PdFulltextHit *hit)
{
  g_autofree char *markup = pd_fulltext_snippet_to_markup (hit->snippet);
  g_autofree char *heading = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title, *snippet;

  /* Translators: a search hit: a document's title, its kind and the page, e.g. "Overview report: Child A (Overview report), page 3" */
  heading = g_strdup_printf (_("%s (%s), page %d"), hit->title, pd_document_kind_to_label (hit->kind),
                             hit->page_index + 1);
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  snippet = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  return row;
}

static void
show_hits (PdDocumentsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hits_list))) != NULL)
    gtk_list_box_remove (self->hits_list, child);

  if (self->query == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  for (guint i = 0; i < self->hits->len; i++)
    gtk_list_box_append (self->hits_list, hit_row_new (g_ptr_array_index (self->hits, i)));
  gtk_stack_set_visible_child_name (self->stack, self->hits->len > 0 ? "search" : "no-matches");
}

void
pd_documents_view_search (PdDocumentsView *self,
                          const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  g_return_if_fail (PD_IS_DOCUMENTS_VIEW (self));

  g_clear_pointer (&self->query, g_free);
  g_ptr_array_set_size (self->hits, 0);
  if (self->db != NULL && query != NULL && *query != '\0')
    {
      hits = pd_fulltext_search (self->db, query, MAX_HITS, &error);
      if (hits == NULL)
        _pd_documents_view_show_message (self, error->message);
      else
        {
          g_ptr_array_extend_and_steal (self->hits, g_steal_pointer (&hits));
          self->query = g_steal_pointer (&query);
        }
    }
  show_hits (self);
}

static void
on_search_changed (PdDocumentsView *self)
{
  pd_documents_view_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

guint
pd_documents_view_get_n_hits (PdDocumentsView *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENTS_VIEW (self), 0);

  return self->hits->len;
}

void
pd_documents_view_activate_hit (PdDocumentsView *self,
                                guint            index)
{
  PdFulltextHit *hit;

  g_return_if_fail (PD_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (index < self->hits->len);

  hit = g_ptr_array_index (self->hits, index);
  pd_documents_view_open_document (self, hit->document_id, hit->page_index, self->query);
}

static void
on_hit_activated (PdDocumentsView *self,
                  GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->hits->len)
    pd_documents_view_activate_hit (self, index);
}

/* --------------------------------------------------------------- opening */

typedef struct
{
  PdDocumentsView *view;
  PdDocument      *document;
  int              page_index;
  char            *query;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->view);
  g_object_unref (opening->document);
  g_free (opening->query);
  g_free (opening);
}

static void
launch_default (PdDocumentsView *self,
                PdDocument      *document)
{
  g_autoptr(GFile) file = g_file_new_for_path (pd_document_get_file_path (document));
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  if (!g_app_info_launch_default_for_uri (uri, context, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be opened: %s"),
                                                  pd_document_get_title (document), error->message);

      _pd_documents_view_show_message (self, message);
    }
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Opening *opening = data;
  PdDocumentsView *self = opening->view;
  g_autoptr(GError) error = NULL;

  if (!pd_documents_verify_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf ("“%s”: %s", pd_document_get_title (opening->document),
                                                      error->message);

          show_problem (self,
                        error->code == PD_ERROR_FILE_ALTERED ? _("The File Has Been Altered")
                        : error->code == PD_ERROR_FILE_MISSING ? _("The File Is Missing")
                        : _("The File Cannot Be Read"),
                        message);
        }
    }
  else if (pd_document_is_pdf (opening->document))
    g_signal_emit (self, signals[SIGNAL_OPEN_DOCUMENT], 0, pd_document_get_id (opening->document),
                   pd_document_get_file_path (opening->document), opening->page_index, opening->query);
  else
    launch_default (self, opening->document);
  opening_free (opening);
}

void
pd_documents_view_open_document (PdDocumentsView *self,
                                 gint64           document_id,
                                 int              page_index,
                                 const char      *query)
{
  g_autoptr(GError) error = NULL;
  PdDocument *document;
  Opening *opening;

  g_return_if_fail (PD_IS_DOCUMENTS_VIEW (self));

  if (self->db == NULL)
    return;
  document = pd_document_load (self->db, document_id, &error);
  if (document == NULL)
    {
      _pd_documents_view_show_message (self, error->message);
      return;
    }
  opening = g_new0 (Opening, 1);
  opening->view = g_object_ref (self);
  opening->document = document;
  opening->page_index = MAX (page_index, 0);
  opening->query = g_strdup (query);
  pd_documents_verify_async (pd_document_get_file_path (document), pd_document_get_sha256 (document),
                             self->cancellable, on_verified, opening);
}

static void
on_record_activated (PdDocumentsView *self,
                     gint64           id)
{
  pd_documents_view_open_document (self, id, 0, NULL);
}

/* ----------------------------------------------------------- publication */

static void
on_publication_saved (PdDocumentsView *self)
{
  _pd_documents_view_show_message (self, _("Publication details saved"));
  _pd_documents_view_reload_list (self);
}

static void
edit_publication_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PdDocumentsView *self = PD_DOCUMENTS_VIEW (widget);
  g_autoptr(PdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 id = pd_record_table_get_selected_id (self->table);
  GtkWidget *dialog;

  if (self->db == NULL)
    return;
  if (id == 0)
    {
      _pd_documents_view_show_message (self, _("Select a report in the list first."));
      return;
    }
  document = pd_document_load (self->db, id, &error);
  if (document == NULL)
    {
      _pd_documents_view_show_message (self, error->message);
      return;
    }
  if (!pd_publication_kind_is_published (pd_document_get_kind (document)))
    {
      g_autofree char *message = g_strdup_printf (_("A %s is not published; choose an overview report, executive summary, board response or learning bulletin."),
                                                  pd_document_kind_to_label (pd_document_get_kind (document)));

      _pd_documents_view_show_message (self, message);
      return;
    }
  dialog = pd_publication_dialog_new (self->db, document, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (dialog == NULL)
    {
      _pd_documents_view_show_message (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_publication_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------- public */

void
pd_documents_view_set_database (PdDocumentsView *self,
                                PdDatabase      *db)
{
  gboolean writable;

  g_return_if_fail (PD_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (db == NULL || PD_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;

  /* The jobs of the old database stop; their results are dropped. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_attaching = 0;
  self->extracting = FALSE;
  self->extract_again = FALSE;
  _pd_documents_view_update_progress (self);

  writable = db != NULL && pd_database_user_can_write (db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.attach", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.edit-publication", writable);

  g_clear_pointer (&self->query, g_free);
  g_ptr_array_set_size (self->hits, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  show_hits (self);
  _pd_documents_view_reload_list (self);
  _pd_documents_view_start_extraction (self);
}

PdDatabase *
pd_documents_view_get_database (PdDocumentsView *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENTS_VIEW (self), NULL);

  return self->db;
}

guint
pd_documents_view_get_n_rows (PdDocumentsView *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENTS_VIEW (self), 0);

  return pd_record_table_get_n_rows (self->table);
}

const char *
pd_documents_view_get_shown (PdDocumentsView *self)
{
  const char *page;

  g_return_val_if_fail (PD_IS_DOCUMENTS_VIEW (self), NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "list") == 0)
    return pd_record_table_get_shown (self->table);
  return page;
}

gboolean
pd_documents_view_is_busy (PdDocumentsView *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENTS_VIEW (self), FALSE);

  return self->n_attaching > 0 || self->extracting;
}

const char *
pd_documents_view_get_last_message (PdDocumentsView *self)
{
  g_return_val_if_fail (PD_IS_DOCUMENTS_VIEW (self), NULL);

  return self->last_message;
}

static void
pd_documents_view_dispose (GObject *object)
{
  PdDocumentsView *self = PD_DOCUMENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  /* AdwBin unparents its child itself; take it away first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_DOCUMENTS_VIEW);

  G_OBJECT_CLASS (pd_documents_view_parent_class)->dispose (object);
}

static void
pd_documents_view_finalize (GObject *object)
{
  PdDocumentsView *self = PD_DOCUMENTS_VIEW (object);

  g_ptr_array_unref (self->hits);
  g_free (self->query);
  g_free (self->last_message);

  G_OBJECT_CLASS (pd_documents_view_parent_class)->finalize (object);
}

static void
pd_documents_view_class_init (PdDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_documents_view_dispose;
  object_class->finalize = pd_documents_view_finalize;

  /* A PDF to show, its file verified: the viewer opens @path at
   * @page_index (0-based) and highlights @query (NULL for none). */
  signals[SIGNAL_OPEN_DOCUMENT] =
    g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "documents.attach", NULL, _pd_documents_view_attach_action);
  gtk_widget_class_install_action (widget_class, "documents.edit-publication", NULL, edit_publication_action);

  g_type_ensure (PD_TYPE_RECORD_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/documents/pd-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, referral_entry);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, attach_kind);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, table);
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, hits_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_record_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_hit_activated);
}

static void
pd_documents_view_init (PdDocumentsView *self)
{
  g_autoptr(GtkStringList) filter_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  const char *const *kinds = pd_document_kinds ();

  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_fulltext_hit_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (filter_labels, _("All Kinds"));
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      gtk_string_list_append (filter_labels, pd_document_kind_to_label (kinds[i]));
      gtk_string_list_append (kind_labels, pd_document_kind_to_label (kinds[i]));
    }
  /* Set before the handler sees a database: selecting only filters. */
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (filter_labels));
  gtk_drop_down_set_model (self->attach_kind, G_LIST_MODEL (kind_labels));
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i], "other"))
      gtk_drop_down_set_selected (self->attach_kind, i);

  pd_record_table_append_column (self->table, _("Title"), title_text, TRUE);
  pd_record_table_append_column (self->table, _("Kind"), kind_text, FALSE);
  pd_record_table_append_column (self->table, _("Referral"), referral_text, FALSE);
  pd_record_table_append_column (self->table, _("Pages"), pages_text, FALSE);
  pd_record_table_append_column (self->table, _("Size"), size_text, FALSE);
  pd_record_table_append_column (self->table, _("Publication"), publication_text, FALSE);
  pd_record_table_append_styled_column (self->table, _("File"), state_text, state_style, FALSE);
  pd_record_table_append_column (self->table, _("Attached"), attached_text, FALSE);

  _pd_documents_view_add_drop_target (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.attach", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.edit-publication", FALSE);
}
