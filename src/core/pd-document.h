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
  gint64      agenda_item_id; /* 0 for none: the agenda item of @meeting_id it is a paper of */
  const char *unreadable;     /* NULL or "": readable; "damaged" or "password" for a PDF poppler cannot read */
  const char *unreadable_detail; /* why, in poppler's words */
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
gint64       pd_document_get_referral_id      (PdDocument *self);  /* 0 when none */
gint64       pd_document_get_meeting_id       (PdDocument *self);  /* 0 when none */
const char  *pd_document_get_media_type       (PdDocument *self);
gboolean     pd_document_is_pdf               (PdDocument *self);
/* "" when readable, else "damaged" or "password" (a PDF poppler could not open). */
const char  *pd_document_get_unreadable       (PdDocument *self);
const char  *pd_document_get_unreadable_detail (PdDocument *self);
/* Where its file is kept in the store beside the database (it may be
 * missing or altered: pd_attachment_store_verify_file() tells). */
const char  *pd_document_get_file_path        (PdDocument *self);
/* Who attached it: a display name, "" when unknown. */
const char  *pd_document_get_attached_by_name (PdDocument *self);
/* The publication status id ("not_published", ...) of a report; "" for
 * documents outside the register. */
const char  *pd_document_get_publication_status (PdDocument *self);

const char  *pd_document_kind_to_label        (const char *kind);
/* The kinds, in the order a chooser shows them, ending with NULL. */
const char *const *pd_document_kinds          (void);
gboolean     pd_document_kind_is_valid        (const char *kind);
/* "password" → "password-protected" (translated): why a PDF could not be read. */
const char  *pd_document_unreadable_to_label  (const char *unreadable);

/* The folder beside the database that keeps its attachments, each under its
 * SHA-256: "/share/panel.sqlite" gives "/share/panel.paneldesk-files". */
char        *pd_document_store_dir_for        (const char *database_path);

PdDocument   *pd_document_load                (PdDatabase *db, gint64 id, GError **error);
/* All documents, latest attached first. */
PdRecordList *pd_document_list_new            (PdDatabase *db);
/* The documents of one kind, latest attached first. */
PdRecordList *pd_document_list_new_for_kind   (PdDatabase *db, const char *kind);
gint64        pd_document_insert              (PdTransaction *tx, const PdDocumentFields *fields, GError **error);

G_END_DECLS
