/* test-filesystem.c: telling a local disk from a network share */
#include <glib/gstdio.h>

#include "pd-core.h"

static void
test_local_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pd-fs-XXXXXX", &error);
  g_autofree char *file = NULL;
  PdFilesystemKind kind;

  g_assert_no_error (error);
  file = g_build_filename (dir, "not-yet.paneldesk", NULL);

  /* The file need not exist: its folder is what is looked at. */
  kind = pd_filesystem_kind_of (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, !=, PD_FILESYSTEM_UNKNOWN);
  g_assert_nonnull (pd_filesystem_kind_to_label (kind));
  g_assert_cmpstr (pd_filesystem_kind_to_label (kind), !=, "");

  g_rmdir (dir);
}

static void
test_missing_folder (void)
{
  g_autoptr(GError) error = NULL;
  PdFilesystemKind kind;

  kind = pd_filesystem_kind_of ("/nonexistent-pd-folder/x/db.paneldesk", &error);
  g_assert_error (error, PD_ERROR, PD_ERROR_IO);
  g_assert_cmpint (kind, ==, PD_FILESYSTEM_UNKNOWN);
}

static void
test_network_kinds (void)
{
  g_assert_true (pd_filesystem_kind_is_network (PD_FILESYSTEM_NFS));
  g_assert_true (pd_filesystem_kind_is_network (PD_FILESYSTEM_SMB));
  g_assert_true (pd_filesystem_kind_is_network (PD_FILESYSTEM_FUSE));
  g_assert_false (pd_filesystem_kind_is_network (PD_FILESYSTEM_LOCAL));
  g_assert_false (pd_filesystem_kind_is_network (PD_FILESYSTEM_UNKNOWN));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filesystem/local-temp-dir", test_local_temp_dir);
  g_test_add_func ("/filesystem/missing-folder", test_missing_folder);
  g_test_add_func ("/filesystem/network-kinds", test_network_kinds);

  return g_test_run ();
}
