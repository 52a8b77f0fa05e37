/* pd-demo-papers.c: the demo's PDF papers, drawn with cairo
 *
 * A handful of papers of the kinds a panel reads: a referral form, an agency
 * chronology, an overview report with its executive summary, the board's
 * response and a seven-minute briefing. They are drawn with cairo's toy text
 * API (enough for sample papers), with an outline so the viewer has one to show,
 * and stored the way the attachment store keeps files: once, under their SHA-256.
 */
#include "pd-demo-papers.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pd-demo-text.h"
#include "pd-error.h"

#define PAGE_WIDTH   595.0   /* A4 in points */
#define PAGE_HEIGHT  842.0
#define MARGIN        64.0
#define BODY_SIZE     10.5
#define LINE_HEIGHT   15.0

typedef struct
{
  cairo_t *cr;
  double   y;
  int      page;
  const char *header;
} Pen;

static void
pen_finish_page (Pen *pen)
{
  char *footer = g_strdup_printf ("Page %d", pen->page);
  cairo_text_extents_t ext;

  cairo_save (pen->cr);
  cairo_select_font_face (pen->cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (pen->cr, 8);
  cairo_set_source_rgb (pen->cr, 0.35, 0.35, 0.35);
  cairo_move_to (pen->cr, MARGIN, 36);
  cairo_show_text (pen->cr, "OFFICIAL-SENSITIVE");
  cairo_text_extents (pen->cr, pen->header, &ext);
  cairo_move_to (pen->cr, PAGE_WIDTH - MARGIN - ext.x_advance, 36);
  cairo_show_text (pen->cr, pen->header);
  cairo_text_extents (pen->cr, footer, &ext);
  cairo_move_to (pen->cr, (PAGE_WIDTH - ext.x_advance) / 2, PAGE_HEIGHT - 32);
  cairo_show_text (pen->cr, footer);
  cairo_restore (pen->cr);
  g_free (footer);

  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN + 16;
}

static void
pen_need (Pen    *pen,
          double  height)
{
  if (pen->y + height > PAGE_HEIGHT - MARGIN)
    pen_finish_page (pen);
}

static void
pen_heading (Pen        *pen,
             const char *text,
             double      size,
             int         outline_parent)
{
  char *link;

  pen_need (pen, size * 3);
  pen->y += size * 0.8;
  cairo_select_font_face (pen->cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (pen->cr, size);
  cairo_set_source_rgb (pen->cr, 0.1, 0.2, 0.4);
  pen->y += size;
  cairo_move_to (pen->cr, MARGIN, pen->y);
  cairo_show_text (pen->cr, text);
  pen->y += size * 0.6;

  if (outline_parent >= 0)
    {
      link = g_strdup_printf ("page=%d pos=[%g %g]", pen->page, MARGIN, pen->y - size * 2);
      cairo_pdf_surface_add_outline (cairo_get_target (pen->cr), outline_parent, text, link, 0);
      g_free (link);
    }
}

/* Draws @text as a paragraph wrapped to the text width. */
static void
pen_paragraph (Pen        *pen,
               const char *text,
               gboolean    bold)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *line = g_string_new (NULL);
  double width = PAGE_WIDTH - 2 * MARGIN;
  guint i;

  cairo_select_font_face (pen->cr, "serif", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (pen->cr, BODY_SIZE);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);

  for (i = 0; words[i] != NULL; i++)
    {
      cairo_text_extents_t ext;
      gsize old_len = line->len;

      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append (line, words[i]);
      cairo_text_extents (pen->cr, line->str, &ext);
      if (ext.x_advance > width && old_len > 0)
        {
          g_string_truncate (line, old_len);
          pen_need (pen, LINE_HEIGHT);
          pen->y += LINE_HEIGHT;
          cairo_move_to (pen->cr, MARGIN, pen->y);
          cairo_show_text (pen->cr, line->str);
          g_string_assign (line, words[i]);
        }
    }
  if (line->len > 0)
    {
      pen_need (pen, LINE_HEIGHT);
      pen->y += LINE_HEIGHT;
      cairo_move_to (pen->cr, MARGIN, pen->y);
      cairo_show_text (pen->cr, line->str);
    }
  pen->y += LINE_HEIGHT * 0.6;
  g_string_free (line, TRUE);
}

static void
pen_field (Pen        *pen,
           const char *label,
           const char *value)
{
  pen_need (pen, LINE_HEIGHT * 2);
  cairo_select_font_face (pen->cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (pen->cr, 9);
  cairo_set_source_rgb (pen->cr, 0.3, 0.3, 0.3);
  pen->y += LINE_HEIGHT;
  cairo_move_to (pen->cr, MARGIN, pen->y);
  cairo_show_text (pen->cr, label);
  cairo_rectangle (pen->cr, MARGIN + 170, pen->y - 11, PAGE_WIDTH - 2 * MARGIN - 170, 15);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_stroke (pen->cr);
  cairo_select_font_face (pen->cr, "serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (pen->cr, BODY_SIZE);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_move_to (pen->cr, MARGIN + 174, pen->y);
  cairo_show_text (pen->cr, value);
  pen->y += 4;
}

/* ------------------------------------------------------------ the papers */

static void
draw_referral_form (Pen *pen)
{
  pen_heading (pen, "Serious case referral form", 18, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "To be completed by any agency that believes a case may meet the criteria for a serious case review. Send to the safeguarding business unit within 24 hours of becoming aware of the incident.", FALSE);
  pen_heading (pen, "1. The referral", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_field (pen, "Date of referral", "12/03/2026");
  pen_field (pen, "Referring agency", "Children's social care");
  pen_field (pen, "Name of referrer", "Michael Okafor, team manager");
  pen_heading (pen, "2. The child", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_field (pen, "Name", "Child A (real name withheld in the demo)");
  pen_field (pen, "Date of birth", "04/11/2024");
  pen_field (pen, "Ethnicity", "White British");
  pen_field (pen, "Legal status", "Child protection plan ended 11/2025");
  pen_heading (pen, "3. The incident", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_field (pen, "Date of incident", "09/03/2026");
  pen_paragraph (pen, "Child A, aged sixteen months, was taken to hospital by ambulance after being found unresponsive at home. Scans showed bleeding on the brain and fractures of different ages. The mother's partner has been arrested. Police and children's social care are carrying out a joint investigation.", FALSE);
  pen_heading (pen, "4. Criteria the referrer believes apply", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "Abuse or neglect of the child is known or suspected: yes. The child has been seriously harmed: yes. There is cause for concern as to the way in which agencies have worked together: yes, information about domestic abuse was not shared.", FALSE);
  pen_heading (pen, "5. Agencies involved", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "Children's social care; police; health visiting; GP practice; acute hospital trust; early help; housing provider.", FALSE);
}

static void
draw_chronology (Pen *pen)
{
  const PdDemoChronologyRow *rows;
  guint n_rows, i;

  pen_heading (pen, "Integrated agency chronology: Child A", 18, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "Prepared by the safeguarding business unit from the agencies' individual chronologies. Days are counted back from the incident.", FALSE);
  rows = pd_demo_text_chronology (&n_rows);
  for (i = 0; i < n_rows; i++)
    {
      char *title = g_strdup_printf ("Day -%d: %s", rows[i].days_before, rows[i].agency);
      pen_paragraph (pen, title, TRUE);
      pen_paragraph (pen, rows[i].entry, FALSE);
      g_free (title);
    }
}

static void
draw_agency_summary (Pen *pen)
{
  pen_heading (pen, "Individual agency summary: health visiting service", 16, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "The health visiting service was involved with the family from the new birth visit until two months before the incident. Contacts were at the expected points of the healthy child programme, with two appointments missed.", FALSE);
  pen_paragraph (pen, "The mother's low mood was identified and referred to the GP. The health visitor did not ask about the mother's partner, and the records do not show that domestic abuse was routinely enquired about.", FALSE);
  pen_heading (pen, "Learning for the service", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "Routine enquiry about domestic abuse at every contact where it is safe to ask. Follow up missed appointments for children under two with a home visit. Share concerns with the GP in writing.", FALSE);
}

static void
draw_overview (Pen        *pen,
               gboolean    summary_only)
{
  const PdDemoSection *sections;
  guint n_sections, i, j;

  pen_heading (pen, summary_only ? "Serious case review: Child A. Executive summary"
                                 : "Serious case review: Child A. Overview report",
               18, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "Lead reviewer: an independent reviewer commissioned by the Board. Published with the agreement of the family.", FALSE);
  sections = pd_demo_text_overview (&n_sections);
  for (i = 0; i < n_sections; i++)
    {
      if (summary_only && i != 0 && i != 2 && i != 3)
        continue;
      pen_heading (pen, sections[i].heading, 13, CAIRO_PDF_OUTLINE_ROOT);
      for (j = 0; sections[i].paragraphs[j] != NULL; j++)
        {
          if (summary_only && j > 1 && i != 3)
            break;
          pen_paragraph (pen, sections[i].paragraphs[j], FALSE);
        }
    }
  if (!summary_only)
    {
      /* Long enough for the viewer to scroll through, like a real report. */
      pen_heading (pen, "Appendix: the agencies' chronology in full", 13, CAIRO_PDF_OUTLINE_ROOT);
      draw_chronology (pen);
    }
}

static void
draw_board_response (Pen *pen)
{
  pen_heading (pen, "The Board's response to the serious case review of Child A", 16, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "The Local Safeguarding Children Board accepts the findings and the four recommendations of the review. Each partner agency has signed the multi-agency action plan below.", FALSE);
  pen_heading (pen, "Action plan", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "1. Screening of police notifications to include housing and health records. Owner: head of the multi-agency safeguarding hub. Due: September 2026.", FALSE);
  pen_paragraph (pen, "2. Written core group views before a child protection plan ends. Owner: service manager, children's social care. Due: July 2026.", FALSE);
  pen_paragraph (pen, "3. Audit of the bruising protocol in non-mobile infants. Owner: designated nurse. Due: October 2026.", FALSE);
  pen_paragraph (pen, "4. Seven-minute briefing published and cascaded to all agencies. Owner: business manager. Due: June 2026.", FALSE);
}

static void
draw_briefing (Pen *pen)
{
  pen_heading (pen, "Seven-minute briefing: learning from Child A", 18, CAIRO_PDF_OUTLINE_ROOT);
  pen_heading (pen, "Background", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "A sixteen-month-old child was seriously injured at home. Several agencies knew of domestic abuse in the household but none had the whole picture.", FALSE);
  pen_heading (pen, "Why it matters", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "Babies and toddlers are the most vulnerable to physical abuse. Bruising in a child who is not yet mobile is rare and must always be taken seriously.", FALSE);
  pen_heading (pen, "What to do", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "Ask about domestic abuse. Think about the men in the household. Share what you know. Check what others know before closing a case. Follow the bruising protocol.", FALSE);
  pen_heading (pen, "Questions for your team", 13, CAIRO_PDF_OUTLINE_ROOT);
  pen_paragraph (pen, "When did you last check another agency's records before making a decision? Who in your team knows the bruising protocol?", FALSE);
}

typedef void (*DrawFunc) (Pen *pen);

static void draw_full_overview (Pen *pen) { draw_overview (pen, FALSE); }
static void draw_executive_summary (Pen *pen) { draw_overview (pen, TRUE); }

static const struct
{
  const char *kind;
  const char *title;
  const char *filename;
  DrawFunc    draw;
} papers[] = {
  { "referral_form",     "Referral form: Child A",                 "referral-form-child-a.pdf",      draw_referral_form },
  { "chronology",        "Integrated chronology: Child A",         "chronology-child-a.pdf",         draw_chronology },
  { "agency_summary",    "Agency summary: health visiting",        "ias-health-visiting.pdf",        draw_agency_summary },
  { "overview_report",   "Overview report: Child A",               "scr-child-a-overview.pdf",       draw_full_overview },
  { "executive_summary", "Executive summary: Child A",             "scr-child-a-summary.pdf",        draw_executive_summary },
  { "board_response",    "Board response and action plan: Child A", "board-response-child-a.pdf",    draw_board_response },
  { "briefing",          "Seven-minute briefing: Child A",         "7-minute-briefing-child-a.pdf",  draw_briefing },
};

/* -------------------------------------------------------------- storing */

void
pd_demo_paper_free (PdDemoPaper *paper)
{
  if (paper == NULL)
    return;
  g_free (paper->title);
  g_free (paper->filename);
  g_free (paper->sha256);
  g_free (paper->path);
  g_free (paper);
}

static char *
file_sha256 (const char  *path,
             gint64      *out_size,
             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  *out_size = length;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static PdDemoPaper *
write_paper (const char  *files_dir,
             guint        index,
             GError     **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s/.demo-%u-%d.partial", files_dir, index, (int) getpid ());
  g_autofree char *shard = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  PdDemoPaper *paper;
  Pen pen = { 0 };

  surface = cairo_pdf_surface_create (tmp_path, PAGE_WIDTH, PAGE_HEIGHT);
  /* A fixed date, so the same paper has the same bytes and the same SHA-256. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-03-12T09:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, papers[index].title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Panel Desk demo");
  pen.cr = cairo_create (surface);
  pen.page = 1;
  pen.y = MARGIN + 16;
  pen.header = papers[index].title;
  papers[index].draw (&pen);
  pen_finish_page (&pen);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO, "Could not write a demo paper in “%s”: %s",
                   files_dir, cairo_status_to_string (status));
      g_unlink (tmp_path);
      return NULL;
    }

  paper = g_new0 (PdDemoPaper, 1);
  paper->kind = papers[index].kind;
  paper->title = g_strdup (papers[index].title);
  paper->filename = g_strdup (papers[index].filename);
  paper->page_count = pen.page - 1;
  paper->sha256 = file_sha256 (tmp_path, &paper->size, error);
  if (paper->sha256 == NULL)
    {
      g_unlink (tmp_path);
      pd_demo_paper_free (paper);
      return NULL;
    }

  shard = g_build_filename (files_dir, (char[]) { paper->sha256[0], paper->sha256[1], 0 }, NULL);
  paper->path = g_strdup_printf ("%s/%s.pdf", shard, paper->sha256);
  if (g_mkdir_with_parents (shard, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, PD_ERROR, PD_ERROR_IO, "Could not make the folder “%s”: %s",
                   shard, g_strerror (saved));
      g_unlink (tmp_path);
      pd_demo_paper_free (paper);
      return NULL;
    }

  if (g_file_test (paper->path, G_FILE_TEST_EXISTS))
    {
      g_unlink (tmp_path);
      paper->created = FALSE;
    }
  else if (g_rename (tmp_path, paper->path) != 0)
    {
      int saved = errno;
      g_set_error (error, PD_ERROR, PD_ERROR_IO, "Could not store “%s”: %s",
                   paper->path, g_strerror (saved));
      g_unlink (tmp_path);
      pd_demo_paper_free (paper);
      return NULL;
    }
  else
    paper->created = TRUE;

  return paper;
}

GPtrArray *
pd_demo_papers_write (const char  *files_dir,
                      GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_demo_paper_free);
  guint i;

  if (g_mkdir_with_parents (files_dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, PD_ERROR, PD_ERROR_IO, "Could not make the folder “%s”: %s",
                   files_dir, g_strerror (saved));
      return NULL;
    }

  for (i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      PdDemoPaper *paper = write_paper (files_dir, i, error);

      if (paper == NULL)
        {
          pd_demo_papers_remove (result, files_dir);
          return NULL;
        }
      g_ptr_array_add (result, paper);
    }
  return g_steal_pointer (&result);
}

void
pd_demo_papers_remove (GPtrArray  *papers_made,
                       const char *files_dir)
{
  guint i;

  for (i = 0; papers_made != NULL && i < papers_made->len; i++)
    {
      PdDemoPaper *paper = g_ptr_array_index (papers_made, i);
      g_autofree char *shard = NULL;

      if (!paper->created)
        continue;
      g_unlink (paper->path);
      shard = g_path_get_dirname (paper->path);
      g_rmdir (shard);  /* only succeeds when empty, which is what we want */
    }
  g_rmdir (files_dir);
}
