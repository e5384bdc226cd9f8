// Reports stored with chosen values and text, checked as an import checks them
// (quality and cross-year: archive/derived.ts).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { REQUEST_COLUMNS, TEMPLATES, type TemplateId } from '../../src-main/core/catalogue/index.js';
import { openArchive, type Archive } from '../../src-main/core/archive/index.js';
import { refreshDerived } from '../../src-main/core/archive/derived.js';
import { insertFile, insertReport } from '../../src-main/core/archive/store.js';
import { tmp } from './helpers.js';

export const archive = () => openArchive(join(tmp('nb-xyear-'), 'a.sqlite'), { create: true, workers: 1 });
export const COLS = REQUEST_COLUMNS.map((c) => c.id);

/** Every field of the template 0 (consistent: R1–R4 hold), then `set`. */
export function values(template: TemplateId, set: Record<string, number> = {}): Record<string, number | null> {
  const v: Record<string, number | null> = {};
  for (const f of TEMPLATES[template].fields) v[f.id] = 0;
  return { ...v, ...set };
}

let n = 0;
/** Store one source (its own text) and run the checks, as an import does. */
export function put(
  a: Archive,
  agency: string,
  year: number,
  vals: Record<string, number | null>,
  opts: { template?: TemplateId; text?: string; publishedAt?: string } = {},
): number {
  const template = opts.template ?? (year >= 2021 ? '2021' : '2019');
  const text = `${opts.text ?? `${agency}${year}年政府信息公开工作年度报告`}${' '.repeat(++n)}`;
  const sha256 = createHash('sha256').update(text).digest('hex');
  return a.db.transaction(() => {
    const fileId = insertFile(a.db, { sha256, name: `${n}.txt`, originalPath: `/x/${n}.txt`, size: text.length, mtime: null, format: 'txt', text }, null);
    const { reportId } = insertReport(
      a.db,
      fileId,
      { file: `${n}.txt`, agency, year, template, publishedAt: opts.publishedAt ?? null, values: vals, flags: [], cells: {} },
      'test-1',
    );
    refreshDerived(a.db, [reportId]);
    return reportId;
  })();
}
