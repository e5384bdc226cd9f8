// pdf.js in the renderer: loaded on first use (its own chunk), worker from
// our own build, CMaps and standard fonts from dist-renderer/pdfjs/ (copied
// by vite.config.ts) — nothing from the network, no eval.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let lib: Promise<{ m: PdfJs; worker: InstanceType<PdfJs['PDFWorker']> }> | null = null;
/** pdf.js and one worker, started once and kept for every document (a worker takes ~200 ms to start). */
function pdfjs() {
  lib ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = new URL(workerUrl, document.baseURI).href;
    return { m, worker: new m.PDFWorker() };
  });
  return lib;
}

/** Start pdf.js and its worker ahead of the first page (the report page calls this on mount). */
export function warmPdf(): void {
  void pdfjs();
}

export function base64Bytes(data: string): Uint8Array {
  const s = atob(data);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { m, worker } = await pdfjs();
  const base = (p: string) => new URL(p, document.baseURI).href;
  return m.getDocument({
    data: bytes,
    worker,
    cMapUrl: base('./pdfjs/cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: base('./pdfjs/standard_fonts/'),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
}
