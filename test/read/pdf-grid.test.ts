// PDF tables as grids (read/pdf-grid.ts): columns from where the numbers
// stand, header cells placed over them, labels before them, blanks kept as
// positions; and end to end, a PDF rendered by LibreOffice whose table prints
// two columns in another order than the template: the text reads them by
// position (wrong), the grid by header (right), and the cell says both.
import { describe, expect, it } from 'vitest';
import { APPEALS_COLUMNS, rowsOfTable, type RowDef } from '../../src-main/core/catalogue/index.js';
import { extractDocument } from '../../src-main/core/extract/index.js';
import { readGrids } from '../../src-main/core/extract/grid.js';
import { readDocument } from '../../src-main/core/read/index.js';
import { pageGrids, type PlacedLine } from '../../src-main/core/read/pdf-grid.js';
import { officialGrid } from '../gen/layouts.js';
import { renderPdfs, soffice } from '../gen/pdf-render.js';

/** A line of cells, each `[text, x, width?]` (10 pt type, 6 pt a character unless given). */
function lines(rows: ([string, number] | [string, number, number])[][]): PlacedLine[] {
  let at = 0;
  return rows.map((cells, i) => {
    const placed = cells.map(([text]) => {
      const c = { text, start: at, end: at + text.length };
      at += text.length + 1;
      return c;
    });
    return {
      line: { y: 20 * i, size: 10, cells: cells.map(([text, x, w]) => [{ str: text, x, y: 20 * i, width: w ?? 6 * text.length, size: 10 }]) },
      cells: placed,
    };
  });
}

describe('pageGrids', () => {
  const table = lines([
    [['申请人情况', 200]],
    [
      ['自然人', 140],
      ['法人或其他组织', 200, 140],
      ['总计', 380],
    ], // spaced out over its three columns
    [
      ['商业', 200],
      ['科研', 260],
      ['其他', 320],
    ],
    [
      ['企业', 200],
      ['机构', 260],
    ],
    [
      ['一、本年新收政府信息公开申请数量', 0],
      ['3', 150],
      ['1', 205],
      ['0', 265],
      ['2', 325],
      ['6', 385],
    ],
    [
      ['二、上年结转政府信息公开申请数量', 0],
      ['1', 150],
      ['0', 265],
      ['0', 325],
      ['1', 385],
    ],
  ]);
  const [g] = pageGrids(table, 2);
  const text = (r: number) => g!.rows[r]!.map((c) => (c.covered ? `^${c.text}` : c.text));

  it('finds the columns from the numbers and keeps the label before them', () => {
    expect(g!.page).toBe(2);
    expect(g!.rows[0]!).toHaveLength(6); // one label column + five number columns
    expect(g!.rows.map((_, r) => text(r)).find((r) => r[0]!.startsWith('一、'))).toEqual(['一、本年新收政府信息公开申请数量', '3', '1', '0', '2', '6']);
  });
  it('places a header over the columns it spans (a merged cell), and joins words wrapped over lines', () => {
    expect(text(1)).toEqual(['', '自然人', '法人或其他组织', '^法人或其他组织', '^法人或其他组织', '总计']);
    const joined = g!.rows.map((_, r) => text(r)).filter((r) => r.includes('科研机构'));
    expect(joined.at(-1)).toEqual(['', '', '商业企业', '科研机构', '其他', '']);
    expect(joined[0]).toEqual(['', '自然人', '申请人情况商业企业', '科研机构', '其他', '总计']); // the longest join first: the group word above spoils it
  });
  it('keeps a cell the row prints nothing in as a blank at its column, not a shorter row', () => {
    expect(text(g!.rows.length - 1)).toEqual(['二、上年结转政府信息公开申请数量', '1', '', '0', '0', '1']);
  });
  it('gives no grid where the numbers do not fall into clear columns', () => {
    const messy = lines([
      [
        ['规章', 0],
        ['1', 100],
        ['2', 160],
        ['3', 220],
      ],
      [
        ['行政许可', 0],
        ['12', 100],
        ['7', 112],
        ['5', 220],
      ], // 7 touches 12, which overlaps 1: two numbers in one column
    ]);
    expect(pageGrids(messy, 1)).toEqual([]);
  });
});

