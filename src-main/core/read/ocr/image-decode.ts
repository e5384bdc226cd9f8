// Image files decoded in JavaScript, never by a native decoder: a damaged
// PNG crashes @napi-rs/canvas's decoder with a segfault (measured), which in
// an import worker would take the whole process down. PNG: zlib + the five
// row filters; JPEG: pdf.js's own decoder. Both end as 8-bit grey.
import { inflateSync } from 'node:zlib';
import { ReadError } from '../../model.js';
import { checkImage } from '../limits.js';
import type { Gray } from './raster.js';

const damaged = (why: string) => new ReadError('corrupt', `the image is damaged and cannot be decoded (${why})`);

export function decodePng(b: Uint8Array): Gray {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let type = -1;
  let interlace = 0;
  let palette: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  while (i + 8 <= b.length) {
    const len = dv.getUint32(i);
    const kind = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    if (i + 12 + len > b.length) throw damaged('truncated');
    const body = b.subarray(i + 8, i + 8 + len);
    if (kind === 'IHDR') {
      if (len < 13) throw damaged('bad header');
      width = dv.getUint32(i + 8);
      height = dv.getUint32(i + 12);
      depth = body[8]!;
      type = body[9]!;
      interlace = body[12]!;
    } else if (kind === 'PLTE') palette = body;
    else if (kind === 'IDAT') idat.push(body);
    else if (kind === 'IEND') break;
    i += 12 + len;
  }
  if (!width || !height || type < 0) throw damaged('no header');
  checkImage(width, height);
  if (interlace) throw new ReadError('unsupported', 'an interlaced PNG; save it again without interlacing (or as PDF)');
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[type];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) throw damaged(`colour type ${type}, depth ${depth}`);
  if (!idat.length) throw damaged('no image data');
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: ((width * channels * depth) / 8 + 1) * height + 1024 });
  } catch (e) {
    throw damaged((e as Error).message);
  }
  const bpp = Math.max(1, (channels * depth) / 8); // bytes per pixel for the filters
  const stride = Math.ceil((width * channels * depth) / 8);
  if (raw.length < (stride + 1) * height) throw damaged('truncated image data');
  const out = new Uint8Array(width * height);
  let prev = new Uint8Array(stride);
  let row = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp]! : 0;
      const up = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      let v = src[x]!;
      if (f === 1) v += a;
      else if (f === 2) v += up;
      else if (f === 3) v += (a + up) >> 1;
      else if (f === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      } else if (f !== 0) throw damaged(`row filter ${f}`);
      row[x] = v & 255;
    }
    const sample = (k: number): number => {
      // k-th sample of the row, scaled to 0..255
      if (depth === 8) return row[k]!;
      if (depth === 16) return row[2 * k]!;
      const perByte = 8 / depth;
      const v = (row[Math.floor(k / perByte)]! >> (8 - depth * ((k % perByte) + 1))) & ((1 << depth) - 1);
      return type === 3 ? v : Math.round((v * 255) / ((1 << depth) - 1));
    };
    for (let x = 0; x < width; x++) {
      let g: number;
      let alpha = 255;
      if (type === 3) {
        const p = sample(x) * 3;
        if (!palette || p + 2 >= palette.length) throw damaged('colour not in palette');
        g = 0.299 * palette[p]! + 0.587 * palette[p + 1]! + 0.114 * palette[p + 2]!;
      } else if (channels >= 3) {
        g = 0.299 * sample(x * channels) + 0.587 * sample(x * channels + 1) + 0.114 * sample(x * channels + 2);
        if (channels === 4) alpha = sample(x * 4 + 3);
      } else {
        g = sample(x * channels);
        if (channels === 2) alpha = sample(x * 2 + 1);
      }
      // transparent is white paper
      out[y * width + x] = Math.round((g * alpha + 255 * (255 - alpha)) / 255);
    }
    [prev, row] = [row, prev];
  }
  return { width, height, data: out };
}

// pdf.js ships this module without type declarations
const DECODERS: string = 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs';
interface Jpeg {
  parse(data: Uint8Array): void;
  getData(o: { width: number; height: number; forceRGB?: boolean }): Uint8ClampedArray;
  width: number;
  height: number;
  numComponents: number;
}

/**
 * The frame size a JPEG declares (its SOF segment), read before decoding: the
 * decoder allocates for the declared size, so a 350-byte file declaring
 * 20000×20000 must be refused here. Null when there is no frame header.
 */
export function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return null;
    const m = b[p + 1]!;
    if (m === 0xff) {
      p++;
      continue;
    } // fill byte
    if (m === 0x01 || (m >= 0xd0 && m <= 0xd8)) {
      p += 2;
      continue;
    } // no length
    if (m === 0xd9 || m === 0xda) return null; // end, or scan data before any frame
    const len = (b[p + 2]! << 8) | b[p + 3]!;
    const sof = m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
    if (sof) {
      if (p + 9 > b.length) return null;
      return { height: (b[p + 5]! << 8) | b[p + 6]!, width: (b[p + 7]! << 8) | b[p + 8]! };
    }
    p += 2 + len;
  }
  return null;
}

export async function decodeJpeg(b: Uint8Array): Promise<Gray> {
  const declared = jpegSize(b);
  if (declared) checkImage(declared.width, declared.height);
  const { JpegImage } = (await import(DECODERS)) as { JpegImage: new () => Jpeg };
  const j = new JpegImage();
  try {
    j.parse(b);
  } catch (e) {
    throw damaged((e as Error).message);
  }
  const { width, height, numComponents: n } = j;
  if (!width || !height) throw damaged('no frame');
  checkImage(width, height);
  let px: Uint8ClampedArray;
  try {
    px = j.getData({ width, height, forceRGB: n !== 1 });
  } catch (e) {
    throw damaged((e as Error).message);
  }
  const out = new Uint8Array(width * height);
  if (n === 1) out.set(px.subarray(0, out.length));
  else for (let i = 0, k = 0; i < out.length; i++, k += 3) out[i] = Math.round(0.299 * px[k]! + 0.587 * px[k + 1]! + 0.114 * px[k + 2]!);
  return { width, height, data: out };
}

/** Bilinear resize of a grey image (small photos and screenshots are enlarged for OCR). */
export function resize(g: Gray, scale: number): Gray {
  const w = Math.max(1, Math.round(g.width * scale));
  const h = Math.max(1, Math.round(g.height * scale));
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(g.height - 1, (y + 0.5) / scale - 0.5);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(g.height - 1, y0 + 1);
    const fy = Math.max(0, sy - y0);
    for (let x = 0; x < w; x++) {
      const sx = Math.min(g.width - 1, (x + 0.5) / scale - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(g.width - 1, x0 + 1);
      const fx = Math.max(0, sx - x0);
      const top = g.data[y0 * g.width + x0]! * (1 - fx) + g.data[y0 * g.width + x1]! * fx;
      const bot = g.data[y1 * g.width + x0]! * (1 - fx) + g.data[y1 * g.width + x1]! * fx;
      out[y * w + x] = Math.round(top * (1 - fy) + bot * fy);
    }
  }
  return { width: w, height: h, data: out };
}
