-- 0004: the decision log's own fields and the chair's signatures.
--
-- A chair's decision is signed with Ed25519 over a canonical form of the row
-- (see pd-signing.c). Once signed, the row is fixed: the triggers below
-- refuse UPDATE and DELETE whatever program runs them, so an edit through
-- the sqlite3 shell fails too; a change is a new decision that supersedes it.
-- Signed decisions form a hash chain in signing order (chain_seq): each
-- signed form holds the hash of the one signed before it.

-- The chairs' public keys. The private key never leaves the chair's own data
-- folder. A key is registered by its chair (pending) and confirmed by an
-- administrator; a replaced key stays, so older signatures still verify.
CREATE TABLE signing_keys (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES people (id),
  public_key   BLOB NOT NULL CHECK (length(public_key) = 32),
  fingerprint  TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),  -- SHA-256 of public_key, hex
  created_at   TEXT NOT NULL,
  confirmed_by INTEGER REFERENCES people (id),
  confirmed_at TEXT,
  replaced_at  TEXT,
  replaced_by  INTEGER REFERENCES signing_keys (id)
) STRICT;

-- One current key a person.
CREATE UNIQUE INDEX signing_keys_current ON signing_keys (person_id) WHERE replaced_at IS NULL;

-- What the decision says, beyond outcome and rationale.
ALTER TABLE decisions ADD COLUMN alternative_review TEXT NOT NULL DEFAULT '';  -- the review's name, for other_review
ALTER TABLE decisions ADD COLUMN awaited TEXT NOT NULL DEFAULT '';             -- deferred: what information is awaited
ALTER TABLE decisions ADD COLUMN awaited_by TEXT NOT NULL DEFAULT '';          -- deferred: by when, 'YYYY-MM-DD'
ALTER TABLE decisions ADD COLUMN criteria_met TEXT NOT NULL DEFAULT '';        -- criteria found met, ids joined by ','
ALTER TABLE decisions ADD COLUMN departure_reason TEXT NOT NULL DEFAULT '';    -- why it departs from the criteria check
ALTER TABLE decisions ADD COLUMN supersede_reason TEXT NOT NULL DEFAULT '';    -- why it replaces supersedes_id

-- The signature: who and when (signed_by, signed_at, signature exist since 0001).
ALTER TABLE decisions ADD COLUMN signing_key_id INTEGER REFERENCES signing_keys (id);
ALTER TABLE decisions ADD COLUMN chain_seq INTEGER;       -- 1, 2, 3... in signing order
ALTER TABLE decisions ADD COLUMN signed_hash TEXT;        -- SHA-256 of the canonical form, hex
ALTER TABLE decisions ADD COLUMN previous_hash TEXT;      -- signed_hash of chain_seq - 1; '' for the first

CREATE UNIQUE INDEX decisions_chain ON decisions (chain_seq) WHERE chain_seq IS NOT NULL;
CREATE INDEX decisions_supersedes ON decisions (supersedes_id) WHERE supersedes_id IS NOT NULL;

-- England 2015: a decision not to hold an SCR is notified to the national
-- panel within 14 days. Recorded after the decision is signed, so kept
-- apart from the signed row; once recorded it stays.
CREATE TABLE national_panel_notifications (
  decision_id INTEGER PRIMARY KEY REFERENCES decisions (id),
  notified_on TEXT NOT NULL,   -- 'YYYY-MM-DD'
  recorded_by INTEGER REFERENCES people (id),
  recorded_at TEXT NOT NULL
) STRICT;

-- Which database a chair's receipts belong to (see pd-signature-receipts.c).
INSERT OR IGNORE INTO settings (key, value) VALUES ('database_id', lower(hex(randomblob(16))));

CREATE TRIGGER decisions_signed_no_update BEFORE UPDATE ON decisions
WHEN OLD.signature IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'signed decision: it cannot be changed; record a new decision that supersedes it');
END;

CREATE TRIGGER decisions_signed_no_delete BEFORE DELETE ON decisions
WHEN OLD.signature IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'signed decision: it cannot be deleted; record a new decision that supersedes it');
END;

-- A key's material never changes and a key is never deleted; its
-- confirmation and its replacement are each written once.
CREATE TRIGGER signing_keys_fixed BEFORE UPDATE ON signing_keys
WHEN NEW.id IS NOT OLD.id
  OR NEW.person_id IS NOT OLD.person_id
  OR NEW.public_key IS NOT OLD.public_key
  OR NEW.fingerprint IS NOT OLD.fingerprint
  OR NEW.created_at IS NOT OLD.created_at
  OR (OLD.confirmed_by IS NOT NULL AND (NEW.confirmed_by IS NOT OLD.confirmed_by
                                        OR NEW.confirmed_at IS NOT OLD.confirmed_at))
  OR (OLD.replaced_at IS NOT NULL AND NEW.replaced_at IS NOT OLD.replaced_at)
  OR (OLD.replaced_by IS NOT NULL AND NEW.replaced_by IS NOT OLD.replaced_by)
BEGIN
  SELECT RAISE (ABORT, 'signing key: its key, owner and confirmation cannot be changed');
END;

CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
BEGIN
  SELECT RAISE (ABORT, 'signing key: a registered key cannot be deleted');
END;

CREATE TRIGGER national_panel_notifications_fixed BEFORE UPDATE ON national_panel_notifications
BEGIN
  SELECT RAISE (ABORT, 'national panel notification: once recorded it cannot be changed');
END;

CREATE TRIGGER national_panel_notifications_no_delete BEFORE DELETE ON national_panel_notifications
BEGIN
  SELECT RAISE (ABORT, 'national panel notification: once recorded it cannot be deleted');
END;
