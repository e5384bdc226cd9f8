// Which cells of a report carry a marker (corrected / flagged) and the note
// that explains it. A flag may name a field, a row (`requests.granted`) or a
// table (`review`); it marks every field under that prefix.
import { fieldLabel, flagCoversField } from '../catalogue/index.js';
import { flagNote } from './labels.js';
import { flagStatusWords } from '../wording/quality.js';
import type { ExportFlag, ExportReport, Lang } from './types.js';
import { describeFlag } from '../validate/describe.js';

/** flagged: an open check · corrected: changed by an archivist · resolved: checks accepted or fixed elsewhere. */
export type MarkKind = 'flagged' | 'corrected' | 'resolved';

export interface CellMark {
  kind: MarkKind;
  note: string;
}

export { targetLabel } from '../catalogue/index.js';

export function flagCovers(flag: ExportFlag, fieldId: string): boolean {
  return flagCoversField(flag.fields, fieldId);
}

function fmt(v: number | null | undefined, lang: Lang): string {
  return v === null || v === undefined ? (lang === 'zh' ? '（空）' : '(blank)') : String(v);
}

function flagLine(f: ExportFlag, lang: Lang): string {
  const zh = lang === 'zh';
  const parts = [describeFlag(f, lang)];
  // R1–R4 are worded with both sums already; other checks (X1, X2 ...) get them here.
  if ((f.expected !== undefined || f.found !== undefined) && !/^R[1-4]$/.test(f.rule ?? ''))
    parts.push(zh ? `应为 ${fmt(f.expected, lang)}，实为 ${fmt(f.found, lang)}` : `expected ${fmt(f.expected, lang)}, found ${fmt(f.found, lang)}`);
  const note = flagNote(f, lang);
  parts.push(`[${flagStatusWords(f.status, f, lang)}${note ? `${zh ? '：' : ': '}${note}` : ''}]`);
  return parts.join(zh ? '；' : '; ');
}

/**
 * Marks for every field of the report that has one. An open flag wins over a
 * correction (the cell still needs attention), a correction over an accepted
 * or fixed flag; the note always tells the whole story.
 */
export function cellMarks(report: ExportReport, fieldIds: Iterable<string>, lang: Lang): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  const zh = lang === 'zh';
  const hasFlags = report.flags.length > 0;
  const hasCorrections = Object.keys(report.corrected).length > 0;
  if (!hasFlags && !hasCorrections) return marks;
  for (const id of fieldIds) {
    const flags = hasFlags ? report.flags.filter((f) => flagCovers(f, id)) : [];
    const corr = report.corrected[id];
    if (!flags.length && !corr) continue;
    const lines: string[] = [];
    if (corr) {
      lines.push(zh ? `已更正：原值 ${fmt(corr.old, lang)} → ${fmt(corr.new, lang)}` : `Corrected: was ${fmt(corr.old, lang)}, now ${fmt(corr.new, lang)}`);
      if (corr.note) lines.push(zh ? `说明：${corr.note}` : `Note: ${corr.note}`);
      lines.push(zh ? `时间：${corr.at}` : `At: ${corr.at}`);
    }
    for (const f of flags) lines.push((zh ? '校验：' : 'Check: ') + flagLine(f, lang));
    const kind: MarkKind = flags.some((f) => f.status === 'open') ? 'flagged' : corr ? 'corrected' : 'resolved';
    marks.set(id, { kind, note: `${fieldLabel(id, lang)}\n${lines.join('\n')}` });
  }
  return marks;
}

export const openFlagCount = (r: ExportReport): number => r.flags.filter((f) => f.status === 'open').length;
