// What follows from a report's values, agency, year and active version and
// is stored beside them: the quality findings (quality/store.ts) and the
// cross-year flags (cross-year.ts). Every path that changes a report's
// values, agency, year or active version, or removes or restores it, calls
// this one function (in its transaction); acceptances survive (both match a
// flag by its identity).
import { refreshQuality } from '../quality/store.js';
import { refreshCrossYear } from './cross-year.js';
import { st, type DB } from './db.js';

export { neighbourIds } from './cross-year.js';

/**
 * Re-check `ids` (and the reports their findings reach). `moved`: the reports
 * entered or left the active set (a version switch, removal, restoration), so
 * reports another agency's copied_text flag names them in are checked again too.
 */
/** Returns the reports whose quality was checked. */
export function refreshDerived(db: DB, ids: Iterable<number>, opts: { moved?: boolean } = {}): number {
  const list = [...new Set(ids)];
  if (opts.moved && list.length) {
    const named = st(
      db,
      "SELECT DISTINCT report_id FROM flags INDEXED BY flags_quality_kind WHERE source = 'quality' AND kind = 'copied_text' AND expected IN (SELECT value FROM json_each(?))",
    ).all(JSON.stringify(list)) as { report_id: number }[];
    for (const r of named) list.push(r.report_id);
  }
  const n = refreshQuality(db, list);
  refreshCrossYear(db, list);
  return n;
}
