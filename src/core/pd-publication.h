/* pd-publication.h: the publication register of reports */
#pragma once

#include <glib.h>

#include "pd-database.h"

G_BEGIN_DECLS

/* How long a published report stays on the board's website, at least. */
#define PD_PUBLICATION_WINDOW_MONTHS 12

typedef struct
{
  gint64  document_id;
  char   *status;          /* "not_published", "published", ... */
  char   *published_on;    /* "YYYY-MM-DD" or "" */
  char   *website_until;   /* "YYYY-MM-DD" or "": the end of the website window */
  char   *note;
  char   *updated_at;      /* "" when never recorded */
} PdPublication;

void         pd_publication_free             (PdPublication *publication);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPublication, pd_publication_free)

/* The statuses, in the order a chooser shows them, ending with NULL. */
const char *const *pd_publication_statuses   (void);
const char  *pd_publication_status_to_label  (const char    *status);
gboolean     pd_publication_status_is_valid  (const char    *status);
/* Whether documents of @kind are published (overview reports, executive
 * summaries, board responses, learning bulletins). */
gboolean     pd_publication_kind_is_published (const char   *kind);

/* "YYYY-MM-DD" twelve months after @published_on, or NULL if it is not a date. */
char        *pd_publication_window_end       (const char    *published_on);

/* The register entry of a report; "not_published" with empty dates when
 * nothing was recorded yet. PD_ERROR_INVALID for a kind not published. */
PdPublication *pd_publication_load           (PdDatabase    *db,
                                              gint64         document_id,
                                              GError       **error);
/* Records @status and dates (audited). A published, taken down or on-request
 * report needs its publication date; an empty @website_until becomes the
 * end of the twelve-month window, and an earlier one is refused unless the
 * report was taken down. */
gboolean     pd_publication_save             (PdDatabase    *db,
                                              gint64         document_id,
                                              const char    *status,
                                              const char    *published_on,
                                              const char    *website_until,
                                              const char    *note,
                                              GError       **error);

G_END_DECLS
