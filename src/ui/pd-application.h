/* pd-application.h: the Panel Desk application */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PD_TYPE_APPLICATION (pd_application_get_type ())
G_DECLARE_FINAL_TYPE (PdApplication, pd_application, PD, APPLICATION, AdwApplication)

PdApplication *pd_application_new              (void);
/* Where --demo and "Try the Demo" keep the demo database. */
char          *pd_application_dup_demo_path    (void);

G_END_DECLS
