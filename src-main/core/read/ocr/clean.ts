// Table rules out before OCR, and the table's cells found from them. The
// three tables of a report are ruled grids; left in, tesseract reads the
// rules as | 丨 一, glues them to the numbers beside them, or drops a lone
// digit crowded by them. Read as one page, a row whose label wraps over two
// lines (numbers at its mid-line) comes out scrambled. So:
// - a dark run much longer than the largest type on the page is a rule
//   (a stroke of a character is never longer than about one character);
// - two horizontal rules one above the other bound a band (a table row);
//   inside a band, a dark column crossing nearly its whole height is a cell
//   border — no character stroke spans a row that far;
// - each cell is then read on its own, and the rules are painted white.
import type { Gray } from './raster.js';

/**
 * Ink vs paper by Otsu's threshold, kept within sane bounds: a re-sampled
 * 1-px rule is grey, not black, and scanned paper is rarely pure white.
 */
export function inkThreshold(g: Gray): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < g.data.length; i += 3) hist[g.data[i]!]!++;
  let total = 0;
  let sum = 0;
  for (let t = 0; t < 256; t++) (total += hist[t]!), (sum += t * hist[t]!);
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let at = 150;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB || wB === total) continue;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / (total - wB);
    const between = wB * (total - wB) * (mB - mF) ** 2;
    if (between > best) (best = between), (at = t);
  }
  return Math.max(120, Math.min(215, at));
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Light pixels a rule may show and still be one rule (JPEG noise, a lighter crossing). */
const GAP = 2;

/** Pixels of straight dark runs of at least `minRun` pixels, horizontal and vertical. */
export function findRules(g: Gray, minRun: number): { h: Uint8Array; v: Uint8Array } {
  const { width: w, height: ht, data } = g;
  g.ink = inkThreshold(g);
  // rules are looked for in lighter grey than ink: a thin rule re-sampled (a
  // straightened or scaled scan) is spread over two rows at half its darkness
  const DARK = ruleDark(g);
  const h = new Uint8Array(w * ht);
  const v = new Uint8Array(w * ht);
  for (let y = 0; y < ht; y++) {
    const row = y * w;
    let start = -1;
    let last = -1;
    for (let x = 0; x <= w; x++) {
      const dark = x < w && data[row + x]! < DARK;
      if (dark) {
        if (start < 0) start = x;
        last = x;
      } else if (start >= 0 && (x - last > GAP || x === w)) {
        if (last + 1 - start >= minRun) h.fill(1, row + start, row + last + 1);
        start = -1;
      }
    }
  }
  const start = new Int32Array(w).fill(-1);
  const last = new Int32Array(w).fill(-1);
  for (let y = 0; y <= ht; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const dark = y < ht && data[row + x]! < DARK;
      if (dark) {
        if (start[x]! < 0) start[x] = y;
        last[x] = y;
      } else if (start[x]! >= 0 && (y - last[x]! > GAP || y === ht)) {
        if (last[x]! + 1 - start[x]! >= minRun) for (let k = start[x]!; k <= last[x]!; k++) v[k * w + x] = 1;
        start[x] = -1;
      }
    }
  }
  return { h, v };
}

const ruleDark = (g: Gray) => Math.min(235, (g.ink ?? 150) + 45);

interface HRule {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

function horizontalRules(h: Uint8Array, w: number, ht: number, minRun: number): HRule[] {
  const rules: HRule[] = [];
  let cur: HRule | null = null;
  for (let y = 0; y < ht; y++) {
    let x0 = -1;
    let x1 = -1;
    let n = 0;
    for (let x = 0, i = y * w; x < w; x++, i++)
      if (h[i]) {
        if (x0 < 0) x0 = x;
        x1 = x;
        n++;
      }
    if (n >= minRun) {
      if (cur && y - cur.y1 <= 2) {
        cur.y1 = y;
        cur.x0 = Math.min(cur.x0, x0);
        cur.x1 = Math.max(cur.x1, x1);
      } else {
        cur = { y0: y, y1: y, x0, x1 };
        rules.push(cur);
      }
    }
  }
  return rules;
}

/**
 * The cells of ruled tables, row band by row band (a cell merged over several
 * rows comes back as one piece per row, as a PDF prints it). Marks the cell
 * borders found inside bands in `v`, so they are whitened with the rules.
 */
export function findCells(g: Gray, rules: { h: Uint8Array; v: Uint8Array }, minRun: number): Rect[] {
  const { width: w, height: ht, data } = g;
  const DARK = ruleDark(g);
  const hr = horizontalRules(rules.h, w, ht, minRun);
  const cells: Rect[] = [];
  for (let i = 0; i + 1 < hr.length; i++) {
    const a = hr[i]!;
    const b = hr[i + 1]!;
    const x0 = Math.max(a.x0, b.x0);
    const x1 = Math.min(a.x1, b.x1);
    const y0 = a.y1 + 1;
    const y1 = b.y0 - 1;
    const bh = y1 - y0 + 1;
    if (x1 - x0 < minRun || bh < 12 || bh > ht / 4) continue; // not a table row
    // columns crossing ≥ 85% of the band: borders
    const border: number[] = [];
    for (let x = Math.max(0, x0 - 3); x <= Math.min(w - 1, x1 + 3); x++) {
      let n = 0;
      for (let y = y0; y <= y1; y++) if (data[y * w + x]! < DARK || rules.v[y * w + x]) n++;
      if (n >= 0.85 * bh) border.push(x);
    }
    const edges: [number, number][] = [];
    for (const x of border) {
      const last = edges[edges.length - 1];
      if (last && x - last[1] <= 2) last[1] = x;
      else edges.push([x, x]);
    }
    for (const [e0, e1] of edges) for (let y = y0; y <= y1; y++) rules.v.fill(1, y * w + e0, y * w + e1 + 1);
    // cells between borders (the band's ends count as borders when none is drawn)
    const cuts = [[x0 - 1, x0 - 1] as [number, number], ...edges.filter(([e0, e1]) => e1 > x0 + 3 && e0 < x1 - 3), [x1 + 1, x1 + 1] as [number, number]];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const cx0 = cuts[k]![1] + 1;
      const cx1 = cuts[k + 1]![0] - 1;
      if (cx1 - cx0 >= 8) cells.push({ x0: cx0, y0, x1: cx1, y1 });
    }
  }
  return cells;
}

