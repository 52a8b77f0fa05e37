/* pd-agenda-item.h: one item on a meeting's agenda, as read */
#pragma once

#include <glib-object.h>

#include "pd-database.h"
#include "pd-record-list.h"

G_BEGIN_DECLS

#define PD_TYPE_AGENDA_ITEM (pd_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (PdAgendaItem, pd_agenda_item, PD, AGENDA_ITEM, GObject)

gint64       pd_agenda_item_get_id                 (PdAgendaItem *self);
gint64       pd_agenda_item_get_meeting_id         (PdAgendaItem *self);
/* Its number on the agenda, from 1; numbering follows the order. */
int          pd_agenda_item_get_position           (PdAgendaItem *self);
/* "apologies", "minutes", "new_referral", "review_progress", "action_plan",
 * "publication" or "other". */
const char  *pd_agenda_item_get_kind               (PdAgendaItem *self);
const char  *pd_agenda_item_get_title              (PdAgendaItem *self);
gint64       pd_agenda_item_get_referral_id        (PdAgendaItem *self);  /* 0 for none */
const char  *pd_agenda_item_get_referral_reference (PdAgendaItem *self);  /* "" for none */
const char  *pd_agenda_item_get_pseudonym          (PdAgendaItem *self);  /* "" for none */
gint64       pd_agenda_item_get_previous_meeting_id (PdAgendaItem *self); /* minutes: 0 for none */
int          pd_agenda_item_get_minutes            (PdAgendaItem *self);  /* time allocated */
gint64       pd_agenda_item_get_presenter_id       (PdAgendaItem *self);  /* 0 for none */
const char  *pd_agenda_item_get_presenter_name     (PdAgendaItem *self);  /* "" for none */
const char  *pd_agenda_item_get_notes              (PdAgendaItem *self);  /* discussion notes */
/* Added after the agenda was published. */
gboolean     pd_agenda_item_is_addendum            (PdAgendaItem *self);
/* Taken off a published agenda: kept, shown struck out, not in the pack. */
gboolean     pd_agenda_item_is_withdrawn           (PdAgendaItem *self);
guint        pd_agenda_item_get_n_papers           (PdAgendaItem *self);

const char  *pd_agenda_item_kind_to_label          (const char *kind);
gboolean     pd_agenda_item_kind_is_valid          (const char *kind);

PdAgendaItem *pd_agenda_item_load                  (PdDatabase *db, gint64 id, GError **error);
/* The items of @meeting_id in agenda order, withdrawn ones included: a
 * GListModel for the Meetings view; reload it after each write. */
PdRecordList *pd_agenda_item_list_new              (PdDatabase *db, gint64 meeting_id, GError **error);
/* The same, loaded at once (PdAgendaItem objects). */
GPtrArray    *pd_agenda_item_list_load             (PdDatabase *db, gint64 meeting_id, GError **error);

G_END_DECLS
