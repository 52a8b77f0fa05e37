/* pd-pack-page-private.h: what the agenda pack and the minutes draw alike:
 * the A4 page with its marking and page numbers, and text that wraps and
 * flows over pages */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define PD_PACK_PAGE_WIDTH   595.276  /* A4, in points */
#define PD_PACK_PAGE_HEIGHT  841.890
#define PD_PACK_MARGIN       56.0
#define PD_PACK_TOP          96.0     /* where the body starts, under the header */
#define PD_PACK_BOTTOM       (PD_PACK_PAGE_HEIGHT - 72.0)
/* The band a paper's page is scaled into, clear of header and footer. */
#define PD_PACK_PAPER_TOP    58.0
#define PD_PACK_PAPER_BOTTOM (PD_PACK_PAGE_HEIGHT - 40.0)

/* The protective marking every page carries, top and bottom. */
#define PD_PACK_MARKING "OFFICIAL-SENSITIVE"

void    _pd_pack_set_font        (cairo_t     *cr,
                                  double       size,
                                  gboolean     bold);
/* @text cut to @width with "…" when it does not fit (in the current font). */
char   *_pd_pack_fit             (cairo_t     *cr,
                                  const char  *text,
                                  double       width);
/* Draws the marking, the @header line and "Page N of M" on the page. */
void    _pd_pack_draw_furniture  (cairo_t     *cr,
                                  const char  *header,
                                  guint        page,
                                  guint        n_pages);
/* Shows @text at x, y in the current font and colour. */
void    _pd_pack_show            (cairo_t     *cr,
                                  double       x,
                                  double       y,
                                  const char  *text);
/* @text's lines when wrapped at @width in the current font (a GStrv). */
char  **_pd_pack_wrap            (cairo_t     *cr,
                                  const char  *text,
                                  double       width);

/* Makes the PDF at @path label its pages 1, 2, 3… Cairo 1.16.0 writes an
 * empty /PageLabels tree whatever cairo_pdf_surface_set_page_label() was
 * told, so the tree is replaced by an incremental update appended to the
 * file (the PDF's own way of amending itself; nothing before is changed). */
gboolean _pd_pack_label_pages    (const char  *path,
                                  GError     **error);

/* Text flowing down pages. With @measure the pages are only counted, so a
 * first pass knows "of M" before the second pass draws. */
typedef struct
{
  cairo_t     *cr;
  gboolean     measure;
  const char  *header;
  double       y;
  guint        page;       /* from 1 */
  guint        n_pages;    /* known on the drawing pass */
  guint        first_page; /* the page number of this flow's first page */
} PdPackFlow;

void    _pd_pack_flow_start      (PdPackFlow  *flow);
/* Ends the current page and starts the next. */
void    _pd_pack_flow_break      (PdPackFlow  *flow);
/* Breaks the page first unless @height more points fit. */
void    _pd_pack_flow_need       (PdPackFlow  *flow,
                                  double       height);
/* A wrapped paragraph at @indent from the margin, then @space_after. */
void    _pd_pack_flow_text       (PdPackFlow  *flow,
                                  const char  *text,
                                  double       size,
                                  gboolean     bold,
                                  double       indent,
                                  double       space_after);
/* Ends the last page. */
void    _pd_pack_flow_finish     (PdPackFlow  *flow);

G_END_DECLS
