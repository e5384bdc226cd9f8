// Value rules per unit: the one place that says what a cell of each unit may
// hold. Extraction (extract/index.ts), corrections (archive/corrections.ts),
// the contract validators, the CLI and the UI (features/report/cells.ts) all
// check values here, so a number the extractor would refuse cannot be typed in
// either, and the other way round.
import type { Unit } from './types.js';

/** Largest count a cell may hold (requests, decisions, documents). */
export const COUNT_MAX = 1_000_000_000;
/** Largest amount in 万元 (1e12 万元 is far beyond any agency's budget). */
export const AMOUNT_MAX_WAN = 1_000_000_000_000;
/** Caps by unit: beyond them a cell is unreadable (a number run together with another), never stored as read. */
export const VALUE_CAPS: { readonly [U in Unit]: number } = { count: COUNT_MAX, change: COUNT_MAX, wan: AMOUNT_MAX_WAN };
/** Cell texts that mean "not stated" (null, never 0). */
export const BLANK_MARKS: readonly string[] = ['-', '--', '---', '—', '——', '/', '无', '空'];
/** Decimals kept for amounts in 万元 (the 2019 template asks for 保留4位小数; more is kept, 4 shown). */
export const WAN_DECIMALS_SHOWN = 4;

export type ValueProblem = 'not_number' | 'not_integer' | 'negative' | 'too_large';

/** What is wrong with `v` as a value of `unit`, or null when it is fine. */
export function valueProblem(unit: Unit, v: number): ValueProblem | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'not_number';
  if (Math.abs(v) > VALUE_CAPS[unit]) return 'too_large';
  if (unit !== 'wan' && !Number.isInteger(v)) return 'not_integer';
  if (unit !== 'change' && v < 0) return 'negative';
  return null;
}

/** A value typed by a person (the report view, the CLI): a number, "not stated" (null), or what is wrong with it. */
export type Typed = { value: number | null } | { problem: ValueProblem };

/**
 * Read a typed value: blank or a blank mark is null (not stated, never 0);
 * thousands separators and full-width signs are folded; anything but a plain
 * decimal number is not_number; then the unit's rules above (no unit: only
 * the number's shape is checked).
 */
export function parseTyped(text: string, unit: Unit | null): Typed {
  const s = text.trim().replace(/[，,]/g, '').replace(/^＋/, '+').replace(/^－/, '-');
  if (s === '' || BLANK_MARKS.includes(s)) return { value: null };
  if (!/^[+-]?\d+(?:\.\d+)?$/.test(s)) return { problem: 'not_number' };
  const value = Number(s);
  if (unit && unit !== 'change' && s.startsWith('+')) return { problem: 'not_number' }; // a sign only where a change is asked
  const problem = unit ? valueProblem(unit, value) : null;
  return problem ? { problem } : { value };
}

/** The problem said in both languages (core and CLI messages). */
export const VALUE_PROBLEM_WORDS: { readonly [P in ValueProblem]: { zh: string; en: string } } = {
  not_number: { zh: '不是数字', en: 'is not a number' },
  not_integer: { zh: '不是整数', en: 'is not a whole number' },
  negative: { zh: '不能为负数', en: 'is negative where a count or amount was expected' },
  too_large: {
    zh: '超出合理范围（数量至多10亿，金额至多1万亿万元），可能是几个数字连在一起',
    en: 'is beyond any real value (counts ≤ 1e9, amounts ≤ 1e12 万元): digits run together?',
  },
};
