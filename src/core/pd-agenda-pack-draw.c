/* pd-agenda-pack-draw.c: the agenda pack's pages: cover, contents, item
 * covers and the papers' pages under the pack's header and footer */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "pd-agenda.h"
#include "pd-agenda-pack-private.h"
#include "pd-pack-page-private.h"

/* Lines of the contents: one an item, one a paper, then the withdrawn. */
guint
_pd_agenda_pack_count_contents_lines (PdAgendaPack *self)
{
  guint lines = 0;

  for (guint i = 0; i < self->items->len; i++)
    lines += 1 + ((PackItem *) self->items->pdata[i])->papers->len;
  if (self->withdrawn->len > 0)
    lines += 2 + self->withdrawn->len;
  return lines;
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

void
_pd_agenda_pack_draw_cover (PdAgendaPack    *self,
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

void
_pd_agenda_pack_draw_contents (PdAgendaPack    *self,
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
  g_assert (lines->len == _pd_agenda_pack_count_contents_lines (self));

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

void
_pd_agenda_pack_draw_item_cover (PdAgendaPack    *self,
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
      if (paper->fate == FATE_INCLUDED && paper->n_pages == 1)
        line = g_strdup_printf (_("%s%s — page %u"), paper->paper->title,
                                paper->paper->is_late ? _(" (late paper)") : "", paper->first_page);
      else if (paper->fate == FATE_INCLUDED)
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
void
_pd_agenda_pack_draw_paper_page (PdAgendaPack    *self,
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

