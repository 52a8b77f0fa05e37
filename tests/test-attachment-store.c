/* test-attachment-store.c: attaching, dedup, verified opening, failed copies,
 * the publication register, the full-text index and backups of the files */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <time.h>
#include <utime.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-fulltext-private.h"
#include "pd-test-pdf.h"
#include "pd-test-util.h"

typedef struct
{
  char              *dir;
  char              *path;
  char              *store;
  PdDatabase        *db;
  gint64             referral_id;
  PdTestPdfFixtures *pdfs;
} Fixture;

static gboolean
insert_referral (PdTransaction *tx, gpointer user_data, GError **error)
{
  PdReferralFields fields = { .pseudonym = "Child D", .date_received = "2026-03-02" };
  gint64 *id = user_data;

  *id = pd_referral_insert (tx, &fields, NULL, error);
  return *id != 0;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("panel-desk-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "panel.paneldesk", NULL);
  f->store = g_build_filename (f->dir, "panel.paneldesk-files", NULL);
  f->db = pd_database_open (f->path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pd_database_write (f->db, "New referral", insert_referral, &f->referral_id, NULL, &error);
  g_assert_no_error (error);
  f->pdfs = pd_test_pdf_fixtures_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  pd_test_pdf_fixtures_free (f->pdfs);
  pd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->store);
}

static sqlite3 *
handle (Fixture *f)
{
  return _pd_database_get_handle (f->db);
}

/* How many regular files the store holds, and whether any is temporary. */
static guint
count_store_files (const char *store, gboolean *has_temporary)
{
  g_autoptr(GDir) dir = g_dir_open (store, 0, NULL);
  const char *name;
  guint n = 0;

  *has_temporary = FALSE;
  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *sub = g_build_filename (store, name, NULL);
      g_autoptr(GDir) shard = NULL;
      const char *file;

      if (g_str_has_prefix (name, ".incoming"))
        *has_temporary = TRUE;
      shard = g_dir_open (sub, 0, NULL);
      while (shard != NULL && (file = g_dir_read_name (shard)) != NULL)
        n++;
    }
  return n;
}

static GPtrArray *
attach (Fixture *f, const char *kind, const char *const *paths, GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  PdAttachTarget target = { .referral_id = f->referral_id, .kind = kind };
  GPtrArray *results = pd_attachment_store_attach (f->db, &target, paths, NULL, NULL, cancellable, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, g_strv_length ((char **) paths));
  return results;
}

static void
test_attach (Fixture *f, gconstpointer data)
{
  g_autofree char *word = g_build_filename (f->dir, "chronology.docx", NULL);
  const char *paths[] = { f->pdfs->text, word, f->pdfs->encrypted, f->pdfs->flipped, f->pdfs->png, NULL };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(PdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  PdAttachResult *r;
  gboolean temporary;

  g_file_set_contents (word, "PK\003\004 not really a Word file, but kept as it is", -1, &error);
  g_assert_no_error (error);
  results = attach (f, "chronology", paths, NULL);

  r = g_ptr_array_index (results, 0);
  g_assert_no_error (r->error);
  g_assert_cmpint (r->document_id, >, 0);
  g_assert_cmpint (r->page_count, ==, PD_TEST_PDF_TEXT_PAGES);
  g_assert_cmpstr (r->unreadable, ==, "");
  g_assert_cmpstr (r->media_type, ==, "application/pdf");
  document = pd_document_load (f->db, r->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_document_get_kind (document), ==, "chronology");
  g_assert_cmpstr (pd_document_get_title (document), ==, "text");
  g_assert_cmpstr (pd_document_get_sha256 (document), ==, r->sha256);
  g_assert_cmpint (pd_document_get_referral_id (document), ==, f->referral_id);
  g_assert_cmpint (pd_document_get_page_count (document), ==, PD_TEST_PDF_TEXT_PAGES);
  g_assert_cmpstr (pd_document_get_attached_by_name (document), !=, "");
  stored = pd_attachment_store_path_for (f->store, r->sha256, "text.pdf");
  g_assert_true (g_str_has_suffix (stored, ".pdf"));
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));

  /* Word: kept with its media type, no page count. */
  r = g_ptr_array_index (results, 1);
  g_assert_no_error (r->error);
  g_assert_cmpint (r->document_id, >, 0);
  g_assert_cmpstr (r->media_type, !=, "application/pdf");
  g_assert_cmpint (r->page_count, ==, -1);
  g_assert_cmpstr (r->unreadable, ==, "");

  /* Encrypted, damaged and a PNG named .pdf: kept, and marked. */
  r = g_ptr_array_index (results, 2);
  g_assert_no_error (r->error);
  g_assert_cmpint (r->document_id, >, 0);
  g_assert_cmpstr (r->unreadable, ==, "password");
  r = g_ptr_array_index (results, 3);
  g_assert_no_error (r->error);
  g_assert_cmpint (r->document_id, >, 0);
  g_assert_cmpstr (r->unreadable, ==, "damaged");
  r = g_ptr_array_index (results, 4);
  g_assert_no_error (r->error);
  g_assert_cmpstr (r->unreadable, ==, "damaged");
  g_assert_nonnull (strstr (r->unreadable_detail, "image/png"));

  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM documents;"), ==, 5);
  /* Only the readable PDF waits for text extraction. */
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM document_extraction;"), ==, 1);
  g_assert_cmpint (pd_test_query_int (handle (f),
                                      "SELECT count(*) FROM audit_log WHERE entity = 'document' AND action = 'create';"), ==, 5);
  g_assert_cmpuint (count_store_files (f->store, &temporary), ==, 5);
  g_assert_false (temporary);
}

