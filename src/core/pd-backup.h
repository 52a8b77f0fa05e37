/* pd-backup.h: consistent copies of a database, by hand and on a schedule */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Copies the database at @source_path to the new file @dest_path (never
 * over an existing file), checked before it gets its name. @restoring
 * checks every page of the source (a backup) first. */
gboolean  pd_backup_copy            (const char    *source_path,
                                     const char    *dest_path,
                                     gboolean       restoring,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* The scheduled backup: when the newest backup of @source_path in @folder
 * is older than @interval_hours (or there is none), copies it to
 * "FOLDER/NAME-YYYY-MM-DD-HHMMSS.paneldesk" and then removes the oldest
 * backups of that database beyond @keep. Returns the new backup's path, or
 * NULL: with @error set when it failed, unset when none was due. */
char     *pd_backup_run_scheduled   (const char    *source_path,
                                     const char    *folder,
                                     guint          interval_hours,
                                     guint          keep,
                                     GDateTime     *now,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* The backups of @source_path in @folder, newest first (paths). */
GPtrArray *pd_backup_list           (const char    *source_path,
                                     const char    *folder,
                                     GError       **error);

G_END_DECLS
