/* pd-referral-search.h: finding referrals as a panel member types */
#pragma once

#include "pd-database.h"
#include "pd-record-list.h"

G_BEGIN_DECLS

/* All referrals, newest received first, ready to be searched. */
PdRecordList *pd_referral_search_new         (PdDatabase   *db);

/* Shows the referrals matching @text, newest received first (all of them
 * when it is blank): each word, as typed, is the
 * start of a word of the reference, the pseudonym, the referrer, the
 * agency or the narrative. */
gboolean      pd_referral_search_set_text    (PdRecordList *list,
                                              const char   *text,
                                              GError      **error);

/* Shows only the referrals of @filter, with the search text applied:
 * NULL for all, "open" (no decision yet), "overdue" (open, the next
 * deadline passed), a status such as "on_agenda" or a framework such as
 * "wales". */
gboolean      pd_referral_search_set_filter  (PdRecordList *list,
                                              const char   *filter,
                                              GError      **error);

/* Sorts the list, search matches too: "newest" received first (the
 * default), "oldest", "reference", "pseudonym", "status" (in the order of
 * the workflow), "next_deadline" (soonest first, none last) or
 * "referrer_agency". */
gboolean      pd_referral_search_set_sort    (PdRecordList *list,
                                              const char   *key,
                                              GError      **error);

/* Reads the list again after someone else changed the database, keeping
 * the rows in place when the same referrals are shown (see
 * pd_record_list_refresh()). */
gboolean      pd_referral_search_refresh     (PdRecordList *list,
                                              GError      **error);

/* The FTS5 query for @text: every word quoted and made a prefix, joined
 * by AND; never the user's text itself. NULL when @text has no words. */
char         *pd_referral_search_to_match    (const char   *text);

/* One SQL query giving what the list shows for @text, the FTS5 query
 * written in, for the sqlite3 shell (the benchmark's reference). */
char         *pd_referral_search_dup_sql     (const char   *text);

G_END_DECLS
