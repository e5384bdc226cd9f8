import { describe, expect, it } from 'vitest';
import { read } from '../../src-main/core/read/docx.js';
import { readDocument } from '../../src-main/core/read/index.js';
import { detectFormat } from '../../src-main/core/read/detect.js';
import { type Grid, type ReportDocument } from '../../src-main/core/model.js';
import { REQUEST_COLUMNS, rowsOfTable } from '../../src-main/core/catalogue/index.js';
import { docxXml, loadExpected, makeDocx, reportOf, SEEDS, type Expected } from './report-tables.js';
import { encryptedOoxml, manyEntries, noise, readErr, zipBomb } from './broken.js';
import { haveSeeds } from '../seeds.js';

const seed003 = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);

function checkOffsets(doc: ReportDocument): void {
  for (const g of doc.grids) for (const row of g.rows) for (const c of row) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
}

/** Every requests value of `e` sits in the grid row labelled like the template row. */
export function checkRequests(grid: Grid, e: Expected): number {
  let checked = 0;
  for (const row of rowsOfTable(e.template, 'requests')) {
    const key = row.label.zh === '其他' ? '3.其他' : row.label.zh.slice(0, 6);
    const candidates = grid.rows.filter((r) => r.some((c) => !c.covered && c.text.replace(/[“”"]/g, '').includes(key)));
    const r = candidates[candidates.length > 1 && row.id.endsWith('total') ? candidates.length - 1 : 0];
    if (e.values[`${row.id}.person`] === undefined) continue;
    expect(r, row.id).toBeDefined();
    const nums = r!.slice(-7).map((c) => c.text);
    expect(nums, row.id).toEqual(REQUEST_COLUMNS.map((c) => String(e.values[`${row.id}.${c.id}`] ?? '')));
    checked++;
  }
  return checked;
}

describe.skipIf(!haveSeeds)('docx reader', () => {
  it('reads a Word report with merged headers as a true grid', async () => {
    const doc = await read(makeDocx(docxXml(reportOf(seed003))), 'report.docx');
    expect(doc.format).toBe('docx');
    expect(doc.grids).toHaveLength(3);
    checkOffsets(doc);
    const req = doc.grids[1]!;
    expect(req.rows[0]!).toHaveLength(10);
    // 法人或其他组织 spans the five middle columns (gridSpan)
    const legal = req.rows[1]![4]!;
    expect(legal).toMatchObject({ text: '法人或其他组织', colSpan: 5, rowSpan: 1 });
    for (let c = 5; c <= 8; c++) expect(req.rows[1]![c]).toMatchObject({ covered: true, text: '法人或其他组织', start: legal.start });
    expect(req.rows[2]!.slice(4, 9).map((c) => c.text)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    // 自然人 / 总计 run over two header rows (vMerge)
    expect(req.rows[1]![3]).toMatchObject({ text: '自然人', rowSpan: 2 });
    expect(req.rows[2]![3]).toMatchObject({ covered: true, text: '自然人' });
    // 三、本年度办理结果 over the 20-row block of template 2019
    const block = req.rows[5]![0]!;
    expect(block).toMatchObject({ text: '三、本年度办理结果', rowSpan: 20 });
    for (let r = 6; r < 25; r++) expect(req.rows[r]![0]).toMatchObject({ covered: true, start: block.start });
    expect(req.rows[7]![1]).toMatchObject({ text: '（三）不予公开', rowSpan: 8 });
    expect(checkRequests(req, seed003)).toBe(23);
    // the text path alone: one row per line, cells by tabs, bookmarks dropped
    expect(doc.text).toContain('\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n');
    expect(doc.text).toContain('行政许可\t14\t-6\t1229');
    expect(doc.text).not.toContain('_GoBack');
    // table 四: 15 numbers on one row under a three-level header
    const review = doc.grids[2]!;
    expect(review.rows[3]!.map((c) => c.text)).toHaveLength(15);
    expect(review.rows[0]![0]).toMatchObject({ text: '行政复议', colSpan: 5, rowSpan: 2 });
    expect(review.rows[1]![5]).toMatchObject({ text: '未经复议直接起诉', colSpan: 5 });
  });

  it('keeps hyperlink, smartTag and sdt text and drops field codes and deleted text', async () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
      <w:p><w:hyperlink><w:r><w:t>东莞市</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t>商务局</w:t></w:r></w:smartTag><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2020</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>
      <w:sdt><w:sdtContent><w:p><w:r><w:t>年度报告</w:t></w:r></w:p></w:sdtContent></w:sdt>
      <w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>本年</w:t></w:r></w:p><w:p><w:r><w:t>新制作数量</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>
      </w:body></w:document>`;
    const doc = await read(makeDocx(xml), 'a.docx');
    expect(doc.text).toBe('东莞市商务局2020\n年度报告\n\t本年新制作数量\n规章\t5');
    expect(doc.grids[0]!.rows[0]![1]!.text).toBe('本年新制作数量');
    checkOffsets(doc);
  });

  it('routes docx content by bytes, whatever the extension', async () => {
    const bytes = makeDocx(docxXml(reportOf(seed003)));
    expect(detectFormat(bytes, 'report.wps')).toBe('docx');
    expect(detectFormat(bytes, 'report.doc')).toBe('docx');
    const doc = await readDocument(bytes, 'report.wps');
    expect(doc.grids).toHaveLength(3);
    expect(detectFormat(new TextEncoder().encode('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'r.doc')).toBe('html');
    expect(detectFormat(encryptedOoxml(), 'r.docx')).toBe('docx');
  });

  it('rejects broken and hostile files with a clear error', async () => {
    const good = makeDocx(docxXml(reportOf(seed003)));
    expect((await readErr(read(good.subarray(0, good.length >> 1), 't.docx'))).code).toBe('corrupt');
    expect((await readErr(readDocument(good.subarray(0, good.length - 30), 't.docx'))).code).toBe('corrupt');
    expect((await readErr(read(zipBomb(210, false), 'b.docx'))).code).toBe('zip_bomb');
    expect((await readErr(read(zipBomb(210, true), 'b.docx'))).code).toBe('zip_bomb');
    expect((await readErr(read(manyEntries(6000), 'm.docx'))).code).toBe('zip_bomb');
    const enc = await readErr(readDocument(encryptedOoxml(), 'secret.docx'));
    expect(enc.code).toBe('encrypted');
    expect((await readErr(readDocument(new Uint8Array(0), 'e.docx'))).code).toBe('empty');
    await readErr(readDocument(noise(5000), 'random.docx'));
    // a zip that is not Word
    const { zipSync, strToU8 } = await import('fflate');
    expect((await readErr(read(zipSync({ 'a.txt': strToU8('x') }), 'z.docx'))).code).toBe('corrupt');
    // absurd nesting (stack exhaustion) is a per-file error, not a crash
    const deep = '<w:sdt><w:sdtContent>'.repeat(20000) + '<w:p><w:r><w:t>x</w:t></w:r></w:p>' + '</w:sdtContent></w:sdt>'.repeat(20000);
    expect(
      (
        await readErr(
          read(
            makeDocx(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${deep}</w:body></w:document>`),
            'deep.docx',
          ),
        )
      ).code,
    ).toBe('corrupt');
    // broken XML
    expect((await readErr(read(makeDocx('<w:document><w:body><w:p>'), 'x.docx'))).code).toBe('corrupt');
  });
});
