// year_mismatch: the reporting year said in the title, in the statistics
// period (统计期限 …年1月1日至…年12月31日) and throughout the body's prose
// agree with the report's year. A 2022 report still saying 2021年 throughout
// its prose is a copy that was not brought up to date.
import { cnYears } from '../extract/dates.js';
import type { PreparedText } from './text.js';
import type { Finding } from './types.js';

const TITLE = /((?:19|20)\d{2})\s*年\s*(?:度\s*)?(?:的\s*)?(?:政府信息公开|政务公开|信息公开)/;
const PERIOD = /((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起\s*)?(?:至|到|—|-|~)\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/;
const YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g;

const mk = (place: 'title' | 'period' | 'body', year: number, said: number): Finding => ({
  kind: 'year_mismatch',
  fields: [],
  message: `the ${place} says ${said}, the report is on ${year}`,
  expected: year,
  found: said,
  detail: { place, year, said },
});

export function checkYear(p: PreparedText, year: number | null): Finding[] {
  if (year === null) return [];
  const out: Finding[] = [];
  const first = p.sections[0]?.start ?? Math.min(p.text.length, 400);
  const head = cnYears(p.text.slice(0, Math.min(first, 600)));
  const t = TITLE.exec(head);
  if (t && Number(t[1]) !== year) out.push(mk('title', year, Number(t[1])));
  const per = PERIOD.exec(cnYears(p.text));
  if (per && Number(per[1]) === Number(per[2]) && Number(per[1]) !== year) out.push(mk('period', year, Number(per[1])));
  // The body: years named in the prose sections (a date 2021年3月 is a date, not the year spoken of).
  const counts = new Map<number, number>();
  for (const s of p.sections)
    if (s.n === 1 || s.n === 5 || s.n === 6) for (const m of cnYears(s.text).matchAll(YEAR)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const own = counts.get(year) ?? 0;
  const prev = counts.get(year - 1) ?? 0;
  if ((own === 0 && prev >= 2) || (prev >= 3 && prev > 2 * own)) out.push(mk('body', year, year - 1));
  return out;
}
