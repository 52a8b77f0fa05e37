/* pd-migrations-private.h: schema migrations kept as numbered .sql files in a GResource */
#pragma once

#include "pd-database.h"

G_BEGIN_DECLS

/* Applies every migration newer than *@version, each in its own transaction
 * with its ledger and audit rows; *@version follows each success. */
gboolean _pd_migrations_apply (PdDatabase  *db,
                               int         *version,
                               GError     **error);

/* For tests only: a migration applied as if it were a resource "NNNN-*.sql"
 * shipped after the real ones; @number must be above the shipped migrations.
 * The latest schema version follows. Clearing removes every added one.
 * Call while no database is being opened. */
void     _pd_migrations_add_for_testing   (int          number,
                                           const char  *sql);
void     _pd_migrations_clear_for_testing (void);

G_END_DECLS
