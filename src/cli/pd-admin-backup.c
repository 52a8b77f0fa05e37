/* pd-admin-backup.c: "backup" and "restore", consistent copies by SQLite's
 * backup API (pd-backup.c has how a copy is made safe) */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "pd-admin-command.h"
#include "pd-core.h"

typedef struct
{
  const char *source_path;
  const char *dest_path;
  gboolean    restoring;
} Copy;

static gboolean
copy_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Copy *copy = data;

  return pd_backup_copy (copy->source_path, copy->dest_path, copy->restoring, cancellable, error);
}

static int
run_copy (Copy *copy)
{
  g_autoptr(PdDatabase) check = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (!pd_admin_run_interruptible (copy_work, copy, &error))
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  /* A last look at what now carries the name. */
  check = pd_database_open (copy->dest_path, PD_OPEN_READ_ONLY | PD_OPEN_SKIP_QUICK_CHECK, &error);
  if (check == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, _("“%s” was written but does not open: %s"),
                          copy->dest_path, error->message);

  if (g_stat (copy->dest_path, &st) != 0)
    st.st_size = 0;
  if (copy->restoring)
    /* Translators: the first %s is the backup, the second the restored database */
    printf (_("Restored “%s” to “%s” (%.1f MB), checked.\n"), copy->source_path, copy->dest_path,
            st.st_size / 1e6);
  else
    /* Translators: the first %s is the database, the second the new backup file */
    printf (_("Backed up “%s” to “%s” (%.1f MB), checked.\n"), copy->source_path, copy->dest_path,
            st.st_size / 1e6);
  return PD_ADMIN_EXIT_OK;
}

int
pd_admin_backup (int    argc,
                 char **argv)
{
  Copy copy = { 0 };
  int code;

  if (!pd_admin_parse ("backup", NULL, &argc, &argv, 2, &code))
    return code;
  copy.source_path = argv[1];
  copy.dest_path = argv[2];
  return run_copy (&copy);
}

int
pd_admin_restore (int    argc,
                  char **argv)
{
  Copy copy = { .restoring = TRUE };
  int code;

  if (!pd_admin_parse ("restore", NULL, &argc, &argv, 2, &code))
    return code;
  copy.source_path = argv[1];
  copy.dest_path = argv[2];
  return run_copy (&copy);
}
