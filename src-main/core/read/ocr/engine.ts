// The OCR engine: tesseract.js (tesseract compiled to wasm) with the chi_sim
// LSTM model, everything loaded from the installed packages — never from the
// network, never cached into the working folder:
// - langPath is a folder on disk (tesseract.js only fetches when it is a URL),
//   the data is the gzipped LSTM-only model of @tesseract.js-data/chi_sim;
// - cacheMethod 'none': no read of `./chi_sim.traineddata`, no write of it;
// - workerPath is the package's own Node worker script, which loads the wasm
//   core with require('tesseract.js-core/…') (corePath is a browser option);
// - images are handed over as bytes, never as paths or URLs.
// One engine (a tesseract worker thread, ~200 MB) per thread that OCRs; it is
// ended after a minute without work so an idle import worker gives it back.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Tesseract = typeof import('tesseract.js');
type TWorker = import('tesseract.js').Worker;

const req = createRequire(import.meta.url);

/** Inside a packaged app the files sit in app.asar.unpacked (a worker thread and the wasm need real files). */
const unpacked = (p: string) => p.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');

export interface OcrPaths {
  langPath: string;
  workerPath: string;
  corePath: string;
}

export function ocrPaths(): OcrPaths {
  return {
    // the LSTM-only integer model: 1.7 MB gzipped, what tesseract.js itself uses for OEM 1
    langPath: unpacked(join(dirname(req.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int')),
    workerPath: unpacked(req.resolve('tesseract.js/src/worker-script/node/index.js')),
    corePath: unpacked(dirname(req.resolve('tesseract.js-core/package.json'))),
  };
}

/** The options handed to createWorker; exported so a test can check them. */
export function ocrOptions(): Record<string, unknown> {
  const p = ocrPaths();
  return {
    langPath: p.langPath,
    workerPath: p.workerPath,
    corePath: p.corePath,
    gzip: true, // the package ships chi_sim.traineddata.gz
    cacheMethod: 'none',
    cachePath: p.langPath, // unused with 'none'; never the working folder
    logger: () => {},
    errorHandler: () => {},
  };
}

export interface OcrSymbolBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrSymbolBox;
}
export interface OcrLine {
  bbox: OcrSymbolBox;
  words: OcrWord[];
}

let engine: Promise<TWorker> | null = null;
let engineDpi = 0;
let idle: NodeJS.Timeout | null = null;
const IDLE_MS = 60_000;

function start(): Promise<TWorker> {
  const { langPath, workerPath } = ocrPaths();
  if (!existsSync(join(langPath, 'chi_sim.traineddata.gz')) || !existsSync(workerPath))
    return Promise.reject(new Error('the OCR language data is not installed (@tesseract.js-data/chi_sim)'));
  const T = req('tesseract.js') as Tesseract;
  return (async () => {
    const w = await T.createWorker('chi_sim', T.OEM.LSTM_ONLY, ocrOptions());
    // a report page is one column of text; table cells are read one by one (psm 6)
    // debug_file: tesseract's own chatter ("Detected 838 diacritics") would reach stdout and break `extract --json`
    await w.setParameters({ tessedit_pageseg_mode: T.PSM.SINGLE_COLUMN, debug_file: '/dev/null' });
    return w;
  })();
}

/**
 * Recognise one image (PNG/JPEG/PGM bytes): its text lines with word boxes
 * and confidences (0–100). `block`: the image is one table cell (psm 6).
 */
export async function recognize(image: Uint8Array, dpi: number, block = false): Promise<OcrLine[]> {
  if (idle) clearTimeout(idle);
  engine ??= start();
  const mine = engine;
  let w: TWorker;
  try {
    w = await mine;
  } catch (e) {
    if (engine === mine) engine = null;
    throw e;
  }
  // Stopped meanwhile (a file over its time budget): tesseract.js would post
  // to a dead thread and fail outside any promise we hold.
  const stopped = () => new Error('the OCR engine was stopped');
  if (engine !== mine) throw stopped();
  try {
    // the pixels carry no resolution: say it, or tesseract guesses (and prints its guess)
    if (dpi !== engineDpi) await w.setParameters({ user_defined_dpi: String(dpi) });
    engineDpi = dpi;
    if (engine !== mine) throw stopped();
    const r = await w.recognize(
      Buffer.from(image.buffer, image.byteOffset, image.byteLength),
      (block ? { tessedit_pageseg_mode: '6' } : {}) as Record<string, string>,
      { blocks: true, text: false },
    );
    const lines: OcrLine[] = [];
    for (const b of r.data.blocks ?? [])
      for (const p of b.paragraphs)
        for (const l of p.lines) lines.push({ bbox: l.bbox, words: l.words.map((x) => ({ text: x.text, confidence: x.confidence, bbox: x.bbox })) });
    return lines;
  } finally {
    if (engine === mine) {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => void closeOcr(), IDLE_MS);
      idle.unref();
    }
  }
}

/** End the engine (frees its memory; the next recognize starts a new one). */
export async function closeOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const e = engine;
  engine = null;
  engineDpi = 0;
  if (!e) return;
  try {
    await (await e).terminate();
  } catch {
    // never started or already gone
  }
}
