// Generated reports in the layouts issue 12 adds (test/gen/layouts.ts):
// markdown pipe tables with a blank 总计 column, and the official layout as
// Word and HTML grids with grid damage. Every field right or flagged (0
// silent), and ≥ 99.5 % of cells right.
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src-main/core/extract/index.js';
import type { Extraction } from '../../src-main/core/model.js';
import { GRID_DAMAGES, officialGrid, pipeBlankTotal, type LayoutReport } from '../gen/layouts.js';
import { flagged } from './helpers.js';

const same = (got: number | null | undefined, want: number | null) =>
  want === null ? got === null || got === undefined : got !== null && got !== undefined && Math.abs(got - want) < 1e-6;

function score(rs: { r: LayoutReport; x: Extraction }[]) {
  let cells = 0;
  let right = 0;
  const silent: string[] = [];
  for (const { r, x } of rs) {
    expect([r.name, x.template]).toEqual([r.name, r.template]);
    for (const [id, want] of Object.entries(r.values)) {
      cells++;
      if (same(x.values[id], want)) right++;
      else if (!flagged(x, id)) silent.push(`${r.name} ${id}: ${want} read as ${x.values[id]}`);
    }
  }
  return { cells, right, silent };
}

describe('generated layouts of issue 12', () => {
  it('pipe tables with a blank 总计 column: ≥ 99.5 % right, 0 silent', async () => {
    const rs = [];
    for (let seed = 1; seed <= 40; seed++) {
      const r = pipeBlankTotal(seed);
      rs.push({ r, x: await extractBytes(r.bytes, r.name) });
    }
    const blanks = rs.reduce((n, { r }) => n + Object.entries(r.values).filter(([id, v]) => v === null && id.endsWith('.total')).length, 0);
    expect(blanks).toBeGreaterThan(40 * 15); // the damage is there
    const s = score(rs);
    expect(s.silent).toEqual([]);
    expect(s.right / s.cells).toBeGreaterThanOrEqual(0.995);
  });

  it('official-layout Word and HTML grids with grid damage: ≥ 99.5 % right, 0 silent', async () => {
    const rs = [];
    for (let seed = 1; seed <= 24; seed++)
      for (const format of ['docx', 'html'] as const) {
        const r = officialGrid(seed, format, GRID_DAMAGES[seed % GRID_DAMAGES.length]!);
        const x = await extractBytes(r.bytes, r.name);
        for (const id of r.doubtful) if (!same(x.values[id], r.values[id] ?? null)) expect([id, flagged(x, id)]).toEqual([id, true]);
        rs.push({ r: { ...r, values: Object.fromEntries(Object.entries(r.values).filter(([id]) => !r.doubtful.includes(id))) }, x });
      }
    const s = score(rs);
    expect(s.silent).toEqual([]);
    expect(s.right / s.cells).toBeGreaterThanOrEqual(0.995);
    console.log(`official grids: ${s.right}/${s.cells} right (${((100 * s.right) / s.cells).toFixed(2)} %), ${s.silent.length} silent`);
  });
});
