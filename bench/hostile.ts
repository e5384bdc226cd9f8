// Hostile batch (issue 11): every generated hostile file of test/gen/hostile.ts
// (gridBefore/gridSpan docx, span-bomb HTML, merge-bomb xlsx, a 1 MB xlsx
// inflating to 1 GiB, run-flood PDF, 20000×20000 JPEG header) in one folder
// with real reports (the seeds, the Word and PDF fixtures), imported by the
// CLI (`nianbao import --json`) in a process of its own. Prints the JSON
// summary's figures and the process's peak RSS (worker threads included).
// Targets: exit 0, every real report archived, every hostile file failed
// with its code, peak RSS < 1.5 GB.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileFiles } from '../test/gen/hostile.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_MB = 1536;

export async function bench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'nb-hostile-bench-'));
  try {
    const src = join(root, 'src');
    mkdirSync(src);
    const hostile = hostileFiles();
    for (const [name, bytes] of Object.entries(hostile)) writeFileSync(join(src, name), bytes);
    const seeds = join(ROOT, '..', 'shared', 'seeds');
    const real = [
      ...readdirSync(seeds)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(seeds, f)),
      join(ROOT, 'test/fixtures/office/dongguan-2020.docx'),
      join(ROOT, 'test/fixtures/office/guangzhou-2020.pdf'),
    ];
    for (const f of real) copyFileSync(f, join(src, f.split('/').pop()!));
    const t0 = Date.now();
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        join(ROOT, 'bench/maxrss.mjs'),
        join(ROOT, 'src-main/cli/main.ts'),
        'import',
        src,
        '--archive',
        join(root, 'a.nianbao'),
        '--json',
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    const seconds = (Date.now() - t0) / 1000;
    const peakMb = Math.round(Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024);
    let summary: { status: string; imported: number; duplicates: number; failed: { file: string; code: string }[] } | null = null;
    try {
      summary = JSON.parse(r.stdout);
    } catch {
      console.log(r.stdout.slice(0, 2000), r.stderr.slice(0, 2000));
    }
    const failed = Object.fromEntries((summary?.failed ?? []).map((f) => [f.file.split('/').pop(), f.code]));
    const figures = {
      exit: r.status,
      status: summary?.status,
      files: Object.keys(hostile).length + real.length,
      imported: summary?.imported,
      hostileFailed: Object.keys(hostile).filter((n) => failed[n]).length,
      codes: failed,
      seconds,
      peakRssMb: peakMb,
    };
    console.log(JSON.stringify(figures, null, 2));
    const ok = r.status === 0 && summary?.imported === real.length && figures.hostileFailed === Object.keys(hostile).length && peakMb > 0 && peakMb < LIMIT_MB;
    console.log(
      `hostile batch: ${ok ? 'OK' : 'FAILED'} — exit ${r.status}, ${summary?.imported}/${real.length} real reports archived, ${figures.hostileFailed}/${Object.keys(hostile).length} hostile files failed with a code, peak RSS ${peakMb} MB (target < ${LIMIT_MB} MB), ${seconds.toFixed(1)} s`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
