-- Flag ids are never handed out twice (AUTOINCREMENT): the UI and the command
-- line accept a flag by its id, and an id seen on a stale screen must not
-- name another flag that later took the freed number.
CREATE TABLE flags_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (source IN ('extract', 'rules', 'archive')),
  kind TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '[]',
  message TEXT NOT NULL,
  rule TEXT,
  expected REAL,
  found REAL,
  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
);
INSERT INTO flags_new (id, report_id, source, kind, fields, message, rule, expected, found, resolved)
  SELECT id, report_id, source, kind, fields, message, rule, expected, found, resolved FROM flags;
DROP TABLE flags;
ALTER TABLE flags_new RENAME TO flags;
CREATE INDEX flags_report ON flags(report_id, source);
