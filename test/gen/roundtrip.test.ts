// Property test: extract(render(values)) == values over hundreds of
// generated reports in every layout/encoding, and a report whose total was
// deliberately broken never passes without the rule's flag.
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src-main/core/extract/index.js';
import { generateReport } from './generate.js';
import { mixedOptions } from './options.js';

const N = 320;

describe('round trip over generated reports', () => {
  it('generates the same report for the same seed, and different ones otherwise', () => {
    const a = generateReport(42, mixedOptions(42));
    const b = generateReport(42, mixedOptions(42));
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
    expect(a.values).toEqual(b.values);
    expect(generateReport(43, mixedOptions(43)).text).not.toBe(a.text);
  });

  it(`reads back every value of ${N} reports exactly, with no flags`, async () => {
    const failures: string[] = [];
    const layouts = new Map<string, number>();
    const titles = new Set<string>();
    for (let seed = 1; seed <= N; seed++) {
      const opts = mixedOptions(seed);
      const g = generateReport(seed, opts);
      const key = `${g.layout}/${g.encoding}${opts.traditional ? '/trad' : ''}`;
      layouts.set(key, (layouts.get(key) ?? 0) + 1);
      titles.add(opts.titleStyle ?? 'plain');
      const x = await extractBytes(g.bytes, g.name);
      const wrong = Object.entries(g.values).filter(([k, v]) => {
        const got = x.values[k];
        return v === null ? got !== null : got === null || got === undefined || Math.abs(got - v) > 1e-6;
      });
      const expectedFlags = g.hybrid ? ['hybrid_template'] : [];
      const meta = x.agency !== g.agency || x.year !== g.year || x.template !== g.template || x.publishedAt !== g.publishedAt;
      if (wrong.length || meta || x.flags.map((f) => f.kind).join() !== expectedFlags.join())
        failures.push(
          `seed ${seed} ${key}: ${wrong.length} wrong (${wrong
            .slice(0, 2)
            .map(([k]) => k)
            .join(', ')}), meta ${meta}, flags ${x.flags.map((f) => f.kind).join(',')}`,
        );
      // the number of fields is the template's
      expect(Object.keys(x.values).length).toBe(Object.keys(g.values).length);
    }
    expect(failures).toEqual([]);
    expect(layouts.size).toBeGreaterThan(12);
    expect(titles.size).toBe(6);
  });

  it('flags every deliberately broken total with its rule', async () => {
    const silent: string[] = [];
    for (let seed = 1001; seed <= 1150; seed++) {
      const g = generateReport(seed, { ...mixedOptions(seed), hybrid: false, breakTotal: true });
      const x = await extractBytes(g.bytes, g.name);
      // the broken number is kept as printed ...
      expect(x.values[g.broken!.field]).toBe(g.values[g.broken!.field]);
      // ... and named by a flag of its rule
      const hit = x.flags.some((f) => f.kind === 'rule' && f.rule === g.broken!.rule && f.fields.includes(g.broken!.field));
      if (!hit) silent.push(`seed ${seed}: ${g.broken!.field} ${g.broken!.rule}`);
    }
    expect(silent).toEqual([]);
  });
});
