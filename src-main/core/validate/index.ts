// Consistency rules R1–R4 (勾稽关系), driven by the catalogue's expanded
// checks. Works on values alone, so the archive can re-run it after a user's
// correction. A check with a null operand is skipped (the report did not state
// it; the gap is flagged elsewhere), except optional fields, which count as 0.
import { SPLIT_FIELDS, TEMPLATES, type RuleCheck, type TemplateId } from '../catalogue/index.js';
import type { Flag } from '../model.js';

const EPS = 1e-6;

export function validate(values: Record<string, number | null | undefined>, template: TemplateId): Flag[] {
  const flags: Flag[] = [];
  for (const { check, left: l, right: r } of plan(template)) {
    const left = sum(values, l);
    if (left === null) continue;
    const right = sum(values, r);
    if (right === null) continue;
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

/** One operand of a check, with what the rules below ask of it looked up once. */
interface Term {
  id: string;
  /** May be null, counting as 0. */
  optional: boolean;
  /**
   * The whole row printed in its place, if any: in a hybrid report (a 2021
   * report with （六）其他处理 as one row) the three 2021 sub-rows are absent,
   * and a sub-row's null counts as 0 where the whole row is there.
   */
  whole: string | undefined;
  /** R2 only: the 2021 sub-rows that stand for it (the whole row is left out of R2 where any is present). */
  parts: readonly string[] | undefined;
}

/** The template's checks with their operands' terms, built once per template from the catalogue. */
const PLANS = new Map<TemplateId, { check: RuleCheck; left: Term[]; right: Term[] }[]>();
function plan(template: TemplateId) {
  let p = PLANS.get(template);
  if (!p) {
    p = TEMPLATES[template].checks.map((check) => {
      const terms = (ids: readonly string[]): Term[] =>
        ids.map((id) => ({
          id,
          optional: (check.optional as readonly string[]).includes(id),
          whole: SPLIT_FIELDS.wholeOf.get(id),
          parts: check.rule === 'R2' ? SPLIT_FIELDS.partsOf.get(id) : undefined,
        }));
      return { check, left: terms(check.left), right: terms(check.right) };
    });
    PLANS.set(template, p);
  }
  return p;
}

/** The sum of a side of a check, or null where an operand is missing (the check is then skipped). */
function sum(values: Record<string, number | null | undefined>, terms: readonly Term[]): number | null {
  let s = 0;
  for (const t of terms) {
    // （六）其他处理 printed as a subtotal above its three 2021 sub-rows:
    // the rows are alternatives, never both counted.
    if (t.parts && present(values, t.parts)) continue;
    const v = values[t.id];
    if (v === null || v === undefined) {
      if (t.optional || (t.whole !== undefined && present(values, [t.whole]))) continue;
      return null;
    }
    s += v;
  }
  return s;
}

function present(values: Record<string, number | null | undefined>, ids: readonly string[]): boolean {
  return ids.some((p) => {
    const v = values[p];
    return v !== null && v !== undefined;
  });
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
