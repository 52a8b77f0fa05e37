/* pd-preferences-window.h: the application's preferences and the open database's facts */
#pragma once

#include <adwaita.h>

#include "pd-core.h"

G_BEGIN_DECLS

#define PD_TYPE_PREFERENCES_WINDOW (pd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PdPreferencesWindow, pd_preferences_window, PD, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @db may be NULL: the "This Database" group then stays hidden. */
GtkWindow *pd_preferences_window_new (GtkWindow  *parent,
                                      PdDatabase *db);

G_END_DECLS
