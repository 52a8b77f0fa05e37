/* pd-error-private.h: core-internal helpers of the error domain */
#pragma once

#include <sqlite3.h>

#include "pd-error.h"

G_BEGIN_DECLS

/* Sets @error from SQLite's result @rc; always returns FALSE so callers can
 * `return _pd_set_sqlite_error (...)`. @path names the file in the message. */
gboolean _pd_set_sqlite_error (GError     **error,
                               sqlite3     *db,
                               int          rc,
                               const char  *path);

G_END_DECLS
