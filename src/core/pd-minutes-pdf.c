/* pd-minutes-pdf.c: a meeting's minutes as a PDF */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pd-agenda.h"
#include "pd-agenda-item.h"
#include "pd-conflict.h"
#include "pd-decision.h"
#include "pd-error.h"
#include "pd-meeting.h"
#include "pd-meeting-action.h"
#include "pd-meeting-members.h"
#include "pd-minutes-pdf.h"
#include "pd-pack-page-private.h"

/* The minutes are a list of paragraphs, laid out over pages when written. */
typedef enum
{
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_ITEM,
  STYLE_BODY,
  STYLE_NOTE,    /* indented under an item */
} Style;

typedef struct
{
  Style  style;
  char  *text;
} Block;

struct _PdMinutesPdf
{
  GObject    parent_instance;

  char      *header;
  GArray    *blocks;   /* Block */
  guint      n_pages;
};

G_DEFINE_FINAL_TYPE (PdMinutesPdf, pd_minutes_pdf, G_TYPE_OBJECT)

static void
block_clear (Block *block)
{
  g_free (block->text);
}

static void
pd_minutes_pdf_finalize (GObject *object)
{
  PdMinutesPdf *self = (PdMinutesPdf *)object;

  g_free (self->header);
  g_clear_pointer (&self->blocks, g_array_unref);

  G_OBJECT_CLASS (pd_minutes_pdf_parent_class)->finalize (object);
}

static void
pd_minutes_pdf_class_init (PdMinutesPdfClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_minutes_pdf_finalize;
}

static void
pd_minutes_pdf_init (PdMinutesPdf *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
}

static void
add (PdMinutesPdf *self,
     Style         style,
     char         *text)
{
  Block block = { style, text };

  g_array_append_val (self->blocks, block);
}

static char *
local_time (const char *moment,
            const char *format)
{
  g_autoptr(GDateTime) parsed = moment ? g_date_time_new_from_iso8601 (moment, NULL) : NULL;
  g_autoptr(GDateTime) local = parsed ? g_date_time_to_local (parsed) : NULL;

  return local ? g_date_time_format (local, format) : g_strdup (moment ? moment : "");
}

static void
add_attendance (PdMinutesPdf *self,
                GPtrArray    *members,
                const char   *attendance,
                const char   *heading)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < members->len; i++)
    {
      PdMeetingMember *member = members->pdata[i];

      if (g_strcmp0 (member->attendance, attendance) != 0)
        continue;
      if (names->len > 0)
        g_string_append (names, "; ");
      g_string_append (names, member->display_name);
      if (*member->agency != '\0')
        g_string_append_printf (names, " (%s)", member->agency);
      if (member->arrived_at != NULL)
        {
          g_autofree char *at = local_time (member->arrived_at, "%H:%M");

          g_string_append_printf (names, _(", arrived %s"), at);
        }
      if (member->left_at != NULL)
        {
          g_autofree char *at = local_time (member->left_at, "%H:%M");

          g_string_append_printf (names, _(", left %s"), at);
        }
    }
  if (names->len > 0)
    add (self, STYLE_BODY, g_strdup_printf ("%s: %s", heading, names->str));
}

