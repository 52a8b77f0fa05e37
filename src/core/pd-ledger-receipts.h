/* pd-ledger-receipts.h: this client's own record of the commits it was told succeeded
 *
 * A network share can acknowledge a commit and lose it later; an integrity
 * check then still says "ok". So every client keeps, in its own data folder
 * (never on the share), a receipt for each commit it made: the ledger token,
 * when, and what the change was. Checking the receipts against the ledger
 * finds a lost commit and names it to the person who made it.
 */
#pragma once

#include <glib.h>

#include "pd-database.h"

G_BEGIN_DECLS

/* A receipt the database no longer has. */
typedef struct
{
  char *token;
  char *at;             /* ISO 8601, UTC */
  char *what;           /* "New referral: referral PRP-2026-014" */
} PdMissingCommit;

void         pd_missing_commit_free        (PdMissingCommit *missing);
/* "Your change “New referral: referral PRP-2026-014” saved at 10:42 on
 * 3 Mar 2026 is missing from the database." */
char        *pd_missing_commit_describe    (const PdMissingCommit *missing);

/* Where this user's receipts are kept: $XDG_DATA_HOME/panel-desk/receipts. */
char        *pd_ledger_receipts_default_dir (void);

/* Keeps receipts of @db's commits in @dir from now on (NULL: none kept). */
void         pd_database_set_receipts_dir  (PdDatabase  *db,
                                            const char  *dir);
const char  *pd_database_get_receipts_dir  (PdDatabase  *db);

/* The receipts of this client for @db whose commits are not in the ledger:
 * a new array of PdMissingCommit, empty when all are there; NULL with
 * @error when the receipts or the database cannot be read. */
GPtrArray   *pd_database_find_missing_commits (PdDatabase  *db,
                                               GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdMissingCommit, pd_missing_commit_free)

G_END_DECLS
