/* main.c: panel-desk-admin, the administrators' command; it only dispatches */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pd-admin-command.h"

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  panel-desk-admin %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…] ARGUMENTS"), _("Commands:"));
  for (const PdAdminCommand *command = pd_admin_commands (); command->name != NULL; command++)
    {
      g_autofree char *call = g_strdup_printf ("%s %s", command->name, _(command->parameters));

      fprintf (out, "  %-30s %s\n", call, _(command->summary));
    }
  fprintf (out, "\n%s\n  %-30s %s\n  %-18s %s\n\n%s\n",
           _("Options:"),
           "-h, --help", _("Show this help"),
           "--version", _("Show the version"),
           _("Run “panel-desk-admin COMMAND --help” for a command’s options."));
}

static gboolean
is_help (const char *arg)
{
  return strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0 ||
         strcmp (arg, "-?") == 0 || strcmp (arg, "help") == 0;
}

int
main (int    argc,
      char **argv)
{
  const PdAdminCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("panel-desk-admin");

  if (argc < 2)
    {
      print_usage (stderr);
      return PD_ADMIN_EXIT_USAGE;
    }

  if (is_help (argv[1]))
    {
      char *help_argv[] = { NULL, (char *) "--help", NULL };

      if (argc == 2)
        {
          print_usage (stdout);
          return PD_ADMIN_EXIT_OK;
        }
      /* "help COMMAND" is "COMMAND --help". */
      command = pd_admin_command_lookup (argv[2]);
      if (command == NULL || argc > 3)
        return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("“%s” is not a command (see “panel-desk-admin --help”)"),
                              argv[2]);
      help_argv[0] = argv[2];
      return command->run (2, help_argv);
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      if (argc > 2)
        return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("--version takes no arguments"));
      printf ("panel-desk-admin %s\n", PACKAGE_VERSION);
      return PD_ADMIN_EXIT_OK;
    }

  command = pd_admin_command_lookup (argv[1]);
  if (command == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("“%s” is not a command (see “panel-desk-admin --help”)"),
                          argv[1]);
  return command->run (argc - 1, argv + 1);
}
