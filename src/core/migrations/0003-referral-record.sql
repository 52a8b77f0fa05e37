-- 0003: the whole referral record, as the boards' referral forms ask it.
--
-- The form's single answers are columns of referrals (an empty string is
-- "not recorded"; a fact is '', 'yes' or 'no'). What repeats or is keyed
-- by name gets a table of its own: family members, agencies with their
-- information requests, the criteria facts, the key dates and the status
-- timeline. Rows of these belong to their referral and go with it.

ALTER TABLE referrals ADD COLUMN referred_for TEXT NOT NULL DEFAULT ''
  CHECK (referred_for IN ('', 'review', 'learning', 'good_practice'));
ALTER TABLE referrals ADD COLUMN referrer_job_title TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN referrer_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN dsl_consulted TEXT NOT NULL DEFAULT ''
  CHECK (dsl_consulted IN ('', 'yes', 'no'));
ALTER TABLE referrals ADD COLUMN child_initials TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN child_date_of_birth TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN child_age TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN child_gender TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN child_ethnicity TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN child_location TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN child_carer TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN open_to_social_care TEXT NOT NULL DEFAULT ''
  CHECK (open_to_social_care IN ('', 'yes', 'no'));
ALTER TABLE referrals ADD COLUMN cp_plan TEXT NOT NULL DEFAULT ''
  CHECK (cp_plan IN ('', 'none', 'current', 'previous'));
ALTER TABLE referrals ADD COLUMN cp_plan_when TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN cp_plan_category TEXT NOT NULL DEFAULT ''
  CHECK (cp_plan_category IN ('', 'neglect', 'physical', 'emotional', 'sexual', 'multiple'));
ALTER TABLE referrals ADD COLUMN cp_plan_duration TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN looked_after TEXT NOT NULL DEFAULT ''
  CHECK (looked_after IN ('', 'yes', 'no'));
ALTER TABLE referrals ADD COLUMN referrer_criteria TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN police_investigation TEXT NOT NULL DEFAULT ''
  CHECK (police_investigation IN ('', 'yes', 'no'));
ALTER TABLE referrals ADD COLUMN criminal_trial TEXT NOT NULL DEFAULT ''
  CHECK (criminal_trial IN ('', 'yes', 'no'));
ALTER TABLE referrals ADD COLUMN inquest TEXT NOT NULL DEFAULT ''
  CHECK (inquest IN ('', 'yes', 'no'));
ALTER TABLE referrals ADD COLUMN family_court TEXT NOT NULL DEFAULT ''
  CHECK (family_court IN ('', 'yes', 'no'));

-- Family and significant others: real names, shown only in the form.
CREATE TABLE referral_members (
  id           INTEGER PRIMARY KEY,
  referral_id  INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  name         TEXT NOT NULL DEFAULT '',
  relationship TEXT NOT NULL DEFAULT '',
  legal_status TEXT NOT NULL DEFAULT '',
  UNIQUE (referral_id, position)
) STRICT;

-- Agencies involved, and the panel's request for their information.
CREATE TABLE referral_agencies (
  id             INTEGER PRIMARY KEY,
  referral_id    INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  agency         TEXT NOT NULL CHECK (length(trim(agency)) > 0),
  contact        TEXT NOT NULL DEFAULT '',
  still_involved TEXT NOT NULL DEFAULT '' CHECK (still_involved IN ('', 'yes', 'no')),
  requested_on   TEXT NOT NULL DEFAULT '',
  due_on         TEXT NOT NULL DEFAULT '',
  received_on    TEXT NOT NULL DEFAULT '',
  UNIQUE (referral_id, position)
) STRICT;

-- The facts the criteria check reads (pd-criteria.h names the keys); a
-- fact not recorded has no row.
CREATE TABLE referral_facts (
  referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  value       TEXT NOT NULL CHECK (value IN ('yes', 'no')),
  PRIMARY KEY (referral_id, key)
) STRICT, WITHOUT ROWID;

-- Key dates the clocks run on (pd-clocks.h) and the business unit's
-- tracking dates; received and the incident stay columns of referrals.
CREATE TABLE referral_dates (
  referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  date        TEXT NOT NULL CHECK (date(date) = date),
  PRIMARY KEY (referral_id, key)
) STRICT, WITHOUT ROWID;

-- Each step of the workflow, dated: the timeline of a referral.
CREATE TABLE referral_status_history (
  id          INTEGER PRIMARY KEY,
  referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  status      TEXT NOT NULL,
  on_date     TEXT NOT NULL CHECK (date(on_date) = on_date),
  note        TEXT NOT NULL DEFAULT '',
  login_name  TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX referral_status_history_referral ON referral_status_history (referral_id, on_date);

-- Referrals already in the database start their timeline where they are.
INSERT INTO referral_status_history (referral_id, status, on_date, login_name, recorded_at)
SELECT id, 'received', date_received, '', created_at FROM referrals;
INSERT INTO referral_status_history (referral_id, status, on_date, login_name, recorded_at)
SELECT id, status, substr(updated_at, 1, 10), '', updated_at FROM referrals WHERE status <> 'received';
