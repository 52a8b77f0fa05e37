/* pd-referral-dialog-private.h: what the form shares with its inputs and its conflict handling */
#pragma once

#include "pd-edit-conflict-dialog.h"
#include "pd-referral-dialog.h"
#include "pd-referral-items.h"

G_BEGIN_DECLS

struct _PdReferralDialog
{
  AdwWindow           parent_instance;

  GtkWidget          *save_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwPreferencesPage *page;

  GHashTable         *inputs;        /* field key -> AdwEntryRow, AdwComboRow or GtkTextView */
  GPtrArray          *keys;          /* the inputs' keys in form order */
  PdReferralItems    *members;
  PdReferralItems    *agencies;
  GtkWidget          *marked;        /* the widget marked as at fault */

  PdDatabase         *db;
  gint64              id;            /* 0 for a new referral */
  gint64              version;
  GHashTable         *base_values;   /* the referral as the form was filled from it */
  PdEditConflictDialog   *conflict;      /* open while the user chooses between versions */
  PdReferral         *theirs;        /* the version the conflict dialog offers */
  char               *error;
  gboolean            filling;
  gboolean            dirty;
  gboolean            discard_confirmed;
  guint               retry_id;      /* saving again while the share is away */
  guint               retry_seconds;
};

/* The text of an input, newly allocated; and setting it, as typing does. */
char *_pd_referral_dialog_input_text     (PdReferralDialog *self,
                                          const char       *key);
void  _pd_referral_dialog_set_input      (PdReferralDialog *self,
                                          const char       *key,
                                          const char       *text);
/* The form's inputs, in the order a form reads (pd-referral-dialog-form.c). */
void  _pd_referral_dialog_build_form     (PdReferralDialog *self);
/* Shows the criteria facts the chosen framework reads, hides the others. */
void  _pd_referral_dialog_update_fact_rows (PdReferralDialog *self);
/* Someone else saved the referral meanwhile: both versions, to choose from. */
void  _pd_referral_dialog_show_conflict  (PdReferralDialog *self);

G_END_DECLS
