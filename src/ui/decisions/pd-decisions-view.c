/* pd-decisions-view.c: the decisions of the database in a table, loaded on demand */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-record-table.h"
#include "pd-decisions-view.h"

struct _PdDecisionsView
{
  AdwBin         parent_instance;

  PdRecordTable *table;
  PdDatabase    *db;
};

G_DEFINE_FINAL_TYPE (PdDecisionsView, pd_decisions_view, ADW_TYPE_BIN)

static char *
date_text (gpointer item)
{
  return pd_format_date (pd_decision_get_made_at (item));
}

static char *
referral_text (gpointer item)
{
  return g_strdup (pd_decision_get_referral_reference (item));
}

static char *
child_text (gpointer item)
{
  return g_strdup (pd_decision_get_pseudonym (item));
}

static char *
record_text (gpointer item)
{
  return g_strdup (pd_decision_kind_to_label (pd_decision_get_kind (item)));
}

static char *
outcome_text (gpointer item)
{
  return g_strdup (pd_decision_outcome_to_label (pd_decision_get_outcome (item)));
}

static char *
by_text (gpointer item)
{
  return g_strdup (pd_decision_get_made_by_name (item));
}

static char *
signed_text (gpointer item)
{
  return g_strdup (pd_decision_is_signed (item) ? _("Signed") : _("Not signed"));
}

void
pd_decisions_view_set_database (PdDecisionsView *self,
                                PdDatabase *db)
{
  g_autoptr(PdRecordList) list = NULL;

  g_return_if_fail (PD_IS_DECISIONS_VIEW (self));
  g_return_if_fail (db == NULL || PD_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;

  /* A list of ids; each row loads when it scrolls into sight. */
  if (db != NULL)
    list = pd_decision_list_new (db);
  pd_record_table_set_list (self->table, list);
}

PdDatabase *
pd_decisions_view_get_database (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  return self->db;
}

guint
pd_decisions_view_get_n_rows (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), 0);

  return pd_record_table_get_n_rows (self->table);
}

const char *
pd_decisions_view_get_shown (PdDecisionsView *self)
{
  g_return_val_if_fail (PD_IS_DECISIONS_VIEW (self), NULL);

  return pd_record_table_get_shown (self->table);
}

static void
pd_decisions_view_dispose (GObject *object)
{
  PdDecisionsView *self = PD_DECISIONS_VIEW (object);

  g_clear_object (&self->db);
  /* AdwBin unparents its child itself; take the table away first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_DECISIONS_VIEW);

  G_OBJECT_CLASS (pd_decisions_view_parent_class)->dispose (object);
}

static void
pd_decisions_view_class_init (PdDecisionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_decisions_view_dispose;

  g_type_ensure (PD_TYPE_RECORD_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/decisions/pd-decisions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdDecisionsView, table);
}

static void
pd_decisions_view_init (PdDecisionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pd_record_table_append_column (self->table, _("Date"), date_text, FALSE);
  pd_record_table_append_column (self->table, _("Referral"), referral_text, FALSE);
  pd_record_table_append_column (self->table, _("Child"), child_text, TRUE);
  pd_record_table_append_column (self->table, _("Record"), record_text, FALSE);
  pd_record_table_append_column (self->table, _("Outcome"), outcome_text, TRUE);
  pd_record_table_append_column (self->table, _("By"), by_text, FALSE);
  pd_record_table_append_column (self->table, _("Signed"), signed_text, FALSE);
}
