/* test-faults.c: the disk or the share failing in the middle of a save
 *
 * A VFS shim over the default one (as SQLite's own test_vfs does) fails
 * one kind of call (write, sync, lock, read, truncate) with an I/O error or
 * a full disk after N calls, for N stepped over the whole save. Each save
 * must end in a clear error or a success, never a crash; afterwards, with
 * the faults gone, the database must be intact and hold exactly the saves
 * that succeeded.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "pd-core.h"
#include "pd-database-private.h"
#include "pd-test-util.h"

typedef enum { FAULT_WRITE, FAULT_SYNC, FAULT_LOCK, FAULT_READ, FAULT_TRUNCATE, N_FAULTS } FaultKind;

static const char *fault_names[] = { "write", "sync", "lock", "read", "truncate" };

static struct
{
  gboolean  armed;
  FaultKind kind;
  int       after;     /* calls of the kind still allowed */
  int       code;      /* what the failing call returns */
  int       fired;
} fault;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
} ShimFile;

static sqlite3_vfs *real_vfs;

static gboolean
should_fail (FaultKind kind)
{
  if (!fault.armed || fault.kind != kind)
    return FALSE;
  if (fault.after-- > 0)
    return FALSE;
  fault.fired++;
  return TRUE;
}

#define REAL(f) (((ShimFile *) (f))->real)

static int shim_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods != NULL ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK;

  g_free (REAL (f));
  return rc;
}

static int shim_read (sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
  if (should_fail (FAULT_READ))
    return SQLITE_IOERR_READ;
  return REAL (f)->pMethods->xRead (REAL (f), buf, n, off);
}

static int shim_write (sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
  if (should_fail (FAULT_WRITE))
    return fault.code;
  return REAL (f)->pMethods->xWrite (REAL (f), buf, n, off);
}

