// demo [--out DIR] [--lang zh|en]: the sample reports shipped with the app
// (assets/samples) → a fresh temporary archive → the 2020 yearly workbook.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../core/archive/index.js';
import { runExport } from '../../core/export/job.js';
import { flagString, type Args } from '../args.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../../assets/samples', import.meta.url));

export async function run(args: Args): Promise<number> {
  const lang = flagString(args, 'lang') === 'en' ? 'en' : 'zh';
  if (!existsSync(SAMPLES_DIR)) throw new Error(`the sample reports are missing (${SAMPLES_DIR})`);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-demo-'));
  const archivePath = join(dir, 'demo-archive.sqlite');
  const a = await openArchive(archivePath, { create: true });
  try {
    const imp = await a.importFolder(SAMPLES_DIR);
    console.log(`imported ${imp.imported} sample reports into ${archivePath} (${imp.flagged} flagged, ${imp.failed.length} failed)`);
    for (const f of imp.failed) console.log(`  failed: ${f.file}: ${f.error}`);
    const r = await runExport(a, { year: 2020, format: 'xlsx', out: flagString(args, 'out') ?? dir, lang });
    if (!r.files.length) {
      console.error('no 2020 reports in the samples; nothing written');
      return 1;
    }
    const w = r.workbook!;
    console.log(`wrote ${r.files[0]}`);
    console.log(`  ${w.reports} reports, ${w.agencies} agencies, ${w.flagged} with open checks; sheets: ${w.sheets.join(' ')}`);
    return 0;
  } finally {
    a.close();
  }
}
