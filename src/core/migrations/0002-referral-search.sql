-- 0002: full-text search over referrals (SQLite FTS5).
--
-- What a panel member types to find a referral: part of its reference, the
-- child's pseudonym, the referrer, the referring agency, words of the
-- narrative. The child's real name (child_name) is deliberately NOT indexed:
-- it is shown only in the form, and an index is one more copy of it.
--
-- The default unicode61 tokenizer splits "PRP-2026-014" into prp, 2026 and
-- 014, so "2026-014" and "014" find it too; diacritics are folded ("reunion"
-- finds "réunion"). Prefix indexes of 1, 2 and 3 characters keep the first
-- keystrokes of a search fast over 100,000 referrals.
CREATE VIRTUAL TABLE referrals_fts USING fts5 (
  reference, pseudonym, referrer_name, referrer_agency, narrative,
  content = 'referrals', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

CREATE TRIGGER referrals_fts_after_insert AFTER INSERT ON referrals BEGIN
  INSERT INTO referrals_fts (rowid, reference, pseudonym, referrer_name, referrer_agency, narrative)
  VALUES (new.id, new.reference, new.pseudonym, new.referrer_name, new.referrer_agency, new.narrative);
END;

CREATE TRIGGER referrals_fts_after_delete AFTER DELETE ON referrals BEGIN
  INSERT INTO referrals_fts (referrals_fts, rowid, reference, pseudonym, referrer_name, referrer_agency, narrative)
  VALUES ('delete', old.id, old.reference, old.pseudonym, old.referrer_name, old.referrer_agency, old.narrative);
END;

CREATE TRIGGER referrals_fts_after_update
AFTER UPDATE OF reference, pseudonym, referrer_name, referrer_agency, narrative ON referrals BEGIN
  INSERT INTO referrals_fts (referrals_fts, rowid, reference, pseudonym, referrer_name, referrer_agency, narrative)
  VALUES ('delete', old.id, old.reference, old.pseudonym, old.referrer_name, old.referrer_agency, old.narrative);
  INSERT INTO referrals_fts (rowid, reference, pseudonym, referrer_name, referrer_agency, narrative)
  VALUES (new.id, new.reference, new.pseudonym, new.referrer_name, new.referrer_agency, new.narrative);
END;

-- Referrals already in the database.
INSERT INTO referrals_fts (referrals_fts) VALUES ('rebuild');
