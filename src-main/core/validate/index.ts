// Consistency rules R1–R4 (勾稽关系), driven by the catalogue's expanded
// checks. Works on values alone, so the archive can re-run it after a user's
// correction. A check with a null operand is skipped (the report did not state
// it; the gap is flagged elsewhere), except optional fields, which count as 0.
import { SPLIT_FIELDS, TEMPLATES, type TemplateId } from '../catalogue/index.js';
import type { Flag } from '../model.js';

const EPS = 1e-6;

export function validate(values: Record<string, number | null | undefined>, template: TemplateId): Flag[] {
  const flags: Flag[] = [];
  const t = TEMPLATES[template];
  for (const check of t.checks) {
    const opt: readonly string[] = check.optional;
    let ok = true;
    const sum = (ids: string[]) => {
      let s = 0;
      for (const id of ids) {
        // （六）其他处理 printed as a subtotal above its three 2021 sub-rows:
        // the rows are alternatives, never both counted.
        if (check.rule === 'R2' && subRowsPresent(values, id)) continue;
        const v = values[id];
        if (v === null || v === undefined) {
          if (opt.includes(id) || hybridZero(values, id)) continue;
          ok = false;
          return 0;
        }
        s += v;
      }
      return s;
    };
    const left = sum(check.left);
    const right = sum(check.right);
    if (!ok) continue;
    if (Math.abs(left - right) > EPS) {
      const fields = [...check.left, ...check.right].filter((id) => values[id] !== null && values[id] !== undefined);
      flags.push({
        kind: 'rule',
        rule: check.rule,
        fields,
        expected: round(left),
        found: round(right),
        message: `${check.rule} (${check.scope}): ${check.left.join(' + ')} = ${round(left)}, but ${round(right)} from ${check.right.length} part${check.right.length > 1 ? 's' : ''}`,
      });
    }
  }
  return flags;
}

/**
 * In a hybrid report (a 2021 report with （六）其他处理 as one row) the three
 * 2021 sub-rows are absent: R2 then sums whichever rows are present.
 */
function hybridZero(values: Record<string, number | null | undefined>, id: string): boolean {
  const whole = SPLIT_FIELDS.wholeOf.get(id);
  if (!whole) return false;
  const v = values[whole];
  return v !== null && v !== undefined;
}

function subRowsPresent(values: Record<string, number | null | undefined>, id: string): boolean {
  const parts = SPLIT_FIELDS.partsOf.get(id);
  if (!parts) return false;
  return parts.some((p) => {
    const v = values[p];
    return v !== null && v !== undefined;
  });
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
