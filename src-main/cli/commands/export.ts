// export --year Y | --years A-B | --agency NAME  [--region R] [--status verified]
//        [--format xlsx|csv|json] [--lang zh|en] --out FILE|DIR [--archive PATH] [--json]
import { existsSync } from 'node:fs';
import { openArchive, type ReportStatus } from '../../core/archive/index.js';
import { runExport } from '../../core/export/job.js';
import { cliText, langFromEnv, type CliKey, type CliParams, type Lang } from '../../core/wording/index.js';
import { flagNumber, flagString, type Args } from '../args.js';
import { defaultArchivePath } from './archive.js';

const USAGE = `usage: export --year Y | --years A-B | --agency NAME --out FILE.xlsx|DIR
  [--region TEXT] [--status verified|unreviewed|flagged] [--unidentified] [--format xlsx|csv|json] [--lang zh|en] [--archive PATH]
  (--unidentified: include reports whose agency is not known)
  --years A-B writes one workbook with a sheet set per year: different years are never added together
  [--overwrite]  replace FILE when it exists (otherwise refused; a folder gets a new name: 年报汇总-2020 (2).xlsx)`;

function parseYears(v: string | undefined, say: (k: CliKey, p?: CliParams) => string): { from: number; to: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{4})\s*[-–—~]\s*(\d{4})$/.exec(v.trim()) ?? /^(\d{4})()$/.exec(v.trim());
  if (!m) throw new Error(say('yearsFlag', { got: v }));
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (to < from) throw new Error(say('yearsOrder', { from, to }));
  return { from, to };
}

export async function run(args: Args): Promise<number> {
  const given = flagString(args, 'lang');
  if (given !== undefined && !['zh', 'en'].includes(given)) throw new Error(cliText('langFlag', 'zh') + ' / ' + cliText('langFlag', 'en'));
  // --lang sets the workbook's language and the messages' (without it: the locale, Chinese by default)
  const lang: Lang = langFromEnv(given, process.env);
  const say = (k: CliKey, p?: CliParams) => cliText(k, lang, p);
  const format = (flagString(args, 'format') ?? 'xlsx') as 'xlsx' | 'csv' | 'json';
  if (!['xlsx', 'csv', 'json'].includes(format)) throw new Error(`${say('formatFlag')}\n${USAGE}`);
  const status = flagString(args, 'status') as ReportStatus | undefined;
  if (status && !['verified', 'unreviewed', 'flagged'].includes(status)) throw new Error(say('exportStatusFlag'));
  const year = flagNumber(args, 'year');
  const years = parseYears(flagString(args, 'years'), say);
  const agency = flagString(args, 'agency');
  const region = flagString(args, 'region');
  const out = flagString(args, 'out');
  if (!out || (year === undefined && !years && !agency)) {
    console.error(USAGE);
    return 2;
  }
  const path = flagString(args, 'archive') ?? defaultArchivePath();
  if (!existsSync(path)) throw new Error(say('noArchive', { path }));
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
    else if (!r.files.length) console.error(say('exportNothing'));
    else {
      const w = r.workbook;
      console.log(say('wrote', { files: r.files.join(lang === 'zh' ? '、' : ', ') }));
      if (w)
        console.log(
          say('exportStats', {
            reports: w.reports,
            agencies: w.agencies,
            flagged: w.flagged,
            verified: w.verified,
            corrected: w.correctedCells,
            sheets: w.sheets.join(' '),
          }),
        );
      else console.log(say('exportReports', { reports: r.reports }));
    }
    for (const s of r.skipped) console.error(say('exportSkipped', { id: s.id, reason: s.reason }));
    return r.files.length ? 0 : 1;
  } finally {
    a.close();
  }
}
