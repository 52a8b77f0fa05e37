/* pd-edit-conflict-dialog.h: someone else saved the referral being edited; the
 * user sees both versions and chooses, field by field */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PD_TYPE_EDIT_CONFLICT_DIALOG (pd_edit_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdEditConflictDialog, pd_edit_conflict_dialog, PD, EDIT_CONFLICT_DIALOG, AdwWindow)

/* @heading says who saved and when. Emits "resolved" when the user saves
 * the choices; closing it any other way leaves the form as it was. */
PdEditConflictDialog *pd_edit_conflict_dialog_new          (GtkWindow        *parent,
                                                   const char       *heading);
/* A field that differs: @yours and @theirs are shown as they read;
 * @take_theirs is the first choice (theirs where only they changed it). */
void              pd_edit_conflict_dialog_add_field    (PdEditConflictDialog *self,
                                                   const char       *key,
                                                   const char       *title,
                                                   const char       *yours,
                                                   const char       *theirs,
                                                   gboolean          take_theirs);
guint             pd_edit_conflict_dialog_get_n_fields (PdEditConflictDialog *self);
/* The fields in the order added, as a NULL-terminated array owned by the dialog. */
const char *const *pd_edit_conflict_dialog_get_keys    (PdEditConflictDialog *self);
gboolean          pd_edit_conflict_dialog_takes_theirs (PdEditConflictDialog *self,
                                                   const char       *key);
/* As clicking "Keep Yours" or "Take Theirs" of field @key does. */
void              pd_edit_conflict_dialog_choose       (PdEditConflictDialog *self,
                                                   const char       *key,
                                                   gboolean          take_theirs);
/* As the Save Choices button does. */
void              pd_edit_conflict_dialog_resolve      (PdEditConflictDialog *self);

G_END_DECLS
