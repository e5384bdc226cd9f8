-- Nianbao Archive schema, version 1.
-- Field ids are never columns: cells are rows keyed by the catalogue's ids.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'import' CHECK (kind IN ('import', 'reextract')),
  folder TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed', 'interrupted')),
  pid INTEGER,
  extractor_version TEXT,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  files INTEGER NOT NULL DEFAULT 0,
  imported INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  error TEXT
);

CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  name TEXT NOT NULL,
  original_path TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime TEXT,
  format TEXT,
  run_id INTEGER REFERENCES import_runs(id),
  imported_at TEXT NOT NULL
);

CREATE INDEX files_original_path ON files(original_path);

CREATE TABLE import_outcomes (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'skipped', 'failed')),
  file_id INTEGER REFERENCES files(id),
  report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
  error TEXT
);
CREATE INDEX import_outcomes_run ON import_outcomes(run_id, outcome);

-- The document text of each archived file, for search and provenance display.
CREATE TABLE file_text (
  file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  pages TEXT,
  positions TEXT,
  encoding TEXT
);
CREATE VIRTUAL TABLE file_fts USING fts5(text, content = 'file_text', content_rowid = 'file_id', tokenize = 'trigram');

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  province TEXT,
  city TEXT,
  county TEXT,
  region_source TEXT CHECK (region_source IN ('inferred', 'manual')),
  created_at TEXT NOT NULL
);

-- Every name an agency has been seen under (its own name included); merged agencies leave theirs here.
CREATE TABLE agency_aliases (
  alias TEXT PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE
);
CREATE INDEX agency_aliases_agency ON agency_aliases(agency_id);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL UNIQUE REFERENCES files(id),
  agency_id INTEGER REFERENCES agencies(id),
  year INTEGER,
  template TEXT CHECK (template IN ('2019', '2021')),
  published_at TEXT,
  status TEXT NOT NULL DEFAULT 'unreviewed' CHECK (status IN ('unreviewed', 'flagged', 'verified')),
  open_flags INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  extractor_version TEXT NOT NULL,
  extracted_at TEXT NOT NULL,
  -- metadata fields a person set (JSON array of 'agency'|'year'|'template'); re-extraction keeps them
  meta_manual TEXT NOT NULL DEFAULT '[]',
  error TEXT,
  created_at TEXT NOT NULL,
  verified_at TEXT
);
CREATE INDEX reports_agency_year ON reports(agency_id, year);
CREATE INDEX reports_year ON reports(year, active);
CREATE INDEX reports_status ON reports(status, active);
CREATE INDEX reports_active ON reports(active, id);

CREATE TABLE cells (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  field_id TEXT NOT NULL,
  -- current value: the correction when corrected, else the extracted value
  value REAL,
  extracted REAL,
  corrected INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1)),
  raw TEXT,
  start INTEGER,
  end INTEGER,
  page INTEGER,
  position TEXT,
  confidence REAL,
  note TEXT,
  inferred INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (report_id, field_id)
) WITHOUT ROWID;

CREATE TABLE flags (
  id INTEGER PRIMARY KEY,
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
CREATE INDEX flags_report ON flags(report_id, source);

-- Append-only audit log. Undo and redo are entries too; nothing is ever deleted.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  field_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('set', 'undo', 'redo', 'meta')),
  old_value TEXT,
  new_value TEXT,
  -- whether the cell carried a correction before this entry (undo restores it)
  old_corrected INTEGER NOT NULL DEFAULT 0,
  target_id INTEGER REFERENCES corrections(id),
  note TEXT,
  at TEXT NOT NULL
);
CREATE INDEX corrections_report ON corrections(report_id, id);

CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
WHEN (SELECT COUNT(*) FROM reports WHERE id = OLD.report_id) > 0
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
