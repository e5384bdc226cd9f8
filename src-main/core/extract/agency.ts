// One agency, many spellings: the canonical form of a printed agency name
// (simplified, abbreviations written out, the city put before a county that
// names only itself), for the extraction output next to the printed name and
// for the archive's alias matching. The printed name is never changed.
import { AGENCY_ABBREVIATIONS, NOT_AGENCY_WORDS } from '../catalogue/agencies.js';
import { inferRegion, type Region } from '../archive/region.js';
import { toSimplified } from '../normalize/index.js';

const ABBR = [...AGENCY_ABBREVIATIONS].sort((a, b) => b[0].length - a[0].length);
const NOT_AGENCY = new Set(NOT_AGENCY_WORDS);

/** True for a word a title can hold that is never an agency (`正文`, `附件` …). */
export function notAnAgency(name: string): boolean {
  const s = name.replace(/[\s\p{P}\p{S}]+/gu, '');
  return NOT_AGENCY.has(s) || /^正文/.test(s);
}

// Names come back report after report (every extraction asks): remember the answers (bounded).
const CANONICAL = new Map<string, string>();

/** The canonical name: simplified, no spaces, abbreviation at the end written out, the city before a bare county. */
export function canonicalAgency(name: string, region?: Region | null): string {
  if (region !== undefined) return canonicalOf(toSimplified(name), region);
  let c = CANONICAL.get(name);
  if (c === undefined) {
    const simple = toSimplified(name);
    c = canonicalOf(simple, inferRegion(simple));
    if (CANONICAL.size >= 5000) CANONICAL.clear();
    CANONICAL.set(name, c);
  }
  return c;
}

function canonicalOf(simplified: string, region: Region | null): string {
  let s = simplified.replace(/[\s\u3000]+/g, '');
  for (const [abbr, full] of ABBR) {
    if (s.endsWith(abbr) && !s.endsWith(full)) {
      s = s.slice(0, -abbr.length) + full;
      break;
    }
  }
  // 洪泽区人民政府 = 淮安市洪泽区人民政府 once the county is known to be 淮安市's
  if (region?.county && region.city && region.city !== region.county && s.startsWith(region.county) && !s.includes(region.city)) s = region.city + s;
  return s;
}

/** Whether two printed names are the same agency by their canonical forms (the archive's alias matching). */
export function sameAgency(a: string, b: string): boolean {
  return canonicalAgency(a) === canonicalAgency(b);
}
