/* pd-publication-dialog.h: editing a report's entry in the publication register */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_PUBLICATION_DIALOG (pd_publication_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdPublicationDialog, pd_publication_dialog, PD, PUBLICATION_DIALOG, AdwWindow)

/* The register entry of @document (a report), or NULL with @error set.
 * Emits "saved" once the entry is recorded, then closes. */
GtkWidget  *pd_publication_dialog_new   (PdDatabase   *db,
                                         PdDocument   *document,
                                         GtkWindow    *parent,
                                         GError      **error);
/* Fills the form, as typing would (for the tests). */
void        pd_publication_dialog_set_fields (PdPublicationDialog *self,
                                              const char          *status,
                                              const char          *published_on,
                                              const char          *website_until,
                                              const char          *note);
/* Saves what the form holds; FALSE (the form kept, the reason shown) when
 * it breaks a rule. */
gboolean    pd_publication_dialog_save  (PdPublicationDialog *self);
/* The reason shown for the last refused save, or "". */
const char *pd_publication_dialog_get_error (PdPublicationDialog *self);

G_END_DECLS
