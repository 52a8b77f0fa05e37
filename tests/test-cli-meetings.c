/* test-cli-meetings.c: "agenda-pack", "minutes" and "calendar" run as an
 * administrator would, on a demo database */
#include <glib.h>
#include <string.h>
#include <sys/wait.h>

#include "pd-test-util.h"

static const char *admin;
static const char *read_ics;
static char *tmp_dir;
static char *demo;

/* Runs panel-desk-admin with the NULL-terminated arguments, in tmp_dir. */
#define run_admin(run, ...) pd_test_run ((run), tmp_dir, admin, __VA_ARGS__)

static guint
pdfinfo_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_auto(PdTestRun) run = { 0 };
  const char *pages;

  pd_test_run_argv (&run, tmp_dir, argv);
  g_assert_cmpint (run.status, ==, 0);
  pages = strstr (run.out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_auto(PdTestRun) run = { 0 };

  pd_test_run_argv (&run, tmp_dir, argv);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

/* The demo's newest meeting has the oldest case's papers on its action plan item. */
static void
test_agenda_pack (void)
{
  g_auto(PdTestRun) run = { 0 };
  g_autofree char *out = g_build_filename (tmp_dir, "pack.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  guint pages;

  run_admin (&run, "agenda-pack", demo, "--meeting", "1", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* Progress on stderr (not a terminal here: a line a tenth), the result on stdout. */
  g_assert_nonnull (strstr (run.err, "Checking paper"));
  g_assert_nonnull (strstr (run.err, "100%"));
  g_assert_nonnull (strstr (run.err, "Item "));
  pages = pdfinfo_pages (out);
  g_assert_cmpuint (pages, >, 10);
  expected = g_strdup_printf ("%u pages", pages);
  g_assert_nonnull (strstr (run.out, expected));

  text = pdf_text (out);
  g_assert_nonnull (strstr (text, "Contents"));
  g_assert_nonnull (strstr (text, "Action plan monitoring"));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Page %u of %u", pages, pages);
  g_assert_nonnull (strstr (text, expected));
}

static void
test_agenda_pack_bad_calls (void)
{
  g_auto(PdTestRun) no_meeting = { 0 };
  g_auto(PdTestRun) unknown = { 0 };
  g_auto(PdTestRun) no_file = { 0 };
  g_auto(PdTestRun) unwritable = { 0 };
  g_autofree char *out = g_build_filename (tmp_dir, "never.pdf", NULL);

  run_admin (&no_meeting, "agenda-pack", demo, out, NULL);
  g_assert_cmpint (no_meeting.status, ==, 2);
  g_assert_nonnull (strstr (no_meeting.err, "--meeting"));

  run_admin (&unknown, "agenda-pack", demo, "--meeting", "9999", out, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "not found"));

  run_admin (&no_file, "agenda-pack", "nowhere.paneldesk", "--meeting", "1", out, NULL);
  g_assert_cmpint (no_file.status, ==, 1);

  run_admin (&unwritable, "agenda-pack", demo, "--meeting", "1", "/nonexistent-folder/pack.pdf", NULL);
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_nonnull (strstr (unwritable.err, "could not be"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_minutes (void)
{
  g_auto(PdTestRun) run = { 0 };
  g_autofree char *out = g_build_filename (tmp_dir, "minutes.pdf", NULL);
  g_autofree char *text = NULL;

  /* Meeting 2 is the demo's last held meeting, with attendance recorded. */
  run_admin (&run, "minutes", demo, "--meeting", "2", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (out);
  g_assert_nonnull (strstr (text, "OFFICIAL-SENSITIVE"));
  g_assert_nonnull (strstr (text, "Attendance"));
  g_assert_nonnull (strstr (text, "Present:"));
  g_assert_nonnull (strstr (text, "Apologies:"));
  g_assert_nonnull (strstr (text, "Quorum met"));
  g_assert_nonnull (strstr (text, "declared an interest"));
  g_assert_nonnull (strstr (text, "Recommendation:"));
  g_assert_nonnull (strstr (text, "Action: Send the panel"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
}

static void
read_back (const char *ics,
           const char *which)
{
  const char *argv[] = { "/usr/bin/python3", read_ics, ics, demo, which, NULL };
  g_auto(PdTestRun) run = { 0 };

  pd_test_run_argv (&run, tmp_dir, argv);
  if (run.status != 0)
    g_printerr ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "events read back"));
}

static void
test_calendar (void)
{
  g_auto(PdTestRun) year = { 0 };
  g_auto(PdTestRun) one = { 0 };
  g_auto(PdTestRun) both = { 0 };
  g_auto(PdTestRun) neither = { 0 };
  g_autofree char *year_ics = g_build_filename (tmp_dir, "2026.ics", NULL);
  g_autofree char *one_ics = g_build_filename (tmp_dir, "one.ics", NULL);

  run_admin (&year, "calendar", demo, "--year", "2026", year_ics, NULL);
  g_assert_cmpint (year.status, ==, 0);
  read_back (year_ics, "2026");

  run_admin (&one, "calendar", demo, "--meeting", "1", one_ics, NULL);
  g_assert_cmpint (one.status, ==, 0);
  read_back (one_ics, "meeting:1");

  run_admin (&both, "calendar", demo, "--meeting", "1", "--year", "2026", one_ics, NULL);
  g_assert_cmpint (both.status, ==, 2);
  run_admin (&neither, "calendar", demo, one_ics, NULL);
  g_assert_cmpint (neither.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_auto(PdTestRun) made = { 0 };
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  admin = g_getenv ("PANEL_DESK_ADMIN");
  g_assert_nonnull (admin);
  g_assert_cmpint (argc, ==, 2);
  read_ics = argv[1];

  tmp_dir = g_dir_make_tmp ("panel-desk-test-cli-meetings-XXXXXX", &error);
  g_assert_no_error (error);
  demo = g_build_filename (tmp_dir, "demo.paneldesk", NULL);
  run_admin (&made, "demo", demo, "--referrals", "40", NULL);
  g_assert_cmpint (made.status, ==, 0);

  g_test_add_func ("/cli-meetings/agenda-pack", test_agenda_pack);
  g_test_add_func ("/cli-meetings/agenda-pack-bad-calls", test_agenda_pack_bad_calls);
  g_test_add_func ("/cli-meetings/minutes", test_minutes);
  g_test_add_func ("/cli-meetings/calendar", test_calendar);

  status = g_test_run ();
  pd_test_remove_tree (tmp_dir);
  g_free (demo);
  g_free (tmp_dir);
  return status;
}
