/* pd-document.h: a document attached to a referral or a meeting */
#pragma once

#include <glib-object.h>

#include "pd-database.h"
#include "pd-record-list.h"

G_BEGIN_DECLS

#define PD_TYPE_DOCUMENT (pd_document_get_type ())
G_DECLARE_FINAL_TYPE (PdDocument, pd_document, PD, DOCUMENT, GObject)

typedef struct
{
  gint64      referral_id;    /* 0 for none */
  gint64      meeting_id;     /* 0 for none */
  const char *title;          /* required */
  const char *kind;           /* required: "overview_report", ... */
  const char *filename;       /* required: the name the file had */
  const char *media_type;     /* "application/pdf" by default */
  gint64      size;
  int         page_count;     /* -1 when unknown */
  const char *sha256;         /* required: 64 hex digits */
} PdDocumentFields;

gint64       pd_document_get_id               (PdDocument *self);
const char  *pd_document_get_title            (PdDocument *self);
const char  *pd_document_get_kind             (PdDocument *self);
const char  *pd_document_get_filename         (PdDocument *self);
gint64       pd_document_get_size             (PdDocument *self);
int          pd_document_get_page_count       (PdDocument *self);  /* -1 when unknown */
const char  *pd_document_get_sha256           (PdDocument *self);
const char  *pd_document_get_attached_at      (PdDocument *self);
const char  *pd_document_get_referral_reference (PdDocument *self); /* "" when none */

const char  *pd_document_kind_to_label        (const char *kind);

/* The folder beside the database that keeps its attachments, each under its
 * SHA-256: "/share/panel.sqlite" gives "/share/panel.paneldesk-files". */
char        *pd_document_store_dir_for        (const char *database_path);

PdDocument   *pd_document_load                (PdDatabase *db, gint64 id, GError **error);
/* All documents, latest attached first. */
PdRecordList *pd_document_list_new            (PdDatabase *db);
gint64        pd_document_insert              (PdTransaction *tx, const PdDocumentFields *fields, GError **error);

G_END_DECLS
