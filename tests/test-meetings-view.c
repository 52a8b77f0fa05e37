/* test-meetings-view.c: the Meetings view's real widgets, driven through
 * their actions on the shared meetings fixture */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "meetings-fixture.h"
#include "pd-agenda-item-dialog.h"
#include "pd-agenda-view.h"
#include "pd-test-util.h"

#define TIMEOUT_MS 20000

typedef struct
{
  Fixture       fixture;
  GtkWindow    *window;
  PdAgendaView *view;
  PdMeetingPage *page;
  gint64        opened_id;
  char         *opened_path;
} ViewFixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
wait_for (Condition cond,
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  guint wake_id = g_timeout_add (10, wake_up, NULL);
  gboolean ok;

  while (!(ok = cond (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_id);
  return ok;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
on_open_document (PdAgendaView *view,
                  gint64        id,
                  const char   *path,
                  int           page_index,
                  const char   *query,
                  ViewFixture  *vf)
{
  vf->opened_id = id;
  g_free (vf->opened_path);
  vf->opened_path = g_strdup (path);
}

static void
set_up (ViewFixture   *vf,
        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (&vf->fixture, user_data);
  vf->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (vf->window, 1100, 800);
  vf->view = g_object_new (PD_TYPE_AGENDA_VIEW, NULL);
  gtk_window_set_child (vf->window, GTK_WIDGET (vf->view));
  g_signal_connect (vf->view, "open-document", G_CALLBACK (on_open_document), vf);
  gtk_window_present (vf->window);
  g_assert_true (wait_for (is_mapped, vf->window));

  pd_agenda_view_set_database (vf->view, vf->fixture.db);
  g_assert_cmpuint (pd_agenda_view_get_n_rows (vf->view), ==, 1);
  g_assert_cmpstr (pd_agenda_view_get_shown (vf->view), ==, "list");

  gtk_widget_activate_action (GTK_WIDGET (vf->view), "agenda.show-meeting", "x", vf->fixture.meeting_id);
  g_assert_cmpstr (pd_agenda_view_get_shown (vf->view), ==, "meeting");
  vf->page = pd_agenda_view_get_meeting_page (vf->view);
  g_assert_no_error (error);
}

static void
tear_down (ViewFixture   *vf,
           gconstpointer  user_data)
{
  gtk_window_destroy (vf->window);
  g_free (vf->opened_path);
  fixture_tear_down (&vf->fixture, user_data);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static char *
titles (ViewFixture *vf)
{
  g_auto(GStrv) shown = pd_meeting_page_dup_item_titles (vf->page);

  return g_strjoinv ("|", shown);
}

/* Adds an item through the Add Item dialog, as a user would. */
static void
add_item (ViewFixture *vf,
          const char  *kind,
          const char  *title,
          int          minutes)
{
  PdAgendaItemDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.add-item", NULL);
  dialog = find_toplevel (PD_TYPE_AGENDA_ITEM_DIALOG);
  g_assert_nonnull (dialog);
  pd_agenda_item_dialog_set_form (dialog, kind, title, minutes);
  pd_agenda_item_dialog_save (dialog);
  g_assert_null (find_toplevel (PD_TYPE_AGENDA_ITEM_DIALOG));
}

static void
build_agenda (ViewFixture *vf)
{
  add_item (vf, "apologies", "Apologies and declarations", 5);
  add_item (vf, "minutes", "Minutes of the last meeting", 10);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.add-awaiting", NULL);
}

static void
test_build_agenda (ViewFixture   *vf,
                   gconstpointer  user_data)
{
  g_autofree char *shown = NULL;
  PdAgendaItemDialog *dialog;
  gboolean over = TRUE;

  /* An empty agenda says so. */
  shown = titles (vf);
  g_assert_cmpstr (shown, ==, "");
  g_clear_pointer (&shown, g_free);

  build_agenda (vf);
  shown = titles (vf);
  g_assert_cmpstr (shown, ==, "1. Apologies and declarations|2. Minutes of the last meeting|"
                   "3. New referral PRP-2026-001: Child A|4. New referral PRP-2026-002: Child B|"
                   "5. New referral PRP-2026-003: Child C|6. New referral PRP-2026-004: Child D");
  g_assert_nonnull (strstr (pd_meeting_page_get_last_message (vf->page), "4 referrals"));
  g_assert_cmpstr (pd_meeting_page_get_total_text (vf->page, &over), ==, "Total 95 of 180 minutes");
  g_assert_false (over);

  /* A second time adds nobody twice, and says so. */
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.add-awaiting", NULL);
  g_assert_nonnull (strstr (pd_meeting_page_get_last_message (vf->page), "No referrals"));

  /* A new referral item needs its referral: refused, the form kept. */
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.add-item", NULL);
  dialog = find_toplevel (PD_TYPE_AGENDA_ITEM_DIALOG);
  pd_agenda_item_dialog_set_form (dialog, "other", "", 10);
  pd_agenda_item_dialog_save (dialog);
  g_assert_nonnull (pd_agenda_item_dialog_get_error (dialog));
  g_assert_true (find_toplevel (PD_TYPE_AGENDA_ITEM_DIALOG) == dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Past the meeting's length: shown as over. */
  add_item (vf, "other", "Any other business", 100);
  g_assert_cmpstr (pd_meeting_page_get_total_text (vf->page, &over), ==, "Total 195 of 180 minutes");
  g_assert_true (over);

  /* Removing an item renumbers; the toast's undo puts it back. */
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.remove-item", "x",
                              pd_meeting_page_get_item_id (vf->page, 2));
  g_clear_pointer (&shown, g_free);
  shown = titles (vf);
  g_assert_true (g_str_has_prefix (shown, "1. Apologies and declarations|2. New referral PRP-2026-001"));
  g_assert_nonnull (strstr (pd_meeting_page_get_last_message (vf->page), "removed"));
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.undo-remove", NULL);
  g_clear_pointer (&shown, g_free);
  shown = titles (vf);
  g_assert_true (g_str_has_prefix (shown, "1. Apologies and declarations|2. Minutes of the last meeting|"
                                   "3. New referral PRP-2026-001"));

  /* A declaration of interest: a blank one refused, a real one recorded. */
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.declare-interest", "(xxs)",
                              pd_meeting_page_get_item_id (vf->page, 3), vf->fixture.police_id, " ");
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle, "SELECT count(*) FROM conflict_declarations;"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.declare-interest", "(xxs)",
                              pd_meeting_page_get_item_id (vf->page, 3), vf->fixture.police_id,
                              "Investigating officer's line manager");
  g_assert_cmpstr (pd_meeting_page_get_last_message (vf->page), ==, "Declaration of interest recorded");
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle, "SELECT count(*) FROM conflict_declarations;"), ==, 1);

  /* The list shows the meeting with its items. */
  gtk_widget_activate_action (GTK_WIDGET (vf->view), "agenda.back", NULL);
  g_assert_cmpstr (pd_agenda_view_get_shown (vf->view), ==, "list");
  g_assert_cmpuint (pd_agenda_view_get_n_rows (vf->view), ==, 1);
}

