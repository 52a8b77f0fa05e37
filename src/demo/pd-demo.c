/* pd-demo.c: a demonstration database full of made-up, anonymised cases
 *
 * Everything is written through the core's own calls, so the demo has the
 * same ledger and audit trail as a real database. Referrals go in batches
 * of a few thousand per transaction: one transaction for 100,000 rows would
 * hold the journal for too long, one per row would take minutes on a share.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-signing-private.h"
#include "pd-demo.h"
#include "pd-demo-private.h"
#include "pd-demo-meetings.h"
#include "pd-demo-papers.h"
#include "pd-demo-text.h"

#define BATCH_SIZE 5000
#define MEETING_EVERY_DAYS 28
#define ITEMS_PER_MEETING_MAX 12

/* A fixed "today", so the same number of referrals gives the same content. */
#define ANCHOR_YEAR  2026
#define ANCHOR_MONTH 11
#define ANCHOR_DAY   16


/* ----------------------------------------------------------- dates */

/* The day @days_before the anchor; negative for days after it. */
char *
_pd_demo_day_text (Demo *demo,
                   int   days_before)
{
  GDate date = demo->anchor;

  if (days_before >= 0)
    g_date_subtract_days (&date, days_before);
  else
    g_date_add_days (&date, -days_before);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

char *
_pd_demo_moment_text (Demo       *demo,
                      int         days_before,
                      const char *time)
{
  g_autofree char *day = _pd_demo_day_text (demo, days_before);

  return g_strdup_printf ("%sT%sZ", day, time);
}

/* Where in its life a referral received @age days ago has got to. */
static const char *
status_for_age (guint        age,
                const char  *outcome)
{
  if (age < 6)
    return "received";
  if (age < 20)
    return "information_requested";
  if (age < 34)
    return "on_agenda";
  if (age < 41)
    return "recommendation_made";
  if (g_strcmp0 (outcome, "deferred") == 0)
    return "information_requested";
  if (age < 60)
    return "decision_made";
  if (age > 540)
    return "closed";
  if (g_strcmp0 (outcome, "no_review") == 0)
    return "no_review";
  return "review_commissioned";
}

static const char *
pick_outcome (GRand *rand)
{
  int p = g_rand_int_range (rand, 0, 100);

  if (p < 15)
    return "scr";
  if (p < 28)
    return "silr";
  if (p < 46)
    return "practice_learning";
  if (p < 54)
    return "other_review";
  if (p < 94)
    return "no_review";
  return "deferred";
}

static gboolean
report (Demo        *demo,
        double       fraction,
        const char  *what,
        GError     **error)
{
  if (demo->progress != NULL)
    demo->progress (CLAMP (fraction, 0.0, 1.0), what, demo->progress_data);
  return !g_cancellable_set_error_if_cancelled (demo->cancellable, error);
}

/* ---------------------------------------------------------- people */

static gboolean
write_people (PdTransaction  *tx,
              gpointer        user_data,
              GError        **error)
{
  Demo *demo = user_data;
  const PdDemoPerson *people;
  guint n_people, i;

  people = pd_demo_text_people (&n_people);
  for (i = 0; i < n_people; i++)
    {
      gint64 id = pd_person_insert (tx, people[i].login_name, people[i].display_name,
                                    people[i].agency, people[i].role, error);
      if (id == 0)
        return FALSE;
      if (people[i].role == PD_ROLE_CHAIR && demo->chair_id == 0)
        {
          demo->chair_id = id;
          demo->chair_login = people[i].login_name;
        }
      else if (people[i].role == PD_ROLE_ADMINISTRATOR && demo->admin_id == 0)
        demo->admin_id = id;
      else if (people[i].role == PD_ROLE_MEMBER)
        g_array_append_val (demo->member_ids, id);
    }
  return pd_transaction_set_setting (tx, "board_name", "Northbridge Safeguarding Children Board", error);
}

/* ------------------------------------------------------- referrals */

/* Facts that lead the criteria check to about what the panel decided. */
static void
demo_facts (Demo            *demo,
            const char      *outcome,
            PdCriteriaFacts *facts)
{
  gboolean review = g_strcmp0 (outcome, "scr") == 0 || g_strcmp0 (outcome, "silr") == 0;
  gboolean died = g_rand_int_range (demo->rand, 0, 100) < 55;

  pd_criteria_facts_set (facts, PD_CRITERIA_FACT_IN_ENGLAND, PD_FACT_YES);
  pd_criteria_facts_set (facts, PD_CRITERIA_FACT_ABUSE_OR_NEGLECT,
                         review || g_rand_boolean (demo->rand) ? PD_FACT_YES : PD_FACT_NO);
  pd_criteria_facts_set (facts, died ? PD_CRITERIA_FACT_CHILD_DIED : PD_CRITERIA_FACT_SERIOUS_HARM, PD_FACT_YES);
  if (!died && g_rand_boolean (demo->rand))
    pd_criteria_facts_set (facts, PD_CRITERIA_FACT_CONCERN_AGENCIES, review ? PD_FACT_YES : PD_FACT_NO);
}

/* Two agencies asked for their information a couple of days after the
 * referral came in; older referrals have had their answers. */
static void
demo_agencies (Demo      *demo,
               guint      age,
               GPtrArray *agencies)
{
  if (age < 3)
    return;
  for (guint i = 0; i < 2; i++)
    {
      PdReferralAgency *agency = pd_referral_agency_new (pd_demo_text_agency (demo->rand), "");

      g_free (agency->requested_on);
      agency->requested_on = _pd_demo_day_text (demo, (int) age - 2);
      if (age > 16)
        {
          g_free (agency->received_on);
          agency->received_on = _pd_demo_day_text (demo, (int) age - 2 - g_rand_int_range (demo->rand, 4, 14));
        }
      g_ptr_array_add (agencies, agency);
    }
}

static gboolean
write_referral_batch (PdTransaction  *tx,
                      gpointer        user_data,
                      GError        **error)
{
  Demo *demo = user_data;
  guint end = MIN (demo->next + BATCH_SIZE, demo->n_referrals);
  guint i;

  for (i = demo->next; i < end; i++)
    {
      /* Spread evenly from the oldest (span_days ago) to the newest (today). */
      guint age = demo->n_referrals > 1
                ? (guint) ((guint64) demo->span_days * (demo->n_referrals - 1 - i) / (demo->n_referrals - 1))
                : 0;
      g_autofree char *pseudonym = pd_demo_text_pseudonym (i);
      g_autofree char *initials = pd_demo_text_initials (demo->rand);
      g_autofree char *referrer = pd_demo_text_referrer (demo->rand);
      g_autofree char *received = _pd_demo_day_text (demo, age);
      g_autofree char *incident = _pd_demo_day_text (demo, age + g_rand_int_range (demo->rand, 1, 15));
      g_autofree char *deadline = NULL;
      g_autofree char *narrative = NULL;
      const char *outcome = pick_outcome (demo->rand);
      const char *status = status_for_age (age, outcome);
      PdReferralFields fields = { 0 };
      PdCriteriaFacts facts = { 0 };
      g_autoptr(GPtrArray) agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_agency_free);
      gint64 id;

      narrative = pd_demo_text_narrative (demo->rand, pseudonym, NULL);
      demo_facts (demo, outcome, &facts);
      demo_agencies (demo, age, agencies);
      /* The next clock of an open referral: 15 working days, about three weeks. */
      if (age < 41)
        deadline = _pd_demo_day_text (demo, (int) age - 21);

      fields.pseudonym = pseudonym;
      fields.child_name = initials;
      fields.date_received = received;
      fields.date_of_incident = incident;
      fields.referrer_name = referrer;
      fields.referrer_agency = pd_demo_text_agency (demo->rand);
      fields.status = status;
      fields.framework = "england-2018";
      fields.next_deadline = deadline;
      fields.narrative = narrative;
      fields.facts = &facts;
      fields.agencies = agencies;

      id = pd_referral_insert (tx, &fields, NULL, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (demo->referral_ids, id);
      g_array_append_val (demo->referral_days, age);
      g_ptr_array_add (demo->pseudonyms, g_steal_pointer (&pseudonym));
      g_ptr_array_add (demo->outcomes, (gpointer) outcome);
    }
  return TRUE;
}

/* ------------------------------------------- meetings and decisions */

typedef struct
{
  Demo  *demo;
  guint  first_meeting;   /* meetings are numbered back from the newest: 0 is the latest */
  guint  last_meeting;
} MeetingBatch;

gboolean
_pd_demo_set_made_by (PdTransaction  *tx,
                      gint64          decision_id,
                      gint64          person_id,
                      GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  int rc;

  before = pd_transaction_row_json (tx, "decisions", decision_id, error);
  if (before == NULL)
    return FALSE;
  stmt = _pd_database_prepare (db, "UPDATE decisions SET made_by = ?1 WHERE id = ?2;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, decision_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _pd_database_fail (db, rc, error);

  /* Written as the demo's chair or administrator made it; audited like any change. */
  after = pd_transaction_row_json (tx, "decisions", decision_id, error);
  return after != NULL &&
         pd_transaction_audit (tx, "decision", decision_id, "update", before, after, error);
}

/* Referrals received in the four weeks before a meeting come to it. */
static gboolean
write_meeting (PdTransaction  *tx,
               Demo           *demo,
               guint           meeting_age,
               GError        **error)
{
  g_autofree char *starts = _pd_demo_moment_text (demo, meeting_age, "10:00:00");
  g_autofree char *ends = _pd_demo_moment_text (demo, meeting_age, "12:30:00");
  g_autofree char *title = NULL;
  PdMeetingFields fields = { .allow_past = TRUE };
  const char *status;
  gint64 meeting_id;
  guint i, n_items = 0;

  /* Meetings in the future are drafts; recent ones are held awaiting minutes. */
  if (meeting_age == 0)
    status = "agenda_published";
  else if (meeting_age < MEETING_EVERY_DAYS)
    status = "held";
  else
    status = "minutes_approved";

  title = g_strdup ("Practice Review Panel");
  fields.title = title;
  fields.starts_at = starts;
  fields.ends_at = ends;
  fields.place = pd_demo_text_place (demo->rand);
  fields.chair_id = demo->chair_id;
  /* Built as a draft, then published: a published agenda only takes addenda. */
  fields.status = "draft";
  meeting_id = pd_meeting_insert (tx, &fields, error);
  if (meeting_id == 0)
    return FALSE;

  if (pd_meeting_add_agenda_item (tx, meeting_id, "apologies", "Apologies and declarations of interest",
                                  0, 5, error) == 0 ||
      pd_meeting_add_agenda_item (tx, meeting_id, "minutes", "Minutes of the previous meeting",
                                  0, 10, error) == 0)
    return FALSE;

  for (i = 0; i < demo->referral_ids->len && n_items < ITEMS_PER_MEETING_MAX; i++)
    {
      /* The newest referrals are at the end; walk those received in the window. */
      guint index = demo->referral_ids->len - 1 - i;
      guint age = g_array_index (demo->referral_days, guint, index);
      gint64 referral_id = g_array_index (demo->referral_ids, gint64, index);
      const char *pseudonym = g_ptr_array_index (demo->pseudonyms, index);
      g_autofree char *item_title = NULL;
      g_autofree char *rationale = NULL;
      g_autofree char *made_at = NULL;
      g_autofree char *awaited_by = NULL;
      const char *outcome;
      PdDecisionFields decision = { 0 };
      gint64 decision_id;

      if (age <= meeting_age + 6)
        continue;
      if (age > meeting_age + 6 + MEETING_EVERY_DAYS)
        break;

      item_title = g_strdup_printf ("New referral: %s", pseudonym);
      if (pd_meeting_add_agenda_item (tx, meeting_id, "new_referral", item_title,
                                      referral_id, 15, error) == 0)
        return FALSE;
      n_items++;

      if (meeting_age == 0)
        continue;  /* not yet discussed */

      outcome = g_ptr_array_index (demo->outcomes, index);
      rationale = pd_demo_text_rationale (demo->rand, "recommendation", outcome, pseudonym);
      made_at = _pd_demo_moment_text (demo, meeting_age, "11:00:00");
      decision.referral_id = referral_id;
      decision.meeting_id = meeting_id;
      decision.kind = "recommendation";
      decision.outcome = outcome;
      decision.rationale = rationale;
      decision.made_at = made_at;
      decision.alternative_review = "Reflective learning review";
      awaited_by = _pd_demo_day_text (demo, (int) meeting_age - 28);
      decision.awaited = "The police disclosure and the post-mortem findings";
      decision.awaited_by = awaited_by;
      /* The business unit's administrator records the panel's recommendation. */
      decision_id = pd_decision_insert (tx, &decision, error);
      if (decision_id == 0 || !_pd_demo_set_made_by (tx, decision_id, demo->admin_id, error))
        return FALSE;

      /* The chair decides a few days after the panel recommends. */
      if (meeting_age < 7)
        continue;
      g_free (rationale);
      g_free (made_at);
      rationale = pd_demo_text_rationale (demo->rand, "decision", outcome, pseudonym);
      made_at = _pd_demo_moment_text (demo, meeting_age - 3, "16:00:00");
      decision.meeting_id = 0;
      decision.kind = "decision";
      decision.rationale = rationale;
      decision.made_at = made_at;
      decision.criteria_met = g_strcmp0 (outcome, "scr") == 0 ? "abuse_or_neglect,serious_harm,concern_agencies" : "";
      decision_id = pd_decision_insert (tx, &decision, error);
      if (decision_id == 0 || !_pd_demo_set_made_by (tx, decision_id, demo->chair_id, error))
        return FALSE;
    }

  if (pd_meeting_add_agenda_item (tx, meeting_id, "action_plan", "Action plan monitoring",
                                  0, 20, error) == 0 ||
      pd_meeting_add_agenda_item (tx, meeting_id, "other", "Any other business", 0, 10, error) == 0)
    return FALSE;
  /* The newest agenda is published once its papers are on it, and the
   * meeting before has its minutes approved once its attendance and notes
   * are recorded (pd-demo-meetings.c). */
  if (meeting_age == MEETING_EVERY_DAYS)
    status = "held";
  if (meeting_age == 0)
    return TRUE;
  return pd_meeting_set_status (tx, meeting_id, status, error);
}

static gboolean
write_meeting_batch (PdTransaction  *tx,
                     gpointer        user_data,
                     GError        **error)
{
  MeetingBatch *batch = user_data;
  guint m;

  for (m = batch->first_meeting; m < batch->last_meeting; m++)
    if (!write_meeting (tx, batch->demo, m * MEETING_EVERY_DAYS, error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------ papers */

static gint64
attach_paper (PdTransaction  *tx,
              PdDemoPaper    *paper,
              gint64          referral_id,
              const char     *title,
              GError        **error)
{
  PdDocumentFields fields = { 0 };

  fields.referral_id = referral_id;
  fields.title = title;
  fields.kind = paper->kind;
  fields.filename = paper->filename;
  fields.size = paper->size;
  fields.page_count = paper->page_count;
  fields.sha256 = paper->sha256;
  return pd_document_insert (tx, &fields, error);
}

static gboolean
write_documents (PdTransaction  *tx,
                 gpointer        user_data,
                 GError        **error)
{
  Demo *demo = user_data;
  guint i, r;

  /* The full set belongs to the oldest case (Child A, whose review is done);
   * the newest few referrals have their referral form and chronology, the
   * same files stored once. */
  for (i = 0; i < demo->papers->len; i++)
    {
      PdDemoPaper *paper = g_ptr_array_index (demo->papers, i);

      gint64 id = attach_paper (tx, paper, g_array_index (demo->referral_ids, gint64, 0), paper->title, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (demo->full_set_ids, id);
    }

  for (r = 1; r <= MIN (4u, demo->referral_ids->len - 1); r++)
    for (i = 0; i < MIN (2u, demo->papers->len); i++)
      {
        guint index = demo->referral_ids->len - r;
        g_autofree char *title = g_strdup_printf ("%s: %s",
                                                  i == 0 ? "Referral form" : "Integrated chronology",
                                                  (const char *) g_ptr_array_index (demo->pseudonyms, index));

        if (attach_paper (tx, g_ptr_array_index (demo->papers, i),
                          g_array_index (demo->referral_ids, gint64, index), title, error) == 0)
          return FALSE;
      }
  return TRUE;
}

/* The board's publication register: Child A's overview report and its
 * executive summary went on the website; the board response waits for a
 * trial. */
static gboolean
write_publications (Demo        *demo,
                    PdDatabase  *db,
                    GError     **error)
{
  static const struct { const char *kind; const char *status; int days_before; const char *note; } entries[] = {
    { "overview_report",   "published",           120, "Published on the board's website with the board's response." },
    { "executive_summary", "published",           120, "" },
    { "board_response",    "delayed_proceedings",   0, "Publication delayed until the criminal trial ends." },
  };
  gint64 referral_id = g_array_index (demo->referral_ids, gint64, 0);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *published_on = entries[i].days_before > 0 ? _pd_demo_day_text (demo, entries[i].days_before) : g_strdup ("");
      sqlite3_stmt *stmt = _pd_database_prepare (db, "SELECT id FROM documents WHERE referral_id = ?1 AND kind = ?2 "
                                                     "ORDER BY id LIMIT 1;", error);
      gint64 id = 0;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, referral_id);
      sqlite3_bind_text (stmt, 2, entries[i].kind, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (id != 0 &&
          !pd_publication_save (db, id, entries[i].status, published_on, NULL, entries[i].note, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_meetings_in_full (PdTransaction  *tx,
                        gpointer        user_data,
                        GError        **error)
{
  Demo *demo = user_data;

  return pd_demo_meetings_fill_in (tx, demo->chair_id, demo->member_ids, demo->full_set_ids, error);
}

/* ------------------------------------------------------- search index */

#define FTS_DEFAULT_AUTOMERGE 4

/* Automerge 0 lets segments pile up while the referrals go in; setting it
 * back merges them all ('optimize') and restores SQLite's default. */
static gboolean
set_search_automerge (PdTransaction  *tx,
                      gpointer        user_data,
                      GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  int automerge = GPOINTER_TO_INT (user_data);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO referrals_fts (referrals_fts, rank) "
                                          "VALUES ('automerge', %d);", automerge);

  if (automerge > 0 &&
      !_pd_database_exec (db, "INSERT INTO referrals_fts (referrals_fts) VALUES ('optimize');", error))
    return FALSE;
  return _pd_database_exec (db, sql, error);
}

/* ------------------------------------------------------------- main */

static void
remove_database_files (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (journal);
}

static gboolean
fill (Demo        *demo,
      PdDatabase  *db,
      GError     **error)
{
  guint n_meetings, m;

  if (!report (demo, 0.01, _("Adding the panel’s people"), error) ||
      !pd_database_write (db, "Demo: people", write_people, demo, NULL, error))
    return FALSE;

  /* The search index is built row by row by triggers; merging its segments
   * once at the end, with a larger page cache, is several times faster
   * than merging as it grows. */
  if (!_pd_database_exec (db, "PRAGMA cache_size = -131072;", error) ||
      !pd_database_write (db, "Demo: search index settings", set_search_automerge,
                          GINT_TO_POINTER (0), NULL, error))
    return FALSE;

  while (demo->next < demo->n_referrals)
    {
      if (!report (demo, 0.02 + 0.73 * demo->next / demo->n_referrals, _("Adding referrals"), error) ||
          !pd_database_write (db, "Demo: referrals", write_referral_batch, demo, NULL, error))
        return FALSE;
      demo->next = MIN (demo->next + BATCH_SIZE, demo->n_referrals);
    }

  if (!report (demo, 0.76, _("Indexing referrals for search"), error) ||
      !pd_database_write (db, "Demo: search index merged", set_search_automerge,
                          GINT_TO_POINTER (FTS_DEFAULT_AUTOMERGE), NULL, error))
    return FALSE;

  /* A meeting every four weeks over the demo's span, at most two years of them. */
  n_meetings = MIN (demo->span_days, 730u) / MEETING_EVERY_DAYS + 1;
  for (m = 0; m < n_meetings; m += 10)
    {
      MeetingBatch batch = { demo, m, MIN (m + 10, n_meetings) };

      if (!report (demo, 0.80 + 0.12 * m / n_meetings, _("Adding meetings and decisions"), error) ||
          !pd_database_write (db, "Demo: meetings", write_meeting_batch, &batch, NULL, error))
        return FALSE;
    }

  if (!report (demo, 0.92, _("Signing the chair’s decisions"), error) ||
      !_pd_demo_open_chair_key (demo, demo->chair_login, error) ||
      !pd_database_write (db, "Demo: signed decisions", _pd_demo_write_signatures, demo, NULL, error) ||
      !_pd_signature_receipts_append (db, demo->key_dir, demo->receipts, error))
    return FALSE;

  if (!report (demo, 0.93, _("Drawing the papers"), error))
    return FALSE;
  {
    g_autofree char *files_dir = pd_document_store_dir_for (pd_database_get_path (db));

    demo->papers = pd_demo_papers_write (files_dir, error);
    if (demo->papers == NULL)
      return FALSE;
    if (!pd_database_write (db, "Demo: papers", write_documents, demo, NULL, error) ||
        !write_publications (demo, db, error))
      return FALSE;
  }

  if (!report (demo, 0.95, _("Recording attendance and the newest agenda’s papers"), error) ||
      !pd_database_write (db, "Demo: meetings in full", write_meetings_in_full, demo, NULL, error))
    return FALSE;

  /* The papers' text, so full-text search works from the start. */
  if (!report (demo, 0.97, _("Indexing the papers’ text"), error) ||
      !pd_fulltext_extract (pd_database_get_path (db), NULL, NULL, demo->cancellable, error))
    return FALSE;

  return report (demo, 1.0, _("Done"), error);
}

gboolean
pd_demo_create (const char          *path,
                guint                n_referrals,
                PdDemoProgressFunc   progress,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(PdDatabase) db = NULL;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (n_referrals == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("A demo database needs at least one referral."));
      return FALSE;
    }

  db = pd_database_open (path, PD_OPEN_CREATE, error);
  if (db == NULL)
    return FALSE;

  demo.n_referrals = n_referrals;
  demo.rand = g_rand_new_with_seed (n_referrals);
  g_date_clear (&demo.anchor, 1);
  g_date_set_dmy (&demo.anchor, ANCHOR_DAY, ANCHOR_MONTH, ANCHOR_YEAR);
  /* A small demo covers eighteen months; a large one a decade of referrals. */
  demo.span_days = n_referrals <= 500 ? 540 : 3650;
  demo.progress = progress;
  demo.progress_data = user_data;
  demo.cancellable = cancellable;
  demo.member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.full_set_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.referral_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_referrals);
  demo.referral_days = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_referrals);
  demo.pseudonyms = g_ptr_array_new_full (n_referrals, g_free);
  demo.outcomes = g_ptr_array_sized_new (n_referrals);
  demo.receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) _pd_signature_receipt_free);

  ok = fill (&demo, db, error);

  if (!ok)
    {
      g_autofree char *files_dir = pd_document_store_dir_for (path);

      pd_demo_papers_remove (demo.papers, files_dir);
      g_clear_object (&db);
      remove_database_files (path);
    }

  g_clear_pointer (&demo.papers, g_ptr_array_unref);
  g_clear_pointer (&demo.chair_key, _pd_signing_key_free);
  g_clear_pointer (&demo.receipts, g_ptr_array_unref);
  g_free (demo.key_dir);
  g_ptr_array_unref (demo.pseudonyms);
  g_ptr_array_unref (demo.outcomes);
  g_array_unref (demo.referral_days);
  g_array_unref (demo.referral_ids);
  g_array_unref (demo.member_ids);
  g_array_unref (demo.full_set_ids);
  g_rand_free (demo.rand);
  return ok;
}
