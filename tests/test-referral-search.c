/* test-referral-search.c: finding referrals by what a panel member types */
#include <string.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-test-util.h"

typedef struct
{
  char         *dir;
  PdDatabase   *db;
  PdRecordList *list;
} Fixture;

static const PdReferralFields referrals[] = {
  { .pseudonym = "Child A", .child_name = "Jordan Smith", .date_received = "2026-01-05",
    .referrer_name = "Michael Okafor", .referrer_agency = "Children's social care",
    .narrative = "Found unresponsive at home; the réunion of agencies was late." },
  { .pseudonym = "Baby B", .date_received = "2026-02-10",
    .referrer_name = "DI Sarah Brennan", .referrer_agency = "Police",
    .narrative = "Bruising to the cheek seen in the emergency department." },
  { .pseudonym = "Young Person C", .date_received = "2026-03-15",
    .referrer_name = "Carol Davies", .referrer_agency = "Secondary school",
    .narrative = "Disclosure to the designated safeguarding lead. مرحبا 🙂" },
  { .pseudonym = "Child D", .date_received = "2025-12-01",
    .referrer_name = "Julia Lowe", .referrer_agency = "Health visiting service",
    .narrative = "Missed appointments; neglect suspected.", .framework = "wales" },
};

static gboolean
add_referrals (PdTransaction  *tx,
               gpointer        user_data,
               GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (referrals); i++)
    if (pd_referral_insert (tx, &referrals[i], NULL, error) == 0)
      return FALSE;
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("panel-desk-test-search-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "search.paneldesk", NULL);
  fixture->db = pd_database_open (path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pd_database_write (fixture->db, "Test referrals", add_referrals, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->list = pd_referral_search_new (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->list);
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The pseudonyms the search shows, in order, joined by "|". */
static char *
search (Fixture    *fixture,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  GListModel *model = G_LIST_MODEL (fixture->list);

  pd_referral_search_set_text (fixture->list, text, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PdReferral) referral = g_list_model_get_item (model, i);

      g_string_append_printf (shown, "%s%s", i > 0 ? "|" : "", pd_referral_get_pseudonym (referral));
    }
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

#define assert_search(fixture, text, expected) \
  G_STMT_START { \
    g_autofree char *shown_ = search ((fixture), (text)); \
    g_assert_cmpstr (shown_, ==, (expected)); \
  } G_STMT_END

static void
test_prefixes (Fixture       *fixture,
               gconstpointer  user_data)
{
  /* Blank: everything, newest received first. */
  assert_search (fixture, "", "Young Person C|Baby B|Child A|Child D");
  assert_search (fixture, "   ", "Young Person C|Baby B|Child A|Child D");

  /* One, two, three letters: the start of a word, anywhere it is indexed. */
  assert_search (fixture, "b", "Baby B");                    /* Baby, B, Brennan, Bruising */
  assert_search (fixture, "c", "Young Person C|Baby B|Child A|Child D");
  assert_search (fixture, "ba", "Baby B");
  assert_search (fixture, "bru", "Baby B");
  assert_search (fixture, "POL", "Baby B");                  /* any case */
  assert_search (fixture, "neglect", "Child D");
  assert_search (fixture, "child d", "Child D");             /* every word must match */
  assert_search (fixture, "reunion", "Child A");             /* diacritics folded */
  assert_search (fixture, "nothing-like-this", "");
}

static void
test_references (Fixture       *fixture,
                 gconstpointer  user_data)
{
  assert_search (fixture, "PRP-2026-002", "Baby B");
  assert_search (fixture, "2026-003", "Young Person C");
  assert_search (fixture, "PRP-2025", "Child D");
  assert_search (fixture, "prp-2026-00", "Young Person C|Baby B|Child A");
}

/* The child's real name is shown only in the form; it is not indexed. */
static void
test_real_name_not_indexed (Fixture       *fixture,
                            gconstpointer  user_data)
{
  assert_search (fixture, "Jordan", "");
  assert_search (fixture, "Smith", "");
}

static void
test_hostile_input (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const char *inputs[] = {
    "\"", "\"\"\"", "*", "child*", "(child", "child)", "NEAR(child baby)", "child AND", "OR",
    "NOT child", "-child", "col:child", "^child", "{pseudonym}: child", "'; DROP TABLE referrals; --",
    "🙂", "مرحبا", "שלום", "\xff\xfe invalid UTF-8",
  };
  g_autofree char *huge = g_strnfill (100 * 1024, 'x');
  g_autofree char *match = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *shown = search (fixture, inputs[i]);

      g_assert_nonnull (shown);
    }

  /* Words still count among the noise; a lone emoji is no word. */
  assert_search (fixture, "\"child", "Child A|Child D");
  assert_search (fixture, "🙂", "");
  assert_search (fixture, "مرحبا", "Young Person C");

  /* 100 KB of typing is cut short, not sent to SQLite. */
  assert_search (fixture, huge, "");
  match = pd_referral_search_to_match (huge);
  g_assert_cmpuint (strlen (match), <, 1024);

  /* The query never carries the user's syntax. */
  g_clear_pointer (&match, g_free);
  match = pd_referral_search_to_match ("NEAR(a b) OR \"c\"");
  g_assert_cmpstr (match, ==, "\"NEAR\"* AND \"a\"* AND \"b\"* AND \"OR\"* AND \"c\"*");
}

static gboolean
rename_and_delete (PdTransaction  *tx,
                   gpointer        user_data,
                   GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);

  return _pd_database_exec (db, "UPDATE referrals SET pseudonym = 'Sibling E' WHERE pseudonym = 'Child A';", error) &&
         _pd_database_exec (db, "DELETE FROM referrals WHERE pseudonym = 'Baby B';", error);
}

/* The index follows every change, whoever made it. */
static void
test_index_follows_changes (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  pd_database_write (fixture->db, "Rename and delete", rename_and_delete, NULL, NULL, &error);
  g_assert_no_error (error);

  assert_search (fixture, "sibling", "Sibling E");
  /* Sibling E is still found by "Children's social care". */
  assert_search (fixture, "child", "Sibling E|Child D");
  assert_search (fixture, "baby", "");
  assert_search (fixture, "bru", "");
}

static gboolean
set_statuses (PdTransaction  *tx,
              gpointer        user_data,
              GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);

  return _pd_database_exec (db, "UPDATE referrals SET status = 'closed', next_deadline = NULL "
                                "WHERE pseudonym = 'Child A';", error) &&
         _pd_database_exec (db, "UPDATE referrals SET status = 'on_agenda', next_deadline = '2020-01-01' "
                                "WHERE pseudonym = 'Baby B';", error) &&
         _pd_database_exec (db, "UPDATE referrals SET next_deadline = '2999-01-01' "
                                "WHERE pseudonym = 'Young Person C';", error) &&
         _pd_database_exec (db, "UPDATE referrals SET status = 'decision_made', next_deadline = '2020-01-01' "
                                "WHERE pseudonym = 'Child D';", error);
}

