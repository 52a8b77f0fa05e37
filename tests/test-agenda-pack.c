/* test-agenda-pack.c: the agenda pack, checked with pdfinfo and pdftotext */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "pd-agenda-pack.h"
#include "pd-minutes-pdf.h"
#include "pd-core.h"
#include "pd-test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  char       *store;
  PdDatabase *db;
  gint64      meeting_id;
  gint64      items[4];
  gint64      documents[6];
} Fixture;

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF of @n_pages, each saying "<name> page <k>". */
static GBytes *
draw_paper (const char *name,
            guint       n_pages)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (guint k = 1; k <= n_pages; k++)
    {
      g_autofree char *text = g_strdup_printf ("%s page %u", name, k);

      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 20);
      cairo_move_to (cr, 72, 300);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* Stores @bytes as the store does and returns the row's fields' SHA-256. */
static char *
store (Fixture     *fixture,
       GBytes      *bytes,
       const char  *ext,
       gboolean     write_file)
{
  g_autoptr(GError) error = NULL;
  char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *shard = g_build_filename (fixture->store, (char[]) { sha[0], sha[1], 0 }, NULL);
  g_autofree char *name = g_strdup_printf ("%s.%s", sha, ext);
  g_autofree char *file = g_build_filename (shard, name, NULL);
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  if (write_file)
    {
      g_assert_cmpint (g_mkdir_with_parents (shard, 0755), ==, 0);
      g_file_set_contents (file, data, size, &error);
      g_assert_no_error (error);
    }
  return sha;
}

typedef struct
{
  Fixture    *fixture;
  const char *title;
  const char *filename;
  const char *media_type;
  GBytes     *bytes;
  const char *sha;
  gint64      item_id;
  gint64      id;
} Attach;

static gboolean
attach_cb (PdTransaction  *tx,
           gpointer        user_data,
           GError        **error)
{
  Attach *attach = user_data;
  PdDocumentFields fields = {
    .meeting_id = attach->fixture->meeting_id,
    .title = attach->title,
    .kind = "other",
    .filename = attach->filename,
    .media_type = attach->media_type,
    .size = (gint64) g_bytes_get_size (attach->bytes),
    .page_count = -1,
    .sha256 = attach->sha,
  };

  attach->id = pd_document_insert (tx, &fields, error);
  return attach->id != 0 && pd_agenda_paper_attach (tx, attach->item_id, attach->id, error);
}

static gint64
attach_paper (Fixture     *fixture,
              gint64       item_id,
              const char  *title,
              const char  *filename,
              GBytes      *bytes,
              gboolean     write_file)
{
  g_autoptr(GError) error = NULL;
  const char *ext = strrchr (filename, '.') + 1;
  g_autofree char *sha = store (fixture, bytes, ext, write_file);
  Attach attach = {
    fixture, title, filename,
    g_str_equal (ext, "pdf") ? "application/pdf"
                             : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    bytes, sha, item_id, 0
  };

  pd_database_write (fixture->db, "Attach a paper", attach_cb, &attach, NULL, &error);
  g_assert_no_error (error);
  return attach.id;
}

