/* pd-demo.h: a demonstration database full of made-up, anonymised cases */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called as the work goes on: @fraction from 0 to 1, @what a short translated text. */
typedef void (*PdDemoProgressFunc) (double      fraction,
                                    const char *what,
                                    gpointer    user_data);

/* The passphrase of the demo chair's signing key (Dr Anne Hartley, login
 * "ahartley"), kept in pd_signing_default_key_dir() as ahartley.key:
 * the chair's own key folder, never beside the demo database. */
#define PD_DEMO_CHAIR_PASSPHRASE "demo-chair"

/* Creates a new database at @path (refusing an existing file), the caller's
 * login as its administrator, and fills it with @n_referrals referrals and
 * their people, meetings, decisions and papers. The papers go into the
 * "<name>.paneldesk-files" folder beside it. The same @n_referrals gives the
 * same content. On failure or cancellation nothing is left behind. */
gboolean pd_demo_create (const char          *path,
                         guint                n_referrals,
                         PdDemoProgressFunc   progress,
                         gpointer             user_data,
                         GCancellable        *cancellable,
                         GError             **error);

G_END_DECLS
