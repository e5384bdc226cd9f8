// TIFF scans (one page or many) → an image-only PDF, so that pdf.js decodes
// them in JavaScript and the PDF OCR path reads them. TIFF's strip encodings
// are PDF filters under other names: LZW → LZWDecode, Deflate → FlateDecode
// (with the same horizontal predictor), PackBits → RunLengthDecode, CCITT
// G3/G4 fax → CCITTFaxDecode; each strip becomes one image on the page.
// Tiles, old-style JPEG and palettes are refused with a clear message.
import { ReadError } from '../../model.js';
import { checkImage } from '../limits.js';

const damaged = (why: string) => new ReadError('corrupt', `the TIFF image is damaged and cannot be read (${why})`);
const unsupported = (what: string) => new ReadError('unsupported', `${what} in a TIFF is not read; save the scan as PDF or PNG`);
const MAX_PAGES = 50;

interface Ifd {
  get(tag: number): number[] | undefined;
}

function readIfds(b: Uint8Array): Ifd[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = b[0] === 0x49;
  const u16 = (o: number) => dv.getUint16(o, le);
  const u32 = (o: number) => dv.getUint32(o, le);
  const SIZE: Record<number, number> = { 1: 1, 3: 2, 4: 4, 5: 8, 16: 8 };
  const out: Ifd[] = [];
  const seen = new Set<number>();
  let off = u32(4);
  while (off && out.length < MAX_PAGES) {
    if (seen.has(off) || off + 2 > b.length) throw damaged('bad directory offset');
    seen.add(off);
    const n = u16(off);
    if (off + 2 + n * 12 + 4 > b.length) throw damaged('truncated directory');
    const tags = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const e = off + 2 + i * 12;
      const tag = u16(e);
      const type = u16(e + 2);
      const count = u32(e + 4);
      const size = SIZE[type];
      if (!size || count > 1_000_000) continue;
      const at = size * count <= 4 ? e + 8 : u32(e + 8);
      if (at + size * count > b.length) throw damaged(`tag ${tag} outside the file`);
      const vals: number[] = [];
      for (let k = 0; k < count; k++) {
        const p = at + k * size;
        vals.push(type === 1 ? b[p]! : type === 3 ? u16(p) : type === 4 ? u32(p) : u32(p) / (u32(p + 4) || 1));
      }
      tags.set(tag, vals);
    }
    out.push({ get: (t) => tags.get(t) });
    off = u32(off + 2 + n * 12);
  }
  return out;
}

/** An image-only PDF with one page per TIFF page. */
export function tiffToPdf(b: Uint8Array): Uint8Array {
  if (b.length < 8) throw damaged('too short');
  const ifds = readIfds(b);
  if (!ifds.length) throw damaged('no page');
  const enc = new TextEncoder();
  const objs: Uint8Array[] = [enc.encode('<< /Type /Catalog /Pages 2 0 R >>'), new Uint8Array()];
  const kids: number[] = [];
  for (const ifd of ifds) {
    const one = (t: number, d?: number) => ifd.get(t)?.[0] ?? d;
    const w = one(256);
    const h = one(257);
    if (!w || !h) throw damaged('no image size');
    checkImage(w, h); // pdf.js decodes a strip at its declared size
    if (ifd.get(322)) throw unsupported('a tiled image');
    const comp = one(259, 1)!;
    const photo = one(262, 1)!;
    const spp = one(277, 1)!;
    const bps = one(258, 1)!;
    if (photo === 3) throw unsupported('a palette image');
    if ((one(284, 1) ?? 1) !== 1 && spp > 1) throw unsupported('a planar colour image');
    if (![1, 8].includes(bps) || ![1, 3].includes(spp)) throw unsupported(`${spp} × ${bps}-bit samples`);
    const offsets = ifd.get(273);
    const counts = ifd.get(279);
    if (!offsets || !counts || offsets.length !== counts.length) throw damaged('no strips');
    const rps = Math.min(h, one(278, h)!);
    const dpi = one(282, 200)! > 30 ? one(282, 200)! : 200;
    const pw = (w * 72) / dpi;
    const ph = (h * 72) / dpi;
    const colors = spp === 3 ? '/DeviceRGB' : '/DeviceGray';
    const pred = one(317, 1) === 2 ? `/Predictor 2 /Colors ${spp} /BitsPerComponent ${bps} /Columns ${w}` : '';
    let filter: string;
    if (comp === 1) filter = '';
    else if (comp === 5) filter = `/Filter /LZWDecode${pred ? ` /DecodeParms << ${pred} >>` : ''}`;
    else if (comp === 8 || comp === 32946) filter = `/Filter /FlateDecode${pred ? ` /DecodeParms << ${pred} >>` : ''}`;
    else if (comp === 32773) filter = '/Filter /RunLengthDecode';
    else if (comp === 3 || comp === 4) {
      const k = comp === 4 ? -1 : one(292, 0)! & 1 ? 1 : 0;
      // the fax code says which runs are black; the filter paints them black whatever the TIFF's photometric
      filter = `/Filter /CCITTFaxDecode /DecodeParms << /K ${k} /Columns ${w} ROWS >>`;
    } else throw unsupported(`compression ${comp}`);
    // WhiteIsZero grey/bilevel: ink is the high value (fax data is handled by BlackIs1 instead)
    const decode = photo === 0 && comp !== 3 && comp !== 4 ? ' /Decode [1 0]' : '';
    const page = objs.length + 1;
    kids.push(page);
    const resources: string[] = [];
    const draw: string[] = [];
    objs.push(new Uint8Array()); // the page, below
    offsets.forEach((o, i) => {
      const rows = Math.min(rps, h - i * rps);
      if (rows <= 0) return;
      const n = counts[i]!;
      if (o + n > b.length) throw damaged('a strip outside the file');
      const f = filter.replace('ROWS', `/Rows ${rows}`);
      const head = enc.encode(
        `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${rows} /ColorSpace ${colors} /BitsPerComponent ${bps}${decode} ${f} /Length ${n} >>\nstream\n`,
      );
      const obj = new Uint8Array(head.length + n + 10);
      obj.set(head);
      obj.set(b.subarray(o, o + n), head.length);
      obj.set(enc.encode('\nendstream'), head.length + n);
      objs.push(obj);
      resources.push(`/S${i} ${objs.length} 0 R`);
      // strip i covers rows [i·rps, i·rps + rows) from the top
      const y = ph - ((i * rps + rows) * 72) / dpi;
      draw.push(`q ${pw.toFixed(3)} 0 0 ${((rows * 72) / dpi).toFixed(3)} 0 ${y.toFixed(3)} cm /S${i} Do Q`);
    });
    const content = draw.join('\n');
    objs.push(enc.encode(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`));
    objs[page - 1] = enc.encode(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw.toFixed(3)} ${ph.toFixed(3)}] /Resources << /XObject << ${resources.join(' ')} >> >> /Contents ${objs.length} 0 R >>`,
    );
  }
  objs[1] = enc.encode(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const parts: Uint8Array[] = [enc.encode('%PDF-1.4\n')];
  let len = parts[0]!.length;
  const xref: number[] = [];
  objs.forEach((o, i) => {
    xref.push(len);
    const head = enc.encode(`${i + 1} 0 obj\n`);
    const tail = enc.encode('\nendobj\n');
    parts.push(head, o, tail);
    len += head.length + o.length + tail.length;
  });
  parts.push(
    enc.encode(
      `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${xref.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${len}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}
