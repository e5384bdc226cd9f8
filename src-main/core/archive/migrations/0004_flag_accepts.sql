-- Per-flag acceptance ("原文如此"): an archivist keeps a failed check as
-- printed, with a note. Rule flags are deleted and recomputed after every
-- change, so an acceptance names the flag by what it says (source, kind,
-- rule, fields, expected, found; for a re-extraction conflict also its
-- message, which carries the readings) rather than by its row id; when the
-- values change and the check fails differently, the acceptance no longer
-- matches and the flag is open again. Append-only like the corrections:
-- revoking is an 'unaccept' entry naming the 'accept' entry it ends.
CREATE TABLE flag_accepts (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  action TEXT NOT NULL CHECK (action IN ('accept', 'unaccept')),
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  rule TEXT,
  fields TEXT NOT NULL,
  expected REAL,
  found REAL,
  message TEXT NOT NULL,
  target_id INTEGER REFERENCES flag_accepts(id),
  note TEXT,
  at TEXT NOT NULL
);
CREATE INDEX flag_accepts_report ON flag_accepts(report_id, id);

CREATE TRIGGER flag_accepts_no_update BEFORE UPDATE ON flag_accepts
BEGIN SELECT RAISE(ABORT, 'flag acceptances are append-only'); END;
CREATE TRIGGER flag_accepts_no_delete BEFORE DELETE ON flag_accepts
WHEN (SELECT COUNT(*) FROM reports WHERE id = OLD.report_id) > 0
BEGIN SELECT RAISE(ABORT, 'flag acceptances are append-only'); END;
