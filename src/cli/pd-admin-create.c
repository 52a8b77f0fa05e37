/* pd-admin-create.c: "init" and "demo", the commands that make a database */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "pd-admin-command.h"
#include "pd-core.h"
#include "pd-demo.h"

#define DEMO_DEFAULT_REFERRALS 60
#define DEMO_MAX_REFERRALS     1000000

int
pd_admin_init (int    argc,
               char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  if (!pd_admin_parse ("init", NULL, &argc, &argv, 1, &code))
    return code;

  db = pd_database_open (argv[1], PD_OPEN_CREATE, &error);
  if (db == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  /* Translators: the first %s is a file, the second a person's name, e.g. "Jo Smith" */
  printf (_("Created “%s”; %s is its administrator.\n"), argv[1],
          pd_database_get_user_display_name (db));
  return PD_ADMIN_EXIT_OK;
}

typedef struct
{
  const char *path;
  guint       n_referrals;
  gboolean    show_progress;
  int         shown_percent;   /* -1 before the first line */
} Demo;

/* Progress on a terminal only: a script's log wants the result, not the bar.
 * Called on the worker thread; only that thread writes to stderr meanwhile. */
static void
demo_progress (double      fraction,
               const char *what,
               gpointer    user_data)
{
  Demo *demo = user_data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100);

  if (percent == demo->shown_percent)
    return;
  demo->shown_percent = percent;
  fprintf (stderr, "\r\033[K%3d%%  %s", percent, what != NULL ? what : "");
  fflush (stderr);
}

static gboolean
demo_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Demo *demo = data;

  return pd_demo_create (demo->path, demo->n_referrals,
                         demo->show_progress ? demo_progress : NULL, demo,
                         cancellable, error);
}

int
pd_admin_demo (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *referrals_text = NULL;
  guint64 referrals = DEMO_DEFAULT_REFERRALS;
  Demo demo = { 0 };
  gboolean ok;
  int code;
  const GOptionEntry entries[] = {
    { "referrals", 'n', 0, G_OPTION_ARG_STRING, &referrals_text,
      N_("How many referrals to make (default 60)"), N_("N") },
    { NULL }
  };

  if (!pd_admin_parse ("demo", entries, &argc, &argv, 1, &code))
    return code;

  if (referrals_text != NULL &&
      !g_ascii_string_to_unsigned (referrals_text, 10, 1, DEMO_MAX_REFERRALS, &referrals, NULL))
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE,
                          _("--referrals must be a whole number from 1 to %d, not “%s”"),
                          DEMO_MAX_REFERRALS, referrals_text);

  demo.path = argv[1];
  demo.n_referrals = (guint) referrals;
  demo.show_progress = isatty (STDERR_FILENO);
  demo.shown_percent = -1;

  ok = pd_admin_run_interruptible (demo_work, &demo, &error);
  if (demo.shown_percent >= 0)
    fputs ("\r\033[K", stderr);
  if (!ok)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  /* Translators: %s is a file, %u how many referrals it has */
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "Created demo database “%s” with %u referral.\n",
                       "Created demo database “%s” with %u referrals.\n", demo.n_referrals),
          demo.path, demo.n_referrals);
  return PD_ADMIN_EXIT_OK;
}
