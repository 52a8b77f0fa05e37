/* pd-meeting-page-private.h: what the meeting page's files share */
#pragma once

#include "pd-agenda-pack.h"
#include "pd-meeting-members-group.h"
#include "pd-meeting-page.h"

G_BEGIN_DECLS

struct _PdMeetingPage
{
  AdwBin           parent_instance;

  PdDatabase      *db;
  PdMeeting       *meeting;
  GPtrArray       *items;          /* PdAgendaItem, in agenda order */
  GCancellable    *pack_cancellable;
  PdAgendaPack    *pack;
  char            *pack_path;
  char            *last_message;
  char            *total_text;
  gboolean         total_over;
  gpointer         removed;        /* the last removed draft item, for Undo */

  AdwToastOverlay *toasts;
  GtkStack        *stack;          /* "agenda", "empty" or "error" */
  AdwStatusPage   *error_page;
  AdwWindowTitle  *title;
  GtkLabel        *details;
  GtkButton       *status_button;
  GtkListBox      *agenda;
  GtkLabel        *total;
  GtkWidget       *addendum_group;
  GtkListBox      *addendum;
  PdMeetingMembersGroup *members;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress;
};

void _pd_meeting_page_say         (PdMeetingPage *self,
                                  const char    *message);
void _pd_meeting_page_cancel_pack (PdMeetingPage *self);
/* meeting.agenda-pack, meeting.minutes and meeting.export-calendar */
void _pd_meeting_page_save_action (GtkWidget     *widget,
                                  const char    *name,
                                  GVariant      *param);

G_END_DECLS
