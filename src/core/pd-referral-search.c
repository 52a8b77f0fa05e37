/* pd-referral-search.c: finding referrals as a panel member types
 *
 * The search works out the ids, newest received first, and hands them to
 * the referrals' PdRecordList: the rows already loaded stay loaded, and the
 * list changes by one removal and one addition, which GTK 4.8 handles fast. The words
 * go to FTS5 (migration 0002) as quoted prefix terms, so nothing typed
 * is ever read as FTS5 syntax.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-referral.h"
#include "pd-referral-search.h"

/* Beyond this, more typing only narrows what is already narrow. */
#define MAX_TEXT_CHARS 256
#define MAX_TERMS      16

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
  GArray *all_ids;      /* gint64 */
  gint64  ledger_head;
} SearchState;

#define STATE_KEY "pd-referral-search-state"

static void
search_state_free (gpointer data)
{
  SearchState *state = data;

  g_clear_pointer (&state->all_ids, g_array_unref);
  g_free (state);
}

static gboolean
query_ids (PdDatabase   *db,
           const char   *sql,
           const char   *param,
           GArray       *into,
           gint64       *max_id,
           GError      **error)
{
  sqlite3_stmt *stmt = _pd_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
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

/* Every referral's id in the list's order, read again after any write. */
static GArray *
all_ids (PdRecordList  *list,
         GError       **error)
{
  PdDatabase *db = pd_record_list_get_database (list);
  SearchState *state = g_object_get_data (G_OBJECT (list), STATE_KEY);
  gint64 head;

  if (!ledger_head (db, &head, error))
    return NULL;
  if (state == NULL)
    {
      state = g_new0 (SearchState, 1);
      g_object_set_data_full (G_OBJECT (list), STATE_KEY, state, search_state_free);
    }
  if (state->all_ids == NULL || state->ledger_head != head)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!query_ids (db, ALL_SQL, NULL, ids, NULL, error))
        return NULL;
      g_clear_pointer (&state->all_ids, g_array_unref);
      state->all_ids = g_steal_pointer (&ids);
      state->ledger_head = head;
    }
  return state->all_ids;
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

  if (!query_ids (db, MATCH_SQL, match, matched, &max_id, error))
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
  pd_record_list_set_ids (list, shown);
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

gboolean
pd_referral_search_set_text (PdRecordList  *list,
                             const char    *text,
                             GError       **error)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (PD_IS_RECORD_LIST (list), FALSE);

  if (is_blank (text))
    {
      GArray *all = all_ids (list, error);

      if (all == NULL)
        return FALSE;
      pd_record_list_set_ids (list, all);
      return TRUE;
    }

  /* Typed, but no word in it (only punctuation or emoji): nothing matches. */
  match = pd_referral_search_to_match (text);
  if (match == NULL)
    return pd_record_list_set_query (list, NOTHING_SQL, NULL, error);

  return show_matches (list, match, error);
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
