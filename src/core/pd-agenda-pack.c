/* pd-agenda-pack.c: a meeting's agenda pack, one PDF */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <poppler.h>

#include "pd-agenda.h"
#include "pd-agenda-item.h"
#include "pd-agenda-pack.h"
#include "pd-agenda-paper.h"
#include "pd-error.h"
#include "pd-meeting.h"
#include "pd-pack-page-private.h"

#define CONTENTS_FIRST_Y (PD_PACK_TOP + 40.0)
#define CONTENTS_LEADING 16.0
#define CONTENTS_LINES   ((guint) ((PD_PACK_BOTTOM - CONTENTS_FIRST_Y) / CONTENTS_LEADING))

typedef enum
{
  FATE_INCLUDED,
  FATE_MISSING,
  FATE_ALTERED,
  FATE_UNREADABLE,  /* not a PDF poppler can open: damaged or password-protected */
  FATE_NOT_PDF,
} Fate;

typedef struct
{
  PdAgendaPaper   *paper;
  Fate             fate;
  PopplerDocument *document;   /* while included and not yet drawn */
  guint            n_pages;
  guint            first_page;
} PackPaper;

typedef struct
{
  PdAgendaItem *item;
  GPtrArray    *papers;        /* PackPaper */
  guint         cover_page;
} PackItem;

struct _PdAgendaPack
{
  GObject      parent_instance;

  char        *title;
  char        *when;
  char        *place;
  char        *video_link;
  char        *chair;
  char        *header;
  int          length_minutes;
  int          total_minutes;
  GPtrArray   *items;          /* PackItem, in agenda order, withdrawn left out */
  GPtrArray   *withdrawn;      /* titles of withdrawn items */
  GPtrArray   *changes;        /* PdAgendaChange */
  GPtrArray   *problems;       /* char*, NULL-terminated after a write */
  guint        n_contents_pages;
  guint        n_pages;
  guint        n_paper_pages;
};

G_DEFINE_FINAL_TYPE (PdAgendaPack, pd_agenda_pack, G_TYPE_OBJECT)

static void
pack_paper_free (PackPaper *paper)
{
  pd_agenda_paper_free (paper->paper);
  g_clear_object (&paper->document);
  g_free (paper);
}

static void
pack_item_free (PackItem *item)
{
  g_clear_object (&item->item);
  g_clear_pointer (&item->papers, g_ptr_array_unref);
  g_free (item);
}

static void
pd_agenda_pack_finalize (GObject *object)
{
  PdAgendaPack *self = (PdAgendaPack *)object;

  g_free (self->title);
  g_free (self->when);
  g_free (self->place);
  g_free (self->video_link);
  g_free (self->chair);
  g_free (self->header);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->withdrawn, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (pd_agenda_pack_parent_class)->finalize (object);
}

static void
pd_agenda_pack_class_init (PdAgendaPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_agenda_pack_finalize;
}

static void
pd_agenda_pack_init (PdAgendaPack *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_item_free);
  self->withdrawn = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->problems, NULL);
}

/* "Tuesday 31 March 2026, 10:00–12:30" in local time. */
static char *
format_when (const char *starts_at,
             const char *ends_at)
{
  g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 (starts_at, NULL);
  g_autoptr(GDateTime) ends = g_date_time_new_from_iso8601 (ends_at, NULL);
  g_autoptr(GDateTime) local_starts = starts ? g_date_time_to_local (starts) : NULL;
  g_autoptr(GDateTime) local_ends = ends ? g_date_time_to_local (ends) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (local_starts == NULL || local_ends == NULL)
    return g_strdup (starts_at);
  day = g_date_time_format (local_starts, "%A %-d %B %Y");
  from = g_date_time_format (local_starts, "%H:%M");
  to = g_date_time_format (local_ends, "%H:%M");
  return g_strdup_printf ("%s, %s–%s", day, from, to);
}

