/* pd-admin-attach.c: "attach", many files to one referral for batch work,
 * and "index", extracting the text of attached PDFs for search
 *
 * One line a file on standard output: the new document's id, its kind and
 * its page count, or why a PDF could not be read (it is kept all the same:
 * a board may need it). A file that could not be stored at all is a line
 * on standard error, and the exit status says so.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pd-admin-command.h"
#include "pd-core.h"

typedef struct
{
  PdDatabase         *db;
  PdAttachTarget      target;
  const char *const  *paths;
  GPtrArray          *results;
} Attach;

static gboolean
attach_work (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Attach *attach = data;

  attach->results = pd_attachment_store_attach (attach->db, &attach->target, attach->paths,
                                                NULL, NULL, cancellable, error);
  return attach->results != NULL;
}

static void
print_result (const PdAttachResult *result)
{
  g_autofree char *name = g_filename_display_basename (result->source_path);
  const char *kind = pd_document_kind_to_label (result->kind);
  g_autofree char *what = NULL;

  if (*result->unreadable != '\0')
    /* Translators: a stored PDF poppler could not open; the first %s is
     * "damaged" or "password-protected", the second the reason */
    what = g_strdup_printf (_("PDF kept but cannot be read (%s): %s"),
                            pd_document_unreadable_to_label (result->unreadable), result->unreadable_detail);
  else if (result->page_count >= 0)
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages", result->page_count),
                            result->page_count);
  else
    what = g_strdup (result->media_type);

  /* Translators: one line of "attach": document id, file name, kind, then
   * its page count, media type or why it cannot be read */
  printf (_("document %" G_GINT64_FORMAT ": %s: %s, %s%s\n"), result->document_id, name, kind, what,
          result->deduplicated ? _(" (the same content was already stored; kept once)") : "");
}

int
pd_admin_attach (int    argc,
                 char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *title = NULL;
  Attach attach = { 0 };
  guint n_failed = 0;
  int code;
  const GOptionEntry entries[] = {
    { "referral", 'r', 0, G_OPTION_ARG_STRING, &reference,
      N_("The referral the files belong to, e.g. PRP-2026-014 (required)"), N_("REF") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_("What the files are: referral_form, chronology, agency_summary, overview_report, "
         "executive_summary, board_response, briefing, learning_bulletin, action_plan, minutes "
         "or other (the default)"), N_("KIND") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("The title of a single file (the default is its name)"), N_("TITLE") },
    { NULL }
  };

  if (!pd_admin_parse ("attach", entries, &argc, &argv, -2, &code))
    return code;
  if (reference == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("Say which referral the files belong to with --referral REF"));
  if (kind != NULL && !pd_document_kind_is_valid (kind))
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("“%s” is not a kind of document (see “panel-desk-admin attach --help”)"),
                          kind);
  if (title != NULL && argc > 3)
    return pd_admin_fail (PD_ADMIN_EXIT_USAGE, _("--title is for a single file; several files are named after themselves"));

  db = pd_database_open (argv[1], PD_OPEN_DEFAULT, &error);
  if (db == NULL)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  attach.db = db;
  attach.target.referral_id = pd_referral_find_by_reference (db, reference, &error);
  if (attach.target.referral_id == 0)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  attach.target.kind = kind;
  attach.target.title = title;
  attach.paths = (const char *const *) argv + 2;

  if (!pd_admin_run_interruptible (attach_work, &attach, &error))
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  results = g_steal_pointer (&attach.results);

  for (guint i = 0; i < results->len; i++)
    {
      PdAttachResult *result = g_ptr_array_index (results, i);
      g_autofree char *name = NULL;

      if (result->error == NULL)
        {
          print_result (result);
          continue;
        }
      n_failed++;
      name = g_filename_display_name (result->source_path);
      /* Translators: a file "attach" could not store; %s are its name and why */
      pd_admin_fail (PD_ADMIN_EXIT_FAILED, _("not stored: %s: %s"), name, result->error->message);
    }
  if (fflush (stdout) != 0)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, _("Could not write the list of stored files out"));
  if (n_failed > 0)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED,
                          g_dngettext (GETTEXT_PACKAGE, "%u file was not stored.", "%u files were not stored.", n_failed),
                          n_failed);
  return PD_ADMIN_EXIT_OK;
}

typedef struct
{
  const char *path;
  gint64      last_done;
} Index;

static void
index_progress (gint64   done,
                gint64   total,
                gpointer data)
{
  Index *index = data;

  if (done == index->last_done)
    return;
  index->last_done = done;
  /* Translators: progress of "index" on standard error */
  g_printerr (_("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " pages\n"), done, total);
}

static gboolean
index_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Index *index = data;

  return pd_fulltext_extract (index->path, index_progress, index, cancellable, error);
}

int
pd_admin_index (int    argc,
                char **argv)
{
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  Index index = { 0 };
  gint64 done = 0, total = 0;
  guint pending = 0;
  int code;

  if (!pd_admin_parse ("index", NULL, &argc, &argv, 1, &code))
    return code;
  index.path = argv[1];
  index.last_done = -1;

  /* Interrupted, it carries on from the last page committed next time. */
  if (!pd_admin_run_interruptible (index_work, &index, &error))
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);

  db = pd_database_open (index.path, PD_OPEN_READ_ONLY | PD_OPEN_SKIP_QUICK_CHECK, &error);
  if (db == NULL || !pd_fulltext_get_progress (db, &done, &total, &pending, &error))
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, "%s", error->message);
  /* Translators: the last line of "index" */
  printf (_("text index: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " pages of attached PDFs searchable\n"),
          done, total);
  if (fflush (stdout) != 0)
    return pd_admin_fail (PD_ADMIN_EXIT_FAILED, _("Could not write the summary out"));
  return PD_ADMIN_EXIT_OK;
}
