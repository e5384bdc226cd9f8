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

interface Lines {
  head: string;
  /** One report's lines; the constant parts are built once per report and per field. */
  report(r: ExportReport): string;
  sep: (first: boolean) => string;
  tail: string;
}

function lines(format: 'csv' | 'json', lang: Lang): Lines {
  const fieldParts = new Map<string, string[]>();
  const fieldPart = (r: ExportReport) => {
    let parts = fieldParts.get(r.template);
    if (!parts) {
      parts = TEMPLATES[r.template].fields.map((f) =>
        format === 'csv' ? `${csvField(f.id)},${csvField(fieldLabel(f.id, lang))}` : `"field_id":${JSON.stringify(f.id)},"field_label":${JSON.stringify(fieldLabel(f.id, lang))}`,
      );
      fieldParts.set(r.template, parts);
    }
    return parts;
  };
  const report = (r: ExportReport): string => {
    const meta = [r.id, r.region.province, r.region.city, r.region.county, r.agency, r.year, r.template, r.status] as const;
    const prefix =
      format === 'csv'
        ? meta.map((v) => csvField(v)).join(',')
        : TIDY_COLUMNS.slice(0, 8)
            .map((k, i) => `${JSON.stringify(k)}:${JSON.stringify(meta[i] ?? null)}`)
            .join(',');
    const parts = fieldPart(r);
    const open = r.flags.filter((fl) => fl.status === 'open');
    const marked = open.length > 0 || Object.keys(r.corrected).length > 0;
    let out = '';
    TEMPLATES[r.template].fields.forEach((f, i) => {
      const v = r.values[f.id] ?? null;
      let corrected = false;
      let original: number | null = null;
      let msgs = '';
      if (marked) {
        const corr = r.corrected[f.id];
        if (corr) {
          corrected = true;
          original = corr.old;
        }
        const hits = open.filter((fl) => flagCovers(fl, f.id));
        msgs = hits.map((fl) => (fl.rule ? `${fl.rule}: ${fl.message}` : fl.message)).join(' | ');
      }
      const flagged = msgs !== '';
      if (format === 'csv') out += `${prefix},${parts[i]},${v ?? ''},${corrected},${original ?? ''},${flagged},${csvField(msgs)}\r\n`;
      else
        out += `${out ? ',' : ''}\n{${prefix},${parts[i]},"value":${v ?? 'null'},"corrected":${corrected},"original_value":${original ?? 'null'},"flagged":${flagged},"flag_messages":${JSON.stringify(msgs)}}`;
    });
    return out;
  };
  return format === 'csv'
    ? { head: `\uFEFF${TIDY_COLUMNS.join(',')}\r\n`, report, sep: () => '', tail: '' }
    : { head: '[', report, sep: (first) => (first ? '' : ','), tail: '\n]\n' };
}

/** Writes through a temporary file; returns the number of data lines. */
export async function writeTidy(reports: ExportReport[], format: 'csv' | 'json', out: string, lang: Lang = 'zh'): Promise<{ file: string; rows: number; bytes: number }> {
  const tmp = `${out}.part-${process.pid}`;
  const ws = createWriteStream(tmp, { encoding: 'utf8' });
  const L = lines(format, lang);
  let rows = 0;
  let buf = L.head;
  try {
    for (let i = 0; i < reports.length; i++) {
      const r = reports[i]!;
      buf += L.sep(i === 0) + L.report(r);
      rows += TEMPLATES[r.template].fields.length;
      if (buf.length > 1 << 20) {
        if (!ws.write(buf)) await once(ws, 'drain');
        buf = '';
      }
    }
    ws.write(buf + L.tail);
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
