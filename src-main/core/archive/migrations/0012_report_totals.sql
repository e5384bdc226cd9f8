-- The chart page's per-report summary, kept by the database itself: one row
-- per report (every source row, active or not) with what the charts group
-- and filter by (agency, year, active, status, a live acceptance) and the
-- five totals they add up (新收 requests.new.total, 办结 requests.total.total,
-- 复议 review.reconsideration.total, 诉讼 review.litigation_direct.total and
-- review.litigation_after.total; the value the user sees, a correction when
-- corrected). Triggers on reports, cells and flag_accepts keep it equal to
-- its sources whatever writes them (import, re-extraction, corrections,
-- undo/redo, set-meta, merges, version switches, the trash), so the charts
-- aggregate a narrow table instead of joining every report to its cells.
-- The field list must stay the same as CHART_TOTAL_FIELDS in archive/charts.ts.
CREATE TABLE report_totals (
  report_id INTEGER PRIMARY KEY,
  agency_id INTEGER,
  year INTEGER,
  active INTEGER NOT NULL,
  status TEXT NOT NULL,
  -- 1 when the report has an acceptance (原文如此) not revoked by a later unaccept
  accepted INTEGER NOT NULL DEFAULT 0,
  received REAL,
  done REAL,
  reconsideration REAL,
  litigation_direct REAL,
  litigation_after REAL
);
CREATE INDEX report_totals_year ON report_totals(active, year);
CREATE INDEX report_totals_agency ON report_totals(active, agency_id);
-- which accept an unaccept ends (the live-acceptance test looks it up)
CREATE INDEX flag_accepts_target ON flag_accepts(target_id) WHERE target_id IS NOT NULL;

INSERT INTO report_totals (report_id, agency_id, year, active, status, accepted, received, done, reconsideration, litigation_direct, litigation_after)
SELECT r.id, r.agency_id, r.year, r.active, r.status,
  EXISTS (SELECT 1 FROM flag_accepts a WHERE a.report_id = r.id AND a.action = 'accept' AND NOT EXISTS (SELECT 1 FROM flag_accepts b WHERE b.target_id = a.id)),
  (SELECT value FROM cells WHERE report_id = r.id AND field_id = 'requests.new.total'),
  (SELECT value FROM cells WHERE report_id = r.id AND field_id = 'requests.total.total'),
  (SELECT value FROM cells WHERE report_id = r.id AND field_id = 'review.reconsideration.total'),
  (SELECT value FROM cells WHERE report_id = r.id AND field_id = 'review.litigation_direct.total'),
  (SELECT value FROM cells WHERE report_id = r.id AND field_id = 'review.litigation_after.total')
FROM reports r;

CREATE TRIGGER report_totals_report_insert AFTER INSERT ON reports
BEGIN
  INSERT OR REPLACE INTO report_totals (report_id, agency_id, year, active, status, accepted, received, done, reconsideration, litigation_direct, litigation_after)
  VALUES (NEW.id, NEW.agency_id, NEW.year, NEW.active, NEW.status,
    EXISTS (SELECT 1 FROM flag_accepts a WHERE a.report_id = NEW.id AND a.action = 'accept' AND NOT EXISTS (SELECT 1 FROM flag_accepts b WHERE b.target_id = a.id)),
    (SELECT value FROM cells WHERE report_id = NEW.id AND field_id = 'requests.new.total'),
    (SELECT value FROM cells WHERE report_id = NEW.id AND field_id = 'requests.total.total'),
    (SELECT value FROM cells WHERE report_id = NEW.id AND field_id = 'review.reconsideration.total'),
    (SELECT value FROM cells WHERE report_id = NEW.id AND field_id = 'review.litigation_direct.total'),
    (SELECT value FROM cells WHERE report_id = NEW.id AND field_id = 'review.litigation_after.total'));
END;

CREATE TRIGGER report_totals_report_update AFTER UPDATE OF agency_id, year, active, status ON reports
BEGIN
  UPDATE report_totals SET agency_id = NEW.agency_id, year = NEW.year, active = NEW.active, status = NEW.status WHERE report_id = NEW.id;
END;

CREATE TRIGGER report_totals_report_delete AFTER DELETE ON reports
BEGIN
  DELETE FROM report_totals WHERE report_id = OLD.id;
END;