describe('table 四 from a PDF grid', () => {
  // As LibreOffice prints the official layout: each group's words at the left of its merged cell (over one
  // or two of its five columns), 行政诉讼 over 未经复议直接起诉 / 复议后起诉, each outcome wrapped over two
  // lines (结果 / 维持) and 总计 between them; one row of fifteen numbers.
  const [reconsideration, direct, after] = rowsOfTable('2021', 'review');
  const x = (j: number) => 60 + 36 * j;
  const outcomeLine = (part: 0 | 1) =>
    [0, 1, 2].flatMap((g) => APPEALS_COLUMNS.slice(0, 4).map((c, i): [string, number] => [part ? c.label.zh.slice(2) : c.label.zh.slice(0, 2), x(5 * g + i)]));
  const header = (order: RowDef[]) => [
    [[order[1]!.group!.zh, x(5)]] as [string, number][],
    [[order[0]!.label.zh, x(0)]] as [string, number][],
    [
      [order[1]!.label.zh, x(5)],
      [order[2]!.label.zh, x(10)],
    ] as [string, number][],
    outcomeLine(0),
    [0, 1, 2].map((g): [string, number] => [APPEALS_COLUMNS[4]!.label.zh, x(5 * g + 4)]),
    outcomeLine(1),
  ];
  const nums = [3, 1, 0, 2, 6, 0, 1, 0, 0, 1, 4, 0, 2, 1, 7];
  const data = nums.map((n, j): [string, number] => [String(n), x(j)]);
  const read = (order: RowDef[]) => readGrids(pageGrids(lines([...header(order), data]), 2), '2021');
  const values = (m: ReturnType<typeof read>, id: string) => m.get(id)?.vals.map((v) => (v?.kind === 'num' ? v.v.value : v?.kind)) ?? null;

  it('gives each group its five columns from the outcome words, the group word standing over one of them', () => {
    const m = read([reconsideration!, direct!, after!]);
    expect(values(m, reconsideration!.id)).toEqual([3, 1, 0, 2, 6]);
    expect(values(m, direct!.id)).toEqual([0, 1, 0, 0, 1]);
    expect(values(m, after!.id)).toEqual([4, 0, 2, 1, 7]);
  });
  it('reads the groups by their words, not their place', () => {
    const m = read([reconsideration!, after!, direct!]); // 复议后起诉 printed before 未经复议直接起诉
    expect(values(m, after!.id)).toEqual([0, 1, 0, 0, 1]);
    expect(values(m, direct!.id)).toEqual([4, 0, 2, 1, 7]);
  });
  it('reads nothing when a run of outcomes has no group word over it', () => {
    const lines0 = header([reconsideration!, direct!, after!]);
    lines0[2] = [lines0[2]![0]!]; // 复议后起诉 missing
    expect(readGrids(pageGrids(lines([...lines0, data]), 2), '2021').size).toBe(0);
  });
});