/** Paint the rule pixels white, with the grey anti-aliased fringe beside them. */
export function whiten(g: Gray, rules: { h: Uint8Array; v: Uint8Array }): number {
  const { width: w, data } = g;
  const DARK = g.ink ?? 150;
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    if (!rules.h[i] && !rules.v[i]) continue;
    data[i] = 255;
    n++;
    for (const j of [i - 1, i + 1, i - w, i + w]) if (j >= 0 && j < data.length && data[j]! < 235 && data[j]! >= DARK) data[j] = 255;
  }
  return n;
}

/** Is there ink in the rectangle (more than a few specks)? */
export function inked(g: Gray, r: Rect): boolean {
  const DARK = g.ink ?? 150;
  let n = 0;
  for (let y = r.y0; y <= r.y1; y++) for (let x = r.x0, i = y * g.width + x; x <= r.x1; x++, i++) if (g.data[i]! < DARK && ++n > 6) return true;
  return false;
}

/**
 * A copy of the rectangle with a white margin (tesseract reads a glyph
 * touching the edge badly). Lighter than ink is paper: what a whitened rule
 * leaves of its grey fringe would read as ] | 一 beside the cell's text.
 */
export function crop(g: Gray, r: Rect, margin: number): Gray {
  const w = r.x1 - r.x0 + 1 + 2 * margin;
  const h = r.y1 - r.y0 + 1 + 2 * margin;
  const ink = g.ink ?? 150;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = r.y0; y <= r.y1; y++) {
    const row = (y - r.y0 + margin) * w + margin;
    for (let x = r.x0; x <= r.x1; x++) {
      const v = g.data[y * g.width + x]!;
      data[row + x - r.x0] = v >= ink ? 255 : v;
    }
  }
  return { width: w, height: h, data };
}

/** White out a rectangle (a cell already read, so the page pass skips it). */
export function blank(g: Gray, r: Rect): void {
  for (let y = r.y0; y <= r.y1; y++) g.data.fill(255, y * g.width + r.x0, y * g.width + r.x1 + 1);
}

/**
 * The page's skew in degrees (a scan fed in at a slant), from the rows of ink:
 * text lines and rules give the sharpest horizontal profile at the true
 * angle. Searched over ±3° on a quarter-size copy.
 */
export function skewAngle(g: Gray): number {
  const step = 4;
  const DARK = inkThreshold(g);
  const pts: number[] = [];
  for (let y = 0; y < g.height; y += step) for (let x = 0; x < g.width; x += step) if (g.data[y * g.width + x]! < DARK) pts.push(x, y);
  if (pts.length < 400) return 0;
  const bins = new Float64Array(Math.ceil((g.height + g.width * 0.06) / step) + 2);
  let best = 0;
  let bestScore = -1;
  for (let a = -3; a <= 3.0001; a += 0.1) {
    const t = Math.tan((a * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < pts.length; i += 2) {
      const b = Math.round((pts[i + 1]! - pts[i]! * t + g.width * 0.03) / step);
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    let score = 0;
    for (const c of bins) score += c * c;
    if (score > bestScore * 1.0005) {
      bestScore = score;
      best = a;
    }
  }
  return Math.round(best * 10) / 10;
}

/** Rotate by `deg` about the centre (bilinear, paper-white corners). */
export function rotate(g: Gray, deg: number): Gray {
  const { width: w, height: h, data } = g;
  const out = new Uint8Array(w * h);
  const c = Math.cos((deg * Math.PI) / 180);
  const s = Math.sin((deg * Math.PI) / 180);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // source of this pixel: the inverse rotation
      const sx = c * (x - cx) + s * (y - cy) + cx;
      const sy = -s * (x - cx) + c * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) {
        out[y * w + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      out[y * w + x] = Math.round((data[i]! * (1 - fx) + data[i + 1]! * fx) * (1 - fy) + (data[i + w]! * (1 - fx) + data[i + w + 1]! * fx) * fy);
    }
  }
  return { width: w, height: h, data: out };
}
