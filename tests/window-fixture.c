/* window-fixture.c: what the window tests share: the application, a
 * temporary folder, databases with referrals, waiting on the main loop */
#include "config.h"

#include <string.h>

#include "window-fixture.h"

PdApplication *app;
char *tmp_dir;


static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
wait_for (Condition cond,
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  guint wake_id = g_timeout_add (10, wake_up, NULL);
  gboolean ok;

  while (!(ok = cond (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_id);
  return ok;
}

gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

gboolean
is_not_busy (gpointer data)
{
  return !pd_window_is_busy (PD_WINDOW (data));
}

gboolean
shows_error (gpointer data)
{
  return g_strcmp0 (pd_window_get_page (PD_WINDOW (data)), "error") == 0;
}

/* Fixtures */

gboolean
add_referrals (PdTransaction  *tx,
               gpointer        user_data,
               GError        **error)
{
  for (guint i = 0; i < N_REFERRALS; i++)
    {
      g_autofree char *pseudonym = g_strdup_printf ("Child %c", 'A' + i);
      g_autofree char *received = g_strdup_printf ("2026-03-%02u", i + 1);
      PdReferralFields fields = {
        .pseudonym = pseudonym,
        .date_received = received,
        .referrer_agency = "Police",
      };

      if (pd_referral_insert (tx, &fields, NULL, error) == 0)
        return FALSE;
    }

  return TRUE;
}

char *
make_database (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(PdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = pd_database_open (path, PD_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  pd_database_write (db, "Test referrals", add_referrals, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

PdWindow *
make_window (void)
{
  PdWindow *window = pd_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (is_mapped, window));

  return window;
}


gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
log_is_fatal (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  return strstr (message, "session bus") == NULL;
}

gboolean
edit_behind_the_form (PdTransaction  *tx,
                      gpointer        user_data,
                      GError        **error)
{
  gint64 *id = user_data;
  g_autoptr(PdReferral) referral = pd_referral_load (pd_transaction_get_database (tx), *id, error);
  PdReferralFields fields = { .pseudonym = "Child Y", .date_received = pd_referral_get_date_received (referral),
                              .narrative = "Someone else's words" };

  return referral != NULL &&
         pd_referral_update (tx, *id, pd_referral_get_version (referral), &fields, error);
}

void
window_fixture_init (int          *argc,
                     char       ***argv,
                     const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("panel-desk-%s-XXXXXX", name);

  g_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (log_is_fatal, NULL);

  tmp_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);

  app = pd_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* Keep the application alive between the tests' windows. */
  g_application_hold (G_APPLICATION (app));
}

void
window_fixture_clear (void)
{
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  pd_test_remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}
