/* pd-migrations-private.h: schema migrations kept as numbered .sql files in a GResource */
#pragma once

#include "pd-database.h"

G_BEGIN_DECLS

/* Applies every migration newer than *@version, each in its own transaction
 * with its ledger and audit rows; *@version follows each success. */
gboolean _pd_migrations_apply (PdDatabase  *db,
                               int         *version,
                               GError     **error);

G_END_DECLS
