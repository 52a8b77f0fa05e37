/* pd-test-pdf.h: PDF fixtures the tests make at test time
 *
 * Text pages with known words on known pages, image pages (like scanned
 * reports), a document with an outline, an encrypted copy (made with qpdf),
 * and broken files: truncated, byte-flipped, empty, a PNG named ".pdf".
 * Everything is drawn with cairo, so no binary fixture is committed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A phrase found only on the pages pd_test_pdf_page_has_phrase() names. */
#define PD_TEST_PDF_PHRASE "disguised compliance"

/* The word unique to page @page_index (0-based) of a text fixture,
 * e.g. "pdword0007"; free with g_free(). */
char     *pd_test_pdf_page_word         (int page_index);
/* Whether page @page_index of a text fixture holds PD_TEST_PDF_PHRASE
 * (pages 2, 9, 16, ...: every seventh page from the third). */
gboolean  pd_test_pdf_page_has_phrase   (int page_index);

/* @n_pages A4 pages of text: a heading "Page N of M", the page's word, some
 * body text, and the phrase on the pages that have it. */
gboolean  pd_test_pdf_write_text        (const char  *path,
                                         int          n_pages,
                                         GError     **error);
/* @n_pages A4 pages each holding one full-page 150 dpi picture, different on
 * every page (like a scanned report). */
gboolean  pd_test_pdf_write_images      (const char  *path,
                                         int          n_pages,
                                         GError     **error);

/* One entry of the outline written by pd_test_pdf_write_outlined(). */
typedef struct
{
  const char *title;
  int         depth;       /* 0 for a top-level entry */
  int         page_index;  /* 0-based page it points at */
} PdTestPdfOutlineEntry;

extern const PdTestPdfOutlineEntry pd_test_pdf_outline[];
extern const guint                 pd_test_pdf_outline_length;
#define PD_TEST_PDF_OUTLINED_PAGES 8

/* PD_TEST_PDF_OUTLINED_PAGES text pages with the outline above. */
gboolean  pd_test_pdf_write_outlined    (const char  *path,
                                         GError     **error);

/* @source encrypted with AES-256 by `qpdf --encrypt`. */
gboolean  pd_test_pdf_write_encrypted   (const char  *path,
                                         const char  *source,
                                         const char  *user_password,
                                         const char  *owner_password,
                                         GError     **error);
/* The first @fraction (0..1) of @source's bytes. */
gboolean  pd_test_pdf_write_truncated   (const char  *path,
                                         const char  *source,
                                         double       fraction,
                                         GError     **error);
/* @source with bytes flipped over its cross-reference table, trailer and
 * catalog (so no repair can find the pages), chosen by @seed. */
gboolean  pd_test_pdf_write_flipped     (const char  *path,
                                         const char  *source,
                                         guint32      seed,
                                         GError     **error);
gboolean  pd_test_pdf_write_empty       (const char  *path,
                                         GError     **error);
/* A real PNG image, whatever @path is called. */
gboolean  pd_test_pdf_write_png         (const char  *path,
                                         GError     **error);

/* The usual set, made in a folder of its own (g_dir_make_tmp). */
typedef struct
{
  char *dir;
  char *text;        /* PD_TEST_PDF_TEXT_PAGES text pages */
  char *images;      /* PD_TEST_PDF_IMAGE_PAGES image pages */
  char *outlined;
  char *encrypted;   /* of text, passwords below */
  char *truncated;   /* half of text */
  char *flipped;     /* text, byte-flipped */
  char *empty;
  char *png;         /* "picture.pdf" */
} PdTestPdfFixtures;

#define PD_TEST_PDF_TEXT_PAGES     12
#define PD_TEST_PDF_IMAGE_PAGES    4
#define PD_TEST_PDF_USER_PASSWORD  "open sesame"
#define PD_TEST_PDF_OWNER_PASSWORD "owner secret"

/* Aborts the test when a fixture cannot be made. */
PdTestPdfFixtures *pd_test_pdf_fixtures_new  (void);
/* Removes the folder and frees @fixtures. */
void               pd_test_pdf_fixtures_free (PdTestPdfFixtures *fixtures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdTestPdfFixtures, pd_test_pdf_fixtures_free)

G_END_DECLS