static gboolean
add_items (PdMinutesPdf  *self,
           PdDatabase    *db,
           gint64         meeting_id,
           GPtrArray     *actions,
           GError       **error)
{
  g_autoptr(GPtrArray) items = pd_agenda_item_list_load (db, meeting_id, error);

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      PdAgendaItem *item = items->pdata[i];
      g_autoptr(GPtrArray) conflicts = NULL;
      gint64 recommendation_id;

      add (self, STYLE_ITEM, g_strdup_printf ("%d. %s%s", pd_agenda_item_get_position (item),
                                              pd_agenda_item_get_title (item),
                                              pd_agenda_item_is_withdrawn (item) ? _(" (withdrawn)") : ""));
      if (pd_agenda_item_is_withdrawn (item))
        continue;
      if (pd_agenda_item_get_referral_id (item) != 0)
        add (self, STYLE_NOTE, g_strdup_printf (_("Referral %s: %s"),
                                                pd_agenda_item_get_referral_reference (item),
                                                pd_agenda_item_get_pseudonym (item)));
      conflicts = pd_conflict_list (db, 0, pd_agenda_item_get_id (item), error);
      if (conflicts == NULL)
        return FALSE;
      for (guint c = 0; c < conflicts->len; c++)
        {
          PdConflict *conflict = conflicts->pdata[c];

          add (self, STYLE_NOTE, g_strdup_printf (_("%s declared an interest (%s) and took no part in the "
                                                    "recommendation."), conflict->person_name, conflict->nature));
        }
      if (*pd_agenda_item_get_notes (item) != '\0')
        add (self, STYLE_NOTE, g_strdup (pd_agenda_item_get_notes (item)));

      recommendation_id = pd_agenda_find_recommendation (db, pd_agenda_item_get_id (item), error);
      if (recommendation_id > 0)
        {
          g_autoptr(PdDecision) recommendation = pd_decision_load (db, recommendation_id, error);

          if (recommendation == NULL)
            return FALSE;
          add (self, STYLE_NOTE, g_strdup_printf (_("Recommendation: %s. %s"),
                                                  pd_decision_outcome_to_label (pd_decision_get_outcome (recommendation)),
                                                  pd_decision_get_rationale (recommendation)));
        }
      else if (error != NULL && *error != NULL)
        return FALSE;

      for (guint a = 0; a < actions->len; a++)
        {
          PdMeetingAction *action = actions->pdata[a];

          if (action->agenda_item_id != pd_agenda_item_get_id (item))
            continue;
          add (self, STYLE_NOTE, g_strdup_printf (_("Action: %s — %s, due %s%s%s"), action->description,
                                                  action->owner, action->due_on ? action->due_on : _("no date"),
                                                  action->done_on ? _(", done ") : "",
                                                  action->done_on ? action->done_on : ""));
        }
    }
  return TRUE;
}

