// Wrapped cells of a LibreOffice-rendered official layout (read/pdf-layout.ts):
// a label wrapped over four lines beside a one-line row of numbers, the group
// label beside it wrapped too (（六） / 其他处 / 理), and an amount whose unit
// wrapped below its row's label (673.728479万 / 行政事业性收费 / 元). Positions as
// LibreOffice prints them (12 pt type, 17.2 pt between a cell's lines).
import { describe, expect, it } from 'vitest';
import { rowsOfTable } from '../../src-main/core/catalogue/index.js';
import { cellString, layoutPage, type Run } from '../../src-main/core/read/pdf-layout.js';

const run = (str: string, x: number, y: number): Run => ({
  str,
  x,
  y,
  width: 12 * str.replace(/[\d.]/g, '').length + 7.6 * str.replace(/[^\d.]/g, '').length,
  size: 12,
});
const text = (runs: Run[]) => layoutPage(runs).map((l) => l.cells.map(cellString).join('\t'));
const numbers = (y: number, vs: number[]) => vs.map((v, i) => run(String(v), 292.7 + 40 * i, y));
const label = (t: string, id: string) => rowsOfTable(t as '2021', id.split('.')[0] as 'requests').find((r) => r.id === id)!;

describe('layoutPage: wrapped cells', () => {
  it('joins a label wrapped over four lines, and its group label, to the one line of numbers beside them', () => {
    const row = label('2021', 'requests.other_no_fee');
    const group = row.group!.zh; // （六）其他处理
    const words = `2.${row.label.zh}`;
    const parts = [words.slice(0, 12), words.slice(12, 23), words.slice(23, 34), words.slice(34)];
    const prev = `1.${label('2021', 'requests.other_no_supplement').label.zh}`;
    const runs = [
      run(prev.slice(0, 12), 154, 371.1),
      run(prev.slice(12, 23), 154, 388.3),
      ...numbers(387.3, [0, 0, 0, 0, 0, 0, 0]),
      run(prev.slice(23), 154, 405.6),
      run(group.slice(0, 3), 113.7, 417),
      run(parts[0]!, 154, 425.7),
      run(group.slice(3, 6), 113.7, 434.3),
      run(parts[1]!, 154, 442.9),
      run(group.slice(6), 113.7, 451.5),
      ...numbers(450.5, [0, 2, 0, 0, 0, 0, 2]),
      run(parts[2]!, 154, 460.2),
      run(parts[3]!, 154, 477.4),
      run('3.其他', 154, 497.5),
      ...numbers(496.5, [1, 0, 0, 0, 3, 0, 4]),
      run('（七）总计', 154, 517.6),
      ...numbers(516.6, [1, 2, 0, 0, 3, 0, 6]),
    ];
    expect(text(runs)).toEqual([
      `${prev}\t0\t0\t0\t0\t0\t0\t0`,
      `${group}\t${words}\t0\t2\t0\t0\t0\t0\t2`,
      '3.其他\t1\t0\t0\t0\t3\t0\t4',
      '（七）总计\t1\t2\t0\t0\t3\t0\t6',
    ]);
  });

  it('reads an amount whose unit wrapped below its label as one cell on the label’s row', () => {
    const fee = label('2021', 'active.fee').label.zh;
    const runs = [
      run('信息内容', 58.2, 419.2),
      run('本年收费金额', 146.8, 419.2),
      run('673.728479万', 146.8, 439.3),
      run(fee, 58.2, 447.9),
      run('元', 146.8, 456.5),
      run('三、收到和处理政府信息公开申请情况', 56.8, 475.9),
    ];
    expect(text(runs)).toEqual(['信息内容\t本年收费金额', `${fee}\t673.728479万元`, '三、收到和处理政府信息公开申请情况']);
  });

  it('keeps an amount beside a row of numbers as that row’s cell (its unit wrapped below it)', () => {
    const runs = [
      run('信息内容', 58.2, 499.6),
      run('采购项目数量', 182.8, 499.6),
      run('采购总金额', 270.6, 499.6),
      run('1693.3833万', 270.6, 519.7),
      run('政府集中采购', 58.2, 528.3),
      run('8', 182.8, 527.3),
      run('元', 270.6, 536.9),
    ];
    expect(text(runs)).toEqual(['信息内容\t采购项目数量\t采购总金额', '政府集中采购\t8\t1693.3833万元']);
  });
});
