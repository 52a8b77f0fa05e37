/* pd-referral-search.c: finding referrals as a panel member types
 *
 * The search works out the ids, newest received first, and hands them to
 * the referrals' PdRecordList: the rows already loaded stay loaded, and the
 * list changes by one addition and one removal, which GTK 4.8 handles fast. The words
 * go to FTS5 (migration 0002) as quoted prefix terms, so nothing typed
 * is ever read as FTS5 syntax.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "pd-criteria.h"
#include "pd-database-private.h"
#include "pd-referral.h"
#include "pd-referral-search.h"

/* Beyond this, more typing only narrows what is already narrow. */
#define MAX_TEXT_CHARS 256
#define MAX_TERMS      16

/* Statuses after which no clock runs. */
#define SETTLED "('decision_made', 'review_commissioned', 'no_review', 'closed')"
/* ?1 the filter (NULL for none, "open", "overdue", a status or a
 * framework), ?2 today. */
#define FILTERED_SQL \
  "SELECT id FROM referrals WHERE ?1 IS NULL " \
  "   OR (?1 = 'open' AND status NOT IN " SETTLED ") " \
  "   OR (?1 = 'overdue' AND status NOT IN " SETTLED " AND next_deadline < ?2) " \
  "   OR status = ?1 OR framework = ?1 "

/* The orders the list can be sorted in; the SQL is ours, never the caller's. */
static const struct
{
  const char *key;
  const char *order_by;
} sorts[] = {
  { "newest",          "date_received DESC, id DESC" },
  { "oldest",          "date_received, id" },
  { "reference",       "year, sequence" },
  { "pseudonym",       "pseudonym COLLATE NOCASE, id" },
  { "status",          "CASE status WHEN 'received' THEN 1 WHEN 'information_requested' THEN 2 "
                       "WHEN 'on_agenda' THEN 3 WHEN 'recommendation_made' THEN 4 "
                       "WHEN 'decision_made' THEN 5 WHEN 'review_commissioned' THEN 6 "
                       "WHEN 'no_review' THEN 7 ELSE 8 END, date_received DESC, id DESC" },
  { "next_deadline",   "next_deadline IS NULL, next_deadline, id" },
  { "referrer_agency", "referrer_agency COLLATE NOCASE, date_received DESC, id DESC" },
};
#define ALL_SQL \
  "SELECT id FROM referrals ORDER BY date_received DESC, id DESC;"
#define MATCH_SQL \
  "SELECT rowid FROM referrals_fts WHERE referrals_fts MATCH ?1;"
#define NOTHING_SQL \
  "SELECT id FROM referrals WHERE 0;"
#define LEDGER_HEAD_SQL \
  "SELECT coalesce(max(seq), 0) FROM ledger;"

/* What a search list remembers between keystrokes: every referral's id in
 * the list's order (newest received first), valid while the ledger head is
 * the same, i.e. until the next write by anyone. Sorting what a one-letter
 * search matches (most of 100,000 rows) by date in SQL took 130 ms;
 * marking the matches in a bitmap and walking this array takes a few. */
typedef struct
{
  GArray *all_ids;      /* gint64, the filter's referrals */
  gint64  ledger_head;
  char   *filter;       /* NULL, "open", "overdue" or a status */
  char   *today;        /* the day "overdue" was worked out for */
  char   *text;         /* what was last searched for */
  guint   sort;         /* an index of sorts[] */
  gboolean refreshing;   /* pd_referral_search_refresh(): the ids are put in place */
  gboolean stale;       /* the filter changed since all_ids was read */
} SearchState;

#define STATE_KEY "pd-referral-search-state"

static void
search_state_free (gpointer data)
{
  SearchState *state = data;

  g_clear_pointer (&state->all_ids, g_array_unref);
  g_free (state->filter);
  g_free (state->today);
  g_free (state->text);
  g_free (state);
}