PdAgendaPack *
pd_agenda_pack_new (PdDatabase  *db,
                    gint64       meeting_id,
                    GError     **error)
{
  g_autoptr(PdAgendaPack) self = NULL;
  g_autoptr(PdMeeting) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) papers = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  meeting = pd_meeting_load (db, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  items = pd_agenda_item_list_load (db, meeting_id, error);
  if (items == NULL)
    return NULL;
  papers = pd_agenda_paper_list (db, meeting_id, 0, error);
  if (papers == NULL)
    return NULL;

  self = g_object_new (PD_TYPE_AGENDA_PACK, NULL);
  self->changes = pd_agenda_list_changes (db, meeting_id, error);
  if (self->changes == NULL)
    return NULL;
  self->total_minutes = pd_agenda_total_minutes (db, meeting_id, error);
  if (self->total_minutes < 0)
    return NULL;

  self->title = g_strdup (pd_meeting_get_title (meeting));
  self->when = format_when (pd_meeting_get_starts_at (meeting), pd_meeting_get_ends_at (meeting));
  self->place = g_strdup (pd_meeting_get_place (meeting));
  self->video_link = g_strdup (pd_meeting_get_video_link (meeting));
  self->chair = g_strdup (pd_meeting_get_chair_name (meeting));
  self->length_minutes = pd_meeting_get_length_minutes (meeting);
  self->header = g_strdup_printf ("%s — %s", self->title, self->when);

  for (guint i = 0; i < items->len; i++)
    {
      PdAgendaItem *item = items->pdata[i];
      PackItem *pack_item;

      if (pd_agenda_item_is_withdrawn (item))
        {
          g_ptr_array_add (self->withdrawn, g_strdup_printf ("%d. %s", pd_agenda_item_get_position (item),
                                                             pd_agenda_item_get_title (item)));
          continue;
        }
      pack_item = g_new0 (PackItem, 1);
      pack_item->item = g_object_ref (item);
      pack_item->papers = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_paper_free);
      for (guint p = 0; p < papers->len; p++)
        {
          PdAgendaPaper *paper = papers->pdata[p];
          PackPaper *pack_paper;

          if (paper == NULL || paper->agenda_item_id != pd_agenda_item_get_id (item))
            continue;
          pack_paper = g_new0 (PackPaper, 1);
          pack_paper->paper = g_steal_pointer (&papers->pdata[p]);
          g_ptr_array_add (pack_item->papers, pack_paper);
        }
      g_ptr_array_add (self->items, pack_item);
    }

  if (self->items->len == 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The agenda of this meeting is empty, so there is no pack to make. Add items first."));
      return NULL;
    }
  return g_steal_pointer (&self);
}

static void
add_problem (PdAgendaPack *self,
             char         *sentence)
{
  /* Kept NULL-terminated for pd_agenda_pack_get_problems(). */
  g_ptr_array_insert (self->problems, self->problems->len - 1, sentence);
}

