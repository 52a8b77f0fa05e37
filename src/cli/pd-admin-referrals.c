/* pd-admin-referrals.c: "import-referrals" and "export-referrals", for a
 * board moving from its spreadsheet, and for taking the list elsewhere */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pd-admin-command.h"
#include "pd-core.h"

static gboolean
has_argument (int         argc,
              char      **argv,
              const char *argument)
{
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], argument) == 0)
      return TRUE;
  return FALSE;
}

int
pd_admin_import_referrals (int    argc,
                           char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gboolean template = FALSE;
  gsize length;
  guint n = 0;
  int code;
  const GOptionEntry entries[] = {
    { "template", 0, 0, G_OPTION_ARG_NONE, &template,
      N_("Print the header line of a file to fill in, and nothing else"), NULL },
    { NULL }
  };

  /* With --template there is nothing to import, so no PATH and FILE. */
  if (!pd_admin_parse ("import-referrals", entries, &argc, &argv,
                       has_argument (argc, argv, "--template") ? 0 : 2, &code))
    return code;

  if (template)
    {
      printf ("%s\n", pd_referral_csv_header ());
      return PD_ADMIN_EXIT_OK;
    }

  if (!g_file_get_contents (argv[2], &csv, &length, &error))
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  db = pd_database_open (argv[1], PD_OPEN_DEFAULT, &error);
  if (db == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  {
    /* Like the app, keep a receipt of the commit: `check` can then tell
     * whether the share kept it. */
    g_autofree char *receipts = pd_ledger_receipts_default_dir ();

    pd_database_set_receipts_dir (db, receipts);
  }

  if (!pd_referral_csv_import (db, csv, length, &n, &error))
    /* Translators: %s is the file, then what is wrong with which line */
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, _("%s: %s Nothing was imported."), argv[2], error->message);

  printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u referral from “%s”.\n",
                       "Imported %u referrals from “%s”.\n", n), n, argv[2]);
  return PD_ADMIN_EXIT_OK;
}

static gboolean
write_stdout (const char  *text,
              gsize        length,
              gpointer     user_data,
              GError     **error)
{
  if (fwrite (text, 1, length, stdout) != length)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("Could not write the referrals out"));
      return FALSE;
    }
  return TRUE;
}

int
pd_admin_export_referrals (int    argc,
                           char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  gboolean json;
  int code;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The format to write to standard output: csv (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  if (!pd_admin_parse ("export-referrals", entries, &argc, &argv, 1, &code))
    return code;
  if (format != NULL && strcmp (format, "csv") != 0 && strcmp (format, "json") != 0)
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("“%s” is not a format this version writes; use csv or json"),
                          format);
  json = g_strcmp0 (format, "json") == 0;

  db = pd_database_open (argv[1], PD_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  /* Both carry the criteria outcome and each clock's due date, as of
   * today; written out in pieces as they are made. */
  if (!(json ? pd_referral_json_export_to (db, write_stdout, NULL, &error)
             : pd_referral_csv_export_to (db, write_stdout, NULL, &error)))
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  if (fflush (stdout) != 0)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, _("Could not write the referrals out"));
  return PD_ADMIN_EXIT_OK;
}