static gboolean
query_ids (PdDatabase   *db,
           const char   *sql,
           const char   *param,
           const char   *param2,
           GArray       *into,
           gint64       *max_id,
           GError      **error)
{
  sqlite3_stmt *stmt = _pd_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_clear_bindings (stmt);
  /* Bound even when NULL: a statement reused keeps its last bindings. */
  _pd_bind_text (stmt, 1, param);
  if (param2 != NULL)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (into, id);
      if (max_id != NULL && id > *max_id)
        *max_id = id;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);
  return TRUE;
}

static gboolean
ledger_head (PdDatabase  *db,
             gint64      *head,
             GError     **error)
{
  sqlite3_stmt *stmt = _pd_database_prepare (db, LEDGER_HEAD_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *head = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _pd_database_fail (db, rc, error);
  return TRUE;
}

static SearchState *
get_state (PdRecordList *list)
{
  SearchState *state = g_object_get_data (G_OBJECT (list), STATE_KEY);

  if (state == NULL)
    {
      state = g_new0 (SearchState, 1);
      g_object_set_data_full (G_OBJECT (list), STATE_KEY, state, search_state_free);
    }
  return state;
}

static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The filter's referrals in the list's order, read again after any write,
 * a change of filter or order, or midnight. */
static GArray *
all_ids (PdRecordList  *list,
         GError       **error)
{
  PdDatabase *db = pd_record_list_get_database (list);
  SearchState *state = get_state (list);
  g_autofree char *today = today_text ();
  gint64 head;

  if (!ledger_head (db, &head, error))
    return NULL;
  if (state->all_ids == NULL || state->stale || state->ledger_head != head ||
      g_strcmp0 (state->today, today) != 0)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_autofree char *sql = g_strdup_printf ("%s ORDER BY %s;", FILTERED_SQL, sorts[state->sort].order_by);

      if (!query_ids (db, sql, state->filter, today, ids, NULL, error))
        return NULL;
      g_clear_pointer (&state->all_ids, g_array_unref);
      state->all_ids = g_steal_pointer (&ids);
      state->ledger_head = head;
      state->stale = FALSE;
      g_free (state->today);
      state->today = g_steal_pointer (&today);
    }
  return state->all_ids;
}

static void
put_ids (PdRecordList *list,
         GArray       *ids)
{
  if (get_state (list)->refreshing)
    pd_record_list_refresh_ids (list, ids);
  else
    pd_record_list_set_ids (list, ids);
}

static gboolean
show_matches (PdRecordList  *list,
              const char    *match,
              GError       **error)
{
  PdDatabase *db = pd_record_list_get_database (list);
  g_autoptr(GArray) matched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) shown = NULL;
  g_autofree guint8 *bits = NULL;
  GArray *all;
  gint64 max_id = 0;

  if (!query_ids (db, MATCH_SQL, match, NULL, matched, &max_id, error))
    return FALSE;
  all = all_ids (list, error);
  if (all == NULL)
    return FALSE;

  bits = g_malloc0 (max_id / 8 + 1);
  for (guint i = 0; i < matched->len; i++)
    {
      gint64 id = g_array_index (matched, gint64, i);

      if (id > 0)
        bits[id / 8] |= 1 << (id % 8);
    }

  shown = g_array_sized_new (FALSE, FALSE, sizeof (gint64), matched->len);
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);

      if (id > 0 && id <= max_id && (bits[id / 8] & (1 << (id % 8))))
        g_array_append_val (shown, id);
    }
  put_ids (list, shown);
  return TRUE;
}