/* Reads, checks and opens every paper: what goes in and how many pages. */
static gboolean
check_papers (PdAgendaPack        *self,
              PdPackProgressFunc   progress,
              gpointer             progress_data,
              GCancellable        *cancellable,
              GError             **error)
{
  guint n_papers = 0, done = 0;

  for (guint i = 0; i < self->items->len; i++)
    n_papers += ((PackItem *) self->items->pdata[i])->papers->len;

  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];
      int position = pd_agenda_item_get_position (item->item);

      for (guint p = 0; p < item->papers->len; p++)
        {
          PackPaper *paper = item->papers->pdata[p];
          g_autoptr(GBytes) contents = NULL;
          g_autoptr(GError) local_error = NULL;
          PdPaperState state;

          if (progress != NULL)
            {
              g_autofree char *message = g_strdup_printf (_("Checking paper %u of %u"), done + 1, n_papers);

              progress (0.1 * done / MAX (n_papers, 1), message, progress_data);
            }
          done++;

          g_clear_object (&paper->document);
          paper->n_pages = 0;
          if (!pd_agenda_paper_verify (paper->paper, &state, &contents, cancellable, error))
            return FALSE;
          if (state == PD_PAPER_MISSING)
            paper->fate = FATE_MISSING;
          else if (state == PD_PAPER_ALTERED)
            paper->fate = FATE_ALTERED;
          else if (!paper->paper->is_pdf)
            paper->fate = FATE_NOT_PDF;
          else
            {
              paper->document = poppler_document_new_from_bytes (contents, NULL, &local_error);
              paper->fate = paper->document ? FATE_INCLUDED : FATE_UNREADABLE;
              if (paper->document != NULL)
                paper->n_pages = (guint) poppler_document_get_n_pages (paper->document);
              if (paper->document != NULL && paper->n_pages == 0)
                {
                  g_clear_object (&paper->document);
                  paper->fate = FATE_UNREADABLE;
                }
            }

          switch (paper->fate)
            {
            case FATE_MISSING:
              add_problem (self, g_strdup_printf (_("Item %d: “%s” is missing from the document store; "
                                                    "flagged on the item’s cover page."),
                                                  position, paper->paper->title));
              break;
            case FATE_ALTERED:
              add_problem (self, g_strdup_printf (_("Item %d: “%s” has been altered since it was attached "
                                                    "(its SHA-256 does not match); flagged, not included."),
                                                  position, paper->paper->title));
              break;
            case FATE_UNREADABLE:
              add_problem (self, g_strdup_printf (_("Item %d: “%s” cannot be opened as a PDF (damaged or "
                                                    "password-protected); flagged, not included."),
                                                  position, paper->paper->title));
              break;
            case FATE_NOT_PDF:
              add_problem (self, g_strdup_printf (_("Item %d: “%s” (%s) is not a PDF; listed as not "
                                                    "included, to be opened separately."),
                                                  position, paper->paper->title, paper->paper->filename));
              break;
            case FATE_INCLUDED:
            default:
              break;
            }
        }
    }
  return TRUE;
}

/* Lines of the contents: one an item, one a paper, then the withdrawn. */
static guint
count_contents_lines (PdAgendaPack *self)
{
  guint lines = 0;

  for (guint i = 0; i < self->items->len; i++)
    lines += 1 + ((PackItem *) self->items->pdata[i])->papers->len;
  if (self->withdrawn->len > 0)
    lines += 2 + self->withdrawn->len;
  return lines;
}

static void
plan_pages (PdAgendaPack *self)
{
  guint page;

  self->n_contents_pages = MAX (1u, (count_contents_lines (self) + CONTENTS_LINES - 1) / CONTENTS_LINES);
  page = 1 + self->n_contents_pages;
  self->n_paper_pages = 0;
  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];

      item->cover_page = ++page;
      for (guint p = 0; p < item->papers->len; p++)
        {
          PackPaper *paper = item->papers->pdata[p];

          if (paper->fate != FATE_INCLUDED)
            continue;
          paper->first_page = page + 1;
          page += paper->n_pages;
          self->n_paper_pages += paper->n_pages;
        }
    }
  self->n_pages = page;
}

static void
begin_page (cairo_surface_t *surface,
            guint            page)
{
  g_autofree char *label = g_strdup_printf ("%u", page);

  cairo_pdf_surface_set_page_label (surface, label);
}

static void
end_page (PdAgendaPack *self,
          cairo_t      *cr,
          guint         page)
{
  _pd_pack_draw_furniture (cr, self->header, page, self->n_pages);
  cairo_show_page (cr);
}

static double
show_line (cairo_t     *cr,
           double       y,
           double       size,
           gboolean     bold,
           const char  *text)
{
  g_autofree char *fitted = NULL;

  _pd_pack_set_font (cr, size, bold);
  fitted = _pd_pack_fit (cr, text, PD_PACK_PAGE_WIDTH - 2 * PD_PACK_MARGIN);
  _pd_pack_show (cr, PD_PACK_MARGIN, y, fitted);
  return y + size * 1.5;
}

