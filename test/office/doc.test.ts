import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src-main/core/read/index.js';
import { detectFormat } from '../../src-main/core/read/detect.js';
import { extractBytes } from '../../src-main/core/extract/index.js';
import { loadExpected, SEEDS } from './report-tables.js';
import { noise, readErr } from './broken.js';
import { haveSeeds } from '../seeds.js';

const FIX = new URL('../fixtures/office/', import.meta.url).pathname;

function ole(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [n, b] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${n}`, Buffer.from(b));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

describe.skipIf(!haveSeeds)('doc / wps reader', () => {
  it('reads a Word 97 report (LibreOffice-written) to the seed values', async () => {
    const bytes = new Uint8Array(readFileSync(`${FIX}dongguan-2020.doc`));
    expect(detectFormat(bytes, 'r.doc')).toBe('doc');
    const doc = await readDocument(bytes, 'r.doc');
    expect(doc.format).toBe('doc');
    expect(doc.text).toContain('行政许可\t14\t-6\t1229');
    const e = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);
    const x = await extractBytes(bytes, 'r.doc');
    const wrong = Object.keys(e.values).filter((k) => !(Math.abs((x.values[k] ?? NaN) - (e.values[k] ?? NaN)) < 1e-6));
    expect(wrong).toEqual([]);
    // the same bytes named .wps are read the same way
    expect((await readDocument(bytes, 'r.wps')).format).toBe('wps');
  });

  it('asks for a .docx for what it cannot read, never returns garbage', async () => {
    // a legacy Kingsoft WPS compound file: no WordDocument stream
    const wps = ole({ WpsContent: noise(2000, 3) });
    const e1 = await readErr(readDocument(wps, 'old.wps'));
    expect(e1.code).toBe('needs_conversion');
    expect(e1.message).toContain('.docx');
    // encrypted Word 97 (fEncrypted in the FIB)
    const fib = new Uint8Array(1024);
    fib[0] = 0xec;
    fib[1] = 0xa5;
    fib[11] = 0x01;
    expect((await readErr(readDocument(ole({ WordDocument: fib, '1Table': noise(512) }), 'secret.doc'))).code).toBe('encrypted');
    // a WordDocument stream of noise
    const wd = noise(4096, 5);
    wd[10] = 0;
    wd[11] = 0; // not flagged as encrypted: the text itself must be judged
    const bad = await readErr(readDocument(ole({ WordDocument: wd, '1Table': noise(4096, 9) }), 'bad.doc'));
    expect(['corrupt', 'needs_conversion']).toContain(bad.code);
    // a truncated compound file
    const good = new Uint8Array(readFileSync(`${FIX}dongguan-2020.doc`));
    await readErr(readDocument(good.subarray(0, 1500), 'cut.doc'));
  });
});