-- A cell of the five written: its column takes the cell's value (NULL when the
-- cell is deleted; an update that moved a cell clears where it was).
CREATE TRIGGER report_totals_cell_insert AFTER INSERT ON cells
WHEN NEW.field_id IN ('requests.new.total', 'requests.total.total', 'review.reconsideration.total', 'review.litigation_direct.total', 'review.litigation_after.total')
BEGIN
  UPDATE report_totals SET
    received = CASE WHEN NEW.field_id = 'requests.new.total' THEN NEW.value ELSE received END,
    done = CASE WHEN NEW.field_id = 'requests.total.total' THEN NEW.value ELSE done END,
    reconsideration = CASE WHEN NEW.field_id = 'review.reconsideration.total' THEN NEW.value ELSE reconsideration END,
    litigation_direct = CASE WHEN NEW.field_id = 'review.litigation_direct.total' THEN NEW.value ELSE litigation_direct END,
    litigation_after = CASE WHEN NEW.field_id = 'review.litigation_after.total' THEN NEW.value ELSE litigation_after END
  WHERE report_id = NEW.report_id;
END;

CREATE TRIGGER report_totals_cell_update AFTER UPDATE OF report_id, field_id, value ON cells
WHEN OLD.field_id IN ('requests.new.total', 'requests.total.total', 'review.reconsideration.total', 'review.litigation_direct.total', 'review.litigation_after.total')
  OR NEW.field_id IN ('requests.new.total', 'requests.total.total', 'review.reconsideration.total', 'review.litigation_direct.total', 'review.litigation_after.total')
BEGIN
  UPDATE report_totals SET
    received = CASE WHEN OLD.field_id = 'requests.new.total' THEN NULL ELSE received END,
    done = CASE WHEN OLD.field_id = 'requests.total.total' THEN NULL ELSE done END,
    reconsideration = CASE WHEN OLD.field_id = 'review.reconsideration.total' THEN NULL ELSE reconsideration END,
    litigation_direct = CASE WHEN OLD.field_id = 'review.litigation_direct.total' THEN NULL ELSE litigation_direct END,
    litigation_after = CASE WHEN OLD.field_id = 'review.litigation_after.total' THEN NULL ELSE litigation_after END
  WHERE report_id = OLD.report_id AND (OLD.report_id != NEW.report_id OR OLD.field_id != NEW.field_id);
  UPDATE report_totals SET
    received = CASE WHEN NEW.field_id = 'requests.new.total' THEN NEW.value ELSE received END,
    done = CASE WHEN NEW.field_id = 'requests.total.total' THEN NEW.value ELSE done END,
    reconsideration = CASE WHEN NEW.field_id = 'review.reconsideration.total' THEN NEW.value ELSE reconsideration END,
    litigation_direct = CASE WHEN NEW.field_id = 'review.litigation_direct.total' THEN NEW.value ELSE litigation_direct END,
    litigation_after = CASE WHEN NEW.field_id = 'review.litigation_after.total' THEN NEW.value ELSE litigation_after END
  WHERE report_id = NEW.report_id;
END;

CREATE TRIGGER report_totals_cell_delete AFTER DELETE ON cells
WHEN OLD.field_id IN ('requests.new.total', 'requests.total.total', 'review.reconsideration.total', 'review.litigation_direct.total', 'review.litigation_after.total')
BEGIN
  UPDATE report_totals SET
    received = CASE WHEN OLD.field_id = 'requests.new.total' THEN NULL ELSE received END,
    done = CASE WHEN OLD.field_id = 'requests.total.total' THEN NULL ELSE done END,
    reconsideration = CASE WHEN OLD.field_id = 'review.reconsideration.total' THEN NULL ELSE reconsideration END,
    litigation_direct = CASE WHEN OLD.field_id = 'review.litigation_direct.total' THEN NULL ELSE litigation_direct END,
    litigation_after = CASE WHEN OLD.field_id = 'review.litigation_after.total' THEN NULL ELSE litigation_after END
  WHERE report_id = OLD.report_id;
END;

-- flag_accepts is append-only: an accept or an unaccept decides whether the report has a live acceptance.
CREATE TRIGGER report_totals_accept AFTER INSERT ON flag_accepts
BEGIN
  UPDATE report_totals SET
    accepted = EXISTS (SELECT 1 FROM flag_accepts a WHERE a.report_id = report_totals.report_id AND a.action = 'accept' AND NOT EXISTS (SELECT 1 FROM flag_accepts b WHERE b.target_id = a.id))
  WHERE report_id IN (NEW.report_id, (SELECT report_id FROM flag_accepts WHERE id = NEW.target_id));
END;
