// Tidy long format for analysts: one line per (report, field). CSV is UTF-8
// with a BOM so Excel opens the Chinese right; JSON is an array of records.
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { TEMPLATES, fieldLabel } from '../catalogue/index.js';
import { flagCovers } from './marks.js';
import { csvField } from './text.js';
import type { ExportFlag, ExportFlagStatus, ExportReport, Lang } from './types.js';
import { flagNote, reportNumber } from './labels.js';
import { flagText } from '../wording/flags.js';
import { guardedStream, partOf, writeFailure } from './output.js';

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
  /** The report number an archivist quotes (agency-year-version). */
  report_number: string;
  /** How the checks on this cell stand: '' (none), open, accepted (原文如此) or fixed — the worst of them. */
  check_status: '' | ExportFlagStatus;
  /** Why checks on this cell were accepted: the archivist's notes (or the report verified as a whole). */
  acceptance_notes: string;
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
  'report_number',
  'check_status',
  'acceptance_notes',
];

const RANK: Record<ExportFlagStatus, number> = { open: 3, accepted: 2, fixed: 1 };

/** The checks covering one field: worst status, open messages (worded), acceptance notes. */
function checksOf(flags: ExportFlag[], id: string, lang: Lang): { status: '' | ExportFlagStatus; messages: string; notes: string } {
  let status: '' | ExportFlagStatus = '';
  const messages: string[] = [];
  const notes: string[] = [];
  for (const fl of flags) {
    if (!flagCovers(fl, id)) continue;
    if (!status || RANK[fl.status] > RANK[status]) status = fl.status;
    if (fl.status === 'open') messages.push(flagText(fl, lang));
    const note = flagNote(fl, lang);
    if (note && !notes.includes(note)) notes.push(note);
  }
  return { status, messages: messages.join(' | '), notes: notes.join(' | ') };
}

/** Every field of the report's template, blank ones included (value null = not stated). */
export function* tidyRows(reports: ExportReport[], lang: Lang = 'zh'): Generator<TidyRow> {
  const labels = new Map<string, string>();
  const label = (id: string) => labels.get(id) ?? (labels.set(id, fieldLabel(id, lang)), labels.get(id)!);
  for (const r of reports) {
    const number = reportNumber(r, lang);
    for (const f of TEMPLATES[r.template].fields) {
      const corr = r.corrected[f.id];
      const checks = r.flags.length ? checksOf(r.flags, f.id, lang) : { status: '' as const, messages: '', notes: '' };
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
        flagged: checks.status === 'open',
        flag_messages: checks.messages,
        report_number: number,
        check_status: checks.status,
        acceptance_notes: checks.notes,
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
        format === 'csv'
          ? `${csvField(f.id)},${csvField(fieldLabel(f.id, lang))}`
          : `"field_id":${JSON.stringify(f.id)},"field_label":${JSON.stringify(fieldLabel(f.id, lang))}`,
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
    const marked = r.flags.length > 0 || Object.keys(r.corrected).length > 0;
    const number = format === 'csv' ? csvField(reportNumber(r, lang)) : JSON.stringify(reportNumber(r, lang));
    let out = '';
    TEMPLATES[r.template].fields.forEach((f, i) => {
      const v = r.values[f.id] ?? null;
      let corrected = false;
      let original: number | null = null;
      let msgs = '';
      let status: '' | ExportFlagStatus = '';
      let notes = '';
      if (marked) {
        const corr = r.corrected[f.id];
        if (corr) {
          corrected = true;
          original = corr.old;
        }
        const c = checksOf(r.flags, f.id, lang);
        (msgs = c.messages), (status = c.status), (notes = c.notes);
      }
      const flagged = status === 'open';
      const num = (x: number | null) => (x !== null && Number.isFinite(x) ? String(x) : format === 'csv' ? '' : 'null');
      if (format === 'csv')
        out += `${prefix},${parts[i]},${num(v)},${corrected},${num(original)},${flagged},${csvField(msgs)},${number},${status},${csvField(notes)}\r\n`;
      else
        out += `${out ? ',' : ''}\n{${prefix},${parts[i]},"value":${num(v)},"corrected":${corrected},"original_value":${num(original)},"flagged":${flagged},"flag_messages":${JSON.stringify(msgs)},"report_number":${number},"check_status":${JSON.stringify(status)},"acceptance_notes":${JSON.stringify(notes)}}`;
    });
    return out;
  };
  return format === 'csv'
    ? { head: `\uFEFF${TIDY_COLUMNS.join(',')}\r\n`, report, sep: () => '', tail: '' }
    : { head: '[', report, sep: (first) => (first ? '' : ','), tail: '\n]\n' };
}

/** Writes through a temporary file; returns the number of data lines. */
export async function writeTidy(
  reports: ExportReport[],
  format: 'csv' | 'json',
  out: string,
  lang: Lang = 'zh',
): Promise<{ file: string; rows: number; bytes: number }> {
  const tmp = partOf(out);
  const file = guardedStream(tmp, (f) => createWriteStream(f, { encoding: 'utf8' }));
  const ws = file.stream;
  const L = lines(format, lang);
  let rows = 0;
  let buf = L.head;
  try {
    for (let i = 0; i < reports.length; i++) {
      const r = reports[i]!;
      buf += L.sep(i === 0) + L.report(r);
      rows += TEMPLATES[r.template].fields.length;
      if (buf.length > 1 << 20) {
        if (!ws.write(buf)) await file.guard(once(ws, 'drain'));
        buf = '';
      }
    }
    ws.write(buf + L.tail);
    ws.end();
    await file.guard(once(ws, 'finish'));
    await file.closed();
    await rename(tmp, out);
  } catch (err) {
    ws.destroy();
    await rm(tmp, { force: true });
    throw writeFailure(err, out);
  }
  return { file: out, rows, bytes: (await stat(out)).size };
}
