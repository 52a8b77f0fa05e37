/* pd-meeting.c: a panel meeting */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-agenda.h"
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
  char    *video_link;
  char    *published_at;
  gint64   chair_id;
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
  g_free (self->video_link);
  g_free (self->published_at);
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
const char *pd_meeting_get_video_link (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), NULL); return self->video_link; }
gint64 pd_meeting_get_chair_id (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), 0); return self->chair_id; }
const char *pd_meeting_get_agenda_published_at (PdMeeting *self) { g_return_val_if_fail (PD_IS_MEETING (self), NULL); return self->published_at; }

gboolean
pd_meeting_is_agenda_frozen (PdMeeting *self)
{
  g_return_val_if_fail (PD_IS_MEETING (self), FALSE);
  return self->published_at != NULL || g_strcmp0 (self->status, "draft") != 0;
}

int
pd_meeting_get_length_minutes (PdMeeting *self)
{
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;

  g_return_val_if_fail (PD_IS_MEETING (self), 0);
  starts = g_date_time_new_from_iso8601 (self->starts_at, NULL);
  ends = g_date_time_new_from_iso8601 (self->ends_at, NULL);
  if (starts == NULL || ends == NULL)
    return 0;
  return (int) (g_date_time_difference (ends, starts) / G_TIME_SPAN_MINUTE);
}

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
                               "       (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id "
                               "                                              AND a.withdrawn_at IS NULL), "
                               "       m.video_link, m.agenda_published_at, coalesce(m.chair_id, 0) "
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
      self->video_link = _pd_column_dup (stmt, 7);
      self->published_at = _pd_column_dup (stmt, 8);
      self->chair_id = sqlite3_column_int64 (stmt, 9);
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

/* Times are compared as UTC text, so they must be written the one way. */
static char *
normalise_moment (const char *text)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 (text, NULL);
  g_autoptr(GDateTime) utc = moment ? g_date_time_to_utc (moment) : NULL;

  return utc ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static gboolean
validate_fields (const PdMeetingFields  *fields,
                 char                  **out_starts,
                 char                  **out_ends,
                 GError                **error)
{
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;

  if (_pd_is_blank (fields->title))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("A meeting needs a title."));
      return FALSE;
    }
  if (!is_moment (fields->starts_at) || !is_moment (fields->ends_at))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A meeting needs a real start and end date and time."));
      return FALSE;
    }
  starts = normalise_moment (fields->starts_at);
  ends = normalise_moment (fields->ends_at);
  if (strcmp (ends, starts) <= 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The meeting ends before it starts: its end must be after its start."));
      return FALSE;
    }
  if (!fields->allow_past && strcmp (starts, now) < 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The meeting would start in the past (%s). Check the date, or say that "
                     "you are recording a meeting already held."), starts);
      return FALSE;
    }
  if (fields->video_link != NULL && *fields->video_link != '\0' &&
      !g_str_has_prefix (fields->video_link, "https://") &&
      !g_str_has_prefix (fields->video_link, "http://"))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The video link must be a web address starting with https://."));
      return FALSE;
    }
  *out_starts = g_steal_pointer (&starts);
  *out_ends = g_steal_pointer (&ends);
  return TRUE;
}

static gboolean
check_chair (PdDatabase  *db,
             gint64       chair_id,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (chair_id <= 0)
    return TRUE;
  stmt = _pd_database_prepare (db, "SELECT 1 FROM people WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chair_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NO_RECORD,
                   _("The chair chosen for the meeting is not in the people list."));
      return FALSE;
    }
  return rc == SQLITE_ROW || _pd_database_fail (db, rc, error);
}

static int
status_rank (const char *status)
{
  static const char * const order[] = {
    "draft", "agenda_published", "in_progress", "held", "minutes_approved",
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (status, order[i]) == 0)
      return (int) i;
  return -1;
}

