// Small hand-made reports for quirk tests: a generated tab-layout report
// with chosen rows rewritten.
import { extractDocument } from '../../src-main/core/extract/index.js';
import type { Extraction } from '../../src-main/core/model.js';
import { generateReport, type GenOptions } from '../gen/generate.js';

export function base(seed: number, opts: GenOptions = {}) {
  return generateReport(seed, { layout: 'tabs', template: '2019', ...opts });
}

/** Replace the cells after the label cell containing `label` on its line. */
export function withRow(text: string, label: string, cells: string[]): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.split('\t').some((c) => c.includes(label)));
  if (i < 0) throw new Error(`no row ${label}`);
  const parts = lines[i]!.split('\t');
  const at = parts.findIndex((c) => c.includes(label));
  lines[i] = [...parts.slice(0, at + 1), ...cells].join('\t');
  return lines.join('\n');
}

export function extractText(text: string): Extraction {
  return extractDocument({ format: 'txt', text, grids: [], warnings: [] }, 'test.txt');
}

export const flagged = (x: Extraction, id: string, kind?: string) =>
  x.flags.some((f) => (!kind || f.kind === kind) && f.fields.some((p) => id === p || id.startsWith(`${p}.`)));
