// The five seed reports must match their hand-read ground truth exactly:
// every stated value equal, every null of an incomplete row null AND flagged.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src-main/core/extract/index.js';
import { haveSeeds, SEEDS } from '../seeds.js';

// ground truth copied from shared/seeds/expected (the shared folder is not on CI)
const EXPECTED = join(SEEDS, 'expected');
const files = haveSeeds ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')) : [];
let haveTruth = true;
try {
  readdirSync(EXPECTED);
} catch {
  haveTruth = false;
}

describe.skipIf(!haveSeeds)('seed reports', () => {
  it.skipIf(!haveTruth)('has the seed fixtures', () => expect(files.length).toBe(5));
  for (const f of files) {
    it.skipIf(!haveTruth)(`${f} matches its ground truth`, async () => {
      const truth = JSON.parse(readFileSync(join(EXPECTED, f.replace('.txt', '.json')), 'utf8'));
      const x = await extractFile(join(SEEDS, f));
      expect(x.error).toBeUndefined();
      expect(x.agency).toBe(truth.agency);
      expect(x.year).toBe(truth.year);
      expect(x.template).toBe(truth.template);
      const flagged = (id: string) => x.flags.some((fl) => fl.fields.some((p) => id === p || id.startsWith(`${p}.`)));
      const incomplete = new Set<string>(truth.incomplete_rows ?? []);
      for (const [id, want] of Object.entries(truth.values as Record<string, number | null>)) {
        const row = id.split('.').slice(0, 2).join('.');
        if (want === null && incomplete.has(row)) {
          expect(x.values[id], id).toBeNull();
          expect(flagged(id), `${id} flagged`).toBe(true);
        } else if (want === null) expect(x.values[id], id).toBeNull();
        else expect(x.values[id], id).toBeCloseTo(want, 6);
      }
      // nothing flagged beyond the incomplete rows: every rule holds in the seeds
      expect(x.flags.filter((fl) => fl.kind === 'rule')).toEqual([]);
      // every value points at its source text
      for (const [id, c] of Object.entries(x.cells)) {
        const text = readFileSync(join(SEEDS, f), 'utf8');
        expect(text.slice(c.start, c.end), id).toBe(c.raw);
      }
    });
  }
});
