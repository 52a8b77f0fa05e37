/* pd-filesystem.c: what kind of filesystem holds a database
 *
 * statfs()'s f_type tells a network share from a local disk; Panel Desk shows
 * it in the About dialog and in `panel-desk-admin check`, because locking and
 * caching behave differently on each.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <sys/vfs.h>

#include "pd-error.h"
#include "pd-filesystem.h"

/* From linux/magic.h, spelled out so the header's availability does not matter. */
#define MAGIC_NFS     0x6969
#define MAGIC_SMB     0x517b
#define MAGIC_CIFS    0xff534d42
#define MAGIC_SMB2    0xfe534d42
#define MAGIC_FUSE    0x65735546
#define MAGIC_UNKNOWN 0

PdFilesystemKind
pd_filesystem_kind_of (const char  *path,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  struct statfs st;

  g_return_val_if_fail (path != NULL, PD_FILESYSTEM_UNKNOWN);

  dir = g_file_test (path, G_FILE_TEST_IS_DIR) ? g_strdup (path) : g_path_get_dirname (path);
  if (statfs (dir, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO,
                   _("Could not tell what kind of drive holds the database: %s"),
                   g_strerror (saved_errno));
      return PD_FILESYSTEM_UNKNOWN;
    }

  switch ((unsigned long) st.f_type)
    {
    case MAGIC_NFS:
      return PD_FILESYSTEM_NFS;
    case MAGIC_SMB:
    case MAGIC_CIFS:
    case MAGIC_SMB2:
      return PD_FILESYSTEM_SMB;
    case MAGIC_FUSE:
      return PD_FILESYSTEM_FUSE;
    case MAGIC_UNKNOWN:
      return PD_FILESYSTEM_UNKNOWN;
    default:
      return PD_FILESYSTEM_LOCAL;
    }
}

const char *
pd_filesystem_kind_to_label (PdFilesystemKind kind)
{
  switch (kind)
    {
    case PD_FILESYSTEM_LOCAL: return _("local disk");
    case PD_FILESYSTEM_NFS:   return _("NFS network share");
    case PD_FILESYSTEM_SMB:   return _("SMB/CIFS network share");
    case PD_FILESYSTEM_FUSE:  return _("FUSE mount (such as sshfs or a desktop share)");
    case PD_FILESYSTEM_UNKNOWN:
    default:                  return _("unknown kind of drive");
    }
}

gboolean
pd_filesystem_kind_is_network (PdFilesystemKind kind)
{
  return kind == PD_FILESYSTEM_NFS || kind == PD_FILESYSTEM_SMB || kind == PD_FILESYSTEM_FUSE;
}
