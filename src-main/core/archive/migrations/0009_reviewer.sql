-- Who reviewed: a reviewer name set once per archive (settings), recorded on
-- every correction, acceptance and verification written after it is set
-- (read from settings by the INSERT itself, so no writer can forget it).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
ALTER TABLE corrections ADD COLUMN reviewer TEXT;
ALTER TABLE flag_accepts ADD COLUMN reviewer TEXT;