static gboolean
agenda_cb (PdTransaction  *tx,
           gpointer        user_data,
           GError        **error)
{
  Fixture *fixture = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 10);
  g_autoptr(GDateTime) end = g_date_time_add_hours (later, 2);
  g_autofree char *starts = g_date_time_format (later, "%Y-%m-%dT%H:00:00Z");
  g_autofree char *ends = g_date_time_format (end, "%Y-%m-%dT%H:00:00Z");
  PdMeetingFields meeting = { .title = "Practice Review Panel", .starts_at = starts, .ends_at = ends,
                              .place = "Room 4" };
  PdReferralFields referral = { .pseudonym = "Child A", .date_received = "2026-01-05" };
  PdAgendaItemFields items[] = {
    { .kind = "apologies", .title = "Apologies and declarations", .minutes = 5 },
    { .kind = "new_referral", .title = "New referral: Child A", .minutes = 30 },
    { .kind = "action_plan", .title = "Action plan monitoring", .minutes = 20 },
    { .kind = "other", .title = "Any other business", .minutes = 10 },
  };

  fixture->meeting_id = pd_meeting_insert (tx, &meeting, error);
  items[1].referral_id = pd_referral_insert (tx, &referral, NULL, error);
  if (fixture->meeting_id == 0 || items[1].referral_id == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if ((fixture->items[i] = pd_agenda_add_item (tx, fixture->meeting_id, &items[i], NULL, error)) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
publish_cb (PdTransaction  *tx,
            gpointer        user_data,
            GError        **error)
{
  Fixture *fixture = user_data;

  return pd_meeting_set_status (tx, fixture->meeting_id, "agenda_published", error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) paper_a = draw_paper ("Referral form", 3);
  g_autoptr(GBytes) paper_b = draw_paper ("Chronology", 2);
  g_autoptr(GBytes) paper_missing = draw_paper ("Police summary", 2);
  g_autoptr(GBytes) paper_altered = draw_paper ("Health summary", 2);
  static const char docx[] = "PK\003\004 not really a docx";
  g_autoptr(GBytes) paper_docx = g_bytes_new_static (docx, sizeof docx - 1);
  g_autoptr(GBytes) paper_e = draw_paper ("Action plan", 4);
  g_autoptr(GBytes) paper_late = draw_paper ("Late letter", 1);

  fixture->dir = g_dir_make_tmp ("panel-desk-test-pack-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "pack.paneldesk", NULL);
  fixture->store = pd_document_store_dir_for (fixture->path);
  fixture->db = pd_database_open (fixture->path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pd_database_write (fixture->db, "Agenda", agenda_cb, fixture, NULL, &error);
  g_assert_no_error (error);

  fixture->documents[0] = attach_paper (fixture, fixture->items[1], "Referral form", "referral.pdf", paper_a, TRUE);
  fixture->documents[1] = attach_paper (fixture, fixture->items[1], "Chronology", "chronology.pdf", paper_b, TRUE);
  fixture->documents[2] = attach_paper (fixture, fixture->items[2], "Police summary", "police.pdf",
                                        paper_missing, FALSE);
  fixture->documents[3] = attach_paper (fixture, fixture->items[2], "Health summary", "health.pdf",
                                        paper_altered, TRUE);
  fixture->documents[4] = attach_paper (fixture, fixture->items[2], "Education notes", "education.docx",
                                        paper_docx, TRUE);
  fixture->documents[5] = attach_paper (fixture, fixture->items[3], "Action plan", "plan.pdf", paper_e, TRUE);

  /* Someone changes the health summary's file behind the store's back. */
  {
    g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, paper_altered);
    g_autofree char *name = g_strdup_printf ("%s.pdf", sha);
    g_autofree char *file = g_build_filename (fixture->store, (char[]) { sha[0], sha[1], 0 }, name, NULL);
    g_autoptr(GBytes) other = draw_paper ("Tampered", 2);

    g_file_set_contents (file, g_bytes_get_data (other, NULL), g_bytes_get_size (other), &error);
    g_assert_no_error (error);
  }

  /* A paper put on item 4 after publication is a late paper. */
  pd_database_write (fixture->db, "Publish", publish_cb, fixture, NULL, &error);
  g_assert_no_error (error);
  attach_paper (fixture, fixture->items[3], "Letter from the national panel", "letter.pdf", paper_late, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  pd_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->store);
  g_free (fixture->dir);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL };

  return run_tool (argv);
}

static guint
pdfinfo_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The page number at the end of the contents line that starts with @start. */
static guint
contents_page_of (const char *contents,
                  const char *start)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      const char *last_space;

      if (!g_str_has_prefix (line, start))
        continue;
      last_space = strrchr (line, ' ');
      g_assert_nonnull (last_space);
      return (guint) g_ascii_strtoull (last_space + 1, NULL, 10);
    }
  g_error ("no contents line starts with “%s” in:\n%s", start, contents);
  return 0;
}