static void
test_reorder_by_keyboard (ViewFixture   *vf,
                          gconstpointer  user_data)
{
  g_autofree char *shown = NULL;

  build_agenda (vf);

  /* Alt+Down on the focused first item, twice, then Alt+Up once. */
  pd_meeting_page_focus_item (vf->page, 1);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.move-focused", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.move-focused", "i", 1);
  shown = titles (vf);
  g_assert_cmpstr (shown, ==, "1. Minutes of the last meeting|2. New referral PRP-2026-001: Child A|"
                   "3. Apologies and declarations|4. New referral PRP-2026-002: Child B|"
                   "5. New referral PRP-2026-003: Child C|6. New referral PRP-2026-004: Child D");
  g_clear_pointer (&shown, g_free);

  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.move-focused", "i", -1);
  shown = titles (vf);
  g_assert_true (g_str_has_prefix (shown, "1. Minutes of the last meeting|2. Apologies and declarations|"
                                   "3. New referral PRP-2026-001"));
  g_clear_pointer (&shown, g_free);

  /* Past the top is refused with a message and changes nothing. */
  pd_meeting_page_focus_item (vf->page, 1);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.move-focused", "i", -1);
  g_assert_nonnull (pd_meeting_page_get_last_message (vf->page));
  shown = titles (vf);
  g_assert_true (g_str_has_prefix (shown, "1. Minutes of the last meeting|2. Apologies"));
  g_clear_pointer (&shown, g_free);

  /* A drop (drag and drop's end) moves to the place dropped on. */
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.move-item-to", "(xi)",
                              pd_meeting_page_get_item_id (vf->page, 6), 1);
  shown = titles (vf);
  g_assert_true (g_str_has_prefix (shown, "1. New referral PRP-2026-004: Child D|2. Minutes"));
}

