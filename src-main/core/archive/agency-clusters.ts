// Likely-same agencies in an archive, for the 机关 panel's one-click merge:
// key collision on a fingerprint of the name (as OpenRefine clusters): the
// canonical form (simplified, spaces dropped, the catalogue's abbreviations
// written out: extract/agency.ts), then the agency's own region prefix
// stripped once its region is known (淮安市洪泽区人民政府 and 洪泽区人民政府,
// both of 淮安市 洪泽区), the region kept in the key so 朝阳区 of 北京 and of
// 长春 never meet. Only suggestions: nothing is merged until a person says so.
import { canonicalAgency } from '../extract/agency.js';
import type { Region } from './region.js';

export interface AgencyForClusters {
  name: string;
  province: string | null;
  city: string | null;
  county: string | null;
  reports: number;
}

export interface MergeSuggestion {
  /** The name the others would be merged into: the one with most reports, then the longest (fullest) name. */
  into: string;
  /** The other names of the same key. */
  from: string[];
  /** The key they share (the name without its region, and the region). */
  key: string;
}

/** A name's fingerprint: canonical, without the region prefixes its region names (each once, outermost first). */
export function agencyKey(a: AgencyForClusters): string {
  const region: Region | null = a.province || a.city || a.county ? { province: a.province, city: a.city, county: a.county } : null;
  let s = canonicalAgency(a.name, region ?? undefined).replace(/[\p{P}\p{S}]+/gu, '');
  for (const part of [a.province, a.city, a.county]) {
    if (!part) continue;
    if (s.startsWith(part) && s.length > part.length) s = s.slice(part.length);
    else {
      // 淮安 for 淮安市, 江苏 for 江苏省: the name may drop the level word
      const bare = part.replace(/(?:省|市|自治区|特别行政区|区|县|自治县|旗)$/, '');
      if (bare.length >= 2 && s.startsWith(bare) && s.length > bare.length) s = s.slice(bare.length);
    }
  }
  return `${a.province ?? ''}|${a.city ?? ''}|${a.county ?? ''}|${s}`;
}

/** Groups of two or more agencies sharing a key, largest first. */
export function suggestMerges(agencies: readonly AgencyForClusters[]): MergeSuggestion[] {
  const groups = new Map<string, AgencyForClusters[]>();
  for (const a of agencies) {
    const k = agencyKey(a);
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  const out: MergeSuggestion[] = [];
  for (const [key, g] of groups) {
    if (g.length < 2) continue;
    const sorted = [...g].sort((x, y) => y.reports - x.reports || y.name.length - x.name.length || x.name.localeCompare(y.name));
    out.push({ into: sorted[0]!.name, from: sorted.slice(1).map((x) => x.name), key });
  }
  return out.sort((x, y) => y.from.length - x.from.length || x.into.localeCompare(y.into));
}