static void
draw_cover (PdAgendaPack    *self,
            cairo_surface_t *surface,
            cairo_t         *cr)
{
  g_autofree char *summary = NULL;
  g_autofree char *timing = NULL;
  double y = PD_PACK_TOP + 60;

  begin_page (surface, 1);
  y = show_line (cr, y, 26, TRUE, self->title);
  y = show_line (cr, y + 4, 16, FALSE, _("Agenda pack"));
  y = show_line (cr, y + 16, 13, FALSE, self->when);
  if (*self->place != '\0')
    y = show_line (cr, y, 13, FALSE, self->place);
  if (*self->video_link != '\0')
    y = show_line (cr, y, 11, FALSE, self->video_link);
  if (*self->chair != '\0')
    {
      g_autofree char *chair = g_strdup_printf (_("Chair: %s"), self->chair);

      y = show_line (cr, y, 13, FALSE, chair);
    }
  summary = g_strdup_printf (_("%u items, %u pages"), self->items->len, self->n_pages);
  timing = g_strdup_printf (_("Time allocated: %d of %d minutes"), self->total_minutes, self->length_minutes);
  y = show_line (cr, y + 16, 11, FALSE, summary);
  y = show_line (cr, y, 11, FALSE, timing);

  if (self->changes->len > 0)
    {
      const guint shown = 12;

      y = show_line (cr, y + 20, 13, TRUE, _("Addendum: changes since the agenda was published"));
      for (guint i = 0; i < self->changes->len && i < shown; i++)
        {
          PdAgendaChange *change = self->changes->pdata[i];
          g_autofree char *line = g_strdup_printf ("• %s (%s)", change->description, change->reason);

          y = show_line (cr, y, 10, FALSE, line);
        }
      if (self->changes->len > shown)
        {
          g_autofree char *more = g_strdup_printf (_("… and %u more changes"), self->changes->len - shown);

          show_line (cr, y, 10, FALSE, more);
        }
    }

  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, _("Cover"), "page=1", 0);
  end_page (self, cr, 1);
}

/* One line of the contents: text on the left, a page number on the right.
 * (No link tags: cairo 1.16.0 writes a broken cross-reference table with
 * them; the outline gives the same jumps.) */
static void
contents_line (cairo_t     *cr,
               double       y,
               double       indent,
               gboolean     bold,
               const char  *text,
               guint        page)
{
  g_autofree char *number = page ? g_strdup_printf ("%u", page) : g_strdup ("");
  g_autofree char *fitted = NULL;
  cairo_text_extents_t extents;
  double right = PD_PACK_PAGE_WIDTH - PD_PACK_MARGIN;

  _pd_pack_set_font (cr, 11, bold);
  cairo_text_extents (cr, number, &extents);
  fitted = _pd_pack_fit (cr, text, right - PD_PACK_MARGIN - indent - 40);
  _pd_pack_show (cr, PD_PACK_MARGIN + indent, y, fitted);
  _pd_pack_show (cr, right - extents.x_advance, y, number);
}

static char *
paper_contents_text (PackPaper *paper)
{
  const char *title = paper->paper->title;
  const char *late = paper->paper->is_late ? _(" (late paper)") : "";

  switch (paper->fate)
    {
    case FATE_MISSING:
      return g_strdup_printf (_("%s%s — MISSING from the store"), title, late);
    case FATE_ALTERED:
      return g_strdup_printf (_("%s%s — ALTERED, not included"), title, late);
    case FATE_UNREADABLE:
      return g_strdup_printf (_("%s%s — cannot be opened, not included"), title, late);
    case FATE_NOT_PDF:
      return g_strdup_printf (_("%s%s — not included, open separately (%s)"), title, late,
                              paper->paper->filename);
    case FATE_INCLUDED:
    default:
      return g_strdup_printf ("%s%s", title, late);
    }
}

typedef struct
{
  char     *text;
  double    indent;
  gboolean  bold;
  guint     page;   /* 0 for none */
} ContentsLine;

static void
contents_line_free (ContentsLine *line)
{
  g_free (line->text);
  g_free (line);
}