/* A one-page PDF put in the store and on @item_id; returns the document id. */
typedef struct
{
  gint64      meeting_id;
  gint64      item_id;
  const char *sha;
  gint64      size;
  gint64      id;
} Paper;

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
attach_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  Paper *paper = user_data;
  PdDocumentFields fields = {
    .meeting_id = paper->meeting_id, .title = "Chronology", .kind = "other",
    .filename = "chronology.pdf", .media_type = "application/pdf", .size = paper->size,
    .page_count = 1, .sha256 = paper->sha,
  };

  paper->id = pd_document_insert (tx, &fields, error);
  return paper->id != 0 && pd_agenda_paper_attach (tx, paper->item_id, paper->id, error);
}

static char *
attach_paper (ViewFixture *vf,
              gint64       item_id,
              gint64      *out_id)
{
  g_autoptr(GError) error = NULL;
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, array, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *store = pd_document_store_dir_for (vf->fixture.path);
  g_autofree char *shard = NULL;
  g_autofree char *name = NULL;
  char *file;
  Paper paper = { .meeting_id = vf->fixture.meeting_id, .item_id = item_id };

  cairo_move_to (cr, 72, 300);
  cairo_show_text (cr, "Chronology");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  bytes = g_byte_array_free_to_bytes (array);

  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  shard = g_build_filename (store, (char[]) { sha[0], sha[1], 0 }, NULL);
  name = g_strdup_printf ("%s.pdf", sha);
  file = g_build_filename (shard, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (shard, 0755), ==, 0);
  g_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  paper.sha = sha;
  paper.size = g_bytes_get_size (bytes);
  pd_database_write (vf->fixture.db, "Test paper", attach_cb, &paper, NULL, &error);
  g_assert_no_error (error);
  *out_id = paper.id;
  return file;
}

static gboolean
papers_checked (gpointer data)
{
  return pd_meeting_page_get_n_flagged_papers (PD_MEETING_PAGE (data)) >= 0;
}

