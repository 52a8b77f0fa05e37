/* pd-test-util.h: small helpers the test programs share */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Removes @path, a file or a folder with all it holds (even read-only). */
void     pd_test_remove_tree (const char *path);

/* The first column of the first row of @sql; asserts there is one. */
gint64   pd_test_query_int   (sqlite3    *handle,
                              const char *sql);
char    *pd_test_query_text  (sqlite3    *handle,
                              const char *sql);

/* Runs @sql (statements without results); asserts it worked. */
void     pd_test_exec        (sqlite3    *handle,
                              const char *sql);

/* "2026-03-31" as a GDate (aborts the test on a bad date), and back ("-" for none). */
GDate    pd_test_day         (const char *text);
char    *pd_test_format_day  (const GDate *date);

/* What a program said and how it ended. */
typedef struct
{
  int   status;   /* the exit code */
  char *out;
  char *err;
} PdTestRun;

void     pd_test_run_clear   (PdTestRun  *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdTestRun, pd_test_run_clear)
/* Runs @argv (NULL-terminated; found on PATH unless a path) in @dir and
 * asserts it exited: a crash is never an answer. */
void     pd_test_run_argv    (PdTestRun          *run,
                              const char         *dir,
                              const char *const  *argv);
/* The same for @program and the NULL-terminated arguments after it. */
void     pd_test_run         (PdTestRun  *run,
                              const char *dir,
                              const char *program,
                              ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
