/* pd-fulltext.h: the text of every attached PDF, extracted page by page
 * into an FTS5 index, and searching it */
#pragma once

#include <gio/gio.h>

#include "pd-database.h"

G_BEGIN_DECLS

/* Marks around the matched words in a hit's snippet. */
#define PD_FULLTEXT_MATCH_START "\x02"
#define PD_FULLTEXT_MATCH_END   "\x03"

typedef struct
{
  gint64  document_id;
  int     page_index;     /* 0-based */
  char   *title;
  char   *kind;
  char   *snippet;        /* words around the match, marked as above */
} PdFulltextHit;

void        pd_fulltext_hit_free          (PdFulltextHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdFulltextHit, pd_fulltext_hit_free)

/* The FTS5 query for what someone typed: every word must appear, "quoted
 * words" as a phrase, the last word also as a prefix. NULL when @text has
 * no word. */
char       *pd_fulltext_query_from_text   (const char    *text);

/* The pages matching @text, best first, at most @limit (PdFulltextHit). */
GPtrArray  *pd_fulltext_search            (PdDatabase    *db,
                                           const char    *text,
                                           guint          limit,
                                           GError       **error);

/* The snippet as Pango markup with the matches in bold, or as plain text. */
char       *pd_fulltext_snippet_to_markup (const char    *snippet);
char       *pd_fulltext_snippet_to_plain  (const char    *snippet);

/* How far extraction has got, over all PDFs. */
gboolean    pd_fulltext_get_progress      (PdDatabase    *db,
                                           gint64        *out_pages_done,
                                           gint64        *out_pages_total,
                                           guint         *out_documents_pending,
                                           GError       **error);

typedef void (*PdFulltextProgressFunc) (gint64    pages_done,
                                        gint64    pages_total,
                                        gpointer  user_data);

/* Extracts the text of every PDF still waiting, on a connection of its
 * own to the database at @database_path (so it may run in a worker
 * thread), committing a few pages at a time through pd_database_write():
 * cancelled or interrupted, it resumes from the last page committed. A
 * file that is missing, altered or unreadable is marked as failed and
 * skipped. @progress is called in this thread after each batch. */
gboolean    pd_fulltext_extract           (const char             *database_path,
                                           PdFulltextProgressFunc  progress,
                                           gpointer                user_data,
                                           GCancellable           *cancellable,
                                           GError                **error);

G_END_DECLS