char *
pd_referral_search_to_match (const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) term = g_string_new (NULL);
  g_autofree char *valid = NULL;
  guint n_terms = 0;
  glong n_chars = 0;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);

  /* Letters and digits make words; everything else (quotes, stars,
   * brackets, hyphens, emoji) only separates them. */
  for (const char *p = valid; n_terms < MAX_TERMS; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' && n_chars < MAX_TEXT_CHARS ? g_utf8_get_char (p) : 0;

      n_chars++;
      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (term, c);
          continue;
        }
      if (term->len > 0)
        {
          g_string_append_printf (match, "%s\"%s\"*", n_terms > 0 ? " AND " : "", term->str);
          g_string_truncate (term, 0);
          n_terms++;
        }
      if (c == 0)
        break;
    }

  if (n_terms == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

PdRecordList *
pd_referral_search_new (PdDatabase *db)
{
  return pd_referral_list_new (db);
}

static gboolean
apply (PdRecordList  *list,
       GError       **error)
{
  SearchState *state = get_state (list);
  g_autofree char *match = NULL;

  if (is_blank (state->text))
    {
      GArray *all = all_ids (list, error);

      if (all == NULL)
        return FALSE;
      put_ids (list, all);
      return TRUE;
    }

  /* Typed, but no word in it (only punctuation or emoji): nothing matches. */
  match = pd_referral_search_to_match (state->text);
  if (match == NULL)
    return pd_record_list_set_query (list, NOTHING_SQL, NULL, error);

  return show_matches (list, match, error);
}

gboolean
pd_referral_search_set_text (PdRecordList  *list,
                             const char    *text,
                             GError       **error)
{
  SearchState *state;

  g_return_val_if_fail (PD_IS_RECORD_LIST (list), FALSE);

  state = get_state (list);
  g_free (state->text);
  state->text = g_strdup (text);
  return apply (list, error);
}

gboolean
pd_referral_search_set_filter (PdRecordList  *list,
                               const char    *filter,
                               GError       **error)
{
  SearchState *state;
  PdFramework framework;

  g_return_val_if_fail (PD_IS_RECORD_LIST (list), FALSE);
  g_return_val_if_fail (filter == NULL || g_str_equal (filter, "open") ||
                        g_str_equal (filter, "overdue") || pd_referral_status_is_valid (filter) ||
                        pd_framework_from_string (filter, &framework), FALSE);

  state = get_state (list);
  g_free (state->filter);
  state->filter = g_strdup (filter);
  state->stale = TRUE;
  return apply (list, error);
}

gboolean
pd_referral_search_set_sort (PdRecordList  *list,
                             const char    *key,
                             GError       **error)
{
  SearchState *state;

  g_return_val_if_fail (PD_IS_RECORD_LIST (list), FALSE);

  state = get_state (list);
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (g_strcmp0 (sorts[i].key, key) == 0)
      {
        state->sort = i;
        state->stale = TRUE;
        return apply (list, error);
      }

  g_set_error (error, PD_ERROR, PD_ERROR_INVALID, "No such order of referrals: %s", key);
  return FALSE;
}

char *
pd_referral_search_dup_sql (const char *text)
{
  g_autofree char *match = pd_referral_search_to_match (text);
  char *quoted;
  char *sql;

  if (match == NULL)
    return g_strdup (is_blank (text) ? ALL_SQL : NOTHING_SQL);

  quoted = sqlite3_mprintf ("%Q", match);
  sql = g_strdup_printf ("SELECT id FROM referrals WHERE id IN "
                         "(SELECT rowid FROM referrals_fts WHERE referrals_fts MATCH %s) "
                         "ORDER BY date_received DESC, id DESC;", quoted);
  sqlite3_free (quoted);
  return sql;
}

gboolean
pd_referral_search_refresh (PdRecordList  *list,
                            GError       **error)
{
  SearchState *state;
  gboolean ok;

  g_return_val_if_fail (PD_IS_RECORD_LIST (list), FALSE);

  /* Read again even when no ledger entry says so: a change made outside
   * Panel Desk (the sqlite3 shell) leaves none. */
  state = get_state (list);
  state->stale = TRUE;
  state->refreshing = TRUE;
  ok = apply (list, error);
  state->refreshing = FALSE;
  return ok;
}
