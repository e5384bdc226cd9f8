// Generated HTML reports printed to PDF by LibreOffice (headless, one run for
// many files, its own profile in a temporary folder). Tests that use it skip
// when soffice is not installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);

/** Each HTML document printed to PDF, in order. */
export function renderPdfs(htmls: Uint8Array[]): Uint8Array[] {
  if (!htmls.length) return [];
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const tmp = mkdtempSync(join(tmpdir(), 'nb-pdf-'));
  try {
    const files = htmls.map((h, i) => {
      const f = join(tmp, `r${i}.html`);
      writeFileSync(f, h);
      return f;
    });
    execFileSync(
      soffice,
      [
        '--headless',
        `-env:UserInstallation=file://${tmp}/profile`,
        '--infilter=HTML (StarWriter)',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        tmp,
        ...files,
      ],
      { stdio: 'ignore', timeout: 600_000 },
    );
    return htmls.map((_, i) => new Uint8Array(readFileSync(join(tmp, `r${i}.pdf`))));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
