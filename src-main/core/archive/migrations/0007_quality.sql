-- Quality checks (质量问题): findings about a report as published (late,
-- copied, a section missing, years or figures that disagree), kept apart
-- from extraction doubts.
-- 1. flags.source gains 'quality'; flags.detail holds the figures a quality
--    flag is worded from (JSON), so its stored message can stay stable for
--    acceptances while a percentage drifts.
CREATE TABLE flags_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (source IN ('extract', 'rules', 'archive', 'quality')),
  kind TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '[]',
  message TEXT NOT NULL,
  rule TEXT,
  expected REAL,
  found REAL,
  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  detail TEXT
);
INSERT INTO flags_new (id, report_id, source, kind, fields, message, rule, expected, found, resolved)
  SELECT id, report_id, source, kind, fields, message, rule, expected, found, resolved FROM flags;
DROP TABLE flags;
ALTER TABLE flags_new RENAME TO flags;
CREATE INDEX flags_report ON flags(report_id, source);
-- 2. Open quality flags per report (not in open_flags: they never make a report 'flagged').
ALTER TABLE reports ADD COLUMN quality_open INTEGER NOT NULL DEFAULT 0;
-- 3. The agency kind deciding the publication deadline, when a person set it (NULL: from the name).
ALTER TABLE agencies ADD COLUMN kind TEXT CHECK (kind IN ('department', 'government', 'township'));
-- 4. Boilerplate learned from the archive: how many agencies' reports of a
--    year print a sentence (canonical form, hashed). Each agency-year counted once.
CREATE TABLE quality_sentences (
  hash INTEGER NOT NULL,
  year INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (hash, year)
) WITHOUT ROWID;
CREATE TABLE quality_learned (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  agency_id INTEGER,
  year INTEGER,
  counted INTEGER NOT NULL CHECK (counted IN (0, 1))
);
CREATE INDEX quality_learned_agency ON quality_learned(agency_id, year);
-- 5. MinHash signatures of each prose section's own words, and their LSH band keys.
CREATE TABLE quality_sections (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  section INTEGER NOT NULL,
  shingles INTEGER NOT NULL,
  sig BLOB NOT NULL,
  -- hashes of the section's sentences (Int32Array): which findings a newly learned boilerplate sentence can change
  sentences BLOB NOT NULL,
  PRIMARY KEY (report_id, section)
) WITHOUT ROWID;
CREATE TABLE quality_bands (
  band INTEGER NOT NULL,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  section INTEGER NOT NULL,
  PRIMARY KEY (band, report_id, section)
) WITHOUT ROWID;
CREATE INDEX quality_bands_report ON quality_bands(report_id);