static void
test_open_paper (ViewFixture   *vf,
                 gconstpointer  user_data)
{
  g_autofree char *file = NULL;
  gint64 document_id = 0;

  build_agenda (vf);
  file = attach_paper (vf, pd_meeting_page_get_item_id (vf->page, 3), &document_id);
  pd_meeting_page_reload (vf->page);

  g_assert_true (wait_for (papers_checked, vf->page));
  g_assert_cmpint (pd_meeting_page_get_n_flagged_papers (vf->page), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.open-paper", "x", document_id);
  g_assert_cmpint (vf->opened_id, ==, document_id);
  g_assert_cmpstr (vf->opened_path, ==, file);

  /* An altered paper is not opened, and the user is told why. */
  vf->opened_id = 0;
  g_file_set_contents (file, "%PDF-1.4 something else", -1, NULL);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.open-paper", "x", document_id);
  g_assert_cmpint (vf->opened_id, ==, 0);
  g_assert_nonnull (strstr (pd_meeting_page_get_last_message (vf->page), "altered"));

  /* The page's own check, off the main thread, flags it on its item. */
  pd_meeting_page_reload (vf->page);
  g_assert_true (wait_for (papers_checked, vf->page));
  g_assert_cmpint (pd_meeting_page_get_n_flagged_papers (vf->page), ==, 1);

  /* A missing one neither. */
  g_assert_cmpint (g_unlink (file), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.open-paper", "x", document_id);
  g_assert_cmpint (vf->opened_id, ==, 0);
  g_assert_nonnull (strstr (pd_meeting_page_get_last_message (vf->page), "missing"));
}

static gboolean
minutes_done (gpointer data)
{
  return !pd_meeting_page_is_writing_minutes (PD_MEETING_PAGE (data));
}

static void
test_presentation (ViewFixture   *vf,
                   gconstpointer  user_data)
{
  PdPresentation *presentation = pd_agenda_view_get_presentation (vf->view);
  PdRecommendationForm *form = pd_presentation_get_recommendation_form (presentation);
  g_autofree char *file = NULL;
  g_autofree char *sql = NULL;
  gint64 document_id = 0;
  gint64 item_id;
  gint64 decision_id;

  build_agenda (vf);
  item_id = pd_meeting_page_get_item_id (vf->page, 3);
  file = attach_paper (vf, item_id, &document_id);

  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.present", NULL);
  g_assert_cmpstr (pd_agenda_view_get_shown (vf->view), ==, "presentation");
  g_assert_cmpuint (pd_presentation_get_position (presentation), ==, 1);

  /* One key (the next action) at a time to the first referral. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  g_assert_cmpuint (pd_presentation_get_position (presentation), ==, 3);
  g_assert_cmpint (pd_presentation_get_item_id (presentation), ==, item_id);

  /* Its paper is a click away. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.open-paper", "x", document_id);
  g_assert_cmpstr (vf->opened_path, ==, file);

  /* No rationale: refused, nothing written. */
  pd_recommendation_form_set (form, "no_review", "", "   ");
  g_assert_cmpint (pd_recommendation_form_record (form), ==, 0);
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle, "SELECT count(*) FROM decisions;"), ==, 0);

  pd_recommendation_form_set (form, "practice_learning", "abuse_or_neglect,serious_harm",
                              "Learning for agencies on information sharing.");
  decision_id = pd_recommendation_form_record (form);
  g_assert_cmpint (decision_id, >, 0);
  sql = g_strdup_printf ("SELECT count(*) FROM decisions WHERE id = %" G_GINT64_FORMAT
                         " AND kind = 'recommendation' AND meeting_id = %" G_GINT64_FORMAT
                         " AND referral_id = %" G_GINT64_FORMAT " AND outcome = 'practice_learning'"
                         " AND criteria_met = 'abuse_or_neglect,serious_harm';",
                         decision_id, vf->fixture.meeting_id, vf->fixture.referral_ids[0]);
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle, sql), ==, 1);

  /* The minutes say what was recommended, written on a worker thread. */
  {
    g_autofree char *minutes = g_build_filename (vf->fixture.dir, "minutes.pdf", NULL);
    g_autofree char *text = NULL;
    int status = -1;

    pd_meeting_page_write_minutes (vf->page, minutes);
    g_assert_true (wait_for (minutes_done, vf->page));
    g_assert_cmpstr (pd_meeting_page_get_last_message (vf->page), ==, "Minutes saved");
    g_spawn_sync (NULL, (char *[]) { "pdftotext", minutes, "-", NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  &text, NULL, &status, NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (text, "Recommendation: Practice learning review. Learning for agencies"));
  }

  /* Back one, then Escape leaves for the meeting's page. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  g_assert_cmpuint (pd_presentation_get_position (presentation), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL);
  g_assert_cmpstr (pd_agenda_view_get_shown (vf->view), ==, "meeting");
}

/* A published agenda is frozen: a change asks why, and shows as an addendum. */
static void
test_published_agenda (ViewFixture   *vf,
                       gconstpointer  user_data)
{
  g_autofree char *shown = NULL;
  g_autofree char *status = NULL;
  AdwMessageDialog *ask;
  gint64 item_id;

  build_agenda (vf);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.next-status", NULL);
  status = pd_test_query_text (vf->fixture.handle, "SELECT status FROM meetings;");
  g_assert_cmpstr (status, ==, "agenda_published");

  /* Cancelled: nothing changes. */
  item_id = pd_meeting_page_get_item_id (vf->page, 2);
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.remove-item", "x", item_id);
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  g_assert_false (adw_message_dialog_get_response_enabled (ask, "change"));
  adw_message_dialog_response (ask, "cancel");
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle,
                                      "SELECT count(*) FROM agenda_changes;"), ==, 0);

  /* With a reason: withdrawn, kept on the list, the addendum says so. */
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.remove-item", "x", item_id);
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ask)), "Minutes not ready");
  g_assert_true (adw_message_dialog_get_response_enabled (ask, "change"));
  adw_message_dialog_response (ask, "change");
  g_assert_nonnull (strstr (pd_meeting_page_get_last_message (vf->page), "withdrawn"));
  shown = titles (vf);
  g_assert_nonnull (strstr (shown, "Minutes of the last meeting"));
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle,
                                      "SELECT count(*) FROM agenda_changes WHERE reason = 'Minutes not ready';"),
                   ==, 1);
}

