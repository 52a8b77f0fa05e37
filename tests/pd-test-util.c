/* pd-test-util.c: small helpers the test programs share */
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "pd-core.h"
#include "pd-test-util.h"

void
pd_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          /* A test may have made it read-only. */
          g_chmod (child, 0644);
          pd_test_remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static sqlite3_stmt *
first_row (sqlite3    *handle,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
pd_test_query_int (sqlite3    *handle,
                   const char *sql)
{
  sqlite3_stmt *stmt = first_row (handle, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

char *
pd_test_query_text (sqlite3    *handle,
                    const char *sql)
{
  sqlite3_stmt *stmt = first_row (handle, sql);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return value;
}

GDate
pd_test_day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!pd_calendar_parse_date (text, &date))
    g_error ("not a date: %s", text);
  return date;
}

char *
pd_test_format_day (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("-");
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

void
pd_test_exec (sqlite3    *handle,
              const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message != NULL ? message : sqlite3_errstr (rc));
}

void
pd_test_run_clear (PdTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
pd_test_run_argv (PdTestRun         *run,
                  const char        *dir,
                  const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

void
pd_test_run (PdTestRun  *run,
             const char *dir,
             const char *program,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) program);
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  pd_test_run_argv (run, dir, (const char *const *) argv->pdata);
}
