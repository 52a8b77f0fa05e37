-- 0006: meetings in full: video link, invited members and their attendance,
-- declarations of conflict of interest, notes per item, actions arising,
-- and a published agenda that changes only by recorded addenda.

ALTER TABLE meetings ADD COLUMN video_link TEXT NOT NULL DEFAULT '';
-- When the agenda was published (status agenda_published or later); papers
-- attached to an item after this moment are late papers.
ALTER TABLE meetings ADD COLUMN agenda_published_at TEXT;

ALTER TABLE agenda_items ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- 1 for an item added after the agenda was published.
ALTER TABLE agenda_items ADD COLUMN is_addendum INTEGER NOT NULL DEFAULT 0 CHECK (is_addendum IN (0, 1));
-- Set instead of deleting an item once the agenda is published.
ALTER TABLE agenda_items ADD COLUMN withdrawn_at TEXT;
-- The meeting whose minutes a 'minutes' item approves.
ALTER TABLE agenda_items ADD COLUMN previous_meeting_id INTEGER REFERENCES meetings (id);

-- Who is invited, and whether they came.
CREATE TABLE meeting_members (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people (id),
  attendance TEXT NOT NULL DEFAULT 'invited'
             CHECK (attendance IN ('invited', 'present', 'apologies', 'absent')),
  arrived_at TEXT,   -- a change of attendance during the meeting is recorded with its time
  left_at    TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, person_id)
) STRICT;

CREATE TABLE conflict_declarations (
  id             INTEGER PRIMARY KEY,
  meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  person_id      INTEGER NOT NULL REFERENCES people (id),
  nature         TEXT NOT NULL CHECK (length(trim(nature)) > 0),
  declared_at    TEXT NOT NULL,
  UNIQUE (agenda_item_id, person_id)
) STRICT;

CREATE INDEX conflict_declarations_meeting ON conflict_declarations (meeting_id);

-- What changed on a published agenda, and why: shown as the addendum.
CREATE TABLE agenda_changes (
  id             INTEGER PRIMARY KEY,
  meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
  description    TEXT NOT NULL,
  reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  changed_by     INTEGER REFERENCES people (id),
  changed_at     TEXT NOT NULL
) STRICT;

CREATE INDEX agenda_changes_meeting ON agenda_changes (meeting_id, id);

CREATE TABLE meeting_actions (
  id             INTEGER PRIMARY KEY,
  meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
  description    TEXT NOT NULL CHECK (length(trim(description)) > 0),
  owner          TEXT NOT NULL CHECK (length(trim(owner)) > 0),  -- a person or an agency
  due_on         TEXT,                                           -- 'YYYY-MM-DD'
  done_on        TEXT,
  created_at     TEXT NOT NULL
) STRICT;

CREATE INDEX meeting_actions_meeting ON meeting_actions (meeting_id, id);

-- The quorum rule, as data: the chair must be present, and members of at
-- least this many distinct agencies (the chair's own not counted).
INSERT OR IGNORE INTO settings (key, value) VALUES ('quorum_chair_required', '1');
INSERT OR IGNORE INTO settings (key, value) VALUES ('quorum_min_agencies', '3');

-- Papers put on an item after its agenda was published: late papers.
CREATE TABLE late_papers (
  document_id    INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  marked_at      TEXT NOT NULL
) STRICT;

CREATE INDEX documents_agenda_item ON documents (agenda_item_id);
