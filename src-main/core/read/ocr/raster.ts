// Pixels for OCR: a PDF page rendered by pdf.js onto an @napi-rs/canvas (pdf.js
// decodes the page's images itself, in JavaScript), or an image file decoded
// in JavaScript too (image-decode.ts); both end as 8-bit grey.
import { ReadError } from '../../model.js';

type Canvas = typeof import('@napi-rs/canvas');
let canvasLib: Canvas | null = null;
async function canvas(): Promise<Canvas> {
  canvasLib ??= await import('@napi-rs/canvas');
  return canvasLib;
}

export interface Gray {
  width: number;
  height: number;
  data: Uint8Array; // one byte per pixel, 0 black … 255 white
  /** Darker than this is ink (set by clean.ts from the page's histogram). */
  ink?: number;
}

/** Largest raster we make (pixels): an A4 page at 300 dpi is 8.7 M. Pages declared huge are scaled down to it. */
const MAX_PIXELS = 12_000_000;

function toGray(rgba: Uint8ClampedArray, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    // alpha over white: a transparent PNG is white paper, not black
    const a = rgba[j + 3]! / 255;
    const y = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    data[i] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, data };
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof import('../pdf.js').openPdf>>['getPage']>>;

/** Render one PDF page at `dpi` (capped by MAX_PIXELS); returns the pixels and the scale (pixels per point). */
export async function renderPage(page: PdfPage, dpi: number): Promise<{ gray: Gray; scale: number }> {
  const { createCanvas } = await canvas();
  const base = page.getViewport({ scale: 1 });
  let scale = dpi / 72;
  if (base.width * base.height * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / (base.width * base.height));
  const vp = page.getViewport({ scale });
  const w = Math.max(1, Math.ceil(vp.width));
  const h = Math.max(1, Math.ceil(vp.height));
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  // pdf.js types want DOM canvases; @napi-rs/canvas is the one its Node build uses itself
  type Params = Parameters<PdfPage['render']>[0];
  await page.render({ canvas: c as unknown as Params['canvas'], canvasContext: ctx as unknown as Params['canvasContext'], viewport: vp, background: 'white' })
    .promise;
  const gray = toGray(ctx.getImageData(0, 0, w, h).data, w, h);
  c.width = 1; // drop the RGBA buffer now rather than at the next GC
  c.height = 1;
  return { gray, scale };
}

/**
 * Decode an image file (PNG or JPEG, in JavaScript: see image-decode.ts).
 * Small images (a photo scaled down, a 96-dpi screenshot) are enlarged:
 * tesseract wants characters ~20 px high or more.
 */
export async function decodeImage(bytes: Uint8Array): Promise<{ gray: Gray; scale: number }> {
  const { decodeJpeg, decodePng, resize } = await import('./image-decode.js');
  let gray: Gray;
  if (bytes[0] === 0x89 && bytes[1] === 0x50) gray = decodePng(bytes);
  else if (bytes[0] === 0xff && bytes[1] === 0xd8) gray = await decodeJpeg(bytes);
  else throw new ReadError('unsupported', 'only PNG, JPEG and TIFF images are read; save a GIF or WebP page as PNG or PDF');
  // a portrait page narrower than ~1600 px holds text too small for OCR
  let scale = Math.min(3, Math.max(1, 1600 / Math.min(gray.width, gray.height)));
  if (gray.width * gray.height * scale * scale > MAX_PIXELS) scale = Math.max(1, Math.sqrt(MAX_PIXELS / (gray.width * gray.height)));
  return { gray: scale > 1.05 ? resize(gray, scale) : gray, scale: scale > 1.05 ? scale : 1 };
}

/** Binary PGM (P5): what leptonica reads without any encoding work on our side. */
export function toPgm(g: Gray): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${g.width} ${g.height}\n255\n`);
  const out = new Uint8Array(head.length + g.data.length);
  out.set(head);
  out.set(g.data, head.length);
  return out;
}
