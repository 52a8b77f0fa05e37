/* pd-write-lock.h: the lock file beside a database, for writers on a share
 *
 * SQLite's own locks are byte-range locks that a network share or a FUSE
 * mount may not carry between machines: two writers then both think they
 * hold the lock. So every write transaction first creates a lock file
 * beside the database, atomically (O_CREAT | O_EXCL, which shares do
 * carry), holding who, where, which process and since when, and removes it
 * after the commit. A lock whose holder is a dead process on this machine,
 * or that is older than any write takes, is stale and may be broken; the
 * breaking is recorded in the audit log by the write that breaks it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A write that held the lock longer than this died holding it. */
#define PD_WRITE_LOCK_STALE_SECONDS 120
/* A lock of a process that no longer runs (on this machine) is stale once
 * it is this old: younger, a share's cache may be showing a lock file
 * that is already gone. */
#define PD_WRITE_LOCK_DEAD_HOLDER_SECONDS 3

typedef struct _PdWriteLock PdWriteLock;

/* Takes the lock of the database at @db_path, waiting with backoff until
 * @deadline (monotonic time) while someone else holds it; NULL with
 * PD_ERROR_LOCKED naming the holder when it is not free in time.
 * @out_broken (may be NULL) gets a description of a stale lock that was
 * broken to take it, or NULL. @on_share: the database is not on a local
 * disk, where names may be cached for a moment. */
PdWriteLock *pd_write_lock_acquire (const char  *db_path,
                                    const char  *login_name,
                                    gboolean     on_share,
                                    gint64       deadline,
                                    char       **out_broken,
                                    GError     **error);
/* A long write (an import of thousands of rows) says it is still alive:
 * the lock file's time is set again, at most every
 * PD_WRITE_LOCK_RENEW_SECONDS, so no one takes it for a dead writer's. */
#define PD_WRITE_LOCK_RENEW_SECONDS 20
void         pd_write_lock_renew   (PdWriteLock *lock);
/* Removes the lock file; the write is over. */
void         pd_write_lock_release (PdWriteLock *lock);

/* The lock file's path for @db_path: "panel.paneldesk.lock". */
char        *pd_write_lock_path    (const char  *db_path);

G_END_DECLS
