// The real seed reports (and the real glued crawler pages) as the same text
// reaches archivists in other forms: another encoding, traditional characters,
// full-width digits, tabs turned into spaces or pipes or CSV or HTML cells,
// lines wrapped, every separator lost. Whatever changes, nothing is read wrong
// unflagged and the agency and year stay right; most forms read every cell.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src-main/core/extract/index.js';
import { haveSeeds, SEEDS, SHARED } from '../seeds.js';
import { flagged } from './helpers.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const cells = (l: string) => l.split('\t');
/** name → [file extension, transform] */
const FORMS: Record<string, [string, (s: string) => Buffer]> = {
  traditional: ['.txt', (s) => Buffer.from(toTraditional(s))],
  'full-width digits': ['.txt', (s) => Buffer.from(s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)))],
  gbk: ['.txt', (s) => iconv.encode(s, 'gbk')],
  'utf-16': ['.txt', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf16le')])],
  crlf: ['.txt', (s) => Buffer.from(s.replace(/\n/g, '\r\n'))],
  nbsp: ['.txt', (s) => Buffer.from(s.replace(/\t/g, '\u00a0\u00a0'))],
  'tabs as spaces': ['.txt', (s) => Buffer.from(s.replace(/\t/g, '    '))],
  'one space': ['.txt', (s) => Buffer.from(s.replace(/\t+/g, ' '))],
  'spaced labels': ['.txt', (s) => Buffer.from(s.replace(/([\u4e00-\u9fff])(?=[\u4e00-\u9fff])/g, '$1 '))],
  'blank lines': ['.txt', (s) => Buffer.from(s.replace(/\n/g, '\n\n'))],
  'a cell per line': ['.txt', (s) => Buffer.from(s.replace(/\t+/g, '\n'))],
  pipes: [
    '.txt',
    (s) =>
      Buffer.from(
        s
          .split('\n')
          .map((l) => (l.includes('\t') ? `| ${cells(l).join(' | ')} |` : l))
          .join('\n'),
      ),
  ],
  csv: [
    '.csv',
    (s) =>
      Buffer.from(
        s
          .split('\n')
          .map((l) =>
            cells(l)
              .map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
              .join(','),
          )
          .join('\n'),
      ),
  ],
  'html table': [
    '.html',
    (s) =>
      Buffer.from(
        `<html><body><table>${s
          .split('\n')
          .map(
            (l) =>
              `<tr>${cells(l)
                .map((c) => `<td>${c}</td>`)
                .join('')}</tr>`,
          )
          .join('\n')}</table></body></html>`,
      ),
  ],
  'html paragraphs': [
    '.html',
    (s) =>
      Buffer.from(
        `<html><body>${s
          .split('\n')
          .map((l) => `<p>${l.replace(/\t/g, '&nbsp;&nbsp;')}</p>`)
          .join('')}</body></html>`,
      ),
  ],
  'wrapped at 40': [
    '.txt',
    (s) =>
      Buffer.from(
        s
          .split('\n')
          .map((l) => l.match(/.{1,40}/gu)?.join('\n') ?? l)
          .join('\n'),
      ),
  ],
  'whitespace collapsed': ['.txt', (s) => Buffer.from(s.replace(/\s+/g, ' '))],
  'cells glued': ['.txt', (s) => Buffer.from(s.replace(/\t+/g, ''))],
};

interface Truth {
  agency: string;
  year: number;
  values: Record<string, number | null>;
  incomplete_rows?: string[];
}

async function score(dir: string, form: string) {
  const [ext, make] = FORMS[form]!;
  let right = 0;
  let n = 0;
  const silent: string[] = [];
  const meta: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const t = JSON.parse(readFileSync(join(dir, 'expected', f.replace(/\.txt$/, '.json')), 'utf8')) as Truth;
    const x = await extractBytes(make(readFileSync(join(dir, f), 'utf8')), f.replace(/\.txt$/, ext));
    if (x.agency !== t.agency || x.year !== t.year) meta.push(`${f}: ${x.agency}/${x.year}`);
    const incomplete = new Set(t.incomplete_rows ?? []);
    for (const [id, want] of Object.entries(t.values)) {
      n++;
      const got = x.values[id];
      const row = id.split('.').slice(0, 2).join('.');
      const ok = want === null && incomplete.has(row) ? flagged(x, id) : want === null ? got == null : got != null && Math.abs(got - want) < 1e-6;
      if (ok) right++;
      else if (!flagged(x, id)) silent.push(`${f} ${id}: ${want} read as ${got}`);
    }
  }
  return { rate: right / n, silent, meta };
}

// What each form reads today (the floor a change must not go under); 1 where not named. The glued pages
// are one line of glued cells already; wrapped at 40 they are mostly flagged.
const GLUED = join(SHARED, 'real-glued');
const SETS = [
  { name: 'the seed reports in other forms', dir: SEEDS, there: haveSeeds, floor: { 'whitespace collapsed': 0.96, 'cells glued': 0.96 } },
  {
    name: 'the real glued pages in other forms (../shared/real-glued; skipped when absent)',
    dir: GLUED,
    there: existsSync(join(GLUED, 'expected')),
    floor: { 'wrapped at 40': 0 },
  },
] as { name: string; dir: string; there: boolean; floor: Record<string, number> }[];

for (const set of SETS)
  describe.skipIf(!set.there)(set.name, () => {
    for (const form of Object.keys(FORMS))
      it(form, async () => {
        const s = await score(set.dir, form);
        expect(s.silent).toEqual([]);
        expect(s.meta).toEqual([]);
        expect(s.rate).toBeGreaterThanOrEqual(set.floor[form] ?? 1);
      });
  });
