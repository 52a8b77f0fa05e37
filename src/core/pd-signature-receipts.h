/* pd-signature-receipts.h: the receipts a chair's client keeps of every
 * signature it made, and checking them against the database */
#pragma once

#include "pd-signing.h"

G_BEGIN_DECLS

/* <key_dir>/receipts-<database id>.txt; @key_dir NULL for the default. */
char      *pd_signature_receipts_path  (PdDatabase  *db,
                                        const char  *key_dir,
                                        GError     **error);

/* Compares every receipt in @key_dir (NULL for the default) for this
 * database with the signed decision in it now. Returns one
 * PdSignatureCheck (state PD_SIGNATURE_ALTERED, with a message naming the
 * decision) for each decision that no longer matches what its chair
 * signed: deleted, its signature replaced, or its public key swapped. An
 * empty array when all match or there are no receipts; @out_n_receipts
 * (may be NULL) gets how many receipts were compared. */
GPtrArray *pd_signature_receipts_check (PdDatabase  *db,
                                        const char  *key_dir,
                                        guint       *out_n_receipts,
                                        GError     **error);

G_END_DECLS
