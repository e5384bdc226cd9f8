// Test helper: check a document's text path — every template row of table 三
// on one line, its last seven tab-separated cells the expected numbers.
import { expect } from 'vitest';
import { REQUEST_COLUMNS, rowsOfTable } from '../../src-main/core/catalogue/index.js';
import type { Expected } from './report-tables.js';

const norm = (s: string) => s.replace(/[\s“”"、，,（）()]/g, '');

export function checkRequestLines(text: string, e: Expected): number {
  const lines = text.split('\n');
  let checked = 0;
  for (const row of rowsOfTable(e.template, 'requests')) {
    if (e.values[`${row.id}.person`] === undefined) continue;
    if (e.values[`${row.id}.person`] === null && (e.incomplete_rows ?? []).includes(row.id)) continue;
    const key = row.id.endsWith('.total') ? '七总计' : norm(row.label.zh === '其他' ? '3其他' : row.label.zh).slice(0, 6);
    const hits = lines.filter((l) => l.includes('\t') && norm(l).includes(key));
    const line = row.id.endsWith('.total') ? hits[hits.length - 1] : hits[0];
    expect(line, row.id).toBeDefined();
    const cells = line!.split('\t').slice(-7);
    expect(cells, row.id).toEqual(REQUEST_COLUMNS.map((c) => String(e.values[`${row.id}.${c.id}`] ?? '')));
    checked++;
  }
  return checked;
}
