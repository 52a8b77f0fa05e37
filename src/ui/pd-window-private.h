/* pd-window-private.h: what pd-window.c takes from pd-window-watch.c */
#pragma once

#include "pd-core.h"

G_BEGIN_DECLS

/* The banner's news, most serious first; NULL when there is none. */
char *_pd_window_describe_missing_commits    (PdDatabase  *db);
char *_pd_window_describe_altered_signatures (PdDatabase  *db);
/* "Also here: Jane Smith"; NULL when no one else has the database open. */
char *_pd_window_describe_presence           (PdDatabase  *db,
                                              char       **out_details);

G_END_DECLS
