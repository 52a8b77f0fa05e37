/* pd-meeting-page-private.h: what the meeting page's files share */
#pragma once

#include "pd-agenda-pack.h"
#include "pd-meeting-members-group.h"
#include "pd-meeting-page.h"

G_BEGIN_DECLS

/* The time given to each referral added in one step. */
#define AWAITING_MINUTES 20

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
  GCancellable    *check_cancellable;  /* the papers' check */
  int              n_flagged_papers;
  gboolean         writing_minutes;
  guint            n_attaching;    /* papers being copied into the store */
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
/* meeting.attach-papers (x): choose files to put on agenda item x. */
void _pd_meeting_page_attach_action (GtkWidget   *widget,
                                    const char  *name,
                                    GVariant    *param);
/* meeting.agenda-pack, meeting.minutes and meeting.export-calendar */
void _pd_meeting_page_save_action (GtkWidget     *widget,
                                  const char    *name,
                                  GVariant      *param);

/* One write of the page; which fields count depends on the function. */
typedef struct
{
  gint64      meeting_id;
  gint64      item_id;
  int         delta;
  const char *status;
  int         position;
  const char *reason;
  guint       n_added;
} PageWrite;

gboolean _pd_meeting_page_write_move     (PdTransaction *tx, gpointer data, GError **error);
gboolean _pd_meeting_page_write_move_to  (PdTransaction *tx, gpointer data, GError **error);
gboolean _pd_meeting_page_write_awaiting (PdTransaction *tx, gpointer data, GError **error);
gboolean _pd_meeting_page_write_status   (PdTransaction *tx, gpointer data, GError **error);
gboolean _pd_meeting_page_write_remove   (PdTransaction *tx, gpointer data, GError **error);
/* Writes, reloads the page and emits "changed"; says why when refused. */
gboolean _pd_meeting_page_write_now      (PdMeetingPage *self, const char *summary, PdWriteFunc func,
                                          PageWrite *w);
/* Asks for the reason of a change to the published agenda, then writes
 * it and says @done (or a plain sentence). */
void     _pd_meeting_page_ask_reason     (PdMeetingPage *self, const char *summary, PdWriteFunc func,
                                          PageWrite *w, const char *done);
/* _pd_meeting_page_write_now() on a draft agenda; on a published one asks
 * first and returns FALSE. */
gboolean _pd_meeting_page_run_write      (PdMeetingPage *self, const char *summary, PdWriteFunc func,
                                          PageWrite *w);

/* Checks the meeting's papers on a worker thread and flags the rows. */
void     _pd_meeting_page_check_papers   (PdMeetingPage *self);

G_END_DECLS
