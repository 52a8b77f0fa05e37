/* pd-write-lock.c: the lock file beside a database, for writers on a share */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "pd-error.h"
#include "pd-write-lock.h"

struct _PdWriteLock
{
  char *path;
  char *contents;   /* ours: removed only while it still says so */
};

char *
pd_write_lock_path (const char *db_path)
{
  return g_strconcat (db_path, ".lock", NULL);
}

/* "login machine pid unix-time": who holds it and since when. */
static char *
describe_holder (const char *contents)
{
  g_auto(GStrv) fields = g_strsplit (contents != NULL ? contents : "", " ", 4);
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *when = NULL;

  if (g_strv_length (fields) < 4)
    return g_strdup (_("another Panel Desk"));
  since = g_date_time_new_from_unix_local (g_ascii_strtoll (fields[3], NULL, 10));
  when = since != NULL ? g_date_time_format (since, "%H:%M:%S") : g_strdup ("?");
  /* Translators: who holds the write lock: "jsmith on PC-12 (since 10:42:07)" */
  return g_strdup_printf (_("%s on %s (since %s)"), fields[0], fields[1], when);
}

/* A dead process on this machine, or a lock older than any write takes. */
static gboolean
is_stale (const char *path,
          const char *contents)
{
  g_auto(GStrv) fields = g_strsplit (contents != NULL ? contents : "", " ", 4);
  GStatBuf st;

  if (g_strv_length (fields) == 4 && g_strcmp0 (fields[1], g_get_host_name ()) == 0)
    {
      pid_t pid = (pid_t) g_ascii_strtoll (fields[2], NULL, 10);

      if (pid > 0 && kill (pid, 0) != 0 && errno == ESRCH)
        return TRUE;
    }
  if (g_stat (path, &st) == 0 && time (NULL) - st.st_mtime > PD_WRITE_LOCK_STALE_SECONDS)
    return TRUE;
  /* Half-written by a writer that died between creating and filling it. */
  if (g_strv_length (fields) < 4 && g_stat (path, &st) == 0 && time (NULL) - st.st_mtime > 10)
    return TRUE;
  return FALSE;
}

static gboolean
try_create (const char *path,
            const char *contents,
            int        *out_errno)
{
  gsize length = strlen (contents);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      *out_errno = errno;
      return FALSE;
    }
  if (write (fd, contents, length) != (ssize_t) length || fsync (fd) != 0)
    {
      *out_errno = errno;
      close (fd);
      g_unlink (path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

PdWriteLock *
pd_write_lock_acquire (const char  *db_path,
                       const char  *login_name,
                       gint64       deadline,
                       char       **out_broken,
                       GError     **error)
{
  g_autofree char *path = pd_write_lock_path (db_path);
  g_autofree char *contents = NULL;
  guint backoff_ms = 2;

  if (out_broken != NULL)
    *out_broken = NULL;
  contents = g_strdup_printf ("%s %s %d %" G_GINT64_FORMAT,
                              login_name, g_get_host_name (), (int) getpid (), (gint64) time (NULL));

  for (;;)
    {
      g_autofree char *holder = NULL;
      int saved_errno = 0;

      if (try_create (path, contents, &saved_errno))
        {
          PdWriteLock *lock = g_new0 (PdWriteLock, 1);

          lock->path = g_steal_pointer (&path);
          lock->contents = g_steal_pointer (&contents);
          return lock;
        }
      if (saved_errno != EEXIST)
        {
          g_set_error (error, PD_ERROR, saved_errno == EROFS || saved_errno == EACCES ? PD_ERROR_READ_ONLY : PD_ERROR_IO,
                       _("The database’s lock file cannot be made: %s"), g_strerror (saved_errno));
          return NULL;
        }

      g_file_get_contents (path, &holder, NULL, NULL);
      if (is_stale (path, holder))
        {
          g_autofree char *who = describe_holder (holder);

          /* Another writer may break it at the same moment: only one unlink
           * succeeds, and both then race on O_EXCL again, which is fine. */
          if (g_unlink (path) == 0 && out_broken != NULL && *out_broken == NULL)
            *out_broken = g_strdup_printf ("%s: %s", who, holder != NULL ? holder : "");
          continue;
        }

      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *who = describe_holder (holder);

          g_set_error (error, PD_ERROR, PD_ERROR_LOCKED,
                       _("The database is busy: %s is saving a change. Nothing you typed is lost; try again in a moment."),
                       who);
          return NULL;
        }
      g_usleep ((backoff_ms + g_random_int_range (0, backoff_ms + 1)) * 1000);
      backoff_ms = MIN (backoff_ms * 2, 100);
    }
}

void
pd_write_lock_release (PdWriteLock *lock)
{
  g_autofree char *now = NULL;

  if (lock == NULL)
    return;
  /* Only our own: a lock broken as stale and taken by another stays theirs. */
  if (g_file_get_contents (lock->path, &now, NULL, NULL) && g_strcmp0 (now, lock->contents) == 0)
    g_unlink (lock->path);
  g_free (lock->path);
  g_free (lock->contents);
  g_free (lock);
}
