-- 0001: the first schema of a Panel Desk database.
-- Dates are ISO 8601 text: 'YYYY-MM-DD' for days, 'YYYY-MM-DDTHH:MM:SSZ' (UTC) for moments.

PRAGMA application_id = 1346652977; -- 0x50444B31, "PDK1": marks the file as Panel Desk's

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES ('framework', 'england-2018');

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  login_name   TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  agency       TEXT NOT NULL DEFAULT '',
  job_title    TEXT NOT NULL DEFAULT '',
  role         TEXT NOT NULL CHECK (role IN ('administrator', 'chair', 'member', 'observer')),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT NOT NULL
) STRICT;

-- Every write transaction adds one entry, so a commit that was acknowledged and
-- later vanished (a network share losing it) can be detected by its token.
CREATE TABLE ledger (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  token      TEXT NOT NULL UNIQUE,
  client_id  TEXT NOT NULL,
  login_name TEXT NOT NULL,
  machine    TEXT NOT NULL,
  pid        INTEGER NOT NULL,
  at         TEXT NOT NULL,
  summary    TEXT
) STRICT;

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  ledger_seq  INTEGER NOT NULL REFERENCES ledger (seq),
  person_id   INTEGER REFERENCES people (id),
  login_name  TEXT NOT NULL,
  machine     TEXT NOT NULL,
  at          TEXT NOT NULL,
  entity      TEXT,
  entity_id   INTEGER,
  action      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_ledger ON audit_log (ledger_seq);

-- References are numbered per year and never reused, even after a deletion.
CREATE TABLE reference_counters (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
) STRICT;

CREATE TABLE referrals (
  id               INTEGER PRIMARY KEY,
  reference        TEXT NOT NULL UNIQUE,
  year             INTEGER NOT NULL,
  sequence         INTEGER NOT NULL,
  pseudonym        TEXT NOT NULL,
  child_name       TEXT NOT NULL DEFAULT '',
  date_received    TEXT NOT NULL,
  date_of_incident TEXT,
  referrer_name    TEXT NOT NULL DEFAULT '',
  referrer_agency  TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'received'
                   CHECK (status IN ('received', 'information_requested', 'on_agenda',
                                     'recommendation_made', 'decision_made',
                                     'review_commissioned', 'no_review', 'closed')),
  framework        TEXT NOT NULL DEFAULT 'england-2018'
                   CHECK (framework IN ('england-2015', 'england-2018', 'wales')),
  next_deadline    TEXT,
  narrative        TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1,
  UNIQUE (year, sequence)
) STRICT;

CREATE INDEX referrals_received ON referrals (date_received DESC, id DESC);
CREATE INDEX referrals_status ON referrals (status);

CREATE TABLE meetings (
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL,
  starts_at  TEXT NOT NULL,
  ends_at    TEXT NOT NULL,
  place      TEXT NOT NULL DEFAULT '',
  chair_id   INTEGER REFERENCES people (id),
  status     TEXT NOT NULL DEFAULT 'draft'
             CHECK (status IN ('draft', 'agenda_published', 'in_progress', 'held', 'minutes_approved')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version    INTEGER NOT NULL DEFAULT 1,
  CHECK (ends_at >= starts_at)
) STRICT;

CREATE INDEX meetings_starts ON meetings (starts_at DESC);

CREATE TABLE agenda_items (
  id           INTEGER PRIMARY KEY,
  meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  kind         TEXT NOT NULL
               CHECK (kind IN ('apologies', 'minutes', 'new_referral', 'review_progress',
                               'action_plan', 'publication', 'other')),
  title        TEXT NOT NULL,
  referral_id  INTEGER REFERENCES referrals (id),
  minutes      INTEGER NOT NULL DEFAULT 10 CHECK (minutes >= 0),
  presenter_id INTEGER REFERENCES people (id),
  created_at   TEXT NOT NULL,
  UNIQUE (meeting_id, position)
) STRICT;

CREATE INDEX agenda_items_referral ON agenda_items (referral_id);

-- A recommendation (the panel's) and a decision (the chair's) are separate rows.
CREATE TABLE decisions (
  id            INTEGER PRIMARY KEY,
  referral_id   INTEGER NOT NULL REFERENCES referrals (id),
  meeting_id    INTEGER REFERENCES meetings (id),
  kind          TEXT NOT NULL CHECK (kind IN ('recommendation', 'decision')),
  outcome       TEXT NOT NULL
                CHECK (outcome IN ('scr', 'silr', 'practice_learning', 'other_review',
                                   'no_review', 'deferred')),
  rationale     TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
  made_by       INTEGER NOT NULL REFERENCES people (id),
  made_at       TEXT NOT NULL,
  signed_by     INTEGER REFERENCES people (id),
  signed_at     TEXT,
  signature     BLOB,
  supersedes_id INTEGER REFERENCES decisions (id),
  created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX decisions_referral ON decisions (referral_id);
CREATE INDEX decisions_made ON decisions (made_at DESC, id DESC);

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  referral_id    INTEGER REFERENCES referrals (id),
  meeting_id     INTEGER REFERENCES meetings (id),
  agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
  title          TEXT NOT NULL,
  kind           TEXT NOT NULL
                 CHECK (kind IN ('referral_form', 'chronology', 'agency_summary', 'overview_report',
                                 'executive_summary', 'board_response', 'briefing',
                                 'learning_bulletin', 'action_plan', 'minutes', 'other')),
  filename       TEXT NOT NULL,
  media_type     TEXT NOT NULL DEFAULT 'application/pdf',
  size           INTEGER NOT NULL CHECK (size >= 0),
  page_count     INTEGER,
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  attached_by    INTEGER REFERENCES people (id),
  attached_at    TEXT NOT NULL
) STRICT;

CREATE INDEX documents_attached ON documents (attached_at DESC, id DESC);
CREATE INDEX documents_referral ON documents (referral_id);
CREATE INDEX documents_meeting ON documents (meeting_id);
