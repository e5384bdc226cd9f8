// Test helper: scan-like files made from a text PDF — its pages rendered by
// poppler's pdftoppm (grey JPEG at `dpi`), wrapped as an image-only PDF (one
// DCT image per A4 page, no text layer) or returned as image files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concat } from './broken.js';

export function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pages of `pdf` as image files (`fmt`; TIFF LZW-compressed), in page order. */
export function pageImages(pdf: string, dpi: number, fmt: 'jpeg' | 'png' | 'tiff', pages?: [number, number]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'nb-scan-'));
  try {
    const range = pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [];
    const tiff = fmt === 'tiff' ? ['-tiffcompression', 'lzw'] : [];
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', `-${fmt}`, ...tiff, ...range, pdf, join(dir, 'p')], { stdio: 'ignore', timeout: 60_000 });
    return readdirSync(dir)
      .sort()
      .map((f) => new Uint8Array(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Width and height of a baseline/progressive JPEG, from its SOF marker. */
function jpegSize(b: Uint8Array): [number, number] {
  let i = 2;
  while (i < b.length) {
    const marker = b[i + 1]!;
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xc3) return [(b[i + 7]! << 8) | b[i + 8]!, (b[i + 5]! << 8) | b[i + 6]!];
    i += 2 + len;
  }
  throw new Error('no JPEG frame header');
}

/** An image-only PDF: each JPEG fills an A4 page, as a scanner writes it (`skew`: fed in at a slant, degrees). */
export function imagePdf(jpegs: Uint8Array[], skew = 0): Uint8Array {
  const enc = new TextEncoder();
  const objs: Uint8Array[] = [];
  const kids: string[] = [];
  const add = (s: string | Uint8Array) => (objs.push(typeof s === 'string' ? enc.encode(s) : s), objs.length);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages, filled in below
  for (const j of jpegs) {
    const [w, h] = jpegSize(j);
    const page = objs.length + 1;
    kids.push(`${page} 0 R`);
    const [c, sn] = [Math.cos((skew * Math.PI) / 180), Math.sin((skew * Math.PI) / 180)].map((v) => v.toFixed(6));
    const turn = skew ? `1 0 0 1 297.64 420.945 cm ${c} ${sn} ${-Number(sn)} ${c} 0 0 cm 1 0 0 1 -297.64 -420.945 cm ` : '';
    const content = `q ${turn}595.28 0 0 841.89 0 0 cm /Im0 Do Q`;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im0 ${page + 1} 0 R >> >> /Contents ${page + 2} 0 R >>`);
    add(
      concat([
        enc.encode(
          `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${j.length} >>\nstream\n`,
        ),
        j,
        enc.encode('\nendstream'),
      ]),
    );
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objs[1] = enc.encode(`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${jpegs.length} >>`);
  const parts: Uint8Array[] = [enc.encode('%PDF-1.4\n%\xe2\xe3\n')];
  let len = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(len);
    const body = concat([enc.encode(`${i + 1} 0 obj\n`), o, enc.encode('\nendobj\n')]);
    parts.push(body);
    len += body.length;
  });
  const xref = [`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(enc.encode(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${len}\n%%EOF\n`));
  return concat(parts);
}
