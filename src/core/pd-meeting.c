/* pd-meeting.c: a panel meeting */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-database-private.h"
#include "pd-meeting.h"

struct _PdMeeting
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *starts_at;
  char    *ends_at;
  char    *place;
  char    *status;
  char    *chair_name;
  guint    n_items;
};

G_DEFINE_FINAL_TYPE (PdMeeting, pd_meeting, G_TYPE_OBJECT)

static void
pd_meeting_finalize (GObject *object)
{
  PdMeeting *self = (PdMeeting *)object;

  g_free (self->title);
  g_free (self->starts_at);
  g_free (self->ends_at);
  g_free (self->place);
  g_free (self->status);
  g_free (self->chair_name);

  G_OBJECT_CLASS (pd_meeting_parent_class)->finalize (object);
}

static void
pd_meeting_class_init (PdMeetingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_meeting_finalize;
}

static void
pd_meeting_init (PdMeeting *self)
{
}

gint64 pd_meeting_get_id (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), 0); return self->id; }
const char *pd_meeting_get_title (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), NULL); return self->title; }
const char *pd_meeting_get_starts_at (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), NULL); return self->starts_at; }
const char *pd_meeting_get_ends_at (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), NULL); return self->ends_at; }
const char *pd_meeting_get_place (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), NULL); return self->place; }
const char *pd_meeting_get_status (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), NULL); return self->status; }
const char *pd_meeting_get_chair_name (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), NULL); return self->chair_name; }
guint pd_meeting_get_n_items (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), 0); return self->n_items; }

const char *
pd_meeting_status_to_label (const char *status)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "draft",            N_("Draft") },
    { "agenda_published", N_("Agenda published") },
    { "in_progress",      N_("In progress") },
    { "held",             N_("Held") },
    { "minutes_approved", N_("Minutes approved") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (status, labels[i].id) == 0)
      return _(labels[i].label);
  return status;
}

PdMeeting *
pd_meeting_load (PdDatabase  *db,
                 gint64       id,
                 GError     **error)
{
  PdMeeting *self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db,
                               "SELECT m.title, m.starts_at, m.ends_at, m.place, m.status, "
                               "       coalesce(p.display_name, ''), "
                               "       (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id) "
                               "FROM meetings m LEFT JOIN people p ON p.id = m.chair_id "
                               "WHERE m.id = ?1;",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self = g_object_new (PD_TYPE_MEETING, NULL);
      self->id = id;
      self->title = _pd_column_dup (stmt, 0);
      self->starts_at = _pd_column_dup (stmt, 1);
      self->ends_at = _pd_column_dup (stmt, 2);
      self->place = _pd_column_dup (stmt, 3);
      self->status = _pd_column_dup (stmt, 4);
      self->chair_name = _pd_column_dup (stmt, 5);
      self->n_items = sqlite3_column_int (stmt, 6);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                 _("The meeting was not found; someone may have deleted it."));
  else if (rc != SQLITE_ROW)
    _pd_database_fail (db, rc, error);

  return self;
}

PdRecordList *
pd_meeting_list_new (PdDatabase *db)
{
  return pd_record_list_new (db, PD_TYPE_MEETING,
                             "SELECT id FROM meetings ORDER BY starts_at DESC, id DESC;",
                             (PdRecordLoadFunc) pd_meeting_load);
}

static gboolean
is_moment (const char *text)
{
  g_autoptr(GDateTime) moment = NULL;

  if (text == NULL)
    return FALSE;
  moment = g_date_time_new_from_iso8601 (text, NULL);
  return moment != NULL;
}

gint64
pd_meeting_insert (PdTransaction          *tx,
                   const PdMeetingFields  *fields,
                   GError                **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (fields != NULL, 0);

  if (_pd_is_blank (fields->title))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("A meeting needs a title."));
      return 0;
    }
  if (!is_moment (fields->starts_at) || !is_moment (fields->ends_at))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A meeting needs a real start and end date and time."));
      return 0;
    }
  if (g_strcmp0 (fields->ends_at, fields->starts_at) < 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The meeting ends before it starts."));
      return 0;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO meetings (title, starts_at, ends_at, place, chair_id, status, "
                               "                      created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, fields->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fields->starts_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fields->ends_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, fields->place ? fields->place : "", -1, SQLITE_STATIC);
  if (fields->chair_id > 0)
    sqlite3_bind_int64 (stmt, 5, fields->chair_id);
  sqlite3_bind_text (stmt, 6, fields->status ? fields->status : "draft", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return 0;
    }

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));
  after = pd_transaction_row_json (tx, "meetings", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "meeting", id, "create", NULL, after, error))
    return 0;

  return id;
}

gint64
pd_meeting_add_agenda_item (PdTransaction  *tx,
                            gint64          meeting_id,
                            const char     *kind,
                            const char     *title,
                            gint64          referral_id,
                            int             minutes,
                            GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  if (_pd_is_blank (title))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("An agenda item needs a title."));
      return 0;
    }
  if (minutes < 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("The time for an item cannot be negative."));
      return 0;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO agenda_items (meeting_id, position, kind, title, referral_id, "
                               "                          minutes, created_at) "
                               "VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items "
                               "             WHERE meeting_id = ?1), ?2, ?3, ?4, ?5, ?6);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  if (referral_id > 0)
    sqlite3_bind_int64 (stmt, 4, referral_id);
  sqlite3_bind_int (stmt, 5, minutes);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return 0;
    }

  id = sqlite3_last_insert_rowid (_pd_database_get_handle (db));
  after = pd_transaction_row_json (tx, "agenda_items", id, error);
  if (after == NULL ||
      !pd_transaction_audit (tx, "agenda_item", id, "create", NULL, after, error))
    return 0;

  return id;
}