gint64
pd_meeting_insert (PdTransaction          *tx,
                   const PdMeetingFields  *fields,
                   GError                **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *after = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (fields != NULL, 0);

  if (!validate_fields (fields, &starts, &ends, error) ||
      !check_chair (db, fields->chair_id, error))
    return 0;
  if (fields->status != NULL && status_rank (fields->status) < 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("“%s” is not a meeting status."), fields->status);
      return 0;
    }
  /* Only a meeting recorded after the fact may begin past the draft. */
  if (!fields->allow_past && status_rank (fields->status) > 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A new meeting starts as a draft; publish its agenda once it has items."));
      return 0;
    }

  stmt = _pd_database_prepare (db,
                               "INSERT INTO meetings (title, starts_at, ends_at, place, chair_id, status, "
                               "                      video_link, created_at, updated_at, agenda_published_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, "
                               "        CASE WHEN ?6 = 'draft' THEN NULL ELSE ?8 END);",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, fields->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, starts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ends, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, fields->place ? fields->place : "", -1, SQLITE_STATIC);
  if (fields->chair_id > 0)
    sqlite3_bind_int64 (stmt, 5, fields->chair_id);
  sqlite3_bind_text (stmt, 6, fields->status ? fields->status : "draft", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, fields->video_link ? fields->video_link : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
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

gboolean
pd_meeting_update (PdTransaction          *tx,
                   gint64                  id,
                   const PdMeetingFields  *fields,
                   GError                **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (fields != NULL, FALSE);

  before = pd_transaction_row_json (tx, "meetings", id, error);
  if (before == NULL)
    return FALSE;
  if (!validate_fields (fields, &starts, &ends, error) ||
      !check_chair (db, fields->chair_id, error))
    return FALSE;

  stmt = _pd_database_prepare (db,
                               "UPDATE meetings SET title = ?2, starts_at = ?3, ends_at = ?4, place = ?5, "
                               "  chair_id = ?6, video_link = ?7, updated_at = ?8, version = version + 1 "
                               "WHERE id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, fields->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, starts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, ends, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields->place ? fields->place : "", -1, SQLITE_STATIC);
  if (fields->chair_id > 0)
    sqlite3_bind_int64 (stmt, 6, fields->chair_id);
  sqlite3_bind_text (stmt, 7, fields->video_link ? fields->video_link : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  after = pd_transaction_row_json (tx, "meetings", id, error);
  return after != NULL &&
         pd_transaction_audit (tx, "meeting", id, "update", before, after, error);
}

gboolean
pd_meeting_set_status (PdTransaction  *tx,
                       gint64          id,
                       const char     *status,
                       GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdMeeting) meeting = NULL;
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (status_rank (status) < 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("“%s” is not a meeting status."), status);
      return FALSE;
    }
  meeting = pd_meeting_load (db, id, error);
  if (meeting == NULL)
    return FALSE;
  if (status_rank (status) < status_rank (meeting->status))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The meeting is already “%s”; it cannot go back to “%s”."),
                   pd_meeting_status_to_label (meeting->status), pd_meeting_status_to_label (status));
      return FALSE;
    }
  if (status_rank (status) == status_rank (meeting->status))
    return TRUE;
  if (status_rank (status) >= 1 && meeting->n_items == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The agenda is empty: add at least one item before publishing it."));
      return FALSE;
    }

  before = pd_transaction_row_json (tx, "meetings", id, error);
  if (before == NULL)
    return FALSE;
  stmt = _pd_database_prepare (db,
                               "UPDATE meetings SET status = ?2, updated_at = ?3, version = version + 1, "
                               "  agenda_published_at = coalesce(agenda_published_at, "
                               "                                 CASE WHEN ?2 = 'draft' THEN NULL ELSE ?3 END) "
                               "WHERE id = ?1;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  after = pd_transaction_row_json (tx, "meetings", id, error);
  return after != NULL &&
         pd_transaction_audit (tx, "meeting", id, "status", before, after, error);
}

static GArray *
collect_ids (PdDatabase    *db,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

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
  return g_steal_pointer (&ids);
}

GArray *
pd_meeting_list_overlapping (PdDatabase  *db,
                             const char  *starts_at,
                             const char  *ends_at,
                             gint64       except_id,
                             GError     **error)
{
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  if (!is_moment (starts_at) || !is_moment (ends_at))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A meeting needs a real start and end date and time."));
      return NULL;
    }
  starts = normalise_moment (starts_at);
  ends = normalise_moment (ends_at);
  stmt = _pd_database_prepare (db,
                               "SELECT id FROM meetings WHERE starts_at < ?2 AND ends_at > ?1 AND id <> ?3 "
                               "ORDER BY starts_at, id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, starts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, ends, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, except_id);
  return collect_ids (db, stmt, error);
}

GArray *
pd_meeting_list_in_year (PdDatabase  *db,
                         int          year,
                         GError     **error)
{
  g_autofree char *from = g_strdup_printf ("%04d", year);
  g_autofree char *to = g_strdup_printf ("%04d", year + 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  stmt = _pd_database_prepare (db,
                               "SELECT id FROM meetings WHERE starts_at >= ?1 AND starts_at < ?2 "
                               "ORDER BY starts_at, id;",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  return collect_ids (db, stmt, error);
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
  PdAgendaItemFields fields = {
    .kind = kind,
    .title = title,
    .referral_id = referral_id,
    .minutes = minutes,
  };

  return pd_agenda_add_item (tx, meeting_id, &fields, NULL, error);
}
