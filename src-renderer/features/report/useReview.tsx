// The review workbench's state and keys, kept out of ReportPage: the
// selection (a cell, or a row for row-level flags), the cell being typed
// into, undo/redo over every kind of action, 原文如此 with an optional note
// (one flag or several), 已核实 that asks first when flags are open, and the
// notice when a change reopens a verified report.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { fieldById, fieldLabel, isFieldId } from '../../../src-main/core/catalogue/index.js';
import type { ReportDetail, ReportFlag } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { useI18n } from '../../i18n/index.js';
import { flagsOf, formatValue, parseValue } from './cells.js';
import { move, type CellRect, type Dir } from './grid-nav.js';
import { nextRedo, nextUndo, record, redoLast, undoLast, type Action } from './history.js';

export interface EditState {
  field: string;
  text: string;
  error: string | null;
}

export interface GridEditing {
  edit: EditState | null;
  /** The rows a row-level flag points at (`requests.granted`), highlighted across. */
  rowMark: string[] | null;
  start(field: string, text?: string): void;
  change(text: string): void;
  commit(then: Dir | null): void;
  cancel(): void;
}

interface Options {
  id: number;
  report: ReportDetail | null;
  setReport(r: ReportDetail): void;
  setError(e: string | null): void;
  /** The tables' container: cells are found there by data-field. */
  grid: React.RefObject<HTMLElement | null>;
  onNextReport(): void;
}

/** A flag's first real cell (three parts), or its row/table prefixes. */
export function flagTarget(f: ReportFlag): { field: string | null; rows: string[] | null } {
  const cell = f.fields.find((x) => x.split('.').length === 3) ?? null;
  const rows = f.fields.filter((x) => x.split('.').length <= 2);
  return { field: cell, rows: cell || !rows.length ? null : rows };
}

