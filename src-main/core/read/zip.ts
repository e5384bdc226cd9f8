// A small, defensive zip reader for OOXML: the central directory is parsed by
// hand so that declared sizes, entry counts and the real inflated size can
// all be capped (zip bombs), and a truncated file is a clear error.
import { Inflate, zipSync } from 'fflate';
import { ReadError } from '../model.js';
import { MAX_DOCX_INFLATED, MAX_ZIP_ENTRIES, zipBombError } from './limits.js';

export interface ZipEntry {
  name: string;
  method: number;
  compSize: number;
  size: number;
  offset: number;
}

/** The entries of a zip, refused when they are too many or declare more than `maxInflated` bytes together. */
export function listZip(b: Uint8Array, maxInflated = MAX_DOCX_INFLATED): ZipEntry[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ReadError('corrupt', 'the file is damaged (truncated zip: no central directory); open it in Word and save it again');
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOff = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOff === 0xffffffff) throw new ReadError('corrupt', 'zip64 archives are not supported for Word files');
  if (count > MAX_ZIP_ENTRIES) throw zipBombError(`the zip holds ${count} entries; the limit is ${MAX_ZIP_ENTRIES}`, maxInflated);
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
  if (declared > maxInflated)
    throw zipBombError(`the zip declares ${Math.round(declared / 2 ** 20)} MB inflated; the limit is ${Math.round(maxInflated / 2 ** 20)} MB`, maxInflated);
  return entries;
}

/** Inflate one entry, stopping as soon as `already` + its output passes `cap` bytes. */
export function readEntry(b: Uint8Array, e: ZipEntry, cap = MAX_DOCX_INFLATED, already = 0): Uint8Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (e.offset + 30 > b.length || dv.getUint32(e.offset, true) !== 0x04034b50) throw new ReadError('corrupt', `the file is damaged (zip entry ${e.name})`);
  const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
  if (start + e.compSize > b.length) throw new ReadError('corrupt', 'the file is damaged (truncated zip entry)');
  const data = b.subarray(start, start + e.compSize);
  if (e.method === 0) {
    if (already + data.length > cap) throw zipBombError(`it inflates past ${Math.round(cap / 2 ** 20)} MB`, cap);
    return data;
  }
  if (e.method !== 8) throw new ReadError('corrupt', `unsupported zip compression method ${e.method}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    total += chunk.length;
    if (already + total > cap) throw zipBombError(`it inflates past ${Math.round(cap / 2 ** 20)} MB`, cap);
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
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * The zip rebuilt from entries inflated here, within `cap` bytes together
 * (counted while inflating: declared sizes may lie), and stored uncompressed,
 * so that the library that reads it next (SheetJS) never inflates anything.
 */
export function repackZip(b: Uint8Array, cap: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  let used = 0;
  for (const e of listZip(b, cap)) {
    if (e.name.endsWith('/')) continue;
    const data = readEntry(b, e, cap, used);
    used += data.length;
    files[e.name] = data;
  }
  return zipSync(files, { level: 0 });
}
