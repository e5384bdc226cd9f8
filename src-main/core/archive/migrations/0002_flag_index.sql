-- Listing flagged reports (the review queue) without a scan.
CREATE INDEX reports_open_flags ON reports(active, open_flags) WHERE open_flags > 0;
