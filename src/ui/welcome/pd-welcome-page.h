/* pd-welcome-page.h: what the window shows before a database is open */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PD_TYPE_WELCOME_PAGE (pd_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (PdWelcomePage, pd_welcome_page, PD, WELCOME_PAGE, AdwBin)

GtkWidget *pd_welcome_page_new (void);

G_END_DECLS
