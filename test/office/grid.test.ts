// Grid first (extract/grid.ts): tables read from Word/HTML cell grids by
// their header cells and row labels, merged cells told from blank ones, and
// the text reading kept as a cross-check.
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src-main/core/extract/index.js';
import type { Extraction } from '../../src-main/core/model.js';
import { docxXml, loadExpected, makeDocx, reportHtml, reportOf, SEEDS, type Report, type TTable } from './report-tables.js';
import { haveSeeds } from '../seeds.js';

const dongguan = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);
const requestsTable = (r: Report) => r.blocks.find((b) => typeof b !== 'string' && b.some((row) => row.some((c) => c.text === '商业企业'))) as TTable;
const flaggedAs = (x: Extraction, id: string, kind: string) => x.flags.some((f) => f.kind === kind && f.fields.some((p) => id === p || id.startsWith(`${p}.`)));
const cols = ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'];

/** The report with 商业企业 and 科研机构 printed in the other order (header and every data row). */
function swapped(): Report {
  const r = reportOf(dongguan);
  const t = requestsTable(r);
  const head = t.find((row) => row.some((c) => c.text === '商业企业'))!;
  [head[0], head[1]] = [head[1]!, head[0]!];
  for (const row of t.slice(3)) {
    const n = row.length;
    [row[n - 6], row[n - 5]] = [row[n - 5]!, row[n - 6]!];
  }
  return r;
}

describe.skipIf(!haveSeeds)('grid first', () => {
  it('maps columns by their header cells in a Word table whose column order differs from the template', async () => {
    const x = await extractBytes(makeDocx(docxXml(swapped())), 'swapped.docx');
    for (const row of ['new', 'granted', 'total']) for (const c of cols) expect(x.values[`requests.${row}.${c}`]).toBe(dongguan.values[`requests.${row}.${c}`]);
    // the text (in the printed order) reads those two columns the other way: both readings are named where they differ
    const diff = x.flags.filter((f) => f.kind === 'readings_differ');
    const differs = (id: string) => diff.some((f) => f.fields.includes(id));
    for (const row of ['new', 'total']) {
      const b = dongguan.values[`requests.${row}.business`];
      const r = dongguan.values[`requests.${row}.research`];
      expect(differs(`requests.${row}.business`)).toBe(b !== r);
    }
    expect(differs('requests.new.person')).toBe(false);
  });

  it('reads the same table as HTML grid (merged 三、本年度办理结果 cells, rowspan/colspan)', async () => {
    const html = new TextEncoder().encode(reportHtml(swapped()));
    const x = await extractBytes(html, 'swapped.html');
    for (const id of Object.keys(dongguan.values)) expect([id, x.values[id] ?? null]).toEqual([id, dongguan.values[id] ?? null]);
  });

  it('an empty grid cell is a blank (null as printed), not a lost cell; a merged cell where a number belongs is a doubt', async () => {
    const r = reportOf(dongguan);
    const t = requestsTable(r);
    const granted = t.find((row) => row.some((c) => c.text === '（一）予以公开'))!;
    granted[granted.length - 1] = { text: '' }; // 总计 left blank
    const x = await extractBytes(makeDocx(docxXml(r)), 'blank.docx');
    expect(x.values['requests.granted.total']).toBeNull();
    expect(x.values['requests.granted.person']).toBe(dongguan.values['requests.granted.person']);
    expect(flaggedAs(x, 'requests.granted', 'incomplete_row')).toBe(false);
    // the row is otherwise read: no doubt about its other cells
    expect(x.flags.filter((f) => f.kind !== 'rule' && f.fields.some((p) => p.startsWith('requests.granted')))).toEqual([]);

    const m = reportOf(dongguan);
    const tm = requestsTable(m);
    const partial = tm.find((row) => row.some((c) => c.text.startsWith('（二）部分公开')))!;
    // 科研机构 and 社会公益组织 merged into one cell: the second position is a merge's shadow
    const n = partial.length;
    partial.splice(n - 5, 2, { text: partial[n - 5]!.text, colspan: 2 });
    const y = await extractBytes(makeDocx(docxXml(m)), 'merged.docx');
    expect(y.values['requests.partial.person']).toBe(dongguan.values['requests.partial.person']);
    const nonprofit = y.values['requests.partial.nonprofit'];
    expect(nonprofit === null || flaggedAs(y, 'requests.partial.nonprofit', 'readings_differ') || flaggedAs(y, 'requests.partial', 'incomplete_row')).toBe(
      true,
    );
  });
});

describe.skipIf(!haveSeeds)('a saved page whose report sits inside a script', () => {
  it('decodes `let content = "<p…>"` (escaped quotes, &nbsp; cells) and reads it as HTML', async () => {
    const r = reportOf(dongguan);
    const t = requestsTable(r);
    const granted = t.find((row) => row.some((c) => c.text === '（一）予以公开'))!;
    granted[granted.length - 1] = { text: '&nbsp;' }; // a blank 总计 as such sites write it
    const body = reportHtml(r)
      .replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '')
      .replace(/&amp;nbsp;/g, '&nbsp;');
    const js = body
      .replace(/\\/g, '\\\\')
      .replace(/"/g, '\\"')
      .replace(/\n/g, '\\n')
      .replace(/<\/(script)/gi, '<\\/$1');
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${r.title}</title></head><body><div class="nav">首页 &gt; 政务公开</div><div id="content"></div>
<script type="text/javascript">
  let content = "${js}";
  document.getElementById('content').innerHTML = content;
</script></body></html>`;
    const x = await extractBytes(new TextEncoder().encode(page), 'saved.html');
    expect([x.agency, x.year, x.template]).toEqual([dongguan.agency, dongguan.year, dongguan.template]);
    expect(x.values['requests.granted.total']).toBeNull(); // &nbsp; = a blank cell
    for (const id of Object.keys(dongguan.values))
      if (id !== 'requests.granted.total') expect([id, x.values[id] ?? null]).toEqual([id, dongguan.values[id] ?? null]);
  });
});
