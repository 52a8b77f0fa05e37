/* pd-database.h: one connection to a Panel Desk database file */
#pragma once

#include <gio/gio.h>

#include "pd-person.h"

G_BEGIN_DECLS

#define PD_TYPE_DATABASE (pd_database_get_type ())
G_DECLARE_FINAL_TYPE (PdDatabase, pd_database, PD, DATABASE, GObject)

typedef enum
{
  PD_OPEN_DEFAULT          = 0,
  PD_OPEN_CREATE           = 1 << 0, /* make a new database; refuses an existing non-empty file */
  PD_OPEN_READ_ONLY        = 1 << 1, /* never write, even where the file could be written */
  PD_OPEN_SKIP_QUICK_CHECK = 1 << 2, /* the caller runs pd_database_quick_check() itself, off the main thread */
} PdOpenFlags;

typedef struct _PdTransaction PdTransaction;

/* Does the work of one write transaction. Return FALSE with @error set to roll it back. */
typedef gboolean (*PdWriteFunc) (PdTransaction  *tx,
                                 gpointer        user_data,
                                 GError        **error);

PdDatabase  *pd_database_open                    (const char    *path,
                                                  PdOpenFlags    flags,
                                                  GError       **error);
const char  *pd_database_get_path                (PdDatabase    *self);
gboolean     pd_database_is_read_only            (PdDatabase    *self);
int          pd_database_get_schema_version      (PdDatabase    *self);
int          pd_database_get_latest_schema_version (void);
const char  *pd_database_get_client_id           (PdDatabase    *self);

/* Who is using it: the operating-system login mapped to a person row. */
const char  *pd_database_get_login_name          (PdDatabase    *self);
gint64       pd_database_get_user_id             (PdDatabase    *self);
const char  *pd_database_get_user_display_name   (PdDatabase    *self);
PdRole       pd_database_get_user_role           (PdDatabase    *self);
gboolean     pd_database_user_can_write          (PdDatabase    *self);

/* Runs one write in BEGIN IMMEDIATE, retrying with backoff while another user
 * holds the lock; records a ledger entry and the audit rows in the same
 * transaction. @out_ledger_seq receives the commit's ledger sequence number. */
gboolean     pd_database_write                   (PdDatabase    *self,
                                                  const char    *summary,
                                                  PdWriteFunc    func,
                                                  gpointer       user_data,
                                                  gint64        *out_ledger_seq,
                                                  GError       **error);

/* How long a write waits for another user's lock before PD_ERROR_LOCKED. */
void         pd_database_set_lock_timeout        (PdDatabase    *self,
                                                  guint          milliseconds);

/* PRAGMA quick_check on a connection of its own, so any thread may call it. */
gboolean     pd_database_quick_check             (PdDatabase    *self,
                                                  GCancellable  *cancellable,
                                                  GError       **error);

/* A setting of this database (e.g. "framework"), or @fallback. */
/* Something that changes whenever anyone changes the database (another
 * user, the sqlite3 shell): compare two to know whether to read again. */
char        *pd_database_dup_change_mark         (PdDatabase    *self,
                                                  GError       **error);
char        *pd_database_dup_setting             (PdDatabase    *self,
                                                  const char    *key,
                                                  const char    *fallback);

/* Within a write transaction. */
PdDatabase  *pd_transaction_get_database         (PdTransaction *tx);
gint64       pd_transaction_get_ledger_seq       (PdTransaction *tx);
/* Records one change; @before_json / @after_json are JSON objects or NULL. */
gboolean     pd_transaction_audit                (PdTransaction *tx,
                                                  const char    *entity,
                                                  gint64         entity_id,
                                                  const char    *action,
                                                  const char    *before_json,
                                                  const char    *after_json,
                                                  GError       **error);
/* The row @id of @table as a JSON object (for audit before/after), or NULL if absent. */
char        *pd_transaction_row_json             (PdTransaction *tx,
                                                  const char    *table,
                                                  gint64         id,
                                                  GError       **error);
gboolean     pd_transaction_set_setting          (PdTransaction *tx,
                                                  const char    *key,
                                                  const char    *value,
                                                  GError       **error);

G_END_DECLS
