// Undo/redo that follow the user's last action of any kind on a report —
// a correction, a flag accepted (or several at once), a verification — and
// can say what they will undo. Kept per report for the session; each entry
// knows how to undo and redo itself through the same handlers the UI uses.
import type { ReportDetail } from '../../../src-main/contract/models.js';

export interface Action {
  /** What the action did, in the user's words ("修改 总计 14 → 15"). */
  label: string;
  undo(): Promise<ReportDetail>;
  redo(): Promise<ReportDetail>;
}

interface Stack {
  done: Action[];
  undone: Action[];
}

const stacks = new Map<number, Stack>();

function stackOf(id: number): Stack {
  let s = stacks.get(id);
  if (!s) stacks.set(id, (s = { done: [], undone: [] }));
  return s;
}

/** Record an action just done (clears what could be redone). */
export function record(id: number, a: Action): void {
  const s = stackOf(id);
  s.done.push(a);
  s.undone = [];
}

export function nextUndo(id: number): Action | null {
  return stackOf(id).done.at(-1) ?? null;
}
export function nextRedo(id: number): Action | null {
  return stackOf(id).undone.at(-1) ?? null;
}

/** Undo the last action; the entry moves to the redo side only when the undo worked. */
export async function undoLast(id: number): Promise<ReportDetail | null> {
  const s = stackOf(id);
  const a = s.done.at(-1);
  if (!a) return null;
  const r = await a.undo();
  s.done.pop();
  s.undone.push(a);
  return r;
}

export async function redoLast(id: number): Promise<ReportDetail | null> {
  const s = stackOf(id);
  const a = s.undone.at(-1);
  if (!a) return null;
  const r = await a.redo();
  s.undone.pop();
  s.done.push(a);
  return r;
}

/** Forget a report's stack (its data was replaced behind it: re-extraction, another window). */
export function forget(id: number): void {
  stacks.delete(id);
}
