/* pd-error.c: the PD_ERROR domain and the mapping of SQLite's result codes into it */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "pd-error.h"
#include "pd-error-private.h"

G_DEFINE_QUARK (pd-error-quark, pd_error)

gboolean
_pd_set_sqlite_error (GError     **error,
                      sqlite3     *db,
                      int          rc,
                      const char  *path)
{
  g_autofree char *name = path ? g_filename_display_basename (path) : g_strdup (_("The database"));
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* A file renamed or deleted under an open connection: the share has gone
   * away (or been moved), which is worth waiting out, not "read-only". */
  if (rc == SQLITE_READONLY_DBMOVED || (db != NULL && sqlite3_extended_errcode (db) == SQLITE_READONLY_DBMOVED))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_NOT_FOUND,
                   _("“%s” cannot be reached: it has been moved, or the drive it is on has gone away."), name);
      return FALSE;
    }

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, PD_ERROR, PD_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Panel Desk database. Choose the database file your panel uses, or create a new one."),
                   name);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, PD_ERROR, PD_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be used safely. Restore it from the most recent backup; ask your administrator if you are not sure how (%s)."),
                   name, detail);
      break;

    case SQLITE_READONLY:
      g_set_error (error, PD_ERROR, PD_ERROR_READ_ONLY,
                   _("“%s” can only be read: the file or its folder cannot be written to. Changes cannot be saved (%s)."),
                   name, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PD_ERROR, PD_ERROR_LOCKED,
                   _("Another user has been saving changes to “%s” for too long. Your change was not saved; try again in a moment."),
                   name);
      break;

    case SQLITE_FULL:
      g_set_error (error, PD_ERROR, PD_ERROR_FULL,
                   _("The disk that holds “%s” is full. Your change was not saved; free some space and try again."),
                   name);
      break;

    case SQLITE_IOERR:
      g_set_error (error, PD_ERROR, PD_ERROR_IO,
                   _("“%s” could not be read or written; the disk or network drive may be unavailable (%s)."),
                   name, detail);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, PD_ERROR, PD_ERROR_NOT_FOUND,
                   _("“%s” could not be opened; check that the file and its folder exist and that you may open them (%s)."),
                   name, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The change breaks a rule of the database and was not saved (%s)."),
                   detail);
      break;

    case SQLITE_INTERRUPT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      break;

    default:
      g_set_error (error, PD_ERROR, PD_ERROR_FAILED,
                   _("“%s” reported an error (%s)."), name, detail);
      break;
    }

  return FALSE;
}
