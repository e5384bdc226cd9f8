// Archives for the quality checks, built from the seeds' real text (altered
// where a test says so) with their hand-read values.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../src-main/core/archive/index.js';
import { insertFile, insertReport } from '../../src-main/core/archive/store.js';
import { refreshDerived } from '../../src-main/core/archive/derived.js';
import { SEEDS, seedExtraction, tmp } from '../archive/helpers.js';

export const NANSHA = '000_837c288e23ba6919.txt'; // 南沙区商务局 2020, a department
export const XIGONG = '001_502fd0f0e67df8d6.txt'; // 西工区商务局 2020
export const GUANGZHOU = '002_3c51f0ab0323fab2.txt'; // 广州市商务局 2020, traditional, section 六 with content
export const DONGGUAN = '003_1ab496935088b8c6.txt';
export const ZHANJIANG = '004_bb53b48cecce1603.txt'; // no section 六

export const seedText = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

export async function archive(): Promise<Archive> {
  return openArchive(join(tmp('nb-quality-'), 'a.sqlite'), { create: true, workers: 1 });
}

/** Store a report (the seed's hand-read values, `text` as its text) and run the quality and cross-year checks, as an import does. */
export function add(a: Archive, seed: string, text = seedText(seed), over: { year?: number; agency?: string; publishedAt?: string | null } = {}): number {
  const ex = { ...seedExtraction(seed), ...over };
  const sha256 = createHash('sha256').update(text).digest('hex');
  return a.db.transaction(() => {
    const fileId = insertFile(
      a.db,
      { sha256, name: `${sha256.slice(0, 8)}-${seed}`, originalPath: `/seeds/${sha256}/${seed}`, size: text.length, mtime: null, format: 'txt', text },
      null,
    );
    const { reportId } = insertReport(a.db, fileId, ex, 'test-1');
    refreshDerived(a.db, [reportId]);
    return reportId;
  })();
}

/** Replace the body of the section whose heading line contains `heading` (up to the next heading in `next`, or the end). */
export function replaceSection(text: string, heading: string, body: string, next?: string): string {
  const h = text.indexOf(heading);
  if (h < 0) throw new Error(`no heading ${heading}`);
  const start = text.indexOf('\n', h) + 1;
  const end = next ? text.indexOf(next, start) : text.length;
  if (end < 0) throw new Error(`no heading ${next}`);
  return `${text.slice(0, start)}${body}\n\n${text.slice(end)}`;
}

export const quality = (a: Archive, id: number) => a.getReport(id).flags.filter((f) => f.source === 'quality');
