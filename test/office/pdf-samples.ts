// Test helper: minimal hand-written PDFs (text, scan-like image only,
// encrypted, broken xref), with a correct xref table unless told otherwise.
import { concat } from './broken.js';

function build(objects: (string | Uint8Array)[], trailerExtra = '', breakXref = false): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [enc.encode('%PDF-1.4\n%\xe2\xe3\n')];
  let len = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(len);
    const body = typeof o === 'string' ? enc.encode(`${i + 1} 0 obj\n${o}\nendobj\n`) : concat([enc.encode(`${i + 1} 0 obj\n`), o, enc.encode('\nendobj\n')]);
    parts.push(body);
    len += body.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(breakXref ? o + 7 : o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(enc.encode(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${breakXref ? len + 11 : len}\n%%EOF\n`));
  return concat(parts);
}

/** One page of Latin text in Helvetica (standard font data from the package). */
export function textPdf(lines: string[], breakXref = false): Uint8Array {
  // '|' separates cells, placed 120 pt apart as a table would be
  const content = lines
    .flatMap((l, i) => l.split('|').map((cell, k) => `BT /F1 12 Tf ${72 + k * 120} ${760 - i * 18 + (k ? 1.2 : 0)} Td (${cell}) Tj ET`))
    .join('\n');
  return build(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ],
    '',
    breakXref,
  );
}

/** A "scan": `pages` pages, each only an image, no text layer. */
export function scanPdf(pages: number): Uint8Array {
  const objs: (string | Uint8Array)[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids: string[] = [];
  const img = new Uint8Array(64 * 64).map((_, i) => (i * 7) % 251);
  for (let p = 0; p < pages; p++) {
    const base = objs.length + 1;
    kids.push(`${base} 0 R`);
    const content = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${base + 1} 0 R >> >> /Contents ${base + 2} 0 R >>`);
    objs.push(
      concat([
        new TextEncoder().encode(
          '<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4096 >>\nstream\n',
        ),
        img,
        new TextEncoder().encode('\nendstream'),
      ]),
    );
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  return build(objs);
}

/** Standard security handler with a user password we do not know. */
export function encryptedPdf(): Uint8Array {
  const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => (((i + 3) * seed) % 256).toString(16).padStart(2, '0')).join('');
  const content = 'BT /F1 12 Tf 72 760 Td (secret) Tj ET';
  return build(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 37)}> /U <${hex(32, 91)}> /P -44 >>`,
    ],
    `/Encrypt 6 0 R /ID [<${hex(16, 11)}> <${hex(16, 11)}>] `,
  );
}
