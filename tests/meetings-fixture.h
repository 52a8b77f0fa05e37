/* meetings-fixture.h: what test-meetings and test-agenda share: a database
 * with five people, four referrals and a meeting two weeks ahead */
#pragma once

#include <sqlite3.h>

#include "pd-core.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  char       *path;
  PdDatabase *db;
  sqlite3    *handle;     /* a second connection, to look at the rows */
  gint64      meeting_id;
  gint64      chair_id;
  gint64      police_id;
  gint64      health_id;
  gint64      education_id;
  gint64      social_care_id;
  gint64      referral_ids[4];
} Fixture;

void     fixture_set_up    (Fixture *fixture, gconstpointer user_data);
void     fixture_tear_down (Fixture *fixture, gconstpointer user_data);

/* One write with a closure, so a test reads top to bottom. */
typedef gboolean (*Step) (PdTransaction *tx, Fixture *fixture, gpointer data, GError **error);

gboolean run               (Fixture *fixture, Step step, gpointer data, GError **error);

/* A moment @days from now at @hour, in UTC ("2026-12-07T10:00:00Z"). */
char    *moment_in         (int days, int hour);
/* The agenda's titles in order, as "A|B|C"; asserts the numbering has no gaps. */
char    *agenda_titles     (Fixture *fixture);
gint64   item_id_at        (Fixture *fixture, int position);

typedef struct { gint64 item_id; int delta; int position; const char *reason; } Move;
typedef struct { gint64 person_id; const char *attendance; } Attend;

/* Steps: @data as each says. */
gboolean add_basic_agenda    (PdTransaction *tx, Fixture *fixture, gpointer data, GError **error); /* NULL: Apologies, Minutes, AOB */
gboolean move_step           (PdTransaction *tx, Fixture *fixture, gpointer data, GError **error); /* Move */
gboolean remove_step         (PdTransaction *tx, Fixture *fixture, gpointer data, GError **error); /* Move */
gboolean add_awaiting_step   (PdTransaction *tx, Fixture *fixture, gpointer data, GError **error); /* guint * */
gboolean publish_step        (PdTransaction *tx, Fixture *fixture, gpointer data, GError **error); /* status or NULL */
gboolean insert_meeting_step (PdTransaction *tx, Fixture *fixture, gpointer data, GError **error); /* PdMeetingFields */
gboolean attend_step         (PdTransaction *tx, Fixture *fixture, gpointer data, GError **error); /* Attend[] */

G_END_DECLS
