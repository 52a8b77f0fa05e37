/* pd-database-private.h: what the core's stores need of a connection */
#pragma once

#include <sqlite3.h>

#include "pd-database.h"
#include "pd-error-private.h"

G_BEGIN_DECLS

/* The application_id in the SQLite header: "PDK1". */
#define PD_APPLICATION_ID 0x50444B31

/* Shared by pd-database.c (opening, settings) and pd-transaction.c (writing). */
struct _PdDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *client_id;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt*, reused */

  char       *login_name;
  char       *user_display_name;
  gint64      user_id;
  PdRole      user_role;

  int         schema_version;
  guint       lock_timeout_ms;
  gboolean    read_only;
  char       *receipts_dir; /* this client's receipts of its commits, or NULL */
  gboolean    reopen_for_writes; /* not on a local disk: no cache is trusted */
};

struct _PdTransaction
{
  PdDatabase *db;
  gint64      ledger_seq;
  guint       n_audit_rows;
  char       *token;        /* the ledger entry's, for the receipt */
  char       *at;
  struct _PdWriteLock *lock; /* renewed as the write goes on */
};

/* How long SQLite itself waits for a lock inside one try of a write. */
#define PD_BUSY_TIMEOUT_MS 2000

sqlite3      *_pd_database_get_handle   (PdDatabase  *self);

/* Opens the file afresh (a new connection with the same settings), so
 * nothing read before comes from a cache another machine cannot see;
 * keeps the old connection and fails when the file cannot be opened. */
/* Opens the database without the lock file (pd-database-share.c takes it
 * around this on a share). */
PdDatabase   *_pd_database_open_unlocked (const char   *path,
                                          PdOpenFlags   flags,
                                          GError      **error);
/* Makes a share's client fetch the file's real size and times (the lock
 * file must be held). */
void          _pd_database_refresh_file_attributes (const char *path);
gboolean      _pd_database_reopen       (PdDatabase  *self,
                                         gboolean     writable,
                                         GError     **error);

/* A prepared statement kept for the connection's lifetime, reset and with its
 * bindings cleared. Only one caller may use a given SQL text at a time. */
sqlite3_stmt *_pd_database_prepare      (PdDatabase  *self,
                                         const char  *sql,
                                         GError     **error);

/* Executes statements without results. */
gboolean      _pd_database_exec         (PdDatabase  *self,
                                         const char  *sql,
                                         GError     **error);

/* Sets @error for a failed sqlite3 call on this connection; returns FALSE. */
gboolean      _pd_database_fail         (PdDatabase  *self,
                                         int          rc,
                                         GError     **error);

/* Looks the login up in the people (making the first opener of a new
 * database its administrator); pd-database-user.c. */
gboolean _pd_database_ensure_first_person (PdDatabase  *self,
                                           GError     **error);
/* Ensures the user may write, else PD_ERROR_READ_ONLY / PD_ERROR_PERMISSION. */
gboolean      _pd_database_check_writable (PdDatabase *self,
                                           GError    **error);

/* "2026-11-22T10:42:00Z" for now, in UTC. */
char         *_pd_now_iso8601           (void);

/* Binds a UTF-8 string, or NULL when @text is NULL. */
void          _pd_bind_text             (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);
/* TRUE for NULL, "" or only white space. */
gboolean      _pd_is_blank              (const char   *text);

/* The receipt of a commit (pd-ledger-receipts.c): what it was, described
 * inside the transaction, and kept once it has committed. */
char         *_pd_ledger_receipts_describe (PdTransaction *tx,
                                            const char    *summary);
void          _pd_ledger_receipts_record   (PdDatabase    *self,
                                            const char    *token,
                                            const char    *at,
                                            const char    *what);

/* Every referral's id, oldest reference first: what an export goes through. */
GArray       *_pd_referral_export_ids   (PdDatabase   *db,
                                         GError      **error);

/* One row of @table (a name from the core's code) as a JSON object. */
char         *_pd_database_row_json     (PdDatabase   *self,
                                         const char   *table,
                                         gint64        id,
                                         GError      **error);

/* A column's text copied, or NULL. */
char         *_pd_column_dup            (sqlite3_stmt *stmt,
                                         int           index);

G_END_DECLS
