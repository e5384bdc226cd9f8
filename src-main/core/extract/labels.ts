// Row-label matching, compiled once from the catalogue's `keys`. A label
// cell (in compact form) names a row when it equals a key, or contains a key
// of four or more characters; the longest key wins, so a cell holding both
// the group and the row (`(六)其他处理 1.申请人无正当理由逾期不补正…`) names
// the row.
import { TEMPLATES, type RowDef, type TableId } from '../catalogue/index.js';

interface KeyEntry {
  key: string;
  rowId: string;
  table: TableId;
}

const KEY_DROP = /[\s"'“”()（）,，、.:：;；]/g;

/** The compact form row keys are compared in (no spaces, quotes, brackets or list punctuation). */
export function labelKey(s: string): string {
  return s.replace(KEY_DROP, '');
}

/** Longest label cell that can still be a row label (prose is longer). */
export const MAX_LABEL = 80;

function build(tables: TableId[]): { exact: Map<string, KeyEntry>; contained: KeyEntry[] } {
  const exact = new Map<string, KeyEntry>();
  const contained: KeyEntry[] = [];
  const seen = new Set<string>();
  for (const t of Object.values(TEMPLATES)) {
    for (const row of t.rows) {
      if (!tables.includes(row.table)) continue;
      for (const key of row.keys) {
        const k = labelKey(key);
        const id = `${row.id}|${k}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const e = { key: k, rowId: row.id, table: row.table };
        if (!exact.has(k)) exact.set(k, e);
        if (k.length >= 4) contained.push(e);
      }
    }
  }
  contained.sort((a, b) => b.key.length - a.key.length);
  return { exact, contained };
}

const MAIN = build(['active', 'requests']);
const APPEALS = build(['review']);

// Label texts repeat across reports: remember the answers (bounded).
const CACHE = new Map<object, Map<string, KeyEntry | null>>();

function find(key: string, m: { exact: Map<string, KeyEntry>; contained: KeyEntry[] }): KeyEntry | null {
  if (!key || key.length > MAX_LABEL) return null;
  let cache = CACHE.get(m);
  if (!cache) CACHE.set(m, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const r = findUncached(key, m);
  if (cache.size > 20000) cache.clear();
  cache.set(key, r);
  return r;
}

function findUncached(key: string, m: { exact: Map<string, KeyEntry>; contained: KeyEntry[] }): KeyEntry | null {
  const e = m.exact.get(key);
  if (e) return e;
  if (key.length < 4) return null;
  for (const c of m.contained) if (c.key.length <= key.length && key.includes(c.key)) return c;
  // A label cut by a line wrap (`要求行政机关确认或重新出` + numbers + `具已获取信息`):
  // a long enough start of a key still names its row.
  if (key.length >= 8) for (const c of m.contained) if (c.key.length > key.length && c.key.startsWith(key)) return c;
  return null;
}

/** Row id of tables 二/三 named by a label's compact form, or null. */
export function matchRow(key: string): string | null {
  return find(key, MAIN)?.rowId ?? null;
}

/** Row id of table 四 (review.*) named by a label, or null. */
export function matchAppealsRow(key: string): string | null {
  return find(key, APPEALS)?.rowId ?? null;
}

const ROW_INDEX = {
  '2019': new Map(TEMPLATES['2019'].rows.map((r) => [r.id, r])),
  '2021': new Map(TEMPLATES['2021'].rows.map((r) => [r.id, r])),
};

export function rowOf(template: keyof typeof TEMPLATES, rowId: string): RowDef | undefined {
  return ROW_INDEX[template].get(rowId);
}
