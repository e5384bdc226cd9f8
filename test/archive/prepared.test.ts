// R1–R4 run once per import: the worker's prepareReport takes the rule flags
// extract computed, and must store exactly what checking again would.
import { describe, expect, it } from 'vitest';
import { prepareReport } from '../../src-main/core/archive/store.js';
import { extractBytes } from '../../src-main/core/extract/index.js';
import { generateReport } from '../gen/generate.js';

describe('prepareReport reuses the extraction’s R1–R4 flags', () => {
  it('stores the same rows as checking the values again, with and without failing rules', async () => {
    let ruleFlags = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const g = generateReport(seed, { template: seed % 2 ? '2019' : '2021', breakTotal: seed > 2, hybrid: seed === 6 });
      const ex = await extractBytes(g.bytes, g.name);
      const once = prepareReport(ex, true);
      expect(once).toEqual(prepareReport(ex));
      ruleFlags += once.flags.filter((v) => v === 'rules').length;
    }
    expect(ruleFlags).toBeGreaterThanOrEqual(4); // the broken totals were caught, from the extraction's own flags
  });

  it('checks again an extraction whose values changed after extract', async () => {
    const g = generateReport(7, { template: '2021' });
    const ex = await extractBytes(g.bytes, g.name);
    expect(ex.flags.some((f) => f.kind === 'rule')).toBe(false);
    const total = Object.keys(ex.values).find((k) => k.startsWith('requests.') && k.endsWith('.total') && ex.values[k] !== null)!;
    ex.values[total] = ex.values[total]! + 1;
    expect(prepareReport(ex).flags.filter((v) => v === 'rules').length).toBeGreaterThan(0);
  });
});
