// Agencies: one canonical name, every name seen kept as an alias (so a merged
// agency's reports keep finding their way home on the next import), a region
// inferred from the name and editable.
import { agencyKindOf } from '../quality/late.js';
import { st, type DB } from './db.js';
import { placeReport } from './versions.js';
import { inferRegion, regionText, type Region } from './region.js';
import { ArchiveError, type AgencyInfo, type Landed, type MergeResult } from './types.js';

export type { Landed, MergeResult };

const now = () => new Date().toISOString();

/** The agency a report names, created on first sight (with its inferred region). */
export function agencyIdFor(db: DB, name: string | null): number | null {
  const n = name?.trim();
  if (!n) return null;
  const hit = st(db, 'SELECT agency_id FROM agency_aliases WHERE alias = ?').get(n) as { agency_id: number } | undefined;
  if (hit) return hit.agency_id;
  const byName = st(db, 'SELECT id FROM agencies WHERE name = ?').get(n) as { id: number } | undefined;
  if (byName) {
    st(db, 'INSERT OR IGNORE INTO agency_aliases (alias, agency_id) VALUES (?, ?)').run(n, byName.id);
    return byName.id;
  }
  const r = inferRegion(n);
  const known = r.province || r.city || r.county;
  const id = Number(
    st(db, 'INSERT INTO agencies (name, province, city, county, region_source, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      n,
      r.province,
      r.city,
      r.county,
      known ? 'inferred' : null,
      now(),
    ).lastInsertRowid,
  );
  st(db, 'INSERT INTO agency_aliases (alias, agency_id) VALUES (?, ?)').run(n, id);
  return id;
}

export function findAgency(db: DB, nameOrId: string | number): { id: number; name: string } {
  const row =
    typeof nameOrId === 'number' || /^\d+$/.test(String(nameOrId))
      ? st(db, 'SELECT id, name FROM agencies WHERE id = ?').get(Number(nameOrId))
      : (st(db, 'SELECT a.id, a.name FROM agency_aliases x JOIN agencies a ON a.id = x.agency_id WHERE x.alias = ?').get(String(nameOrId).trim()) ??
        st(db, 'SELECT id, name FROM agencies WHERE name = ?').get(String(nameOrId).trim()));
  if (!row) throw new ArchiveError('not_found', `no agency "${nameOrId}"`, { problem: 'no_agency', name: String(nameOrId) });
  return row as { id: number; name: string };
}

export function listAgencies(db: DB): AgencyInfo[] {
  const rows = st(
    db,
    `SELECT a.id, a.name, a.province, a.city, a.county, a.region_source, a.kind,
        (SELECT COUNT(*) FROM reports r WHERE r.agency_id = a.id AND r.active = 1) AS reports,
        (SELECT group_concat(DISTINCT r.year) FROM reports r WHERE r.agency_id = a.id AND r.year IS NOT NULL AND r.removed_at IS NULL) AS years,
        (SELECT json_group_array(alias) FROM agency_aliases x WHERE x.agency_id = a.id AND x.alias <> a.name) AS aliases
       FROM agencies a ORDER BY a.name`,
  ).all() as {
    id: number;
    name: string;
    province: string | null;
    city: string | null;
    county: string | null;
    region_source: 'inferred' | 'manual' | null;
    kind: AgencyInfo['kind'] | null;
    reports: number;
    years: string | null;
    aliases: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    aliases: JSON.parse(r.aliases) as string[],
    province: r.province,
    city: r.city,
    county: r.county,
    region: regionText(r),
    regionSource: r.region_source,
    kind: r.kind ?? agencyKindOf(r.name),
    kindSource: r.kind ? 'manual' : 'name',
    reports: r.reports,
    years: r.years ? [...new Set(r.years.split(',').map(Number))].sort((a, b) => a - b) : [],
  }));
}

/**
 * Merge agency `from` into `into`: its reports, its name (kept as an alias)
 * and its aliases move over. A report landing on a year `into` already has
 * becomes a version of that report under the version rule (a reviewed one
 * stays active, the newcomer waits to be compared).
 */
export function mergeAgencies(db: DB, from: string | number, into: string | number): MergeResult {
  const a = findAgency(db, from);
  const b = findAgency(db, into);
  if (a.id === b.id)
    throw new ArchiveError('invalid', `"${a.name}" and "${b.name}" are already the same agency`, { problem: 'same_agency', a: a.name, b: b.name });
  const moved = (st(db, 'SELECT COUNT(*) AS n FROM reports WHERE agency_id = ? AND active = 1').get(a.id) as { n: number }).n;
  const occupied = new Set(
    (st(db, 'SELECT DISTINCT year FROM reports WHERE agency_id = ? AND year IS NOT NULL AND removed_at IS NULL').all(b.id) as { year: number }[]).map(
      (r) => r.year,
    ),
  );
  const colliding = (
    st(db, 'SELECT id, year FROM reports WHERE agency_id = ? AND year IS NOT NULL AND removed_at IS NULL ORDER BY id').all(a.id) as {
      id: number;
      year: number;
    }[]
  ).filter((r) => occupied.has(r.year));
  st(db, 'UPDATE reports SET agency_id = ? WHERE agency_id = ?').run(b.id, a.id);
  st(db, 'UPDATE agency_aliases SET agency_id = ? WHERE agency_id = ?').run(b.id, a.id);
  st(db, 'INSERT OR IGNORE INTO agency_aliases (alias, agency_id) VALUES (?, ?)').run(a.name, b.id);
  st(db, 'DELETE FROM agencies WHERE id = ?').run(a.id);
  const clear = st(db, 'UPDATE reports SET pinned = 0, pending = 0 WHERE id = ?');
  for (const r of colliding) clear.run(r.id);
  const landed: Landed[] = [];
  for (const r of colliding) {
    const p = placeReport(db, r.id);
    landed.push({ reportId: r.id, year: r.year, outcome: p.outcome, reason: p.reason, activeId: p.activeId });
  }
  return { fromId: a.id, intoId: b.id, from: a.name, into: b.name, moved, landed };
}

export function setAgencyRegion(db: DB, agency: string | number, region: Partial<Region>): void {
  const a = findAgency(db, agency);
  const cur = st(db, 'SELECT province, city, county FROM agencies WHERE id = ?').get(a.id) as Region;
  const next = { ...cur, ...region };
  st(db, "UPDATE agencies SET province = ?, city = ?, county = ?, region_source = 'manual' WHERE id = ?").run(next.province, next.city, next.county, a.id);
}

/** Rename an agency; the old name stays an alias. Another agency's name is refused (merge them instead: a merge says where each report lands). */
export function renameAgency(db: DB, agency: string | number, name: string): { id: number; name: string; previous: string } {
  const a = findAgency(db, agency);
  const n = name.trim();
  if (!n) throw new ArchiveError('invalid', 'an agency name cannot be empty', { field: 'agency', expect: 'non_empty' });
  const clash = st(db, 'SELECT agency_id FROM agency_aliases WHERE alias = ?').get(n) as { agency_id: number } | undefined;
  if (clash && clash.agency_id !== a.id)
    throw new ArchiveError('invalid', `"${n}" is another agency's name; merge them instead`, { problem: 'name_taken', name: n });
  st(db, 'UPDATE agencies SET name = ? WHERE id = ?').run(n, a.id);
  st(db, 'INSERT OR IGNORE INTO agency_aliases (alias, agency_id) VALUES (?, ?)').run(n, a.id);
  return { id: a.id, name: n, previous: a.name };
}
