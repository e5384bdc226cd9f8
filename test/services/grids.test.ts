// The viewer's grid view: a Word (docx), HTML or spreadsheet report's own
// tables re-read from the archived original; each cell's offsets are the
// stored text's, so the grid cell under a value's span holds that value.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchivePort } from '../../src-main/services/adapter.js';
import { createServices } from '../../src-main/services/index.js';
import { filesDirOf } from '../../src-main/core/archive/files.js';
import { generateReport } from '../gen/generate.js';

const OFFICE = resolve(import.meta.dirname, '../fixtures/office');

describe('reports.grids (the original as its tables)', () => {
  let s: Awaited<ReturnType<typeof createServices>>;
  let archivePath = '';
  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'nianbao-grids-'));
    const dir = join(tmp, 'in');
    mkdirSync(dir);
    copyFileSync(join(OFFICE, 'dongguan-2020.docx'), join(dir, 'dongguan-2020.docx'));
    const g = generateReport(3, { layout: 'html', template: '2021' });
    writeFileSync(join(dir, g.name), g.bytes);
    archivePath = join(tmp, 'a.nianbao');
    s = await createServices({ openArchive: openArchivePort, archivePath, bridge: 'web' });
    await s.jobs.wait((await s.call('import.start', { folder: dir })).jobId);
  });
  afterAll(() => s?.close());

  it('a docx and an html report: every value read from a grid cell sits in the grid cell its offsets name', async () => {
    const { items } = await s.call('reports.list', { limit: 10 });
    expect(items.map((r) => r.format).sort()).toEqual(['docx', 'html']);
    for (const r of items) {
      const d = await s.call('reports.get', { id: r.id });
      const { text } = await s.call('reports.text', { id: r.id });
      const g = await s.call('reports.grids', { id: r.id });
      expect(g.format).toBe(r.format);
      expect(g.grids.length).toBeGreaterThanOrEqual(3);
      const cells = g.grids.flatMap((x) => x.rows.flat()).filter((c) => !c.covered);
      // the grid's offsets are the stored text's
      for (const c of cells.slice(0, 200)) expect(text.slice(c.start, c.end).trim()).toBe(c.text.trim());
      const total = d.cells['requests.total.total']!;
      const under = cells.filter((c) => c.start < total.end && c.end > total.start);
      expect(under).toHaveLength(1);
      expect(Number(under[0]!.text.trim())).toBe(d.values['requests.total.total']);
    }
  });

  it('a second view answers the same grids; a changed stored original is read again', async () => {
    const { items } = await s.call('reports.list', { limit: 10 });
    const html = items.find((r) => r.format === 'html')!;
    const first = await s.call('reports.grids', { id: html.id });
    expect(await s.call('reports.grids', { id: html.id })).toEqual(first);
    // the cache is keyed by content: an archived copy rewritten (a repair, a restore) is never shown from memory
    const sha = createHash('sha256')
      .update(Buffer.from((await s.call('reports.original', { id: html.id })).data, 'base64'))
      .digest('hex');
    const stored = join(filesDirOf(archivePath), sha.slice(0, 2), sha.slice(2));
    const cell = first.grids.flatMap((x) => x.rows.flat()).find((c) => !c.covered && /^\d+$/.test(c.text.trim()))!;
    const text = readFileSync(stored, 'utf8');
    writeFileSync(stored, text.replace(`>${cell.text.trim()}<`, '>7654321<'));
    const again = await s.call('reports.grids', { id: html.id });
    expect(again.grids.flatMap((x) => x.rows.flat()).some((c) => c.text.trim() === '7654321')).toBe(true);
    writeFileSync(stored, text);
  });

  it('a format without grids answers none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-grids-txt-'));
    const g = generateReport(4, { layout: 'tabs' });
    writeFileSync(join(dir, g.name), g.bytes);
    await s.jobs.wait((await s.call('import.start', { folder: dir })).jobId);
    const id = (await s.call('reports.list', { agency: g.agency })).items.find((r) => r.format === 'txt')!.id;
    expect(await s.call('reports.grids', { id })).toEqual({ id, format: 'txt', grids: [] });
  });
});
