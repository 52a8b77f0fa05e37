/* pd-write-lock.c: the lock file beside a database, for writers on a share */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include "pd-error.h"
#include "pd-write-lock.h"

struct _PdWriteLock
{
  char *path;
  char *contents;   /* ours: removed only while it still says so */
  char *held_key;   /* this thread's hold of the path, for nesting */
  gint64 renewed;   /* monotonic time the file's time was last set */
};

/* Locks this process holds, by path and thread, with how many times: a
 * write made while opening (the first person of a new database) takes the
 * lock its opening already holds. Other threads wait like other machines. */
static GMutex held_mutex;
static GHashTable *held;

static char *
held_key_for (const char *path)
{
  return g_strdup_printf ("%p:%s", (void *) g_thread_self (), path);
}

static gboolean
hold_again (const char *key)
{
  gboolean nested = FALSE;

  g_mutex_lock (&held_mutex);
  if (held != NULL && g_hash_table_contains (held, key))
    {
      g_hash_table_insert (held, g_strdup (key),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (held, key)) + 1));
      nested = TRUE;
    }
  g_mutex_unlock (&held_mutex);
  return nested;
}

static void
hold (const char *key)
{
  g_mutex_lock (&held_mutex);
  if (held == NULL)
    held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (held, g_strdup (key), GUINT_TO_POINTER (1));
  g_mutex_unlock (&held_mutex);
}

/* TRUE when this was the last hold, and the lock file is to go. */
static gboolean
unhold (const char *key)
{
  guint count;

  g_mutex_lock (&held_mutex);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (held, key));
  if (count <= 1)
    g_hash_table_remove (held, key);
  else
    g_hash_table_insert (held, g_strdup (key), GUINT_TO_POINTER (count - 1));
  g_mutex_unlock (&held_mutex);
  return count <= 1;
}

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

/* A dead process on this machine, or a lock older than any write takes.
 *
 * A share's client may show a lock file that is already gone for a second
 * or so (its cache of names), and a writer that finished since has a dead
 * process: so a dead holder counts only once the lock is a few seconds
 * old, older than any cache keeps a name, and only then is it removed. */
static gboolean
is_stale (const char *path,
          const char *contents,
          gboolean    on_share)
{
  g_auto(GStrv) fields = g_strsplit (contents != NULL ? contents : "", " ", 4);
  GStatBuf st;
  gint64 age;

  if (g_stat (path, &st) != 0)
    return FALSE;
  age = time (NULL) - st.st_mtime;
  if (g_strv_length (fields) == 4 && g_strcmp0 (fields[1], g_get_host_name ()) == 0 &&
      (!on_share || age >= PD_WRITE_LOCK_DEAD_HOLDER_SECONDS))
    {
      pid_t pid = (pid_t) g_ascii_strtoll (fields[2], NULL, 10);

      if (pid > 0 && kill (pid, 0) != 0 && errno == ESRCH)
        return TRUE;
    }
  if (age > PD_WRITE_LOCK_STALE_SECONDS)
    return TRUE;
  /* Half-written by a writer that died between creating and filling it. */
  if (g_strv_length (fields) < 4 && age > 10)
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
                       gboolean     on_share,
                       gint64       deadline,
                       char       **out_broken,
                       GError     **error)
{
  g_autofree char *path = pd_write_lock_path (db_path);
  g_autofree char *contents = NULL;
  g_autofree char *key = held_key_for (path);
  guint backoff_ms = 2;

  if (out_broken != NULL)
    *out_broken = NULL;
  if (hold_again (key))
    {
      PdWriteLock *lock = g_new0 (PdWriteLock, 1);

      lock->held_key = g_steal_pointer (&key);
      return lock;
    }
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
          lock->held_key = g_steal_pointer (&key);
          lock->renewed = g_get_monotonic_time ();
          hold (lock->held_key);
          return lock;
        }
      if (saved_errno != EEXIST)
        {
          g_set_error (error, PD_ERROR, saved_errno == EROFS || saved_errno == EACCES ? PD_ERROR_READ_ONLY : PD_ERROR_IO,
                       _("The database’s lock file cannot be made: %s"), g_strerror (saved_errno));
          return NULL;
        }

      g_file_get_contents (path, &holder, NULL, NULL);
      if (is_stale (path, holder, on_share))
        {
          g_autofree char *who = describe_holder (holder);

          /* Another writer may break it at the same moment: only one unlink
           * succeeds, and both then race on O_EXCL again, which is fine. */
          if (g_unlink (path) == 0 && out_broken != NULL && *out_broken == NULL)
            *out_broken = g_strdup_printf ("%s: %s", who, holder != NULL ? holder : "");
          /* What the dead writer left (a journal to roll back) must be seen
           * afresh, not through a share client's cache of a moment ago. */
          if (on_share)
            g_usleep (1500 * 1000);
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
pd_write_lock_renew (PdWriteLock *lock)
{
  gint64 now = g_get_monotonic_time ();

  /* A nested hold has no file of its own; its outer hold renews. */
  if (lock == NULL || lock->path == NULL ||
      now - lock->renewed < PD_WRITE_LOCK_RENEW_SECONDS * G_USEC_PER_SEC)
    return;
  if (g_utime (lock->path, NULL) != 0)
    g_debug ("Could not renew the lock %s: %s", lock->path, g_strerror (errno));
  lock->renewed = now;
}

void
pd_write_lock_release (PdWriteLock *lock)
{
  g_autofree char *now = NULL;

  if (lock == NULL)
    return;
  /* Only our own, and only the outermost hold: a lock broken as stale and
   * taken by another stays theirs. */
  if (unhold (lock->held_key) && lock->path != NULL &&
      g_file_get_contents (lock->path, &now, NULL, NULL) && g_strcmp0 (now, lock->contents) == 0)
    g_unlink (lock->path);
  g_free (lock->path);
  g_free (lock->contents);
  g_free (lock->held_key);
  g_free (lock);
}