static void
set_filter (Fixture    *fixture,
            const char *filter)
{
  g_autoptr(GError) error = NULL;

  pd_referral_search_set_filter (fixture->list, filter, &error);
  g_assert_no_error (error);
}

/* Open, overdue or one status, with or without search words; a decided
 * referral is never overdue, whatever its old deadline. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  pd_database_write (fixture->db, "Statuses", set_statuses, NULL, NULL, &error);
  g_assert_no_error (error);

  set_filter (fixture, "open");
  assert_search (fixture, "", "Young Person C|Baby B");
  set_filter (fixture, "overdue");
  assert_search (fixture, "", "Baby B");
  assert_search (fixture, "bru", "Baby B");
  assert_search (fixture, "neglect", "");
  set_filter (fixture, "closed");
  assert_search (fixture, "", "Child A");
  set_filter (fixture, "open");
  assert_search (fixture, "child", "");
  /* One framework's referrals: the database's default, or Wales. */
  set_filter (fixture, "wales");
  assert_search (fixture, "", "Child D");
  set_filter (fixture, "england-2018");
  assert_search (fixture, "", "Young Person C|Baby B|Child A");
  assert_search (fixture, "police", "Baby B");
  set_filter (fixture, NULL);
  assert_search (fixture, "", "Young Person C|Baby B|Child A|Child D");
}

static void
set_sort (Fixture    *fixture,
          const char *key)
{
  g_autoptr(GError) error = NULL;

  pd_referral_search_set_sort (fixture->list, key, &error);
  g_assert_no_error (error);
}

/* Every order the list offers, search matches included; an unknown one is
 * refused and the list stays as it was. */
