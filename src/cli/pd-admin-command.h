/* pd-admin-command.h: what the commands of panel-desk-admin share */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The exit codes: scripts tell a bad call from a bad file. */
typedef enum
{
  PD_ADMIN_EXIT_OK      = 0,  /* done, or the check found nothing wrong */
  PD_ADMIN_EXIT_FAILED  = 1,  /* the operation failed, or the check found problems */
  PD_ADMIN_EXIT_USAGE   = 2,  /* bad arguments */
} PdAdminExit;

typedef int (*PdAdminCommandFunc) (int argc, char **argv);

typedef struct
{
  const char         *name;
  const char         *parameters;   /* "PATH DEST", translatable, marked with N_() */
  const char         *summary;      /* translatable, marked with N_() */
  PdAdminCommandFunc  run;
} PdAdminCommand;

/* The commands, ending with an entry whose name is NULL. */
const PdAdminCommand *pd_admin_commands          (void);
/* The command called @name, or NULL. */
const PdAdminCommand *pd_admin_command_lookup    (const char           *name);

/* Parses a command's options (argv[0] is the command's name). On --help it
 * prints the help and returns FALSE with *exit_code 0; on bad arguments it
 * prints one line and returns FALSE with 2. On success only the command's
 * name and exactly @n_args positional arguments are left in *argv (at
 * least -@n_args when it is negative). */
gboolean              pd_admin_parse             (const char           *name,
                                                  const GOptionEntry   *entries,
                                                  int                  *argc,
                                                  char               ***argv,
                                                  int                   n_args,
                                                  int                  *exit_code);

/* Prints "panel-desk-admin: MESSAGE" to stderr as one line and returns @code. */
int                   pd_admin_fail              (int                   code,
                                                  const char           *format,
                                                  ...) G_GNUC_PRINTF (2, 3);

/* Slow work that stops cleanly when asked to: @cancellable is cancelled
 * when the user presses Ctrl+C or the process is told to end. */
typedef gboolean (*PdAdminWorkFunc) (gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* Runs @func on a worker thread while the main thread waits for SIGINT,
 * SIGTERM and SIGHUP, and returns what @func returned. */
gboolean              pd_admin_run_interruptible (PdAdminWorkFunc       func,
                                                  gpointer              data,
                                                  GError              **error);

/* The commands, each in its own file. */
int pd_admin_init   (int argc, char **argv);
int pd_admin_demo   (int argc, char **argv);
int pd_admin_check  (int argc, char **argv);
int pd_admin_backup (int argc, char **argv);
int pd_admin_restore (int argc, char **argv);
int pd_admin_import_referrals (int argc, char **argv);
int pd_admin_export_referrals (int argc, char **argv);
int pd_admin_export_decisions (int argc, char **argv);
int pd_admin_confirm_key (int argc, char **argv);
int pd_admin_attach (int argc, char **argv);
int pd_admin_index (int argc, char **argv);

G_END_DECLS
