// prose_mismatch: a sentence of the prose clearly stating a figure the
// tables hold (收到政府信息公开申请34件, 行政复议2件) that differs from the
// table. A clause about another year (上年, 同比, 2019年) is not read.
// The phrases map onto the catalogue's field ids; they are prose, not labels.
import { fieldById } from '../catalogue/index.js';
import type { PreparedText } from './text.js';
import type { Finding } from './types.js';

const COUNT = '(?:共计|合计|总计|共|为|了)?\\s*(\\d+)\\s*(?:件|起|宗|个|份)';
const PHRASES: { re: RegExp; fields: string[]; what: string }[] = [
  {
    re: new RegExp(`(?:新收|收到|受理|接收|接到)(?:了)?(?:各类|群众|公众|公民的?)?(?:政府信息公开|依申请公开(?:政府信息)?|信息公开)?申请(?:数量)?${COUNT}`),
    fields: ['requests.new.total'],
    what: 'requests received',
  },
  { re: new RegExp(`行政复议(?:案件|申请)?${COUNT}`), fields: ['review.reconsideration.total'], what: 'administrative reconsiderations' },
  { re: new RegExp(`行政诉讼(?:案件)?${COUNT}`), fields: ['review.litigation_direct.total', 'review.litigation_after.total'], what: 'lawsuits' },
];

/** The table fields the prose is compared with: all a check reads of a report's values. */
export const PROSE_FIELDS: readonly string[] = [...new Set(PHRASES.flatMap((p) => p.fields))];
const OTHER_TIME = /上年|去年|上一年|同比|环比|较上|比上|往年|累计|历年|以来/;

export function checkProse(p: PreparedText, year: number | null, values: Record<string, number | null>): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const s of p.sections) {
    if (s.n !== 1 && s.n !== 5 && s.n !== 6) continue;
    for (const clause of s.text.split(/[。；;！？\n，,]/)) {
      if (OTHER_TIME.test(clause)) continue;
      const years = [...clause.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
      if (years.some((y) => y !== year)) continue;
      for (const ph of PHRASES) {
        const m = ph.re.exec(clause);
        if (!m) continue;
        if (!ph.fields.every((f) => fieldById(f) && values[f] !== undefined && values[f] !== null)) continue;
        const table = ph.fields.reduce((a, f) => a + (values[f] ?? 0), 0);
        const said = Number(m[1]);
        const key = `${ph.fields.join()}:${said}`;
        if (said === table || seen.has(key)) continue;
        seen.add(key);
        const quote = m[0].replace(/\s+/g, '');
        out.push({
          kind: 'prose_mismatch',
          fields: ph.fields,
          message: `section ${s.n} says "${quote}" (${ph.what}) but the table says ${table}`,
          expected: table,
          found: said,
          detail: { section: s.n, quote, sentence: clause.trim().slice(0, 120), table, said },
        });
      }
    }
  }
  return out;
}
