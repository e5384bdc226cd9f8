// export --year Y | --years A-B | --agency NAME  [--region R] [--status verified]
//        [--format xlsx|csv|json] [--lang zh|en] --out FILE|DIR [--archive PATH] [--json]
import { existsSync } from 'node:fs';
import { openArchive, type ReportStatus } from '../../core/archive/index.js';
import { runExport } from '../../core/export/job.js';
import { flagNumber, flagString, type Args } from '../args.js';
import { defaultArchivePath } from './archive.js';

const USAGE = `usage: export --year Y | --years A-B | --agency NAME --out FILE.xlsx|DIR
  [--region TEXT] [--status verified|unreviewed|flagged] [--unidentified] [--format xlsx|csv|json] [--lang zh|en] [--archive PATH]
  (--unidentified: include reports whose agency is not known)
  --years A-B writes one workbook with a sheet set per year: different years are never added together
  [--overwrite]  replace FILE when it exists (otherwise refused; a folder gets a new name: 年报汇总-2020 (2).xlsx)`;

function parseYears(v: string | undefined): { from: number; to: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{4})\s*[-–—~]\s*(\d{4})$/.exec(v.trim()) ?? /^(\d{4})()$/.exec(v.trim());
  if (!m) throw new Error(`--years expects A-B (e.g. 2019-2024), got "${v}"`);
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (to < from) throw new Error(`--years: ${from} is after ${to}`);
  return { from, to };
}

export async function run(args: Args): Promise<number> {
  const format = (flagString(args, 'format') ?? 'xlsx') as 'xlsx' | 'csv' | 'json';
  if (!['xlsx', 'csv', 'json'].includes(format)) throw new Error(`--format must be xlsx, csv or json\n${USAGE}`);
  const lang = (flagString(args, 'lang') ?? 'zh') as 'zh' | 'en';
  if (!['zh', 'en'].includes(lang)) throw new Error('--lang must be zh or en');
  const status = flagString(args, 'status') as ReportStatus | undefined;
  if (status && !['verified', 'unreviewed', 'flagged'].includes(status)) throw new Error('--status must be verified, unreviewed or flagged');
  const year = flagNumber(args, 'year');
  const years = parseYears(flagString(args, 'years'));
  const agency = flagString(args, 'agency');
  const region = flagString(args, 'region');
  const out = flagString(args, 'out');
  if (!out || (year === undefined && !years && !agency)) {
    console.error(USAGE);
    return 2;
  }
  const path = flagString(args, 'archive') ?? defaultArchivePath();
  if (!existsSync(path)) throw new Error(`no archive at ${path} (import reports first, or pass --archive PATH)`);
  const a = await openArchive(path, { readonly: true });
  try {
    const r = await runExport(a, {
      ...(year !== undefined ? { year } : {}),
      ...(years ? { years } : {}),
      ...(agency ? { agency } : {}),
      ...(region ? { region } : {}),
      ...(status ? { status } : {}),
      ...(args.flags.unidentified ? { unidentified: true } : {}),
      format,
      out,
      lang,
      overwrite: !!args.flags.overwrite,
    });
    if (args.flags.json) console.log(JSON.stringify(r, null, 2));
    else if (!r.files.length) console.error('no reports match; nothing written');
    else {
      const w = r.workbook;
      console.log(`wrote ${r.files.join(', ')}`);
      if (w)
        console.log(
          `  ${w.reports} reports, ${w.agencies} agencies, ${w.flagged} with open checks, ${w.verified} verified, ${w.correctedCells} corrected cells; sheets: ${w.sheets.join(' ')}`,
        );
      else console.log(`  ${r.reports} reports`);
    }
    for (const s of r.skipped) console.error(`  skipped report ${s.id}: ${s.reason}`);
    return r.files.length ? 0 : 1;
  } finally {
    a.close();
  }
}
