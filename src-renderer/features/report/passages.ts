// A passage cut at the spans another passage shares, for marking the common
// parts of a copied_text flag's two passages side by side.

export interface Segment {
  text: string;
  common: boolean;
}

/** `text` as runs, each common (inside one of `spans`, [start, end) offsets) or not; overlapping or unsorted spans are merged. */
export function segments(text: string, spans: readonly (readonly [number, number])[]): Segment[] {
  const sorted = spans
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    if (from > at) out.push({ text: text.slice(at, from), common: false });
    const last = out[out.length - 1];
    if (last?.common && from === at) last.text += text.slice(from, e);
    else out.push({ text: text.slice(from, e), common: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), common: false });
  return out;
}
