-- 0005: the attachment store, the publication register and the full-text
-- index of attached PDFs.
--
-- The files themselves live beside the database (NAME.paneldesk-files/ab/
-- <sha256>.<ext>, see pd-attachment-store.c); a row is committed only once
-- its file is in place.

-- A PDF that poppler cannot read is still kept (a board may need it) and
-- marked: 'damaged' or 'password' (encrypted), with poppler's words.
ALTER TABLE documents ADD COLUMN unreadable TEXT NOT NULL DEFAULT ''
  CHECK (unreadable IN ('', 'damaged', 'password'));
ALTER TABLE documents ADD COLUMN unreadable_detail TEXT NOT NULL DEFAULT '';

CREATE INDEX documents_kind ON documents (kind, attached_at DESC, id DESC);
CREATE INDEX documents_sha256 ON documents (sha256);

-- The publication register of reports: boards publish them and keep them on
-- their website for at least twelve months. One row a document, edited in
-- place and audited.
CREATE TABLE publications (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
  status         TEXT NOT NULL DEFAULT 'not_published'
                 CHECK (status IN ('not_published', 'published', 'taken_down', 'on_request',
                                   'delayed_proceedings', 'withheld_identity')),
  published_on   TEXT NOT NULL DEFAULT '',   -- 'YYYY-MM-DD' or ''
  website_until  TEXT NOT NULL DEFAULT '',   -- end of the website window, at least 12 months on
  note           TEXT NOT NULL DEFAULT '',
  updated_by     INTEGER REFERENCES people (id),
  updated_at     TEXT NOT NULL
) STRICT;

-- Extracted text, one row a page. Derived data: rebuilt from the files at
-- any time, so it is written in batches without an audit row each.
CREATE VIRTUAL TABLE document_pages_fts USING fts5 (
  text,
  document_id UNINDEXED,
  page_index UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- How far extraction got for each PDF: resumable page by page, because the
-- pages and pages_done are committed together.
CREATE TABLE document_extraction (
  document_id  INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  state        TEXT NOT NULL DEFAULT 'pending'
               CHECK (state IN ('pending', 'done', 'failed')),
  pages_done   INTEGER NOT NULL DEFAULT 0,
  page_count   INTEGER NOT NULL DEFAULT 0,
  error        TEXT NOT NULL DEFAULT ''
) STRICT;

-- Documents already attached (the demo's papers) wait for extraction too.
INSERT INTO document_extraction (document_id, page_count)
  SELECT id, coalesce(page_count, 0) FROM documents WHERE media_type = 'application/pdf';

-- The index has no foreign key: a document that goes takes its pages along.
CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
  DELETE FROM document_pages_fts WHERE document_id = old.id;
END;
