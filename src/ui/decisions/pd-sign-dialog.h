/* pd-sign-dialog.h: the chair signs a decision, seeing exactly what is signed */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_SIGN_DIALOG (pd_sign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdSignDialog, pd_sign_dialog, PD, SIGN_DIALOG, AdwWindow)

/* The dialog signing decision @decision_id of @db with the key in @key_dir
 * (NULL: pd_signing_default_key_dir()); NULL with @error when the decision
 * cannot be read. Emits "signed" with the id and closes once signed; on a
 * refusal it stays open and says why. Only offered to chairs; the core
 * refuses others too. */
PdSignDialog *pd_sign_dialog_new                 (GtkWindow     *parent,
                                                  PdDatabase    *db,
                                                  gint64         decision_id,
                                                  const char    *key_dir,
                                                  GError       **error);
/* The canonical text that will be signed, exactly as the core signs it. */
const char   *pd_sign_dialog_get_canonical       (PdSignDialog  *self);
/* TRUE when no key exists yet: signing makes one, the passphrase asked twice. */
gboolean      pd_sign_dialog_is_first_key        (PdSignDialog  *self);
/* As typing does: the passphrase and, for a new key, its repetition. */
void          pd_sign_dialog_set_passphrase      (PdSignDialog  *self,
                                                  const char    *passphrase,
                                                  const char    *repeated);
/* As ticking "I have read…" does. */
void          pd_sign_dialog_set_confirmed       (PdSignDialog  *self,
                                                  gboolean       confirmed);
gboolean      pd_sign_dialog_sign                (PdSignDialog  *self);
/* What the dialog says is wrong (a wrong passphrase, a missing key file), or NULL. */
const char   *pd_sign_dialog_get_error           (PdSignDialog  *self);

G_END_DECLS
