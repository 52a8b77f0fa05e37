/* pd-agenda-view.c: the meetings of the database in a table, loaded on demand */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-record-table.h"
#include "pd-agenda-view.h"

struct _PdAgendaView
{
  AdwBin         parent_instance;

  PdRecordTable *table;
  PdDatabase    *db;
};

G_DEFINE_FINAL_TYPE (PdAgendaView, pd_agenda_view, ADW_TYPE_BIN)

static char *
date_text (gpointer item)
{
  return pd_format_date_time (pd_meeting_get_starts_at (item));
}

static char *
title_text (gpointer item)
{
  return g_strdup (pd_meeting_get_title (item));
}

static char *
place_text (gpointer item)
{
  return g_strdup (pd_meeting_get_place (item));
}

static char *
chair_text (gpointer item)
{
  const char *chair = pd_meeting_get_chair_name (item);

  if (chair == NULL || *chair == '\0')
    return g_strdup ("—");
  return g_strdup (chair);
}

static char *
status_text (gpointer item)
{
  return g_strdup (pd_meeting_status_to_label (pd_meeting_get_status (item)));
}

static char *
items_text (gpointer item)
{
  return g_strdup_printf ("%u", pd_meeting_get_n_items (item));
}

void
pd_agenda_view_set_database (PdAgendaView *self,
                             PdDatabase *db)
{
  g_autoptr(PdRecordList) list = NULL;

  g_return_if_fail (PD_IS_AGENDA_VIEW (self));
  g_return_if_fail (db == NULL || PD_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;

  /* A list of ids; each row loads when it scrolls into sight. */
  if (db != NULL)
    list = pd_meeting_list_new (db);
  pd_record_table_set_list (self->table, list);
}

PdDatabase *
pd_agenda_view_get_database (PdAgendaView *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), NULL);

  return self->db;
}

guint
pd_agenda_view_get_n_rows (PdAgendaView *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), 0);

  return pd_record_table_get_n_rows (self->table);
}

const char *
pd_agenda_view_get_shown (PdAgendaView *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_VIEW (self), NULL);

  return pd_record_table_get_shown (self->table);
}

static void
pd_agenda_view_dispose (GObject *object)
{
  PdAgendaView *self = PD_AGENDA_VIEW (object);

  g_clear_object (&self->db);
  /* AdwBin unparents its child itself; take the table away first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_AGENDA_VIEW);

  G_OBJECT_CLASS (pd_agenda_view_parent_class)->dispose (object);
}

static void
pd_agenda_view_class_init (PdAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_agenda_view_dispose;

  g_type_ensure (PD_TYPE_RECORD_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/agenda/pd-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdAgendaView, table);
}

static void
pd_agenda_view_init (PdAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pd_record_table_append_column (self->table, _("Date"), date_text, FALSE);
  pd_record_table_append_column (self->table, _("Meeting"), title_text, TRUE);
  pd_record_table_append_column (self->table, _("Place"), place_text, TRUE);
  pd_record_table_append_column (self->table, _("Chair"), chair_text, FALSE);
  pd_record_table_append_column (self->table, _("Status"), status_text, FALSE);
  pd_record_table_append_column (self->table, _("Items"), items_text, FALSE);
}
