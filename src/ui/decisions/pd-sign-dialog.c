/* pd-sign-dialog.c: the chair signs a decision, seeing exactly what is signed
 *
 * The text shown is the core's canonical form, the very bytes the
 * signature covers, so what the chair reads is what they sign. The key
 * file is looked at before anything is typed: a chair without a key makes
 * one here (the passphrase asked twice, the administrator's confirmation
 * explained); a key file gone or unreadable is explained instead of
 * failing at the end. A wrong passphrase keeps the dialog open.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-sign-dialog.h"

struct _PdSignDialog
{
  AdwWindow    parent_instance;

  GtkLabel    *error_label;
  GtkTextView *canonical_view;
  GtkLabel    *key_label;
  AdwEntryRow *passphrase_row;
  AdwEntryRow *repeat_row;
  GtkCheckButton *confirm_check;
  GtkWidget   *sign_button;

  PdDatabase  *db;
  gint64       decision_id;
  char        *key_dir;
  char        *canonical;
  gboolean     first_key;
  gboolean     key_unusable;  /* missing or corrupt while the database expects it */
  char        *error;
};

G_DEFINE_FINAL_TYPE (PdSignDialog, pd_sign_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SIGNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (PdSignDialog *self,
            const char   *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_sensitivity (PdSignDialog *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  gboolean ready = !self->key_unusable && *passphrase != '\0' &&
                   gtk_check_button_get_active (self->confirm_check);

  if (self->first_key)
    ready = ready && g_strcmp0 (passphrase, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row))) == 0;
  gtk_widget_set_sensitive (self->sign_button, ready);
}

gboolean
pd_sign_dialog_sign (PdSignDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *passphrase;

  g_return_val_if_fail (PD_IS_SIGN_DIALOG (self), FALSE);

  passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  if (self->key_unusable)
    return FALSE;
  if (!gtk_check_button_get_active (self->confirm_check))
    {
      show_error (self, _("Tick “I have read the text above” to confirm that this is your decision."));
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_check));
      return FALSE;
    }
  if (*passphrase == '\0')
    {
      show_error (self, _("Type the passphrase of your signing key."));
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return FALSE;
    }
  if (self->first_key &&
      g_strcmp0 (passphrase, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row))) != 0)
    {
      show_error (self, _("The two passphrases differ: type the same one twice."));
      gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
      return FALSE;
    }

  if (!pd_decision_sign (self->db, self->decision_id, passphrase, self->key_dir, &error))
    {
      if (g_error_matches (error, PD_ERROR, PD_ERROR_PASSPHRASE))
        {
          show_error (self, _("The passphrase is wrong: it does not open your signing key. Nothing was signed; "
                              "try again."));
          gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
          gtk_editable_select_region (GTK_EDITABLE (self->passphrase_row), 0, -1);
        }
      else
        show_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_SIGNED], 0, self->decision_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_sign_clicked (PdSignDialog *self)
{
  pd_sign_dialog_sign (self);
}

/* What the key folder holds decides what the dialog asks for. */
static void
look_at_key (PdSignDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) lookup_error = NULL;
  const char *login = pd_database_get_login_name (self->db);
  g_autofree char *fingerprint = pd_signing_key_dup_fingerprint (self->key_dir, login, &error);
  g_autofree char *path = pd_signing_key_path (self->key_dir, login);
  PdKeyState state = pd_signing_key_lookup (self->db, pd_database_get_user_id (self->db), NULL, NULL, &lookup_error);

  if (fingerprint != NULL)
    {
      g_autofree char *readable = pd_signing_format_fingerprint (fingerprint);
      /* Translators: %s is a key fingerprint in groups of four hex digits */
      g_autofree char *text = g_strdup_printf (_("Signing with your key %s."), readable);

      gtk_label_set_text (self->key_label, text);
      if (state == PD_KEY_PENDING)
        {
          g_autofree char *more = g_strdup_printf ("%s %s", text,
                                                   _("An administrator has not yet confirmed it: your signature "
                                                     "will show as not verified until they do."));
          gtk_label_set_text (self->key_label, more);
        }
      return;
    }

  if (g_error_matches (error, PD_ERROR, PD_ERROR_KEY_MISSING) && state == PD_KEY_NONE)
    {
      /* The first sign-off makes the key. */
      g_autofree char *text = g_strdup_printf (_("This is your first sign-off: a signing key will be made for you "
                                                 "and kept in %s, protected by the passphrase you choose now "
                                                 "(type it twice). Its public half goes into the database, and an "
                                                 "administrator must confirm it before your signatures show as "
                                                 "verified."), path);

      self->first_key = TRUE;
      gtk_label_set_text (self->key_label, text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->passphrase_row), _("Choose a passphrase"));
      gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), TRUE);
      return;
    }

  self->key_unusable = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), FALSE);
  if (g_error_matches (error, PD_ERROR, PD_ERROR_KEY_MISSING))
    {
      g_autofree char *text = g_strdup_printf (_("Your signing key file is missing: the database has a key for "
                                                 "you, but %s is not there. Restore it from your backup, or ask "
                                                 "an administrator to replace your key. Nothing can be signed "
                                                 "until then."), path);

      show_error (self, text);
    }
  else if (g_error_matches (error, PD_ERROR, PD_ERROR_KEY_CORRUPT))
    {
      g_autofree char *text = g_strdup_printf (_("Your signing key file %s cannot be read: it is damaged or not a "
                                                 "Panel Desk key (%s). Restore it from your backup, or ask an "
                                                 "administrator to replace your key."), path, error->message);

      show_error (self, text);
    }
  else
    show_error (self, error != NULL ? error->message : lookup_error->message);
}

