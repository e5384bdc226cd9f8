-- The chart page's totals (新收, 办结, 复议, 诉讼) read five fields of every
-- report: a small partial index keeps that an index scan at 100 000 reports
-- instead of a pass over every cell. The list must stay the same as
-- CHART_TOTAL_FIELDS in archive/charts.ts (SQLite uses a partial index only
-- when the query repeats its condition).
CREATE INDEX cells_chart_totals ON cells(field_id, report_id, value)
WHERE field_id IN ('requests.new.total', 'requests.total.total', 'review.reconsideration.total', 'review.litigation_direct.total', 'review.litigation_after.total');
