// Regenerates the committed office fixtures in test/fixtures/office/ from the
// hand-read seed values, rendering HTML tables (merged headers, the 20-row
// 办理结果 block) with LibreOffice headless. Slow (~5 s per file); run by hand:
//   npx tsx test/office/make-fixtures.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExpected, reportHtml, reportOf, SEEDS } from './report-tables.js';

const OUT = new URL('../fixtures/office/', import.meta.url).pathname;
const SOURCES = { 'dongguan-2020': '003_1ab496935088b8c6', 'guangzhou-2020': '002_3c51f0ab0323fab2' };
const tmp = mkdtempSync(join(tmpdir(), 'nb-fix-'));
try {
  for (const [name, seed] of Object.entries(SOURCES)) {
    const html = join(tmp, `${name}.html`);
    writeFileSync(html, reportHtml(reportOf(loadExpected(`${SEEDS}/${seed}.json`))));
    for (const [fmt, filter] of [
      ['pdf', 'pdf:writer_pdf_Export'],
      ['docx', 'docx:MS Word 2007 XML'],
      ['doc', 'doc:MS Word 97'],
    ] as const) {
      if (name !== 'dongguan-2020' && fmt !== 'pdf') continue;
      execFileSync(
        'soffice',
        ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--infilter=HTML (StarWriter)', '--convert-to', filter, '--outdir', tmp, html],
        { stdio: 'ignore', timeout: 120_000 },
      );
      copyFileSync(join(tmp, `${name}.${fmt}`), join(OUT, `${name}.${fmt}`));
      console.log(`${name}.${fmt}`, readFileSync(join(OUT, `${name}.${fmt}`)).length, 'bytes');
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
