// Tidy long format for analysts: one line per (report, field). CSV is UTF-8
// with a BOM so Excel opens the Chinese right; JSON is an array of records.
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { TEMPLATES, fieldLabel } from '../catalogue/index.js';
import { flagCovers } from './marks.js';
import { csvField } from './text.js';
import type { ExportReport, Lang } from './types.js';

export interface TidyRow {
  report_id: number | string;
  province: string | null;
  city: string | null;
  county: string | null;
  agency: string;
  year: number;
  template: string;
  status: string;
  field_id: string;
  field_label: string;
  value: number | null;
  corrected: boolean;
  original_value: number | null;
  flagged: boolean;
  flag_messages: string;
}

export const TIDY_COLUMNS: (keyof TidyRow)[] = [
  'report_id',
  'province',
  'city',
  'county',
  'agency',
  'year',
  'template',
  'status',
  'field_id',
  'field_label',
  'value',
  'corrected',
  'original_value',
  'flagged',
  'flag_messages',
];

/** Every field of the report's template, blank ones included (value null = not stated). */
export function* tidyRows(reports: ExportReport[], lang: Lang = 'zh'): Generator<TidyRow> {
  const labels = new Map<string, string>();
  const label = (id: string) => labels.get(id) ?? (labels.set(id, fieldLabel(id, lang)), labels.get(id)!);
  for (const r of reports) {
    const openFlags = r.flags.filter((fl) => fl.status === 'open');
    for (const f of TEMPLATES[r.template].fields) {
      const corr = r.corrected[f.id];
      const open = openFlags.length ? openFlags.filter((fl) => flagCovers(fl, f.id)) : openFlags;
      yield {
        report_id: r.id,
        province: r.region.province,
        city: r.region.city,
        county: r.region.county,
        agency: r.agency,
        year: r.year,
        template: r.template,
        status: r.status,
        field_id: f.id,
        field_label: label(f.id),
        value: r.values[f.id] ?? null,
        corrected: !!corr,
        original_value: corr ? corr.old : null,
        flagged: open.length > 0,
        flag_messages: open.map((fl) => (fl.rule ? `${fl.rule}: ${fl.message}` : fl.message)).join(' | '),
      };
    }
  }
}

/** Writes through a temporary file; returns the number of data lines. */
export async function writeTidy(reports: ExportReport[], format: 'csv' | 'json', out: string, lang: Lang = 'zh'): Promise<{ file: string; rows: number; bytes: number }> {
  const tmp = `${out}.part-${process.pid}`;
  const ws = createWriteStream(tmp, { encoding: 'utf8' });
  let rows = 0;
  let buf = '';
  const flush = async (force = false) => {
    if (buf.length < 1 << 16 && !force) return;
    if (!ws.write(buf)) await once(ws, 'drain');
    buf = '';
  };
  try {
    if (format === 'csv') {
      buf += `\uFEFF${TIDY_COLUMNS.join(',')}\r\n`;
      for (const row of tidyRows(reports, lang)) {
        buf += `${TIDY_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;
        rows++;
        await flush();
      }
    } else {
      buf += '[';
      for (const row of tidyRows(reports, lang)) {
        buf += `${rows ? ',' : ''}\n${JSON.stringify(row)}`;
        rows++;
        await flush();
      }
      buf += '\n]\n';
    }
    await flush(true);
    ws.end();
    await once(ws, 'finish');
    await rename(tmp, out);
  } catch (err) {
    ws.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
  return { file: out, rows, bytes: (await stat(out)).size };
}
