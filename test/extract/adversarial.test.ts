// Property test over generated reports with the damage real reports do
// (test/gen/damage.ts): for every field, the value read equals the truth, or
// a flag names the field (or its row or table). A wrong value without such a
// flag is a silent error, and there must be none. Damage a careful reader
// reads without doubt (thousands separators, measure words, footnotes, page
// chrome, a transposed table 四 ...) must be read exactly, without flags.
import { describe, expect, it } from 'vitest';
import { extractBytes, extractDocument } from '../../src-main/core/extract/index.js';
import type { Extraction } from '../../src-main/core/model.js';
import { BENIGN, DAMAGES, type Damage } from '../gen/damage.js';
import { generateReport, rng, type GeneratedReport } from '../gen/generate.js';
import { mixedOptions } from '../gen/options.js';
import { GRID_DAMAGES, HARD_GRID_DAMAGES, officialGrid, type GridDamage } from '../gen/layouts.js';
import { renderPdfs, soffice } from '../gen/pdf-render.js';
import { flagged } from './helpers.js';

const N = 476; // 17 kinds × 2 templates × 14, a second kind on ~60%

function report(seed: number): { g: GeneratedReport; kinds: Damage[] } {
  const r = rng(seed * 31 + 5);
  const kinds: Damage[] = [DAMAGES[seed % DAMAGES.length]!];
  if (r() < 0.6) kinds.push(DAMAGES[Math.floor(r() * DAMAGES.length)]!);
  const template = Math.floor(seed / DAMAGES.length) % 2 ? '2021' : '2019';
  return { g: generateReport(seed, { ...mixedOptions(seed), template, hybrid: false, damage: kinds }), kinds };
}

const same = (got: number | null | undefined, want: number | null) =>
  want === null ? got === null : got !== null && got !== undefined && Math.abs(got - want) < 1e-6;

function silentErrors(g: GeneratedReport, x: Extraction): string[] {
  return Object.entries(g.values)
    .filter(([id, want]) => !same(x.values[id], want) && !flagged(x, id))
    .map(([id, want]) => `${id}: ${want} read as ${x.values[id]}`);
}

