// Values read by OCR are never taken as read: every one is named by an 'ocr'
// flag (so the report is flagged, never 'unreviewed'), and each cell's
// confidence is lowered to what the recogniser said of the words it came from.
import type { Extraction, ReportDocument } from '../model.js';

/** An OCR reading is never more certain than this. */
const OCR_MAX = 0.8;
/** Below this (tesseract's word confidence, 0..1) a value gets its own flag. */
const UNSURE = 0.75;

export function markOcr(x: Extraction, doc: ReportDocument): void {
  const ocr = doc.ocr;
  if (!ocr) return;
  const fields = Object.keys(x.cells);
  const unsure: string[] = [];
  let i = 0;
  const spans = ocr.spans;
  for (const id of [...fields].sort((a, b) => x.cells[a]!.start - x.cells[b]!.start)) {
    const c = x.cells[id]!;
    while (i < spans.length && spans[i]!.end <= c.start) i++;
    let conf = 1;
    for (let k = i; k < spans.length && spans[k]!.start < c.end; k++) if (spans[k]!.end > c.start) conf = Math.min(conf, spans[k]!.confidence);
    c.confidence = Math.min(c.confidence, OCR_MAX * conf);
    if (conf < UNSURE) unsure.push(id);
  }
  const what = doc.format === 'image' ? 'an image' : `a scan (${ocr.pages} of ${ocr.of} page${ocr.of === 1 ? '' : 's'} read)`;
  // the agency and year come from the same reading: the message says so (they are no field ids)
  x.flags.unshift({ kind: 'ocr', fields, message: `values read by OCR from ${what} — check each against the original, the agency and year too` });
  if (unsure.length)
    x.flags.splice(1, 0, {
      kind: 'ocr',
      fields: unsure,
      message: `OCR was unsure of ${unsure.length} value${unsure.length === 1 ? '' : 's'}: ${unsure.join(', ')}`,
    });
}