export function useReview({ id, report: r, setReport, setError, grid, onNextReport }: Options) {
  const { t, lang, flag: flagWords, error: words } = useI18n();
  const [selected, setSelectedState] = useState<string | null>(null);
  const [rowMark, setRowMark] = useState<string[] | null>(null);
  const [edit, setEdit] = useState<EditState | null>(null);
  // A report-level flag (no cell or row on the tables, e.g. a quality check) reached by N.
  const [focusFlag, setFocusFlag] = useState<ReportFlag | null>(null);
  const [accepting, setAccepting] = useState<ReportFlag[] | null>(null);
  const [confirmVerify, setConfirmVerify] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [, bump] = useState(0); // re-render when the action stacks change
  const rRef = useRef(r);
  rRef.current = r;

  // A report opens with the grid focused: the keys work at once.
  useEffect(() => {
    if (r?.id === id) grid.current?.focus({ preventScroll: true });
  }, [r?.id, id, grid]);

  useEffect(() => {
    setSelectedState(null);
    setRowMark(null);
    setEdit(null);
    setAccepting(null);
    setConfirmVerify(null);
    setNotice(null);
  }, [id]);

  const select = useCallback((field: string | null, row: string[] | null = null) => {
    setSelectedState(field);
    setRowMark(row);
    setFocusFlag(null);
  }, []);

  // After a prompt closes (its button unmounts) the focus must come back to the grid, not the page body.
  const focusGrid = useCallback(() => {
    requestAnimationFrame(() => {
      const g = grid.current;
      const a = document.activeElement;
      if (g && !(a instanceof HTMLInputElement && g.contains(a))) g.focus({ preventScroll: true });
    });
  }, [grid]);

  // Keep the selected cell in view.
  useEffect(() => {
    if (!selected) return;
    const td = grid.current?.querySelector<HTMLElement>(`td[data-field="${selected}"]`);
    td?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected, grid]);

  /** Apply a result; say so when a verified report was reopened by it. */
  const apply = useCallback(
    (next: ReportDetail) => {
      const before = rRef.current;
      setReport(next);
      setError(null);
      if (before?.status === 'verified' && next.status !== 'verified') setNotice(t('reopenedNotice'));
    },
    [setReport, setError, t],
  );

  const run = useCallback(
    async (p: Promise<ReportDetail>, action?: Action) => {
      try {
        const next = await p;
        if (action) record(id, action);
        apply(next);
        bump((x) => x + 1);
        return true;
      } catch (e) {
        setError(words(e));
        return false;
      }
    },
    [apply, id, setError, words],
  );

  const valueText = (field: string, v: number | null | undefined) => {
    const d = fieldById(field);
    return (d ? formatValue(v ?? null, d.unit) : String(v ?? '')) || t('blank');
  };

  const correct = useCallback(
    async (field: string, value: number | null, note?: string) => {
      if (!isFieldId(field)) return; // the grid's cells are the catalogue's fields: nothing else is corrected
      const from = rRef.current?.values[field] ?? null;
      const label = t('actCorrect', { field: fieldLabel(field, lang), from: valueText(field, from), to: valueText(field, value) });
      return run(api.call('cells.correct', { id, field, value, ...(note ? { note } : {}) }), {
        label,
        undo: () => api.call('cells.undo', { id }),
        redo: () => api.call('cells.redo', { id }),
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, lang, run, t],
  );

  const accept = useCallback(
    async (flags: ReportFlag[], note: string) => {
      const n = note.trim();
      const ids = flags.map((f) => f.id);
      const acceptAll = async () => {
        let last: ReportDetail | null = null;
        for (const flagId of ids) last = await api.call('flags.accept', { id, flagId, ...(n ? { note: n } : {}) });
        return last!;
      };
      const label =
        flags.length === 1
          ? t(flags[0]!.source === 'quality' ? 'actAcceptQuality' : 'actAccept', { flag: flagWords(flags[0]!) })
          : t('actAcceptMany', { n: flags.length });
      setAccepting(null);
      await run(acceptAll(), {
        label,
        undo: async () => {
          let last: ReportDetail | null = null;
          for (const flagId of ids) last = await api.call('flags.unaccept', { id, flagId });
          return last!;
        },
        redo: acceptAll,
      });
      focusGrid();
    },
    [flagWords, focusGrid, id, run, t],
  );

  const unaccept = useCallback(
    (f: ReportFlag) =>
      run(api.call('flags.unaccept', { id, flagId: f.id }), {
        label: t(f.source === 'quality' ? 'actUnacceptQuality' : 'actUnaccept', { flag: flagWords(f) }),
        undo: () => api.call('flags.accept', { id, flagId: f.id, ...(f.accepted?.note ? { note: f.accepted.note } : {}) }),
        redo: () => api.call('flags.unaccept', { id, flagId: f.id }),
      }),
    [flagWords, id, run, t],
  );

  const setVerified = useCallback(
    (verified: boolean) => {
      setConfirmVerify(null);
      return run(api.call('reports.verify', { id, verified }), {
        label: t(verified ? 'actVerify' : 'actUnverify'),
        undo: () => api.call('reports.verify', { id, verified: !verified }),
        redo: () => api.call('reports.verify', { id, verified }),
      });
    },
    [id, run, t],
  );

  const openFlags = useMemo(() => (r ? r.flags.filter((f) => !f.resolved && f.source !== 'quality') : []), [r]);

  /** 已核实: asks first when flags are still open, naming how many. */
  const requestVerify = useCallback(() => {
    const cur = rRef.current;
    if (!cur) return;
    if (cur.status === 'verified') return void setVerified(false);
    const open = cur.flags.filter((f) => !f.resolved && f.source !== 'quality').length;
    if (open > 0) setConfirmVerify(open);
    else void setVerified(true);
  }, [setVerified]);

  const undo = useCallback(async () => {
    try {
      const next = nextUndo(id) ? await undoLast(id) : rRef.current?.canUndo ? await api.call('cells.undo', { id }) : null;
      if (next) apply(next);
      bump((x) => x + 1);
    } catch (e) {
      setError(words(e));
    }
  }, [apply, id, setError, words]);
  const redo = useCallback(async () => {
    try {
      const next = nextRedo(id) ? await redoLast(id) : rRef.current?.canRedo ? await api.call('cells.redo', { id }) : null;
      if (next) apply(next);
      bump((x) => x + 1);
    } catch (e) {
      setError(words(e));
    }
  }, [apply, id, setError, words]);
  const u = nextUndo(id);
  const rd = nextRedo(id);
  const undoLabel = u ? t('undoWhat', { what: u.label }) : r?.canUndo ? t('undoWhat', { what: t('actLastCorrection') }) : null;
  const redoLabel = rd ? t('redoWhat', { what: rd.label }) : r?.canRedo ? t('redoWhat', { what: t('actLastCorrection') }) : null;

  // ---- the grid
  const cellRects = useCallback((): CellRect[] => {
    const g = grid.current;
    if (!g) return [];
    return [...g.querySelectorAll<HTMLElement>('td[data-field]')].map((td) => {
      const b = td.getBoundingClientRect();
      return { field: td.dataset.field!, left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    });
  }, [grid]);

  const go = useCallback(
    (dir: Dir) => {
      const to = move(cellRects(), selected, dir);
      if (to) select(to);
    },
    [cellRects, select, selected],
  );

  const editing: GridEditing = {
    edit,
    rowMark,
    start: (field, text) => {
      const d = fieldById(field);
      if (!d) return;
      select(field);
      setEdit({ field, text: text ?? formatValue(rRef.current?.values[field] ?? null, d.unit), error: null });
    },
    change: (text) => setEdit((e) => (e ? { ...e, text, error: null } : e)),
    commit: (then) => {
      const e = edit;
      if (!e) return;
      const d = fieldById(e.field);
      if (!d) return;
      const p = parseValue(e.text, d.unit);
      if (!p.ok) return setEdit({ ...e, error: t(p.error) });
      setEdit(null);
      const cur = rRef.current?.values[e.field] ?? null;
      if (p.value !== cur) void correct(e.field, p.value);
      if (then) go(then);
      focusGrid();
    },
    cancel: () => {
      setEdit(null);
      focusGrid();
    },
  };

  /** The next (or previous) open flag after the selection, in the flag list's order. */
  const jumpFlag = useCallback(
    (step: 1 | -1) => {
      if (!openFlags.length) return;
      const at = openFlags.findIndex((f) => {
        const x = flagTarget(f);
        return f.id === focusFlag?.id || (x.field && x.field === selected) || (!!x.rows && x.rows.join() === rowMark?.join());
      });
      const f = openFlags[(at + step + openFlags.length) % openFlags.length] ?? openFlags[0]!;
      const x = flagTarget(f);
      const cell = x.field ?? firstCellOf(x.rows);
      select(cell, x.rows);
      if (!cell) setFocusFlag(f);
    },
    [focusFlag, openFlags, rowMark, select, selected],
  );
  /** The first drawn cell of the first of these rows that the tables show. */
  const firstCellOf = (rows: string[] | null): string | null => {
    for (const row of rows ?? []) {
      const td = grid.current?.querySelector<HTMLElement>(`td[data-field^="${row}."]`);
      if (td) return td.dataset.field ?? null;
    }
    return null;
  };

  const selectFlag = useCallback(
    (f: ReportFlag) => {
      const x = flagTarget(f);
      select(x.field ?? firstCellOf(x.rows), x.rows);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [select],
  );

  /** Flags the 'a' key accepts: the selected row's or cell's open flags. */
  const selectedFlags = useCallback((): ReportFlag[] => {
    if (focusFlag) return openFlags.filter((f) => f.id === focusFlag.id);
    if (rowMark) return openFlags.filter((f) => rowMark.some((x) => f.fields.includes(x)));
    if (selected && r) return flagsOf(openFlags, selected);
    return [];
  }, [focusFlag, openFlags, r, rowMark, selected]);

  const onGridKey = (e: ReactKeyboardEvent<HTMLElement>) => {
    if (edit || accepting || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
    const k = e.key;
    const arrows: Record<string, Dir> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
    let handled = true;
    if (arrows[k]) setRowMark(null), go(arrows[k]);
    else if (k === 'Enter') go(e.shiftKey ? 'up' : 'down');
    else if (k === 'Tab') go(e.shiftKey ? 'left' : 'right');
    else if (k === 'F2' && selected) editing.start(selected);
    else if ((k === 'Backspace' || k === 'Delete') && selected) editing.start(selected, '');
    else if (/^[0-9.+\-－]$/.test(k) && selected) editing.start(selected, k);
    else if (k === 'a' || k === 'A') {
      const fl = selectedFlags();
      if (fl.length) setAccepting(fl);
    } else if (k === 'n') jumpFlag(1);
    else if (k === 'N' || k === 'p') jumpFlag(-1);
    else if (k === 'v' || k === 'V') requestVerify();
    else if (k === 'r' || k === 'R') onNextReport();
    else handled = false;
    if (handled) e.preventDefault();
  };

  return {
    selected,
    rowMark,
    select,
    selectFlag,
    focusFlag,
    editing,
    onGridKey,
    focusGrid,
    correct,
    accept,
    unaccept,
    accepting,
    setAccepting,
    requestVerify,
    confirmVerify,
    setConfirmVerify,
    setVerified,
    undo,
    redo,
    undoLabel,
    redoLabel,
    notice,
    setNotice,
    openFlags,
    jumpFlag,
  };
}
