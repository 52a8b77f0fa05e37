/* pd-backup-scheduler.h: this computer's scheduled backups of the open database */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PD_TYPE_BACKUP_SCHEDULER (pd_backup_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (PdBackupScheduler, pd_backup_scheduler, PD, BACKUP_SCHEDULER, GObject)

/* Follows the "backup-*" keys of @settings. Emits "finished" (path, error
 * message: one of them NULL) after each backup it makes or fails to make. */
PdBackupScheduler *pd_backup_scheduler_new      (GSettings         *settings);
/* The database to back up, or NULL; a backup that is due starts soon. */
void               pd_backup_scheduler_set_path (PdBackupScheduler *self,
                                                 const char        *path);
/* A backup now, whatever the schedule says ("Back Up Now"). */
void               pd_backup_scheduler_run_now  (PdBackupScheduler *self);
gboolean           pd_backup_scheduler_is_busy  (PdBackupScheduler *self);

G_END_DECLS