describe('adversarial damage over generated reports', () => {
  it(`no silent error in ${N} damaged reports of both templates`, async () => {
    const silent: string[] = [];
    const seen = new Map<string, number>();
    let cells = 0;
    let wrongFlagged = 0;
    for (let seed = 1; seed <= N; seed++) {
      const { g, kinds } = report(seed);
      for (const k of kinds) seen.set(`${k}/${g.template}`, (seen.get(`${k}/${g.template}`) ?? 0) + 1);
      const x = await extractBytes(g.bytes, g.name);
      expect(x.template).toBe(g.template);
      for (const e of silentErrors(g, x)) silent.push(`seed ${seed} ${kinds.join('+')} ${g.layout}/${g.template}: ${e}`);
      cells += Object.keys(g.values).length;
      wrongFlagged += Object.entries(g.values).filter(([id, v]) => !same(x.values[id], v)).length;
    }
    expect(silent).toEqual([]);
    // every kind of damage on both templates, many times
    for (const k of DAMAGES) for (const t of ['2019', '2021']) expect(seen.get(`${k}/${t}`) ?? 0).toBeGreaterThanOrEqual(10);
    // the damage does bite: some cells are unreadable (and flagged) ...
    expect(wrongFlagged).toBeGreaterThan(100);
    // ... but most are read
    expect(wrongFlagged / cells).toBeLessThan(0.1);
  });

  it('reads benign damage exactly, with no flags', async () => {
    const bad: string[] = [];
    let n = 0;
    for (let seed = 1; seed <= N; seed++) {
      const { g, kinds } = report(seed);
      if (!kinds.every((k) => BENIGN.includes(k))) continue;
      n++;
      const x = await extractBytes(g.bytes, g.name);
      const wrong = Object.entries(g.values).filter(([id, v]) => !same(x.values[id], v));
      if (wrong.length || x.flags.length)
        bad.push(
          `seed ${seed} ${kinds.join('+')} ${g.layout}: ${wrong
            .slice(0, 3)
            .map(([id, v]) => `${id} ${v}→${x.values[id]}`)
            .join(', ')} ${x.flags.map((f) => f.kind).join(',')}`,
        );
    }
    expect(n).toBeGreaterThan(150);
    expect(bad).toEqual([]);
  });

  it('reads thousands separators (1,234 and 1，234) exactly', async () => {
    let big = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const g = generateReport(seed, { ...mixedOptions(seed), hybrid: false, damage: ['thousands'] });
      expect(g.text).toMatch(/\d[,，]\d{3}/);
      const x = await extractBytes(g.bytes, g.name);
      for (const [id, v] of Object.entries(g.values)) {
        expect(x.values[id], `seed ${seed} ${id}`).toBe(v);
        if (v !== null && v >= 1000) big++;
      }
      expect(x.flags).toEqual([]);
    }
    expect(big).toBeGreaterThan(200);
  });

  it('flags a row left out, a number broken by a space, and a second table with the same labels', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const g = generateReport(seed, { layout: 'tabs', template: seed % 2 ? '2019' : '2021', damage: ['missingRow'] });
      const x = await extractBytes(g.bytes, g.name);
      expect(g.missing?.length).toBe(1);
      // missing_row, or incomplete_row when a header cell (总计, 其他) bears its label
      expect(x.flags.some((f) => /^(missing|incomplete)_row$/.test(f.kind) && f.fields.includes(g.missing![0]!))).toBe(true);
    }
    // `1 2`: twelve, or one and two? not read, and flagged
    const s = generateReport(7, { layout: 'tabs', template: '2019', damage: ['strayspace'] });
    expect(s.text).toMatch(/\t\d[ \u3000]\d/);
    const xs = await extractBytes(s.bytes, s.name);
    expect(silentErrors(s, xs)).toEqual([]);
    expect(Object.entries(s.values).some(([id, v]) => !same(xs.values[id], v))).toBe(true);
  });

  it('does not let a stray number fill the place of a cell it cannot read', async () => {
    const g = generateReport(5, { layout: 'tabs', template: '2019' });
    const line = g.text.split('\n').find((l) => l.startsWith('行政许可'))!;
    const cells = line.split('\t');
    // `约8` is no number we read; the page number 30 on the next line must not become the third cell
    const text = g.text.replace(line, `${cells[0]}\t约8\t${cells[2]}\t${cells[3]}\n30`);
    const x = await extractBytes(Buffer.from(text), 'p.txt');
    expect(x.values['active.license.decisions']).toBeNull();
    expect(flagged(x, 'active.license.decisions', 'ambiguous')).toBe(true);
  });

  it('takes no number from a caption that names a row over another table', async () => {
    const g = generateReport(9, { layout: 'tabs', template: '2021' });
    const feeLine = g.text.split('\n').find((l) => l.startsWith('行政事业性收费'))!;
    const fees = ['行政事业性收费情况表', '收费项目\t收费依据\t金额（万元）', '不动产登记费\t国家标准\t12.5', '合计\t\t12.5'].join('\n');
    const text = g.text.replace(`${feeLine}\n`, '').replace('二、主动公开政府信息情况\n', `二、主动公开政府信息情况\n${fees}\n`);
    const x = await extractBytes(Buffer.from(text), 'fee.txt');
    expect(x.values['active.fee.amount_wan']).toBeNull();
    expect(flagged(x, 'active.fee.amount_wan')).toBe(true);
    expect(silentErrors(g, x)).toEqual([]);
  });

  it('does not drop a cell of a row whose numbers are all equal but one too many (a number split by a space)', async () => {
    const g = generateReport(11, { layout: 'tabs', template: '2019' });
    const line = g.text.split('\n').find((l) => l.startsWith('规章'))!;
    // 5 | 5 5 | 5: fifty-five in the middle, or three fives and a stray one?
    const x = await extractBytes(Buffer.from(g.text.replace(line, '规章\t5\t5 5\t5')), 'r.txt');
    expect(x.values['active.rules.published']).toBeNull();
    expect(flagged(x, 'active.rules.published', 'ambiguous')).toBe(true);
    // extra zero cells still read: every reading gives the same zeros
    const y = await extractBytes(Buffer.from(g.text.replace(line, '规章\t0\t0\t0\t0')), 'z.txt');
    expect([y.values['active.rules.made'], y.values['active.rules.published'], y.values['active.rules.total']]).toEqual([0, 0, 0]);
  });

  it('reads table 四 transposed (one row per outcome) by its header', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '\t行政复议\t行政诉讼',
      '\t\t未经复议直接起诉\t复议后起诉',
      '结果维持\t1\t2\t0',
      '结果纠正\t0\t1\t0',
      '其他结果\t0\t0\t3',
      '尚未审结\t1\t0\t0',
      '总计\t2\t3\t3',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const x = extractDocument({ format: 'txt', text: `三、收到和处理政府信息公开申请情况\n${text}`, grids: [], warnings: [] }, 't.txt');
    expect([1, 0, 0, 1, 2].map((_, i) => x.values[`review.reconsideration.${['upheld', 'corrected', 'other', 'pending', 'total'][i]}`])).toEqual([
      1, 0, 0, 1, 2,
    ]);
    expect(x.values['review.litigation_direct.upheld']).toBe(2);
    expect(x.values['review.litigation_direct.total']).toBe(3);
    expect(x.values['review.litigation_after.other']).toBe(3);
    expect(x.flags.filter((f) => f.fields.some((p) => p.startsWith('review')))).toEqual([]);
  });

  it('leaves a row printed twice with different numbers blank and flagged; a row repeated as is is read', async () => {
    const g = generateReport(3, { layout: 'tabs', template: '2019' });
    const line = g.text.split('\n').find((l) => l.includes('予以公开'))!;
    const other = line.replace(/\t(\d+)$/, (_, n: string) => `\t${Number(n) + 1}`).replace(/\t\d+\t/, (m) => `\t${Number(m.trim()) + 1}\t`);
    const x1 = await extractBytes(Buffer.from(g.text.replace(line, `${line}\n${line}`)), 'a.txt');
    expect(x1.values['requests.granted.total']).toBe(g.values['requests.granted.total']);
    expect(x1.flags).toEqual([]);
    const x2 = await extractBytes(Buffer.from(g.text.replace(line, `${other}\n${line}`)), 'b.txt');
    expect(x2.values['requests.granted.total']).toBeNull();
    expect(flagged(x2, 'requests.granted.total', 'ambiguous')).toBe(true);
  });

  it('grid damage (merged cells, dropped cells, swapped columns, merged headers, blanks) in Word, HTML and PDF: never a silent wrong value', async () => {
    const kinds: GridDamage[] = [...GRID_DAMAGES, ...HARD_GRID_DAMAGES];
    const silent: string[] = [];
    const seen = new Map<GridDamage, number>();
    let wrong = 0;
    let cells = 0;
    const check = (name: string, r: ReturnType<typeof officialGrid>, x: Extraction) => {
      expect([name, x.template]).toEqual([name, r.template]);
      for (const [id, want] of Object.entries(r.values)) {
        cells++;
        if (same(x.values[id] ?? null, want)) continue;
        wrong++;
        if (!flagged(x, id)) silent.push(`${name} ${id}: ${want} read as ${x.values[id]}`);
      }
    };
    for (let seed = 1; seed <= GRID_N; seed++)
      for (const format of ['docx', 'html'] as const) {
        const damage = kinds[(seed + (format === 'html' ? 3 : 0)) % kinds.length]!;
        seen.set(damage, (seen.get(damage) ?? 0) + 1);
        const r = officialGrid(seed, format, damage);
        check(r.name, r, await extractBytes(r.bytes, r.name));
      }
    // the same damage printed to PDF (LibreOffice), read through the PDF grids
    const printed = soffice ? kinds.map((k, i) => officialGrid(100 + i, 'html', k)) : [];
    const pdfs = renderPdfs(printed.map((r) => r.bytes)).map((pdf, i) => ({ r: printed[i]!, pdf }));
    for (const { r, pdf } of pdfs) check(`${r.name}.pdf`, r, await extractBytes(pdf, `${r.name}.pdf`));
    expect(silent).toEqual([]);
    for (const k of kinds) expect(seen.get(k) ?? 0).toBeGreaterThanOrEqual(GRID_N / kinds.length);
    expect(wrong).toBeGreaterThan(0); // the damage bites (a dropped cell cannot be read back)
    expect(wrong / cells).toBeLessThan(0.05);
    console.log(`grid damage: ${cells - wrong}/${cells} right, ${wrong} wrong and flagged, 0 silent (${pdfs.length} PDFs)`);
  }, 300_000);
});

const GRID_N = 48;
