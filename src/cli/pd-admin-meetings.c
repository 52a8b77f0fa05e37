/* pd-admin-meetings.c: "agenda-pack", "minutes" and "calendar": a meeting's
 * papers as one PDF, its minutes, and the meetings as an .ics file */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pd-admin-command.h"
#include "pd-agenda-pack.h"
#include "pd-core.h"
#include "pd-minutes-pdf.h"

typedef struct
{
  PdAgendaPack *pack;
  const char   *out_path;
  gboolean      tty;
  int           last_tenth;
} PackJob;

/* On a terminal one line that updates; otherwise a line every tenth. */
static void
pack_progress (double      fraction,
               const char *message,
               gpointer    user_data)
{
  PackJob *job = user_data;
  int tenth = (int) (fraction * 10);

  if (job->tty)
    fprintf (stderr, "\r\033[K%3.0f%%  %s", fraction * 100, message);
  else if (tenth != job->last_tenth)
    fprintf (stderr, "%3.0f%%  %s\n", fraction * 100, message);
  job->last_tenth = tenth;
}

static gboolean
pack_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  PackJob *job = data;

  return pd_agenda_pack_write (job->pack, job->out_path, pack_progress, job, cancellable, error);
}

static PdDatabase *
open_for_reading (const char  *path,
                  GError     **error)
{
  return pd_database_open (path, PD_OPEN_READ_ONLY | PD_OPEN_SKIP_QUICK_CHECK, error);
}

int
pd_admin_agenda_pack (int    argc,
                      char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0;
  PackJob job = { NULL, NULL, FALSE, -1 };
  const char * const *problems;
  int code;
  const GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting whose agenda to pack"), N_("ID") },
    { NULL }
  };

  if (!pd_admin_parse ("agenda-pack", entries, &argc, &argv, 2, &code))
    return code;
  if (meeting_id <= 0)
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("Say which meeting with --meeting ID"));

  db = open_for_reading (argv[1], &error);
  if (db == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  job.pack = pd_agenda_pack_new (db, meeting_id, &error);
  if (job.pack == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  job.out_path = argv[2];
  job.tty = isatty (fileno (stderr));

  if (!pd_admin_run_interruptible (pack_work, &job, &error))
    {
      if (job.tty)
        fputc ('\n', stderr);
      g_object_unref (job.pack);
      return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
    }
  if (job.tty)
    fputc ('\n', stderr);

  problems = pd_agenda_pack_get_problems (job.pack);
  for (guint i = 0; problems[i] != NULL; i++)
    fprintf (stderr, "%s %s\n", _("Warning:"), problems[i]);
  /* Translators: %s is the PDF written, %u its number of pages */
  printf (ngettext ("Wrote the agenda pack “%s”: %u page.\n", "Wrote the agenda pack “%s”: %u pages.\n",
                    pd_agenda_pack_get_n_pages (job.pack)),
          argv[2], pd_agenda_pack_get_n_pages (job.pack));
  g_object_unref (job.pack);
  return PD_ADMIN_EXIT_OK;
}

int
pd_admin_minutes (int    argc,
                  char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(PdMinutesPdf) minutes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0;
  int code;
  const GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting whose minutes to write"), N_("ID") },
    { NULL }
  };

  if (!pd_admin_parse ("minutes", entries, &argc, &argv, 2, &code))
    return code;
  if (meeting_id <= 0)
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("Say which meeting with --meeting ID"));

  db = open_for_reading (argv[1], &error);
  if (db == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  minutes = pd_minutes_pdf_new (db, meeting_id, &error);
  if (minutes == NULL || !pd_minutes_pdf_write (minutes, argv[2], NULL, &error))
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  /* Translators: %s is the PDF written, %u its number of pages */
  printf (ngettext ("Wrote the minutes “%s”: %u page.\n", "Wrote the minutes “%s”: %u pages.\n",
                    pd_minutes_pdf_get_n_pages (minutes)),
          argv[2], pd_minutes_pdf_get_n_pages (minutes));
  return PD_ADMIN_EXIT_OK;
}

int
pd_admin_calendar (int    argc,
                   char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  gint64 meeting_id = 0;
  int year = 0;
  int code;
  const GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id, N_("Only this meeting"), N_("ID") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("Every meeting starting in this year"), N_("YYYY") },
    { NULL }
  };

  if (!pd_admin_parse ("calendar", entries, &argc, &argv, 2, &code))
    return code;
  if ((meeting_id > 0) == (year > 0))
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("Give either --meeting ID or --year YYYY"));
  if (year != 0 && (year < 1900 || year > 9999))
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("%d is not a year"), year);

  db = open_for_reading (argv[1], &error);
  if (db == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  ics = pd_meeting_ics_export (db, meeting_id, year, &error);
  if (ics == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  if (!g_file_set_contents (argv[2], ics, -1, &error))
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  /* Translators: %s is the .ics file written */
  printf (_("Wrote the calendar “%s”.\n"), argv[2]);
  return PD_ADMIN_EXIT_OK;
}
