/* pd-agenda-pack-private.h: the agenda pack's plan, shared by its reading
 * and planning half (pd-agenda-pack.c) and its drawing half
 * (pd-agenda-pack-draw.c) */
#pragma once

#include <cairo.h>
#include <poppler.h>

#include "pd-agenda-item.h"
#include "pd-agenda-pack.h"
#include "pd-agenda-paper.h"

G_BEGIN_DECLS

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
  PopplerDocument *document;   /* only while its pages are being drawn */
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

guint _pd_agenda_pack_count_contents_lines (PdAgendaPack    *self);
void  _pd_agenda_pack_draw_cover           (PdAgendaPack    *self,
                                            cairo_surface_t *surface,
                                            cairo_t         *cr);
void  _pd_agenda_pack_draw_contents        (PdAgendaPack    *self,
                                            cairo_surface_t *surface,
                                            cairo_t         *cr);
void  _pd_agenda_pack_draw_item_cover      (PdAgendaPack    *self,
                                            cairo_surface_t *surface,
                                            cairo_t         *cr,
                                            PackItem        *item);
/* A paper's page scaled into the band between header and footer. */
void  _pd_agenda_pack_draw_paper_page      (PdAgendaPack    *self,
                                            cairo_surface_t *surface,
                                            cairo_t         *cr,
                                            PopplerPage     *page,
                                            guint            number);

G_END_DECLS
