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

G_END_DECLS
