/* pd-signing.h: the chair's signing keys, the canonical form of a decision,
 * signing it and verifying the whole chain of signed decisions
 *
 * Ed25519 (libsodium's crypto_sign) over the canonical form of a decision;
 * SHA-256 of that form chains each signed decision to the one signed before
 * it. A chair's private key lives in a key file in their own data folder
 * (see pd_signing_default_key_dir()), encrypted with a passphrase; only its
 * public key goes into the database, confirmed by an administrator.
 */
#pragma once

#include <gio/gio.h>

#include "pd-database.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ keys */

/* $PANEL_DESK_KEY_DIR when set, else g_get_user_data_dir()/panel-desk/keys:
 * the chair's own folder for their key file and their receipts, never the
 * shared drive. */
char        *pd_signing_default_key_dir          (void);
/* <key_dir>/<login_name>.key */
char        *pd_signing_key_path                 (const char   *key_dir,
                                                  const char   *login_name);
/* "1A2B 3C4D 5E6F 7081 ...": the first 32 hex digits of a fingerprint in
 * groups of four, as a person reads it out or prints it. */
char        *pd_signing_format_fingerprint       (const char   *fingerprint);

/* Makes a new key pair for @login_name in @key_dir (created 0700 if needed),
 * the private key encrypted with @passphrase, the file 0600. Refuses to
 * overwrite an existing key file (PD_ERROR_EXISTS). Returns the new key's
 * fingerprint (hex SHA-256 of the public key). */
char        *pd_signing_key_create               (const char   *key_dir,
                                                  const char   *login_name,
                                                  const char   *passphrase,
                                                  GError      **error);
/* The fingerprint in the key file of @login_name, without the passphrase;
 * NULL with PD_ERROR_KEY_MISSING or PD_ERROR_KEY_CORRUPT. */
char        *pd_signing_key_dup_fingerprint      (const char   *key_dir,
                                                  const char   *login_name,
                                                  GError      **error);
/* TRUE when @passphrase opens the key file (PD_ERROR_PASSPHRASE if not). */
gboolean     pd_signing_key_check_passphrase     (const char   *key_dir,
                                                  const char   *login_name,
                                                  const char   *passphrase,
                                                  GError      **error);

typedef enum
{
  PD_KEY_NONE,          /* the person has no key registered */
  PD_KEY_PENDING,       /* registered, waiting for an administrator */
  PD_KEY_CONFIRMED,
} PdKeyState;

/* The state of @person_id's current key in the database, and its id and
 * fingerprint (either out argument may be NULL). */
PdKeyState   pd_signing_key_lookup               (PdDatabase   *db,
                                                  gint64        person_id,
                                                  gint64       *out_key_id,
                                                  char        **out_fingerprint,
                                                  GError      **error);
/* Registers the public key of the current user's key file (a chair) as
 * their key, pending an administrator's confirmation; audited. When they had
 * a key already it is marked replaced (older signatures still verify with
 * it). Returns the new key's id. */
gint64       pd_signing_key_register             (PdTransaction *tx,
                                                  const char    *key_dir,
                                                  GError       **error);
/* An administrator confirms key @key_id; audited. */
gboolean     pd_signing_key_confirm              (PdTransaction *tx,
                                                  gint64         key_id,
                                                  GError       **error);
/* The fingerprint of registered key @key_id. */
char        *pd_signing_dup_key_fingerprint      (PdDatabase   *db,
                                                  gint64        key_id,
                                                  GError      **error);
/* Keys waiting for an administrator, as key ids (gint64 in a GArray). */
GArray      *pd_signing_list_pending_keys        (PdDatabase   *db,
                                                  GError      **error);

/* --------------------------------------------------------- canonical form */

/* The exact bytes a signature of decision @decision_id covers, as it would
 * be signed now (unsigned) or as it was signed (signed): a JSON object with
 * a fixed key order and no spaces, holding every field of the decision, the
 * referral's reference, the signer, the key's fingerprint, the chain
 * position and the previous signed decision's hash. Readable, so the UI can
 * show exactly what will be signed. */
char        *pd_decision_dup_canonical           (PdDatabase   *db,
                                                  gint64        decision_id,
                                                  GError      **error);

/* --------------------------------------------------------------- signing */

/* Signs decision @decision_id as the current user, in one write transaction,
 * then keeps a receipt in @key_dir (NULL: pd_signing_default_key_dir()).
 * On the chair's first sign-off, when @key_dir has no key file for them, a
 * key pair is made with @passphrase and its public key registered, pending
 * an administrator's confirmation.
 *
 * Refuses (nothing written): a user who is not a chair (PD_ERROR_PERMISSION);
 * a recommendation, or a decision already signed (PD_ERROR_INVALID); a wrong
 * passphrase (PD_ERROR_PASSPHRASE); a key file missing while the database
 * has a key for them, or unreadable (PD_ERROR_KEY_MISSING,
 * PD_ERROR_KEY_CORRUPT); a key file that is not the key registered for them
 * (PD_ERROR_KEY_MISMATCH). */
gboolean     pd_decision_sign                    (PdDatabase   *db,
                                                  gint64        decision_id,
                                                  const char   *passphrase,
                                                  const char   *key_dir,
                                                  GError      **error);

/* ---------------------------------------------------------- verification */

typedef enum
{
  PD_SIGNATURE_UNSIGNED,        /* not verified: awaiting signature (or a recommendation) */
  PD_SIGNATURE_VERIFIED,        /* signature and chain hold, with a confirmed key */
  PD_SIGNATURE_KEY_UNCONFIRMED, /* signature holds, but no administrator has confirmed the key */
  PD_SIGNATURE_ALTERED,         /* changed after signing, or its signature or chain is broken */
} PdSignatureState;

typedef struct
{
  gint64            decision_id;
  char             *reference;     /* the referral's */
  PdSignatureState  state;
  char             *message;       /* a sentence naming the decision; NULL when verified or unsigned */
  char             *fingerprint;   /* of the key it was signed with, or NULL */
  gint64            chain_seq;     /* 0 when unsigned */
  gint64            superseded_by; /* the decision superseding it, or 0 */
} PdSignatureCheck;

void         pd_signature_check_free             (PdSignatureCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSignatureCheck, pd_signature_check_free)

const char  *pd_signature_state_to_label         (PdSignatureState state);  /* "Verified" */

/* Every decision and recommendation (PdSignatureCheck, by id): each signed
 * row's canonical form rebuilt from the database, its hash, its link to the
 * previous signed decision and its signature checked. Also finds what is
 * missing from the chain (a signed decision deleted). Only reads. */
GPtrArray   *pd_signing_verify_all               (PdDatabase   *db,
                                                  GError      **error);
/* The same for one decision. */
PdSignatureCheck *pd_signing_verify_decision     (PdDatabase   *db,
                                                  gint64        decision_id,
                                                  GError      **error);

G_END_DECLS
