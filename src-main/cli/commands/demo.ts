// demo [--out DIR] [--lang zh|en]: the sample reports (core/samples.ts, from
// ../shared/seeds) → a fresh temporary archive → the 2020 yearly workbook.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../core/archive/index.js';
import { runExport } from '../../core/export/job.js';
import { cliText, langFromEnv } from '../../core/wording/index.js';
import { sampleFolder, sharedSeeds } from '../../core/samples.js';
import { flagString, type Args } from '../args.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A folder of the sample reports, or an error saying where they should be. */
export function demoSamples(lang: 'zh' | 'en' = 'zh'): string {
  const dir = sampleFolder(sharedSeeds(ROOT));
  if (!dir) throw new Error(cliText('demoMissing', lang, { dir: sharedSeeds(ROOT) }));
  return dir;
}

export async function run(args: Args): Promise<number> {
  const lang = langFromEnv(flagString(args, 'lang'), process.env);
  const samples = demoSamples(lang);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-demo-'));
  const archivePath = join(dir, 'demo-archive.sqlite');
  const a = await openArchive(archivePath, { create: true });
  try {
    const imp = await a.importFolder(samples);
    console.log(cliText('demoImported', lang, { n: imp.imported, path: archivePath, flagged: imp.flagged, failed: imp.failed.length }));
    for (const f of imp.failed) console.log(cliText('failedLine', lang, { file: f.file, reason: f.error }));
    const r = await runExport(a, { year: 2020, format: 'xlsx', out: flagString(args, 'out') ?? dir, lang });
    if (!r.files.length) {
      console.error(cliText('demoNone', lang));
      return 1;
    }
    const w = r.workbook!;
    console.log(cliText('wrote', lang, { files: r.files[0] }));
    console.log(cliText('demoStats', lang, { reports: w.reports, agencies: w.agencies, flagged: w.flagged, sheets: w.sheets.join(' ') }));
    return 0;
  } finally {
    a.close();
  }
}