static void
test_attach_needs_target (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { f->pdfs->text, NULL };
  PdAttachTarget nowhere = { .kind = "chronology" };
  PdAttachTarget bad_kind = { .referral_id = f->referral_id, .kind = "novel" };

  g_assert_null (pd_attachment_store_attach (f->db, &nowhere, paths, NULL, NULL, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (pd_attachment_store_attach (f->db, &bad_kind, paths, NULL, NULL, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM documents;"), ==, 0);
}

typedef struct
{
  gint64 meeting_id;
  gint64 item_id;
} Meeting;

static gboolean
insert_meeting (PdTransaction *tx, gpointer user_data, GError **error)
{
  PdMeetingFields fields = { .title = "Practice Review Panel", .starts_at = "2026-03-31T10:00:00Z",
                             .ends_at = "2026-03-31T12:00:00Z", .allow_past = TRUE };
  Meeting *meeting = user_data;

  meeting->meeting_id = pd_meeting_insert (tx, &fields, error);
  if (meeting->meeting_id == 0)
    return FALSE;
  meeting->item_id = pd_meeting_add_agenda_item (tx, meeting->meeting_id, "publication", "Overview report",
                                                 0, 20, error);
  return meeting->item_id != 0;
}

/* Papers of an agenda item go to its meeting. */
static void
test_attach_to_agenda_item (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(PdDocument) document = NULL;
  const char *paths[] = { f->pdfs->text, NULL };
  Meeting meeting = { 0 };
  PdAttachTarget target = { .kind = "overview_report" };
  PdAttachResult *r;

  pd_database_write (f->db, "New meeting", insert_meeting, &meeting, NULL, &error);
  g_assert_no_error (error);
  target.agenda_item_id = meeting.item_id;
  results = pd_attachment_store_attach (f->db, &target, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  r = g_ptr_array_index (results, 0);
  g_assert_no_error (r->error);
  document = pd_document_load (f->db, r->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_document_get_meeting_id (document), ==, meeting.meeting_id);
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT agenda_item_id FROM documents;"), ==, meeting.item_id);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* An item that is not on the meeting named: refused, and nothing kept. */
  target.meeting_id = meeting.meeting_id + 1;
  results = pd_attachment_store_attach (f->db, &target, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_error (((PdAttachResult *) g_ptr_array_index (results, 0))->error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM documents;"), ==, 1);

  /* A paper whose name has no usable extension is stored as ".bin"; the
   * agenda finds it where the store put it, not missing. */
  {
    g_autofree char *odd = g_build_filename (f->dir, "Minutes draft v2~", NULL);
    const char *odd_paths[] = { odd, NULL };
    g_autoptr(GPtrArray) papers = NULL;
    g_autoptr(GPtrArray) odd_results = NULL;
    guint found = 0;

    g_assert_true (g_file_set_contents (odd, "Draft minutes, typed in a hurry.", -1, NULL));
    target.meeting_id = meeting.meeting_id;
    odd_results = pd_attachment_store_attach (f->db, &target, odd_paths, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_no_error (((PdAttachResult *) g_ptr_array_index (odd_results, 0))->error);
    papers = pd_agenda_paper_list (f->db, meeting.meeting_id, meeting.item_id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < papers->len; i++)
      {
        PdAgendaPaper *paper = g_ptr_array_index (papers, i);
        PdPaperState state;

        g_assert_true (pd_agenda_paper_verify (paper, &state, NULL, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpint (state, ==, PD_PAPER_OK);
        found++;
      }
    g_assert_cmpuint (found, ==, 2);
  }
}

/* While a file is copied, another user can still write: the lock is only
 * taken for the row. */
static void
write_while_copying (guint index, guint n_files, guint64 done, guint64 total, gpointer data)
{
  Fixture *f = data;
  g_autoptr(PdDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (done == 0 || done == total)
    return;
  other = pd_database_open (f->path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pd_database_set_lock_timeout (other, 200);
  g_assert_true (pd_database_write (other, "New referral", insert_referral, &id, NULL, &error));
  g_assert_no_error (error);
}

static void
test_lock_free_while_copying (Fixture *f, gconstpointer data)
{
  g_autofree char *big = g_build_filename (f->dir, "big.bin", NULL);
  g_autofree char *contents = g_malloc0 (2 * 1024 * 1024);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { big, NULL };
  PdAttachTarget target = { .referral_id = f->referral_id };
  gint64 before = pd_test_query_int (handle (f), "SELECT count(*) FROM referrals;");

  g_file_set_contents (big, contents, 2 * 1024 * 1024, &error);
  g_assert_no_error (error);
  results = pd_attachment_store_attach (f->db, &target, paths, write_while_copying, f, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_error (((PdAttachResult *) g_ptr_array_index (results, 0))->error);
  /* Written by the other connection, once a block, during the copy. */
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM referrals;"), >, before);
}

static void
test_dedup (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (f->dir, "same-again.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  const char *paths[] = { f->pdfs->text, copy, NULL };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  PdAttachResult *a, *b;
  gboolean temporary;

  g_file_get_contents (f->pdfs->text, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);

  results = attach (f, "overview_report", paths, NULL);
  a = g_ptr_array_index (results, 0);
  b = g_ptr_array_index (results, 1);
  g_assert_no_error (a->error);
  g_assert_no_error (b->error);
  g_assert_false (a->deduplicated);
  g_assert_true (b->deduplicated);
  g_assert_cmpstr (a->sha256, ==, b->sha256);
  g_assert_cmpint (a->document_id, !=, b->document_id);
  g_assert_cmpuint (count_store_files (f->store, &temporary), ==, 1);
  g_assert_false (temporary);
}

static void
record_problem (gint64 id, const char *title, const char *path, const GError *problem, gpointer data)
{
  GArray *codes = data;
  int code = problem->code;

  g_array_append_val (codes, code);
}

static void
test_verify (Fixture *f, gconstpointer data)
{
  const char *paths[] = { f->pdfs->text, f->pdfs->outlined, NULL };
  g_autoptr(GPtrArray) results = attach (f, "overview_report", paths, NULL);
  g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  PdAttachResult *text = g_ptr_array_index (results, 0);
  PdAttachResult *outlined = g_ptr_array_index (results, 1);
  gint64 text_id = text->document_id;
  gsize length;

  path = pd_attachment_store_open (f->db, text->document_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pd_attachment_store_check (f->db, record_problem, codes, NULL, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, ==, 0);

  /* One byte changed: altered, named by its title. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  contents[length / 2] ^= 0x20;
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  g_clear_pointer (&path, g_free);
  g_assert_null (pd_attachment_store_open (f->db, text->document_id, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_FILE_ALTERED);
  g_assert_nonnull (strstr (error->message, "“text”"));
  g_clear_error (&error);

  /* Removed: missing. */
  path = pd_attachment_store_path_for (f->store, outlined->sha256, "outlined.pdf");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_null (pd_attachment_store_open (f->db, outlined->document_id, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_FILE_MISSING);
  g_clear_error (&error);

  g_assert_cmpint (pd_attachment_store_check (f->db, record_problem, codes, NULL, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, ==, 2);
  g_assert_cmpint (g_array_index (codes, int, 0), ==, PD_ERROR_FILE_ALTERED);
  g_assert_cmpint (g_array_index (codes, int, 1), ==, PD_ERROR_FILE_MISSING);

  /* Attaching the same content again repairs the altered copy. */
  g_clear_pointer (&results, g_ptr_array_unref);
  {
    const char *again[] = { f->pdfs->text, NULL };

    results = attach (f, "overview_report", again, NULL);
  }
  g_assert_false (((PdAttachResult *) g_ptr_array_index (results, 0))->deduplicated);
  g_clear_pointer (&path, g_free);
  path = pd_attachment_store_open (f->db, text_id, NULL, &error);
  g_assert_no_error (error);
}

static void
cancel_midway (guint index, guint n_files, guint64 done, guint64 total, gpointer data)
{
  if (done > 0 && done < total)
    g_cancellable_cancel (data);
}

static void
test_failed_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *big = g_build_filename (f->dir, "big.pdf", NULL);
  g_autofree char *absent = g_build_filename (f->dir, "absent.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder.pdf", NULL);
  g_autofree char *contents = g_malloc (3 * 1024 * 1024);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { big, f->pdfs->text, NULL };
  const char *bad[] = { absent, folder, NULL };
  PdAttachTarget target = { .referral_id = f->referral_id, .kind = "chronology" };
  gboolean temporary;

  /* Several blocks, so the copy is cancelled half-way through. */
  for (gsize i = 0; i < 3 * 1024 * 1024; i++)
    contents[i] = (char) (i * 7 + i / 4096);
  g_file_set_contents (big, contents, 3 * 1024 * 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  results = pd_attachment_store_attach (f->db, &target, paths, cancel_midway, cancellable, cancellable, &error);
  g_assert_no_error (error);
  g_assert_error (((PdAttachResult *) g_ptr_array_index (results, 0))->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The rest is not started once cancelled. */
  g_assert_error (((PdAttachResult *) g_ptr_array_index (results, 1))->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (((PdAttachResult *) g_ptr_array_index (results, 0))->document_id, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = attach (f, "chronology", bad, NULL);
  g_assert_error (((PdAttachResult *) g_ptr_array_index (results, 0))->error, PD_ERROR, PD_ERROR_NOT_FOUND);
  g_assert_error (((PdAttachResult *) g_ptr_array_index (results, 1))->error, PD_ERROR, PD_ERROR_INVALID);

  /* The disk fills up half-way (a file size limit makes write() fail,
   * as a full share does): the copy fails, nothing is left. */
  {
    struct rlimit saved, small = { 1024 * 1024, 0 };
    const char *one[] = { big, NULL };
    g_autoptr(GPtrArray) full = NULL;
    PdAttachResult *r;

    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    small.rlim_max = saved.rlim_max;
    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
    full = attach (f, "chronology", one, NULL);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    r = g_ptr_array_index (full, 0);
    g_assert_nonnull (r->error);
    g_assert_true (r->error->domain == PD_ERROR);
    g_assert_cmpint (r->document_id, ==, 0);
    g_assert_nonnull (strstr (r->error->message, "attachments folder"));
  }

  /* A temporary file a crash left a day ago goes with the next attach;
   * a recent one may be another machine's copy under way, and stays. */
  {
    g_autofree char *stale = g_build_filename (f->store, ".incoming-stale1", NULL);
    g_autofree char *recent = g_build_filename (f->store, ".incoming-recent", NULL);
    const char *none[] = { NULL };
    struct utimbuf old = { time (NULL) - 2 * 24 * 3600, time (NULL) - 2 * 24 * 3600 };
    g_autoptr(GPtrArray) nothing = NULL;

    g_mkdir_with_parents (f->store, 0755);
    g_file_set_contents (stale, "half", -1, &error);
    g_assert_no_error (error);
    g_file_set_contents (recent, "half", -1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (utime (stale, &old), ==, 0);
    nothing = attach (f, "chronology", none, NULL);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
    g_unlink (recent);
  }

  /* Neither a row nor a file, whole or half. */
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM documents;"), ==, 0);
  g_assert_cmpuint (count_store_files (f->store, &temporary), ==, 0);
  g_assert_false (temporary);
}

static void
test_publication (Fixture *f, gconstpointer data)
{
  const char *paths[] = { f->pdfs->text, NULL };
  const char *minutes[] = { f->pdfs->outlined, NULL };
  g_autoptr(GPtrArray) report = attach (f, "overview_report", paths, NULL);
  g_autoptr(GPtrArray) other = attach (f, "minutes", minutes, NULL);
  gint64 id = ((PdAttachResult *) g_ptr_array_index (report, 0))->document_id;
  gint64 minutes_id = ((PdAttachResult *) g_ptr_array_index (other, 0))->document_id;
  g_autoptr(PdPublication) publication = NULL;
  g_autoptr(PdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *leap = pd_publication_window_end ("2024-02-29");

  g_assert_cmpstr (leap, ==, "2025-02-28");
  publication = pd_publication_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (publication->status, ==, "not_published");
  g_clear_pointer (&publication, pd_publication_free);

  /* Published needs its date; the window is at least twelve months. */
  g_assert_false (pd_publication_save (f->db, id, "published", "", "", "", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pd_publication_save (f->db, id, "published", "2026-04-01", "2026-10-01", "", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pd_publication_save (f->db, id, "published", "2026-02-30", "", "", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pd_publication_save (f->db, id, "lost", "", "", "", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pd_publication_save (f->db, minutes_id, "published", "2026-04-01", "", "", &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pd_publication_save (f->db, id, "published", "2026-04-01", "", "On the board's website", &error));
  g_assert_no_error (error);
  publication = pd_publication_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (publication->status, ==, "published");
  g_assert_cmpstr (publication->website_until, ==, "2027-04-01");
  g_clear_pointer (&publication, pd_publication_free);

  /* Delayed by a trial; then taken down early, which is allowed. */
  g_assert_true (pd_publication_save (f->db, id, "taken_down", "2026-04-01", "2026-06-01", "Court order", &error));
  g_assert_no_error (error);
  publication = pd_publication_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (publication->status, ==, "taken_down");
  g_assert_cmpstr (publication->website_until, ==, "2026-06-01");
  document = pd_document_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_document_get_publication_status (document), ==, "taken_down");

  /* Audited: created, then updated with what it was before. */
  g_assert_cmpint (pd_test_query_int (handle (f),
                                      "SELECT count(*) FROM audit_log WHERE entity = 'publication';"), ==, 2);
  g_assert_cmpint (pd_test_query_int (handle (f),
                                      "SELECT count(*) FROM audit_log WHERE entity = 'publication' AND action = 'update' "
                                      "AND before_json LIKE '%\"published\"%';"), ==, 1);
}

static void
cancel_after_first_batch (gint64 done, gint64 total, gpointer data)
{
  if (done > 0)
    g_cancellable_cancel (data);
}

static gboolean
hits_have_page (GPtrArray *hits, gint64 document_id, int page_index)
{
  for (guint i = 0; i < hits->len; i++)
    {
      PdFulltextHit *hit = g_ptr_array_index (hits, i);

      if (hit->document_id == document_id && hit->page_index == page_index)
        return TRUE;
    }
  return FALSE;
}

static void
test_fulltext (Fixture *f, gconstpointer data)
{
  const char *paths[] = { f->pdfs->text, f->pdfs->encrypted, NULL };
  g_autoptr(GPtrArray) results = attach (f, "overview_report", paths, NULL);
  gint64 id = ((PdAttachResult *) g_ptr_array_index (results, 0))->document_id;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *word = pd_test_pdf_page_word (5);
  gint64 done = -1, total = -1;
  guint pending = 0, expected = 0;

  g_assert_true (pd_fulltext_get_progress (f->db, &done, &total, &pending, &error));
  g_assert_cmpint (done, ==, 0);
  g_assert_cmpint (total, ==, PD_TEST_PDF_TEXT_PAGES);
  g_assert_cmpuint (pending, ==, 1);

  /* Interrupted after its first batch ... */
  _pd_fulltext_set_batch_pages (5);
  g_assert_false (pd_fulltext_extract (f->path, cancel_after_first_batch, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (pd_fulltext_get_progress (f->db, &done, &total, &pending, &error));
  g_assert_cmpint (done, ==, 5);
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM document_pages_fts;"), ==, done);

  /* ... it resumes where it stopped, adding no page twice. */
  g_assert_true (pd_fulltext_extract (f->path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pd_fulltext_get_progress (f->db, &done, &total, &pending, &error));
  g_assert_cmpint (done, ==, PD_TEST_PDF_TEXT_PAGES);
  g_assert_cmpuint (pending, ==, 0);
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM document_pages_fts;"), ==,
                   PD_TEST_PDF_TEXT_PAGES);
  g_assert_cmpint (pd_test_query_int (handle (f),
                                      "SELECT count(DISTINCT page_index) FROM document_pages_fts;"), ==,
                   PD_TEST_PDF_TEXT_PAGES);

  _pd_fulltext_set_batch_pages (0);

  hits = pd_fulltext_search (f->db, "disguised compliance", 100, &error);
  g_assert_no_error (error);
  for (int page = 0; page < PD_TEST_PDF_TEXT_PAGES; page++)
    if (pd_test_pdf_page_has_phrase (page))
      {
        expected++;
        g_assert_true (hits_have_page (hits, id, page));
      }
  g_assert_cmpuint (hits->len, ==, expected);
  markup = pd_fulltext_snippet_to_markup (((PdFulltextHit *) g_ptr_array_index (hits, 0))->snippet);
  g_assert_nonnull (strstr (markup, "<b>"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A quoted phrase, a prefix, a page's own word. */
  hits = pd_fulltext_search (f->db, "\"disguised compliance\"", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, expected);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pd_fulltext_search (f->db, "disguised compl", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, expected);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pd_fulltext_search (f->db, word, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((PdFulltextHit *) g_ptr_array_index (hits, 0))->page_index, ==, 5);
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* Nothing to search for, or FTS5's own syntax typed in: no error. */
  hits = pd_fulltext_search (f->db, " \" - ", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pd_fulltext_search (f->db, "NEAR( OR AND *", 100, &error);
  g_assert_no_error (error);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A document removed (by hand: Panel Desk has no delete) leaves no page behind. */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM documents WHERE id = %" G_GINT64_FORMAT ";", id);

    pd_test_exec (handle (f), sql);
  }
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM document_pages_fts;"), ==, 0);
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM document_extraction;"), ==, 0);
}

static void
test_fulltext_altered (Fixture *f, gconstpointer data)
{
  const char *paths[] = { f->pdfs->text, NULL };
  g_autoptr(GPtrArray) results = attach (f, "overview_report", paths, NULL);
  PdAttachResult *r = g_ptr_array_index (results, 0);
  g_autofree char *path = pd_attachment_store_path_for (f->store, r->sha256, "text.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (pd_fulltext_extract (f->path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_query_int (handle (f),
                                      "SELECT count(*) FROM document_extraction WHERE state = 'failed' AND error != '';"), ==, 1);
  g_assert_cmpint (pd_test_query_int (handle (f), "SELECT count(*) FROM document_pages_fts;"), ==, 0);
}

static void
test_backup (Fixture *f, gconstpointer data)
{
  const char *paths[] = { f->pdfs->text, f->pdfs->outlined, NULL };
  g_autoptr(GPtrArray) results = attach (f, "overview_report", paths, NULL);
  g_autofree char *backup = g_build_filename (f->dir, "backup.paneldesk", NULL);
  g_autofree char *restored = g_build_filename (f->dir, "restored.paneldesk", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.paneldesk", NULL);
  g_autofree char *backup_store = g_build_filename (f->dir, "backup.paneldesk-files", NULL);
  g_autofree char *altered = NULL;
  g_autoptr(PdDatabase) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean temporary;
  gint64 id = ((PdAttachResult *) g_ptr_array_index (results, 0))->document_id;

  g_assert_true (pd_backup_copy (f->path, backup, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_store_files (backup_store, &temporary), ==, 2);

  g_assert_true (pd_backup_copy (backup, restored, TRUE, NULL, &error));
  g_assert_no_error (error);
  back = pd_database_open (restored, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  path = pd_attachment_store_open (back, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, f->dir));
  g_assert_nonnull (strstr (path, "restored.paneldesk-files"));

  /* An altered file is not copied as if it were good, and it is said. */
  altered = pd_attachment_store_path_for (f->store, ((PdAttachResult *) g_ptr_array_index (results, 1))->sha256,
                                          "outlined.pdf");
  g_file_set_contents (altered, "not the report", -1, &error);
  g_assert_no_error (error);
  g_assert_false (pd_backup_copy (f->path, again, FALSE, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_FILE_ALTERED);
  g_assert_nonnull (strstr (error->message, "outlined"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/attachment-store/attach", test_attach);
  ADD ("/attachment-store/attach-needs-target", test_attach_needs_target);
  ADD ("/attachment-store/attach-to-agenda-item", test_attach_to_agenda_item);
  ADD ("/attachment-store/lock-free-while-copying", test_lock_free_while_copying);
  ADD ("/attachment-store/dedup", test_dedup);
  ADD ("/attachment-store/verify", test_verify);
  ADD ("/attachment-store/failed-copy", test_failed_copy);
  ADD ("/attachment-store/publication", test_publication);
  ADD ("/attachment-store/fulltext", test_fulltext);
  ADD ("/attachment-store/fulltext-altered", test_fulltext_altered);
  ADD ("/attachment-store/backup", test_backup);
#undef ADD

  return g_test_run ();
}