static void
add_contents_line (GPtrArray  *lines,
                   char       *text,
                   double      indent,
                   gboolean    bold,
                   guint       page)
{
  ContentsLine *line = g_new0 (ContentsLine, 1);

  line->text = text;
  line->indent = indent;
  line->bold = bold;
  line->page = page;
  g_ptr_array_add (lines, line);
}

static void
draw_contents (PdAgendaPack    *self,
               cairo_surface_t *surface,
               cairo_t         *cr)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) contents_line_free);
  guint page = 2;

  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];

      add_contents_line (lines, g_strdup_printf ("%d. %s%s", pd_agenda_item_get_position (item->item),
                                                 pd_agenda_item_get_title (item->item),
                                                 pd_agenda_item_is_addendum (item->item) ? _(" (addendum)") : ""),
                         0, TRUE, item->cover_page);
      for (guint p = 0; p < item->papers->len; p++)
        {
          PackPaper *paper = item->papers->pdata[p];

          add_contents_line (lines, paper_contents_text (paper), 20, FALSE,
                             paper->fate == FATE_INCLUDED ? paper->first_page : 0);
        }
    }
  if (self->withdrawn->len > 0)
    {
      add_contents_line (lines, g_strdup (""), 0, FALSE, 0);
      add_contents_line (lines, g_strdup (_("Withdrawn from the agenda")), 0, TRUE, 0);
      for (guint i = 0; i < self->withdrawn->len; i++)
        add_contents_line (lines, g_strdup (self->withdrawn->pdata[i]), 20, FALSE, 0);
    }
  g_assert (lines->len == count_contents_lines (self));

  begin_page (surface, page);
  _pd_pack_set_font (cr, 18, TRUE);
  _pd_pack_show (cr, PD_PACK_MARGIN, PD_PACK_TOP + 10, _("Contents"));
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, _("Contents"), "page=2", 0);
  for (guint i = 0; i < lines->len; i++)
    {
      ContentsLine *line = lines->pdata[i];

      if (i > 0 && i % CONTENTS_LINES == 0)
        {
          end_page (self, cr, page);
          begin_page (surface, ++page);
        }
      contents_line (cr, CONTENTS_FIRST_Y + (i % CONTENTS_LINES) * CONTENTS_LEADING,
                     line->indent, line->bold, line->text, line->page);
    }
  end_page (self, cr, page);
  g_assert (page == 1 + self->n_contents_pages);
}

static const char *
fate_explanation (Fate fate)
{
  switch (fate)
    {
    case FATE_MISSING:
      return _("MISSING: this paper is not in the document store. It could not be included; "
               "ask the business unit for it.");
    case FATE_ALTERED:
      return _("ALTERED: this paper’s file no longer matches the one attached (its SHA-256 "
               "fingerprint differs). It was not included; ask the business unit to check it.");
    case FATE_UNREADABLE:
      return _("NOT INCLUDED: this paper cannot be opened as a PDF (damaged or protected by a "
               "password). Open it separately.");
    case FATE_NOT_PDF:
      return _("Not included, open separately: this paper is not a PDF.");
    case FATE_INCLUDED:
    default:
      return NULL;
    }
}

