/* pd-agenda-item.c: one item on a meeting's agenda, as read */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-agenda-item.h"
#include "pd-database-private.h"

struct _PdAgendaItem
{
  GObject  parent_instance;

  gint64   id;
  gint64   meeting_id;
  int      position;
  char    *kind;
  char    *title;
  gint64   referral_id;
  char    *reference;
  char    *pseudonym;
  gint64   previous_meeting_id;
  int      minutes;
  gint64   presenter_id;
  char    *presenter_name;
  char    *notes;
  gboolean is_addendum;
  gboolean is_withdrawn;
  guint    n_papers;
};

G_DEFINE_FINAL_TYPE (PdAgendaItem, pd_agenda_item, G_TYPE_OBJECT)

#define ITEMS_SQL "SELECT id FROM agenda_items WHERE meeting_id = ?1 ORDER BY position, id;"

static void
pd_agenda_item_finalize (GObject *object)
{
  PdAgendaItem *self = (PdAgendaItem *)object;

  g_free (self->kind);
  g_free (self->title);
  g_free (self->reference);
  g_free (self->pseudonym);
  g_free (self->presenter_name);
  g_free (self->notes);

  G_OBJECT_CLASS (pd_agenda_item_parent_class)->finalize (object);
}

static void
pd_agenda_item_class_init (PdAgendaItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_agenda_item_finalize;
}

static void
pd_agenda_item_init (PdAgendaItem *self)
{
}

#define GETTER(type, name, field, fallback) \
  type pd_agenda_item_get_##name (PdAgendaItem *self) \
  { g_return_val_if_fail (PD_IS_AGENDA_ITEM (self), fallback); return self->field; }

GETTER (gint64, id, id, 0)
GETTER (gint64, meeting_id, meeting_id, 0)
GETTER (int, position, position, 0)
GETTER (const char *, kind, kind, NULL)
GETTER (const char *, title, title, NULL)
GETTER (gint64, referral_id, referral_id, 0)
GETTER (const char *, referral_reference, reference, NULL)
GETTER (const char *, pseudonym, pseudonym, NULL)
GETTER (gint64, previous_meeting_id, previous_meeting_id, 0)
GETTER (int, minutes, minutes, 0)
GETTER (gint64, presenter_id, presenter_id, 0)
GETTER (const char *, presenter_name, presenter_name, NULL)
GETTER (const char *, notes, notes, NULL)
GETTER (guint, n_papers, n_papers, 0)

gboolean pd_agenda_item_is_addendum (PdAgendaItem *self) { g_return_val_if_fail (PD_IS_AGENDA_ITEM (self), FALSE); return self->is_addendum; }
gboolean pd_agenda_item_is_withdrawn (PdAgendaItem *self) { g_return_val_if_fail (PD_IS_AGENDA_ITEM (self), FALSE); return self->is_withdrawn; }

static const struct { const char *id; const char *label; } kinds[] = {
  { "apologies",       N_("Apologies and declarations of interest") },
  { "minutes",         N_("Minutes of the previous meeting") },
  { "new_referral",    N_("New referral for recommendation") },
  { "review_progress", N_("Review progress") },
  { "action_plan",     N_("Action plan monitoring") },
  { "publication",     N_("Publication approval") },
  { "other",           N_("Any other business") },
};

const char *
pd_agenda_item_kind_to_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].id) == 0)
      return _(kinds[i].label);
  return kind;
}

gboolean
pd_agenda_item_kind_is_valid (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].id) == 0)
      return TRUE;
  return FALSE;
}

PdAgendaItem *
pd_agenda_item_load (PdDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  PdAgendaItem *self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db,
                               "SELECT a.meeting_id, a.position, a.kind, a.title, coalesce(a.referral_id, 0), "
                               "       coalesce(r.reference, ''), coalesce(r.pseudonym, ''), "
                               "       coalesce(a.previous_meeting_id, 0), a.minutes, "
                               "       coalesce(a.presenter_id, 0), coalesce(p.display_name, ''), a.notes, "
                               "       a.is_addendum, a.withdrawn_at IS NOT NULL, "
                               "       (SELECT count(*) FROM documents d WHERE d.agenda_item_id = a.id) "
                               "FROM agenda_items a "
                               "LEFT JOIN referrals r ON r.id = a.referral_id "
                               "LEFT JOIN people p ON p.id = a.presenter_id "
                               "WHERE a.id = ?1;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self = g_object_new (PD_TYPE_AGENDA_ITEM, NULL);
      self->id = id;
      self->meeting_id = sqlite3_column_int64 (stmt, 0);
      self->position = sqlite3_column_int (stmt, 1);
      self->kind = _pd_column_dup (stmt, 2);
      self->title = _pd_column_dup (stmt, 3);
      self->referral_id = sqlite3_column_int64 (stmt, 4);
      self->reference = _pd_column_dup (stmt, 5);
      self->pseudonym = _pd_column_dup (stmt, 6);
      self->previous_meeting_id = sqlite3_column_int64 (stmt, 7);
      self->minutes = sqlite3_column_int (stmt, 8);
      self->presenter_id = sqlite3_column_int64 (stmt, 9);
      self->presenter_name = _pd_column_dup (stmt, 10);
      self->notes = _pd_column_dup (stmt, 11);
      self->is_addendum = sqlite3_column_int (stmt, 12) != 0;
      self->is_withdrawn = sqlite3_column_int (stmt, 13) != 0;
      self->n_papers = sqlite3_column_int (stmt, 14);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                 _("The agenda item was not found; someone may have removed it."));
  else if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);

  return self;
}

PdRecordList *
pd_agenda_item_list_new (PdDatabase  *db,
                         gint64       meeting_id,
                         GError     **error)
{
  g_autoptr(PdRecordList) list = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  const char * const params[] = { id_text, NULL };

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  list = pd_record_list_new (db, PD_TYPE_AGENDA_ITEM, "SELECT id FROM agenda_items WHERE 0;",
                             (PdRecordLoadFunc) pd_agenda_item_load);
  if (!pd_record_list_set_query (list, ITEMS_SQL, params, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
pd_agenda_item_list_load (PdDatabase  *db,
                          gint64       meeting_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db, ITEMS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      PdAgendaItem *item = pd_agenda_item_load (db, g_array_index (ids, gint64, i), error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}