PdMinutesPdf *
pd_minutes_pdf_new (PdDatabase  *db,
                    gint64       meeting_id,
                    GError     **error)
{
  g_autoptr(PdMinutesPdf) self = NULL;
  g_autoptr(PdMeeting) meeting = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  PdQuorum quorum;
  gboolean others = FALSE;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  meeting = pd_meeting_load (db, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  if (pd_meeting_get_n_items (meeting) == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The agenda of this meeting is empty, so there are no minutes to make."));
      return NULL;
    }
  members = pd_meeting_list_members (db, meeting_id, error);
  conflicts = members ? pd_conflict_list (db, meeting_id, 0, error) : NULL;
  actions = conflicts ? pd_meeting_action_list (db, meeting_id, error) : NULL;
  changes = actions ? pd_agenda_list_changes (db, meeting_id, error) : NULL;
  if (changes == NULL || !pd_meeting_check_quorum (db, meeting_id, &quorum, error))
    return NULL;

  self = g_object_new (PD_TYPE_MINUTES_PDF, NULL);
  day = local_time (pd_meeting_get_starts_at (meeting), "%A %-d %B %Y");
  from = local_time (pd_meeting_get_starts_at (meeting), "%H:%M");
  to = local_time (pd_meeting_get_ends_at (meeting), "%H:%M");
  self->header = g_strdup_printf (_("%s — %s — Minutes"), pd_meeting_get_title (meeting), day);

  add (self, STYLE_TITLE, g_strdup_printf (_("Minutes: %s"), pd_meeting_get_title (meeting)));
  add (self, STYLE_BODY, g_strdup_printf ("%s, %s–%s%s%s", day, from, to,
                                          *pd_meeting_get_place (meeting) ? ", " : "",
                                          pd_meeting_get_place (meeting)));
  if (*pd_meeting_get_chair_name (meeting) != '\0')
    add (self, STYLE_BODY, g_strdup_printf (_("Chair: %s"), pd_meeting_get_chair_name (meeting)));
  add (self, STYLE_BODY, g_strdup_printf (_("Status: %s"),
                                          pd_meeting_status_to_label (pd_meeting_get_status (meeting))));

  add (self, STYLE_HEADING, g_strdup (_("Attendance")));
  if (members->len == 0)
    add (self, STYLE_BODY, g_strdup (_("No attendance was recorded.")));
  add_attendance (self, members, "present", _("Present"));
  add_attendance (self, members, "apologies", _("Apologies"));
  add_attendance (self, members, "absent", _("Absent"));
  add_attendance (self, members, "invited", _("Invited, attendance not recorded"));
  add (self, STYLE_BODY, g_strdup (quorum.explanation));
  pd_quorum_clear (&quorum);

  add (self, STYLE_HEADING, g_strdup (_("Declarations of interest")));
  if (conflicts->len == 0)
    add (self, STYLE_BODY, g_strdup (_("None declared.")));
  for (guint i = 0; i < conflicts->len; i++)
    {
      PdConflict *conflict = conflicts->pdata[i];

      add (self, STYLE_BODY, g_strdup_printf (_("Item %d: %s (%s): %s"), conflict->item_position,
                                              conflict->person_name, conflict->agency, conflict->nature));
    }

  add (self, STYLE_HEADING, g_strdup (_("Items")));
  if (!add_items (self, db, meeting_id, actions, error))
    return NULL;

  for (guint a = 0; a < actions->len; a++)
    {
      PdMeetingAction *action = actions->pdata[a];

      if (action->agenda_item_id != 0)
        continue;
      if (!others)
        add (self, STYLE_HEADING, g_strdup (_("Other actions")));
      others = TRUE;
      add (self, STYLE_BODY, g_strdup_printf (_("Action: %s — %s, due %s%s%s"), action->description,
                                              action->owner, action->due_on ? action->due_on : _("no date"),
                                              action->done_on ? _(", done ") : "",
                                              action->done_on ? action->done_on : ""));
    }

  if (changes->len > 0)
    {
      add (self, STYLE_HEADING, g_strdup (_("Addendum: changes to the published agenda")));
      for (guint i = 0; i < changes->len; i++)
        {
          PdAgendaChange *change = changes->pdata[i];

          add (self, STYLE_BODY, g_strdup_printf ("%s (%s)", change->description, change->reason));
        }
    }
  return g_steal_pointer (&self);
}

char *
pd_minutes_pdf_dup_text (PdMinutesPdf *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (PD_IS_MINUTES_PDF (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    g_string_append_printf (text, "%s\n", g_array_index (self->blocks, Block, i).text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
lay_out (PdMinutesPdf *self,
         PdPackFlow   *flow)
{
  _pd_pack_flow_start (flow);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);

      switch (block->style)
        {
        case STYLE_TITLE:
          _pd_pack_flow_text (flow, block->text, 20, TRUE, 0, 10);
          break;
        case STYLE_HEADING:
          /* A heading never ends a page alone. */
          _pd_pack_flow_need (flow, 80);
          _pd_pack_flow_text (flow, block->text, 14, TRUE, 0, 4);
          break;
        case STYLE_ITEM:
          _pd_pack_flow_need (flow, 60);
          _pd_pack_flow_text (flow, block->text, 12, TRUE, 0, 3);
          break;
        case STYLE_NOTE:
          _pd_pack_flow_text (flow, block->text, 10.5, FALSE, 18, 3);
          break;
        case STYLE_BODY:
        default:
          _pd_pack_flow_text (flow, block->text, 10.5, FALSE, 0, 4);
          break;
        }
    }
  _pd_pack_flow_finish (flow);
}

gboolean
pd_minutes_pdf_write (PdMinutesPdf  *self,
                      const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *partial = NULL;
  cairo_surface_t *measure_surface;
  cairo_surface_t *surface;
  PdPackFlow flow = { 0 };
  cairo_status_t status;
  gboolean ok = TRUE;

  g_return_val_if_fail (PD_IS_MINUTES_PDF (self), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* First count the pages, so every footer can say "of M". */
  measure_surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  flow.cr = cairo_create (measure_surface);
  flow.measure = TRUE;
  flow.header = self->header;
  flow.first_page = 1;
  lay_out (self, &flow);
  self->n_pages = flow.page;
  cairo_destroy (flow.cr);
  cairo_surface_destroy (measure_surface);

  partial = g_strconcat (path, ".partial", NULL);
  surface = cairo_pdf_surface_create (partial, PD_PACK_PAGE_WIDTH, PD_PACK_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->header);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, PD_PACK_MARKING);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Panel Desk");
  flow.cr = cairo_create (surface);
  flow.measure = FALSE;
  flow.n_pages = self->n_pages;
  lay_out (self, &flow);
  g_assert (flow.page == self->n_pages);
  cairo_destroy (flow.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The minutes could not be written to %s: %s"),
                   path, cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && !_pd_pack_label_pages (partial, error))
    ok = FALSE;
  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The minutes could not be saved as %s: %s"),
                   path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

guint
pd_minutes_pdf_get_n_pages (PdMinutesPdf *self)
{
  g_return_val_if_fail (PD_IS_MINUTES_PDF (self), 0);
  return self->n_pages;
}
