-- copied_text's LSH band rows are looked up and deleted by their key only
-- (quality/store.ts deletes a report's rows by the keys of its stored
-- signatures): the index by report goes. It was as large as the band table
-- itself (48 rows a report: 4.8 million at 100 000 reports, ~75 MB) and was
-- written on every import. The table is rebuilt in key order without its
-- foreign key, which without that index would make deleting a report read
-- every band row; a band row naming a report that is gone or inactive is
-- skipped by the look-up. Rows, keys and every flag and acceptance are kept.
CREATE TABLE quality_bands_new (
  band INTEGER NOT NULL,
  report_id INTEGER NOT NULL,
  section INTEGER NOT NULL,
  PRIMARY KEY (band, report_id, section)
) WITHOUT ROWID;
INSERT INTO quality_bands_new (band, report_id, section) SELECT band, report_id, section FROM quality_bands ORDER BY band, report_id, section;
DROP TABLE quality_bands;
ALTER TABLE quality_bands_new RENAME TO quality_bands;
