-- Quality flags by kind without a scan: the library's filter by check, and
-- the copied_text findings a newly learned boilerplate sentence may undo.
CREATE INDEX flags_quality_kind ON flags(kind, report_id) WHERE source = 'quality';
