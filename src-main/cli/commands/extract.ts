// `nianbao extract FILE... [--json]`: read reports and print their tables.
// --json prints one JSON array (one object per file, the Extraction contract);
// otherwise a compact table per file with flagged cells marked.
// Scans and images are read by OCR here, in this process (seconds per page):
// the first 20 pages by default, `--ocr-pages N` to change it, 0 for none.
import { TEMPLATES, fieldLabel, flagCoversField } from '../../core/catalogue/index.js';
import { extractFile } from '../../core/extract/index.js';
import type { Extraction } from '../../core/model.js';
import { cliText, errorText, flagText, langFromEnv, toErrorInfo, type Lang } from '../../core/wording/index.js';
import { flagString, type Args } from '../args.js';

export async function run(args: Args): Promise<number> {
  const lang = langFromEnv(flagString(args, 'lang'), process.env);
  const usage = cliText('usage', lang, { usage: 'nianbao extract FILE... [--json] [--ocr-pages N] [--lang en]' });
  const files = args.positional;
  if (files.length === 0) {
    console.error(usage);
    return 2;
  }
  const pages = Number(flagString(args, 'ocr-pages') ?? 20);
  if (!Number.isInteger(pages) || pages < 0) {
    console.error(`${cliText('ocrPages', lang)}\n${usage}`);
    return 2;
  }
  // A whole-file budget proportional to the pages allowed (~5–7 s a page at 300 dpi on one core, with room).
  const ocr = pages > 0 ? { maxPages: pages, budgetMs: 30_000 + pages * 15_000 } : undefined;
  const results: Extraction[] = [];
  try {
    for (const f of files) results.push(await extractFile(f, { ocr }));
  } finally {
    if (ocr) await (await import('../../core/read/ocr/engine.js')).closeOcr();
  }
  if (args.flags.json) {
    process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
  } else {
    for (const r of results) process.stdout.write(render(r, lang));
  }
  return results.some((r) => r.error) ? 1 : 0;
}

function render(r: Extraction, lang: Lang): string {
  const out: string[] = [`== ${r.file}`];
  if (r.error) {
    const info = r.errorCode ? toErrorInfo({ code: r.errorCode, message: r.error }) : null;
    out.push(cliText('extractError', lang, { error: info && lang === 'zh' ? errorText(info, lang) : r.error }), '');
    return out.join('\n') + '\n';
  }
  out.push(
    `   ${r.agency ?? cliText('extractAgency', lang)} · ${r.year ?? cliText('extractYear', lang)} · ${cliText('template', lang, { template: r.template ?? '?' })}${r.publishedAt ? cliText('extractPublished', lang, { date: r.publishedAt }) : ''}`,
  );
  const flagged = new Set<string>();
  for (const f of r.flags) for (const x of f.fields) flagged.add(x);
  const isFlagged = (id: string) => flagCoversField([...flagged], id);
  if (r.template) {
    const t = TEMPLATES[r.template];
    let lastRow = '';
    let line = '';
    for (const f of t.fields) {
      if (f.row.id !== lastRow) {
        if (line) out.push(line);
        lastRow = f.row.id;
        line = `   ${fieldLabel(f.id, lang)
          .split(' · ')[0]!
          .padEnd(18, lang === 'zh' ? '　' : ' ')}`;
      }
      const v = r.values[f.id];
      const s = v === null || v === undefined ? '—' : String(v);
      line += ` ${(isFlagged(f.id) ? `${s}!` : s).padStart(7)}`;
    }
    if (line) out.push(line);
  }
  if (r.flags.length) {
    out.push(cliText('extractFlags', lang));
    for (const f of r.flags) out.push(`   ! ${f.kind}${f.rule ? ` ${f.rule}` : ''}: ${flagText(f, lang)}`);
  }
  out.push('');
  return out.join('\n') + '\n';
}