static gboolean
is_not_attaching (gpointer data)
{
  return !pd_meeting_page_is_attaching (data);
}

/* Papers chosen for an item go into the store and onto the item; once the
 * agenda is published, a paper put on an item is a late paper. */
static void
test_attach_papers (ViewFixture   *vf,
                    gconstpointer  user_data)
{
  g_autofree char *paper = g_build_filename (vf->fixture.dir, "chronology.pdf", NULL);
  g_autofree char *late = g_build_filename (vf->fixture.dir, "late-note.txt", NULL);
  const char *paths[] = { paper, NULL };
  const char *late_paths[] = { late, NULL };
  cairo_surface_t *surface = cairo_pdf_surface_create (paper, 595, 842);
  cairo_t *cr = cairo_create (surface);
  gint64 item_id;

  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, "Integrated chronology");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_set_contents (late, "A note that came the day before.", -1, NULL));

  build_agenda (vf);
  item_id = pd_meeting_page_get_item_id (vf->page, 3);
  pd_meeting_page_attach_papers (vf->page, item_id, paths);
  g_assert_true (pd_meeting_page_is_attaching (vf->page));
  g_assert_true (wait_for (is_not_attaching, vf->page));
  g_assert_cmpstr (pd_meeting_page_get_last_message (vf->page), ==, "1 paper attached");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM documents WHERE filename = 'chronology.pdf' "
                                            "AND page_count = 1 AND agenda_item_id = %" G_GINT64_FORMAT ";", item_id);

    g_assert_cmpint (pd_test_query_int (vf->fixture.handle, sql), ==, 1);
  }
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle, "SELECT count(*) FROM late_papers;"), ==, 0);

  /* Published: the next one is late. */
  gtk_widget_activate_action (GTK_WIDGET (vf->page), "meeting.next-status", NULL);
  item_id = pd_meeting_page_get_item_id (vf->page, 3);
  pd_meeting_page_attach_papers (vf->page, item_id, late_paths);
  g_assert_true (wait_for (is_not_attaching, vf->page));
  g_assert_cmpstr (pd_meeting_page_get_last_message (vf->page), ==, "1 paper attached");
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle,
                                      "SELECT count(*) FROM late_papers l JOIN documents d ON d.id = l.document_id "
                                      "WHERE d.filename = 'late-note.txt';"), ==, 1);
}

static void
test_new_meeting (ViewFixture   *vf,
                  gconstpointer  user_data)
{
  g_autofree char *fixture_day = moment_in (14, 10);
  g_autofree char *later_day = moment_in (21, 10);
  g_autofree char *date = g_strndup (fixture_day, 10);
  g_autofree char *later = g_strndup (later_day, 10);
  PdMeetingDialog *dialog;
  AdwMessageDialog *ask;

  gtk_widget_activate_action (GTK_WIDGET (vf->view), "agenda.back", NULL);
  dialog = pd_agenda_view_new_meeting (vf->view);

  /* A bad date, then one in the past: said, the form kept. */
  pd_meeting_dialog_set_form (dialog, "Extra panel", "31/03/2026", "10:00", "12:00", "Room 1");
  pd_meeting_dialog_save (dialog);
  g_assert_nonnull (strstr (pd_meeting_dialog_get_error (dialog), "YYYY-MM-DD"));
  pd_meeting_dialog_set_form (dialog, "Extra panel", "2020-03-31", "10:00", "12:00", "Room 1");
  pd_meeting_dialog_save (dialog);
  g_assert_nonnull (pd_meeting_dialog_get_error (dialog));
  g_assert_nonnull (strstr (pd_meeting_dialog_get_error (dialog), "past"));
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle, "SELECT count(*) FROM meetings;"), ==, 1);

  /* Overlapping the fixture's meeting: a confirmation naming it. */
  pd_meeting_dialog_set_form (dialog, "Extra panel", date, "11:00", "12:00", "Room 1");
  pd_meeting_dialog_save (dialog);
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "Practice Review Panel"));
  adw_message_dialog_response (ask, "cancel");
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle, "SELECT count(*) FROM meetings;"), ==, 1);

  /* Another day is scheduled at once and its page shown. */
  pd_meeting_dialog_set_form (dialog, "Extra panel", later, "10:00", "12:00", "Room 1");
  pd_meeting_dialog_save (dialog);
  g_assert_cmpint (pd_test_query_int (vf->fixture.handle, "SELECT count(*) FROM meetings;"), ==, 2);
  g_assert_cmpstr (pd_agenda_view_get_shown (vf->view), ==, "meeting");
  g_assert_cmpuint (pd_agenda_view_get_n_rows (vf->view), ==, 2);
}

