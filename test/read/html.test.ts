import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src-main/core/read/index.js';

const PAGE = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>某市商务局2020年政府信息公开工作年度报告</title><style>td { color: red }</style></head><body>
<div class="nav-bar"><a>首页</a> &gt; <a>政务公开</a></div>
<script>document.write("<td>99</td>")</script>
<h1>某市商务局2020年政府信息公开工作年度报告</h1>
<table>
<tr><td rowspan="2">行政复议</td><td colspan="2">结果</td></tr>
<tr><td>维持</td><td>纠正</td></tr>
<tr><td>规章</td><td>&nbsp;3 </td><td>4</td></tr>
</table>
<div class="share">分享到 打印本页</div>
</body></html>`;

describe('html reader', () => {
  it('decodes <meta charset=gbk>, drops scripts, styles and navigation', async () => {
    const doc = await readDocument(iconv.encode(PAGE, 'gbk'), 'r.html');
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('GB18030');
    expect(doc.text).toContain('某市商务局2020年政府信息公开工作年度报告');
    expect(doc.text).not.toContain('首页');
    expect(doc.text).not.toContain('99');
    expect(doc.text).not.toContain('color');
    expect(doc.text).not.toContain('打印本页');
  });

  it('keeps the table as a grid with rowspan/colspan expanded and offsets into the text', async () => {
    const doc = await readDocument(Buffer.from(PAGE.replace('charset=gbk', 'charset=utf-8')), 'r.htm');
    expect(doc.grids).toHaveLength(1);
    const g = doc.grids[0]!;
    expect(g.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['行政复议', '结果', '结果'],
      ['行政复议', '维持', '纠正'],
      ['规章', '3', '4'],
    ]);
    expect(g.rows[1]![0]!.covered).toBe(true);
    expect(g.rows[0]![2]!.covered).toBe(true);
    for (const row of g.rows) for (const c of row) if (!c.covered) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    // rows are lines, cells are tab-separated
    expect(doc.text).toContain('规章\t3\t4');
  });

  it('falls back to text when the markup has no structure', async () => {
    const doc = await readDocument(Buffer.from('<html><body>规章 0 0 0</body></html>'), 'r.html');
    expect(doc.text.trim()).toBe('规章 0 0 0');
  });
});

describe('html reader: a stale meta charset', () => {
  it('reads a UTF-8 page that still says charset=gbk as UTF-8', async () => {
    const doc = await readDocument(Buffer.from(PAGE, 'utf8'), 'r.html');
    expect(doc.encoding).toBe('UTF-8');
    expect(doc.text).toContain('某市商务局2020年政府信息公开工作年度报告');
  });
});
