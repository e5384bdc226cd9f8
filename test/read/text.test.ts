import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src-main/core/model.js';
import { readDocument } from '../../src-main/core/read/index.js';

const TEXT = '广州市商务局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n（一）予以公开\t3\t0\t0\t0\t0\t0\t3\n';
const TRAD = '廣州市商務局2020年政府信息公開工作年度報告\n（一）予以公開\t3\n';

describe('text reader: encodings are detected, never assumed', () => {
  const cases: [string, Uint8Array, string, string][] = [
    ['UTF-8', Buffer.from(TEXT, 'utf8'), TEXT, 'UTF-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), TEXT, 'UTF-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')]), TEXT, 'UTF-16LE'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf16be')]), TEXT, 'UTF-16BE'],
    ['UTF-16LE without BOM', iconv.encode(TEXT, 'utf16le'), TEXT, 'UTF-16LE'],
    ['UTF-16BE without BOM', iconv.encode(TEXT, 'utf16be'), TEXT, 'UTF-16BE'],
    ['GB18030', iconv.encode(TEXT, 'gb18030'), TEXT, 'GB18030'],
    ['GBK', iconv.encode(TEXT, 'gbk'), TEXT, 'GB18030'],
    ['Big5', iconv.encode(TRAD, 'big5'), TRAD, 'Big5'],
  ];
  for (const [name, bytes, want, enc] of cases) {
    it(name, async () => {
      const doc = await readDocument(bytes, 'r.txt');
      expect(doc.text).toBe(want);
      expect(doc.encoding).toBe(enc);
      expect(doc.format).toBe('txt');
    });
  }

  it('rejects binary content with a clear ReadError', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    const err = await readDocument(bytes, 'x.txt').catch((e) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect(err.code).toBe('not_text');
    expect(err.message).toMatch(/not a text file|encoding/);
  });

  it('reads CSV as tab-separated cells', async () => {
    const doc = await readDocument(Buffer.from('规章,0,"1",2\n"行政许可, 总",3,4,5\n'), 'r.csv');
    expect(doc.format).toBe('csv');
    expect(doc.text.split('\n')[0]).toBe('规章\t0\t1\t2');
    expect(doc.text.split('\n')[1]).toBe('行政许可, 总\t3\t4\t5');
  });
});
