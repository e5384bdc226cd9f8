// The three tables in the official layout. Rows and columns come from the
// catalogue (never listed here); values, flags and corrections from the report.
import { Fragment, type ReactNode } from 'react';
import { REQUEST_COLUMNS, APPEALS_COLUMNS, rowsOfTable, type RowDef, type TemplateId } from '../../../src-main/core/catalogue/index.js';
import type { FieldDef } from '../../../src-main/core/catalogue/types.js';
import { fieldById, flagCoversField } from '../../../src-main/core/catalogue/index.js';
import type { ReportDetail } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';
import { flagsOf, formatValue } from './cells.js';
import type { GridEditing } from './useReview.js';

interface Props {
  report: ReportDetail;
  template: TemplateId;
  selected: string | null;
  onSelect(field: string): void;
  /** Typing into cells, from the keyboard grid (useReview). */
  grid: GridEditing;
}

export function Tables(props: Props) {
  const { t } = useI18n();
  return (
    <div className="tables">
      <h3>{t('table_active')}</h3>
      <ActiveTable {...props} />
      <h3>{t('table_requests')}</h3>
      <RequestsTable {...props} />
      <h3>{t('table_review')}</h3>
      <ReviewTable {...props} />
    </div>
  );
}

function Cell({ field, report, selected, onSelect, grid }: Props & { field: string }) {
  const { t, flag } = useI18n();
  const def: FieldDef | undefined = fieldById(field);
  if (!def) return <td />;
  const value = report.values[field];
  const flags = flagsOf(report.flags, field);
  const corrected = report.corrected.includes(field);
  const marked = !!grid.rowMark && flagCoversField(grid.rowMark, field);
  const cls = [
    'num',
    flags.length ? 'flagged' : '',
    corrected ? 'corrected' : '',
    selected === field ? 'selected' : '',
    marked ? 'row-mark' : '',
    value == null ? 'blank' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = [...flags.map((f) => flag(f)), corrected ? t('corrected') : ''].filter(Boolean).join('\n');
  const edit = grid.edit?.field === field ? grid.edit : null;
  return (
    <td className={cls} title={title || undefined} onClick={() => onSelect(field)} onDoubleClick={() => grid.start(field)} data-field={field}>
      {edit ? (
        <input
          autoFocus
          className={edit.error ? 'cell-input invalid' : 'cell-input'}
          value={edit.text}
          title={edit.error ?? undefined}
          onChange={(e) => grid.change(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') e.preventDefault(), grid.commit(e.shiftKey ? 'up' : 'down');
            else if (e.key === 'Tab') e.preventDefault(), grid.commit(e.shiftKey ? 'left' : 'right');
            else if (e.key === 'Escape') e.preventDefault(), grid.cancel();
          }}
          onBlur={() => grid.commit(null)}
          data-testid="cell-input"
        />
      ) : (
        formatValue(value, def.unit) || <span className="muted">—</span>
      )}
      {edit?.error && (
        <div className="cell-error" data-testid="cell-error">
          {edit.error}
        </div>
      )}
    </td>
  );
}

function ActiveTable(props: Props) {
  const { lang } = useI18n();
  const rows = rowsOfTable(props.template, 'active');
  const groups: { label: string; rows: RowDef[] }[] = [];
  for (const r of rows) {
    const label = r.group?.[lang] ?? '';
    const last = groups[groups.length - 1];
    if (last && last.label === label && sameColumns(last.rows[0]!, r)) last.rows.push(r);
    else groups.push({ label, rows: [r] });
  }
  const width = Math.max(...rows.map((r) => r.columns.length));
  return (
    <table className="report-table">
      <tbody>
        {groups.map((g) => (
          <Fragment key={g.rows[0]!.id}>
            <tr className="head">
              <th>{g.label}</th>
              {g.rows[0]!.columns.map((c, i) => (
                <th key={c.id} colSpan={i === g.rows[0]!.columns.length - 1 ? width - i : 1}>
                  {c.label[lang]}
                </th>
              ))}
            </tr>
            {g.rows.map((r) => (
              <tr key={r.id}>
                <th className="rowlabel">{r.label[lang]}</th>
                {r.columns
                  .map((c, i) => <Cell key={c.id} {...props} field={`${r.id}.${c.id}`} />)
                  .concat(r.columns.length < width ? [<td key="pad" colSpan={width - r.columns.length} />] : [])}
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function sameColumns(a: RowDef, b: RowDef): boolean {
  return a.columns.map((c) => c.id).join() === b.columns.map((c) => c.id).join();
}

function RequestsTable(props: Props) {
  const { t, lang } = useI18n();
  const rows = rowsOfTable(props.template, 'requests');
  const grouped = REQUEST_COLUMNS.filter((c) => c.group);
  const firstGrouped = REQUEST_COLUMNS.findIndex((c) => c.group);
  // The group label cell spans consecutive rows that share a group.
  const spans = new Map<number, number>();
  rows.forEach((r, i) => {
    if (!r.group) return;
    if (i > 0 && rows[i - 1]!.group?.zh === r.group.zh) return;
    let n = 1;
    while (rows[i + n]?.group?.zh === r.group.zh) n++;
    spans.set(i, n);
  });
  const head: ReactNode[] = [];
  REQUEST_COLUMNS.forEach((c, i) => {
    if (c.group) {
      if (i === firstGrouped)
        head.push(
          <th key="grp" colSpan={grouped.length}>
            {c.group[lang]}
          </th>,
        );
    } else
      head.push(
        <th key={c.id} rowSpan={2}>
          {c.label[lang]}
        </th>,
      );
  });
  return (
    <table className="report-table">
      <thead>
        <tr className="head">
          <th colSpan={2} rowSpan={3} />
          <th colSpan={REQUEST_COLUMNS.length}>{t('naturalPerson')}</th>
        </tr>
        <tr className="head">{head}</tr>
        <tr className="head">
          {grouped.map((c) => (
            <th key={c.id}>{c.label[lang]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.id} className={r.optionalIn?.includes(props.template) ? 'optional-row' : undefined}>
            {r.group
              ? spans.has(i) && (
                  <th className="rowgroup" rowSpan={spans.get(i)}>
                    {r.group[lang]}
                  </th>
                )
              : null}
            <th className="rowlabel" colSpan={r.group ? 1 : 2}>
              {r.label[lang]}
            </th>
            {REQUEST_COLUMNS.map((c) => (
              <Cell key={c.id} {...props} field={`${r.id}.${c.id}`} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReviewTable(props: Props) {
  const { t, lang } = useI18n();
  const rows = rowsOfTable(props.template, 'review');
  const litigation = rows.filter((r) => r.group);
  return (
    <table className="report-table review">
      <thead>
        <tr className="head">
          {rows
            .filter((r) => !r.group)
            .map((r) => (
              <th key={r.id} colSpan={APPEALS_COLUMNS.length} rowSpan={2}>
                {r.label[lang]}
              </th>
            ))}
          {litigation.length > 0 && <th colSpan={APPEALS_COLUMNS.length * litigation.length}>{litigation[0]!.group![lang] ?? t('appealsLitigation')}</th>}
        </tr>
        <tr className="head">
          {litigation.map((r) => (
            <th key={r.id} colSpan={APPEALS_COLUMNS.length}>
              {r.label[lang]}
            </th>
          ))}
        </tr>
        <tr className="head">
          {rows.flatMap((r) =>
            APPEALS_COLUMNS.map((c) => (
              <th key={`${r.id}.${c.id}`} className="small">
                {c.label[lang]}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>{rows.flatMap((r) => APPEALS_COLUMNS.map((c) => <Cell key={`${r.id}.${c.id}`} {...props} field={`${r.id}.${c.id}`} />))}</tr>
      </tbody>
    </table>
  );
}