static void
test_sorts (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  pd_database_write (fixture->db, "Statuses", set_statuses, NULL, NULL, &error);
  g_assert_no_error (error);

  set_sort (fixture, "oldest");
  assert_search (fixture, "", "Child D|Child A|Baby B|Young Person C");
  set_sort (fixture, "reference");
  assert_search (fixture, "", "Child D|Child A|Baby B|Young Person C");   /* PRP-2025-001 first */
  set_sort (fixture, "pseudonym");
  assert_search (fixture, "", "Baby B|Child A|Child D|Young Person C");
  set_sort (fixture, "status");
  assert_search (fixture, "", "Young Person C|Baby B|Child D|Child A");
  set_sort (fixture, "next_deadline");
  assert_search (fixture, "", "Baby B|Child D|Young Person C|Child A");
  set_sort (fixture, "referrer_agency");
  assert_search (fixture, "", "Child A|Child D|Baby B|Young Person C");
  assert_search (fixture, "child", "Child A|Child D");
  set_sort (fixture, "newest");
  assert_search (fixture, "", "Young Person C|Baby B|Child A|Child D");

  g_assert_false (pd_referral_search_set_sort (fixture->list, "colour; DROP TABLE referrals", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  assert_search (fixture, "", "Young Person C|Baby B|Child A|Child D");
}

typedef struct
{
  guint    calls;
  guint    position[4];
  guint    removed[4];
  guint    added[4];
  guint    n_items[4];
  gboolean replacing[4];
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  if (changes->calls < G_N_ELEMENTS (changes->removed))
    {
      changes->position[changes->calls] = position;
      changes->removed[changes->calls] = removed;
      changes->added[changes->calls] = added;
      changes->n_items[changes->calls] = g_list_model_get_n_items (model);
      changes->replacing[changes->calls] = pd_record_list_is_replacing (PD_RECORD_LIST (model));
    }
  changes->calls++;
}

/* The matches come after the rows shown, then those go: GTK 4.8 then
 * binds the row widgets it has to the matches instead of freeing and
 * building them all, and never handles one combined change over 100,000
 * rows (far slower). */
static void
test_add_then_remove (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  pd_referral_search_set_text (fixture->list, "child", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.position[0], ==, 4);
  g_assert_cmpuint (changes.removed[0], ==, 0);
  g_assert_cmpuint (changes.added[0], ==, 2);
  g_assert_cmpuint (changes.n_items[0], ==, 6);
  g_assert_true (changes.replacing[0]);
  g_assert_cmpuint (changes.position[1], ==, 0);
  g_assert_cmpuint (changes.removed[1], ==, 4);
  g_assert_cmpuint (changes.added[1], ==, 0);
  g_assert_cmpuint (changes.n_items[1], ==, 2);
  g_assert_true (changes.replacing[1]);
  g_assert_false (pd_record_list_is_replacing (fixture->list));

  /* Nothing shown before, or nothing left: one change. */
  changes = (Changes) { 0 };
  pd_referral_search_set_text (fixture->list, "nothing-like-this", &error);
  g_assert_no_error (error);
  pd_referral_search_set_text (fixture->list, "child", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.removed[0], ==, 2);
  g_assert_cmpuint (changes.added[0], ==, 0);
  g_assert_false (changes.replacing[0]);
  g_assert_cmpuint (changes.removed[1], ==, 0);
  g_assert_cmpuint (changes.added[1], ==, 2);
  g_signal_handlers_disconnect_by_data (fixture->list, &changes);
}

/* A record a row still shows stays the same object through searches (GTK
 * binds a row again for another object); reloading reads it afresh. */
static void
test_same_record_object (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdReferral) shown = g_list_model_get_item (model, 0);
  g_autoptr(PdReferral) again = NULL;
  g_autoptr(PdReferral) reloaded = NULL;

  pd_referral_search_set_text (fixture->list, "child", &error);
  g_assert_no_error (error);
  pd_referral_search_set_text (fixture->list, "", &error);
  g_assert_no_error (error);
  again = g_list_model_get_item (model, 0);
  g_assert_true (again == shown);

  pd_record_list_reload (fixture->list, &error);
  g_assert_no_error (error);
  reloaded = g_list_model_get_item (model, 0);
  g_assert_true (reloaded != shown);
  g_assert_cmpint (pd_referral_get_id (reloaded), ==, pd_referral_get_id (shown));
}

static void
test_shell_sql (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *sql = pd_referral_search_dup_sql ("it's");
  g_autofree char *all = pd_referral_search_dup_sql ("");

  /* Quoted for SQL, so the shell runs exactly the app's query. */
  g_assert_nonnull (strstr (sql, "MATCH '\"it\"* AND \"s\"*'"));
  g_assert_true (g_str_has_prefix (all, "SELECT id FROM referrals ORDER BY"));
}

/* Another program changes a referral: a refresh loads the record again in
 * its place (a small change at its position, not the whole list). */
static guint n_changes;
static guint last_removed, last_added;

static void
on_refresh_changed (GListModel *model, guint position, guint removed, guint added, gpointer data)
{
  n_changes++;
  last_removed = removed;
  last_added = added;
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdReferral) before = NULL;
  g_autoptr(PdReferral) after = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "search.paneldesk", NULL);
  GListModel *model = G_LIST_MODEL (fixture->list);
  sqlite3 *other = NULL;
  guint n = g_list_model_get_n_items (model);

  before = g_list_model_get_item (model, 0);   /* handed out: as if on screen */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "UPDATE referrals SET referrer_agency = 'Changed elsewhere' "
                                        "WHERE pseudonym = 'Young Person C';", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_refresh_changed), NULL);
  n_changes = 0;
  g_assert_true (pd_referral_search_refresh (fixture->list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (last_removed, ==, 1);
  g_assert_cmpuint (last_added, ==, 1);
  after = g_list_model_get_item (model, 0);
  g_assert_true (after != before);
  g_assert_cmpstr (pd_referral_get_referrer_agency (after), ==, "Changed elsewhere");
  g_signal_handlers_disconnect_by_func (model, on_refresh_changed, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/referral-search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("prefixes", test_prefixes);
  ADD ("references", test_references);
  ADD ("real-name-not-indexed", test_real_name_not_indexed);
  ADD ("hostile-input", test_hostile_input);
  ADD ("index-follows-changes", test_index_follows_changes);
  ADD ("add-then-remove", test_add_then_remove);
  ADD ("same-record-object", test_same_record_object);
  ADD ("shell-sql", test_shell_sql);
  ADD ("filters", test_filters);
  ADD ("refresh", test_refresh);
  ADD ("sorts", test_sorts);

#undef ADD

  return g_test_run ();
}
