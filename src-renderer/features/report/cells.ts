// Helpers shared by the report view: which flags concern a field, and
// reading a typed value by the field's unit.
import type { Unit } from '../../../src-main/core/catalogue/types.js';
import type { Flag } from '../../../src-main/contract/models.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

/**
 * Open flags that concern a field: it is named, or one of its prefixes
 * (`requests.granted`, `review`) is. Flags resolved (fixed by corrections, or accepted as printed) are left out.
 */
export function flagsOf<F extends Flag & { resolved?: boolean }>(flags: F[], field: string): F[] {
  return flags.filter((f) => !f.resolved && f.fields.some((x) => x === field || field.startsWith(`${x}.`)));
}

export type Parsed = { ok: true; value: number | null } | { ok: false; error: MessageKey };

/** Parse what the user typed; blank means "not stated" (null), never 0. */
export function parseValue(text: string, unit: Unit): Parsed {
  const s = text.trim().replace(/，/g, '').replace(/,/g, '').replace(/^＋/, '+').replace(/^－/, '-');
  if (s === '') return { ok: true, value: null };
  if (unit === 'count') return /^\d+$/.test(s) ? { ok: true, value: Number(s) } : { ok: false, error: 'invalidCount' };
  if (unit === 'change') return /^[+-]?\d+$/.test(s) ? { ok: true, value: Number(s) } : { ok: false, error: 'invalidChange' };
  return /^\d+(\.\d+)?$/.test(s) ? { ok: true, value: Number(s) } : { ok: false, error: 'invalidWan' };
}

export function formatValue(v: number | null | undefined, unit: Unit): string {
  if (v === null || v === undefined) return '';
  if (unit === 'change' && v > 0) return `+${v}`;
  if (unit === 'wan') return String(Math.round(v * 10000) / 10000);
  return String(v);
}
