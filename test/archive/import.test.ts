// Folder import through the real extractor and worker pool: the seeds twice,
// versions, every kind of bad file, cancel and resume.
import { describe, expect, it } from 'vitest';
import { chmodSync, closeSync, copyFileSync, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../src-main/core/archive/index.js';
import { MAX_FILE_BYTES } from '../../src-main/core/read/index.js';
import { SEEDS, seedNames, sha256File, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

function seedCopy(dir: string, names = seedNames()): void {
  mkdirSync(dir, { recursive: true });
  for (const n of names) copyFileSync(join(SEEDS, n), join(dir, n));
}

describe.skipIf(!haveSeeds)('import', () => {
  it('imports the seed folder once; a second import adds nothing', async () => {
    const dir = tmp();
    const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 2 });
    try {
      const before = Object.fromEntries(seedNames().map((n) => [n, sha256File(join(SEEDS, n))]));
      const progress: number[] = [];
      const r1 = await a.importFolder(SEEDS, { onProgress: (p) => progress.push(p.done) });
      expect(r1).toMatchObject({ status: 'completed', imported: 5, reports: 5, duplicates: 0 });
      // expected/*.json skipped by extension; README.md read and refused as not a report
      expect(r1.skipped).toBe(5);
      expect(r1.skippedFiles.every((s) => s.error.includes('.json'))).toBe(true);
      expect(r1.failed.map((f) => f.file.split('/').pop())).toEqual(['README.md']);
      expect(progress.at(-1)).toBe(6);

      const r2 = await a.importFolder(SEEDS);
      expect(r2).toMatchObject({ status: 'completed', imported: 0, reports: 0, duplicates: 5 });
      expect(a.listReports().total).toBe(5);
      expect(a.stats()).toMatchObject({ reports: 5, files: 5, agencies: 5 });

      // self-contained: every original is archived, byte for byte; the source folder is untouched
      for (const r of a.listReports().items) {
        const d = a.getReport(r.id);
        expect(sha256File(a.originalPath(r.id))).toBe(d.source.sha256);
        expect(d.source.sha256).toBe(before[d.source.name]);
        expect(a.reportText(r.id).text.length).toBeGreaterThan(1000);
      }
      for (const [n, h] of Object.entries(before)) expect(sha256File(join(SEEDS, n))).toBe(h);
      const nansha = a.listReports({ agency: '南沙区' }).items[0]!;
      const exp = JSON.parse(readFileSync(join(SEEDS, 'expected', nansha.file.replace('.txt', '.json')), 'utf8'));
      expect(a.getReport(nansha.id).values['requests.new.total']).toBe(exp.values['requests.new.total']);
      expect(a.getReport(nansha.id).region).toBe('广东省 广州市 南沙区');
    } finally {
      a.close();
    }
  });

  it('a re-downloaded copy of a corrected report joins it as another source: the corrected report stays active; corrections survive reextract', async () => {
    const dir = tmp();
    const src = join(dir, 'src');
    seedCopy(src, [seedNames()[0]!]);
    const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
    try {
      await a.importFolder(src);
      const [first] = a.listReports().items;
      const field = 'requests.granted.person';
      const was = a.getReport(first!.id).values[field]!;
      a.correct(first!.id, field, was + 1, 'checked against the paper copy');
      const rx = await a.reextract({ all: true });
      expect(rx).toMatchObject({ reports: 1, conflicts: 0, status: 'completed' });
      const after = a.getReport(first!.id);
      expect(after.values[field]).toBe(was + 1);
      expect(after.corrected).toEqual([field]);
      expect(a.history(first!.id, field).map((e) => e.kind)).toEqual(['set']);

      // the same report downloaded again: one extra line, another sha, the same values → a second source of the same version
      writeFileSync(join(src, 'revised.txt'), readFileSync(join(src, seedNames()[0]!), 'utf8') + '\n（修订版）\n');
      const r = await a.importFolder(src);
      expect(r).toMatchObject({ imported: 1, versions: 1, duplicates: 1, counts: { same_report_other_format: 1, duplicate: 1 } });
      expect(r.outcomes.find((o) => o.file.endsWith('revised.txt'))).toMatchObject({ outcome: 'same_report_other_format' });
      const list = a.listReports();
      expect(list.total).toBe(1);
      const active = a.getReport(list.items[0]!.id);
      expect(active.id).toBe(first!.id);
      expect(active.values[field]).toBe(was + 1);
      expect(active.versions).toHaveLength(1);
      expect(active.versions[0]!.sources.map((s) => s.file)).toEqual([seedNames()[0]!, 'revised.txt']);
    } finally {
      a.close();
    }
  });

  it('records every bad file with a clear error and goes on', async () => {
    const dir = tmp();
    const src = join(dir, 'src');
    seedCopy(src, seedNames().slice(0, 2));
    writeFileSync(join(src, 'empty.txt'), '');
    writeFileSync(join(src, 'junk.pdf'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(src, 'junk.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    writeFileSync(join(src, 'notes.txt'), '会议纪要：今天讨论了食堂的菜单。\n');
    writeFileSync(join(src, 'song.mp3'), 'x'); // (.jpg is read now: page images go to OCR)
    // a sparse file larger than the limit: never read
    const fd = openSync(join(src, 'huge.txt'), 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 1024);
    closeSync(fd);
    // vanished mid-import: deleted after the walk listed them (one directory read), before a worker read them
    const gone = Array.from({ length: 12 }, (_, i) => `gone-${String(i).padStart(2, '0')}.txt`);
    for (const g of gone) writeFileSync(join(src, g), `文件`);
    let deleted = false;
    const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
    try {
      const r = await a.importFolder(src, {
        onProgress: () => {
          if (deleted) return;
          deleted = true;
          for (const g of gone) rmSync(join(src, g), { force: true });
        },
      });
      expect(r.status).toBe('completed');
      expect(r.imported).toBe(2);
      const err = Object.fromEntries(r.failed.map((f) => [f.file.slice(src.length + 1), f.error]));
      expect(err['empty.txt']).toMatch(/empty/);
      expect(err['huge.txt']).toMatch(/too large/);
      expect(err['junk.pdf']).toBeTruthy();
      expect(err['junk.docx']).toBeTruthy();
      expect(err['notes.txt']).toMatch(/not an annual report/);
      const vanished = gone.filter((g) => /disappeared/.test(err[g] ?? ''));
      expect(vanished.length).toBeGreaterThan(0);
      // the others were read before they went: refused as not a report
      for (const g of gone) expect(err[g]).toMatch(/disappeared|not an annual report/);
      expect(r.skippedFiles.map((s) => s.file.slice(src.length + 1))).toEqual(['song.mp3']);
      expect(a.integrityCheck()).toBe('ok');
      // failed files are not archived
      expect(a.stats().files).toBe(2);
    } finally {
      a.close();
    }
  });

  it.skipIf(process.getuid?.() === 0)('records an unreadable file (permissions) — skipped as root, which reads anything', async () => {
    const dir = tmp();
    const src = join(dir, 'src');
    seedCopy(src, seedNames().slice(0, 2));
    const locked = join(src, 'locked.txt');
    writeFileSync(locked, readFileSync(join(SEEDS, seedNames()[2]!), 'utf8'));
    chmodSync(locked, 0o000);
    const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
    try {
      const r = await a.importFolder(src);
      expect(r.status).toBe('completed');
      expect(r.imported).toBe(2);
      expect(r.failed.map((f) => f.file.slice(src.length + 1))).toEqual(['locked.txt']);
      expect(r.failed[0]!.error).toMatch(/no permission to read the file \((EACCES|EPERM)\)/);
      // the batch went on and nothing of the locked file was archived
      expect(a.stats()).toMatchObject({ reports: 2, files: 2 });
      expect(a.integrityCheck()).toBe('ok');
    } finally {
      a.close();
      chmodSync(locked, 0o644);
    }
  });

  it('cancel leaves a consistent archive with the run recorded; a later import completes the rest', async () => {
    const dir = tmp();
    const src = join(dir, 'src');
    // 5 seeds × 8 copies each made distinct by a trailing line
    mkdirSync(src);
    for (let k = 0; k < 8; k++) for (const n of seedNames()) writeFileSync(join(src, `${k}-${n}`), readFileSync(join(SEEDS, n), 'utf8') + `\n${k}\n`);
    const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
    try {
      const ac = new AbortController();
      const r1 = await a.importFolder(src, { signal: ac.signal, onProgress: (p) => p.done >= 3 && ac.abort() });
      expect(r1.status).toBe('cancelled');
      expect(r1.imported).toBeLessThan(40);
      expect(a.integrityCheck()).toBe('ok');
      const partial = a.stats().reports;
      expect(partial).toBe(r1.imported);
      // no report without its cells
      const orphans = a.db.prepare('SELECT COUNT(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM cells c WHERE c.report_id = r.id)').get() as {
        n: number;
      };
      expect(orphans.n).toBe(0);
      const r2 = await a.importFolder(src);
      expect(r2.status).toBe('completed');
      expect(r2.imported + partial).toBe(40);
      expect(a.stats().runs.map((x) => x.status)).toEqual(['completed', 'cancelled']);
      expect(a.listReports({ allVersions: true }).total).toBe(40);
      expect(readdirSync(join(dir, 'a.sqlite.files')).filter((d) => d !== 'tmp').length).toBeGreaterThan(10);
      expect(existsSync(join(dir, 'a.sqlite.files', 'tmp'))).toBe(true);
      expect(readdirSync(join(dir, 'a.sqlite.files', 'tmp'))).toEqual([]);
    } finally {
      a.close();
    }
  });
});
