// Test helper: broken and hostile files, made in memory.
import { Deflate, zipSync, strToU8 } from 'fflate';
import CFB from 'cfb';
import { ReadError } from '../../src-main/core/model.js';

/** A zip whose word/document.xml inflates to `mb` megabytes of spaces. */
export function zipBomb(mb: number, lie: boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const block = new Uint8Array(1 << 20).fill(0x20);
  for (let i = 0; i < mb; i++) d.push(block, i === mb - 1);
  const comp = concat(parts);
  const name = strToU8('word/document.xml');
  const size = lie ? 1000 : mb << 20;
  const local = new Uint8Array(30 + name.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, comp.length, true);
  lv.setUint32(22, size >>> 0, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  const cd = new Uint8Array(46 + name.length);
  const cv = new DataView(cd.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, comp.length, true);
  cv.setUint32(24, size >>> 0, true);
  cv.setUint16(28, name.length, true);
  cv.setUint32(42, 0, true);
  cd.set(name, 46);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, local.length + comp.length, true);
  return concat([local, comp, cd, eocd]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** An OLE compound file like the one Word writes for a password-protected .docx. */
export function encryptedOoxml(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** A zip with many entries (an entry-count bomb). */
export function manyEntries(n: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < n; i++) files[`word/x${i}.xml`] = strToU8('');
  return zipSync(files, { level: 0 });
}

/** Deterministic pseudo-random bytes. */
export function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The ReadError `p` rejects with (any other outcome fails the test). */
export async function readErr(p: Promise<unknown>): Promise<ReadError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a ReadError');
}