describe.skipIf(!soffice)('the official 2021 layout printed by LibreOffice (skipped without soffice)', () => {
  it('reads every cell: the amount whose unit wrapped (表二 收费金额), the label wrapped over four lines', async () => {
    const r = officialGrid(3, 'html', 'none');
    expect(r.template).toBe('2021');
    const merged = officialGrid(1, 'html', 'mergedCells');
    const [pdf, swapped, mergedPdf] = renderPdfs([r.bytes, officialGrid(3, 'html', 'swapGroups').bytes, merged.bytes]);
    const x = extractDocument(await readDocument(pdf!, 'r.pdf'), 'r.pdf');
    const on = (p: string) => x.flags.filter((f) => f.fields.some((q) => q === p || q.startsWith(`${p}.`) || p.startsWith(`${q}.`)));
    // the amount printed 673.728479万 / 元 around its label, and the row whose label wraps over four lines
    expect(r.values['active.fee.amount_wan']).toBeGreaterThan(0);
    expect(x.values['active.fee.amount_wan']).toBe(r.values['active.fee.amount_wan']);
    expect(on('active.fee')).toEqual([]);
    for (const id of Object.keys(r.values).filter((k) => k.startsWith('requests.other_no_fee.'))) expect(x.values[id], id).toBe(r.values[id]);
    expect(on('requests.other_no_fee')).toEqual([]);
    const wrong = Object.keys(r.values).filter((id) => (x.values[id] ?? null) !== r.values[id]);
    expect(wrong).toEqual([]);
    // table 四 with its two 行政诉讼 groups printed the other way round: the text reads them by place
    // (wrong), the grid by their words (right), and each cell the two readings differ in says both
    const doc = await readDocument(swapped!, 's.pdf');
    const y = extractDocument(doc, 's.pdf');
    const textOnly = extractDocument({ ...doc, grids: [] }, 's.pdf');
    const review = Object.keys(r.values).filter((id) => id.startsWith('review.'));
    expect(review.map((id) => y.values[id])).toEqual(review.map((id) => r.values[id]));
    const moved = review.filter((id) => textOnly.values[id] !== r.values[id]);
    expect(moved.length).toBeGreaterThan(0);
    for (const id of moved)
      expect(
        y.flags.some((f) => f.kind === 'readings_differ' && f.fields.includes(id)),
        id,
      ).toBe(true);
    // two value cells merged: in print the number stands in the first column and the second looks blank; the
    // number it hides is 0 here, so the row still adds up — the lone empty cell is flagged, never a silent blank
    const hidden = merged.doubtful[1]!;
    expect(merged.values[hidden]).toBe(0);
    const z = extractDocument(await readDocument(mergedPdf!, 'm.pdf'), 'm.pdf');
    expect(z.values[hidden]).toBeNull();
    expect(z.flags.some((f) => f.kind === 'ambiguous' && f.fields.includes(hidden))).toBe(true);
  }, 240_000);
});

describe.skipIf(!soffice)('a PDF whose text order differs from its grid (LibreOffice; skipped without soffice)', () => {
  it('reads swapped columns by their header, and flags where the text read otherwise', async () => {
    const r = officialGrid(3, 'html', 'swapColumns'); // 商业企业 and 科研机构 printed the other way round
    const [pdf] = renderPdfs([r.bytes]);
    const doc = await readDocument(pdf!, 'r.pdf');
    expect(doc.format).toBe('pdf');
    expect(doc.grids.length).toBeGreaterThan(0);
    const withGrid = extractDocument(doc, 'r.pdf');
    const textOnly = extractDocument({ ...doc, grids: [] }, 'r.pdf');
    const want = (id: string) => r.values[id];
    // the text reads the columns in print order: 商业企业's numbers under 科研机构
    expect(want('requests.new.business')).not.toBe(want('requests.new.research'));
    expect(textOnly.values['requests.new.business']).toBe(want('requests.new.research'));
    // the grid reads them by header, and the cell says the text read otherwise
    const flagged = (id: string) => withGrid.flags.some((f) => f.fields.some((p) => id === p || id.startsWith(`${p}.`)));
    expect(withGrid.values['requests.new.business']).toBe(want('requests.new.business'));
    expect(withGrid.values['requests.new.research']).toBe(want('requests.new.research'));
    expect(withGrid.flags.some((f) => f.kind === 'readings_differ' && f.fields.includes('requests.new.business'))).toBe(true);
    // table 三: every cell right or flagged, and more right than the text alone
    const ids = Object.keys(r.values).filter((id) => id.startsWith('requests.'));
    const right = (x: typeof withGrid) => ids.filter((id) => (x.values[id] ?? null) === want(id)).length;
    for (const id of ids) if ((withGrid.values[id] ?? null) !== want(id)) expect(flagged(id), id).toBe(true);
    expect(right(withGrid)).toBeGreaterThan(right(textOnly));
  }, 240_000);
});
