import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText, csvField, writeWorkbook } from '../../src-main/core/export/index.js';
import { seedReports } from './fixtures.js';
import { cell, findRow, noteOf, readBook } from './read.js';
import { haveSeeds } from '../seeds.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!haveSeeds)('text from reports', () => {
  it('drops characters XML forbids and keeps the rest', () => {
    expect(cellText('A\u0001B\u0008C\tD\nE\uFFFE')).toBe('ABC\tD\nE');
    expect(cellText('x\uD800y')).toBe('xy'); // a lone surrogate
    expect(cellText('商務(wù)局 😀')).toBe('商務(wù)局 😀');
    expect(cellText('a'.repeat(40_000)).length).toBe(32_767);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField(' a')).toBe('" a"');
  });

  it('writes a workbook whose every XML part is well-formed even with control characters in the input', async () => {
    const reports = seedReports();
    reports[0]!.agency = 'A\u0001局\u001F';
    // a check worded in Chinese where it was made (as the export's own checks are), with characters XML forbids
    reports[0]!.flags.push({ kind: 'custom_check', fields: ['active.rules.made'], message: '坏 \u0000 单元格 \uD800 文本 <b>&lt;', status: 'open' });
    const file = join(dir, 'ctl.xlsx');
    await writeWorkbook(reports, { archiveName: 'ctl\u0002.sqlite', generatedAt: '2026-11-22T22:00:00Z', lang: 'zh' }, { kind: 'year', year: 2020 }, file);
    const zip = unzipSync(readFileSync(file));
    const errors: string[] = [];
    for (const [name, bytes] of Object.entries(zip)) {
      if (!/\.(xml|rels|vml)$/.test(name)) continue;
      new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(`${name}: ${msg}`)) }).parseFromString(strFromU8(bytes), 'text/xml');
    }
    expect(errors).toEqual([]);
    const wb = readBook(file);
    const act = wb.Sheets['主动公开']!;
    const row = findRow(act, 2, 'A局');
    expect(row).toBeGreaterThan(0);
    expect(noteOf(cell(act, row, 6))).toContain('坏  单元格  文本 <b>&lt;');
  });
});