static void
progress_cb (double      fraction,
             const char *message,
             gpointer    user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_nonnull (message);
  *last = fraction;
}

static void
test_pack (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAgendaPack) pack = NULL;
  PopplerDocument *document = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "pack.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *flagged = NULL;
  const char * const *problems;
  double last = 0;
  /* cover + contents + 4 item covers + papers 3 + 2 + 4 + 1 (late) */
  const guint expected = 1 + 1 + 4 + 3 + 2 + 4 + 1;

  pack = pd_agenda_pack_new (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  /* Planned without writing, the numbers are those the pack then prints. */
  g_assert_true (pd_agenda_pack_plan (pack, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pd_agenda_pack_get_n_pages (pack), ==, expected);
  g_assert_cmpuint (pd_agenda_pack_get_item_page (pack, fixture->items[3]), ==, 11);
  g_assert_true (pd_agenda_pack_write (pack, out, progress_cb, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (pd_agenda_pack_get_n_pages (pack), ==, expected);
  g_assert_cmpuint (pdfinfo_pages (out), ==, expected);
  /* The page labels are amended by an incremental update: still a sound PDF. */
  {
    const char *check[] = { "qpdf", "--check", out, NULL };
    g_autofree char *report = run_tool (check);

    g_assert_null (strstr (report, "WARNING"));
  }

  /* Every page: the marking, the meeting, and its number in the run. */
  for (guint page = 1; page <= expected; page++)
    {
      g_autofree char *text = page_text (out, page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, expected);

      g_assert_nonnull (strstr (text, "OFFICIAL-SENSITIVE"));
      g_assert_nonnull (strstr (text, "Practice Review Panel"));
      g_assert_nonnull (strstr (text, footer));
    }

  /* The PDF's page labels say the same. */
  uri = g_filename_to_uri (out, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *label = NULL;
      g_autofree char *expected_label = g_strdup_printf ("%d", i + 1);

      g_object_get (page, "label", &label, NULL);
      g_assert_cmpstr (label, ==, expected_label);
      g_object_unref (page);
    }
  g_object_unref (document);

  /* The contents' numbers point to the right pages. */
  contents = page_text (out, 2);
  g_assert_cmpuint (contents_page_of (contents, "1. Apologies"), ==, 3);
  g_assert_cmpuint (contents_page_of (contents, "2. New referral"), ==, 4);
  g_assert_cmpuint (pd_agenda_pack_get_item_page (pack, fixture->items[1]), ==, 4);
  g_assert_cmpuint (contents_page_of (contents, "4. Any other business"), ==, 11);
  {
    struct { const char *line; const char *on_page; } checks[] = {
      { "1. Apologies", "Item 1" },
      { "2. New referral", "Item 2" },
      { "Referral form", "Referral form page 1" },
      { "Chronology", "Chronology page 1" },
      { "3. Action plan monitoring", "Item 3" },
      { "4. Any other business", "Item 4" },
      { "Action plan", "Action plan page 1" },
      { "Letter from the national panel", "Late letter page 1" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      {
        g_autofree char *text = page_text (out, contents_page_of (contents, checks[i].line));

        g_assert_nonnull (strstr (text, checks[i].on_page));
      }
  }
  g_assert_cmpuint (pd_agenda_pack_get_paper_page (pack, fixture->documents[5]), ==,
                    contents_page_of (contents, "Action plan "));
  g_assert_nonnull (strstr (contents, "(late paper)"));
  g_assert_nonnull (strstr (contents, "MISSING"));
  g_assert_nonnull (strstr (contents, "not included, open separately"));

  /* Item 3's cover flags the missing and the altered paper and lists the other. */
  flagged = page_text (out, contents_page_of (contents, "3. Action plan monitoring"));
  g_assert_nonnull (strstr (flagged, "Police summary"));
  g_assert_nonnull (strstr (flagged, "MISSING"));
  g_assert_nonnull (strstr (flagged, "Health summary"));
  g_assert_nonnull (strstr (flagged, "ALTERED"));
  g_assert_nonnull (strstr (flagged, "education.docx"));
  g_assert_nonnull (strstr (flagged, "Not included, open separately"));
  /* … and none of the tampered file's pages went in. */
  for (guint page = 1; page <= expected; page++)
    {
      g_autofree char *text = page_text (out, page);

      g_assert_null (strstr (text, "Tampered"));
    }

  problems = pd_agenda_pack_get_problems (pack);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 3);
}

typedef struct
{
  GThread  *main_thread;
  guint     n_progress;
  gboolean  done;
  gboolean  progress_after_done;
  GError   *error;
} AsyncRun;

static void
async_progress_cb (double      fraction,
                   const char *message,
                   gpointer    user_data)
{
  AsyncRun *run = user_data;

  /* Delivered on the caller's thread, before the result. */
  g_assert_true (g_thread_self () == run->main_thread);
  run->progress_after_done |= run->done;
  run->n_progress++;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncRun *run = user_data;

  pd_agenda_pack_write_finish (PD_AGENDA_PACK (source), result, &run->error);
  run->done = TRUE;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAgendaPack) pack = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "async.pdf", NULL);
  AsyncRun run = { g_thread_self (), 0, FALSE, FALSE, NULL };

  pack = pd_agenda_pack_new (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  pd_agenda_pack_write_async (pack, out, async_progress_cb, &run, NULL, async_done_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  /* Reports still queued would run now: there must be none left after the result. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_no_error (run.error);
  g_assert_false (run.progress_after_done);
  g_assert_cmpuint (run.n_progress, >, 3);
  g_assert_cmpuint (pdfinfo_pages (out), ==, pd_agenda_pack_get_n_pages (pack));
}

typedef struct
{
  char     *victim;     /* a paper's stored file, changed once drawing has begun */
  gboolean  changed;
} Tamper;

static void
tamper_progress_cb (double      fraction,
                    const char *message,
                    gpointer    user_data)
{
  Tamper *tamper = user_data;
  g_autoptr(GBytes) other = NULL;

  if (tamper->changed || !g_str_has_prefix (message, "Item "))
    return;
  other = draw_paper ("Swapped", 4);
  g_assert_true (g_file_set_contents (tamper->victim, g_bytes_get_data (other, NULL),
                                      g_bytes_get_size (other), NULL));
  tamper->changed = TRUE;
}

static void
test_changed_while_packing (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAgendaPack) pack = NULL;
  g_autoptr(GPtrArray) papers = pd_agenda_paper_list (fixture->db, 0, fixture->items[3], &error);
  g_autofree char *out = g_build_filename (fixture->dir, "changed.pdf", NULL);
  Tamper tamper = { NULL, FALSE };

  /* The action plan, drawn on item 4 after the papers before it. */
  g_assert_no_error (error);
  for (guint i = 0; i < papers->len; i++)
    if (((PdAgendaPaper *) papers->pdata[i])->document_id == fixture->documents[5])
      tamper.victim = g_strdup (((PdAgendaPaper *) papers->pdata[i])->path);
  g_assert_nonnull (tamper.victim);

  g_assert_true (g_file_test (tamper.victim, G_FILE_TEST_EXISTS));
  pack = pd_agenda_pack_new (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_false (pd_agenda_pack_write (pack, out, tamper_progress_cb, &tamper, NULL, &error));
  g_assert_true (tamper.changed);
  g_assert_error (error, PD_ERROR, PD_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Action plan"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_free (tamper.victim);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAgendaPack) pack = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  g_autofree char *partial = g_strconcat (out, ".partial", NULL);

  pack = pd_agenda_pack_new (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (pd_agenda_pack_write (pack, out, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
}

static gboolean
long_agenda_cb (PdTransaction  *tx,
                gpointer        user_data,
                GError        **error)
{
  PdMeetingFields meeting = { .title = "Long panel", .starts_at = "2030-02-01T09:00:00Z",
                              .ends_at = "2030-02-01T17:00:00Z" };
  gint64 *meeting_id = user_data;

  *meeting_id = pd_meeting_insert (tx, &meeting, error);
  if (*meeting_id == 0)
    return FALSE;
  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("Learning theme number %u", i);
      PdAgendaItemFields item = { .kind = "other", .title = title, .minutes = 5 };

      if (pd_agenda_add_item (tx, *meeting_id, &item, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Fifty items need two contents pages; the numbers still point right. */
static void
test_long_contents (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAgendaPack) pack = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "long.pdf", NULL);
  g_autofree char *second = NULL;
  g_autofree char *target = NULL;
  gint64 meeting_id = 0;
  guint page;

  pd_database_write (fixture->db, "Long agenda", long_agenda_cb, &meeting_id, NULL, &error);
  g_assert_no_error (error);
  pack = pd_agenda_pack_new (fixture->db, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_true (pd_agenda_pack_write (pack, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdfinfo_pages (out), ==, 1 + 2 + 50);

  second = page_text (out, 3);
  page = contents_page_of (second, "50. Learning theme number 50");
  g_assert_cmpuint (page, ==, 53);
  target = page_text (out, page);
  g_assert_nonnull (strstr (target, "Item 50"));
  g_assert_nonnull (strstr (target, "Page 53 of 53"));
  g_assert_nonnull (strstr (second, "Page 3 of 53"));
}

static void
test_unreadable_paper (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAgendaPack) pack = NULL;
  g_autoptr(GBytes) whole = draw_paper ("Broken", 3);
  g_autoptr(GBytes) broken = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 3);
  g_autofree char *out = g_build_filename (fixture->dir, "broken.pdf", NULL);
  g_autofree char *cover = NULL;
  const char * const *problems;
  gboolean named = FALSE;

  /* Stored as it is (its SHA-256 matches), but poppler cannot open a third of a PDF. */
  attach_paper (fixture, fixture->items[0], "Damaged scan", "scan.pdf", broken, TRUE);
  pack = pd_agenda_pack_new (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_true (pd_agenda_pack_write (pack, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Nothing of it in the pack, flagged on item 1's cover. */
  g_assert_cmpuint (pdfinfo_pages (out), ==, 1 + 1 + 4 + 3 + 2 + 4 + 1);
  cover = page_text (out, 3);
  g_assert_nonnull (strstr (cover, "Damaged scan"));
  g_assert_nonnull (strstr (cover, "cannot be opened as a PDF"));
  problems = pd_agenda_pack_get_problems (pack);
  for (guint i = 0; problems[i] != NULL; i++)
    named |= strstr (problems[i], "Damaged scan") != NULL;
  g_assert_true (named);
}

typedef struct
{
  gint64      document_id;
  gint64      item_id;     /* 0: take it off its item */
  const char *reason;
} Move;

static gboolean
move_paper_cb (PdTransaction  *tx,
               gpointer        user_data,
               GError        **error)
{
  Move *move = user_data;

  if (move->item_id == 0)
    return pd_agenda_paper_detach (tx, move->document_id, move->reason, error);
  return pd_agenda_paper_attach (tx, move->item_id, move->document_id, error);
}

static void
test_paper_moves (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) papers = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  Move move = { fixture->documents[1], fixture->items[3], NULL };

  /* On one item at a time. */
  g_assert_false (pd_database_write (fixture->db, "Move", move_paper_cb, &move, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "another agenda item"));
  g_clear_error (&error);

  /* The agenda is published: taking a paper off needs a reason, kept in the addendum. */
  move.item_id = 0;
  g_assert_false (pd_database_write (fixture->db, "Detach", move_paper_cb, &move, NULL, &error));
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_clear_error (&error);
  move.reason = "Superseded by the updated chronology";
  g_assert_true (pd_database_write (fixture->db, "Detach", move_paper_cb, &move, NULL, &error));
  g_assert_no_error (error);

  papers = pd_agenda_paper_list (fixture->db, fixture->meeting_id, fixture->items[1], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (papers->len, ==, 1);
  g_assert_cmpstr (((PdAgendaPaper *) papers->pdata[0])->title, ==, "Referral form");
  g_assert_false (((PdAgendaPaper *) papers->pdata[0])->is_late);
  changes = pd_agenda_list_changes (fixture->db, fixture->meeting_id, &error);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (((PdAgendaChange *) changes->pdata[1])->description, ==, "Paper withdrawn: Chronology");
  g_assert_cmpstr (((PdAgendaChange *) changes->pdata[1])->reason, ==, "Superseded by the updated chronology");

  /* The document itself stays in the store and the table. */
  {
    g_autoptr(PdDocument) document = pd_document_load (fixture->db, fixture->documents[1], &error);

    g_assert_no_error (error);
    g_assert_nonnull (document);
  }
}

static gboolean
empty_meeting_cb (PdTransaction  *tx,
                  gpointer        user_data,
                  GError        **error)
{
  PdMeetingFields meeting = { .title = "Extra panel", .starts_at = "2030-01-01T10:00:00Z",
                              .ends_at = "2030-01-01T11:00:00Z" };

  *(gint64 *) user_data = pd_meeting_insert (tx, &meeting, error);
  return *(gint64 *) user_data != 0;
}

static void
test_empty_agenda (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAgendaPack) pack = NULL;
  gint64 empty_id = 0;

  pd_database_write (fixture->db, "Empty meeting", empty_meeting_cb, &empty_id, NULL, &error);
  g_assert_no_error (error);
  pack = pd_agenda_pack_new (fixture->db, empty_id, &error);
  g_assert_null (pack);
  g_assert_error (error, PD_ERROR, PD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);

  pack = pd_agenda_pack_new (fixture->db, 424242, &error);
  g_assert_null (pack);
  g_assert_error (error, PD_ERROR, PD_ERROR_NO_RECORD);
}

static void
test_minutes (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdMinutesPdf) minutes = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "minutes.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdf_text = NULL;
  guint n_pages;

  minutes = pd_minutes_pdf_new (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  text = pd_minutes_pdf_dup_text (minutes);
  g_assert_nonnull (strstr (text, "No attendance was recorded."));
  g_assert_nonnull (strstr (text, "Quorum not met"));
  g_assert_nonnull (strstr (text, "None declared."));
  g_assert_nonnull (strstr (text, "2. New referral: Child A\nReferral PRP-2026-001: Child A"));
  g_assert_nonnull (strstr (text, "Late paper added: Letter from the national panel (Late paper)"));

  g_assert_true (pd_minutes_pdf_write (minutes, out, NULL, &error));
  g_assert_no_error (error);
  n_pages = pd_minutes_pdf_get_n_pages (minutes);
  g_assert_cmpuint (pdfinfo_pages (out), ==, n_pages);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_content = page_text (out, page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (page_content, "OFFICIAL-SENSITIVE"));
      g_assert_nonnull (strstr (page_content, footer));
    }
  pdf_text = page_text (out, 1);
  g_assert_nonnull (strstr (pdf_text, "Declarations of interest"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/agenda-pack/pages", Fixture, NULL, fixture_set_up, test_pack, fixture_tear_down);
  g_test_add ("/agenda-pack/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/agenda-pack/changed-while-packing", Fixture, NULL, fixture_set_up, test_changed_while_packing,
              fixture_tear_down);
  g_test_add ("/agenda-pack/long-contents", Fixture, NULL, fixture_set_up, test_long_contents, fixture_tear_down);
  g_test_add ("/agenda-pack/unreadable-paper", Fixture, NULL, fixture_set_up, test_unreadable_paper,
              fixture_tear_down);
  g_test_add ("/agenda-pack/paper-moves", Fixture, NULL, fixture_set_up, test_paper_moves, fixture_tear_down);
  g_test_add ("/agenda-pack/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/agenda-pack/minutes", Fixture, NULL, fixture_set_up, test_minutes, fixture_tear_down);
  g_test_add ("/agenda-pack/empty-agenda", Fixture, NULL, fixture_set_up, test_empty_agenda, fixture_tear_down);

  return g_test_run ();
}
