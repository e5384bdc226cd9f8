// Draws assets/icon.png (512×512): a red rounded square with a white sheet
// carrying a small table, the app's "archive of tables" in one glance.
// Plain zlib PNG encoder, no image library needed. Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 512;
const px = new Uint8Array(N * N * 4);
const set = (x, y, [r, g, b, a]) => {
  const i = (y * N + x) * 4;
  const k = a / 255;
  px[i] = Math.round(r * k + px[i] * (1 - k));
  px[i + 1] = Math.round(g * k + px[i + 1] * (1 - k));
  px[i + 2] = Math.round(b * k + px[i + 2] * (1 - k));
  px[i + 3] = Math.max(px[i + 3], a);
};
const inRounded = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const fill = (x0, y0, x1, y1, r, color) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (inRounded(x + 0.5, y + 0.5, x0, y0, x1, y1, r)) set(x, y, color);
};
const RED = [179, 38, 30, 255];
const WHITE = [255, 255, 255, 255];
const LINE = [179, 38, 30, 200];
const GOLD = [245, 159, 0, 255];

fill(16, 16, 496, 496, 96, RED);
fill(120, 88, 392, 424, 18, WHITE);
// header band and table grid
fill(150, 120, 362, 168, 6, [179, 38, 30, 230]);
for (let row = 0; row < 5; row++) fill(150, 196 + row * 42, 362, 200 + row * 42, 0, LINE);
for (const x of [150, 220, 291, 358]) fill(x, 196, x + 4, 368, 0, LINE);
// one highlighted cell: a value being checked
fill(224, 242, 289, 278, 4, GOLD);
writeFileSync(new URL('../assets/icon.png', import.meta.url), png(px));

function png(rgba) {
  const raw = Buffer.alloc((N * 4 + 1) * N);
  for (let y = 0; y < N; y++) {
    raw[y * (N * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(N, 0);
  ihdr.writeUInt32BE(N, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c;
}