static void
draw_item_cover (PdAgendaPack    *self,
                 cairo_surface_t *surface,
                 cairo_t         *cr,
                 PackItem        *item)
{
  PdAgendaItem *agenda_item = item->item;
  g_autofree char *heading = g_strdup_printf (_("Item %d"), pd_agenda_item_get_position (agenda_item));
  g_autofree char *outline = g_strdup_printf ("%d. %s", pd_agenda_item_get_position (agenda_item),
                                              pd_agenda_item_get_title (agenda_item));
  g_autofree char *link = g_strdup_printf ("page=%u", item->cover_page);
  g_autofree char *timing = g_strdup_printf (_("Time allocated: %d minutes"),
                                             pd_agenda_item_get_minutes (agenda_item));
  g_auto(GStrv) title_lines = NULL;
  double y = PD_PACK_TOP + 40;

  begin_page (surface, item->cover_page);
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, outline, link, 0);

  y = show_line (cr, y, 14, FALSE, heading);
  _pd_pack_set_font (cr, 22, TRUE);
  title_lines = _pd_pack_wrap (cr, pd_agenda_item_get_title (agenda_item),
                               PD_PACK_PAGE_WIDTH - 2 * PD_PACK_MARGIN);
  for (guint i = 0; title_lines[i] != NULL && i < 4; i++)
    y = show_line (cr, y + 8, 22, TRUE, title_lines[i]);
  y = show_line (cr, y + 8, 12, FALSE, pd_agenda_item_kind_to_label (pd_agenda_item_get_kind (agenda_item)));
  if (pd_agenda_item_is_addendum (agenda_item))
    y = show_line (cr, y, 12, TRUE, _("Addendum: added after the agenda was published"));
  if (pd_agenda_item_get_referral_id (agenda_item) != 0)
    {
      g_autofree char *referral = g_strdup_printf (_("Referral %s: %s"),
                                                   pd_agenda_item_get_referral_reference (agenda_item),
                                                   pd_agenda_item_get_pseudonym (agenda_item));

      y = show_line (cr, y, 12, FALSE, referral);
    }
  if (*pd_agenda_item_get_presenter_name (agenda_item) != '\0')
    {
      g_autofree char *presenter = g_strdup_printf (_("Presented by %s"),
                                                    pd_agenda_item_get_presenter_name (agenda_item));

      y = show_line (cr, y, 12, FALSE, presenter);
    }
  y = show_line (cr, y, 12, FALSE, timing);

  y = show_line (cr, y + 24, 14, TRUE, item->papers->len ? _("Papers") : _("No papers for this item"));
  for (guint p = 0; p < item->papers->len; p++)
    {
      PackPaper *paper = item->papers->pdata[p];
      g_autofree char *line = NULL;
      const char *explanation = fate_explanation (paper->fate);

      if (y > PD_PACK_BOTTOM - 40)
        {
          g_autofree char *more = g_strdup_printf (_("… and %u more papers (see the contents)"),
                                                   item->papers->len - p);

          show_line (cr, y, 11, FALSE, more);
          break;
        }
      if (paper->fate == FATE_INCLUDED)
        line = g_strdup_printf (_("%s%s — pages %u to %u"), paper->paper->title,
                                paper->paper->is_late ? _(" (late paper)") : "",
                                paper->first_page, paper->first_page + paper->n_pages - 1);
      else
        line = g_strdup_printf ("%s%s (%s)", paper->paper->title,
                                paper->paper->is_late ? _(" (late paper)") : "", paper->paper->filename);
      y = show_line (cr, y + 4, 11, paper->fate != FATE_INCLUDED, line);
      if (explanation != NULL)
        {
          g_auto(GStrv) wrapped = NULL;

          _pd_pack_set_font (cr, 10, FALSE);
          wrapped = _pd_pack_wrap (cr, explanation, PD_PACK_PAGE_WIDTH - 2 * PD_PACK_MARGIN - 16);
          cairo_set_source_rgb (cr, 0.6, 0, 0);
          for (guint w = 0; wrapped[w] != NULL; w++)
            {
              _pd_pack_set_font (cr, 10, FALSE);
              _pd_pack_show (cr, PD_PACK_MARGIN + 16, y, wrapped[w]);
              y += 14;
            }
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
    }
  end_page (self, cr, item->cover_page);
}

/* A paper's page scaled into the band between header and footer. */
static void
draw_paper_page (PdAgendaPack    *self,
                 cairo_surface_t *surface,
                 cairo_t         *cr,
                 PopplerPage     *page,
                 guint            number)
{
  double width, height, scale, band = PD_PACK_PAPER_BOTTOM - PD_PACK_PAPER_TOP;

  begin_page (surface, number);
  poppler_page_get_size (page, &width, &height);
  if (width > 0 && height > 0)
    {
      scale = MIN ((PD_PACK_PAGE_WIDTH - 40) / width, band / height);
      cairo_save (cr);
      cairo_translate (cr, (PD_PACK_PAGE_WIDTH - width * scale) / 2,
                       PD_PACK_PAPER_TOP + (band - height * scale) / 2);
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_clip (cr);
      poppler_page_render_for_printing (page, cr);
      cairo_restore (cr);
    }
  end_page (self, cr, number);
}

