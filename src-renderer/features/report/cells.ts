// Helpers shared by the report view: which flags concern a field, and
// reading a typed value by the field's unit.
import { flagCoversField } from '../../../src-main/core/catalogue/index.js';
import type { Unit } from '../../../src-main/core/catalogue/types.js';
import { parseTyped, WAN_DECIMALS_SHOWN } from '../../../src-main/core/catalogue/values.js';
import type { Flag } from '../../../src-main/contract/models.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

/**
 * Open flags that concern a field: it is named, or one of its prefixes
 * (`requests.granted`, `review`) is. Flags resolved (fixed by corrections, or accepted as printed) are left out.
 */
export function flagsOf<F extends Pick<Flag, 'fields'> & { resolved?: boolean }>(flags: F[], field: string): F[] {
  return flags.filter((f) => !f.resolved && flagCoversField(f.fields, field));
}

export type Parsed = { ok: true; value: number | null } | { ok: false; error: MessageKey };

/** Parse what the user typed by the catalogue's value rules (parseTyped); blank means "not stated" (null), never 0. */
export function parseValue(text: string, unit: Unit): Parsed {
  const t = parseTyped(text, unit);
  if ('value' in t) return { ok: true, value: t.value };
  if (t.problem === 'too_large') return { ok: false, error: 'valueTooLarge' };
  return { ok: false, error: unit === 'count' ? 'invalidCount' : unit === 'change' ? 'invalidChange' : 'invalidWan' };
}

export function formatValue(v: number | null | undefined, unit: Unit): string {
  if (v === null || v === undefined) return '';
  if (unit === 'change' && v > 0) return `+${v}`;
  if (unit === 'wan') return String(Math.round(v * 10 ** WAN_DECIMALS_SHOWN) / 10 ** WAN_DECIMALS_SHOWN);
  return String(v);
}