static int shim_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  if (should_fail (FAULT_TRUNCATE))
    return SQLITE_IOERR_TRUNCATE;
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int shim_sync (sqlite3_file *f, int flags)
{
  if (should_fail (FAULT_SYNC))
    return SQLITE_IOERR_FSYNC;
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int shim_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int shim_lock (sqlite3_file *f, int level)
{
  if (should_fail (FAULT_LOCK))
    return SQLITE_IOERR_LOCK;
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int shim_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int shim_check_reserved (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int shim_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int shim_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int shim_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

/* Version 1: no shared memory or mmap, which Panel Desk never uses. */
static const sqlite3_io_methods shim_methods = {
  1, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size,
  shim_lock, shim_unlock, shim_check_reserved, shim_file_control, shim_sector_size,
  shim_device_characteristics,
};

static int
shim_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  int rc;

  shim->real = g_malloc0 (real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  /* SQLite calls xClose even when xOpen fails, if pMethods is set. */
  shim->base.pMethods = &shim_methods;
  return rc;
}

static int shim_delete (sqlite3_vfs *v, const char *name, int sync) { return real_vfs->xDelete (real_vfs, name, sync); }
static int shim_access (sqlite3_vfs *v, const char *name, int flags, int *out) { return real_vfs->xAccess (real_vfs, name, flags, out); }
static int shim_full_pathname (sqlite3_vfs *v, const char *name, int n, char *out) { return real_vfs->xFullPathname (real_vfs, name, n, out); }
static void *shim_dl_open (sqlite3_vfs *v, const char *name) { return real_vfs->xDlOpen (real_vfs, name); }
static void shim_dl_error (sqlite3_vfs *v, int n, char *out) { real_vfs->xDlError (real_vfs, n, out); }
static void (*shim_dl_sym (sqlite3_vfs *v, void *h, const char *s)) (void) { return real_vfs->xDlSym (real_vfs, h, s); }
static void shim_dl_close (sqlite3_vfs *v, void *h) { real_vfs->xDlClose (real_vfs, h); }
static int shim_randomness (sqlite3_vfs *v, int n, char *out) { return real_vfs->xRandomness (real_vfs, n, out); }
static int shim_sleep (sqlite3_vfs *v, int us) { return real_vfs->xSleep (real_vfs, us); }
static int shim_current_time (sqlite3_vfs *v, double *out) { return real_vfs->xCurrentTime (real_vfs, out); }

static sqlite3_vfs shim_vfs;

static void
install_shim (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  shim_vfs = (sqlite3_vfs) {
    1, sizeof (ShimFile), real_vfs->mxPathname, NULL, "pd-faults", NULL,
    shim_open, shim_delete, shim_access, shim_full_pathname, shim_dl_open, shim_dl_error,
    shim_dl_sym, shim_dl_close, shim_randomness, shim_sleep, shim_current_time,
  };
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

static gboolean
insert_cb (PdTransaction *tx, gpointer user_data, GError **error)
{
  PdReferralFields fields = { .pseudonym = user_data, .date_received = "2026-03-02",
                              .narrative = "Saved while the disk failed." };

  return pd_referral_insert (tx, &fields, NULL, error) != 0;
}

static void
test_fault (gconstpointer user_data)
{
  FaultKind kind = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("panel-desk-test-faults-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "faults.paneldesk", NULL);
  g_autoptr(PdDatabase) db = NULL;
  g_autofree char *integrity = NULL;
  guint saved = 0, failed = 0, n_fired = 0;

  g_assert_no_error (error);
  db = pd_database_open (path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pd_database_set_lock_timeout (db, 200);

  /* A save makes a few dozen writes (pages and journal): step past them all. */
  for (int after = 0; after < (kind == FAULT_WRITE ? 160 : 24); after += (kind == FAULT_WRITE ? 3 : 1))
    {
      g_autofree char *pseudonym = g_strdup_printf ("Child %d", after);
      gboolean ok;

      fault.armed = TRUE;
      fault.kind = kind;
      fault.after = after;
      fault.fired = 0;
      /* Writes alternate between an I/O error and a full disk. */
      fault.code = after % 2 == 0 ? SQLITE_IOERR_WRITE : SQLITE_FULL;
      ok = pd_database_write (db, "New referral", insert_cb, pseudonym, NULL, &error);
      fault.armed = FALSE;
      n_fired += fault.fired;

      if (ok)
        saved++;
      else
        {
          /* A clear message in the project's domain, never a crash. */
          g_assert_nonnull (error);
          g_assert_true (error->domain == PD_ERROR);
          g_assert_cmpuint (strlen (error->message), >, 10);
          g_clear_error (&error);
          failed++;
          /* The connection may be left unusable by a failed sync: start again,
           * as the app does when the share comes back. */
          g_clear_object (&db);
          db = pd_database_open (path, PD_OPEN_DEFAULT, &error);
          g_assert_no_error (error);
          pd_database_set_lock_timeout (db, 200);
        }
    }
  g_test_message ("%s: %u saved, %u failed, %u faults fired", fault_names[kind], saved, failed, n_fired);
  /* The faults did reach the saves: a rollback journal never truncates, so
   * that kind cannot fire, and every other kind must have. */
  if (kind != FAULT_TRUNCATE)
    {
      g_assert_cmpuint (n_fired, >, 0);
      g_assert_cmpuint (failed, >, 0);
      g_assert_cmpuint (saved, >, 0);
    }

  g_clear_object (&db);
  db = pd_database_open (path, PD_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  integrity = pd_test_query_text (_pd_database_get_handle (db), "PRAGMA integrity_check;");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (pd_test_query_int (_pd_database_get_handle (db), "SELECT count(*) FROM referrals;"), ==, saved);
  g_assert_cmpint (pd_test_query_int (_pd_database_get_handle (db), "SELECT count(*) FROM ledger "
                                                                      "WHERE summary = 'New referral';"), ==, saved);
  g_clear_object (&db);
  pd_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  install_shim ();

  for (int kind = 0; kind < N_FAULTS; kind++)
    {
      g_autofree char *name = g_strdup_printf ("/faults/%s", fault_names[kind]);

      g_test_add_data_func (name, GINT_TO_POINTER (kind), test_fault);
    }
  return g_test_run ();
}