static gboolean
write_pages (PdAgendaPack        *self,
             cairo_surface_t     *surface,
             cairo_t             *cr,
             PdPackProgressFunc   progress,
             gpointer             progress_data,
             GCancellable        *cancellable,
             GError             **error)
{
  guint drawn = 0;

  draw_cover (self, surface, cr);
  draw_contents (self, surface, cr);
  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      draw_item_cover (self, surface, cr, item);
      for (guint p = 0; p < item->papers->len; p++)
        {
          PackPaper *paper = item->papers->pdata[p];

          if (paper->fate != FATE_INCLUDED)
            continue;
          for (guint n = 0; n < paper->n_pages; n++)
            {
              PopplerPage *page;

              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                return FALSE;
              if (progress != NULL && drawn % 10 == 0)
                {
                  g_autofree char *message = g_strdup_printf (_("Item %u of %u: page %u of %u"), i + 1,
                                                              self->items->len, paper->first_page + n,
                                                              self->n_pages);

                  progress (0.1 + 0.9 * drawn / MAX (self->n_paper_pages, 1), message, progress_data);
                }
              page = poppler_document_get_page (paper->document, (int) n);
              if (page == NULL)
                {
                  g_set_error (error, PD_ERROR, PD_ERROR_CORRUPT,
                               _("Page %u of “%s” cannot be read; the paper may be damaged."),
                               n + 1, paper->paper->title);
                  return FALSE;
                }
              draw_paper_page (self, surface, cr, page, paper->first_page + n);
              g_object_unref (page);
              drawn++;
            }
          /* Done with it: let its memory go before the next paper. */
          g_clear_object (&paper->document);
        }
    }
  return TRUE;
}

gboolean
pd_agenda_pack_write (PdAgendaPack        *self,
                      const char          *path,
                      PdPackProgressFunc   progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autofree char *partial = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_add (self->problems, NULL);
  if (!check_papers (self, progress, progress_data, cancellable, error))
    return FALSE;
  plan_pages (self);

  partial = g_strconcat (path, ".partial", NULL);
  surface = cairo_pdf_surface_create (partial, PD_PACK_PAGE_WIDTH, PD_PACK_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->header);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, PD_PACK_MARKING);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Panel Desk");
  cr = cairo_create (surface);

  ok = write_pages (self, surface, cr, progress, progress_data, cancellable, error);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The agenda pack could not be written to %s: %s"),
                   path, cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && !_pd_pack_label_pages (partial, error))
    ok = FALSE;
  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The agenda pack could not be saved as %s: %s"),
                   path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  else if (progress != NULL)
    progress (1.0, _("Done"), progress_data);
  return ok;
}

guint
pd_agenda_pack_get_n_pages (PdAgendaPack *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), 0);
  return self->n_pages;
}

guint
pd_agenda_pack_get_item_page (PdAgendaPack *self,
                              gint64        agenda_item_id)
{
  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];

      if (pd_agenda_item_get_id (item->item) == agenda_item_id)
        return item->cover_page;
    }
  return 0;
}

guint
pd_agenda_pack_get_paper_page (PdAgendaPack *self,
                               gint64        document_id)
{
  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      PackItem *item = self->items->pdata[i];

      for (guint p = 0; p < item->papers->len; p++)
        {
          PackPaper *paper = item->papers->pdata[p];

          if (paper->paper->document_id == document_id)
            return paper->fate == FATE_INCLUDED ? paper->first_page : 0;
        }
    }
  return 0;
}

const char * const *
pd_agenda_pack_get_problems (PdAgendaPack *self)
{
  g_return_val_if_fail (PD_IS_AGENDA_PACK (self), NULL);
  return (const char * const *) self->problems->pdata;
}
