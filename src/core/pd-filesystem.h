/* pd-filesystem.h: what kind of filesystem holds a database */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PD_FILESYSTEM_UNKNOWN,
  PD_FILESYSTEM_LOCAL,
  PD_FILESYSTEM_NFS,
  PD_FILESYSTEM_SMB,     /* SMB/CIFS, the usual Windows file share */
  PD_FILESYSTEM_FUSE,    /* e.g. sshfs, bindfs, a desktop's gvfs mount */
} PdFilesystemKind;

/* Looks at the folder of @path (the file itself may not exist yet). */
PdFilesystemKind pd_filesystem_kind_of      (const char       *path,
                                             GError          **error);
/* "local disk", "NFS network share", ... (translated). */
const char      *pd_filesystem_kind_to_label (PdFilesystemKind  kind);
gboolean         pd_filesystem_kind_is_network (PdFilesystemKind kind);

G_END_DECLS
