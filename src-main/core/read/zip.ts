// A small, defensive zip reader for OOXML: the central directory is parsed by
// hand so that declared sizes, entry counts and the real inflated size can
// all be capped (zip bombs), and a truncated file is a clear error.
import { Inflate } from 'fflate';
import { ReadError } from '../model.js';

export const MAX_ENTRIES = 5000;
export const MAX_INFLATED = 200 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compSize: number;
  size: number;
  offset: number;
}

export function listZip(b: Uint8Array): ZipEntry[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new ReadError('corrupt', 'the file is damaged (truncated zip: no central directory); open it in Word and save it again');
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOff = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOff === 0xffffffff) throw new ReadError('corrupt', 'zip64 archives are not supported for Word files');
  if (count > MAX_ENTRIES) throw new ReadError('too_large', `the archive has ${count} entries (limit ${MAX_ENTRIES})`);
  if (cdOff + cdSize > b.length) throw new ReadError('corrupt', 'the file is damaged (zip directory out of range)');
  const entries: ZipEntry[] = [];
  let p = cdOff;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) throw new ReadError('corrupt', 'the file is damaged (bad zip directory)');
    const method = dv.getUint16(p + 10, true);
    const compSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const offset = dv.getUint32(p + 42, true);
    const name = Buffer.from(b.subarray(p + 46, p + 46 + nameLen)).toString('utf8');
    entries.push({ name, method, compSize, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > MAX_INFLATED) throw new ReadError('too_large', 'the archive would inflate to more than 200 MB (zip bomb?)');
  return entries;
}

/** Inflate one entry, stopping as soon as the output passes `cap` bytes. */
export function readEntry(b: Uint8Array, e: ZipEntry, cap = MAX_INFLATED): Uint8Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (e.offset + 30 > b.length || dv.getUint32(e.offset, true) !== 0x04034b50) throw new ReadError('corrupt', `the file is damaged (zip entry ${e.name})`);
  const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
  if (start + e.compSize > b.length) throw new ReadError('corrupt', 'the file is damaged (truncated zip entry)');
  const data = b.subarray(start, start + e.compSize);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new ReadError('corrupt', `unsupported zip compression method ${e.method}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > cap) throw new ReadError('too_large', 'the archive inflates to more than 200 MB (zip bomb?)');
    chunks.push(chunk);
    if (final) done = true;
  });
  const STEP = 16 * 1024; // ≤ ~16 MB of output per step, so the cap bites early
  try {
    for (let i = 0; i < data.length; i += STEP) inf.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
    if (data.length === 0) inf.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError('corrupt', `the file is damaged (${e.name} cannot be inflated)`);
  }
  if (!done) throw new ReadError('corrupt', `the file is damaged (${e.name} is truncated)`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}
