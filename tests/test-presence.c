/* test-presence.c: who else has the database open, and what they edit */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <utime.h>

#include "pd-core.h"
#include "pd-test-util.h"

static void
test_presence (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("panel-desk-test-presence-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "panel.paneldesk", NULL);
  g_autofree char *file_a = NULL;
  g_autoptr(PdDatabase) a = NULL;
  g_autoptr(PdDatabase) b = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(PdPresence) editor = NULL;
  g_autoptr(PdPresence) nobody = NULL;
  PdPresence *other;
  struct utimbuf old;

  g_assert_no_error (error);
  a = pd_database_open (path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  b = pd_database_open (path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* Alone: nobody else. */
  g_assert_true (pd_presence_announce (b, NULL, 0, &error));
  none = pd_presence_list_others (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* A edits referral 5: B sees them, and who edits it. */
  g_assert_true (pd_presence_announce (a, "referral", 5, &error));
  g_assert_no_error (error);
  seen = pd_presence_list_others (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  other = g_ptr_array_index (seen, 0);
  g_assert_cmpstr (other->login_name, ==, pd_database_get_login_name (a));
  g_assert_cmpstr (other->editing_entity, ==, "referral");
  g_assert_cmpint (other->editing_id, ==, 5);
  g_assert_nonnull (other->editing_since);
  editor = pd_presence_find_editor (b, "referral", 5);
  g_assert_nonnull (editor);
  nobody = pd_presence_find_editor (b, "referral", 6);
  g_assert_null (nobody);

  /* A crashed: not renewed for long, so gone, and its file tidied away. */
  file_a = g_build_filename (dir, "panel.paneldesk.presence", pd_database_get_client_id (a), NULL);
  old.actime = old.modtime = time (NULL) - 10 * PD_PRESENCE_GONE_SECONDS;
  g_assert_cmpint (g_utime (file_a, &old), ==, 0);
  gone = pd_presence_list_others (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gone->len, ==, 0);
  g_assert_false (g_file_test (file_a, G_FILE_TEST_EXISTS));

  /* Leaving removes one's own. */
  pd_presence_leave (b);
  g_clear_object (&a);
  g_clear_object (&b);
  pd_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/presence/announce-list-leave", test_presence);
  return g_test_run ();
}
