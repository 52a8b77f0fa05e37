/* pd-demo-papers.h: the demo's PDF papers, drawn with cairo */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  const char *kind;        /* the document kind: "referral_form", ... */
  char       *title;       /* "Referral form: Child A" */
  char       *filename;    /* the name it is shown with: "referral-form-child-a.pdf" */
  gint64      size;
  int         page_count;
  char       *sha256;      /* 64 lower-case hex digits */
  char       *path;        /* where it is stored: <files>/ab/<sha256>.pdf */
  gboolean    created;     /* FALSE when an identical file was already there */
} PdDemoPaper;

void       pd_demo_paper_free    (PdDemoPaper  *paper);

/* Draws the demo papers (at most eight) and stores each, content-addressed,
 * as @files_dir/ab/<sha256>.pdf. Returns an array of PdDemoPaper, or NULL
 * with @error set; on failure the files it made are removed again. */
GPtrArray *pd_demo_papers_write  (const char   *files_dir,
                                  GError      **error);

/* Removes the papers' files it created and the folders left empty. */
void       pd_demo_papers_remove (GPtrArray    *papers,
                                  const char   *files_dir);

G_END_DECLS
