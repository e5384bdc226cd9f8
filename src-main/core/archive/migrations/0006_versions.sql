-- Report identity and versions (README "Reports, versions and sources").
-- A report is one agency-year slot; every row of `reports` is one source
-- (an archived file) read as that slot. Sources whose readings agree share a
-- version_id (the id of the version's first source); the slot's active row
-- follows the version rule (archive/versions.ts). `pinned`: the user chose
-- this version; `pending`: a new version waits for the user to compare it
-- with the reviewed one (待比较). Removed reports (回收站) keep every row, file
-- and log entry; they only leave the views.
ALTER TABLE reports ADD COLUMN version_id INTEGER;
UPDATE reports SET version_id = id;
ALTER TABLE reports ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));
ALTER TABLE reports ADD COLUMN pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1));
ALTER TABLE reports ADD COLUMN removed_at TEXT;
ALTER TABLE reports ADD COLUMN removed_reason TEXT;
ALTER TABLE reports ADD COLUMN removed_kind TEXT CHECK (removed_kind IN ('removed', 'not_report'));
CREATE INDEX reports_removed ON reports(removed_at) WHERE removed_at IS NOT NULL;
CREATE INDEX reports_pending ON reports(agency_id, year) WHERE pending = 1;

-- Per-file outcomes of an import, named as the user sees them; 'in_progress'
-- is written before a file goes to a worker, so a crash leaves the file named
-- (the next open marks it failed with crashed = 1, and later runs skip it
-- unless the user retries).
CREATE TABLE import_outcomes_new (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('in_progress', 'new', 'same_report_other_format', 'new_version', 'needs_compare', 'duplicate', 'failed', 'skipped')),
  file_id INTEGER REFERENCES files(id),
  report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
  error TEXT,
  crashed INTEGER NOT NULL DEFAULT 0 CHECK (crashed IN (0, 1))
);
INSERT INTO import_outcomes_new (id, run_id, path, outcome, file_id, report_id, error)
  SELECT id, run_id, path, CASE outcome WHEN 'imported' THEN 'new' ELSE outcome END, file_id, report_id, error FROM import_outcomes;
DROP TABLE import_outcomes;
ALTER TABLE import_outcomes_new RENAME TO import_outcomes;
CREATE INDEX import_outcomes_run ON import_outcomes(run_id, outcome);
CREATE INDEX import_outcomes_crashed ON import_outcomes(path) WHERE crashed = 1;
