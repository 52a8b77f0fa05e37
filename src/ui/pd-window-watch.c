/* pd-window-watch.c: what PdWindow tells its user about others' doings:
 * changes lost by the share, decisions altered after signing, who else is here */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-core.h"
#include "pd-window-private.h"

/* A commit this client was told succeeded and the database no longer has:
 * the worst news Panel Desk can give, so it goes before anything else. */
char *
_pd_window_describe_missing_commits (PdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = pd_database_find_missing_commits (db, &error);
  g_autofree char *first = NULL;

  if (missing == NULL)
    {
      g_warning ("Could not check the receipts of saved changes: %s", error->message);
      return NULL;
    }
  if (missing->len == 0)
    return NULL;
  first = pd_missing_commit_describe (g_ptr_array_index (missing, 0));
  if (missing->len == 1)
    /* Translators: %s says which change is missing */
    return g_strdup_printf (_("%s The shared drive may have lost it: tell the panel administrator, "
                              "and enter it again once they have checked."), first);
  /* Translators: %s says which change is missing; %u how many more are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s So is %u more of your changes. The shared drive may have lost them: "
                                       "tell the panel administrator.",
                                       "%s So are %u more of your changes. The shared drive may have lost them: "
                                       "tell the panel administrator.", missing->len - 1),
                          first, missing->len - 1);
}

/* A chair's client keeps a receipt of every signature it made: a signed
 * decision that no longer matches one (deleted, re-signed, its key
 * swapped) is said as loudly as a lost change. */
char *
_pd_window_describe_altered_signatures (PdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) altered = NULL;

  if (pd_database_get_user_role (db) != PD_ROLE_CHAIR || pd_database_get_schema_version (db) < 4)
    return NULL;
  altered = pd_signature_receipts_check (db, NULL, NULL, &error);
  if (altered == NULL)
    {
      g_warning ("Could not check the receipts of your signatures: %s", error->message);
      return NULL;
    }
  if (altered->len == 0)
    return NULL;
  if (altered->len == 1)
    /* Translators: %s names the decision and what is wrong with it */
    return g_strdup_printf (_("A decision you signed no longer matches your receipt: %s "
                              "Tell the panel administrator."),
                            ((PdSignatureCheck *) g_ptr_array_index (altered, 0))->message);
  /* Translators: %u is how many decisions; %s names the first and what is wrong */
  return g_strdup_printf (_("%u decisions you signed no longer match your receipts, the first: %s "
                            "Tell the panel administrator."),
                          altered->len, ((PdSignatureCheck *) g_ptr_array_index (altered, 0))->message);
}

/* "Also here: Jane Smith, Ahmed Khan", and in @out_details who is on
 * which machine; NULL when no one else has the database open. */
char *
_pd_window_describe_presence (PdDatabase  *db,
                              char       **out_details)
{
  g_autoptr(GPtrArray) others = pd_presence_list_others (db, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);

  if (others == NULL || others->len == 0)
    return NULL;
  for (guint i = 0; i < others->len; i++)
    {
      PdPresence *other = g_ptr_array_index (others, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", other->display_name);
      if (i > 0)
        g_string_append_c (details, '\n');
      /* Translators: one line of who else is in the database: "Jane Smith on PC-12" */
      g_string_append_printf (details, _("%s on %s"), other->display_name,
                              other->machine != NULL ? other->machine : "?");
    }
  *out_details = g_string_free (g_steal_pointer (&details), FALSE);
  /* Translators: the header bar's note of who else has the database open */
  return g_strdup_printf (_("Also here: %s"), names->str);
}
