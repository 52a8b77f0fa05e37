/* pd-demo-meetings.c: the demo's meetings brought to life */
#include "config.h"

#include "pd-demo-meetings.h"

static PdMeeting *
newest_meeting (PdDatabase *db,
                guint       nth,
                GError    **error)
{
  g_autoptr(PdRecordList) meetings = pd_meeting_list_new (db);

  if (g_list_model_get_n_items (G_LIST_MODEL (meetings)) <= nth)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (meetings), nth);
}

/* The item of @kind on the meeting's agenda (the first), or NULL. */
static PdAgendaItem *
find_item (PdDatabase  *db,
           gint64       meeting_id,
           const char  *kind,
           GError     **error)
{
  g_autoptr(GPtrArray) items = pd_agenda_item_list_load (db, meeting_id, error);

  for (guint i = 0; items != NULL && i < items->len; i++)
    if (g_strcmp0 (pd_agenda_item_get_kind (items->pdata[i]), kind) == 0)
      return g_object_ref (items->pdata[i]);
  return NULL;
}

static gboolean
record_attendance (PdTransaction  *tx,
                   gint64          meeting_id,
                   gint64          chair_id,
                   GArray         *member_ids,
                   gboolean        held,
                   GError        **error)
{
  if (!pd_meeting_set_attendance (tx, meeting_id, chair_id, held ? "present" : "invited", error))
    return FALSE;
  for (guint i = 0; i < member_ids->len; i++)
    {
      /* At a held meeting one member sent apologies and one did not come. */
      const char *attendance = !held ? "invited"
                             : i == 1 ? "apologies"
                             : i == member_ids->len - 1 && i > 3 ? "absent"
                             : "present";

      if (!pd_meeting_set_attendance (tx, meeting_id, g_array_index (member_ids, gint64, i), attendance,
                                      error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pd_demo_meetings_fill_in (PdTransaction  *tx,
                          gint64          chair_id,
                          GArray         *member_ids,
                          GArray         *paper_ids,
                          GError        **error)
{
  PdDatabase *db = pd_transaction_get_database (tx);
  g_autoptr(PdMeeting) newest = newest_meeting (db, 0, error);
  g_autoptr(PdMeeting) held = newest_meeting (db, 1, error);
  g_autoptr(PdAgendaItem) plan_item = NULL;
  g_autoptr(GPtrArray) held_items = NULL;

  if (newest == NULL || member_ids->len == 0)
    return TRUE;

  /* The newest meeting: members invited, papers on the action plan item, then the agenda published. */
  if (!record_attendance (tx, pd_meeting_get_id (newest), chair_id, member_ids, FALSE, error))
    return FALSE;
  plan_item = find_item (db, pd_meeting_get_id (newest), "action_plan", error);
  if (plan_item != NULL)
    {
      PdAgendaItemFields presenter = {
        .title = pd_agenda_item_get_title (plan_item),
        .minutes = pd_agenda_item_get_minutes (plan_item),
        .presenter_id = g_array_index (member_ids, gint64, 0),
      };

      for (guint i = 0; i < paper_ids->len; i++)
        if (!pd_agenda_paper_attach (tx, pd_agenda_item_get_id (plan_item),
                                     g_array_index (paper_ids, gint64, i), error))
          return FALSE;
      if (!pd_agenda_update_item (tx, pd_agenda_item_get_id (plan_item), &presenter, NULL, error))
        return FALSE;
    }
  if (!pd_meeting_set_status (tx, pd_meeting_get_id (newest), "agenda_published", error))
    return FALSE;

  if (held == NULL)
    return TRUE;

  /* The meeting before: who came, an interest declared, notes and actions. */
  if (!record_attendance (tx, pd_meeting_get_id (held), chair_id, member_ids, TRUE, error))
    return FALSE;
  held_items = pd_agenda_item_list_load (db, pd_meeting_get_id (held), error);
  if (held_items == NULL)
    return FALSE;
  for (guint i = 0; i < held_items->len; i++)
    {
      PdAgendaItem *item = held_items->pdata[i];
      gint64 item_id = pd_agenda_item_get_id (item);

      if (g_strcmp0 (pd_agenda_item_get_kind (item), "new_referral") != 0)
        continue;
      if (!pd_agenda_set_notes (tx, item_id,
                                "The business unit summarised the referral and the agencies' information. "
                                "Members discussed whether the criteria were met and what learning a review "
                                "could bring.", error))
        return FALSE;
      if (member_ids->len > 2 &&
          pd_conflict_declare (tx, item_id, g_array_index (member_ids, gint64, 2),
                               "Line manager of the family's allocated worker", error) == 0)
        return FALSE;
      if (pd_meeting_action_add (tx, pd_meeting_get_id (held), item_id,
                                 "Send the panel's recommendation to the independent chair",
                                 "Business unit", NULL, error) == 0)
        return FALSE;
      break;
    }
  return pd_meeting_action_add (tx, pd_meeting_get_id (held), 0,
                                "Circulate the draft minutes to members within ten working days",
                                "Business unit", NULL, error) != 0 &&
         pd_meeting_set_status (tx, pd_meeting_get_id (held), "minutes_approved", error);
}