PdSignDialog *
pd_sign_dialog_new (GtkWindow   *parent,
                    PdDatabase  *db,
                    gint64       decision_id,
                    const char  *key_dir,
                    GError     **error)
{
  g_autoptr(PdDecision) decision = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *title = NULL;
  PdSignDialog *self;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  decision = pd_decision_load (db, decision_id, error);
  if (decision == NULL)
    return NULL;
  canonical = pd_decision_dup_canonical (db, decision_id, error);
  if (canonical == NULL)
    return NULL;

  self = g_object_new (PD_TYPE_SIGN_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->decision_id = decision_id;
  self->key_dir = key_dir != NULL ? g_strdup (key_dir) : pd_signing_default_key_dir ();
  self->canonical = g_steal_pointer (&canonical);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->canonical_view);
    GtkTextIter start, end;

    /* No hyphen may appear that the signed bytes do not hold. */
    gtk_text_buffer_set_text (buffer, self->canonical, -1);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_apply_tag (buffer, gtk_text_buffer_create_tag (buffer, NULL, "insert-hyphens", FALSE, NULL),
                               &start, &end);
  }
  /* Translators: the sign dialog's title, e.g. "Sign the Decision on PRP-2026-014" */
  title = g_strdup_printf (_("Sign the Decision on %s"), pd_decision_get_referral_reference (decision));
  gtk_window_set_title (GTK_WINDOW (self), title);
  look_at_key (self);
  update_sensitivity (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->key_unusable ? GTK_WIDGET (self->canonical_view)
                                                         : GTK_WIDGET (self->passphrase_row)));
  return self;
}

const char *
pd_sign_dialog_get_canonical (PdSignDialog *self)
{
  g_return_val_if_fail (PD_IS_SIGN_DIALOG (self), NULL);

  return self->canonical;
}

gboolean
pd_sign_dialog_is_first_key (PdSignDialog *self)
{
  g_return_val_if_fail (PD_IS_SIGN_DIALOG (self), FALSE);

  return self->first_key;
}

void
pd_sign_dialog_set_passphrase (PdSignDialog *self,
                               const char   *passphrase,
                               const char   *repeated)
{
  g_return_if_fail (PD_IS_SIGN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), passphrase != NULL ? passphrase : "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), repeated != NULL ? repeated : "");
}

void
pd_sign_dialog_set_confirmed (PdSignDialog *self,
                              gboolean      confirmed)
{
  g_return_if_fail (PD_IS_SIGN_DIALOG (self));

  gtk_check_button_set_active (self->confirm_check, confirmed);
}

const char *
pd_sign_dialog_get_error (PdSignDialog *self)
{
  g_return_val_if_fail (PD_IS_SIGN_DIALOG (self), NULL);

  return self->error;
}

static void
pd_sign_dialog_dispose (GObject *object)
{
  PdSignDialog *self = PD_SIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SIGN_DIALOG);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (pd_sign_dialog_parent_class)->dispose (object);
}

static void
pd_sign_dialog_finalize (GObject *object)
{
  PdSignDialog *self = PD_SIGN_DIALOG (object);

  g_free (self->key_dir);
  g_free (self->canonical);
  g_free (self->error);

  G_OBJECT_CLASS (pd_sign_dialog_parent_class)->finalize (object);
}

static void
pd_sign_dialog_class_init (PdSignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_sign_dialog_dispose;
  object_class->finalize = pd_sign_dialog_finalize;

  /* The signed decision's id. */
  signals[SIGNAL_SIGNED] =
    g_signal_new ("signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paneldesk/PanelDesk/decisions/pd-sign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSignDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdSignDialog, canonical_view);
  gtk_widget_class_bind_template_child (widget_class, PdSignDialog, key_label);
  gtk_widget_class_bind_template_child (widget_class, PdSignDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, PdSignDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, PdSignDialog, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, PdSignDialog, sign_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_clicked);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitivity);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_sign_dialog_init (PdSignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
