-- The archived copy of a file is found by its sha256 (<archive>.files/ab/cdef…),
-- so the column must hold exactly 64 lowercase hex characters: a crafted
-- archive whose sha256 reads '../../x.bat' must not steer 打开原文件 outside
-- the files folder. SQLite cannot add a CHECK to an existing table without
-- rebuilding it (and a rebuild of files would cascade through its children),
-- so the check is a pair of triggers; storedPath() checks again on reading.
CREATE TRIGGER files_sha256_insert BEFORE INSERT ON files
WHEN length(NEW.sha256) != 64 OR NEW.sha256 GLOB '*[^0-9a-f]*'
BEGIN
  SELECT RAISE(ABORT, 'files.sha256 must be 64 lowercase hex characters');
END;
CREATE TRIGGER files_sha256_update BEFORE UPDATE OF sha256 ON files
WHEN length(NEW.sha256) != 64 OR NEW.sha256 GLOB '*[^0-9a-f]*'
BEGIN
  SELECT RAISE(ABORT, 'files.sha256 must be 64 lowercase hex characters');
END;
-- No infinite number is ever stored as a value (a NaN is stored as NULL by SQLite).
CREATE TRIGGER cells_finite_insert BEFORE INSERT ON cells
WHEN abs(NEW.value) > 1.7976931348623157e308 OR abs(NEW.extracted) > 1.7976931348623157e308
BEGIN
  SELECT RAISE(ABORT, 'a cell value must be a finite number');
END;
CREATE TRIGGER cells_finite_update BEFORE UPDATE OF value, extracted ON cells
WHEN abs(NEW.value) > 1.7976931348623157e308 OR abs(NEW.extracted) > 1.7976931348623157e308
BEGIN
  SELECT RAISE(ABORT, 'a cell value must be a finite number');
END;