static gboolean
pack_done (gpointer data)
{
  return !pd_meeting_page_is_building (PD_MEETING_PAGE (data));
}

static void
test_pack (ViewFixture   *vf,
           gconstpointer  user_data)
{
  g_autofree char *out = g_build_filename (vf->fixture.dir, "pack.pdf", NULL);
  g_autofree char *file = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages;
  gint64 document_id = 0;
  int status = -1;

  /* An empty agenda has no pack: said, nothing written. */
  pd_meeting_page_build_pack (vf->page, out);
  g_assert_false (pd_meeting_page_is_building (vf->page));
  g_assert_nonnull (strstr (pd_meeting_page_get_last_message (vf->page), "empty"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  build_agenda (vf);
  file = attach_paper (vf, pd_meeting_page_get_item_id (vf->page, 3), &document_id);
  pd_meeting_page_build_pack (vf->page, out);
  g_assert_true (pd_meeting_page_is_building (vf->page));
  g_assert_true (wait_for (pack_done, vf->page));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (pd_meeting_page_get_last_message (vf->page), "Agenda pack saved"));

  g_spawn_sync (NULL, (char *[]) { "pdfinfo", out, NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &info, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (g_ascii_strtoll (pages + strlen ("Pages:"), NULL, 10), >, 0);

  /* The meeting, and the year's meetings, as calendar files. */
  {
    g_autofree char *one = g_build_filename (vf->fixture.dir, "meeting.ics", NULL);
    g_autofree char *year_file = g_build_filename (vf->fixture.dir, "year.ics", NULL);
    g_autofree char *starts = moment_in (14, 10);
    g_autofree char *ics = NULL;

    g_assert_true (pd_meeting_page_export_calendar (vf->page, one));
    g_file_get_contents (one, &ics, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (ics, "BEGIN:VEVENT"));
    g_assert_nonnull (strstr (ics, "SUMMARY:Practice Review Panel"));
    g_assert_true (pd_agenda_view_export_year (vf->view, (int) g_ascii_strtoll (starts, NULL, 10), year_file));
    g_assert_true (g_file_test (year_file, G_FILE_TEST_IS_REGULAR));
  }
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/meetings-view/build-agenda", ViewFixture, NULL, set_up, test_build_agenda, tear_down);
  g_test_add ("/meetings-view/reorder-by-keyboard", ViewFixture, NULL, set_up, test_reorder_by_keyboard, tear_down);
  g_test_add ("/meetings-view/open-paper", ViewFixture, NULL, set_up, test_open_paper, tear_down);
  g_test_add ("/meetings-view/presentation", ViewFixture, NULL, set_up, test_presentation, tear_down);
  g_test_add ("/meetings-view/attach-papers", ViewFixture, NULL, set_up, test_attach_papers, tear_down);
  g_test_add ("/meetings-view/published-agenda", ViewFixture, NULL, set_up, test_published_agenda, tear_down);
  g_test_add ("/meetings-view/new-meeting", ViewFixture, NULL, set_up, test_new_meeting, tear_down);
  g_test_add ("/meetings-view/pack", ViewFixture, NULL, set_up, test_pack, tear_down);
  return g_test_run ();
}
