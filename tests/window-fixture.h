/* window-fixture.h: what the window tests share */
#pragma once

#include <gtk/gtk.h>

#include "pd-application.h"
#include "pd-core.h"
#include "pd-test-util.h"
#include "pd-window.h"

G_BEGIN_DECLS

#define N_REFERRALS 12      /* in each database make_database() makes */
#define TIMEOUT_MS  10000

extern PdApplication *app;
extern char          *tmp_dir;

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main context until @cond holds, or TIMEOUT_MS pass. */
gboolean  wait_for      (Condition   cond,
                         gpointer    data);
gboolean  is_mapped     (gpointer    widget);
gboolean  is_not_busy   (gpointer    window);
gboolean  shows_error   (gpointer    window);
/* For a weak pointer: TRUE once *data is NULL. */
gboolean  is_null       (gpointer    data);
/* Writes N_REFERRALS referrals, "Child A" to "Child L". */
gboolean  add_referrals (PdTransaction *tx,
                         gpointer       user_data,
                         GError       **error);
/* Someone else's save of referral *(gint64 *) @user_data: pseudonym
 * "Child Y", narrative "Someone else's words". */
gboolean  edit_behind_the_form (PdTransaction *tx,
                                gpointer       user_data,
                                GError       **error);
/* A database in tmp_dir holding N_REFERRALS referrals; its path. */
char     *make_database (const char *name);
/* A window of the application, shown. */
PdWindow *make_window   (void);

/* g_test_init(), a temporary folder and the application. */
void      window_fixture_init  (int          *argc,
                                char       ***argv,
                                const char   *name);
void      window_fixture_clear (void);

G_END_DECLS
