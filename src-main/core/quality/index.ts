// Quality checks an assessor of 政务公开 makes on a report (质量问题): late
// publication, copied text, a missing or empty section, years that disagree,
// prose figures that contradict the tables. Pure checks here; store.ts runs
// them over the archive (flags of source 'quality', accepted like any flag,
// never making a report 'flagged' or blocking 已核实).
import type { TemplateId } from '../catalogue/index.js';
import { checkLate } from './late.js';
import { checkProse } from './prose.js';
import { checkSections } from './sections.js';
import type { PreparedText } from './text.js';
import type { AgencyKind, Finding, QualitySettings } from './types.js';
import { checkYear } from './year.js';

export * from './types.js';
export { agencyKindOf, daysLate, deadlineFor } from './late.js';
export { PROSE_FIELDS } from './prose.js';
export { prepareText, splitSections } from './text.js';

export interface ReportForCheck {
  year: number | null;
  template: TemplateId | null;
  publishedAt: string | null;
  agencyKind: AgencyKind;
  values: Record<string, number | null>;
}

/** Every check but copied_text (which needs the archive: store.ts). */
export function checkReport(p: PreparedText, r: ReportForCheck, s: QualitySettings): Finding[] {
  const out: Finding[] = [];
  const late = checkLate(r.year, r.publishedAt, r.agencyKind, s);
  if (late) out.push(late);
  out.push(...checkSections(p, r.template), ...checkYear(p, r.year), ...checkProse(p, r.year, r.values));
  return out;
}
