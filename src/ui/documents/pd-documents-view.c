/* pd-documents-view.c: the documents of the database in a table, loaded on demand */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-record-table.h"
#include "pd-documents-view.h"

struct _PdDocumentsView
{
  AdwBin         parent_instance;

  PdRecordTable *table;
  PdDatabase    *db;
};

G_DEFINE_FINAL_TYPE (PdDocumentsView, pd_documents_view, ADW_TYPE_BIN)

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
attached_text (gpointer item)
{
  return pd_format_date (pd_document_get_attached_at (item));
}

void
pd_documents_view_set_database (PdDocumentsView *self,
                                PdDatabase *db)
{
  g_autoptr(PdRecordList) list = NULL;

  g_return_if_fail (PD_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (db == NULL || PD_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;

  /* A list of ids; each row loads when it scrolls into sight. */
  if (db != NULL)
    list = pd_document_list_new (db);
  pd_record_table_set_list (self->table, list);
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
  g_return_val_if_fail (PD_IS_DOCUMENTS_VIEW (self), NULL);

  return pd_record_table_get_shown (self->table);
}

static void
pd_documents_view_dispose (GObject *object)
{
  PdDocumentsView *self = PD_DOCUMENTS_VIEW (object);

  g_clear_object (&self->db);
  /* AdwBin unparents its child itself; take the table away first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_DOCUMENTS_VIEW);

  G_OBJECT_CLASS (pd_documents_view_parent_class)->dispose (object);
}

static void
pd_documents_view_class_init (PdDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_documents_view_dispose;

  g_type_ensure (PD_TYPE_RECORD_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/documents/pd-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdDocumentsView, table);
}

static void
pd_documents_view_init (PdDocumentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pd_record_table_append_column (self->table, _("Title"), title_text, TRUE);
  pd_record_table_append_column (self->table, _("Kind"), kind_text, FALSE);
  pd_record_table_append_column (self->table, _("Referral"), referral_text, FALSE);
  pd_record_table_append_column (self->table, _("Pages"), pages_text, FALSE);
  pd_record_table_append_column (self->table, _("Size"), size_text, FALSE);
  pd_record_table_append_column (self->table, _("Attached"), attached_text, FALSE);
}
