/* pd-signing-private.h: what the demo and the receipts need of signing */
#pragma once

#include <sodium.h>

#include "pd-database-private.h"
#include "pd-signing.h"

G_BEGIN_DECLS

/* An opened key file: the secret key is in memory only while signing. */
typedef struct
{
  guint8  public_key[crypto_sign_PUBLICKEYBYTES];
  guint8  secret_key[crypto_sign_SECRETKEYBYTES];
  char   *fingerprint;
} PdSigningKey;

void          _pd_signing_key_free        (PdSigningKey *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSigningKey, _pd_signing_key_free)

/* Opens <key_dir>/<login_name>.key with @passphrase. */
PdSigningKey *_pd_signing_key_open        (const char   *key_dir,
                                           const char   *login_name,
                                           const char   *passphrase,
                                           GError      **error);

/* Registers @key as @person_id's current key (replacing any), pending. */
gint64        _pd_signing_key_register_for (PdTransaction *tx,
                                            gint64         person_id,
                                            PdSigningKey  *key,
                                            GError       **error);

/* What the signer's client keeps of one signature. */
typedef struct
{
  gint64  decision_id;
  char   *reference;
  char   *signed_at;
  char   *signed_hash;
  char   *signature_hex;
  char   *fingerprint;
} PdSignatureReceipt;

void          _pd_signature_receipt_free  (PdSignatureReceipt *receipt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSignatureReceipt, _pd_signature_receipt_free)

/* Signs @decision_id as @signer_id with @key (registered as @key_id) within
 * @tx, at @signed_at (NULL for now); no role check (pd_decision_sign()
 * makes it). The receipt is for the signer's key folder once @tx commits. */
PdSignatureReceipt *_pd_signing_sign_in_tx (PdTransaction *tx,
                                            gint64         decision_id,
                                            gint64         signer_id,
                                            gint64         key_id,
                                            PdSigningKey  *key,
                                            const char    *signed_at,
                                            GError       **error);

/* Appends @receipts (PdSignatureReceipt) to the receipts file of @db in
 * @key_dir, mode 0600, synced to disk. */
gboolean      _pd_signature_receipts_append (PdDatabase *db,
                                             const char *key_dir,
                                             GPtrArray  *receipts,
                                             GError    **error);

/* Hex of @data, lower case. */
char         *_pd_hex                     (const guint8 *data,
                                           gsize         length);

G_END_DECLS
