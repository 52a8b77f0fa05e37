/* pd-person.h: a person of the panel and their role */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PD_ROLE_NONE,           /* a login that is not a person of this database */
  PD_ROLE_ADMINISTRATOR,
  PD_ROLE_CHAIR,
  PD_ROLE_MEMBER,
  PD_ROLE_OBSERVER,
} PdRole;

const char *pd_role_to_string   (PdRole      role);  /* as stored: "administrator" */
PdRole      pd_role_from_string (const char *text);
const char *pd_role_to_label    (PdRole      role);  /* translated: "Panel member" */

#define PD_TYPE_PERSON (pd_person_get_type ())
G_DECLARE_FINAL_TYPE (PdPerson, pd_person, PD, PERSON, GObject)

gint64      pd_person_get_id           (PdPerson *self);
const char *pd_person_get_login_name   (PdPerson *self);
const char *pd_person_get_display_name (PdPerson *self);
const char *pd_person_get_agency       (PdPerson *self);
PdRole      pd_person_get_role         (PdPerson *self);

G_END_DECLS

G_BEGIN_DECLS

typedef struct _PdDatabase PdDatabase;
typedef struct _PdTransaction PdTransaction;

/* Active people, by name. */
GPtrArray *pd_person_list_all (PdDatabase     *db,
                               GError        **error);
/* Adds a person; returns the new id, or 0 with @error set. */
gint64     pd_person_insert   (PdTransaction  *tx,
                               const char     *login_name,
                               const char     *display_name,
                               const char     *agency,
                               PdRole          role,
                               GError        **error);

G_END_DECLS
