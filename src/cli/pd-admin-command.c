/* pd-admin-command.c: the table of commands and what they share */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "pd-admin-command.h"

static const PdAdminCommand commands[] = {
  { "init",   N_("PATH"),      N_("Create an empty database; your login becomes its administrator"), pd_admin_init },
  { "demo",   N_("PATH"),      N_("Create a demo database full of made-up, anonymised cases"), pd_admin_demo },
  { "check",  N_("PATH"),      N_("Check a database for damage, lost commits, altered signed decisions and its schema version"), pd_admin_check },
  { "backup", N_("PATH DEST"), N_("Copy a consistent snapshot of a database to a new file"), pd_admin_backup },
  { "import-referrals", N_("PATH FILE.csv"), N_("Import referrals from a spreadsheet saved as CSV (--template prints its header)"), pd_admin_import_referrals },
  { "export-referrals", N_("PATH"), N_("Write every referral as CSV to standard output"), pd_admin_export_referrals },
  { "restore", N_("BACKUP PATH"), N_("Check a backup and restore it to a new database file"), pd_admin_restore },
  { "export-decisions", N_("PATH"), N_("Write the decision log, with each signature's state, as CSV or JSON (--format)"), pd_admin_export_decisions },
  { "confirm-key", N_("PATH FINGERPRINT"), N_("Confirm a chair's new signing key, as the chair reads its fingerprint out"), pd_admin_confirm_key },
  { "attach", N_("PATH --referral REF FILE…"), N_("Attach files to a referral; each is kept once, under its checksum, beside the database"), pd_admin_attach },
  { "index", N_("PATH"), N_("Extract the text of attached PDFs for full-text search (resumes where it stopped)"), pd_admin_index },
  { NULL }
};

const PdAdminCommand *
pd_admin_commands (void)
{
  return commands;
}

const PdAdminCommand *
pd_admin_command_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (const PdAdminCommand *command = commands; command->name != NULL; command++)
    if (strcmp (command->name, name) == 0)
      return command;
  return NULL;
}

int
pd_admin_fail (int         code,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, whatever SQLite or the system put into the message. */
  g_strdelimit (g_strstrip (message), "\r\n", ' ');
  fflush (stdout);
  fprintf (stderr, "panel-desk-admin: %s\n", message);
  return code;
}

gboolean
pd_admin_parse (const char   *name,
                const GOptionEntry *entries,
                int          *argc,
                char       ***argv,
                int           n_args,
                int          *exit_code)
{
  const PdAdminCommand *command = pd_admin_command_lookup (name);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = NULL;
  gboolean help = FALSE;
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    { NULL }
  };

  g_return_val_if_fail (command != NULL, FALSE);
  g_return_val_if_fail (exit_code != NULL, FALSE);

  /* The usage line reads "panel-desk-admin demo [OPTION…] PATH". */
  prgname = g_strdup_printf ("panel-desk-admin %s", command->name);
  g_set_prgname (prgname);

  context = g_option_context_new (_(command->parameters));
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      /* Translators: %s is GLib's message about a bad option, e.g. "Unknown option --frob" */
      *exit_code = pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("%s (see “panel-desk-admin %s --help”)"),
                                  error->message, command->name);
      return FALSE;
    }
  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      fputs (text, stdout);
      *exit_code = PD_ADMIN_EXIT_OK;
      return FALSE;
    }

  /* GOption leaves the "--" that ends the options ("check -- -odd-name"). */
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        memmove (*argv + i, *argv + i + 1, (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }

  /* What is left: the command's name, then exactly its arguments (or, for
   * a negative @n_args, at least -n_args of them). */
  if (n_args < 0 && *argc - 1 >= -n_args)
    n_args = *argc - 1;
  else if (n_args < 0)
    n_args = -n_args;
  if (*argc - 1 != n_args)
    {
      if (*argc - 1 < n_args)
        /* Translators: the first %s is a command, the second its arguments, e.g. "PATH DEST" */
        *exit_code = pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("“%s” needs %s (see “panel-desk-admin %s --help”)"),
                                    command->name, _(command->parameters), command->name);
      else
        /* Translators: %s is the first argument too many */
        *exit_code = pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("Too many arguments, from “%s” (see “panel-desk-admin %s --help”)"),
                                    (*argv)[n_args + 1], command->name);
      return FALSE;
    }
  for (int i = 1; i <= n_args; i++)
    if ((*argv)[i][0] == '\0')
      {
        *exit_code = pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("A path must not be empty (see “panel-desk-admin %s --help”)"),
                                    command->name);
        return FALSE;
      }
  return TRUE;
}

/* ---------------------------------------------------- interruptible work */

typedef struct
{
  PdAdminWorkFunc  func;
  gpointer         data;
  GCancellable    *cancellable;
  gboolean         ok;
  GError          *error;
  int              done;   /* atomic */
} Work;

static gpointer
work_thread (gpointer user_data)
{
  Work *work = user_data;

  work->ok = work->func (work->data, work->cancellable, &work->error);
  g_assert (work->ok || work->error != NULL);
  /* A flag, not a callback: the main thread may not be iterating yet. */
  g_atomic_int_set (&work->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static gboolean
on_signal (gpointer user_data)
{
  Work *work = user_data;

  if (!g_cancellable_is_cancelled (work->cancellable))
    {
      fflush (stdout);
      fprintf (stderr, "\n%s\n", _("Stopping…"));
      g_cancellable_cancel (work->cancellable);
    }
  return G_SOURCE_CONTINUE;
}

gboolean
pd_admin_run_interruptible (PdAdminWorkFunc   func,
                            gpointer          data,
                            GError          **error)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  guint sources[G_N_ELEMENTS (signals)];
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Work work = { func, data, cancellable, FALSE, NULL, FALSE };
  GThread *thread;

  g_return_val_if_fail (func != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sources[i] = g_unix_signal_add (signals[i], on_signal, &work);

  thread = g_thread_new ("pd-admin-work", work_thread, &work);
  while (!g_atomic_int_get (&work.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_source_remove (sources[i]);

  if (!work.ok)
    g_propagate_error (error, work.error);
  return work.ok;
}
