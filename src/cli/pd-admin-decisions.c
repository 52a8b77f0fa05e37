/* pd-admin-decisions.c: "export-decisions" and "confirm-key", the decision
 * log for inspectors and the administrator's half of a chair's new key */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pd-admin-command.h"
#include "pd-core.h"

int
pd_admin_export_decisions (int    argc,
                           char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  PdDecisionExportFormat export_format = PD_DECISION_EXPORT_CSV;
  int code;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("csv (the default, with a header line) or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!pd_admin_parse ("export-decisions", entries, &argc, &argv, 1, &code))
    return code;
  if (format != NULL && strcmp (format, "json") == 0)
    export_format = PD_DECISION_EXPORT_JSON;
  else if (format != NULL && strcmp (format, "csv") != 0)
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("“%s” is not a format this version writes; use csv or json"),
                          format);

  db = pd_database_open (argv[1], PD_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  text = pd_decision_export (db, export_format, &error);
  if (text == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  if (output != NULL)
    {
      if (!g_file_set_contents (output, text, -1, &error))
        return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
      return PD_ADMIN_EXIT_OK;
    }
  fputs (text, stdout);
  if (fflush (stdout) != 0)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, _("Could not write the decisions out"));
  return PD_ADMIN_EXIT_OK;
}

typedef struct
{
  gint64 key_id;
} Confirm;

static gboolean
confirm_cb (PdTransaction  *tx,
            gpointer        user_data,
            GError        **error)
{
  Confirm *confirm = user_data;

  return pd_signing_key_confirm (tx, confirm->key_id, error);
}

int
pd_admin_confirm_key (int    argc,
                      char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pending = NULL;
  g_autofree char *wanted = NULL;
  Confirm confirm = { 0 };
  int code;

  if (!pd_admin_parse ("confirm-key", NULL, &argc, &argv, 2, &code))
    return code;

  db = pd_database_open (argv[1], PD_OPEN_DEFAULT, &error);
  if (db == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  /* The fingerprint as the chair reads it out: spaces and case do not matter. */
  {
    GString *compact = g_string_new (NULL);

    for (const char *p = argv[2]; *p != '\0'; p++)
      if (g_ascii_isxdigit (*p))
        g_string_append_c (compact, g_ascii_tolower (*p));
    wanted = g_string_free (compact, FALSE);
  }

  pending = pd_signing_list_pending_keys (db, &error);
  if (pending == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  for (guint i = 0; strlen (wanted) >= 16 && i < pending->len && confirm.key_id == 0; i++)
    {
      gint64 id = g_array_index (pending, gint64, i);
      g_autofree char *fingerprint = pd_signing_dup_key_fingerprint (db, id, NULL);

      if (fingerprint != NULL && g_str_has_prefix (fingerprint, wanted))
        confirm.key_id = id;
    }
  if (confirm.key_id == 0)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED,
                          _("No key waiting for confirmation has the fingerprint “%s” (give at least its "
                            "first 16 digits, as the chair reads them out)"), argv[2]);

  if (!pd_database_write (db, "Confirm a chair's signing key", confirm_cb, &confirm, NULL, &error))
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  printf (_("Confirmed the signing key %s.\n"), argv[2]);
  return PD_ADMIN_EXIT_OK;
}
