// Small hostile files, generated (never stored): each makes a reader allocate
// or compute far more than its size unless the caps of read/limits.ts bite.
// Used by test/read/hostile.test.ts and bench/hostile.ts.
import { createRequire } from 'node:module';
import { constants, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

const XLSX = createRequire(import.meta.url)('xlsx') as typeof import('xlsx');

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
}

/** A minimal .docx around `body` (WordprocessingML inside <w:body>). */
function docx(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      'word/document.xml': strToU8(xml),
    },
    { level: 9 },
  );
}

/** ~530 bytes: one table row whose w:gridBefore asks for 100 million empty cells. */
export function gridBeforeDocx(): Uint8Array {
  return docx('<w:tbl><w:tr><w:trPr><w:gridBefore w:val="100000000"/></w:trPr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>');
}

/** A row of 300 cells each spanning 1000 grid columns (gridSpan): 300 000 columns. */
export function gridSpanDocx(): Uint8Array {
  const tc = '<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc>';
  return docx(`<w:tbl><w:tr>${tc.repeat(300)}</w:tr></w:tbl>`);
}

/** ~9 KB of HTML: 40 rows of cells with rowspan=200 colspan=200 (gigabytes of covered positions once expanded). */
export function spanBombHtml(): string {
  const row = `<tr>${'<td rowspan="200" colspan="200">1</td>'.repeat(5)}</tr>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>span</title></head><body><table>${row.repeat(40)}</table></body></html>`;
}

/** An xlsx with one cell and one merge over the whole sheet, A1:XFD1048576. */
export function mergeBombXlsx(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['政府信息公开工作年度报告']]);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 1048575, c: 16383 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/**
 * A zip holding `name`, which inflates to `mib` MiB of spaces from ~1 KB per
 * MiB: one byte-aligned deflate block repeated (so a 1 GiB bomb is made in
 * milliseconds). `lie`: the sizes in the zip say 1000 bytes.
 */
function bombZip(name: string, mib: number, lie: boolean, others: Record<string, string> = {}): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const data = concat([...Array.from({ length: mib }, () => block), end]);
  const size = lie ? 1000 : Math.min(0xfffffffe, mib * 2 ** 20);
  const entries: { name: Uint8Array; data: Uint8Array; method: number; size: number }[] = [
    ...Object.entries(others).map(([n, s]) => ({ name: strToU8(n), data: strToU8(s), method: 0, size: strToU8(s).length })),
    { name: strToU8(name), data, method: 8, size },
  ];
  const locals: Uint8Array[] = [];
  const dirs: Uint8Array[] = [];
  let off = 0;
  for (const e of entries) {
    const l = new Uint8Array(30 + e.name.length);
    const lv = new DataView(l.buffer);
    lv.setUint32(0, 0x04034b50, true), lv.setUint16(4, 20, true), lv.setUint16(8, e.method, true);
    lv.setUint32(18, e.data.length, true), lv.setUint32(22, e.size, true), lv.setUint16(26, e.name.length, true);
    l.set(e.name, 30);
    const d = new Uint8Array(46 + e.name.length);
    const dv = new DataView(d.buffer);
    dv.setUint32(0, 0x02014b50, true), dv.setUint16(4, 20, true), dv.setUint16(6, 20, true), dv.setUint16(10, e.method, true);
    dv.setUint32(20, e.data.length, true), dv.setUint32(24, e.size, true), dv.setUint16(28, e.name.length, true), dv.setUint32(42, off, true);
    d.set(e.name, 46);
    locals.push(l, e.data);
    dirs.push(d);
    off += l.length + e.data.length;
  }
  const cd = concat(dirs);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true), ev.setUint16(8, entries.length, true), ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cd.length, true), ev.setUint32(16, off, true);
  return concat([...locals, cd, eocd]);
}

/** ~1 MB .xlsx whose sheet inflates to `mib` MiB (default 1 GiB); its zip directory lies about the size. */
export function zipBombXlsx(mib = 1024): Uint8Array {
  return bombZip('xl/worksheets/sheet1.xml', mib, true, {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml':
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>',
  });
}

function pdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offs: number[] = [];
  objects.forEach((o, i) => {
    offs.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offs.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return strToU8(`${out}${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${out.length}\n%%EOF\n`);
}

/**
 * A few KB of PDF whose one page shows 1 000 000 text runs: a form that shows
 * one word, drawn 100 times by a form drawn 100 times by the page, 100 times.
 */
export function runFloodPdf(fanout = 100): Uint8Array {
  const stream = (s: string, extra = '') => `<< ${extra}/Length ${s.length} >>\nstream\n${s}\nendstream`;
  const form = (body: string, res: string) => stream(body, `/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << ${res} >> `);
  const draws = (x: string) => Array.from({ length: fanout }, (_, i) => `q 1 0 0 1 0 ${i % 50} cm /${x} Do Q`).join('\n');
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /XObject << /X3 6 0 R >> >> /Contents 4 0 R >>',
    stream(draws('X3')),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    form(draws('X2'), '/XObject << /X2 7 0 R >>'),
    form(draws('X1'), '/XObject << /X1 8 0 R >>'),
    form('BT /F1 10 Tf 10 10 Td (flood) Tj ET', '/Font << /F1 5 0 R >>'),
  ]);
}

/** ~350 bytes: a baseline JPEG whose frame header declares 20000×20000 pixels, 3 components. */
export function hugeHeaderJpeg(width = 20000, height = 20000): Uint8Array {
  const seg = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  const dqt = seg(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]);
  const sof = seg(0xc0, [8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
  // one DC and one AC Huffman table with a single 1-bit code each
  const dht = seg(0xc4, [0x00, 1, ...Array(15).fill(0), 0, 0x10, 1, ...Array(15).fill(0), 0]);
  const sos = seg(0xda, [3, 1, 0, 2, 0, 3, 0, 0, 63, 0]);
  const scan = Array.from({ length: 160 }, () => 0);
  return new Uint8Array([0xff, 0xd8, ...dqt, ...sof, ...dht, ...sos, ...scan, 0xff, 0xd9]);
}

/** Every hostile file with the name it is imported under (for a folder import). */
export function hostileFiles(opts: { zipBombMib?: number } = {}): Record<string, Uint8Array> {
  return {
    'gridbefore.docx': gridBeforeDocx(),
    'gridspan.docx': gridSpanDocx(),
    'spanbomb.html': strToU8(spanBombHtml()),
    'mergebomb.xlsx': mergeBombXlsx(),
    'zipbomb.xlsx': zipBombXlsx(opts.zipBombMib ?? 1024),
    'runflood.pdf': runFloodPdf(),
    'hugeheader.jpg': hugeHeaderJpeg(),
  };
}

/** ~2 KB: a "scan" whose one image declares 30000×30000 grey pixels (50 rows of data behind it). */
export function hugeImagePdf(width = 30000, height = 30000): Uint8Array {
  const data = deflateRawSync(Buffer.alloc(width * 50, 0));
  // zlib wrapper around the raw deflate data (FlateDecode wants it): header, data, no checksum check by pdf.js
  const zlib = concat([new Uint8Array([0x78, 0x9c]), data, new Uint8Array(4)]);
  const head = `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${zlib.length} >>\nstream\n`;
  const objs: (string | Uint8Array)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /I 5 0 R >> >> /Contents 4 0 R >>',
    '<< /Length 29 >>\nstream\nq 595 0 0 842 0 0 cm /I Do Q\nendstream',
    concat([strToU8(head, true), zlib, strToU8('\nendstream')]),
  ];
  const parts: Uint8Array[] = [strToU8('%PDF-1.4\n')];
  let len = parts[0]!.length;
  const offs: number[] = [];
  objs.forEach((o, i) => {
    offs.push(len);
    const body = concat([strToU8(`${i + 1} 0 obj\n`), typeof o === 'string' ? strToU8(o) : o, strToU8('\nendobj\n')]);
    parts.push(body);
    len += body.length;
  });
  parts.push(
    strToU8(
      `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offs.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${len}\n%%EOF\n`,
    ),
  );
  return concat(parts);
}
